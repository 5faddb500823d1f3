/**
 * The mock assessment (issue 12): a seeded mix of built-in assessment-mode scenarios, played one after another
 * through the ordinary player, then marked as a whole. Pass marks default to the handbook's: 60% overall, as in
 * the IHRIM Foundation exam (handbook 7.1), and 80% on data security, as in Data Security Awareness Level 1
 * (handbook 7.4). Both are LOCAL: a trainer can change them, and the values in force are stored with each session.
 */
import type { ScenarioDefinition } from './definition';
import { getOutcome } from './outcomes';
import { randomInt, seededRandom, shuffled } from './prng';

export interface AssessmentPassMarks {
	/** Overall percentage needed (handbook 7.1: IHRIM Foundation, 60%). */
	overall: number;
	/** Percentage needed on the data security part, when the mix has one (handbook 7.4: DSA Level 1, 80%). */
	dataSecurity: number;
}

export const DEFAULT_PASS_MARKS: AssessmentPassMarks = { overall: 60, dataSecurity: 80 };

export const DEFAULT_SCENARIO_COUNT = 4;

/**
 * A trainer's pass marks, checked: whole or decimal numbers from 0 to 100; anything else falls back to the default.
 * @example parsePassMarks({ overall: 70 }) // { overall: 70, dataSecurity: 80 }
 */
export function parsePassMarks(raw: unknown): AssessmentPassMarks {
	const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
	const pick = (v: unknown, d: number) =>
		typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100 ? v : d;
	return {
		overall: pick(o.overall, DEFAULT_PASS_MARKS.overall),
		dataSecurity: pick(o.dataSecurity, DEFAULT_PASS_MARKS.dataSecurity)
	};
}

export interface AssessmentItem {
	definitionId: string;
	title: string;
	family: ScenarioDefinition['family'];
	/** The case: the same session always plays the same cases. */
	seed: number;
	/** Counts towards the data security mark (it evidences a DSA Level 1 outcome). */
	dataSecurity: boolean;
	timeLimitMinutes: number | null;
}

export interface AssessmentSession {
	id: string;
	profileId: string;
	seed: number;
	createdAt: string;
	passMarks: AssessmentPassMarks;
	items: AssessmentItem[];
}

/** Whether a scenario counts towards the data security mark. */
export function isDataSecurity(def: Pick<ScenarioDefinition, 'outcomes' | 'family'>): boolean {
	return (
		def.family === 'data-protection' || def.outcomes.some((id) => getOutcome(id)?.framework === 'dsa-l1')
	);
}

/**
 * Picks up to `count` assessment-mode scenarios for a session: shuffled by the seed, then taken one family at a
 * time in turn so the mix spans every family that has one. Each gets its own case seed.
 * @example pickAssessmentItems([], 4, 1) // []
 */
export function pickAssessmentItems(
	catalogue: readonly ScenarioDefinition[],
	count: number,
	seed: number
): AssessmentItem[] {
	const random = seededRandom(seed);
	const pool = shuffled(
		random,
		catalogue.filter((d) => d.mode === 'assessment')
	);
	const byFamily = new Map<string, ScenarioDefinition[]>();
	for (const d of pool) byFamily.set(d.family, [...(byFamily.get(d.family) ?? []), d]);
	const queues = [...byFamily.values()];
	const picked: ScenarioDefinition[] = [];
	while (picked.length < count && queues.some((q) => q.length > 0)) {
		for (const q of queues) {
			const next = q.shift();
			if (next && picked.length < count) picked.push(next);
		}
	}
	return picked.map((d) => ({
		definitionId: d.id,
		title: d.title,
		family: d.family,
		seed: randomInt(random, 2 ** 31),
		dataSecurity: isDataSecurity(d),
		timeLimitMinutes: d.timeLimitMinutes
	}));
}

/** Total time allowed, from the scenarios' own limits; null when none of them is timed. */
export function totalTimeLimitMinutes(items: readonly AssessmentItem[]): number | null {
	const timed = items.filter((i) => i.timeLimitMinutes !== null);
	return timed.length ? timed.reduce((t, i) => t + i.timeLimitMinutes!, 0) : null;
}

/** The parts of a finished attempt the overall mark needs. */
export interface ItemResult {
	points: number;
	possiblePoints: number;
	criticalErrors: number;
}

export interface AssessmentResult {
	complete: boolean;
	points: number;
	possiblePoints: number;
	percent: number;
	dataSecurityPercent: number | null;
	criticalErrors: number;
	passed: boolean;
	/** Plain-English reasons the session did not pass, empty when it passed. */
	reasons: string[];
}

const pct = (p: number, of: number) => (of > 0 ? Math.round((1000 * p) / of) / 10 : 0);

/**
 * Marks a session: points summed over every scenario (a scenario not finished scores 0 of its points, when
 * known), the data security part marked on its own, and any critical error fails the whole session, as it fails
 * a single assessment.
 * @example scoreAssessment([], [], DEFAULT_PASS_MARKS).complete // true
 */
export function scoreAssessment(
	items: readonly AssessmentItem[],
	results: readonly (ItemResult | null)[],
	passMarks: AssessmentPassMarks
): AssessmentResult {
	let points = 0;
	let possible = 0;
	let dsPoints = 0;
	let dsPossible = 0;
	let critical = 0;
	items.forEach((item, i) => {
		const r = results[i];
		if (!r) return;
		points += r.points;
		possible += r.possiblePoints;
		critical += r.criticalErrors;
		if (item.dataSecurity) {
			dsPoints += r.points;
			dsPossible += r.possiblePoints;
		}
	});
	const complete = results.length === items.length && results.every((r) => r !== null);
	const percent = pct(points, possible);
	const dataSecurityPercent = dsPossible > 0 ? pct(dsPoints, dsPossible) : null;
	const reasons: string[] = [];
	if (!complete) reasons.push('Not every scenario has been finished.');
	if (percent < passMarks.overall)
		reasons.push(`The overall score is below the pass mark of ${passMarks.overall}%.`);
	if (dataSecurityPercent !== null && dataSecurityPercent < passMarks.dataSecurity)
		reasons.push(`The data security score is below its pass mark of ${passMarks.dataSecurity}%.`);
	if (critical > 0)
		reasons.push(
			`${critical} critical ${critical === 1 ? 'error' : 'errors'}: in an assessment any critical error fails.`
		);
	return {
		complete,
		points,
		possiblePoints: possible,
		percent,
		dataSecurityPercent,
		criticalErrors: critical,
		passed: reasons.length === 0,
		reasons
	};
}
