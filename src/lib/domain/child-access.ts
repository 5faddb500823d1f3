/**
 * A parent's request for a child's record (handbook 4.7, 4.15). The record belongs to the child: a parent with
 * parental responsibility may have it for a child who cannot understand their rights, or with the authority of a
 * competent child. In England, Wales and Northern Ireland competence is judged case by case by the clinician who
 * knows the young person (Gillick-type understanding); in Scotland a child of 12 or over is presumed competent.
 * Whatever is released to a parent leaves out what the child said expecting the parent would not be told
 * (DPA 2018 Sch 3 para 4).
 *
 * The age from which a young person is treated as competent without a judgement is the LOCAL/nation setting
 * `childPresumedCompetentAge` (16 by default, 12 in Scotland); below `parentYoungChildUnderAge` (11) a child who
 * has not been assessed is treated as not yet able to understand their rights, as the handbook's 6.3 default does.
 */
import { reason, type Reason } from './rules';
import { DEFAULT_TRUST_RULES, type TrustRules } from './settings';

/** What the clinician who knows the young person has said about their competence. */
export type Competence = 'competent' | 'not-competent' | 'not-assessed';
/** What the young person has said about their parent seeing the record. */
export type ChildView = 'authorises' | 'objects' | 'not-asked';

export interface ParentRequestFacts {
	ageYears: number;
	/** Parental responsibility confirmed (birth certificate, court order, and so on). */
	parentalResponsibility: boolean;
	competence: Competence;
	childView: ChildView;
}

export const PARENT_REQUEST_ACTIONS = [
	'confirm-parental-responsibility',
	'assess-competence',
	'ask-young-person',
	'release-to-parent',
	'release-with-authority',
	'refuse-parent'
] as const;
export type ParentRequestAction = (typeof PARENT_REQUEST_ACTIONS)[number];

export interface ParentRequestResult {
	action: ParentRequestAction;
	/** Whether the child is treated as competent; null while that is not yet known. */
	competent: boolean | null;
	/** Leave out what the child said in confidence (only when releasing without the child's authority). */
	withholdConfidences: boolean;
	reasons: Reason[];
}

/**
 * What the access team does with a parent's request for their child's record (handbook 4.7, 4.15). Checks, in
 * order: parental responsibility; whether competence is known (judged, or presumed from the age setting); then a
 * competent young person's view decides; a child who is not competent is the parent's to request for, minus what
 * the child said in confidence. Never throws; an age that is not a finite number counts as unknown.
 * @example parentRequestForChild({ ageYears: 14, parentalResponsibility: true, competence: 'not-assessed', childView: 'not-asked' }).action // 'assess-competence'
 * @example parentRequestForChild({ ageYears: 15, parentalResponsibility: true, competence: 'competent', childView: 'objects' }).action // 'refuse-parent'
 * @example parentRequestForChild({ ageYears: 13, parentalResponsibility: true, competence: 'not-competent', childView: 'objects' }).withholdConfidences // true
 * @example parentRequestForChild({ ageYears: 13, parentalResponsibility: true, competence: 'not-assessed', childView: 'not-asked' }, { nation: 'scotland', childPresumedCompetentAge: 12 }).action // 'ask-young-person'
 */
export function parentRequestForChild(
	facts: ParentRequestFacts,
	settings: Partial<TrustRules> = {}
): ParentRequestResult {
	const s: TrustRules = { ...DEFAULT_TRUST_RULES, ...settings };
	const age = Number.isFinite(facts?.ageYears) ? facts.ageYears : undefined;
	const result = (
		action: ParentRequestAction,
		competent: boolean | null,
		reasons: Reason[],
		withholdConfidences = false
	): ParentRequestResult => ({ action, competent, withholdConfidences, reasons });

	if (!facts?.parentalResponsibility)
		return result('confirm-parental-responsibility', null, [
			reason(
				'sar.child',
				'Only a person with parental responsibility may ask on a child’s behalf: confirm it before anything else'
			)
		]);

	let competent: boolean | null;
	if (facts.competence === 'competent') competent = true;
	else if (facts.competence === 'not-competent') competent = false;
	else if (age !== undefined && age >= s.childPresumedCompetentAge) competent = true;
	else if (age !== undefined && age < s.parentYoungChildUnderAge) competent = false;
	else competent = null;

	if (competent === null)
		return result('assess-competence', null, [
			reason(
				'sar.child-competence',
				`At ${age ?? 'this age'} a young person may well understand their own rights: ask the clinician who knows them to judge their competence before deciding`
			)
		]);

	if (!competent)
		return result(
			'release-to-parent',
			false,
			[
				reason(
					'sar.child-competence',
					'The child cannot yet understand their rights, so a parent with parental responsibility may have the record on their behalf'
				),
				reason('sar.child-confidences')
			],
			true
		);

	const presumed = facts.competence !== 'competent';
	const why = presumed
		? `From ${s.childPresumedCompetentAge} a young person is treated as competent`
		: 'The clinician judges the young person competent';
	if (facts.childView === 'authorises')
		return result('release-with-authority', true, [
			reason('sar.child-competence', `${why}, and they have authorised their parent to have the record`)
		]);
	if (facts.childView === 'objects')
		return result('refuse-parent', true, [
			reason(
				'sar.child-competence',
				`${why} and does not want their parent to have it: the record is theirs, so the parent’s request is refused (the young person can ask for it themselves)`
			)
		]);
	return result('ask-young-person', true, [
		reason(
			'sar.child-competence',
			`${why}: ask them, in private, whether they agree to their parent having the record`
		)
	]);
}
