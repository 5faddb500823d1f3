/**
 * Calendar dates as whole days since 1970-01-01 (UTC), converted to and from 'YYYY-MM-DD' without Date objects:
 * generation makes millions of dates and this keeps them cheap and free of time zones.
 */

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function toDays(y: number, m: number, d: number): number {
	y -= m <= 2 ? 1 : 0;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/** [year, month, day] for a day number. */
export function fromDays(z: number): [number, number, number] {
	z += 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp + (mp < 10 ? 3 : -9);
	return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

// Generation formats the same few tens of thousands of days millions of times: remember each once.
const ISO_FROM = -36525; // 1869-12-31
const ISO_SPAN = 120_000;
// Filled with holes up front through Array.from, so V8 keeps fast elements: an empty array written at scattered
// indexes turns into a slow dictionary.
const isoCache: (string | undefined)[] = Array.from({ length: ISO_SPAN }, () => undefined);

/** 'YYYY-MM-DD' for a day number. */
export function isoDate(days: number): string {
	const k = days - ISO_FROM;
	if (k >= 0 && k < ISO_SPAN) {
		const hit = isoCache[k];
		if (hit !== undefined) return hit;
	}
	const [y, m, d] = fromDays(days);
	const s = `${y}-${pad2(m)}-${pad2(d)}`;
	if (k >= 0 && k < ISO_SPAN) isoCache[k] = s;
	return s;
}

/** Day number for 'YYYY-MM-DD'; throws on anything else, including impossible dates like 2025-02-30. */
export function parseIsoDate(iso: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) throw new RangeError(`Not a date in YYYY-MM-DD form: ${JSON.stringify(iso)}`);
	const days = toDays(Number(m[1]), Number(m[2]), Number(m[3]));
	if (isoDate(days) !== iso) throw new RangeError(`Not a real calendar date: ${iso}`);
	return days;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'DD-Mmm-YYYY', the wristband and casenote display that avoids day/month confusion (handbook 1.6, 1.7). */
export function displayDate(iso: string): string {
	return `${iso.slice(8, 10)}-${MONTHS[+iso.slice(5, 7) - 1]}-${iso.slice(0, 4)}`;
}

/** Day number of a 'YYYY-MM-DD' date the generator wrote itself (no validation: hot path). */
export function daysOf(iso: string): number {
	return toDays(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));
}

/** Whole years from one day number to another. */
export function ageInDays(dob: number, on: number): number {
	const [y1, m1, d1] = fromDays(dob);
	const [y2, m2, d2] = fromDays(on);
	return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/** Whole years between two ISO dates (age on a date). */
export function ageOn(dobIso: string, onIso: string): number {
	const [y1, m1, d1] = dobIso.split('-').map(Number);
	const [y2, m2, d2] = onIso.split('-').map(Number);
	let age = y2 - y1;
	if (m2 < m1 || (m2 === m1 && d2 < d1)) age--;
	return age;
}

const WEEKDAYS = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'];

/** Day of the week for a day number (1970-01-01 was a Thursday). */
export function weekday(days: number): string {
	return WEEKDAYS[((days % 7) + 7) % 7];
}
