/**
 * Grading a personal data breach and the two decisions that follow (handbook 4.10): report to the ICO within 72
 * hours or not, and tell the people affected or not. NHS organisations grade incidents on the DSPT notification
 * guide's two 1-5 scales, likelihood and severity.
 *
 * UNCERTAIN (handbook 4.10): the exact grid cells that trigger notification are not confirmed. The simulator's
 * defaults, all configurable through `BreachThresholds`, are the handbook's: likely (3) or higher **and** at least
 * a minor adverse effect (2) is reported to the ICO; a high risk, told to the people affected, is likely or higher
 * with a serious (4) or worse effect. Special category data and vulnerable people each raise severity one level.
 * How the facts of an incident map onto the scales is this library's reading of the guide, stated per value below.
 */
import { reason, type Reason } from './rules';

/** 1 Not occurred, 2 Not likely, 3 Likely, 4 Highly likely, 5 Occurred. */
export const LIKELIHOOD_SCALE = [
	'Not occurred',
	'Not likely',
	'Likely',
	'Highly likely',
	'Occurred'
] as const;
/** 1 No adverse effect, 2 Minor, 3 Adverse, 4 Serious, 5 Catastrophic. */
export const SEVERITY_SCALE = ['No adverse effect', 'Minor', 'Adverse', 'Serious', 'Catastrophic'] as const;

/** What is known about who has the information now. */
export type BreachRecipient =
	/** Recalled or retrieved, and confirmed unopened. */
	| 'recovered-unread'
	/** Another NHS organisation's secure mailbox, which has confirmed deletion. */
	| 'trusted-deleted'
	/** An outside person who has not replied. */
	| 'unknown'
	/** A letter delivered to the wrong household. */
	| 'wrong-household'
	/** The wrong person has said they read it, or it is public. */
	| 'read-by-stranger';

/** What the information was. Everything but contact details is health data, a special category (handbook 4.3). */
export type BreachData = 'contact-details' | 'appointment' | 'clinical' | 'sensitive-clinical';

export interface BreachFacts {
	recipient: BreachRecipient;
	data: BreachData;
	/** A child, or someone with a safeguarding concern or other vulnerability. */
	vulnerable: boolean;
}

export interface BreachThresholds {
	icoLikelihood: number;
	icoSeverity: number;
	highRiskLikelihood: number;
	highRiskSeverity: number;
}

export const DEFAULT_BREACH_THRESHOLDS: BreachThresholds = {
	icoLikelihood: 3,
	icoSeverity: 2,
	highRiskLikelihood: 3,
	highRiskSeverity: 4
};

const LIKELIHOOD: Record<BreachRecipient, number> = {
	'recovered-unread': 1,
	'trusted-deleted': 2,
	unknown: 3,
	'wrong-household': 4,
	'read-by-stranger': 5
};

/** Severity before the special category and vulnerability raises. */
const BASE_SEVERITY: Record<BreachData, number> = {
	'contact-details': 1,
	appointment: 1,
	clinical: 2,
	'sensitive-clinical': 3
};

export interface BreachGrade {
	likelihood: number;
	severity: number;
	specialCategory: boolean;
	notifyIco: boolean;
	tellIndividuals: boolean;
	reasons: Reason[];
}

/**
 * Grades a breach and decides the ICO report and telling the people affected (handbook 4.10). Unknown values grade
 * as the worse case (likely; adverse), so a gap in the facts never talks the grade down.
 * @example gradeBreach({ recipient: 'unknown', data: 'clinical', vulnerable: false }).notifyIco // true
 * @example gradeBreach({ recipient: 'trusted-deleted', data: 'sensitive-clinical', vulnerable: true }).notifyIco // false
 * @example gradeBreach({ recipient: 'read-by-stranger', data: 'sensitive-clinical', vulnerable: false }).tellIndividuals // true
 * @example gradeBreach({ recipient: 'unknown', data: 'appointment', vulnerable: false }).severity // 2
 */
export function gradeBreach(facts: BreachFacts, thresholds: Partial<BreachThresholds> = {}): BreachGrade {
	const t = { ...DEFAULT_BREACH_THRESHOLDS, ...thresholds };
	const likelihood = LIKELIHOOD[facts?.recipient] ?? 3;
	const base = BASE_SEVERITY[facts?.data] ?? 2;
	const specialCategory = facts?.data !== 'contact-details';
	const severity = Math.min(5, base + (specialCategory ? 1 : 0) + (facts?.vulnerable ? 1 : 0));
	const notifyIco = likelihood >= t.icoLikelihood && severity >= t.icoSeverity;
	const tellIndividuals = likelihood >= t.highRiskLikelihood && severity >= t.highRiskSeverity;
	const words = `likelihood ${likelihood} (${LIKELIHOOD_SCALE[likelihood - 1].toLowerCase()}) and severity ${severity} (${SEVERITY_SCALE[severity - 1].toLowerCase()})`;
	const raised = [
		specialCategory && 'health data is special category',
		facts?.vulnerable && 'a vulnerable person'
	]
		.filter(Boolean)
		.join(' and ');
	const reasons = [
		reason('breach.grading', `Graded ${words}${raised ? `, raised a level for ${raised}` : ''}`),
		notifyIco
			? reason(
					'breach.ico-72-hours',
					'Likely or worse, with at least a minor adverse effect: report to the ICO through the DSPT within 72 hours of becoming aware'
				)
			: reason(
					'breach.record-decision',
					'Below the reporting threshold: not reported to the ICO, but recorded on the incident log with the reasons'
				),
		tellIndividuals
			? reason('breach.tell-individuals', 'A high risk to the patient: tell them without undue delay')
			: reason(
					'breach.tell-individuals',
					'Not a high risk, so there is no duty to tell the patient (the trust may still choose to, openly)'
				)
	];
	return { likelihood, severity, specialCategory, notifyIco, tellIndividuals, reasons };
}
