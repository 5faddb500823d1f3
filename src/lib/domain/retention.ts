/**
 * Records retention (handbook 5.1-5.3): the earliest date a record may be reviewed for disposal, the reset when a
 * record comes back into use, legal holds and inquiry moratoria that forbid destruction, and the appraisal
 * outcomes. Periods are minimums; at the review date records are appraised, never destroyed automatically.
 */
import {
	addYearsForward,
	ageOn,
	compareYmd,
	maxYmd,
	minYmd,
	parseIsoDate,
	requireIsoDate,
	toIso,
	type YMD
} from './iso-date';
import { reason, type Reason, type RuleId } from './rules';
import { DEFAULT_TRUST_RULES, type TrustRules } from './settings';

export type RetentionRecordType =
	| 'adult'
	| 'child'
	| 'maternity'
	| 'mental-health'
	| 'oncology'
	| 'gp'
	| 'adult-social-care'
	| 'gp-deregistered'
	| 'cjd'
	| 'blood-transfusion';

export interface RetentionRecord {
	type: RetentionRecordType;
	dateOfBirth?: string;
	/** Last contact, discharge or end of care (handbook 5.1 clock start). */
	lastSeen?: string;
	dateOfDeath?: string;
	/** Cancer or CJD diagnosis. */
	diagnosed?: string;
	lastChildBorn?: string;
	/** Transfusion date, for traceability records. */
	transfused?: string;
	/** Later contacts that brought the record back into use (handbook 5.1 reset rule). */
	reusedOn?: readonly string[];
	/** Litigation or other legal hold notice in force (handbook 5.2, 5.3). */
	legalHold?: boolean;
	/** Ids of inquiries the record is relevant to (see the `moratoria` setting, handbook 5.3). */
	inquiries?: readonly string[];
}

export interface RetentionReview {
	/** Earliest review date, or null while a hold or moratorium applies. */
	reviewDate: string | null;
	/** The date the schedule gives, ignoring holds (after any year-end rounding). */
	scheduleDate: string;
	onHold: boolean;
	/** Rule ids that produced the date. */
	rules: RuleId[];
	reasons: Reason[];
}

const opt = (s: string | undefined, field: string): YMD | null =>
	s === undefined || s === '' ? null : requireIsoDate(s, field);

/**
 * The full retention working for a record (handbook 5.1-5.3). Dates are ISO. 29 February anniversaries fall on
 * 1 March in other years, so a review is never a day early.
 * @throws RangeError when a date is not ISO, or a date the record type needs is missing (e.g. GP records need
 * dateOfDeath; children's records need dateOfBirth).
 * @example retentionReview({ type: 'child', dateOfBirth: '2005-06-01', lastSeen: '2022-12-01' }).reviewDate // '2031-06-01'
 * @example retentionReview({ type: 'adult', lastSeen: '2020-05-01' }, { retentionRoundToYearEnd: true }).reviewDate // '2028-12-31'
 * @example retentionReview({ type: 'adult', lastSeen: '2020-05-01', inquiries: ['covid-19'] }).onHold // true
 */
