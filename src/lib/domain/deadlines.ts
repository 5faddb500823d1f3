/**
 * Access and breach deadlines: subject access requests (handbook 4.7), Access to Health Records Act requests
 * for deceased patients (4.8) and personal data breach reports to the ICO (4.10). ISO strings in and out; the
 * current date is never read.
 */
import { isWorkingDay, onOrNextWorkingDay } from './calendar';
import {
	addDays,
	addMonthsClamped,
	compareYmd,
	daysBetween,
	maxYmd,
	parseIsoDate,
	requireIsoDate,
	toIso,
	type YMD
} from './iso-date';
import { reason, type Reason } from './rules';
import { DEFAULT_TRUST_RULES, type Nation, type TrustRules } from './settings';

export interface SarOptions {
	/** Complex request or several requests: two further months, three in total (handbook 4.7). */
	extended?: boolean;
	/** When identity evidence, clarification or an allowed fee arrived, if later than receipt (handbook 4.7). */
	clockStarts?: string;
	nation?: Nation;
}

export interface SarDeadlineDetail {
	/** The day the clock started: receipt, or the later clock-start date. Counts as day 1. */
	clockStarts: string;
	/** Same date one (or three) months on, or that month's last day, before moving off non-working days. */
	calendarDeadline: string;
	/** The deadline: calendarDeadline, or the next working day after it. */
	deadline: string;
	/** The one-month deadline: an extension must be notified, with reasons, by this date (handbook 4.7). */
	extensionNoticeBy: string;
	/** The ICO's suggested internal target: the day-1 date plus the target days, less one (handbook 4.7). */
	internalTarget: string;
	reasons: Reason[];
}

/**
 * The full working for a subject access deadline (handbook 4.7), with the reasons each step applied.
 * @throws RangeError when `received` or `clockStarts` is not an ISO date.
 * @example sarDeadlineDetail('2026-01-31').calendarDeadline // '2026-02-28'
 * @example sarDeadlineDetail('2026-01-31').deadline // '2026-03-02'
 * @example sarDeadlineDetail('2026-01-31', { extended: true }).extensionNoticeBy // '2026-03-02'
 */
export function sarDeadlineDetail(
	received: string,
	opts: SarOptions = {},
	settings: Partial<TrustRules> = {}
): SarDeadlineDetail {
	const receivedDate = requireIsoDate(received, 'received');
	const nation = opts.nation ?? settings.nation ?? DEFAULT_TRUST_RULES.nation;
	const reasons: Reason[] = [reason('sar.one-month')];
	let start: YMD = receivedDate;
	if (opts.clockStarts !== undefined) {
		const later = requireIsoDate(opts.clockStarts, 'clockStarts');
		if (compareYmd(later, receivedDate) > 0) {
			start = later;
			reasons.push(
				reason(
					'sar.clock-start',
					`The clock started on ${toIso(later)}, when the missing information arrived`
				)
			);
		}
	}
	const oneMonth = addMonthsClamped(start, 1);
	const calendar = opts.extended ? addMonthsClamped(start, 3) : oneMonth;
	if (opts.extended) reasons.push(reason('sar.extension'));
	const deadline = onOrNextWorkingDay(toIso(calendar), nation);
	if (deadline !== toIso(calendar)) {
		reasons.push(
			reason(
				'sar.working-day',
				`${toIso(calendar)} is not a working day, so the deadline moves to ${deadline}`
			)
		);
	}
	const targetDays = settings.sarInternalTargetDays ?? DEFAULT_TRUST_RULES.sarInternalTargetDays;
	return {
		clockStarts: toIso(start),
		calendarDeadline: toIso(calendar),
		deadline,
		extensionNoticeBy: onOrNextWorkingDay(toIso(oneMonth), nation),
		internalTarget: toIso(addDays(start, targetDays - 1)),
		reasons
	};
}

/**
 * The date a subject access response is due (handbook 4.7): the day of receipt is day 1, the deadline is the same
 * date next month or that month's last day, moved to the next working day when it falls on a weekend or bank
 * holiday. `extended` gives three months in total; `clockStarts` starts the clock later when identity evidence
 * or clarification arrived later (an earlier date is ignored).
 * @throws RangeError when `received` or `clockStarts` is not an ISO date.
 * @example sarDeadline('2026-09-03') // '2026-10-05'
 * @example sarDeadline('2026-01-30') // '2026-03-02'
 * @example sarDeadline('2024-01-31') // '2024-02-29'
 * @example sarDeadline('2026-01-10', { clockStarts: '2026-01-20' }) // '2026-02-20'
 * @example sarDeadline('2026-01-10', { extended: true }) // '2026-04-10'
 * @example sarDeadline('2026-10-30', { nation: 'scotland' }) // '2026-12-01'
 * @example sarDeadline('2026-10-30') // '2026-11-30'
 * @example sarDeadline('31/01/2026') // throws RangeError
 */
export function sarDeadline(
	received: string,
	opts?: {
		extended?: boolean;
		clockStarts?: string;
		nation?: 'england-wales' | 'scotland' | 'northern-ireland';
	}
): string {
	return sarDeadlineDetail(received, opts ?? {}).deadline;
}

export interface AhraDeadlineDetail {
	days: 21 | 40;
	deadline: string;
	reasons: Reason[];
}

/**
 * Access to Health Records Act deadline with its working (handbook 4.8, medium confidence): 21 days when the
 * record was added to in the 40 days before the application, otherwise 40 days. Days are calendar days and are
 * not moved off weekends. UNCERTAIN: whether the application day is day 1 (setting `ahraReceiptIsDayOne`, on by
 * default, matching the SAR count in 4.7).
 * @throws RangeError when either input is not an ISO date.
 * @example ahraDeadlineDetail('2026-03-01', '2025-06-01').days // 40
 * @example ahraDeadlineDetail('2026-03-01', '2025-06-01', { ahraReceiptIsDayOne: false }).deadline // '2026-04-10'
 */
