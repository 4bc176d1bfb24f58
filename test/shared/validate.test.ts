import {
	InputError,
	optionalInteger,
	requireBaseUrl,
	requireBoolean,
	requireDnsLabel,
	requireHostname,
	requireText,
	textList,
} from '../../nodes/shared/validate';

function fieldOf(run: () => unknown): string | undefined {
	try {
		run();
	} catch (error) {
		if (error instanceof InputError) return error.field;
		throw error;
	}
	return undefined;
}

describe('requireText', () => {
	it('trims and accepts numbers as text', () => {
		expect(requireText('Name', '  Sales  ', 10)).toBe('Sales');
		expect(requireText('Name', 42, 10)).toBe('42');
	});

	it.each([
		['', /is empty/],
		['   ', /is empty/],
		[null, /^"Name" is missing$/],
		[undefined, /^"Name" is missing$/],
		[{ a: 1 }, /an object/],
		[['x'], /a list/],
		[true, /must be text, but it is true\/false/],
		['a\nb', /control characters/],
		['x'.repeat(11), /longer than 10/],
	])('refuses %p naming the field', (value, message) => {
		expect(() => requireText('Name', value, 10)).toThrow(message);
		expect(fieldOf(() => requireText('Name', value, 10))).toBe('Name');
	});

	it('counts characters, not UTF-16 units', () => {
		expect(requireText('Name', '😀'.repeat(10), 10)).toHaveLength(20);
	});
});

describe('optionalInteger', () => {
	it('reads numbers and digit strings, and nothing as undefined', () => {
		expect(optionalInteger('Rank', 3)).toBe(3);
		expect(optionalInteger('Rank', ' 7 ')).toBe(7);
		expect(optionalInteger('Rank', '')).toBeUndefined();
		expect(optionalInteger('Rank', null)).toBeUndefined();
	});

	it.each([1.5, '1.5', 'abc', NaN, Infinity, {}, [1]])('refuses %p', (value) => {
		expect(fieldOf(() => optionalInteger('Rank', value))).toBe('Rank');
	});

	it('keeps within bounds', () => {
		expect(() => optionalInteger('Concurrency', 0, { min: 1, max: 50 })).toThrow(/between 1 and 50/);
	});
});

describe('requireBoolean and textList', () => {
	it('reads booleans and their string forms', () => {
		expect(requireBoolean('Flag', 'true')).toBe(true);
		expect(requireBoolean('Flag', false)).toBe(false);
		expect(fieldOf(() => requireBoolean('Flag', 'yes'))).toBe('Flag');
	});

	it('reads arrays and comma-separated text, dropping blanks', () => {
		expect(textList('Items', 'a, b,,c ')).toEqual(['a', 'b', 'c']);
		expect(textList('Items', [1, ' x '])).toEqual(['1', 'x']);
		expect(textList('Items', undefined)).toEqual([]);
	});

	it('refuses junk entries', () => {
		expect(() => textList('Items', [{}])).toThrow(/entry 1 must be text/);
		expect(() => textList('Items', 5)).toThrow(/must be a list/);
	});
});

describe('hosts and URLs', () => {
	it('accepts single DNS labels only', () => {
		expect(requireDnsLabel('Company', 'Acme-1')).toBe('acme-1');
		for (const bad of ['evil.com/', 'a@b', 'x#', '..', 'a.b', '-a', '', 'a'.repeat(64), 'a b']) {
			expect(fieldOf(() => requireDnsLabel('Company', bad))).toBe('Company');
		}
	});

	it('accepts host names without scheme, port or path', () => {
		expect(requireHostname('Host', 'EU.api.capillarytech.com')).toBe('eu.api.capillarytech.com');
		for (const bad of ['https://x.com', 'x.com/a', 'x.com:8080', 'a@x.com', 'x..com', '']) {
			expect(fieldOf(() => requireHostname('Host', bad))).toBe('Host');
		}
	});

	it('accepts http(s) base URLs without credentials, query or fragment', () => {
		expect(requireBaseUrl('Base URL', 'https://api.example.com/')).toBe('https://api.example.com');
		expect(requireBaseUrl('Base URL', 'http://127.0.0.1:8080/x/', 'https-or-loopback')).toBe('http://127.0.0.1:8080/x');
		expect(() => requireBaseUrl('Base URL', 'ftp://x.com')).toThrow(/https/);
		expect(() => requireBaseUrl('Base URL', 'https://u:p@x.com')).toThrow(/user name or password/);
		expect(() => requireBaseUrl('Base URL', 'https://x.com/?a=1')).toThrow(/\? or #/);
		expect(() => requireBaseUrl('Base URL', 'http://x.com', 'https-or-loopback')).toThrow(/only allowed for localhost/);
		expect(() => requireBaseUrl('Base URL', 'not a url')).toThrow(/"Base URL" is not a web address such as https:\/\/api.example.com/);
	});
});
