import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordsRoomDb } from '$lib/db/database';
import { getBuiltInDefinition } from '$lib/scenarios/registry';
import { buildProgressFile } from '$lib/trainer/testing/progress-files';
import { app } from './app.svelte';
import { cohort } from './cohort.svelte';

vi.setConfig({ testTimeout: 60_000 });

const definitions = ['nhs-number-check-gentle', 'records-desk-day-assessment'].map((id) =>
	getBuiltInDefinition(id)!
);
let ada: string;
let ben: string;

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
	await cohort.load();
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
		await cohort.load();
		expect(cohort.files.map((f) => f.fileName)).toEqual(['ada.json']);
		await cohort.clear();
		expect(cohort.files).toEqual([]);
	});

	it('refuses more than 200 files at once, before reading any', async () => {
		const many = Array.from({ length: 201 }, (_, i) => file('{}', `f${i}.json`));
		const report = await cohort.importFiles(many);
		expect(report.problem).toContain('at most 200');
		expect(cohort.files).toEqual([]);
	});
});
