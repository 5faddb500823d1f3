import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_DB_VERSION, RecordsRoomDb, SCHEMA_LADDER } from './database';
import { writeFixtureDatabase, type DbFixture } from './migration-harness';

const dir = join(process.cwd(), 'tests/fixtures/db');
const fixtures: DbFixture[] = readdirSync(dir)
	.filter((f) => /^v\d+\.json$/.test(f))
	.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));

describe('schema ladder', () => {
	it('has a fixture for every released schema version', () => {
		const have = fixtures.map((f) => f.version).sort((a, b) => a - b);
		expect(have).toEqual(SCHEMA_LADDER.map((r) => r.version));
	});

	it('only ever grows: versions strictly increase', () => {
		const versions = SCHEMA_LADDER.map((r) => r.version);
		expect(versions).toEqual([...versions].sort((a, b) => a - b));
		expect(new Set(versions).size).toBe(versions.length);
	});
});

describe.each(fixtures)('opening a version $version database with current code', (fixture) => {
	it(`keeps every row (${fixture.description})`, async () => {
		const name = `migrate-${fixture.version}-${Math.random()}`;
		await writeFixtureDatabase(name, fixture);
		const db = new RecordsRoomDb(name);
		await db.open();
		expect(db.verno).toBe(CURRENT_DB_VERSION);
		for (const [table, expected] of Object.entries(fixture.expect)) {
			const rows = await db.table(table).toArray();
			const want = expected === 'same' ? fixture.tables[table] : expected;
			expect(sortRows(rows)).toEqual(sortRows(want));
		}
		db.close();
		await Dexie.delete(name);
	});
});

function sortRows(rows: Record<string, unknown>[]) {
	return [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('a migration that fails part-way', () => {
	it('leaves the old data intact and the old version in place', async () => {
		const fixture = fixtures.find((f) => f.version === CURRENT_DB_VERSION)!;
		const name = `failing-${Math.random()}`;
		await writeFixtureDatabase(name, fixture);

		// A future rung whose upgrade rewrites some rows, then fails (say, a bug or the tab closing mid-way).
		const next = new Dexie(name);
		for (const rung of SCHEMA_LADDER) next.version(rung.version).stores(rung.stores);
		next
			.version(CURRENT_DB_VERSION + 1)
			.stores({})
			.upgrade(async (tx) => {
				await tx.table('profiles').toCollection().modify({ name: 'half-migrated' });
				throw new Error('injected failure during upgrade');
			});
		await expect(next.open()).rejects.toThrow(/injected failure/);
		next.close();

		const db = new RecordsRoomDb(name);
		await db.open();
		expect(db.verno).toBe(CURRENT_DB_VERSION);
		for (const [table, rows] of Object.entries(fixture.tables)) {
			expect(sortRows(await db.table(table).toArray())).toEqual(sortRows(rows));
		}
		db.close();
		await Dexie.delete(name);
	});
});