export function retentionReview(
	record: RetentionRecord,
	settings: Partial<TrustRules> = {}
): RetentionReview {
	const s: TrustRules = { ...DEFAULT_TRUST_RULES, ...settings };
	const reasons: Reason[] = [];
	const rules: RuleId[] = [];
	const use = (id: RuleId, text?: string) => {
		rules.push(id);
		reasons.push(reason(id, text));
	};

	const dob = opt(record.dateOfBirth, 'dateOfBirth');
	const death = opt(record.dateOfDeath, 'dateOfDeath');
	const reuse = (record.reusedOn ?? []).map((d, i) => requireIsoDate(d, `reusedOn[${i}]`));
	let lastSeen = opt(record.lastSeen, 'lastSeen');
	if (reuse.length > 0) {
		const latest = maxYmd(...reuse);
		if (!lastSeen || compareYmd(latest, lastSeen) > 0) {
			lastSeen = latest;
			use(
				'retention.reset-on-reuse',
				`The record was used again on ${toIso(latest)}, so the period restarts from then`
			);
		}
	}
	const need = (d: YMD | null, what: string): YMD => {
		if (!d)
			throw new RangeError(
				`A ${record.type} record needs ${what} to work out its review date (handbook 5.2)`
			);
		return d;
	};
	const endOfCare = () => {
		const ends = [lastSeen, death].filter((d): d is YMD => d !== null);
		return maxYmd(...[need(ends[0] ?? null, 'lastSeen or dateOfDeath'), ...ends]);
	};
	const plus = (d: YMD, years: number) => addYearsForward(d, years);

	let date: YMD;
	switch (record.type) {
		case 'adult':
		case 'adult-social-care':
			date = plus(endOfCare(), 8);
			use(record.type === 'adult' ? 'retention.adult' : 'retention.adult-social-care');
			break;
		case 'child': {
			const born = need(dob, 'dateOfBirth');
			const ended = endOfCare();
			const age = ageOn(born, ended);
			if (age < 17) {
				date = plus(born, 25);
				use('retention.child', `Care ended at age ${age}, so the record is kept to the 25th birthday`);
			} else if (age === 17) {
				date = plus(born, 26);
				use('retention.child', 'Care ended at age 17, so the record is kept to the 26th birthday');
			} else {
				date = maxYmd(plus(born, 25), plus(ended, 8));
				use(
					'retention.child',
					'Care ended at 18 or over: the later of the 25th birthday and 8 years after last contact'
				);
			}
			if (death && s.childDeathRule) {
				const sooner = plus(death, 8);
				if (compareYmd(sooner, date) < 0) {
					date = sooner;
					use('retention.child-died');
				}
			}
			break;
		}
		case 'maternity': {
			const births = [opt(record.lastChildBorn, 'lastChildBorn'), ...reuse].filter(
				(d): d is YMD => d !== null
			);
			const trigger = births.length > 0 ? maxYmd(...births) : need(lastSeen, 'lastChildBorn or lastSeen');
			date = plus(trigger, 25);
			use('retention.maternity');
			break;
		}
		case 'mental-health': {
			const contact = need(lastSeen ?? death, 'lastSeen');
			date = plus(contact, 20);
			use('retention.mental-health');
			if (death) {
				const afterDeath = plus(death, 10);
				date = s.mentalHealthDeathRule === 'sooner' ? minYmd(date, afterDeath) : maxYmd(date, afterDeath);
			}
			break;
		}
		case 'oncology': {
			const diagnosed = opt(record.diagnosed, 'diagnosed');
			const options = [diagnosed ? plus(diagnosed, 30) : null, death ? plus(death, 8) : null].filter(
				(d): d is YMD => d !== null
			);
			if (options.length === 0) need(null, 'diagnosed');
			date = s.oncologyDeathRule === 'sooner' ? minYmd(...options) : maxYmd(...options);
			use('retention.oncology');
			break;
		}
		case 'gp':
			date = plus(need(death, 'dateOfDeath (GP records are kept while the patient is alive)'), 10);
			use('retention.gp');
			break;
		case 'gp-deregistered':
			date = plus(need(dob, 'dateOfBirth'), 100);
			use('retention.gp-deregistered');
			break;
		case 'cjd':
			date = plus(need(opt(record.diagnosed, 'diagnosed'), 'diagnosed'), 30);
			use('retention.cjd');
			break;
		case 'blood-transfusion':
			date = plus(need(opt(record.transfused, 'transfused') ?? lastSeen, 'transfused'), 30);
			use('retention.blood-transfusion');
			break;
		default:
			throw new RangeError(`Unknown record type ${JSON.stringify((record as { type: unknown }).type)}`);
	}
	if (s.retentionRoundToYearEnd) {
		date = { y: date.y, m: 12, d: 31 };
		use('retention.year-end');
	}

	let onHold = false;
	if (record.legalHold) {
		onHold = true;
		use('retention.legal-hold');
	}
	const lastActivity = [lastSeen, death, ...reuse].filter((d): d is YMD => d !== null);
	for (const id of record.inquiries ?? []) {
		const m = s.moratoria.find((x) => x.id === id);
		if (!m) continue;
		const from = parseIsoDate(m.fromDate);
		if (from && lastActivity.length > 0 && compareYmd(maxYmd(...lastActivity), from) < 0) continue;
		onHold = true;
		use('retention.moratorium', `The ${m.title} moratorium forbids destroying this record`);
	}
	return { reviewDate: onHold ? null : toIso(date), scheduleDate: toIso(date), onHold, rules, reasons };
}

/**
 * The earliest date a record may be reviewed for disposal (handbook 5.2), or null while a legal hold applies.
 * Adult: last seen + 8 years. Child: 25th birthday, 26th if 17 when care ended, and for care ending at 18+ the
 * later of the 25th birthday and last seen + 8 years. Maternity: last child's birth + 25. Mental health: last
 * contact + 20, or death + 10 if sooner (medium; setting). Oncology: diagnosis + 30, or death + 8 if sooner
 * (setting). GP: death + 10.
 * @throws RangeError as retentionReview.
 * @example retentionReviewDate({ type: 'adult', lastSeen: '2018-03-31' }) // '2026-03-31'
 * @example retentionReviewDate({ type: 'child', dateOfBirth: '2008-01-01', lastSeen: '2025-06-01' }) // '2034-01-01'
 * @example retentionReviewDate({ type: 'mental-health', lastSeen: '2010-01-01', dateOfDeath: '2012-01-01' }) // '2022-01-01'
 * @example retentionReviewDate({ type: 'gp', dateOfDeath: '2024-02-29' }) // '2034-03-01'
 * @example retentionReviewDate({ type: 'adult', lastSeen: '2010-01-01', legalHold: true }) // null
 */
