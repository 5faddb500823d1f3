/**
 * Scoring: a pure function of the definition and the decision log (issue 5). Points come from the rubric, not
 * from what was stored, so re-scoring an old attempt gives the same result unless the rubric changed, and the
 * result names the rubric version that produced it.
 */
import type { Decision, DecisionOutcome, HintRecord } from './decisions';
import type { ScenarioDefinition } from './definition';
import { getOutcome } from './outcomes';
import { pointsFor, RUBRIC_VERSION } from './rubric';

export type EndReason = 'completed' | 'time-up' | 'stopped-early' | 'abandoned';

export interface AttemptLog {
	decisions: readonly Decision[];
	hints: readonly HintRecord[];
	/** Points available on a complete, perfect run of this case. */
	possiblePoints: number;
	elapsedMs: number;
	endReason: EndReason;
}

export interface OutcomeScore {
	id: string;
	title: string;
	points: number;
	possible: number;
	decisions: number;
}

export interface ScoreResult {
	rubricVersion: number;
	mode: 'practice' | 'assessment';
	points: number;
	possiblePoints: number;
	hintPenalty: number;
	/** 0-100, one decimal place. */
	percent: number;
	passMark: number;
	passed: boolean;
	/** Why it did not pass, in plain English, or null when it passed. */
	failReason: string | null;
	criticalErrors: number[];
	counts: Record<DecisionOutcome, number>;
	byOutcome: OutcomeScore[];
	answered: number;
	elapsedMs: number;
	endReason: EndReason;
}

type ScoringDefinition = Pick<ScenarioDefinition, 'mode' | 'passMark' | 'hints'>;

/** Scores a log. O(decisions); no allocation per decision beyond the outcome table. */
export function scoreAttempt(definition: ScoringDefinition, log: AttemptLog): ScoreResult {
	const counts: Record<DecisionOutcome, number> = { correct: 0, minor: 0, major: 0, critical: 0 };
	const byOutcome = new Map<string, OutcomeScore>();
	const criticalErrors: number[] = [];
	let raw = 0;
	for (const d of log.decisions) {
		const pts = pointsFor(d.outcome, d.maxPoints);
		raw += pts;
		counts[d.outcome] += 1;
		if (d.outcome === 'critical') criticalErrors.push(d.seq);
		for (const id of d.outcomes) {
			let o = byOutcome.get(id);
			if (!o) {
				o = { id, title: getOutcome(id)?.title ?? id, points: 0, possible: 0, decisions: 0 };
				byOutcome.set(id, o);
			}
			o.points += pts;
			o.possible += d.maxPoints;
			o.decisions += 1;
		}
	}
	const hintPenalty = log.hints.reduce((sum, h) => sum + h.cost, 0);
	const points = Math.max(0, raw - hintPenalty);
	const percent = log.possiblePoints > 0 ? Math.round((points / log.possiblePoints) * 1000) / 10 : 0;
	let failReason: string | null = null;
	if (log.endReason === 'abandoned') failReason = 'The attempt was abandoned before the end.';
	else if (definition.mode === 'assessment' && criticalErrors.length > 0)
		failReason = `${criticalErrors.length === 1 ? 'A critical error' : `${criticalErrors.length} critical errors`} in an assessment: any critical error means a fail, whatever the score.`;
	else if (percent < definition.passMark)
		failReason = `The score of ${percent}% is below the pass mark of ${definition.passMark}%.`;
	return {
		rubricVersion: RUBRIC_VERSION,
		mode: definition.mode,
		points,
		possiblePoints: log.possiblePoints,
		hintPenalty,
		percent,
		passMark: definition.passMark,
		passed: failReason === null,
		failReason,
		criticalErrors,
		counts,
		byOutcome: [...byOutcome.values()],
		answered: log.decisions.length,
		elapsedMs: log.elapsedMs,
		endReason: log.endReason
	};
}
