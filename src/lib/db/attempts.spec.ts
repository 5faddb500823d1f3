import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBuiltInDefinition } from '$lib/scenarios/registry';
import type { ScenarioEvent } from '$lib/scenarios/machine';
import {
	appendEvent,
	appendEventTo,
	AttemptError,
	createAttempt,
	deleteAttempt,
	getAttempt,
	getAttemptEvents,
	listAttempts,
	markSuperseded,
	saveSnapshot,
	type NewAttempt
} from './attempts';
import { CURRENT_DB_VERSION, RecordsRoomDb, SCHEMA_LADDER } from './database';
import { createProfile, deleteProfile, describeProfileData, type Clock } from './profiles';
import { appendTrustEvent } from './trusts';

let db: RecordsRoomDb;
let n = 0;
const clock: Clock = { now: () => new Date('2026-11-25T09:00:00Z'), newId: () => `p${++n}` };
const definition = getBuiltInDefinition('nhs-number-check-gentle')!;

function newAttempt(id: string, profileId: string, startedAt = '2026-11-25T09:00:00.000Z'): NewAttempt {
	return {
		id,
		profileId,
		definitionId: definition.id,
		definitionVersion: definition.version,
		definition,
		machineId: 'nhs-number-check',
		machineVersion: 1,
		seed: 42,
		today: '2026-11-25',
		startedAt
	};
}

const ev = (i: number): ScenarioEvent => ({
	type: 'learner.continue',
	at: `2026-11-25T09:00:${String(i).padStart(2, '0')}.000Z`,
	elapsedMs: i * 1000
});

beforeEach(async () => {
	db = new RecordsRoomDb(`test-${Math.random()}`);
	await db.open();
});
afterEach(async () => {
	await db.delete();
});

