import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markComplete, emptyProgress } from '$lib/learning/progress';
import { applyImport, buildBackup, databaseHash, parseBackupText } from './backup';
import { RecordsRoomDb } from './database';
import { getLearningProgress, saveLearningProgress } from './learning';
import { describeLearningRecords, getLearningRecord, putLearningRecord } from './learning-records';
import { createProfile, deleteProfile, describeProfileData, type Clock } from './profiles';

// Issue 12: learning records moved out of settings so that backups carry them and deleting a profile removes them.
// These tests prove both, through the same functions the Your data and Profiles pages call.

let db: RecordsRoomDb;
let n = 0;
const clock: Clock = { now: () => new Date('2026-11-25T09:00:00Z'), newId: () => `p-${++n}` };
const at = new Date('2026-11-25T10:00:00Z');
const later = new Date('2026-11-26T10:00:00Z');

async function freshDb() {
	const d = new RecordsRoomDb(`learning-records-${Math.random()}`);
	await d.open();
	return d;
}
beforeEach(async () => {
	db = await freshDb();
});
afterEach(async () => {
	await db.delete();
});

/** Ada has all three kinds of learning record; Ben has induction progress only. */
async function seed() {
	const ada = await createProfile(db, { name: 'Ada', role: 'apprentice' }, clock);
	const ben = await createProfile(db, { name: 'Ben', role: 'new-starter' }, clock);
	await saveLearningProgress(db, ada.id, markComplete(emptyProgress(), 'what-records-are-for', at));
	await putLearningRecord(db, ada.id, 'assessment-session', { startedAt: at.toISOString(), items: [] }, at);
	await putLearningRecord(db, ada.id, 'evidence-signoff', { name: 'T. Trainer', date: '2026-11-25' }, at);
	await saveLearningProgress(db, ben.id, markComplete(emptyProgress(), 'filing', at));
	return { ada, ben };
}

async function roundTrip(from: RecordsRoomDb, mode: 'merge' | 'replace', into: RecordsRoomDb) {
	const file = await buildBackup(from, { now: later, appVersion: 'test' });
	const parsed = await parseBackupText(JSON.stringify(file));
	if (!parsed.ok) throw new Error(parsed.problem);
	await applyImport(into, parsed.backup, mode);
	return file;
}

describe('learning records in backups', () => {
	it('a backup holds every learning record, and restoring it into an empty browser gives them all back', async () => {
		const { ada, ben } = await seed();
		const before = await databaseHash(db);
		const target = await freshDb();
		try {
			const file = await roundTrip(db, 'merge', target);
			expect(file.data.tables.learningRecords).toHaveLength(4);
			expect(await databaseHash(target)).toBe(before);
			expect((await getLearningProgress(target, ada.id)).completed).toEqual({
				'what-records-are-for': at.toISOString()
			});
			expect(await getLearningRecord(target, ada.id, 'evidence-signoff')).toEqual({
				name: 'T. Trainer',
				date: '2026-11-25'
			});
			expect(await getLearningRecord(target, ada.id, 'assessment-session')).toMatchObject({ items: [] });
			expect((await getLearningProgress(target, ben.id)).completed).toHaveProperty('filing');
		} finally {
			await target.delete();
		}
	});

	it('a backup of one profile carries only that profile’s learning records', async () => {
		const { ada } = await seed();
		const file = await buildBackup(db, { profileIds: [ada.id], now: later, appVersion: 'test' });
		const rows = file.data.tables.learningRecords as { profileId: string }[];
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.profileId === ada.id)).toBe(true);
	});

	it('merging keeps the newer induction progress, whichever computer it came from', async () => {
		const { ada } = await seed();
		const other = await freshDb();
		try {
			await roundTrip(db, 'merge', other);
			// Ada carries on at another computer, then brings her progress back.
			const more = markComplete(await getLearningProgress(other, ada.id), 'filing', later);
			await putLearningRecord(other, ada.id, 'induction', more, later);
			await roundTrip(other, 'merge', db);
			expect(Object.keys((await getLearningProgress(db, ada.id)).completed).sort()).toEqual([
				'filing',
				'what-records-are-for'
			]);
			// And an older copy merged back does not undo it.
			await putLearningRecord(other, ada.id, 'induction', emptyProgress(), at);
			await roundTrip(other, 'merge', db);
			expect(Object.keys((await getLearningProgress(db, ada.id)).completed)).toHaveLength(2);
		} finally {
			await other.delete();
		}
	});

	it('replacing from a backup puts back the records the file holds and removes ones made since', async () => {
		const { ada } = await seed();
		const file = await buildBackup(db, { now: later, appVersion: 'test' });
		await saveLearningProgress(
			db,
			ada.id,
			markComplete(emptyProgress(), 'tracking-and-missing-notes', later)
		);
		expect(Object.keys((await getLearningProgress(db, ada.id)).completed)).toEqual([
			'tracking-and-missing-notes'
		]);
		const parsed = await parseBackupText(JSON.stringify(file));
		if (!parsed.ok) throw new Error(parsed.problem);
		await applyImport(db, parsed.backup, 'replace');
		expect(Object.keys((await getLearningProgress(db, ada.id)).completed)).toEqual(['what-records-are-for']);
	});
});

describe('learning records when a profile is deleted', () => {
	it('the confirmation names the learning records, and deleting removes them and no one else’s', async () => {
		const { ada, ben } = await seed();
		const summary = await describeProfileData(db, ada.id);
		expect(summary.items.find((i) => i.table === 'learningRecords')).toEqual({
			table: 'learningRecords',
			count: 3,
			description:
				'3 learning records: induction progress, a mock assessment under way and a trainer\u2019s evidence sign-off'
		});
		expect(
			(await describeProfileData(db, ben.id)).items.find((i) => i.table === 'learningRecords')?.description
		).toBe('1 learning record: induction progress');
		await deleteProfile(db, ada.id);
		expect(await db.learningRecords.where('profileId').equals(ada.id).count()).toBe(0);
		expect(await db.learningRecords.where('profileId').equals(ben.id).count()).toBe(1);
	});
});

describe('describeLearningRecords', () => {
	it('lists only the kinds present, in a fixed order', () => {
		expect(describeLearningRecords([{ kind: 'evidence-signoff' }, { kind: 'induction' }])).toBe(
			'2 learning records: induction progress and a trainer\u2019s evidence sign-off'
		);
	});
});