export function ahraDeadlineDetail(
	received: string,
	lastAddedTo: string,
	settings: Partial<TrustRules> = {}
): AhraDeadlineDetail {
	const r = requireIsoDate(received, 'received');
	const added = requireIsoDate(lastAddedTo, 'lastAddedTo');
	// An entry dated after the application still means the record is current, so it takes the shorter limit.
	const recent = daysBetween(added, r) <= 40;
	const days = recent ? 21 : 40;
	const dayOne = settings.ahraReceiptIsDayOne ?? DEFAULT_TRUST_RULES.ahraReceiptIsDayOne;
	const deadline = toIso(addDays(r, dayOne ? days - 1 : days));
	const why = recent
		? `The record was added to on ${toIso(added)}, within 40 days before the application, so the limit is 21 days`
		: `The record was last added to on ${toIso(added)}, more than 40 days before the application, so the limit is 40 days`;
	return { days, deadline, reasons: [reason('ahra.time-limit', why)] };
}

/**
 * The date an Access to Health Records Act request for a deceased patient's record is due (handbook 4.8): 21 days
 * when the record was added to in the 40 days before the application, otherwise 40 days, counting the day of
 * receipt as day 1 (see ahraDeadlineDetail for the setting).
 * @throws RangeError when either input is not an ISO date.
 * @example ahraDeadline('2026-03-01', '2026-02-10') // '2026-03-21'
 * @example ahraDeadline('2026-03-01', '2025-06-01') // '2026-04-09'
 */
export function ahraDeadline(received: string, lastAddedTo: string): string {
	return ahraDeadlineDetail(received, lastAddedTo).deadline;
}

// ---- 72-hour breach clock -----------------------------------------------------------------------------------

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

function lastSundayUtc(y: number, m: number): number {
	const last = new Date(Date.UTC(y, m, 0));
	return Date.UTC(y, m - 1, last.getUTCDate() - last.getUTCDay(), 1);
}

/** UK clocks: BST (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. */
function ukOffsetMinutesAt(utcMs: number): number {
	const y = new Date(utcMs).getUTCFullYear();
	return utcMs >= lastSundayUtc(y, 3) && utcMs < lastSundayUtc(y, 10) ? 60 : 0;
}

function pad(n: number, w = 2): string {
	return String(n).padStart(w, '0');
}

/**
 * When a notifiable breach must be reported to the ICO at the latest: 72 clock hours after becoming aware,
 * weekends and nights included (handbook 4.10). With an offset (`Z`, `+01:00`) the answer keeps that offset; a
 * time with no offset is UK local time and the answer is UK local time, so a change of clocks in the 72 hours is
 * counted in real hours (in the repeated October hour the earlier, BST reading is used).
 * @throws RangeError when the input is not an ISO date-time.
 * @example breachReportDeadline('2026-11-27T16:45:00Z') // '2026-11-30T16:45:00Z'
 * @example breachReportDeadline('2026-03-27T10:00') // '2026-03-30T11:00'
 * @example breachReportDeadline('2026-06-01T09:00+01:00') // '2026-06-04T09:00+01:00'
 * @example breachReportDeadline('yesterday') // throws RangeError
 */
export function breachReportDeadline(awareAt: string): string {
	const m = typeof awareAt === 'string' ? DATE_TIME.exec(awareAt.trim()) : null;
	const date = m ? parseIsoDate(m[1]) : null;
	if (!m || !date || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) {
		throw new RangeError(
			`awareAt must be an ISO date-time such as 2026-03-27T10:00, got ${JSON.stringify(awareAt)}`
		);
	}
	const [, , hh, mm, ss, frac = '', zone] = m;
	const wall = Date.UTC(date.y, date.m - 1, date.d, Number(hh), Number(mm), Number(ss ?? 0));
	let outWall: number;
	if (zone) {
		// A fixed offset has no clock changes: 72 hours later is the same wall time three days on.
		outWall = wall + 72 * 3_600_000;
	} else {
		let utc = wall - 60 * 60_000;
		if (ukOffsetMinutesAt(utc) === 0) utc = wall;
		const end = utc + 72 * 3_600_000;
		outWall = end + ukOffsetMinutesAt(end) * 60_000;
	}
	const o = new Date(outWall);
	const datePart = `${pad(o.getUTCFullYear(), 4)}-${pad(o.getUTCMonth() + 1)}-${pad(o.getUTCDate())}`;
	const time = `${pad(o.getUTCHours())}:${pad(o.getUTCMinutes())}${ss !== undefined ? `:${pad(o.getUTCSeconds())}${frac}` : ''}`;
	return `${datePart}T${time}${zone ?? ''}`;
}

/**
 * True when a date is a valid SAR deadline day for the nation (a working day), for checking a learner's answer.
 * @example isDeadlineDay('2026-12-25') // false
 */
export function isDeadlineDay(date: string, nation: Nation = 'england-wales'): boolean {
	return isWorkingDay(date, nation);
}

/**
 * The later of two ISO dates (for clock-start rules where several documents arrive). Never throws: an invalid
 * date is ignored, and null is returned when neither is valid.
 * @example laterDate('2026-01-10', '2026-01-20') // '2026-01-20'
 * @example laterDate('nonsense', '2026-01-20') // '2026-01-20'
 */
export function laterDate(a: string, b: string): string | null {
	const pa = parseIsoDate(a);
	const pb = parseIsoDate(b);
	if (pa && pb) return toIso(maxYmd(pa, pb));
	return pa ? toIso(pa) : pb ? toIso(pb) : null;
}
