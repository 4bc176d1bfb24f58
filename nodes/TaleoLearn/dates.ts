/**
 * Active From / Active Until. Taleo Learn writes dates as local wall-clock time without a zone
 * (`2017-05-06T00:00:00`, the vendor page's example in docs/vendors/taleo-learn.md), so that is what the node sends: the date and time as
 * the user wrote them. A zone or offset on the input (n8n's `$now` carries one) is dropped, not
 * converted, so "2024-05-06 in Berlin" stays 2024-05-06 at the vendor.
 */
import { InputError } from '../shared/validate';

/** `2024-05-06`, `2024-05-06T08:30`, `2024-05-06 08:30:15.250+02:00`, `2024-05-06T08:30:00Z`. */
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** True when the numbers name a real moment (no 30 February, no 25:00). */
function isRealDate(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	return (
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day &&
		date.getUTCHours() === hour &&
		date.getUTCMinutes() === minute &&
		date.getUTCSeconds() === second
	);
}

function asText(field: string, value: unknown): string {
	if (typeof value === 'string') return value.trim();
	// A JS Date from an expression has no wall-clock of its own: its UTC reading is used.
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
	throw new InputError(field, `"${field}" must be a date such as 2024-05-06 or 2024-05-06T08:30:00`);
}

/** An optional date field in Taleo's form `YYYY-MM-DDTHH:mm:ss`, or undefined when blank. */
export function optionalTaleoDate(field: string, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = asText(field, value);
	if (text === '') return undefined;
	const match = DATE_TIME.exec(text);
	if (!match) {
		throw new InputError(field, `"${field}" must be a date such as 2024-05-06 or 2024-05-06T08:30:00, not "${text}"`);
	}
	const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
	if (!isRealDate(year, month, day, hour, minute, second)) {
		throw new InputError(field, `"${field}" is not a real date or time: "${text}"`);
	}
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** Both dates in Taleo's form; From must come strictly before Until when both are given. */
export function activePeriod(
	from: unknown,
	until: unknown,
): { activeFromDate?: string; activeUntilDate?: string } {
	const activeFromDate = optionalTaleoDate('Active From', from);
	const activeUntilDate = optionalTaleoDate('Active Until', until);
	// The fixed-width form sorts as text in time order.
	if (activeFromDate && activeUntilDate && activeFromDate >= activeUntilDate) {
		throw new InputError(
			'Active Until',
			`"Active From" (${activeFromDate}) must be before "Active Until" (${activeUntilDate})`,
		);
	}
	return { activeFromDate, activeUntilDate };
}
