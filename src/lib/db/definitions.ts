/**
 * Trainer-authored scenario definitions (issue 11, "Authoring without code"). Each version of a scenario is its
 * own row keyed by [id+version]. A scenario has at most one draft, always its newest version; publishing freezes
 * it. Editing a published scenario therefore starts a new draft version, and attempts, which copy the definition
 * and its version when they start, keep pointing at the version they used.
 *
 * Every definition is validated with the engine's own parser (registry.ts) before it is written, so the player
 * never meets a trainer-authored definition it cannot run.
 */
import type { RecordsRoomDb } from './database';
import { DefinitionError, type ScenarioDefinition } from '$lib/scenarios/definition';
import { getBuiltInDefinition, parseDefinition } from '$lib/scenarios/registry';

export type DefinitionStatus = 'draft' | 'published';

export interface ScenarioDefinitionRow {
	id: string;
	version: number;
	status: DefinitionStatus;
	/** Validated and migrated to the current schema version; `definition.version` equals `version`. */
	definition: ScenarioDefinition;
	authorProfileId: string;
	createdAt: string;
	updatedAt: string;
	publishedAt: string | null;
}

/** One line per scenario for the trainer's list: its newest version and the newest published one. */
export interface AuthoredScenario {
	id: string;
	latest: ScenarioDefinitionRow;
	published: ScenarioDefinitionRow | undefined;
	versions: number;
}

async function versionsOf(db: RecordsRoomDb, id: string): Promise<ScenarioDefinitionRow[]> {
	const rows = await db.scenarioDefinitions.where('id').equals(id).toArray();
	return rows.sort((a, b) => a.version - b.version);
}

/** Every authored scenario, most recently changed first. */
export async function listAuthoredScenarios(db: RecordsRoomDb): Promise<AuthoredScenario[]> {
	const rows = await db.scenarioDefinitions.toArray();
	const byId = new Map<string, ScenarioDefinitionRow[]>();
	for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
	return [...byId.entries()]
		.map(([id, list]) => {
			list.sort((a, b) => a.version - b.version);
			return {
				id,
				latest: list[list.length - 1],
				published: list.filter((r) => r.status === 'published').at(-1),
				versions: list.length
			};
		})
		.sort((a, b) => b.latest.updatedAt.localeCompare(a.latest.updatedAt));
}

/** The newest published version, which is what trainees play. */
export async function getPublishedDefinition(
	db: RecordsRoomDb,
	id: string
): Promise<ScenarioDefinition | undefined> {
	return (await versionsOf(db, id)).filter((r) => r.status === 'published').at(-1)?.definition;
}

/** The newest version whatever its status: what a trainer previews and edits. */
export async function getLatestDefinitionRow(
	db: RecordsRoomDb,
	id: string
): Promise<ScenarioDefinitionRow | undefined> {
	return (await versionsOf(db, id)).at(-1);
}

export async function getDefinitionVersion(
	db: RecordsRoomDb,
	id: string,
	version: number
): Promise<ScenarioDefinitionRow | undefined> {
	return db.scenarioDefinitions.get([id, version]);
}

/** All published definitions, newest version of each, for the trainees' scenario list. */
export async function listPublishedDefinitions(db: RecordsRoomDb): Promise<ScenarioDefinition[]> {
	return (await listAuthoredScenarios(db))
		.flatMap((s) => (s.published ? [s.published.definition] : []))
		.sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * Saves the trainer's edits as the scenario's draft: updates the open draft, or starts version n + 1 after a
 * published version n, or version 1 of a new scenario. Throws DefinitionError (with every problem and its field
 * path) when the definition is not valid, and writes nothing.
 */
export async function saveDraft(
	db: RecordsRoomDb,
	raw: unknown,
	authorProfileId: string,
	now: Date
): Promise<ScenarioDefinitionRow> {
	const candidate = parseDefinition({ ...(raw as object), version: 1 });
	if (getBuiltInDefinition(candidate.id)) {
		throw new DefinitionError(
			[{ path: 'id', message: 'is the id of a built-in scenario: choose a different id' }],
			candidate.id
		);
	}
	const at = now.toISOString();
	return db.transaction('rw', db.scenarioDefinitions, async () => {
		const latest = (await versionsOf(db, candidate.id)).at(-1);
		const version = latest ? (latest.status === 'draft' ? latest.version : latest.version + 1) : 1;
		const row: ScenarioDefinitionRow = {
			id: candidate.id,
			version,
			status: 'draft',
			definition: { ...candidate, version },
			authorProfileId,
			createdAt: latest?.status === 'draft' ? latest.createdAt : at,
			updatedAt: at,
			publishedAt: null
		};
		await db.scenarioDefinitions.put(row);
		return row;
	});
}

/** Publishes the scenario's draft so trainees see it. Returns undefined when there is no draft to publish. */
export async function publishDraft(
	db: RecordsRoomDb,
	id: string,
	now: Date
): Promise<ScenarioDefinitionRow | undefined> {
	return db.transaction('rw', db.scenarioDefinitions, async () => {
		const latest = (await versionsOf(db, id)).at(-1);
		if (!latest || latest.status !== 'draft') return undefined;
		// Re-validated at publish: a kind's rules may have tightened since the draft was saved.
		const definition = parseDefinition(latest.definition);
		const at = now.toISOString();
		const row: ScenarioDefinitionRow = {
			...latest,
			definition,
			status: 'published',
			updatedAt: at,
			publishedAt: at
		};
		await db.scenarioDefinitions.put(row);
		return row;
	});
}

/** Throws away the open draft; published versions are never deleted, since attempts may point at them. */
export async function discardDraft(db: RecordsRoomDb, id: string): Promise<boolean> {
	return db.transaction('rw', db.scenarioDefinitions, async () => {
		const latest = (await versionsOf(db, id)).at(-1);
		if (!latest || latest.status !== 'draft') return false;
		await db.scenarioDefinitions.delete([latest.id, latest.version]);
		return true;
	});
}
