/** The pure readers behind the node: typed XML and the 422 rules (conflict or validation error). */
import { isNameTaken, vendorErrors } from '../../nodes/Assembla/answers';
import { fromXml, toXml } from '../../nodes/Assembla/xml';

describe('typed XML', () => {
	it('reads integers, arrays (empty, one, many), nil and dashed names as Rails does', () => {
		const document =
			'<?xml version="1.0" encoding="UTF-8"?>\n<group>\n  <id type="integer">24</id>\n  <name>New &amp; &#233;</name>\n' +
			'  <portfolio-id>007</portfolio-id>\n  <parent type="integer" nil="true"/>\n  <items type="array"/>\n' +
			'  <owners type="array"><owner>one</owner></owners>\n  <tags type="array"><tag>a</tag><tag>b</tag></tags>\n</group>';
		expect(fromXml(document)).toEqual({
			group: { id: 24, name: 'New & é', portfolio_id: '007', parent: null, items: [], owners: ['one'], tags: ['a', 'b'] },
		});
	});

	it('gives undefined for text that is not well-formed XML', () => {
		expect(fromXml('<group><name>x</group>')).toBeUndefined();
		expect(fromXml('not xml')).toBeUndefined();
	});

	it('round-trips markup, entities, quotes and ]]> through the writer and the reader', () => {
		const name = `a <b> & "c" 'd' ]]> &amp; é`;
		const written = toXml('group', { name, items: { list: ['x&y'], itemName: 'item' } });
		expect(written).not.toContain('<b>');
		expect(fromXml(written)).toEqual({ group: { name, items: ['x&y'] } });
	});
});

describe('422 errors', () => {
	it.each([
		[{ name: ['has already been taken'] }, true],
		[{ errors: { name: ['must be unique'] } }, true],
		[{ errors: ['Name has already been taken'] }, true],
		[{ errors: { error: 'Name has already been taken' } }, true],
		[{ message: 'A group with this name already exists' }, true],
		[{ name: ['is in use'] }, true],
		[{ name: ['is already taken'] }, true],
		// Only the "has already been taken" family on the name is a conflict (issue 12, point 3).
		[{ name: ['clashes with an existing group'] }, false],
		[{ items: ['dCDf9QDNyr4PMj5bfBjDYC does not exist'] }, false],
		[{ errors: ['Items must be existing space ids'] }, false],
		[{ errors: { items: ['must be existing space ids'] } }, false],
		[{ type: ['has already been taken'] }, false],
		[{ errors: ['Item dCDf9QDNyr4PMj5bfBjDYC already exists in this group'] }, false],
		[{ base: ['Portfolio already has the maximum number of groups'] }, false],
		[{ name: ["can't be blank"] }, false],
		[{ name: ['is too long (maximum is 255 characters)'] }, false],
		[{ type: ['is not included in the list'] }, false],
		[{ errors: ['Type is not included in the list'] }, false],
		['Unprocessable', false],
	])('%j → conflict %s', (body, conflict) => {
		expect(isNameTaken(vendorErrors(body))).toBe(conflict);
	});
});
