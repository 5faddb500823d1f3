import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { AttemptEventRow, AttemptRow } from './attempts';
import type { Profile } from './profiles';
import type { ScenarioDefinitionRow } from './definitions';
import type { SettingRow } from './settings';

export const DB_NAME = 'records-room';

/**
 * The one IndexedDB database of the app. The version ladder only ever grows: each release that changes the
 * schema adds a `version(n)` step (with an `upgrade` where rows must be rewritten) and a fixture of the old
 * version in `tests/fixtures/db/` so the migration test proves nothing is lost.
 */
export class RecordsRoomDb extends Dexie {
	profiles!: EntityTable<Profile, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;
	attempts!: EntityTable<AttemptRow, 'id'>;
	attemptEvents!: Dexie.Table<AttemptEventRow, [string, number]>;
	scenarioDefinitions!: Dexie.Table<ScenarioDefinitionRow, [string, number]>;

	constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
		super(name, options);
		applySchema(this);
	}
}

/** Kept apart from the class so the migration harness can open a database at any rung of the ladder. */
export interface SchemaRung {
	version: number;
	stores: Record<string, string | null>;
	/** Rewrites rows written by the previous rung. Runs inside Dexie's upgrade transaction: Dexie work only. */
	upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_LADDER: SchemaRung[] = [
	{
		version: 1,
		stores: {
			// nameKey is the display name folded for comparison; unique so two people never share a name on one PC.
			profiles: 'id, &nameKey, createdAt',
			settings: 'key'
		}
	},
	{
		version: 2,
		stores: {
			// Scenario attempts (docs/adr/0003): one small row per attempt holding the latest snapshot, plus one
			// append-only row per event, so saving a decision never rewrites a growing log.
			attempts: 'id, profileId, definitionId, startedAt, status, [profileId+status]',
			attemptEvents: '[attemptId+seq], attemptId, profileId'
		}
	},
	{
		version: 3,
		stores: {
			// Trainer-authored scenario definitions (issue 11): one row per version, so attempts keep pointing at the
			// version they used while the trainer edits the next one.
			scenarioDefinitions: '[id+version], id, status, updatedAt'
		}
	}
];

function applySchema(db: Dexie) {
	for (const rung of SCHEMA_LADDER) {
		const v = db.version(rung.version).stores(rung.stores);
		if (rung.upgrade) v.upgrade(rung.upgrade);
	}
}

export const CURRENT_DB_VERSION = SCHEMA_LADDER[SCHEMA_LADDER.length - 1].version;
