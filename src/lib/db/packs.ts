/**
 * Scenario packs and the database (issue 11): what goes into a pack, what importing one would change, and the
 * import itself, written in one transaction so a failure leaves nothing behind. The file format and its checks
 * are in $lib/trainer/packs.ts.
 */
import type { RecordsRoomDb } from './database';
import { canonicalJson } from './canonical';
import type { ScenarioDefinition } from '$lib/scenarios/definition';
import { getBuiltInDefinition } from '$lib/scenarios/registry';
import type { PackAssignment, PackPayload } from '$lib/trainer/packs';
import type { AssignmentRow } from './assignments';
import { listAuthoredScenarios, type ScenarioDefinitionRow } from './definitions';

/** Published scenarios and the trainer's assignments, ready for buildPackPayload. Drafts are never exported. */
export async function collectPackContent(
	db: RecordsRoomDb,
	opts: { scenarioIds: string[]; assignmentIds: string[]; ownerProfileId: string }
): Promise<{ scenarios: ScenarioDefinition[]; assignments: PackAssignment[] }> {
	const authored = await listAuthoredScenarios(db);
	const scenarios = opts.scenarioIds.flatMap((id) => {
		const published = authored.find((s) => s.id === id)?.published;
		return published ? [published.definition] : [];
	});
	const rows = await db.table<AssignmentRow, string>('assignments').bulkGet(opts.assignmentIds);
	const assignments = rows
		.filter((r): r is AssignmentRow => r !== undefined && r.ownerProfileId === opts.ownerProfileId)
		.map(({ id, title, items, dueDate, doneWhen }) => ({
			id,
			title,
			items,
			...(dueDate ? { dueDate } : {}),
			doneWhen
		}));
	return { scenarios, assignments };
}

export type ScenarioAction = 'add' | 'update' | 'same';
export type AssignmentAction = 'add' | 'update' | 'same';

export interface PackImportPlan {
	scenarios: {
		id: string;
		title: string;
		action: ScenarioAction;
		/** The version it will have here (for 'same', the version already here). */
		version: number;
		localVersion?: number;
	}[];
	assignments: { id: string; title: string; action: AssignmentAction; assignedToImporter: boolean }[];
	/** Reasons the import cannot go ahead; when any, nothing is written. */
	problems: string[];
}

export interface Importer {
	profileId: string;
	role: 'new-starter' | 'apprentice' | 'trainer';
}

/** A definition without its version number, to tell a real change from a renumbering. */
const content = (d: ScenarioDefinition) => canonicalJson({ ...d, version: 0 });
const assignmentContent = (a: Pick<AssignmentRow, 'title' | 'items' | 'dueDate' | 'doneWhen'>) =>
	canonicalJson({ title: a.title, items: a.items, dueDate: a.dueDate ?? null, doneWhen: a.doneWhen });

interface Computed {
	plan: PackImportPlan;
	definitionRows: ScenarioDefinitionRow[];
	assignmentRows: AssignmentRow[];
}

