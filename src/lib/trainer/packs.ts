/**
 * Scenario packs (issue 11, "Sharing"; format in docs/adr/0006-scenario-pack-format.md): a file holding trainer-
 * authored scenarios and assignments, so a trainer can move them to other PCs. The file is a signed envelope
 * (signing.ts) whose payload is described here.
 *
 * Reading a pack never throws and never writes: every failure is a value with a sentence for the person at the
 * screen. Writing is $lib/db/packs.ts, in one transaction.
 */
import { DefinitionError, type ScenarioDefinition } from '$lib/scenarios/definition';
import { getBuiltInDefinition, parseDefinition } from '$lib/scenarios/registry';
import { findRealNhsNumber } from '$lib/db/backup';
import type { AssignmentItem, DoneWhen } from '$lib/db/assignments';
import { checkAssignment } from './assignments';
import { verifyEnvelope, type VerifyResult } from './signing';

export const PACK_KIND = 'records-room-scenario-pack';
export const PACK_VERSION = 1;
/** Refused before reading: 10 MB holds thousands of scenarios, far more than any real pack. */
export const MAX_PACK_BYTES = 10 * 1024 * 1024;
export const PACK_LIMITS = { scenarios: 500, assignments: 200, depth: 24, stringLength: 100_000, title: 120 };

/** An assignment as it travels: device-local ids (owner, trainees) are left behind. */
export interface PackAssignment {
	id: string;
	title: string;
	items: AssignmentItem[];
	dueDate?: string;
	doneWhen: DoneWhen;
}

export interface PackPayload {
	kind: typeof PACK_KIND;
	packVersion: typeof PACK_VERSION;
	synthetic: true;
	title: string;
	exportedAt: string;
	appVersion: string;
	/** Published definitions, each validated and at the current definition schema. */
	scenarios: ScenarioDefinition[];
	assignments: PackAssignment[];
}

/** A pack that has been read, checked and brought up to the current format. */
export interface ParsedPack {
	payload: PackPayload;
	signature: VerifyResult;
	/** Set when the pack was written in an older format and migrated on reading. */
	migratedFrom?: number;
}

export type PackReadResult =
	{ ok: true; pack: ParsedPack } | { ok: false; problem: string; signature?: VerifyResult };

export function buildPackPayload(input: {
	title: string;
	scenarios: ScenarioDefinition[];
	assignments: PackAssignment[];
	now: Date;
	appVersion: string;
}): PackPayload {
	return {
		kind: PACK_KIND,
		packVersion: PACK_VERSION,
		synthetic: true,
		title: input.title.replace(/\s+/g, ' ').trim().slice(0, PACK_LIMITS.title) || 'Scenario pack',
		exportedAt: input.now.toISOString(),
		appVersion: input.appVersion,
		// JSON round trip: the payload is signed as plain data, exactly as it will be written.
		scenarios: JSON.parse(JSON.stringify(input.scenarios)),
		assignments: JSON.parse(JSON.stringify(input.assignments))
	};
}

export function packFileName(title: string, now: Date): string {
	const slug =
		title
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 40) || 'scenario-pack';
	return `records-room-pack-${slug}-${now.toISOString().slice(0, 10)}.json`;
}

const fail = (problem: string, signature?: VerifyResult): PackReadResult => ({
	ok: false,
	problem,
	...(signature ? { signature } : {})
});
const NOTHING = 'Nothing has been imported.';

/** Reads a file the person chose. The size is checked before a byte is read. */
export async function readPackFile(file: Blob, trusted?: readonly string[]): Promise<PackReadResult> {
	if (file.size > MAX_PACK_BYTES) {
		return fail(
			`This file is ${(file.size / 1024 / 1024).toFixed(1)} MB. Scenario packs are limited to 10 MB, so it cannot be imported. Ask for a pack with fewer scenarios in it.`
		);
	}
	if (file.size === 0) return fail(`This file is empty. Choose the scenario pack you were sent. ${NOTHING}`);
	let text: string;
	try {
		text = await file.text();
	} catch {
		return fail('This file could not be read. Save it again, then choose it again.');
	}
	return parsePackText(text, trusted);
}

