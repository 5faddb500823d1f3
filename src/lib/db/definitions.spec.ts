import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DefinitionError } from '$lib/scenarios/definition';
import { getBuiltInDefinition } from '$lib/scenarios/registry';
import { RecordsRoomDb } from './database';
import {
	discardDraft,
	getDefinitionVersion,
	getLatestDefinitionRow,
	getPublishedDefinition,
	listAuthoredScenarios,
	listPublishedDefinitions,
	publishDraft,
	saveDraft
} from './definitions';

let db: RecordsRoomDb;
const t = (minute: number) => new Date(Date.UTC(2026, 10, 25, 9, minute));
const base = {
	...getBuiltInDefinition('nhs-number-check-gentle')!,
	id: 'ward-letters',
	title: 'Ward letters'
};

beforeEach(async () => {
	db = new RecordsRoomDb(`definitions-${Math.random()}`);
	await db.open();
});
afterEach(async () => {
	db.close();
	await Dexie.delete(db.name);
});

describe('trainer-authored scenario definitions', () => {
	it('saves a draft as version 1, which trainees do not see until it is published', async () => {
		const row = await saveDraft(db, base, 'trainer-1', t(0));
		expect(row).toMatchObject({ id: 'ward-letters', version: 1, status: 'draft' });
		expect(await getPublishedDefinition(db, 'ward-letters')).toBeUndefined();
		expect(await listPublishedDefinitions(db)).toEqual([]);
		const published = await publishDraft(db, 'ward-letters', t(1));
		expect(published).toMatchObject({ status: 'published', publishedAt: t(1).toISOString() });
		expect((await getPublishedDefinition(db, 'ward-letters'))?.title).toBe('Ward letters');
	});

	it('editing a draft keeps its version; editing a published one starts the next version', async () => {
		await saveDraft(db, base, 'trainer-1', t(0));
		await saveDraft(db, { ...base, title: 'Ward letters, take two' }, 'trainer-1', t(1));
		expect((await listAuthoredScenarios(db))[0]).toMatchObject({ versions: 1 });
		await publishDraft(db, 'ward-letters', t(2));
		const v2 = await saveDraft(db, { ...base, passMark: 80 }, 'trainer-1', t(3));
		expect(v2).toMatchObject({ version: 2, status: 'draft' });
		expect(v2.definition.version).toBe(2);
		// Trainees still get version 1 until version 2 is published; version 1 is never rewritten.
		expect((await getPublishedDefinition(db, 'ward-letters'))?.passMark).toBe(60);
		expect((await getDefinitionVersion(db, 'ward-letters', 1))?.definition.title).toBe(
			'Ward letters, take two'
		);
		await publishDraft(db, 'ward-letters', t(4));
		expect(await getPublishedDefinition(db, 'ward-letters')).toMatchObject({ version: 2, passMark: 80 });
		const [listed] = await listAuthoredScenarios(db);
		expect(listed).toMatchObject({ versions: 2, published: { version: 2 } });
	});

	it('refuses an invalid definition with every problem and its field, writing nothing', async () => {
		const err = await saveDraft(
			db,
			{ ...base, title: '', passMark: 120, params: { ...base.params, items: 1 } },
			'trainer-1',
			t(0)
		).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(DefinitionError);
		const paths = (err as DefinitionError).problems.map((p) => p.path);
		expect(paths).toEqual(expect.arrayContaining(['title', 'passMark']));
		const params = await saveDraft(db, { ...base, params: { ...base.params, items: 1 } }, 'x', t(0)).catch(
			(e: unknown) => e
		);
		expect((params as DefinitionError).problems).toEqual([
			{ path: 'params.items', message: 'must be at least 2 documents' }
		]);
		expect(await db.scenarioDefinitions.count()).toBe(0);
	});

	it('refuses the id of a built-in scenario', async () => {
		const err = await saveDraft(db, { ...base, id: 'nhs-number-check-gentle' }, 'x', t(0)).catch(
			(e: unknown) => e
		);
		expect((err as DefinitionError).problems[0].path).toBe('id');
	});

	it('discards a draft but never a published version', async () => {
		await saveDraft(db, base, 'trainer-1', t(0));
		await publishDraft(db, 'ward-letters', t(1));
		expect(await discardDraft(db, 'ward-letters')).toBe(false);
		await saveDraft(db, { ...base, title: 'Next' }, 'trainer-1', t(2));
		expect(await discardDraft(db, 'ward-letters')).toBe(true);
		expect((await getLatestDefinitionRow(db, 'ward-letters'))?.status).toBe('published');
		expect(await publishDraft(db, 'ward-letters', t(3))).toBeUndefined();
	});
});
