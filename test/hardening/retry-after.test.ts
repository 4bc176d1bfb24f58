/**
 * Retry-After as the engine reads it (a pure function, so absurd values cost no test time): any
 * header gives no wait or a wait between 0 and the 60 s cap, never a negative or endless one.
 */
import fc from 'fast-check';

import { MAX_WAIT_MS, retryAfterMs } from '../../nodes/shared/transport';

const now = Date.parse('2030-06-01T12:00:00Z');

describe('retryAfterMs', () => {
	it.each([
		['86400', MAX_WAIT_MS],
		['99999999999999999999999', MAX_WAIT_MS],
		['31536000.5', MAX_WAIT_MS],
		[new Date(now + 365 * 86_400_000).toUTCString(), MAX_WAIT_MS],
		['Tue, 31 Dec 2999 23:59:59 GMT', MAX_WAIT_MS],
	])('caps %j at one minute', (value, expected) => {
		expect(retryAfterMs({ 'Retry-After': value }, now)).toBe(expected);
	});

	it.each([
		[' 2 ', 2_000],
		['1.25', 1_250],
		[new Date(now + 3_000).toUTCString(), 3_000],
	])('reads %j', (value, expected) => {
		expect(retryAfterMs({ 'retry-after': value }, now)).toBe(expected);
	});

	it.each([
		'',
		'   ',
		'soon',
		'5 seconds',
		'1e9',
		'Infinity',
		'NaN',
		'0x10',
		'1,000',
		// Names no real wait: treated as a 429 without Retry-After.
		'0',
		'-1',
		'-30',
		new Date(now - 60_000).toUTCString(),
		new Date(now).toUTCString(),
		// Date.parse accepts these; RFC 9110 does not.
		'May 5',
		'1 2',
		'June 1, 2030 12:00:05',
		'2030-06-01T12:00:05Z',
	])('ignores %j', (value) => {
		expect(retryAfterMs({ 'retry-after': value }, now)).toBeUndefined();
	});

	it('reads every HTTP-date form RFC 9110 allows, and only those', () => {
		expect(retryAfterMs({ 'retry-after': 'Sat, 01 Jun 2030 12:00:07 GMT' }, now)).toBe(7_000);
		expect(retryAfterMs({ 'retry-after': 'Saturday, 01-Jun-30 12:00:07 GMT' }, now)).toBe(7_000);
		expect(retryAfterMs({ 'retry-after': 'Sat Jun  1 12:00:07 2030' }, now)).toBe(7_000);
	});

	it('reads a header given as a list or as a number, and ignores other types', () => {
		expect(retryAfterMs({ 'retry-after': ['3', '9'] }, now)).toBe(3_000);
		expect(retryAfterMs({ 'retry-after': 4 }, now)).toBe(4_000);
		expect(retryAfterMs({ 'retry-after': { seconds: 4 } }, now)).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': null }, now)).toBeUndefined();
	});

	it('never waits less than a millisecond or longer than the cap, whatever the header says', () => {
		const header = fc.oneof(
			fc.string(),
			fc.nat().map(String),
			fc.double({ min: -1e12, max: 1e12, noNaN: true }).map(String),
			fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
			fc.integer(),
		);
		fc.assert(
			fc.property(header, (value) => {
				const wait = retryAfterMs({ 'retry-after': value }, now);
				return wait === undefined || (Number.isFinite(wait) && wait >= 1 && wait <= MAX_WAIT_MS);
			}),
			{ numRuns: 2_000 },
		);
	});
});
