import Dexie from 'dexie';
import { SCHEMA_LADDER } from './database';

/**
 * A database fixture as an older release wrote it: its schema version and the rows of each table. Kept in
 * `tests/fixtures/db/vN.json`, one per released schema version, so every migration is tested against real old data.
 */
export interface DbFixture {
	description: string;
	version: number;
	tables: Record<string, Record<string, unknown>[]>;
	/** Per table: 'same' (every row survives unchanged) or the rows expected after migration. */
	expect: Record<string, 'same' | Record<string, unknown>[]>;
}

/**
 * Writes a fixture into a new database using only the ladder's rungs up to the fixture's version, exactly as that
 * older release would have, then closes it so current code can open and upgrade it.
 */
export async function writeFixtureDatabase(name: string, fixture: DbFixture): Promise<void> {
	const old = new Dexie(name);
	for (const rung of SCHEMA_LADDER.filter((r) => r.version <= fixture.version)) {
		const v = old.version(rung.version).stores(rung.stores);
		if (rung.upgrade) v.upgrade(rung.upgrade);
	}
	await old.open();
	await old.transaction('rw', Object.keys(fixture.tables), async () => {
		for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
	});
	old.close();
}
