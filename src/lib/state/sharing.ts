import {
	applyPackImport,
	collectPackContent,
	deleteAssignment,
	listAssignmentsFor,
	listAssignmentsOwnedBy,
	listAttempts,
	listAuthoredScenarios,
	planPackImport,
	saveAssignment,
	type AssignmentRow,
	type AuthoredScenario,
	type PackImportPlan,
	type RecordsRoomDb
} from '$lib/db';
import type { ScenarioDefinition } from '$lib/scenarios/definition';
import { getBuiltInDefinition } from '$lib/scenarios/registry';
import { assignmentProgress, type AssignmentProgress } from '$lib/trainer/assignments';
import { resolveClassCode, type ClassCodeMatch } from '$lib/trainer/class-code';
import { buildPackPayload, packFileName, readPackFile, type ParsedPack } from '$lib/trainer/packs';
import { app } from './app.svelte';
import { listPlayableDefinitions } from './attempt.svelte';
import { downloadJson } from './download';
import { trainer } from './trainer.svelte';

export type { AssignmentRow, AuthoredScenario, PackImportPlan, ParsedPack, AssignmentProgress };

/**
 * Sharing for issue 11: scenario packs (export behind the trainer PIN, import for anyone with a profile), class
 * codes, and assignments. Pages call these; only this module and its neighbours talk to the db layer.
 */

/** The clock, read once per action; not reactive state. */
const now = () => new Date(Date.now());

function needDb(): RecordsRoomDb {
	if (!app.db)
		throw new Error('Saving is not available in this browser, so nothing can be imported or kept.');
	return app.db;
}

function unlockedTrainer(): { db: RecordsRoomDb; profileId: string } {
	if (!trainer.unlocked || !trainer.profileId) {
		throw new Error('The trainer area is locked. Open the Trainer page and enter your PIN, then try again.');
	}
	return { db: needDb(), profileId: trainer.profileId };
}

function importer() {
	const profile = app.active;
	if (!profile)
		throw new Error('Choose or create a profile first: what you import is kept for this computer.');
	return { profileId: profile.id, role: profile.role };
}

export type PackPreview =
	| { ok: true; pack: ParsedPack; plan: PackImportPlan; fileName: string }
	| { ok: false; problem: string; fileName: string; signature?: ParsedPack['signature'] };

export const packs = {
	/** Scenarios with a published version, and the trainer's assignments: what can go in a pack. */
	async exportable(): Promise<{ scenarios: AuthoredScenario[]; assignments: AssignmentRow[] }> {
		const { db, profileId } = unlockedTrainer();
		const scenarios = (await listAuthoredScenarios(db)).filter((s) => s.published);
		return { scenarios, assignments: await listAssignmentsOwnedBy(db, profileId) };
	},

	/** Builds, signs and downloads a pack; returns the file name and what went in. */
	async export(input: { title: string; scenarioIds: string[]; assignmentIds: string[] }) {
		const { db, profileId } = unlockedTrainer();
		const content = await collectPackContent(db, { ...input, ownerProfileId: profileId });
		if (content.scenarios.length + content.assignments.length === 0) {
			throw new Error('Choose at least one scenario or assignment to put in the pack.');
		}
		const at = now();
		const payload = buildPackPayload({
			title: input.title,
			...content,
			now: at,
			appVersion: __APP_VERSION__
		});
		const envelope = await trainer.sign(payload);
		const fileName = packFileName(payload.title, at);
		downloadJson(JSON.stringify(envelope, null, 1), fileName);
		return { fileName, scenarios: content.scenarios.length, assignments: content.assignments.length };
	},

	/** Reads a chosen file and works out what importing it would do. Writes nothing. */
	async preview(file: File): Promise<PackPreview> {
		const db = needDb();
		const who = importer();
		const own = trainer.signingKey?.fingerprint;
		const read = await readPackFile(file, own ? [own] : undefined);
		if (!read.ok) return { ...read, fileName: file.name };
		const plan = await planPackImport(db, read.pack.payload, who, now());
		return { ok: true, pack: read.pack, plan, fileName: file.name };
	},

	/** Imports, all or nothing. */
	import(pack: ParsedPack): Promise<PackImportPlan> {
		return applyPackImport(needDb(), pack.payload, importer(), now());
	}
};

export const classCodes = {
	playable(): Promise<ScenarioDefinition[]> {
		return listPlayableDefinitions(app.db);
	},
	async resolve(typed: string): Promise<ClassCodeMatch<ScenarioDefinition>> {
		return resolveClassCode(typed, await listPlayableDefinitions(app.db));
	}
};

export interface TraineeAssignment {
	assignment: AssignmentRow;
	progress: AssignmentProgress;
	titles: Record<string, string>;
}

/** YYYY-MM-DD in the trainee's own time zone. */
export function localToday(date = now()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const assignments = {
	own(): Promise<AssignmentRow[]> {
		const { db, profileId } = unlockedTrainer();
		return listAssignmentsOwnedBy(db, profileId);
	},
	async save(raw: unknown, id?: string): Promise<AssignmentRow> {
		const { db, profileId } = unlockedTrainer();
		const playable = new Set((await listPlayableDefinitions(db)).map((d) => d.id));
		return saveAssignment(db, raw, {
			ownerProfileId: profileId,
			id,
			now: now(),
			newId: () => crypto.randomUUID(),
			isKnownScenario: (s) => playable.has(s)
		});
	},
	remove(id: string): Promise<boolean> {
		const { db, profileId } = unlockedTrainer();
		return deleteAssignment(db, id, profileId);
	},

	/** The active profile's assignments with progress from its attempts (previews never count). */
	async mine(): Promise<TraineeAssignment[]> {
		const db = app.db;
		const profileId = app.activeId;
		if (!db || !profileId) return [];
		const [rows, attempts, playable] = await Promise.all([
			listAssignmentsFor(db, profileId),
			listAttempts(db, profileId),
			listPlayableDefinitions(db)
		]);
		const today = localToday();
		return rows.map((assignment) => {
			const titles: Record<string, string> = {};
			for (const item of assignment.items) {
				titles[item.definitionId] =
					playable.find((d) => d.id === item.definitionId)?.title ??
					getBuiltInDefinition(item.definitionId)?.title ??
					item.definitionId;
			}
			return { assignment, progress: assignmentProgress(assignment, attempts, today), titles };
		});
	}
};
