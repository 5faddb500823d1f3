/**
 * Realistic trainee progress files for tests and benchmarks of the cohort dashboard (issue 11). Attempts are played
 * with the real scenario machines (a trainee of a given skill picks the right answer that often, otherwise any
 * offered answer) and written with the real attempt rows, then exported with the real writers (the progress file
 * for a trainer, and the full backup), so the dashboard reads exactly what /your-data/ exports. Works on any RecordsRoomDb: fake-indexeddb in Node, or the
 * browser's own IndexedDB.
 */
import { createActor } from 'xstate';
import type { AttemptEventRow, AttemptRow, AttemptSummary } from '$lib/db/attempts';
import { buildBackup, type BackupFile } from '$lib/db/backup';
import type { RecordsRoomDb } from '$lib/db/database';
import type { Profile, ProfileRole } from '$lib/db/profiles';
import { buildTrainerFile, trainerFileText, type TrainerFile } from '$lib/db/trainer-file';
import type { ScenarioDefinition } from '$lib/scenarios/definition';
import type { ScenarioEvent, ScenarioSnapshot } from '$lib/scenarios/machine';
import { randomInt, seededRandom } from '$lib/scenarios/prng';
import { BUILT_IN_DEFINITIONS, getKind, machineFor } from '$lib/scenarios/registry';
import { machineInput } from '$lib/scenarios/resume';

export interface TraineeSpec {
	name: string;
	role?: ProfileRole;
	/** Seeds the trainee's choices and ids: the same spec gives the same file. */
	seed: number;
	attempts: number;
	/** 0-1: how often the trainee picks a right answer. */
	skill: number;
	/** Scenarios to draw from; every built-in one by default. */
	definitions?: readonly ScenarioDefinition[];
	/** First attempt's start; the rest follow a few hours apart. */
	from?: string;
}

interface Played {
	events: ScenarioEvent[];
	snapshot: unknown;
	summary: AttemptSummary | null;
	status: AttemptRow['status'];
	elapsedMs: number;
}

/**
 * Playing the same case with the same policy gives the same log, so benchmarks that need 10,000 attempts replay a
 * pool of distinct playthroughs (per scenario, case seed and policy) instead of re-running each one.
 */
const cache = new Map<string, Played>();

function play(definition: ScenarioDefinition, caseSeed: number, policySeed: number, skill: number): Played {
	const key = `${definition.id}|${caseSeed}|${policySeed}|${skill}`;
	const hit = cache.get(key);
	if (hit) return hit;
	const kind = getKind(definition.kind)!;
	const actor = createActor(machineFor(kind), {
		input: machineInput(kind, definition, caseSeed, '2026-11-25')
	}).start();
	const random = seededRandom(policySeed);
	const events: ScenarioEvent[] = [];
	let elapsedMs = 0;
	const stamp = () => ({
		at: new Date(Date.UTC(2026, 10, 25, 9, 0, 0) + elapsedMs).toISOString(),
		elapsedMs
	});
	const send = (event: ScenarioEvent) => {
		events.push(event);
		actor.send(event);
	};
	send({ type: 'learner.start', ...stamp() });
	for (let guard = 0; guard < 500 && actor.getSnapshot().status === 'active'; guard++) {
		const snap = actor.getSnapshot() as ScenarioSnapshot;
		elapsedMs += 4000 + randomInt(random, 40_000);
		if (snap.matches({ working: 'feedback' })) {
			send({ type: 'learner.continue', ...stamp() });
			continue;
		}
		const step = snap.context.stepId;
		const options = kind.answerOptions(snap.context.case, step);
		const right = options.find((o) => kind.judge(snap.context.case, step, o).outcome === 'correct');
		const answer =
			right !== undefined && random() < skill ? right : options[randomInt(random, options.length)];
		send({ type: 'learner.answer', answer, ...stamp() });
	}
	const after = actor.getSnapshot() as ScenarioSnapshot;
	const result = after.context.result;
	const played: Played = {
		events,
		snapshot: actor.getPersistedSnapshot(),
		summary: result
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
			: null,
		status: after.status === 'done' ? (after.matches('abandoned') ? 'abandoned' : 'finished') : 'in-progress',
		elapsedMs
	};
	actor.stop();
	cache.set(key, played);
	return played;
}

