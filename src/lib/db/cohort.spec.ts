import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getBuiltInDefinition } from '$lib/scenarios/registry';
import { summariseCohort, summaryPart, NO_FILTERS } from '$lib/trainer/cohort';
import { buildProgressFile } from '$lib/trainer/testing/progress-files';
import {
	clearCohort,
	cohortFileHashes,
	fromStoredCohortFile,
	readCohortAttempts,
	type CohortFileRow,
	listCohortAssignments,
	listCohortFiles,
	removeCohortFile,
	saveCohortFiles,
	verifyProgressFile,
	type StoredCohortFile
} from './cohort';
import { RecordsRoomDb } from './database';

const quick = ['nhs-number-check-gentle', 'phone-call-gentle', 'records-desk-day-assessment'].map((id) =>
	getBuiltInDefinition(id)!
);
const now = new Date('2026-11-25T12:00:00.000Z');
/** Two trainers sharing one computer, each with their own cohort. */
const ann = 'trainer-ann';
const bob = 'trainer-bob';
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

let texts: { ada: string; ben: string };
let trainerTexts: { ada: string };
beforeAll(async () => {
	const maker = new RecordsRoomDb('cohort-maker');
	await maker.open();
	const ada = await buildProgressFile(
		maker,
		{ name: 'Ada', seed: 1, attempts: 6, skill: 0.8, definitions: quick },
		{ now }
	);
	const ben = await buildProgressFile(
		maker,
		{ name: 'Ben', seed: 2, attempts: 4, skill: 0.3, definitions: quick },
		{ now }
	);
	texts = { ada: ada.text, ben: ben.text };
	trainerTexts = { ada: ada.trainerText };
	await maker.delete();
});

let db: RecordsRoomDb;
beforeEach(async () => {
	db = new RecordsRoomDb(`cohort-${Math.random()}`);
	await db.open();
});
afterEach(async () => {
	await db.delete();
});

async function verified(text: string, name: string): Promise<StoredCohortFile> {
	const r = await verifyProgressFile(bytes(text), name, now.toISOString());
	if (r.ok !== true) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
	return r.file;
}

const withAttempts = (rows: CohortFileRow[]) => rows.map((r) => ({ ...r, attempts: readCohortAttempts(r) }));

describe('verifyProgressFile', () => {
	it('keeps profiles, attempts, decisions and scores of a real export, without cases or event logs', async () => {
		const f = fromStoredCohortFile(await verified(texts.ada, 'ada.json'));
		expect(f.trainees).toEqual([expect.objectContaining({ name: 'Ada', role: 'apprentice' })]);
		expect(f.attempts).toHaveLength(6);
		expect(f.skippedAttempts).toBe(0);
		const finished = f.attempts.filter((a) => a.status === 'finished');
		expect(finished.length).toBeGreaterThan(0);
		for (const a of finished) {
			expect(a.decisions.length).toBeGreaterThan(0);
			expect(a.result?.percent).toBe(a.summary?.percent);
			expect(a.decisions[0]).not.toHaveProperty('choices');
		}
		expect(JSON.stringify(f)).not.toContain('"case"');
		expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
	});

	it.each([
		[
			'a changed name',
			(t: string) => t.replace(/"name": ?"Ada"/, '"name": "Eve"'),
			'changed or damaged since it was exported'
		],
		[
			'a changed score',
			(t: string) => t.replace(/"percent": ?(\d+)/, (_m, n) => `"percent": ${(Number(n) + 1) % 100}`),
			'checksum does not match'
		],
		['a cut-off file', (t: string) => t.slice(0, t.indexOf('"profiles"') + 5), 'incomplete'],
		['another app’s file', () => JSON.stringify({ format: 'spreadsheet', rows: [] }), 'not a Records Room'],
		['not JSON', () => 'name,score\nAda,90', 'not a Records Room progress file'],
		['an empty file', () => '', 'empty']
	])('refuses %s with a plain reason', async (_label, change, reason) => {
		const r = await verifyProgressFile(bytes(change(texts.ada)), 'x.json', now.toISOString());
		expect(r.ok).toBe(false);
		expect(r.ok === false && r.problem).toContain(reason);
	});

	it('checks a file the same way whether or not an editor added a byte-order mark', async () => {
		const plain = fromStoredCohortFile(await verified(texts.ada, 'ada.json'));
		const withBom = await verifyProgressFile(bytes(`\ufeff${texts.ada}`), 'ada-bom.json', now.toISOString());
		expect(withBom.ok).toBe(true);
		expect(withBom.ok === true && fromStoredCohortFile(withBom.file).attempts).toEqual(plain.attempts);
	});

	it('knows a progress file for a trainer by its data, so the same progress exported again is a duplicate', async () => {
		const first = await verifyProgressFile(bytes(trainerTexts.ada), 'ada.json', now.toISOString());
		expect(first.ok).toBe(true);
		const later = trainerTexts.ada.replace(now.toISOString(), '2026-11-26T09:00:00.000Z');
		expect(later).not.toBe(trainerTexts.ada);
		const again = await verifyProgressFile(bytes(later), 'ada-again.json', '', new Set([first.sha256!]));
		expect(again).toEqual({ ok: 'duplicate', fileName: 'ada-again.json', sha256: first.sha256 });
	});

	it('recognises a file already imported before reading it', async () => {
		const f = await verified(texts.ada, 'ada.json');
		const again = await verifyProgressFile(bytes(texts.ada), 'copy.json', '', new Set([f.sha256]));
		expect(again).toEqual({ ok: 'duplicate', fileName: 'copy.json', sha256: f.sha256 });
	});
});