/** Reads a pack's text. Never throws, whatever the text holds. */
export async function parsePackText(text: string, trusted?: readonly string[]): Promise<PackReadResult> {
	try {
		return await parseUnsafe(text, trusted);
	} catch {
		return fail(`This file could not be understood as a scenario pack. It may be damaged. ${NOTHING}`);
	}
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shapeProblem(value: unknown, depth: number): string | null {
	if (depth > PACK_LIMITS.depth)
		return `This file is nested far more deeply than a scenario pack. ${NOTHING}`;
	if (typeof value === 'string' && value.length > PACK_LIMITS.stringLength) {
		return `This file holds a piece of text far longer than any scenario needs. ${NOTHING}`;
	}
	if (Array.isArray(value) || isRecord(value)) {
		for (const v of Object.values(value)) {
			const p = shapeProblem(v, depth + 1);
			if (p) return p;
		}
	}
	return null;
}

function short(text: string): string {
	const one = text.replace(/\s+/g, ' ').trim();
	return one.length > 60 ? `${one.slice(0, 60)}…` : one;
}

async function parseUnsafe(text: string, trusted?: readonly string[]): Promise<PackReadResult> {
	if (text.length > MAX_PACK_BYTES)
		return fail(`This file is larger than the 10 MB limit for scenario packs. ${NOTHING}`);
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		const t = text.trimEnd();
		return fail(
			t.startsWith('{') && !t.endsWith('}')
				? `This file stops part-way through: it may not have finished downloading or copying. Ask for it again. ${NOTHING}`
				: `This is not a scenario pack: it is not in the format Records Room saves packs in. Check you chose the right file. ${NOTHING}`
		);
	}
	// Depth first: verifying walks the payload, and a hostile file may nest it thousands of levels deep.
	const shape = shapeProblem(json, 0);
	if (shape) return fail(shape);

	const signature = await verifyEnvelope(json, trusted);
	if (signature.status === 'malformed') return fail(`${signature.message} ${NOTHING}`, signature);
	if (signature.status === 'changed') return fail(`${signature.message} ${NOTHING}`, signature);
	const payload = signature.payload;

	if (!isRecord(payload) || payload.kind !== PACK_KIND) {
		return fail(
			`This Records Room file is not a scenario pack (it may be an assignment or progress file). Choose the scenario pack you were sent. ${NOTHING}`,
			signature
		);
	}
	const version = payload.packVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return fail(
			`This pack does not say which version of the pack format it uses, so it cannot be read safely. ${NOTHING}`,
			signature
		);
	}
	if (version > PACK_VERSION) {
		return fail(
			`This pack was made by a newer version of Records Room (pack format ${version}; this copy reads up to ${PACK_VERSION}). Update Records Room on this computer, then import it again.`,
			signature
		);
	}
	const migrated = migratePack(payload, version);
	if (migrated.synthetic !== true) {
		return fail(
			`This pack is not marked as synthetic training data, so Records Room will not load it. ${NOTHING}`,
			signature
		);
	}
	const realNumber = findRealNhsNumber(migrated);
	if (realNumber) {
		return fail(
			`This pack contains an NHS number outside the 999 test range. Records Room only holds synthetic data, so it will not load a file that might hold a real patient's details. ${NOTHING}`,
			signature
		);
	}
	const { scenarios: rawScenarios, assignments: rawAssignments } = migrated;
	if (!Array.isArray(rawScenarios) || !Array.isArray(rawAssignments)) {
		return fail(
			`This pack is missing its list of scenarios or assignments. It may be damaged. ${NOTHING}`,
			signature
		);
	}
	if (rawScenarios.length === 0 && rawAssignments.length === 0) {
		return fail(`This pack is empty: it holds no scenarios and no assignments. ${NOTHING}`, signature);
	}
	if (rawScenarios.length > PACK_LIMITS.scenarios || rawAssignments.length > PACK_LIMITS.assignments) {
		return fail(
			`This pack holds more than ${PACK_LIMITS.scenarios} scenarios or ${PACK_LIMITS.assignments} assignments, which is more than Records Room imports at once. ${NOTHING}`,
			signature
		);
	}

	const scenarios: ScenarioDefinition[] = [];
	for (const [i, raw] of rawScenarios.entries()) {
		const name = isRecord(raw) && typeof raw.title === 'string' ? ` ("${short(raw.title)}")` : '';
		let def: ScenarioDefinition;
		try {
			def = parseDefinition(raw);
		} catch (err) {
			if (!(err instanceof DefinitionError)) throw err;
			const first = err.problems[0];
			const more =
				err.problems.length > 1
					? ` and ${err.problems.length - 1} more problem${err.problems.length > 2 ? 's' : ''}`
					: '';
			return fail(
				`Scenario ${i + 1} in this pack${name} is not valid: ${first ? `${first.path || 'it'} ${first.message}` : 'it could not be read'}${more}. ${NOTHING} Ask whoever made the pack to fix the scenario and export it again.`,
				signature
			);
		}
		if (getBuiltInDefinition(def.id)) {
			return fail(
				`Scenario ${i + 1} in this pack${name} uses the id "${def.id}", which belongs to a scenario built into Records Room. ${NOTHING}`,
				signature
			);
		}
		if (scenarios.some((s) => s.id === def.id)) {
			return fail(`This pack holds the scenario "${def.id}" twice. ${NOTHING}`, signature);
		}
		scenarios.push(def);
	}

	const assignments: PackAssignment[] = [];
	for (const [i, raw] of rawAssignments.entries()) {
		const id = isRecord(raw) ? raw.id : undefined;
		if (typeof id !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(id)) {
			return fail(
				`Assignment ${i + 1} in this pack has no valid identifier. It may be damaged. ${NOTHING}`,
				signature
			);
		}
		const check = checkAssignment({ ...(raw as object), assignedProfileIds: [] });
		if (!check.ok) {
			const name = isRecord(raw) && typeof raw.title === 'string' ? ` ("${short(raw.title)}")` : '';
			return fail(
				`Assignment ${i + 1} in this pack${name} is not valid: ${check.problems[0].message} ${NOTHING}`,
				signature
			);
		}
		if (assignments.some((a) => a.id === id)) {
			return fail(`This pack holds the same assignment twice. ${NOTHING}`, signature);
		}
		const { title, items, dueDate, doneWhen } = check.value;
		assignments.push({ id, title, items, ...(dueDate ? { dueDate } : {}), doneWhen });
	}

	const payloadOut: PackPayload = {
		kind: PACK_KIND,
		packVersion: PACK_VERSION,
		synthetic: true,
		title:
			typeof migrated.title === 'string' && migrated.title.trim() ? short(migrated.title) : 'Scenario pack',
		exportedAt: typeof migrated.exportedAt === 'string' ? migrated.exportedAt.slice(0, 40) : '',
		appVersion: typeof migrated.appVersion === 'string' ? migrated.appVersion.slice(0, 40) : 'unknown',
		scenarios,
		assignments
	};
	return {
		ok: true,
		pack: { payload: payloadOut, signature, ...(version < PACK_VERSION ? { migratedFrom: version } : {}) }
	};
}

/**
 * Older pack formats, lifted one step at a time (n → n + 1) before validation. Format 1 is the first, so the
 * ladder is empty; definitions inside a pack have their own ladder (migrateDefinition), which parseDefinition
 * applies to each scenario, so a pack holding definitions of an older schema already imports.
 */
export const PACK_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export function migratePack(
	payload: Record<string, unknown>,
	from: number,
	ladder: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = PACK_MIGRATIONS,
	to = PACK_VERSION
): Record<string, unknown> {
	let current = payload;
	for (let v = from; v < to; v++) {
		const step = ladder[v];
		if (!step) throw new Error(`No migration from pack format ${v}.`);
		current = { ...step(current), packVersion: v + 1 };
	}
	return current;
}
