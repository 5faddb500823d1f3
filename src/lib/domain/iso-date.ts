/**
 * Calendar-date arithmetic on ISO strings (YYYY-MM-DD). Dates are calendar days with no time zone: every
 * calculation goes through Date.UTC so the machine's zone and daylight saving can never shift a day.
 */

export interface YMD {
	y: number;
	m: number;
	d: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month (m is 1-12). */
export function daysInMonth(y: number, m: number): number {
	// Not via Date.UTC, which reads years 0-99 as 1900-1999.
	if (m === 2) return isLeapYear(y) ? 29 : 28;
	return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** True for a leap year in the Gregorian calendar. */
export function isLeapYear(y: number): boolean {
	return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Parses a strict, real calendar date; null for anything else (never throws). */
export function parseIsoDate(input: unknown): YMD | null {
	if (typeof input !== 'string') return null;
	const m = ISO_DATE.exec(input.trim());
	if (!m) return null;
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
	return { y, m: mo, d };
}

/** Like parseIsoDate but throws a RangeError naming the field, for functions documented to throw. */
export function requireIsoDate(input: unknown, field: string): YMD {
	const p = parseIsoDate(input);
	if (!p)
		throw new RangeError(`${field} must be a real date written YYYY-MM-DD, got ${JSON.stringify(input)}`);
	return p;
}

export function toIso({ y, m, d }: YMD): string {
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fromUtc(ms: number): YMD {
	const dt = new Date(ms);
	return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function utc({ y, m, d }: YMD): number {
	// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
	const dt = new Date(Date.UTC(2000, m - 1, d));
	dt.setUTCFullYear(y);
	return dt.getTime();
}

export function addDays(date: YMD, n: number): YMD {
	return fromUtc(utc(date) + n * 86_400_000);
}

/** Adds calendar months; a day that does not exist in the target month becomes that month's last day. */
export function addMonthsClamped(date: YMD, n: number): YMD {
	const total = date.y * 12 + (date.m - 1) + n;
	const y = Math.floor(total / 12);
	const m = (total % 12) + 1;
	return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

/**
 * Adds whole years. 29 February becomes 1 March in a non-leap year: for retention this is the later of the two
 * possible readings, so a record is never reviewed a day early.
 */
export function addYearsForward(date: YMD, n: number): YMD {
	const y = date.y + n;
	if (date.m === 2 && date.d === 29 && !isLeapYear(y)) return { y, m: 3, d: 1 };
	return { y, m: date.m, d: date.d };
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: YMD): number {
	return new Date(utc(date)).getUTCDay();
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: YMD, b: YMD): number {
	return Math.round((utc(b) - utc(a)) / 86_400_000);
}

export function compareYmd(a: YMD, b: YMD): number {
	return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function maxYmd(...dates: YMD[]): YMD {
	return dates.reduce((best, d) => (compareYmd(d, best) > 0 ? d : best));
}

export function minYmd(...dates: YMD[]): YMD {
	return dates.reduce((best, d) => (compareYmd(d, best) < 0 ? d : best));
}

/** Age in completed years on a date. Someone born on 29 February has their birthday on 1 March in other years. */
export function ageOn(dateOfBirth: YMD, on: YMD): number {
	let age = on.y - dateOfBirth.y;
	const birthday = addYearsForward(dateOfBirth, age);
	if (compareYmd(on, birthday) < 0) age -= 1;
	return age;
}