describe('cohort files repository', () => {
	it('stores each file once however often it is imported, and the figures do not change', async () => {
		const ada = await verified(texts.ada, 'ada.json');
		const ben = await verified(texts.ben, 'ben.json');
		expect(await saveCohortFiles(db, ann, [ada, ben])).toBe(2);
		const before = summariseCohort(withAttempts(await listCohortFiles(db, ann)), NO_FILTERS, []);
		expect(await saveCohortFiles(db, ann, [ada])).toBe(0);
		await clearCohort(db, ann);
		await saveCohortFiles(db, ann, [ada]);
		// One already here and one new: the new one is stored, the one here is left as it was.
		expect(await saveCohortFiles(db, ann, [{ ...ada, fileName: 'again.json' }, ben])).toBe(1);
		// Imported in the same moment, so listed in key order: compare as a set.
		expect((await listCohortFiles(db, ann)).map((f) => f.fileName).sort()).toEqual(['ada.json', 'ben.json']);
		expect(await saveCohortFiles(db, ann, [await verified(texts.ben, 'renamed.json')])).toBe(0);
		const after = summariseCohort(withAttempts(await listCohortFiles(db, ann)), NO_FILTERS, []);
		expect(after).toEqual(before);
		expect(after.totals).toMatchObject({ trainees: 2, attempts: 10 });
		expect(await cohortFileHashes(db, ann)).toEqual(new Set([ada.sha256, ben.sha256]));
	});

	it('reads back what was stored, and rows stored by earlier versions (bytes without parts, attempts as objects)', async () => {
		const ada = await verified(texts.ada, 'ada.json');
		const ben = fromStoredCohortFile(await verified(texts.ben, 'ben.json'));
		const {
			part: _part,
			attemptCount: _count,
			partVersion: _v,
			...cara
		} = await verified(texts.ada, 'cara.json');
		// And one whose part is of another version: made again, never trusted.
		const dan = { ...(await verified(texts.ben, 'dan.json')), sha256: 'dan', partVersion: 0 };
		dan.part = { ...dan.part!, attempts: 999 };
		await saveCohortFiles(db, ann, [ada]);
		// Rows as earlier versions of Records Room wrote them: attempts as bytes with no part, attempts as objects.
		await db.trainerCohortFiles.add({
			ownerProfileId: ann,
			...cara,
			sha256: 'cara',
			importedAt: '2026-11-26T00:00:00.000Z'
		});
		await db.trainerCohortFiles.add({ ownerProfileId: ann, ...ben, importedAt: '2026-11-27T00:00:00.000Z' });
		await db.trainerCohortFiles.add({ ownerProfileId: ann, ...dan, importedAt: '2026-11-28T00:00:00.000Z' });
		const files = await listCohortFiles(db, ann);
		expect(files.map((f) => f.fileName)).toEqual(['ada.json', 'cara.json', 'ben.json', 'dan.json']);
		expect(files[3].part).toEqual(summaryPart(ben.attempts));
		const adaAttempts = fromStoredCohortFile(ada).attempts;
		expect(readCohortAttempts(files[0])).toEqual(adaAttempts);
		expect(readCohortAttempts(files[1])).toEqual(adaAttempts);
		expect(readCohortAttempts(files[2])).toEqual(ben.attempts);
		// Every shape gives the dashboard the same part and count as its attempts would.
		expect(files.map((f) => f.attemptCount)).toEqual([
			adaAttempts.length,
			adaAttempts.length,
			ben.attempts.length,
			ben.attempts.length
		]);
		expect(files[0].part).toEqual(summaryPart(adaAttempts));
		expect(files[1].part).toEqual(summaryPart(adaAttempts));
		expect(files[2].part).toEqual(summaryPart(ben.attempts));
		expect(files[0]).not.toHaveProperty('dataJson');
	});

	it('removes one file, or all of them', async () => {
		const ada = await verified(texts.ada, 'ada.json');
		const ben = await verified(texts.ben, 'ben.json');
		await saveCohortFiles(db, ann, [ada, ben]);
		await removeCohortFile(db, ann, ada.sha256);
		expect((await listCohortFiles(db, ann)).map((f) => f.fileName)).toEqual(['ben.json']);
		await clearCohort(db, ann);
		expect(await listCohortFiles(db, ann)).toEqual([]);
	});

	it('keeps a cohort per trainer: the same file is one row each, and removing or clearing touches only theirs', async () => {
		const ada = await verified(texts.ada, 'ada.json');
		const ben = await verified(texts.ben, 'ben.json');
		expect(await saveCohortFiles(db, ann, [ada, ben])).toBe(2);
		// Bob imports the same file Ann did: it is new to him, and stored as his own row.
		expect(await saveCohortFiles(db, bob, [ada])).toBe(1);
		expect(await saveCohortFiles(db, bob, [ada])).toBe(0);
		expect(await db.trainerCohortFiles.count()).toBe(3);
		expect(await cohortFileHashes(db, bob)).toEqual(new Set([ada.sha256]));
		expect((await listCohortFiles(db, bob)).map((f) => f.fileName)).toEqual(['ada.json']);
		expect(await listCohortFiles(db, 'nobody')).toEqual([]);
		// The owner is the key, not a field the dashboard reads.
		expect((await listCohortFiles(db, bob))[0]).not.toHaveProperty('ownerProfileId');

		await removeCohortFile(db, bob, ada.sha256);
		expect((await listCohortFiles(db, ann)).map((f) => f.fileName).sort()).toEqual(['ada.json', 'ben.json']);
		await saveCohortFiles(db, bob, [ada]);
		await clearCohort(db, ann);
		expect(await listCohortFiles(db, ann)).toEqual([]);
		expect((await listCohortFiles(db, bob)).map((f) => f.fileName)).toEqual(['ada.json']);
		expect(readCohortAttempts((await listCohortFiles(db, bob))[0])).toEqual(
			fromStoredCohortFile(ada).attempts
		);
	});

	it('rethrows a storage failure other than a file already stored', async () => {
		const ada = await verified(texts.ada, 'ada.json');
		// No owner in the key: IndexedDB refuses the row as a DataError, which is not "already stored".
		await expect(saveCohortFiles(db, undefined as unknown as string, [ada])).rejects.toThrow();
		expect(await db.trainerCohortFiles.count()).toBe(0);
	});

	it('reads assignments by id, title and scenarios only, leaving out rows without them', async () => {
		await db.assignments.bulkPut([
			{ id: 'b', title: 'Week 2', items: [{ definitionId: 'x', due: '2026-12-01' }, { nope: 1 }] },
			{ id: 'a', title: 'Week 1', items: [] },
			{ id: 'c', items: [] }
		]);
		expect(await listCohortAssignments(db)).toEqual([
			{ id: 'a', title: 'Week 1', items: [] },
			{ id: 'b', title: 'Week 2', items: [{ definitionId: 'x', due: '2026-12-01' }] }
		]);
	});
});
