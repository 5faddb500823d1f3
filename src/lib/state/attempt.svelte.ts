import { createActor, type Actor } from 'xstate';
import {
	appendEventTo,
	createAttempt,
	getAttempt,
	getAttemptEvents,
	getLatestDefinitionRow,
	getPublishedDefinition,
	listAttempts,
	listPublishedDefinitions,
	markSuperseded,
	saveSnapshot,
	type AttemptRow,
	type AttemptSummary,
	type RecordsRoomDb
} from '$lib/db';
import { appendTrustEvent, listTrustEvents, type TrustEventRow } from '$lib/db/trusts';
import type { TrustEdit } from '$lib/pas/replay';
import type { ScenarioDefinition } from '$lib/scenarios/definition';
import type { AnyScenarioKind, StepView } from '$lib/scenarios/kind';
import type { ScenarioEvent, ScenarioMachine, ScenarioSnapshot } from '$lib/scenarios/machine';
import { BUILT_IN_DEFINITIONS, getBuiltInDefinition, getKind, machineFor } from '$lib/scenarios/registry';
import { machineInput, restoreAttempt } from '$lib/scenarios/resume';
import { describeError } from './errors';

export type { AttemptRow, AttemptSummary };

/** Learner events the UI may send; the session stamps them with the time and the active time so far. */
export type LearnerEvent =
	| { type: 'learner.start' }
	| { type: 'learner.answer'; answer: unknown }
	| { type: 'learner.requestHint' }
	| { type: 'learner.continue' }
	| { type: 'learner.finish' }
	| { type: 'learner.abandon' };

/** Save the snapshot on a clock tick at most this often, so a reload loses at most a few seconds of timer. */
const TICK_SAVE_EVERY_MS = 5000;

/**
 * The active scenario attempt: the one long-lived join between the player UI, the scenario machine, the clock and
 * storage. The UI sends learner events and renders `snapshot`; every event that changes the machine is saved as it
 * happens (append-only log + latest snapshot). The clock runs only while the learner is working and the tab is
 * visible, and is sent into the pure machine as `timer.tick` events.
 */
class AttemptSession {
	snapshot = $state.raw<ScenarioSnapshot | null>(null);
	row = $state.raw<AttemptRow | null>(null);
	definition = $state.raw<ScenarioDefinition | null>(null);
	kind = $state.raw<AnyScenarioKind | null>(null);
	/** A problem worded for the learner, or null. */
	error = $state<string | null>(null);
	/** How the attempt was brought back after a reload, for the "welcome back" message. */
	resumedHow = $state<'snapshot' | 'replay' | null>(null);
	/** Active milliseconds, updated each tick, for the visible timer. */
	elapsedMs = $state(0);
	paused = $state(false);

	view = $derived.by((): StepView | null => {
		const s = this.snapshot;
		const k = this.kind;
		if (!s || !k || !s.matches('working')) return null;
		return k.view(s.context.case, s.context.stepId);
	});

	#db: RecordsRoomDb | null = null;
	#actor: Actor<ScenarioMachine> | null = null;
	#baseMs = 0;
	#runningSince: number | null = null;
	#interval: ReturnType<typeof setInterval> | null = null;
	#lastTickSave = 0;
	#saving: Promise<unknown> = Promise.resolve();
	#pasSaving: Promise<unknown> = Promise.resolve();
	/**
	 * The embedded PAS's trail for this attempt as stored (audit entries, tracking), read when the attempt resumes so
	 * the scenario PAS replays it; empty for a new attempt. Not reactive: read once when the PAS session is made.
	 */
	pasEdits: readonly TrustEventRow[] = [];
	/** Saves not yet in IndexedDB: the player says "Saving…" and asks before the tab closes while this is above 0. */
	pendingSaves = $state(0);
	#onVisibility = () => this.#visibilityChanged();

	/** In-progress attempts of a profile, newest first: the "Resume" offers. Previews only resume as previews. */
	async resumable(
		db: RecordsRoomDb,
		profileId: string,
		definitionId?: string,
		preview = false
	): Promise<AttemptRow[]> {
		const rows = await listAttempts(db, profileId, {
			status: 'in-progress',
			definitionId,
			includePreviews: true
		});
		return rows.filter((r) => (r.preview === true) === preview);
	}

	async recent(db: RecordsRoomDb, profileId: string): Promise<AttemptRow[]> {
		return listAttempts(db, profileId);
	}

	/**
	 * Starts a new attempt at the briefing and saves it at once, so a reload can come back to it. A trainer's
	 * preview is flagged so it never counts as progress.
	 */
	async start(
		db: RecordsRoomDb,
		profileId: string,
		definition: ScenarioDefinition,
		seed: number,
		opts: { preview?: boolean } = {}
	) {
		this.stop();
		this.resumedHow = null;
		this.pasEdits = [];
		const kind = getKind(definition.kind);
		if (!kind) throw new Error(`Unknown scenario kind ${definition.kind}`);
		const today = new Date().toISOString().slice(0, 10);
		const machine = machineFor(kind);
		const actor = createActor(machine, { input: machineInput(kind, definition, seed, today) });
		const row = await createAttempt(db, {
			id: crypto.randomUUID(),
			profileId,
			definitionId: definition.id,
			definitionVersion: definition.version,
			definition,
			machineId: kind.kind,
			machineVersion: kind.machineVersion,
			seed,
			today,
			startedAt: new Date().toISOString(),
			snapshot: null,
			...(opts.preview ? { preview: true as const } : {})
		});
		this.#attach(db, kind, definition, row, actor);
		return row;
	}

