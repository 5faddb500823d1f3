import type { DecisionOutcome } from './decisions';

/**
 * The rubric turns a decision's outcome into points. Its version is stored with every attempt so re-scoring an
 * old attempt under a newer rubric is visible ("scored with rubric 1"). Bump RUBRIC_VERSION on any change here.
 */
export const RUBRIC_VERSION = 1;

/** Share of a step's points each outcome earns. */
export const OUTCOME_CREDIT: Record<DecisionOutcome, number> = {
	correct: 1,
	minor: 0.5,
	major: 0,
	critical: 0
};

/** Points a decision earns under the current rubric, rounded to a half point. */
export function pointsFor(outcome: DecisionOutcome, maxPoints: number): number {
	return Math.round(maxPoints * OUTCOME_CREDIT[outcome] * 2) / 2;
}

export const OUTCOME_LABELS: Record<DecisionOutcome, string> = {
	correct: 'Correct',
	minor: 'Minor error',
	major: 'Major error',
	critical: 'Critical error'
};
