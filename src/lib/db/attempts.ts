/**
 * Scenario attempts, saved as they happen (issue 5; format in docs/adr/0003-attempt-persistence.md).
 *
 * An attempt is one small row (who, which definition and version, which machine and version, seed, status, the
 * latest machine snapshot, a result summary) plus an append-only event log, one row per event. Saving a decision
 * adds one event row and replaces the attempt row in a single transaction, so it costs the same at the 1st and
 * the 100th decision. Repository functions take the db as a parameter; the progress dashboard and backup build on
 * them.
 */
import type { RecordsRoomDb } from './database';
import type { ScenarioDefinition } from '$lib/scenarios/definition';
import type { ScenarioEvent } from '$lib/scenarios/machine';

export type AttemptStatus = 'in-progress' | 'finished' | 'abandoned' | 'superseded';

export interface AttemptSummary {
	percent: number;
	passed: boolean;
	points: number;
	possiblePoints: number;
	criticalErrors: number;
	rubricVersion: number;
	/** Active time spent, for progress totals. */
	elapsedMs: number;
	/** Learning outcomes this attempt earned points towards. */
	outcomesEvidenced: string[];
}

export interface AttemptRow {
	id: string;
	profileId: string;
	definitionId: string;
	definitionVersion: number;
	/** The definition as it was when the attempt started, so the attempt can be replayed and re-scored later. */
	definition: ScenarioDefinition;
	machineId: string;
	machineVersion: number;
	seed: number;
	/** The scenario's "today" (ISO date), fixed at the start so dates in the case do not drift on resume. */
	today: string;
	status: AttemptStatus;
	startedAt: string;
	updatedAt: string;
	finishedAt: string | null;
	/** Number of rows in the event log; the next event's seq. */
	eventCount: number;
	/** XState persisted snapshot after the last saved event, or null before the first. */
	snapshot: unknown;
	summary: AttemptSummary | null;
	/** Why the attempt can no longer be resumed, when status is 'superseded'. */
	supersededReason?: string;
	/**
	 * A trainer's preview of a scenario (often a draft): kept so it can be resumed, but never counted in progress,
	 * outcomes, evidence, assessments or assignments. Absent on ordinary attempts.
	 */
	preview?: true;
}

export interface AttemptEventRow {
	attemptId: string;
	seq: number;
	profileId: string;
	event: ScenarioEvent;
}

export type NewAttempt = Omit<
	AttemptRow,
	'status' | 'updatedAt' | 'finishedAt' | 'eventCount' | 'snapshot' | 'summary'
> & {
	snapshot?: unknown;
};

export async function createAttempt(db: RecordsRoomDb, input: NewAttempt): Promise<AttemptRow> {
	const row: AttemptRow = {
		...input,
		status: 'in-progress',
		updatedAt: input.startedAt,
		finishedAt: null,
		eventCount: 0,
		snapshot: input.snapshot ?? null,
		summary: null
	};
	await db.attempts.add(row);
	return row;
}

export interface AppendUpdate {
	snapshot: unknown;
	at: string;
	status?: AttemptStatus;
	summary?: AttemptSummary | null;
}

/**
 * Appends one event to an attempt's log and stores the snapshot it led to, atomically. The seq is taken from the
 * row inside the transaction, so two tabs cannot write the same seq; returns the seq written.
 */
export async function appendEvent(
	db: RecordsRoomDb,
	attemptId: string,
	event: ScenarioEvent,
	update: AppendUpdate
): Promise<number> {
	return db.transaction('rw', db.attempts, db.attemptEvents, async () => {
		const row = await db.attempts.get(attemptId);
		if (!row)
			throw new AttemptError('This attempt no longer exists. It may have been deleted in another tab.');
		if (row.status !== 'in-progress')
			throw new AttemptError('This attempt has already ended, so nothing more can be added to it.');
		const seq = row.eventCount;
		await db.attemptEvents.add({ attemptId, seq, profileId: row.profileId, event });
		const status = update.status ?? row.status;
		await db.attempts.put({
			...row,
			eventCount: seq + 1,
			snapshot: update.snapshot,
			updatedAt: update.at,
			status,
			finishedAt: status === 'in-progress' ? null : update.at,
			summary: update.summary === undefined ? row.summary : update.summary
		});
		return seq;
	});
}

