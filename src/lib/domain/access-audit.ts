/**
 * Need-to-know, judged from an access audit trail (handbook 3.5, 4.11, 4.12). Every record a user opens is logged
 * with the reason they gave; trusts audit the trail for look-ups with no work reason. Given the entries, the work
 * the user had that day (which patients, and which reasons fit each task) and the people they know (a neighbour,
 * family, a celebrity, themselves), this says what each access amounts to and whether the user should report
 * their own access. Reason ids are the PAS's access reasons, passed as strings so this stays free of the PAS.
 */
import { reason, type Reason } from './rules';

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
 * work-reason: the task needed it and the reason says so; wrong-reason: the task needed it but the logged reason
 * is not the real one; curiosity: someone the user knows, with no task; not-needed: no task needed it.
 */
export type AccessVerdict = 'work-reason' | 'wrong-reason' | 'curiosity' | 'not-needed';

const RANK: Record<AccessVerdict, number> = {
	'work-reason': 0,
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
 * What one access amounts to (handbook 3.5, 4.11). A task that needs the record wins over knowing the person.
 * @example judgeAccess({ patient: 4, reason: 'enquiry' }, [{ patient: 4, task: 'a phone query', reasons: ['enquiry'] }], []).verdict // 'work-reason'
 * @example judgeAccess({ patient: 9, reason: 'enquiry' }, [], [{ patient: 9, relation: 'neighbour' }]).verdict // 'curiosity'
 * @example judgeAccess({ patient: 4, reason: 'filing' }, [{ patient: 4, task: 'a phone query', reasons: ['enquiry'] }], []).verdict // 'wrong-reason'
 * @example judgeAccess({ patient: 2, reason: 'enquiry' }, [], []).verdict // 'not-needed'
 */
export function judgeAccess(
	entry: AccessEntry,
	work: readonly WorkItem[],
	known: readonly KnownPerson[]
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
	known: readonly KnownPerson[]
): AccessAudit {
	const judged = (entries ?? []).map((entry) => ({ entry, ...judgeAccess(entry, work, known) }));
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
			: [reason('access.audit-trail', 'Every record you opened was needed for your work: nothing to report')]
	};
}
