import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addWorkingDays,
	bankHolidays,
	easterSunday,
	isBankHoliday,
	isWorkingDay,
	onOrNextWorkingDay,
	workingDaysBetween
} from './calendar';

const dates = (year: number, nation?: Parameters<typeof bankHolidays>[1]) =>
	bankHolidays(year, nation).map((h) => h.date);

describe('easterSunday (Gregorian computus, for 4.7 working days)', () => {
	it.each([
		[2000, '2000-04-23'],
		[2019, '2019-04-21'],
		[2024, '2024-03-31'],
		[2025, '2025-04-20'],
		[2026, '2026-04-05'],
		[2038, '2038-04-25'],
		[2285, '2285-03-22'],
		[1818, '1818-03-22']
	])('%i → %s', (year, date) => {
		expect(easterSunday(year)).toBe(date);
	});
	it('always falls on a Sunday between 22 March and 25 April (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1583, max: 4099 }), (y) => {
				const e = easterSunday(y);
				const day = new Date(`${e}T00:00:00Z`).getUTCDay();
				return day === 0 && e.slice(5) >= '03-22' && e.slice(5) <= '04-25';
			})
		);
	});
});

describe('bankHolidays (handbook 4.7 next working day; 4.15 nations)', () => {
	it.each([
		// England and Wales, substitute days and one-offs
		[
			'england-wales',
			2020,
			[
				'2020-01-01',
				'2020-04-10',
				'2020-04-13',
				'2020-05-08',
				'2020-05-25',
				'2020-08-31',
				'2020-12-25',
				'2020-12-28'
			]
		],
		[
			'england-wales',
			2021,
			[
				'2021-01-01',
				'2021-04-02',
				'2021-04-05',
				'2021-05-03',
				'2021-05-31',
				'2021-08-30',
				'2021-12-27',
				'2021-12-28'
			]
		],
		[
			'england-wales',
			2022,
			[
				'2022-01-03',
				'2022-04-15',
				'2022-04-18',
				'2022-05-02',
				'2022-06-02',
				'2022-06-03',
				'2022-08-29',
				'2022-09-19',
				'2022-12-26',
				'2022-12-27'
			]
		],
		[
			'england-wales',
			2023,
			[
				'2023-01-02',
				'2023-04-07',
				'2023-04-10',
				'2023-05-01',
				'2023-05-08',
				'2023-05-29',
				'2023-08-28',
				'2023-12-25',
				'2023-12-26'
			]
		],
		[
			'england-wales',
			2026,
			[
				'2026-01-01',
				'2026-04-03',
				'2026-04-06',
				'2026-05-04',
				'2026-05-25',
				'2026-08-31',
				'2026-12-25',
				'2026-12-28'
			]
		],
		// Scotland: 2 January, no Easter Monday, first Monday in August, St Andrew's Day
		[
			'scotland',
			2022,
			[
				'2022-01-03',
				'2022-01-04',
				'2022-04-15',
				'2022-05-02',
				'2022-06-02',
				'2022-06-03',
				'2022-08-01',
				'2022-09-19',
				'2022-11-30',
				'2022-12-26',
				'2022-12-27'
			]
		],
		[
			'scotland',
			2026,
			[
				'2026-01-01',
				'2026-01-02',
				'2026-04-03',
				'2026-05-04',
				'2026-05-25',
				'2026-08-03',
				'2026-11-30',
				'2026-12-25',
				'2026-12-28'
			]
		],
		[
			'scotland',
			2025,
			[
				'2025-01-01',
				'2025-01-02',
				'2025-04-18',
				'2025-05-05',
				'2025-05-26',
				'2025-08-04',
				'2025-12-01',
				'2025-12-25',
				'2025-12-26'
			]
		],
		// Northern Ireland: St Patrick's Day and the Boyne, with substitutes
		[
			'northern-ireland',
			2026,
			[
				'2026-01-01',
				'2026-03-17',
				'2026-04-03',
				'2026-04-06',
				'2026-05-04',
				'2026-05-25',
				'2026-07-13',
				'2026-08-31',
				'2026-12-25',
				'2026-12-28'
			]
		],
		[
			'northern-ireland',
			2024,
			[
				'2024-01-01',
				'2024-03-18',
				'2024-03-29',
				'2024-04-01',
				'2024-05-06',
				'2024-05-27',
				'2024-07-12',
				'2024-08-26',
				'2024-12-25',
				'2024-12-26'
			]
		]
	] as const)('%s %i (4.7, 4.15)', (nation, year, expected) => {
		expect(dates(year, nation)).toEqual(expected);
	});

	it('every holiday is a weekday, unique, and in its year (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1978, max: 2200 }),
				fc.constantFrom('england-wales', 'scotland', 'northern-ireland' as const),
				(y, nation) => {
					const ds = dates(y, nation);
					return (
						new Set(ds).size === ds.length &&
						ds.every((d) => d.startsWith(`${y}-`) && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))
					);
				}
			)
		);
	});
	it('returns nothing for a non-integer year rather than throwing', () => {
		expect(bankHolidays(2026.5)).toEqual([]);
	});
});

describe('working days (handbook 4.7)', () => {
	it.each([
		['2026-04-03', 'england-wales', false, 'Good Friday'],
		['2026-04-06', 'england-wales', false, 'Easter Monday'],
		['2026-04-06', 'scotland', true, 'no Easter Monday in Scotland'],
		['2026-08-03', 'scotland', false, 'Scottish summer holiday'],
		['2026-08-03', 'england-wales', true, 'ordinary Monday'],
		['2026-07-13', 'northern-ireland', false, 'Boyne substitute'],
		['2026-11-28', 'england-wales', false, 'Saturday'],
		['2024-02-29', 'england-wales', true, 'leap day Thursday'],
		['not a date', 'england-wales', false, 'not a date']
	] as const)('%s in %s working=%s (%s)', (date, nation, expected, _note) => {
		expect(isWorkingDay(date, nation)).toBe(expected);
	});
	it('isBankHoliday ignores rubbish', () => {
		expect(isBankHoliday('2026-13-01')).toBe(false);
		expect(isBankHoliday('2026-12-25')).toBe(true);
	});
	it.each([
		['2026-12-24', 1, '2026-12-29'],
		['2026-12-24', 2, '2026-12-30'],
		['2026-12-29', -1, '2026-12-24'],
		['2026-04-02', 1, '2026-04-07'],
		['2026-04-07', 0, '2026-04-07'],
		['2026-02-27', 1, '2026-03-02']
	])('addWorkingDays(%s, %i) = %s (4.7)', (date, n, expected) => {
		expect(addWorkingDays(date, n)).toBe(expected);
	});
	it('throws on bad input as documented', () => {
		expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
		expect(() => addWorkingDays('2026-02-03', 1.5)).toThrow(RangeError);
		expect(() => onOrNextWorkingDay('soon')).toThrow(RangeError);
	});
	it('counts working days (2.8 "5 working days")', () => {
		expect(workingDaysBetween('2026-12-24', '2026-12-31')).toBe(3);
		expect(workingDaysBetween('2026-12-31', '2026-12-24')).toBe(0);
		expect(workingDaysBetween('2026-11-23', '2026-11-30')).toBe(5);
	});
	it('adding then counting working days round-trips (property)', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
				fc.integer({ min: 0, max: 60 }),
				(d, n) => {
					const start = onOrNextWorkingDay(d.toISOString().slice(0, 10));
					const end = addWorkingDays(start, n);
					return workingDaysBetween(start, end) === n && isWorkingDay(end);
				}
			)
		);
	});
});
