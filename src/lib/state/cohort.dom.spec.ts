import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordsRoomDb } from '$lib/db/database';
import { getBuiltInDefinition } from '$lib/scenarios/registry';
import { buildProgressFile } from '$lib/trainer/testing/progress-files';
import { app } from './app.svelte';
import { cohort, verifyAll, type VerifyWorker } from './cohort.svelte';
import { verifyProgressFile } from '$lib/db/cohort';
import { NO_FILTERS, summariseCohort } from '$lib/trainer/cohort';
import type { VerifyRequest } from '$lib/workers/cohort-verify.worker';

vi.setConfig({ testTimeout: 60_000 });

const definitions = ['nhs-number-check-gentle', 'records-desk-day-assessment'].map((id) =>
	getBuiltInDefinition(id)!
);
let ada: string;
let ben: string;
/** Two trainer profiles sharing one computer. */
const ann = 'trainer-ann';
const bob = 'trainer-bob';

beforeAll(async () => {
	const maker = new RecordsRoomDb('cohort-state-maker');
	await maker.open();
	const now = new Date('2026-11-25T12:00:00.000Z');
	ada = (
		await buildProgressFile(maker, { name: 'Ada', seed: 1, attempts: 3, skill: 0.9, definitions }, { now })
	).text;
	ben = (
		await buildProgressFile(maker, { name: 'Ben', seed: 2, attempts: 2, skill: 0.2, definitions }, { now })
	).text;
	await maker.delete();
});

beforeEach(async () => {
	await app.init();
	cohort.now = () => new Date('2026-11-25T13:00:00Z');
	await cohort.load(ann);
});

afterEach(async () => {
	const db = app.db;
	cohort.reset();
	app.reset();
	if (db) await db.delete();
});

const file = (text: string, name: string) => new File([text], name, { type: 'application/json' });

