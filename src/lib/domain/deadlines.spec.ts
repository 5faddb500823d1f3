import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from './calendar';
import {
	ahraDeadline,
	ahraDeadlineDetail,
	breachReportDeadline,
	sarDeadline,
	sarDeadlineDetail
} from './deadlines';

const isoDate = fc
	.date({ min: new Date('1995-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));
const nation = fc.constantFrom('england-wales', 'scotland', 'northern-ireland' as const);

describe('sarDeadline (handbook 4.7)', () => {
	it.each([
		['2026-09-03', {}, '2026-10-05', '4.7 ICO example date, deadline on a Saturday'],
		['2026-03-31', {}, '2026-04-30', '4.7 same date next month'],
		['2024-01-29', {}, '2024-02-29', '4.7 leap year: 29 February exists'],
		['2025-01-29', {}, '2025-02-28', '4.7 month end: no 29 February, last day'],
		['2024-01-31', {}, '2024-02-29', '4.7 month end in a leap year'],
		['2026-01-30', {}, '2026-03-02', '4.7 month end then weekend'],
		['2026-02-28', {}, '2026-03-30', '4.7 weekend'],
		['2026-03-03', {}, '2026-04-07', '4.7 Good Friday, weekend and Easter Monday'],
		['2026-03-03', { nation: 'scotland' }, '2026-04-06', '4.15 Scotland: Good Friday but no Easter Monday'],
		['2026-11-25', {}, '2026-12-29', '4.7 Christmas Friday, Boxing Day substitute Monday'],
		['2026-12-31', {}, '2027-02-01', '4.7 over the year end, lands on a Sunday'],
		['2026-10-30', { nation: 'scotland' }, '2026-12-01', '4.15 St Andrew’s Day'],
		['2026-06-12', { nation: 'northern-ireland' }, '2026-07-14', '4.15 Boyne substitute day'],
		['2026-06-12', {}, '2026-07-13', '4.7 ordinary Monday in England'],
		['2026-01-10', { clockStarts: '2026-01-20' }, '2026-02-20', '4.7 clock starts when ID arrives'],
		['2026-01-10', { clockStarts: '2026-01-01' }, '2026-02-10', '4.7 an earlier clock start is ignored'],
		['2026-01-10', { extended: true }, '2026-04-10', '4.7 extension: three months in total'],
		['2025-11-30', { extended: true }, '2026-03-02', '4.7 extension, month end, weekend'],
		['2026-01-10', { extended: true, clockStarts: '2026-02-02' }, '2026-05-05', '4.7 both; May Day'],
		['2023-04-08', {}, '2023-05-09', '4.7 2023 Coronation bank holiday one-off']
	] as const)('%s %j → %s (%s)', (received, opts, expected, _note) => {
		expect(sarDeadline(received, { ...opts })).toBe(expected);
	});

	it('explains each step with handbook sections', () => {
		const d = sarDeadlineDetail('2026-01-10', { extended: true, clockStarts: '2026-01-20' });
		expect(d.reasons.map((r) => r.rule)).toEqual(['sar.one-month', 'sar.clock-start', 'sar.extension']);
		expect(d.reasons.every((r) => /handbook 4\.7/.test(r.text))).toBe(true);
		expect(d.extensionNoticeBy).toBe('2026-02-20');
		expect(d.internalTarget).toBe('2026-02-16');
	});

	it('throws a RangeError on bad dates, as documented', () => {
		expect(() => sarDeadline('2026-02-30')).toThrow(RangeError);
		expect(() => sarDeadline('2026-01-10', { clockStarts: 'next week' })).toThrow(RangeError);
	});

	it('is never earlier than receipt and always lands on a working day (property)', () => {
		fc.assert(
			fc.property(isoDate, fc.boolean(), nation, (received, extended, n) => {
				const d = sarDeadline(received, { extended, nation: n });
				return d > received && isWorkingDay(d, n);
			})
		);
	});

	it('is never earlier than the clock start, and later starts never give earlier deadlines (property)', () => {
		fc.assert(
			fc.property(isoDate, isoDate, (a, b) => {
				const [received, start] = a < b ? [a, b] : [b, a];
				const plain = sarDeadline(received);
				const late = sarDeadline(received, { clockStarts: start });
				return late >= plain && late > start && sarDeadline(received, { extended: true }) >= plain;
			})
		);
	});

	it('throws only RangeError on arbitrary strings (property)', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				try {
					return typeof sarDeadline(s) === 'string';
				} catch (e) {
					return e instanceof RangeError;
				}
			})
		);
	});
});

