/**
 * The apprentice's outcomes map (issue 12): for each qualification in the catalogue (handbook 7), which outcomes
 * are covered, by which passed attempts, which were tried but not yet passed, and which scenarios would cover what
 * is left. Pure and data-driven: new outcomes and new built-in scenarios appear without code changes here.
 */
import type { ScenarioDefinition } from './definition';
import { FRAMEWORK_LABELS, OUTCOMES, type LearningOutcome, type OutcomeFramework } from './outcomes';
import type { AttemptForProgress } from './progress';

export interface OutcomeEvidenceRef {
	attemptId: string;
	title: string;
	at: string;
	percent: number;
	mode: 'practice' | 'assessment';
}

export interface OutcomeMapEntry {
	outcome: LearningOutcome;
	status: 'covered' | 'tried' | 'not-started';
	/** Passed, finished attempts that evidence the outcome, newest first. */
	coveredBy: OutcomeEvidenceRef[];
	/** Finished attempts that touched the outcome without passing, newest first. */
	triedIn: OutcomeEvidenceRef[];
	/** Scenarios that would evidence it, gentle first; empty once covered. */
	suggestions: Pick<ScenarioDefinition, 'id' | 'title' | 'difficulty' | 'mode'>[];
}

export interface OutcomeMapFramework {
	framework: OutcomeFramework;
	label: string;
	covered: number;
	total: number;
	entries: OutcomeMapEntry[];
}

const DIFFICULTY_ORDER = { gentle: 0, realistic: 1, challenging: 2 } as const;

function evidences(a: AttemptForProgress, outcomeId: string): boolean {
	const ids = a.summary?.outcomesEvidenced ?? a.definition.outcomes;
	return (ids as readonly string[]).includes(outcomeId);
}

function ref(a: AttemptForProgress): OutcomeEvidenceRef {
	return {
		attemptId: a.id,
		title: a.definition.title,
		at: a.finishedAt ?? a.updatedAt,
		percent: a.summary!.percent,
		mode: a.definition.mode
	};
}

/**
 * Builds the map from a profile's attempts and the scenarios on offer.
 * @example buildOutcomeMap([], [])[0].covered // 0
 */
export function buildOutcomeMap(
	attempts: readonly AttemptForProgress[],
	catalogue: readonly ScenarioDefinition[]
): OutcomeMapFramework[] {
	const finished = attempts
		.filter((a) => a.status === 'finished' && a.summary)
		.sort((a, b) => (b.finishedAt ?? b.updatedAt).localeCompare(a.finishedAt ?? a.updatedAt));
	const entries: OutcomeMapEntry[] = OUTCOMES.map((outcome) => {
		const mine = finished.filter((a) => evidences(a, outcome.id));
		const coveredBy = mine.filter((a) => a.summary!.passed).map(ref);
		const triedIn = mine.filter((a) => !a.summary!.passed).map(ref);
		const suggestions =
			coveredBy.length > 0
				? []
				: catalogue
						.filter((d) => (d.outcomes as readonly string[]).includes(outcome.id))
						.sort(
							(a, b) =>
								DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] ||
								Number(a.mode === 'assessment') - Number(b.mode === 'assessment') ||
								a.title.localeCompare(b.title)
						)
						.map(({ id, title, difficulty, mode }) => ({ id, title, difficulty, mode }));
		return {
			outcome,
			status: coveredBy.length > 0 ? 'covered' : triedIn.length > 0 ? 'tried' : 'not-started',
			coveredBy,
			triedIn,
			suggestions
		};
	});
	return (Object.keys(FRAMEWORK_LABELS) as OutcomeFramework[]).map((framework) => {
		const mine = entries.filter((e) => e.outcome.framework === framework);
		return {
			framework,
			label: FRAMEWORK_LABELS[framework],
			covered: mine.filter((e) => e.status === 'covered').length,
			total: mine.length,
			entries: mine
		};
	});
}
