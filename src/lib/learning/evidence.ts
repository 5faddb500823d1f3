/**
 * The evidence pack (issue 12): a learner's finished attempts mapped to the outcomes catalogue (handbook 7), with
 * the decisions and feedback from each, and a trainer's sign-off, for a portfolio. Saved as JSON with a SHA-256
 * checksum over the canonical form of `data`, so a reader can tell whether it was changed after it was made.
 * Everything in it is synthetic training data and the file says so.
 */
import { canonicalJson, sha256Hex } from '$lib/db/canonical';
import type { Decision } from '$lib/scenarios/decisions';
import { FRAMEWORK_LABELS, OUTCOMES } from '$lib/scenarios/outcomes';
import type { AttemptForProgress } from '$lib/scenarios/progress';

export const EVIDENCE_FORMAT = 'records-room-evidence-pack';
export const EVIDENCE_FORMAT_VERSION = 1;

export const SYNTHETIC_STATEMENT =
	'All patients, records and cases in this evidence pack are synthetic training data made up by Records Room. None is a real patient.';

export interface SignOff {
	name: string;
	/** ISO date (YYYY-MM-DD). */
	date: string;
	comments: string;
}

export interface EvidenceDecision {
	step: number;
	prompt: string;
	response: string;
	correct: string;
	outcome: Decision['outcome'];
	points: number;
	maxPoints: number;
	rule: { id: string; handbook: string; text: string };
	explanation: string;
}

export interface EvidenceAttempt {
	id: string;
	scenarioId: string;
	title: string;
	family: string;
	mode: 'practice' | 'assessment';
	caseNumber: number;
	startedAt: string;
	finishedAt: string;
	percent: number;
	passed: boolean;
	outcomes: string[];
	decisions: EvidenceDecision[];
}

export interface EvidenceOutcome {
	id: string;
	framework: string;
	frameworkLabel: string;
	title: string;
	handbook: string[];
	/** Passed attempts that evidence it, newest first. */
	attemptIds: string[];
}

export interface EvidenceData {
	learner: { name: string; role: string };
	generatedAt: string;
	outcomes: EvidenceOutcome[];
	attempts: EvidenceAttempt[];
	signOff: SignOff | null;
}

export interface EvidencePackFile {
	format: typeof EVIDENCE_FORMAT;
	formatVersion: number;
	synthetic: true;
	statement: string;
	sha256: string;
	data: EvidenceData;
}

/** The stored fields an attempt needs here: the progress shape plus its snapshot, which holds the decisions. */
export type AttemptForEvidence = AttemptForProgress & { snapshot: unknown };

/** Decisions from a finished attempt's saved snapshot; empty when it holds none (never throws on odd data). */
export function decisionsOf(snapshot: unknown): Decision[] {
	const ctx = (snapshot as { context?: { decisions?: unknown } } | null)?.context;
	return Array.isArray(ctx?.decisions) ? (ctx.decisions as Decision[]) : [];
}

function toEvidenceDecision(d: Decision): EvidenceDecision {
	return {
		step: d.seq + 1,
		prompt: d.prompt,
		response: d.response.text,
		correct: d.correct.text,
		outcome: d.outcome,
		points: d.points,
		maxPoints: d.maxPoints,
		rule: { id: d.rule.id, handbook: d.rule.handbook, text: d.rule.text },
		explanation: d.explanation
	};
}

/**
 * Builds the pack's data: finished attempts, oldest first (a portfolio reads in date order), and every catalogue
 * outcome with the passed attempts that evidence it.
 * @example buildEvidenceData({ name: 'Ann', role: 'apprentice' }, [], null, '2026-01-01T00:00:00Z').attempts // []
 */
export function buildEvidenceData(
	learner: { name: string; role: string },
	attempts: readonly AttemptForEvidence[],
	signOff: SignOff | null,
	generatedAt: string
): EvidenceData {
	const finished = attempts
		.filter((a) => a.status === 'finished' && a.summary && a.finishedAt)
		.sort((a, b) => a.finishedAt!.localeCompare(b.finishedAt!));
	const rows: EvidenceAttempt[] = finished.map((a) => ({
		id: a.id,
		scenarioId: a.definitionId,
		title: a.definition.title,
		family: a.definition.family,
		mode: a.definition.mode,
		caseNumber: a.seed,
		startedAt: a.startedAt,
		finishedAt: a.finishedAt!,
		percent: a.summary!.percent,
		passed: a.summary!.passed,
		outcomes: [...(a.summary!.outcomesEvidenced ?? a.definition.outcomes)],
		decisions: decisionsOf(a.snapshot).map(toEvidenceDecision)
	}));
	const outcomes: EvidenceOutcome[] = OUTCOMES.map((o) => ({
		id: o.id,
		framework: o.framework,
		frameworkLabel: FRAMEWORK_LABELS[o.framework],
		title: o.title,
		handbook: [...o.handbook],
		attemptIds: rows
			.filter((r) => r.passed && r.outcomes.includes(o.id))
			.map((r) => r.id)
			.reverse()
	}));
	return { learner, generatedAt, outcomes, attempts: rows, signOff };
}

/** Wraps the data with its format, the synthetic statement and its checksum. */
export async function buildEvidencePack(data: EvidenceData): Promise<EvidencePackFile> {
	return {
		format: EVIDENCE_FORMAT,
		formatVersion: EVIDENCE_FORMAT_VERSION,
		synthetic: true,
		statement: SYNTHETIC_STATEMENT,
		sha256: await sha256Hex(canonicalJson(data)),
		data
	};
}

/** Checks a pack read back from a file: right format, marked synthetic, and checksum matching its data. */
export async function verifyEvidencePack(
	raw: unknown
): Promise<{ ok: true; pack: EvidencePackFile } | { ok: false; reason: string }> {
	const o = raw as Partial<EvidencePackFile> | null;
	if (!o || typeof o !== 'object' || o.format !== EVIDENCE_FORMAT)
		return { ok: false, reason: 'This is not a Records Room evidence pack.' };
	if (o.synthetic !== true)
		return { ok: false, reason: 'This pack is not marked as synthetic training data.' };
	if (typeof o.sha256 !== 'string' || o.sha256 !== (await sha256Hex(canonicalJson(o.data))))
		return {
			ok: false,
			reason: 'This pack has been changed since it was made: its checksum does not match.'
		};
	return { ok: true, pack: o as EvidencePackFile };
}

/**
 * A file name for the pack.
 * @example evidenceFileName('Ann Lee', '2026-11-25T10:00:00Z') // 'records-room-evidence-ann-lee-2026-11-25.json'
 */
export function evidenceFileName(name: string, generatedAt: string): string {
	const who =
		name
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-|-$/g, '')
			.toLowerCase() || 'learner';
	return `records-room-evidence-${who}-${generatedAt.slice(0, 10)}.json`;
}