describe('ahraDeadline (handbook 4.8)', () => {
	it.each([
		['2026-03-01', '2026-02-10', '2026-03-21', 21, '4.8 added to 19 days before: 21 days'],
		['2026-03-01', '2026-01-20', '2026-03-21', 21, '4.8 exactly 40 days before: 21 days'],
		['2026-03-01', '2026-01-19', '2026-04-09', 40, '4.8 41 days before: 40 days'],
		['2026-03-01', '2025-06-01', '2026-04-09', 40, '4.8 old record: 40 days'],
		['2024-02-10', '2024-02-01', '2024-03-01', 21, '4.8 leap year February'],
		['2026-03-01', '2026-03-05', '2026-03-21', 21, '4.8 entry after the application still counts as recent']
	])('received %s, last added %s → %s (%i days; %s)', (received, added, expected, days) => {
		expect(ahraDeadline(received, added)).toBe(expected);
		expect(ahraDeadlineDetail(received, added).days).toBe(days);
	});
	it('can count from the day after receipt (UNCERTAIN setting)', () => {
		expect(ahraDeadlineDetail('2026-03-01', '2026-02-10', { ahraReceiptIsDayOne: false }).deadline).toBe(
			'2026-03-22'
		);
	});
	it('is never earlier than receipt (property)', () => {
		fc.assert(fc.property(isoDate, isoDate, (r, a) => ahraDeadline(r, a) > r));
	});
	it('throws a RangeError on bad dates', () => {
		expect(() => ahraDeadline('2026-03-01', '')).toThrow(RangeError);
	});
});

describe('breachReportDeadline (handbook 4.10: 72 clock hours)', () => {
	it.each([
		['2026-11-27T16:45:00Z', '2026-11-30T16:45:00Z', '4.10 over a weekend'],
		['2026-12-24T09:00Z', '2026-12-27T09:00Z', '4.10 bank holidays count'],
		['2028-02-27T08:00Z', '2028-03-01T08:00Z', '4.10 leap year'],
		['2026-12-30T23:59:59+00:00', '2027-01-02T23:59:59+00:00', '4.10 year end, offset kept'],
		['2026-01-01T00:00:00.500Z', '2026-01-04T00:00:00.500Z', '4.10 fractions kept'],
		['2026-03-27T10:00', '2026-03-30T11:00', '4.10 UK local time: clocks go forward'],
		['2026-10-23T12:00', '2026-10-26T11:00', '4.10 UK local time: clocks go back'],
		['2026-07-01 08:30', '2026-07-04T08:30', '4.10 space separator, summer time']
	])('%s → %s (%s)', (aware, expected) => {
		expect(breachReportDeadline(aware)).toBe(expected);
	});
	it.each(['2026-02-30T10:00', '2026-01-01T24:00', '2026-01-01', 'tomorrow', ''])(
		'%j throws RangeError',
		(s) => {
			expect(() => breachReportDeadline(s)).toThrow(RangeError);
		}
	);
	it('is exactly 72 hours later for zoned times (property)', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
				(d) => {
					const aware = d.toISOString();
					return Date.parse(breachReportDeadline(aware)) - Date.parse(aware) === 72 * 3_600_000;
				}
			)
		);
	});
});
