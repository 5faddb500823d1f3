/**
 * UK bank holidays and working days, computed for any year, for moving deadlines off weekends and bank holidays
 * (handbook 4.7). England and Wales by default; Scotland and Northern Ireland as options (handbook 4.15).
 *
 * The regular pattern follows the Banking and Financial Dealings Act 1971 and the royal proclamations that move
 * days in the usual way (substitute days when a fixed date falls at a weekend). Easter comes from the Gregorian
 * computus. Days moved or added by one-off proclamation are in ONE_OFF_CHANGES; years after the table's last
 * entry assume no further one-offs, so a trust can add them there when announced. The pattern is the modern one
 * (early May from 1978, St Andrew's Day in Scotland from 2007); earlier years are not modelled.
 */
import { addDays, dayOfWeek, daysBetween, parseIsoDate, requireIsoDate, toIso, type YMD } from './iso-date';
import type { Nation } from './settings';

export type { Nation } from './settings';

export interface BankHoliday {
	date: string;
	name: string;
}

/**
 * Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm).
 * @example easterSunday(2026) // '2026-04-05'
 * @example easterSunday(2019) // '2019-04-21'
 */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return toIso({ y: year, m: month, d: day });
}

function firstMonday(y: number, m: number): YMD {
	const first = { y, m, d: 1 };
	return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(y: number, m: number): YMD {
	const last = addDays({ y: m === 12 ? y + 1 : y, m: m === 12 ? 1 : m + 1, d: 1 }, -1);
	return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

const isWeekend = (d: YMD) => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;

/**
 * One-off changes by royal proclamation, for all three nations: `remove` drops the usual holiday of that name
 * in that year, `add` adds days.
 */
const ONE_OFF_CHANGES: ReadonlyArray<{ year: number; remove?: string; add: BankHoliday[] }> = [
	{
		year: 1995,
		remove: 'Early May bank holiday',
		add: [{ date: '1995-05-08', name: 'Early May bank holiday (VE Day)' }]
	},
	{ year: 1999, add: [{ date: '1999-12-31', name: 'Millennium celebrations' }] },
	{
		year: 2002,
		remove: 'Spring bank holiday',
		add: [
			{ date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
			{ date: '2002-06-04', name: 'Spring bank holiday' }
		]
	},
	{ year: 2011, add: [{ date: '2011-04-29', name: 'Royal wedding' }] },
	{
		year: 2012,
		remove: 'Spring bank holiday',
		add: [
			{ date: '2012-06-04', name: 'Spring bank holiday' },
			{ date: '2012-06-05', name: 'Diamond Jubilee bank holiday' }
		]
	},
	{
		year: 2020,
		remove: 'Early May bank holiday',
		add: [{ date: '2020-05-08', name: 'Early May bank holiday (VE Day)' }]
	},
	{
		year: 2022,
		remove: 'Spring bank holiday',
		add: [
			{ date: '2022-06-02', name: 'Spring bank holiday' },
			{ date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
			{ date: '2022-09-19', name: 'State Funeral of Queen Elizabeth II' }
		]
	},
	{ year: 2023, add: [{ date: '2023-05-08', name: 'Coronation of King Charles III' }] }
];

/**
 * Places fixed-date holidays: each keeps its own day when that is a weekday, otherwise takes the first later
 * weekday not already taken (so Christmas on a Saturday gives Monday 27th and Boxing Day Tuesday 28th).
 */
function placeFixed(fixed: { date: YMD; name: string }[], taken: Set<string>): BankHoliday[] {
	const out: BankHoliday[] = [];
	for (const h of fixed) {
		if (!isWeekend(h.date)) {
			out.push({ date: toIso(h.date), name: h.name });
			taken.add(toIso(h.date));
		}
	}
	for (const h of fixed) {
		if (!isWeekend(h.date)) continue;
		let d = addDays(h.date, 1);
		while (isWeekend(d) || taken.has(toIso(d))) d = addDays(d, 1);
		out.push({ date: toIso(d), name: `${h.name} (substitute day)` });
		taken.add(toIso(d));
	}
	return out;
}

/**
 * The bank holidays of a year for a nation, in date order (handbook 4.7, 4.15).
 * @example bankHolidays(2026).map((h) => h.date) // ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']
 * @example bankHolidays(2026, 'scotland').length // 9
 */
export function bankHolidays(year: number, nation: Nation = 'england-wales'): BankHoliday[] {
	if (!Number.isInteger(year)) return [];
	const easter = requireIsoDate(easterSunday(year), 'easter');
	const moveable: BankHoliday[] = [{ date: toIso(addDays(easter, -2)), name: 'Good Friday' }];
	if (nation !== 'scotland') moveable.push({ date: toIso(addDays(easter, 1)), name: 'Easter Monday' });
	moveable.push({ date: toIso(firstMonday(year, 5)), name: 'Early May bank holiday' });
	moveable.push({ date: toIso(lastMonday(year, 5)), name: 'Spring bank holiday' });
	moveable.push(
		nation === 'scotland'
			? { date: toIso(firstMonday(year, 8)), name: 'Summer bank holiday' }
			: { date: toIso(lastMonday(year, 8)), name: 'Summer bank holiday' }
	);

	const oneOff = ONE_OFF_CHANGES.find((c) => c.year === year);
	let regular = moveable.filter((h) => h.name !== oneOff?.remove);
	const taken = new Set(regular.map((h) => h.date));

	const fixedStart: { date: YMD; name: string }[] = [
		{ date: { y: year, m: 1, d: 1 }, name: "New Year's Day" }
	];
	if (nation === 'scotland') fixedStart.push({ date: { y: year, m: 1, d: 2 }, name: '2nd January' });
	const fixed = placeFixed(fixedStart, taken);
	if (nation === 'northern-ireland') {
		fixed.push(...placeFixed([{ date: { y: year, m: 3, d: 17 }, name: "St Patrick's Day" }], taken));
		fixed.push(
			...placeFixed(
				[{ date: { y: year, m: 7, d: 12 }, name: 'Battle of the Boyne (Orangemen’s Day)' }],
				taken
			)
		);
	}
	if (nation === 'scotland' && year >= 2007) {
		fixed.push(...placeFixed([{ date: { y: year, m: 11, d: 30 }, name: "St Andrew's Day" }], taken));
	}
	fixed.push(
		...placeFixed(
			[
				{ date: { y: year, m: 12, d: 25 }, name: 'Christmas Day' },
				{ date: { y: year, m: 12, d: 26 }, name: 'Boxing Day' }
			],
			taken
		)
	);
	regular = [...regular, ...fixed, ...(oneOff?.add ?? [])];
	return regular.sort((a, b) => a.date.localeCompare(b.date));
}

const cache = new Map<string, Set<string>>();
function holidaySet(year: number, nation: Nation): Set<string> {
	const key = `${nation}:${year}`;
	let set = cache.get(key);
	if (!set) {
		// Bounded, so a long session probing many distant years cannot grow it without limit.
		if (cache.size > 400) cache.clear();
		set = new Set(bankHolidays(year, nation).map((h) => h.date));
		cache.set(key, set);
	}
	return set;
}

/**
 * True when the date is a bank holiday in the nation; false for anything that is not an ISO date.
 * @example isBankHoliday('2026-12-28') // true
 * @example isBankHoliday('2026-11-30', 'scotland') // true
 * @example isBankHoliday('2026-11-30') // false
 */
export function isBankHoliday(date: string, nation: Nation = 'england-wales'): boolean {
	const d = parseIsoDate(date);
	return d !== null && holidaySet(d.y, nation).has(toIso(d));
}

/**
 * A working day is Monday to Friday and not a bank holiday (handbook 4.7). False for non-dates.
 * @example isWorkingDay('2026-04-03') // false
 * @example isWorkingDay('2026-04-07') // true
 */
export function isWorkingDay(date: string, nation: Nation = 'england-wales'): boolean {
	const d = parseIsoDate(date);
	return d !== null && !isWeekend(d) && !holidaySet(d.y, nation).has(toIso(d));
}

/**
 * The date itself when it is a working day, otherwise the next working day (handbook 4.7).
 * @throws RangeError when the input is not an ISO date.
 * @example onOrNextWorkingDay('2026-04-03') // '2026-04-07'
 * @example onOrNextWorkingDay('2026-04-08') // '2026-04-08'
 */
export function onOrNextWorkingDay(date: string, nation: Nation = 'england-wales'): string {
	let d = requireIsoDate(date, 'date');
	while (!isWorkingDay(toIso(d), nation)) d = addDays(d, 1);
	return toIso(d);
}

/**
 * Adds working days: 0 returns the date unchanged; n > 0 steps forward over weekends and bank holidays, n < 0
 * steps back.
 * @throws RangeError when the input is not an ISO date or n is not an integer.
 * @example addWorkingDays('2026-12-24', 1) // '2026-12-29'
 * @example addWorkingDays('2026-04-07', -1) // '2026-04-02'
 */
export function addWorkingDays(date: string, n: number, nation: Nation = 'england-wales'): string {
	if (!Number.isInteger(n)) throw new RangeError(`n must be a whole number of working days, got ${n}`);
	let d = requireIsoDate(date, 'date');
	const step = n < 0 ? -1 : 1;
	for (let left = Math.abs(n); left > 0;) {
		d = addDays(d, step);
		if (isWorkingDay(toIso(d), nation)) left--;
	}
	return toIso(d);
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not later). Used for "report after 5
 * working days" style rules (handbook 2.8).
 * @throws RangeError when either input is not an ISO date.
 * @example workingDaysBetween('2026-12-24', '2026-12-31') // 3
 */
export function workingDaysBetween(from: string, to: string, nation: Nation = 'england-wales'): number {
	const start = requireIsoDate(from, 'from');
	const end = requireIsoDate(to, 'to');
	const n = daysBetween(start, end);
	if (n <= 0) return 0;
	// Weekdays by arithmetic, then bank holidays (always weekdays) subtracted year by year, so far-apart dates
	// cost one step per year rather than per day.
	let weekdays = Math.floor(n / 7) * 5;
	for (let i = Math.floor(n / 7) * 7 + 1; i <= n; i++) if (!isWeekend(addDays(start, i))) weekdays++;
	const lo = toIso(start);
	const hi = toIso(end);
	let holidays = 0;
	for (let y = start.y; y <= end.y; y++) {
		for (const h of holidaySet(y, nation)) if (h > lo && h <= hi) holidays++;
	}
	return weekdays - holidays;
}
