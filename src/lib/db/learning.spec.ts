import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markComplete } from '$lib/learning/progress';
import { RecordsRoomDb } from './database';
import { deleteLearningProgress, getLearningProgress, saveLearningProgress } from './learning';
import { putLearningRecord } from './learning-records';

let db: RecordsRoomDb;
beforeEach(async () => {
	db = new RecordsRoomDb(`test-${Math.random()}`);
	await db.open();
});
afterEach(async () => {
	await db.delete();
});

describe('learning progress repository', () => {
	it('returns empty progress for a profile that has none', async () => {
		expect(await getLearningProgress(db, 'p1')).toEqual({ version: 1, completed: {} });
	});

	it('saves and reads progress per profile, as a profile-owned learning record', async () => {
		const p = markComplete(
			await getLearningProgress(db, 'p1'),
			'what-records-are-for',
			new Date('2026-11-25T10:00:00Z')
		);
		await saveLearningProgress(db, 'p1', p);
		expect(await getLearningProgress(db, 'p1')).toEqual(p);
		expect(await getLearningProgress(db, 'p2')).toEqual({ version: 1, completed: {} });
		expect((await db.learningRecords.get(['p1', 'induction']))?.value).toEqual(p);
	});

	it('reads damaged rows as empty progress instead of failing', async () => {
		await putLearningRecord(db, 'p1', 'induction', { completed: 'oops' });
		expect(await getLearningProgress(db, 'p1')).toEqual({ version: 1, completed: {} });
	});

	it('deletes a profile’s progress', async () => {
		await saveLearningProgress(
			db,
			'p1',
			markComplete(await getLearningProgress(db, 'p1'), 'filing', new Date())
		);
		await deleteLearningProgress(db, 'p1');
		expect(await db.learningRecords.get(['p1', 'induction'])).toBeUndefined();
	});
});
