/**
 * Assignments (issue 11): rows of the v4 `assignments` table (indexed by id, ownerProfileId, updatedAt). The
 * trainer who set an assignment owns it; trainees on this device are listed in assignedProfileIds. The cohort
 * dashboard filters on these fields, so their names and meanings are part of the contract.
 */
import type { RecordsRoomDb } from './database';
import { checkAssignment, type AssignmentInput, type AssignmentProblem } from '$lib/trainer/assignments';

export type DoneWhen = 'finished' | 'passed';

export interface AssignmentItem {
	definitionId: string;
	/** Only attempts of this version count, when set; otherwise any version does. */
	definitionVersion?: number;
	/** Only attempts of this case count, when set; the trainee's Start link opens this case. */
	seed?: number;
}

export interface AssignmentRow {
	id: string;
	ownerProfileId: string;
	title: string;
	/** In the order the trainer set. */
	items: AssignmentItem[];
	/** YYYY-MM-DD, the trainees' local date. */
	dueDate?: string;
	doneWhen: DoneWhen;
	assignedProfileIds: string[];
	createdAt: string;
	updatedAt: string;
}

export class AssignmentError extends Error {
	constructor(readonly problems: AssignmentProblem[]) {
		super(problems.map((p) => p.message).join(' '));
		this.name = 'AssignmentError';
	}
}

const table = (db: RecordsRoomDb) => db.table<AssignmentRow, string>('assignments');

/** A trainer's assignments, most recently changed first. */
export async function listAssignmentsOwnedBy(
	db: RecordsRoomDb,
	ownerProfileId: string
): Promise<AssignmentRow[]> {
	const rows = await table(db).where('ownerProfileId').equals(ownerProfileId).toArray();
	return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Assignments set for a trainee, soonest due first (those without a due date last). */
export async function listAssignmentsFor(db: RecordsRoomDb, profileId: string): Promise<AssignmentRow[]> {
	// No multi-entry index on assignedProfileIds in schema v4; a device holds tens of assignments, so a scan is fine.
	const rows = await table(db)
		.filter((a) => Array.isArray(a.assignedProfileIds) && a.assignedProfileIds.includes(profileId))
		.toArray();
	return rows.sort(
		(a, b) =>
			(a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title, 'en-GB')
	);
}

export async function getAssignment(db: RecordsRoomDb, id: string): Promise<AssignmentRow | undefined> {
	return table(db).get(id);
}

/**
 * Creates (no id) or updates (id of one the owner has) an assignment. Throws AssignmentError with every problem,
 * and writes nothing, when it is not valid.
 */
export async function saveAssignment(
	db: RecordsRoomDb,
	raw: unknown,
	opts: {
		ownerProfileId: string;
		id?: string;
		now: Date;
		newId: () => string;
		isKnownScenario?: (id: string) => boolean;
	}
): Promise<AssignmentRow> {
	const check = checkAssignment(raw, opts.isKnownScenario);
	if (!check.ok) throw new AssignmentError(check.problems);
	const input: AssignmentInput = check.value;
	const at = opts.now.toISOString();
	return db.transaction('rw', db.profiles, table(db), async () => {
		const owner = await db.profiles.get(opts.ownerProfileId);
		if (!owner || owner.role !== 'trainer') {
			throw new AssignmentError([{ field: 'title', message: 'Only a trainer profile can set assignments.' }]);
		}
		// Only profiles that exist here can be assigned; a stale id from another tab is dropped, not kept.
		const present = await db.profiles.bulkGet(input.assignedProfileIds);
		const assignedProfileIds = input.assignedProfileIds.filter((_, i) => present[i] !== undefined);
		const existing = opts.id ? await table(db).get(opts.id) : undefined;
		if (opts.id && (!existing || existing.ownerProfileId !== opts.ownerProfileId)) {
			throw new AssignmentError([
				{
					field: 'title',
					message: 'That assignment no longer exists. It may have been deleted in another tab.'
				}
			]);
		}
		const row: AssignmentRow = {
			id: existing?.id ?? opts.newId(),
			ownerProfileId: opts.ownerProfileId,
			title: input.title,
			items: input.items,
			...(input.dueDate ? { dueDate: input.dueDate } : {}),
			doneWhen: input.doneWhen,
			assignedProfileIds,
			createdAt: existing?.createdAt ?? at,
			updatedAt: at
		};
		await table(db).put(row);
		return row;
	});
}

/** Deletes one of the owner's assignments; trainees' attempts are untouched. */
export async function deleteAssignment(
	db: RecordsRoomDb,
	id: string,
	ownerProfileId: string
): Promise<boolean> {
	return db.transaction('rw', table(db), async () => {
		const row = await table(db).get(id);
		if (!row || row.ownerProfileId !== ownerProfileId) return false;
		await table(db).delete(id);
		return true;
	});
}

/**
 * For deleteProfile, inside its transaction: removes the assignments a profile owns, and takes the profile off
 * every assignment it was set.
 */
export async function deleteAssignmentDataOf(db: RecordsRoomDb, profileId: string): Promise<void> {
	await table(db).where('ownerProfileId').equals(profileId).delete();
	await table(db)
		.filter((a) => Array.isArray(a.assignedProfileIds) && a.assignedProfileIds.includes(profileId))
		.modify((a) => {
			a.assignedProfileIds = a.assignedProfileIds.filter((id) => id !== profileId);
		});
}