/**
 * The player's fast path: appends the next event to an attempt whose row the caller already holds (the row
 * returned by createAttempt or by the previous call), without reading it back first, and returns the new row.
 * The event's key is [attemptId, row.eventCount]: if another tab already wrote that seq, the add fails, the whole
 * transaction rolls back and an AttemptError says so, so two tabs can never interleave one log.
 */
export async function appendEventTo(
	db: RecordsRoomDb,
	row: AttemptRow,
	event: ScenarioEvent,
	update: AppendUpdate
): Promise<AttemptRow> {
	if (row.status !== 'in-progress')
		throw new AttemptError('This attempt has already ended, so nothing more can be added to it.');
	const status = update.status ?? row.status;
	const next: AttemptRow = {
		...row,
		eventCount: row.eventCount + 1,
		snapshot: update.snapshot,
		updatedAt: update.at,
		status,
		finishedAt: status === 'in-progress' ? null : update.at,
		summary: update.summary === undefined ? row.summary : update.summary
	};
	try {
		await db.transaction('rw', db.attempts, db.attemptEvents, () => {
			void db.attemptEvents.add({ attemptId: row.id, seq: row.eventCount, profileId: row.profileId, event });
			void db.attempts.put(next);
		});
	} catch (err) {
		const name = (err as { name?: string; inner?: { name?: string } })?.name;
		if (
			name === 'ConstraintError' ||
			(err as { inner?: { name?: string } })?.inner?.name === 'ConstraintError'
		) {
			throw new AttemptError(
				'This attempt was carried on in another tab or window. Reload this page to see where it is now.'
			);
		}
		throw err;
	}
	return next;
}

/** Stores the latest snapshot without a new event (e.g. the clock moved on); the log is untouched. */
export async function saveSnapshot(
	db: RecordsRoomDb,
	attemptId: string,
	snapshot: unknown,
	at: string
): Promise<void> {
	await db.attempts.update(attemptId, { snapshot, updatedAt: at });
}

export async function getAttempt(db: RecordsRoomDb, id: string): Promise<AttemptRow | undefined> {
	return db.attempts.get(id);
}

/** The event log in order. */
export async function getAttemptEvents(db: RecordsRoomDb, id: string): Promise<ScenarioEvent[]> {
	const rows = await db.attemptEvents.where('[attemptId+seq]').between([id, 0], [id, Infinity]).toArray();
	return rows.map((r) => r.event);
}

/**
 * A profile's attempts, newest first, optionally only those with the given status. Trainer previews are left out
 * unless asked for, so progress, outcomes and evidence never count them.
 */
export async function listAttempts(
	db: RecordsRoomDb,
	profileId: string,
	options: { status?: AttemptStatus; definitionId?: string; includePreviews?: boolean } = {}
): Promise<AttemptRow[]> {
	const rows = options.status
		? await db.attempts.where('[profileId+status]').equals([profileId, options.status]).toArray()
		: await db.attempts.where('profileId').equals(profileId).toArray();
	return rows
		.filter((r) => !options.definitionId || r.definitionId === options.definitionId)
		.filter((r) => options.includePreviews || !r.preview)
		.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** Marks an attempt that cannot be carried on in the current version of its machine. Its log is kept. */
export async function markSuperseded(
	db: RecordsRoomDb,
	id: string,
	reason: string,
	at: string
): Promise<void> {
	await db.attempts.update(id, { status: 'superseded', supersededReason: reason, updatedAt: at });
}

/** Deletes an attempt, its event log and its PAS trail (kept in trustEvents under the attempt's id). */
export async function deleteAttempt(db: RecordsRoomDb, id: string): Promise<void> {
	await db.transaction('rw', db.attempts, db.attemptEvents, db.trustEvents, async () => {
		await db.attemptEvents.where('attemptId').equals(id).delete();
		await db.trustEvents.where('trustId').equals(id).delete();
		await db.attempts.delete(id);
	});
}

export class AttemptError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AttemptError';
	}
}
