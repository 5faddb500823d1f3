import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { AttemptEventRow, AttemptRow } from './attempts';
import type { Profile } from './profiles';
import type { ScenarioDefinitionRow } from './definitions';
import type { SettingRow } from './settings';
import type { LearningRecordRow } from './learning-records';
import { LEARNING_SETTING_PREFIXES } from './learning-records';

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
	learningRecords!: Dexie.Table<LearningRecordRow, [string, string]>;
	// Rows typed by their own modules (issues 4, 8 and 11); reached through db.table(name) until those land.
	trusts!: Dexie.Table<Record<string, unknown>, string>;
	trustEvents!: Dexie.Table<Record<string, unknown>, string>;
	assignments!: Dexie.Table<Record<string, unknown>, string>;
	trainerCohortFiles!: Dexie.Table<Record<string, unknown>, [string, string]>;

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
	},
	{
		version: 4,
		stores: {
			// Per-profile learning records (issue 12): induction progress, the mock assessment under way and the
			// trainer's evidence sign-off. Version 3 kept these in settings, which backups and profile deletion
			// did not carry; the upgrade below moves them.
			learningRecords: '[profileId+kind], profileId',
			// A trust is kept as seed + generator version + settings, never a row per generated patient (issue 4).
			trusts: 'id, profileId',
			// What a learner changed in a trust (tracking moves, merges) and the audit trail of every record opened
			// and why (issues 4 and 8): append-only, one small row per event, ordered by seq within a trust.
			trustEvents: 'id, profileId, trustId, [trustId+seq]',
			// Trainer workspace (issue 11): assignments, and imported cohort progress files keyed by their SHA-256
			// so the same file imported twice is stored once.
			assignments: 'id, ownerProfileId, updatedAt',
			cohortFiles: 'sha256, importedAt'
		},
		upgrade: async (tx) => {
			const settings = tx.table('settings');
			const moved: LearningRecordRow[] = [];
			const keys: string[] = [];
			await settings.each((row: SettingRow) => {
				for (const [prefix, kind] of LEARNING_SETTING_PREFIXES) {
					if (row.key.startsWith(prefix)) {
						moved.push({ profileId: row.key.slice(prefix.length), kind, value: row.value });
						keys.push(row.key);
					}
				}
			});
			await tx.table('learningRecords').bulkPut(moved);
			await settings.bulkDelete(keys);
		}
	},
	{
		version: 5,
		stores: {
			// Each trainer's own cohort (issue 11): version 4 kept imported files per browser, so two trainers on one
			// PC saw and cleared each other's. Dexie cannot change a table's primary key, hence a new table keyed by
			// owner and SHA-256: the same file imported by two trainers is one row each (ADR 0007 addendum).
			trainerCohortFiles: '[ownerProfileId+sha256], ownerProfileId, [ownerProfileId+importedAt]',
			cohortFiles: null
		},
		upgrade: async (tx) => {
			// Who imported a version 4 row is unknown and every trainer saw it, so every trainer keeps a copy; with
			// no trainer profile nobody could open the dashboard, and the rows go with the old table.
			const trainers = (await tx.table('profiles').toArray())
				.filter((p: { role?: unknown }) => p.role === 'trainer')
				.map((p: { id: string }) => p.id);
			if (trainers.length === 0) return;
			const rows = (await tx.table('cohortFiles').toArray()) as Record<string, unknown>[];
			await tx
				.table('trainerCohortFiles')
				.bulkPut(trainers.flatMap((ownerProfileId) => rows.map((row) => ({ ...row, ownerProfileId }))));
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
