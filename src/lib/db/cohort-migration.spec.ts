import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { fromStoredCohortFile, type StoredCohortFile } from './cohort';
import { RecordsRoomDb } from './database';
import { writeFixtureDatabase, type DbFixture } from './migration-harness';

/** Version 4 kept cohort files per browser; version 5 gives each trainer their own (issue 11, ADR 0007). */
const v4: DbFixture = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/db/v4.json'), 'utf8'));
const ada = v4.tables.profiles[0];
const ben = v4.tables.profiles[1];
const cy = { ...ben, id: '99999999-9999-4999-8999-999999999999', name: 'Cy', nameKey: 'cy' };

const attempt = {
	id: 'a1',
	profileId: ada.id,
	definitionId: 'nhs-number-check-gentle',
	status: 'completed',
	mode: 'practice',
	startedAt: '2026-11-20T09:00:00.000Z'
};
/** A row as the importer writes it now: the attempts as bytes, with the part the dashboard adds up. */
const withBytes = {
	sha256: 'b'.repeat(64),
	fileName: 'ada-bytes.json',
	importedAt: '2026-11-24T10:00:00.000Z',
	exportedAt: '2026-11-24T09:00:00.000Z',
	appVersion: '1.0.0',
	trainees: [{ id: ada.id, name: 'Ada Lovelace', role: 'apprentice' }],
	skippedAttempts: 0,
	dataJson: new TextEncoder().encode(JSON.stringify({ attempts: [attempt] })),
	attemptCount: 1,
	part: { attempts: 1 },
	partVersion: 1
};
/** A row as an earlier release wrote it: the attempts as objects. */
const withObjects = {
	...withBytes,
	sha256: 'c'.repeat(64),
	fileName: 'ada-objects.json',
	dataJson: undefined,
	attemptCount: undefined,
	part: undefined,
	partVersion: undefined,
	attempts: [attempt]
};
const cohortRows = [v4.tables.cohortFiles[0], withBytes, withObjects].map((row) =>
	Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined))
);

const names: string[] = [];
async function openAfter(tables: DbFixture['tables']): Promise<RecordsRoomDb> {
	const name = `cohort-migration-${Math.random()}`;
	names.push(name);
	await writeFixtureDatabase(name, { ...v4, tables, expect: {} });
	const db = new RecordsRoomDb(name);
	await db.open();
	return db;
}

afterEach(async () => {
	for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('schema version 5: cohort files per trainer', () => {
	it('gives every trainer profile a copy of each version 4 cohort file, and loses nothing else', async () => {
		const tables = { ...v4.tables, profiles: [ada, ben, cy], cohortFiles: cohortRows };
		const db = await openAfter(tables);
		expect(db.verno).toBe(5);
		expect(db.tables.map((t) => t.name)).not.toContain('cohortFiles');

		const stored = await db.trainerCohortFiles.toArray();
		expect(stored).toHaveLength(6);
		for (const trainer of [ben.id, cy.id]) {
			const own = stored.filter((r) => r.ownerProfileId === trainer);
			// Each copy is the version 4 row exactly, bytes and all, with its owner added.
			expect(own.map(({ ownerProfileId: _o, ...row }) => row)).toEqual(
				expect.arrayContaining(cohortRows.map((r) => expect.objectContaining(r)))
			);
			expect(own).toHaveLength(3);
		}
		// The apprentice could never open the dashboard, so has no copy.
		expect(stored.some((r) => r.ownerProfileId === ada.id)).toBe(false);

		// Both shapes still read: bytes and attempts as objects.
		const bens = stored.filter(
			(r) => r.ownerProfileId === ben.id && r.sha256 !== v4.tables.cohortFiles[0].sha256
		);
		const read = bens.map((r) => fromStoredCohortFile(r as unknown as StoredCohortFile).attempts);
		expect(read).toEqual([[attempt], [attempt]]);

		// Everything else is as it was.
		for (const [table, rows] of Object.entries(tables)) {
			if (table === 'cohortFiles') continue;
			expect(await db.table(table).count()).toBe(rows.length);
		}
		expect(await db.profiles.toArray()).toEqual(expect.arrayContaining([ada, ben, cy]));
		db.close();
	});

	it('drops the version 4 cohort files when no profile is a trainer, since nobody could open them', async () => {
		const db = await openAfter({ ...v4.tables, profiles: [ada], cohortFiles: cohortRows });
		expect(await db.trainerCohortFiles.count()).toBe(0);
		expect(await db.profiles.toArray()).toEqual([ada]);
		expect(await db.attempts.count()).toBe(v4.tables.attempts.length);
		db.close();
	});
});
