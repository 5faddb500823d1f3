import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { summariseProgress } from '$lib/scenarios/progress';
import { BUILT_IN_DEFINITIONS, getBuiltInDefinition } from '$lib/scenarios/registry';
import { createAttempt, listAttempts } from './attempts';
import { RecordsRoomDb } from './database';

let db: RecordsRoomDb;
beforeEach(async () => {
	db = new RecordsRoomDb(`preview-${Math.random()}`);
	await db.open();
});
afterEach(async () => {
	db.close();
	await Dexie.delete(db.name);
});

it('leaves trainer previews out of progress unless asked for them', async () => {
	const definition = getBuiltInDefinition('nhs-number-check-gentle')!;
	const base = {
		profileId: 'ben',
		definitionId: definition.id,
		definitionVersion: 1,
		definition,
		machineId: definition.kind,
		machineVersion: 1,
		seed: 1,
		today: '2026-11-26',
		startedAt: '2026-11-26T09:00:00.000Z'
	};
	await createAttempt(db, { ...base, id: 'real' });
	await createAttempt(db, { ...base, id: 'preview', preview: true });
	const counted = await listAttempts(db, 'ben');
	expect(counted.map((a) => a.id)).toEqual(['real']);
	expect(summariseProgress(counted, BUILT_IN_DEFINITIONS).totals.attempts).toBe(1);
	expect((await listAttempts(db, 'ben', { includePreviews: true })).map((a) => a.id).sort()).toEqual([
		'preview',
		'real'
	]);
});