async function compute(
	db: RecordsRoomDb,
	pack: PackPayload,
	importer: Importer,
	now: Date
): Promise<Computed> {
	const at = now.toISOString();
	const problems: string[] = [];
	const plan: PackImportPlan = { scenarios: [], assignments: [], problems };
	const definitionRows: ScenarioDefinitionRow[] = [];
	const assignmentRows: AssignmentRow[] = [];

	const profile = await db.profiles.get(importer.profileId);
	if (!profile)
		problems.push('The profile you are using no longer exists. Choose a profile, then import again.');

	const publishedHere = new Set<string>();
	for (const def of pack.scenarios) {
		const versions = (await db.scenarioDefinitions.where('id').equals(def.id).toArray()).sort(
			(a, b) => a.version - b.version
		);
		const latest = versions.at(-1);
		if (!latest) {
			plan.scenarios.push({ id: def.id, title: def.title, action: 'add', version: def.version });
			definitionRows.push(row(def, def.version, importer.profileId, at));
		} else if (latest.status === 'draft') {
			problems.push(
				`"${latest.definition.title}" has an unpublished draft on this computer. Publish or discard that draft in the trainer area, then import the pack again.`
			);
		} else {
			const same = versions.find((v) => v.status === 'published' && content(v.definition) === content(def));
			if (same && same.version === latest.version) {
				plan.scenarios.push({
					id: def.id,
					title: def.title,
					action: 'same',
					version: same.version,
					localVersion: latest.version
				});
			} else {
				// Keep the author's numbering when it is ahead; otherwise the next number here, so no version is overwritten.
				const version = Math.max(def.version, latest.version + 1);
				plan.scenarios.push({
					id: def.id,
					title: def.title,
					action: 'update',
					version,
					localVersion: latest.version
				});
				definitionRows.push(row({ ...def, version }, version, importer.profileId, at));
			}
		}
		publishedHere.add(def.id);
	}

	const assignments = db.table<AssignmentRow, string>('assignments');
	const isTrainer = importer.role === 'trainer';
	for (const a of pack.assignments) {
		for (const item of a.items) {
			if (getBuiltInDefinition(item.definitionId) || publishedHere.has(item.definitionId)) continue;
			const rows = await db.scenarioDefinitions.where('id').equals(item.definitionId).toArray();
			if (rows.some((r) => r.status === 'published')) continue;
			problems.push(
				`The assignment "${a.title}" uses the scenario "${item.definitionId}", which is neither in this pack nor on this computer. Ask for a pack that includes it.`
			);
		}
		const existing = await assignments.get(a.id);
		const assignedToImporter = !isTrainer;
		if (!existing) {
			plan.assignments.push({ id: a.id, title: a.title, action: 'add', assignedToImporter });
			assignmentRows.push({
				id: a.id,
				ownerProfileId: importer.profileId,
				title: a.title,
				items: a.items,
				...(a.dueDate ? { dueDate: a.dueDate } : {}),
				doneWhen: a.doneWhen,
				assignedProfileIds: assignedToImporter ? [importer.profileId] : [],
				createdAt: at,
				updatedAt: at
			});
			continue;
		}
		const assigned =
			assignedToImporter && !existing.assignedProfileIds.includes(importer.profileId)
				? [...existing.assignedProfileIds, importer.profileId]
				: existing.assignedProfileIds;
		const unchanged =
			assignmentContent(existing) === assignmentContent(a) && assigned === existing.assignedProfileIds;
		plan.assignments.push({
			id: a.id,
			title: a.title,
			action: unchanged ? 'same' : 'update',
			assignedToImporter
		});
		if (!unchanged) {
			const { dueDate: _old, ...rest } = existing;
			void _old;
			assignmentRows.push({
				...rest,
				title: a.title,
				items: a.items,
				...(a.dueDate ? { dueDate: a.dueDate } : {}),
				doneWhen: a.doneWhen,
				assignedProfileIds: assigned,
				updatedAt: at
			});
		}
	}
	return { plan, definitionRows, assignmentRows };
}

function row(
	definition: ScenarioDefinition,
	version: number,
	authorProfileId: string,
	at: string
): ScenarioDefinitionRow {
	return {
		id: definition.id,
		version,
		status: 'published',
		definition: { ...definition, version },
		authorProfileId,
		createdAt: at,
		updatedAt: at,
		publishedAt: at
	};
}

/** What importing the pack would add and update, and anything that stops it. Reads only. */
export async function planPackImport(
	db: RecordsRoomDb,
	pack: PackPayload,
	importer: Importer,
	now: Date
): Promise<PackImportPlan> {
	return (await compute(db, pack, importer, now)).plan;
}

export class PackImportError extends Error {
	constructor(readonly problems: string[]) {
		super(problems.join(' '));
		this.name = 'PackImportError';
	}
}

/**
 * Imports a pack in one transaction. The plan is worked out again inside it, so a change made in another tab
 * since the preview cannot slip through; any problem throws PackImportError and nothing is written.
 */
export async function applyPackImport(
	db: RecordsRoomDb,
	pack: PackPayload,
	importer: Importer,
	now: Date
): Promise<PackImportPlan> {
	return db.transaction('rw', db.profiles, db.scenarioDefinitions, db.table('assignments'), async () => {
		const { plan, definitionRows, assignmentRows } = await compute(db, pack, importer, now);
		if (plan.problems.length > 0) throw new PackImportError(plan.problems);
		await db.scenarioDefinitions.bulkPut(definitionRows);
		await db.table<AssignmentRow, string>('assignments').bulkPut(assignmentRows);
		return plan;
	});
}