describe('cohort state', () => {
	it('imports good files, names refused ones, counts a repeated file once, and derives the figures', async () => {
		const report = await cohort.importFiles([
			file(ada, 'ada.json'),
			file(ben, 'ben.json'),
			file(ada.replace('"Ada"', '"Eve"'), 'edited.json'),
			file(ada, 'ada-copy.json')
		]);
		expect(report.added.map((a) => a.fileName)).toEqual(['ada.json', 'ben.json']);
		expect(report.duplicates).toEqual(['ada-copy.json']);
		expect(report.refused).toEqual([
			{ fileName: 'edited.json', problem: expect.stringContaining('changed or damaged') }
		]);
		expect(cohort.progress).toBeNull();
		expect(cohort.summary.totals).toMatchObject({ trainees: 2, attempts: 5 });
		// Added up from the files' parts, exactly as from every attempt.
		const everyAttempt = cohort.files.map((f) => ({ ...f, attempts: cohort.attemptsOf(f) }));
		expect(cohort.summary).toEqual(summariseCohort(everyAttempt, NO_FILTERS, []));

		const again = await cohort.importFiles([file(ben, 'ben-again.json')]);
		expect(again.duplicates).toEqual(['ben-again.json']);
		expect(cohort.files).toHaveLength(2);
		expect(cohort.summary.totals.attempts).toBe(5);

		cohort.filters.mode = 'assessment';
		const assessed = cohort.summary.totals.attempts;
		expect(assessed).toBeLessThan(5);
		cohort.resetFilters();
		expect(cohort.summary.totals.attempts).toBe(5);

		await cohort.remove(cohort.files.find((f) => f.fileName === 'ben.json')!.sha256);
		expect(cohort.summary.totals).toMatchObject({ trainees: 1, attempts: 3 });
		await cohort.load(ann);
		expect(cohort.files.map((f) => f.fileName)).toEqual(['ada.json']);
		await cohort.clear();
		expect(cohort.files).toEqual([]);
	});

	it("gives each trainer their own cohort: a profile switch shows the other's, and clearing one leaves the other", async () => {
		await cohort.importFiles([file(ada, 'ada.json'), file(ben, 'ben.json')]);
		expect(cohort.ownerId).toBe(ann);

		// Bob unlocks on the same computer: nothing of Ann's is shown, not even for a moment.
		const loading = cohort.load(bob);
		expect(cohort.files).toEqual([]);
		expect(cohort.loaded).toBe(false);
		await loading;
		expect(cohort.ownerId).toBe(bob);
		expect(cohort.files).toEqual([]);
		// The file Ann imported is new to Bob: his own copy, not a duplicate of hers.
		const report = await cohort.importFiles([file(ada, 'ada-for-bob.json')]);
		expect(report.added.map((a) => a.fileName)).toEqual(['ada-for-bob.json']);
		expect(report.duplicates).toEqual([]);
		expect(cohort.summary.totals).toMatchObject({ trainees: 1, attempts: 3 });

		await cohort.load(ann);
		// Imported in the same moment, so listed in key order: compare as a set.
		expect(cohort.files.map((f) => f.fileName).sort()).toEqual(['ada.json', 'ben.json']);
		expect(cohort.summary.totals).toMatchObject({ trainees: 2, attempts: 5 });
		await cohort.clear();
		expect(cohort.files).toEqual([]);

		await cohort.load(bob);
		expect(cohort.files.map((f) => f.fileName)).toEqual(['ada-for-bob.json']);
	});

	it("ends with the new trainer's cohort when the profile changes while loading", async () => {
		await cohort.importFiles([file(ada, 'ada.json')]);
		cohort.reset();
		const stale = cohort.load(ann);
		const current = cohort.load(bob);
		await Promise.all([stale, current]);
		expect(cohort.ownerId).toBe(bob);
		expect(cohort.files).toEqual([]);
	});

	it('asks for the trainer area to be unlocked before importing with no trainer loaded', async () => {
		cohort.reset();
		const report = await cohort.importFiles([file(ada, 'ada.json')]);
		expect(report.problem).toContain('Unlock the trainer area');
		await expect(cohort.clear()).rejects.toThrow(/Unlock the trainer area/);
	});

	it('refuses more than 200 files at once, before reading any', async () => {
		const many = Array.from({ length: 201 }, (_, i) => file('{}', `f${i}.json`));
		const report = await cohort.importFiles(many);
		expect(report.problem).toContain('at most 200');
		expect(cohort.files).toEqual([]);
	});
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A file whose bytes take `ms` to read, as a large file on a slow disk does. */
function slowFile(text: string, name: string, ms: number): File {
	const f = file(text, name);
	const read = f.arrayBuffer.bind(f);
	Object.defineProperty(f, 'arrayBuffer', { value: () => delay(ms).then(read) });
	return f;
}

/** A stand-in for the verifying worker: it checks each file for real and answers after `answerMs(job)`. */
function fakeWorker(answerMs: (job: number) => number): () => VerifyWorker {
	return () => {
		let known = new Set<string>();
		const worker: VerifyWorker = {
			onmessage: null,
			onerror: null,
			terminate: () => {},
			postMessage(request: VerifyRequest) {
				if (request.known) known = new Set(request.known);
				void delay(answerMs(request.job))
					.then(() => verifyProgressFile(request.bytes, request.fileName, request.importedAt, known))
					.then((result) => worker.onmessage?.({ data: { job: request.job, result } } as MessageEvent));
			}
		};
		return worker;
	};
}

describe('checking files in a pool of workers', () => {
	const at = '2026-11-25T13:00:00.000Z';

	it('waits for a file still being read when the worker answers the one before it', async () => {
		// The import once failed as a whole ("Something went wrong while saving") when this happened: the worker
		// counted as finished while its second file was still being read, and that file had no result.
		const files = [file(ada, 'ada.json'), slowFile(ben, 'ben.json', 40)];
		const seen: number[] = [];
		const results = await verifyAll(
			files,
			at,
			new Set(),
			(_, i) => seen.push(i),
			fakeWorker(() => 1),
			1
		);
		expect(results.map((r) => r.ok)).toEqual([true, true]);
		expect(seen.sort()).toEqual([0, 1]);
	});

	it('gives every file its own result, in the order chosen, whatever order the answers come in', async () => {
		const texts = [ada, ben, '{"not":"a progress file"}'];
		const files = Array.from({ length: 12 }, (_, i) =>
			slowFile(texts[i % 3], `f${i}.json`, (i * 7) % 5 === 0 ? 25 : (i * 3) % 4)
		);
		const results = await verifyAll(
			files,
			at,
			new Set(),
			() => {},
			fakeWorker((job) => (job * 11) % 9),
			3
		);
		expect(results).toHaveLength(12);
		results.forEach((r, i) => {
			expect(r.ok).toBe(i % 3 !== 2);
			if (r.ok === true) expect(r.file.fileName).toBe(`f${i}.json`);
			else if (r.ok === false) expect(r.fileName).toBe(`f${i}.json`);
		});
	});

	it('says which worker failed and why, instead of hanging', async () => {
		const failing = (): VerifyWorker => {
			const worker: VerifyWorker = {
				onmessage: null,
				onerror: null,
				terminate: () => {},
				postMessage() {
					setTimeout(() =>
						worker.onerror?.({ message: 'module failed to load', preventDefault() {} } as ErrorEvent)
					);
				}
			};
			return worker;
		};
		await expect(verifyAll([file(ada, 'ada.json')], at, new Set(), () => {}, failing, 1)).rejects.toThrow(
			'module failed to load'
		);
	});
});