/**
 * Writes one trainee's profile and attempts into `db`, exports them with the real writers, then removes them.
 * `text` is the full backup as "Export progress to a file" writes it; `trainerText` is the progress file for a
 * trainer as "Export a progress file for your trainer" writes it.
 */
export async function buildProgressFile(
	db: RecordsRoomDb,
	spec: TraineeSpec,
	opts: { now: Date; appVersion?: string; caseSeeds?: number; policies?: number }
): Promise<{
	backup: BackupFile;
	text: string;
	trainer: TrainerFile;
	trainerText: string;
	profile: Profile;
}> {
	const random = seededRandom(spec.seed);
	const definitions = spec.definitions ?? BUILT_IN_DEFINITIONS;
	const from = Date.parse(spec.from ?? '2026-10-01T09:00:00.000Z');
	const profile: Profile = {
		id: `trainee-${spec.seed}-${spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
		name: spec.name,
		nameKey: spec.name.toLowerCase(),
		role: spec.role ?? 'apprentice',
		createdAt: new Date(from).toISOString(),
		updatedAt: new Date(from).toISOString()
	};
	const attempts: AttemptRow[] = [];
	const events: AttemptEventRow[] = [];
	for (let i = 0; i < spec.attempts; i++) {
		const definition = definitions[randomInt(random, definitions.length)];
		const caseSeed = 1 + randomInt(random, opts.caseSeeds ?? 1000);
		const policy = 1 + randomInt(random, opts.policies ?? 1000);
		const played = play(definition, caseSeed, policy, spec.skill);
		const start = from + i * 5 * 3_600_000 + randomInt(random, 3_600_000);
		const end = new Date(start + played.elapsedMs).toISOString();
		const id = `${profile.id}-attempt-${i}`;
		attempts.push({
			id,
			profileId: profile.id,
			definitionId: definition.id,
			definitionVersion: definition.version,
			definition,
			machineId: definition.kind,
			machineVersion: getKind(definition.kind)!.machineVersion,
			seed: caseSeed,
			today: '2026-11-25',
			status: played.status,
			startedAt: new Date(start).toISOString(),
			updatedAt: end,
			finishedAt: played.status === 'in-progress' ? null : end,
			eventCount: played.events.length,
			snapshot: played.snapshot,
			summary: played.summary
		});
		played.events.forEach((event, seq) => events.push({ attemptId: id, seq, profileId: profile.id, event }));
	}
	await db.transaction('rw', db.profiles, db.attempts, db.attemptEvents, async () => {
		await db.profiles.put(profile);
		await db.attempts.bulkPut(attempts);
		await db.attemptEvents.bulkPut(events);
	});
	const backup = await buildBackup(db, {
		profileIds: [profile.id],
		now: opts.now,
		appVersion: opts.appVersion ?? 'test'
	});
	const trainer = await buildTrainerFile(db, {
		profileId: profile.id,
		now: opts.now,
		appVersion: opts.appVersion ?? 'test'
	});
	await db.transaction('rw', db.profiles, db.attempts, db.attemptEvents, async () => {
		await db.attemptEvents.where('profileId').equals(profile.id).delete();
		await db.attempts.where('profileId').equals(profile.id).delete();
		await db.profiles.delete(profile.id);
	});
	// Indented as /your-data/ writes it, so sizes and parse times are the real ones.
	return {
		backup,
		text: JSON.stringify(backup, null, 1),
		trainer,
		trainerText: trainerFileText(trainer),
		profile
	};
}