	/**
	 * Reopens a saved attempt exactly where it was. An attempt that no longer fits its machine is marked superseded
	 * and the learner is told why; its log is kept.
	 */
	async resume(db: RecordsRoomDb, attemptId: string, profileId: string): Promise<boolean> {
		this.stop();
		const row = await getAttempt(db, attemptId);
		if (!row || row.profileId !== profileId) {
			this.error =
				'That attempt could not be found for the active profile. Choose a scenario to start again.';
			return false;
		}
		const kind = getKind(row.definition.kind);
		if (!kind) {
			this.error = 'This attempt belongs to a kind of scenario this version of Records Room does not have.';
			return false;
		}
		const machine = machineFor(kind);
		const input = machineInput(kind, row.definition, row.seed, row.today);
		if (row.status !== 'in-progress') {
			// Finished attempts open on their debrief: the saved snapshot is read-only history.
			const restored = restoreAttempt(kind, machine, { ...row, events: await getAttemptEvents(db, row.id) });
			if (!restored.ok) {
				this.error = restored.reason;
				return false;
			}
			this.#attach(
				db,
				kind,
				row.definition,
				row,
				createActor(machine, { input, snapshot: restored.snapshot })
			);
			return true;
		}
		const events = await getAttemptEvents(db, row.id);
		const restored = restoreAttempt(kind, machine, { ...row, events });
		if (!restored.ok) {
			await markSuperseded(db, row.id, restored.reason, new Date().toISOString());
			this.error = `${restored.reason} Start it again from the scenarios page: your earlier answers are kept in your history.`;
			return false;
		}
		this.resumedHow = restored.how;
		// Before the screens appear: the step on screen reads its own look-ups from this trail.
		this.pasEdits = await listTrustEvents(db, row.id);
		this.#attach(db, kind, row.definition, row, createActor(machine, { input, snapshot: restored.snapshot }));
		return true;
	}

	#attach(
		db: RecordsRoomDb,
		kind: AnyScenarioKind,
		definition: ScenarioDefinition,
		row: AttemptRow,
		actor: Actor<ScenarioMachine>
	) {
		this.#db = db;
		this.kind = kind;
		this.definition = definition;
		this.row = row;
		this.error = null;
		this.#actor = actor;
		actor.subscribe((s) => {
			this.snapshot = s;
		});
		actor.start();
		this.snapshot = actor.getSnapshot();
		this.#baseMs = this.snapshot.context.elapsedMs;
		this.elapsedMs = this.#baseMs;
		document.addEventListener('visibilitychange', this.#onVisibility);
		this.#syncClock();
	}

	/** Active time so far: the saved base plus the current running stretch. */
	#now(): number {
		return this.#baseMs + (this.#runningSince === null ? 0 : performance.now() - this.#runningSince);
	}

	#stamp() {
		return { at: new Date().toISOString(), elapsedMs: Math.round(this.#now()) };
	}

	/** Sends a learner event into the machine and saves it if it changed anything. */
	send(event: LearnerEvent) {
		if (!this.#actor) return;
		this.#dispatch({ ...event, ...this.#stamp() } as ScenarioEvent, true);
	}

	#dispatch(event: ScenarioEvent, learner: boolean) {
		const actor = this.#actor;
		const db = this.#db;
		const row = this.row;
		if (!actor || !db || !row) return;
		const before = actor.getSnapshot();
		actor.send(event);
		const after = actor.getSnapshot();
		this.#syncClock();
		if (after === before) return;
		const stateChanged = JSON.stringify(after.value) !== JSON.stringify(before.value);
		// A tick that only moves the clock is not a fact worth logging; one that ends the attempt is.
		if (!learner && !stateChanged) {
			if (performance.now() - this.#lastTickSave > TICK_SAVE_EVERY_MS) {
				this.#lastTickSave = performance.now();
				const snap = actor.getPersistedSnapshot();
				this.#queue(() => saveSnapshot(db, row.id, snap, event.at));
			}
			return;
		}
		const persisted = actor.getPersistedSnapshot();
		const done = after.status === 'done';
		const result = after.context.result;
		const summary: AttemptSummary | null =
			done && result
				? {
						percent: result.percent,
						passed: result.passed,
						points: result.points,
						possiblePoints: result.possiblePoints,
						criticalErrors: result.criticalErrors.length,
						rubricVersion: result.rubricVersion,
						elapsedMs: result.elapsedMs,
						outcomesEvidenced: result.byOutcome.filter((o) => o.points > 0).map((o) => o.id)
					}
				: null;
		const status = done ? (after.matches('abandoned') ? 'abandoned' : 'finished') : undefined;
		this.#queue(async () => {
			// Saves are queued in order, so the row held here is always the one the last save wrote.
			const current = this.row?.id === row.id ? this.row : row;
			this.row = await appendEventTo(db, current, event, {
				snapshot: persisted,
				at: event.at,
				status,
				summary
			});
		});
	}

	/** Saves run one after another, in the order the events happened. */
	#queue(work: () => Promise<unknown>) {
		this.pendingSaves++;
		this.#saving = this.#saving
			.then(work)
			.catch((err) => {
				this.error = describeError(err).message;
			})
			.finally(() => {
				this.pendingSaves--;
			});
	}

	/** Resolves when every save so far has reached IndexedDB (tests and navigation use it). */
	flush(): Promise<unknown> {
		return Promise.all([this.#saving, this.#pasSaving]);
	}

	/** The step the learner is on, counted by answers given: the tag each PAS edit is stored with. */
	get pasStep(): number {
		return this.snapshot?.context.decisions.length ?? 0;
	}

	/**
	 * Stores one edit of the embedded PAS with the attempt (one small row, apart from the decision saves so it
	 * never slows them). Counted in `pendingSaves`, so the player says "Saving…" until it is written.
	 */
	savePasEdit(edit: TrustEdit, step: number): Promise<void> {
		const db = this.#db;
		const row = this.row;
		if (!db || !row) return Promise.resolve();
		this.pendingSaves++;
		const saved = appendTrustEvent(db, row, edit, undefined, { step })
			.then(() => undefined)
			.finally(() => {
				this.pendingSaves--;
			});
		this.#pasSaving = Promise.allSettled([this.#pasSaving, saved]);
		return saved;
	}

	#working(): boolean {
		return this.snapshot?.matches('working') === true && this.snapshot.status === 'active';
	}

	/** Runs the clock only while working with the tab visible; ticks once a second. */
	#syncClock() {
		const shouldRun = this.#working() && document.visibilityState !== 'hidden';
		if (shouldRun && this.#runningSince === null) {
			this.#runningSince = performance.now();
			this.#interval = setInterval(() => this.#tick(), 1000);
		} else if (!shouldRun && this.#runningSince !== null) {
			this.#baseMs = this.#now();
			this.#runningSince = null;
			if (this.#interval) clearInterval(this.#interval);
			this.#interval = null;
		}
		this.paused = this.#working() && !shouldRun;
		this.elapsedMs = Math.round(this.#now());
	}

	#tick() {
		this.elapsedMs = Math.round(this.#now());
		this.#dispatch({ type: 'timer.tick', ...this.#stamp() }, false);
	}

	#visibilityChanged() {
		this.#syncClock();
		// Leaving the tab is when people close it: keep the clock exactly where it stopped.
		if (document.visibilityState === 'hidden' && this.#actor && this.#db && this.row && this.#working()) {
			const db = this.#db;
			const id = this.row.id;
			const snap = this.#actor.getPersistedSnapshot();
			const at = new Date().toISOString();
			this.#queue(() => saveSnapshot(db, id, snap, at));
		}
	}

	/** Stops the clock and the machine; the saved attempt stays as it is. */
	stop() {
		if (this.#interval) clearInterval(this.#interval);
		this.#interval = null;
		if (this.#runningSince !== null) this.#baseMs = this.#now();
		this.#runningSince = null;
		if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.#onVisibility);
		this.#actor?.stop();
		this.#actor = null;
	}

	/** For tests: forget everything held in memory. */
	reset() {
		this.stop();
		this.snapshot = null;
		this.row = null;
		this.definition = null;
		this.kind = null;
		this.error = null;
		this.resumedHow = null;
		this.elapsedMs = 0;
		this.paused = false;
		this.#baseMs = 0;
		this.#db = null;
		this.#saving = Promise.resolve();
		this.#pasSaving = Promise.resolve();
		this.pasEdits = [];
		this.pendingSaves = 0;
	}
}

export const attempt = new AttemptSession();

/**
 * A definition by id: a built-in one, else the newest published trainer-authored one from IndexedDB. With
 * `includeDrafts` (the trainer's preview) the newest version is used even while it is still a draft.
 */
export async function findDefinition(
	db: RecordsRoomDb | null,
	id: string,
	opts: { includeDrafts?: boolean } = {}
): Promise<ScenarioDefinition | undefined> {
	const builtIn = getBuiltInDefinition(id);
	if (builtIn || !db) return builtIn;
	if (opts.includeDrafts) return (await getLatestDefinitionRow(db, id))?.definition;
	return getPublishedDefinition(db, id);
}

/** Every scenario a trainee can start on this device: the built-in ones, then published trainer-authored ones. */
export async function listPlayableDefinitions(db: RecordsRoomDb | null): Promise<ScenarioDefinition[]> {
	return [...BUILT_IN_DEFINITIONS, ...(db ? await listPublishedDefinitions(db) : [])];
}

/** A fresh random seed for a new variant of a scenario. */
export function newSeed(): number {
	return Math.floor(Math.random() * 2 ** 31);
}