export function retentionReviewDate(r: {
	type: 'adult' | 'child' | 'maternity' | 'mental-health' | 'oncology' | 'gp';
	dateOfBirth?: string;
	lastSeen?: string;
	dateOfDeath?: string;
	diagnosed?: string;
	lastChildBorn?: string;
	legalHold?: boolean;
}): string | null {
	return retentionReview(r).reviewDate;
}

export type DisposalOutcome =
	'destroy-with-certificate' | 'retain-with-reason' | 'transfer-to-place-of-deposit';

export interface DisposalDecision {
	outcome: DisposalOutcome;
	/** Documented justification, required to keep a record longer (handbook 5.3). */
	justification?: string;
	/** A certificate of destruction will be obtained and the destruction register updated (handbook 5.3). */
	certificate?: boolean;
}

/**
 * The appraisal outcomes open for a record on a date (handbook 5.3): before the review date, or under a hold,
 * only keeping it; from the review date, destroying with a certificate, keeping with a reason, or transferring to
 * a Place of Deposit.
 * @throws RangeError as retentionReview, or when asOf is not an ISO date.
 * @example disposalOptions({ type: 'adult', lastSeen: '2010-01-01' }, '2026-11-25').options // ['destroy-with-certificate', 'retain-with-reason', 'transfer-to-place-of-deposit']
 * @example disposalOptions({ type: 'adult', lastSeen: '2020-01-01' }, '2026-11-25').options // ['retain-with-reason']
 */
export function disposalOptions(
	record: RetentionRecord,
	asOf: string,
	settings: Partial<TrustRules> = {}
): { due: boolean; options: DisposalOutcome[]; review: RetentionReview } {
	const on = toIso(requireIsoDate(asOf, 'asOf'));
	const review = retentionReview(record, settings);
	const due = review.reviewDate !== null && review.reviewDate <= on;
	return {
		due,
		options: due
			? ['destroy-with-certificate', 'retain-with-reason', 'transfer-to-place-of-deposit']
			: ['retain-with-reason'],
		review
	};
}

/**
 * Checks a learner's disposal decision against the rules (handbook 5.1-5.3), with reasons naming each rule.
 * @throws RangeError as disposalOptions.
 * @example checkDisposal({ type: 'adult', lastSeen: '2020-01-01' }, '2026-11-25', { outcome: 'destroy-with-certificate', certificate: true }).allowed // false
 * @example checkDisposal({ type: 'adult', lastSeen: '2010-01-01' }, '2026-11-25', { outcome: 'retain-with-reason' }).allowed // false
 */
export function checkDisposal(
	record: RetentionRecord,
	asOf: string,
	decision: DisposalDecision,
	settings: Partial<TrustRules> = {}
): { allowed: boolean; reasons: Reason[] } {
	const { due, review } = disposalOptions(record, asOf, settings);
	const reasons: Reason[] = [];
	if (decision.outcome === 'retain-with-reason') {
		if (review.onHold)
			return { allowed: true, reasons: review.reasons.filter((r) => /legal-hold|moratorium/.test(r.rule)) };
		if (!due)
			return {
				allowed: true,
				reasons: [reason('retention.minimums', `The record is not due for review until ${review.reviewDate}`)]
			};
		const ok = typeof decision.justification === 'string' && decision.justification.trim() !== '';
		return {
			allowed: ok,
			reasons: [
				reason(
					'retention.retain-reason',
					ok ? undefined : 'Keeping a record past its review date needs a documented reason'
				)
			]
		};
	}
	if (review.onHold) {
		return { allowed: false, reasons: review.reasons.filter((r) => /legal-hold|moratorium/.test(r.rule)) };
	}
	if (!due) {
		reasons.push(
			reason('retention.minimums', `The minimum retention period runs until ${review.reviewDate}`)
		);
		return { allowed: false, reasons };
	}
	if (decision.outcome === 'destroy-with-certificate') {
		const ok = decision.certificate === true;
		return {
			allowed: ok,
			reasons: [
				reason(
					'retention.destroy-certificate',
					ok ? undefined : 'Destruction needs a certificate of destruction and a register entry'
				)
			]
		};
	}
	return { allowed: true, reasons: [reason('retention.place-of-deposit')] };
}