describe('attempt repository', () => {
	it('creates an attempt, appends events in order and keeps the latest snapshot', async () => {
		await createAttempt(db, newAttempt('a1', 'p1'));
		expect(await appendEvent(db, 'a1', ev(1), { snapshot: { n: 1 }, at: '2026-11-25T09:00:01.000Z' })).toBe(
			0
		);
		expect(await appendEvent(db, 'a1', ev(2), { snapshot: { n: 2 }, at: '2026-11-25T09:00:02.000Z' })).toBe(
			1
		);
		const row = await getAttempt(db, 'a1');
		expect(row).toMatchObject({
			eventCount: 2,
			snapshot: { n: 2 },
			status: 'in-progress',
			updatedAt: '2026-11-25T09:00:02.000Z'
		});
		expect(await getAttemptEvents(db, 'a1')).toEqual([ev(1), ev(2)]);
		await saveSnapshot(db, 'a1', { n: 3 }, '2026-11-25T09:00:05.000Z');
		expect((await getAttempt(db, 'a1'))?.snapshot).toEqual({ n: 3 });
		expect(await getAttemptEvents(db, 'a1')).toHaveLength(2);
	});

	it('finishes an attempt with its summary and then refuses more events', async () => {
		await createAttempt(db, newAttempt('a1', 'p1'));
		const summary = {
			percent: 80,
			passed: true,
			points: 8,
			possiblePoints: 10,
			criticalErrors: 0,
			rubricVersion: 1,
			elapsedMs: 60_000,
			outcomesEvidenced: ['ihrim.unique-identifiers']
		};
		await appendEvent(db, 'a1', ev(1), {
			snapshot: {},
			at: '2026-11-25T09:10:00.000Z',
			status: 'finished',
			summary
		});
		expect(await getAttempt(db, 'a1')).toMatchObject({
			status: 'finished',
			finishedAt: '2026-11-25T09:10:00.000Z',
			summary
		});
		await expect(appendEvent(db, 'a1', ev(2), { snapshot: {}, at: 'x' })).rejects.toBeInstanceOf(
			AttemptError
		);
		await expect(appendEvent(db, 'nope', ev(2), { snapshot: {}, at: 'x' })).rejects.toThrow(
			'no longer exists'
		);
	});

	it("lists one profile's attempts newest first, by status and definition", async () => {
		await createAttempt(db, newAttempt('old', 'p1', '2026-11-24T09:00:00.000Z'));
		await createAttempt(db, newAttempt('new', 'p1', '2026-11-25T09:00:00.000Z'));
		await createAttempt(db, newAttempt('other', 'p2'));
		await markSuperseded(db, 'old', 'changed', '2026-11-25T10:00:00.000Z');
		expect((await listAttempts(db, 'p1')).map((a) => a.id)).toEqual(['new', 'old']);
		expect((await listAttempts(db, 'p1', { status: 'in-progress' })).map((a) => a.id)).toEqual(['new']);
		expect((await listAttempts(db, 'p1', { definitionId: 'elsewhere' })).map((a) => a.id)).toEqual([]);
		expect(await getAttempt(db, 'old')).toMatchObject({ status: 'superseded', supersededReason: 'changed' });
	});

	it('appends from a held row without reading it, and refuses a second tab writing the same step', async () => {
		let row = await createAttempt(db, newAttempt('a1', 'p1'));
		row = await appendEventTo(db, row, ev(1), { snapshot: { n: 1 }, at: 'x1' });
		const stale = row;
		row = await appendEventTo(db, row, ev(2), { snapshot: { n: 2 }, at: 'x2' });
		expect(row).toMatchObject({ eventCount: 2, snapshot: { n: 2 } });
		expect(await getAttempt(db, 'a1')).toEqual(row);
		await expect(appendEventTo(db, stale, ev(9), { snapshot: { n: 9 }, at: 'x9' })).rejects.toThrow(
			'carried on in another tab'
		);
		expect(await getAttemptEvents(db, 'a1')).toEqual([ev(1), ev(2)]);
		expect((await getAttempt(db, 'a1'))?.snapshot).toEqual({ n: 2 });
	});

	it('deletes an attempt with its event log and its PAS trail, and nothing of other attempts', async () => {
		await createAttempt(db, newAttempt('a1', 'p1'));
		await createAttempt(db, newAttempt('a2', 'p1'));
		await appendEvent(db, 'a1', ev(1), { snapshot: {}, at: 'x' });
		const downtime = { type: 'pas.downtime', data: { on: true } } as const;
		await appendTrustEvent(db, { id: 'a1', profileId: 'p1' }, downtime, clock, { step: 0 });
		await appendTrustEvent(db, { id: 'a2', profileId: 'p1' }, downtime, clock, { step: 0 });
		await deleteAttempt(db, 'a1');
		expect(await getAttempt(db, 'a1')).toBeUndefined();
		expect(await db.attemptEvents.count()).toBe(0);
		expect((await db.trustEvents.toArray()).map((r) => r.trustId)).toEqual(['a2']);
	});

	it('deleting a profile removes its attempts and says how many first', async () => {
		const p = await createProfile(db, { name: 'Ann', role: 'apprentice' }, clock);
		await createAttempt(db, newAttempt('a1', p.id));
		await createAttempt(db, newAttempt('a2', p.id));
		await createAttempt(db, newAttempt('keep', 'someone-else'));
		for (let i = 0; i < 3; i++) await appendEvent(db, 'a1', ev(i), { snapshot: {}, at: 'x' });
		const summary = await describeProfileData(db, p.id);
		expect(summary.items.map((i) => i.description)).toEqual([
			'2 scenario attempts and their results',
			'3 saved answers and actions from those attempts',
			'0 learning records (induction progress, mock assessment, evidence sign-off)',
			'0 practice trusts (seed and settings)',
			'0 changes made on the PAS (casenote tracking and the records you opened)',
			'0 assignments (set by this profile, or imported from a scenario pack)',
			'0 trainee progress files imported into the cohort dashboard (not in backups)'
		]);
		await deleteProfile(db, p.id);
		expect((await db.attempts.toArray()).map((a) => a.id)).toEqual(['keep']);
		expect(await db.attemptEvents.count()).toBe(0);
	});

	it('upgrades a version 1 database to version 2 without losing profiles', async () => {
		const name = `upgrade-${Math.random()}`;
		const v1 = new Dexie(name);
		v1.version(1).stores(SCHEMA_LADDER[0].stores);
		await v1.open();
		await v1
			.table('profiles')
			.add({ id: 'p1', name: 'Old', nameKey: 'old', role: 'trainer', createdAt: 'x', updatedAt: 'x' });
		v1.close();
		const upgraded = new RecordsRoomDb(name);
		await upgraded.open();
		expect(upgraded.verno).toBe(CURRENT_DB_VERSION);
		expect(await upgraded.profiles.count()).toBe(1);
		expect(await upgraded.attempts.count()).toBe(0);
		await upgraded.delete();
	});
});
