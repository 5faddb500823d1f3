/**
 * Need-to-know, judged from an access audit trail (handbook 3.5, 4.11, 4.12). Every record a user opens is logged
 * with the reason they gave; trusts audit the trail for look-ups with no work reason. Given the entries, the work
 * the user had that day (which patients, and which reasons fit each task) and the people they know (a neighbour,
 * family, a celebrity, themselves), this says what each access amounts to and whether the user should report
 * their own access. Looking at your own record is a LOCAL rule (TrustRules.selfAccess). Reason ids are the PAS's
 * access reasons, passed as strings so this stays free of the PAS.
 */
import { reason, type Reason } from './rules';
import { trustRules, type TrustRules } from './settings';

export type Relation = 'neighbour' | 'family' | 'celebrity' | 'colleague' | 'self';

export interface AccessEntry {
	patient: number;
	/** The reason given when opening the record. */
	reason: string;
}

export interface WorkItem {
	patient: number;
	/** What the task was, for feedback ("the clinic’s phone query"). */
	task: string;
	/** Reasons that truly describe the task. */
	reasons: readonly string[];
}

export interface KnownPerson {
	patient: number;
	relation: Relation;
}

/**
 * work-reason: the task needed it and the reason says so; permitted-self: the user's own record, where the trust's
 * local rule allows self-access; wrong-reason: the task needed it but the logged reason is not the real one;
 * curiosity: someone the user knows (or themselves, where self-access is forbidden), with no task; not-needed: no
 * task needed it.
 */
export type AccessVerdict = 'work-reason' | 'permitted-self' | 'wrong-reason' | 'curiosity' | 'not-needed';

const RANK: Record<AccessVerdict, number> = {
	'work-reason': 0,
	'permitted-self': 0,
	'wrong-reason': 1,
	'not-needed': 2,
	curiosity: 3
};

const RELATION_WORDS: Record<Relation, string> = {
	neighbour: 'a neighbour',
	family: 'a member of your family',
	celebrity: 'someone in the news',
	colleague: 'a colleague',
	self: 'yourself'
};

/**
 * May staff open their own record (handbook 4.11, "Need-to-know / legitimate relationship"; 3.5)? A LOCAL rule,
 * `TrustRules.selfAccess`: most trusts forbid it, and staff see their own record the way any patient does, by
 * asking the clinic or making a subject access request (handbook 4.7). Where a trust allows it, the look-up is
 * still logged like any other.
 * @example ownRecordAccess().allowed // false
 * @example ownRecordAccess({ selfAccess: 'allowed' }).allowed // true
 * @example ownRecordAccess().reasons[0].rule // 'access.need-to-know'
 */
export function ownRecordAccess(settings: Partial<TrustRules> = {}): { allowed: boolean; reasons: Reason[] } {
	const allowed = trustRules(settings).selfAccess === 'allowed';
	return {
		allowed,
		reasons: allowed
			? [
					reason(
						'access.need-to-know',
						'This trust’s local rule lets staff look at their own record; the look-up is still logged and audited like any other'
					)
				]
			: [
					reason(
						'access.need-to-know',
						'This trust, like most, does not let staff open their own record, even though the system lets you in: ask the clinic like any patient, or make a subject access request'
					),
					reason('sar.any-channel', 'Your own record is yours to see through a subject access request')
				]
	};
}

/**
 * What one access amounts to (handbook 3.5, 4.11). A task that needs the record wins over knowing the person; the
 * user's own record is judged by the trust's local self-access rule (see {@link ownRecordAccess}).
 * @example judgeAccess({ patient: 4, reason: 'enquiry' }, [{ patient: 4, task: 'a phone query', reasons: ['enquiry'] }], []).verdict // 'work-reason'
 * @example judgeAccess({ patient: 9, reason: 'enquiry' }, [], [{ patient: 9, relation: 'neighbour' }]).verdict // 'curiosity'
 * @example judgeAccess({ patient: 4, reason: 'filing' }, [{ patient: 4, task: 'a phone query', reasons: ['enquiry'] }], []).verdict // 'wrong-reason'
 * @example judgeAccess({ patient: 2, reason: 'enquiry' }, [], []).verdict // 'not-needed'
 */
export function judgeAccess(
	entry: AccessEntry,
	work: readonly WorkItem[],
	known: readonly KnownPerson[],
	settings: Partial<TrustRules> = {}
): { verdict: AccessVerdict; reasons: Reason[] } {
	const tasks = work.filter((w) => w.patient === entry.patient);
	if (tasks.length) {
		if (tasks.some((t) => t.reasons.includes(entry.reason)))
			return {
				verdict: 'work-reason',
				reasons: [reason('access.need-to-know', `Needed for ${tasks[0].task}, with a reason that says so`)]
			};
		return {
			verdict: 'wrong-reason',
			reasons: [
				reason(
					'access.audit-trail',
					`Needed for ${tasks[0].task}, but the reason logged does not describe it: the audit trail must show the real reason`
				)
			]
		};
	}
	const person = known.find((k) => k.patient === entry.patient);
	if (person?.relation === 'self') {
		const own = ownRecordAccess(settings);
		if (own.allowed) return { verdict: 'permitted-self', reasons: own.reasons };
		return {
			verdict: 'curiosity',
			reasons: [
				reason(
					'access.need-to-know',
					'This is your own record, and no task needed it: this trust does not allow self-access, even though the system lets you in. Use the subject access route, like any patient'
				)
			]
		};
	}
	if (person)
		return {
			verdict: 'curiosity',
			reasons: [
				reason(
					'access.need-to-know',
					`This is the record of ${RELATION_WORDS[person.relation]}, and no task needed it: looking is a breach and can be an offence under s.170 DPA 2018`
				)
			]
		};
	return {
		verdict: 'not-needed',
		reasons: [reason('access.need-to-know', 'No task you had needed this record')]
	};
}

export interface AccessAudit {
	entries: { entry: AccessEntry; verdict: AccessVerdict; reasons: Reason[] }[];
	/** The most serious verdict; 'work-reason' for an empty trail. */
	worst: AccessVerdict;
	/** Any access without a need: the user should report it to their manager or IG themselves (handbook 4.12). */
	shouldReport: boolean;
	reasons: Reason[];
}

/**
 * Audits a whole trail: each entry's verdict, the worst, and whether the user should report their own access.
 * @example auditAccess([{ patient: 9, reason: 'other' }], [], [{ patient: 9, relation: 'family' }]).shouldReport // true
 * @example auditAccess([], [], []).worst // 'work-reason'
 */
export function auditAccess(
	entries: readonly AccessEntry[],
	work: readonly WorkItem[],
	known: readonly KnownPerson[],
	settings: Partial<TrustRules> = {}
): AccessAudit {
	const judged = (entries ?? []).map((entry) => ({ entry, ...judgeAccess(entry, work, known, settings) }));
	const worst = judged.reduce<AccessVerdict>(
		(w, j) => (RANK[j.verdict] > RANK[w] ? j.verdict : w),
		'work-reason'
	);
	const shouldReport = worst === 'curiosity' || worst === 'not-needed';
	return {
		entries: judged,
		worst,
		shouldReport,
		reasons: shouldReport
			? [
					reason(
						'access.audit-trail',
						'Your trail shows a record opened without a work reason: tell your manager or the IG team yourself, before the audit finds it'
					)
				]
			: [
					reason(
						'access.audit-trail',
						judged.some((j) => j.verdict === 'permitted-self')
							? 'Every record you opened was needed for your work, or was your own, which this trust allows: nothing to report'
							: 'Every record you opened was needed for your work: nothing to report'
					)
				]
	};
}
