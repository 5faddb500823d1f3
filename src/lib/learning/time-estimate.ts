import { answerKey } from '$lib/scenarios/answer-key';
import type { ScenarioDefinition } from '$lib/scenarios/definition';
import type { AnyScenarioKind } from '$lib/scenarios/kind';
import { moduleTexts, type InductionModule } from './induction';

/**
 * How long a module takes someone who has never worked in the NHS (issue 12: "the first module is done in under an
 * hour"). An estimate from counted words and steps, with the assumptions named so a trainer can question them.
 */
export interface EstimateAssumptions {
	wordsPerMinute: number;
	secondsPerQuestion: number;
	secondsPerPracticeStep: number;
	marginPercent: number;
	seeds: number;
}

export const ESTIMATE_ASSUMPTIONS: Readonly<EstimateAssumptions> = {
	/** A steady adult reading speed for plain English; new vocabulary is slower, hence the margin below. */
	wordsPerMinute: 200,
	/** Choosing an answer and checking it, over and above reading the question, options and explanation. */
	secondsPerQuestion: 30,
	/** One step of a gentle practice scenario: looking at the screen, deciding, reading the feedback. */
	secondsPerPracticeStep: 90,
	/** Extra time for being new to all of it: glossary look-ups, re-reading, a wrong answer tried again. */
	marginPercent: 25,
	/** Cases differ by seed; the step count is averaged over this many. */
	seeds: 5
};

export interface PracticeEstimate {
	id: string;
	title: string;
	briefingWords: number;
	/** Average steps over the sampled seeds. */
	steps: number;
	minutes: number;
}

export interface ModuleEstimate {
	readingWords: number;
	readingMinutes: number;
	questionWords: number;
	questionMinutes: number;
	practice: PracticeEstimate[];
	practiceMinutes: number;
	marginMinutes: number;
	/** Everything above, rounded up to a whole minute. */
	totalMinutes: number;
}

export function countWords(text: string): number {
	const t = text.trim();
	return t === '' ? 0 : t.split(/\s+/).length;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Estimates one practice scenario: reading its briefing, then each step of the case the kind builds (counted along
 * the path a careful learner takes, averaged over a few seeds).
 * @example estimatePractice(kind, definition, '2026-11-25').steps // 4 for the gentle records desk day
 */
export function estimatePractice(
	kind: AnyScenarioKind,
	definition: ScenarioDefinition,
	today: string,
	a: Readonly<EstimateAssumptions> = ESTIMATE_ASSUMPTIONS
): PracticeEstimate {
	let steps = 0;
	for (let seed = 1; seed <= a.seeds; seed++) steps += answerKey(kind, definition, seed, today).length;
	steps /= a.seeds;
	const briefingWords = countWords(definition.briefing);
	return {
		id: definition.id,
		title: definition.title,
		briefingWords,
		steps,
		minutes: round1(briefingWords / a.wordsPerMinute + (steps * a.secondsPerPracticeStep) / 60)
	};
}

/**
 * Estimates a whole module: the introduction read at `wordsPerMinute`, each question (prompt, options and the
 * explanation shown after) read at the same pace plus time to decide, the practice scenarios, and a margin.
 * @example estimateModule(INDUCTION_MODULES[0], [practice]).totalMinutes // under 60
 */
export function estimateModule(
	module: InductionModule,
	practice: readonly PracticeEstimate[],
	a: Readonly<EstimateAssumptions> = ESTIMATE_ASSUMPTIONS
): ModuleEstimate {
	const readingWords = countWords(moduleTexts(module).join(' '));
	const questionWords = module.questions.reduce(
		(sum, q) =>
			sum +
			countWords(q.prompt) +
			countWords(q.explanation) +
			q.options.reduce((s, o) => s + countWords(o.text), 0),
		0
	);
	const readingMinutes = readingWords / a.wordsPerMinute;
	const questionMinutes =
		questionWords / a.wordsPerMinute + (module.questions.length * a.secondsPerQuestion) / 60;
	const practiceMinutes = practice.reduce((s, p) => s + p.minutes, 0);
	const marginMinutes = ((readingMinutes + questionMinutes + practiceMinutes) * a.marginPercent) / 100;
	return {
		readingWords,
		readingMinutes: round1(readingMinutes),
		questionWords,
		questionMinutes: round1(questionMinutes),
		practice: [...practice],
		practiceMinutes: round1(practiceMinutes),
		marginMinutes: round1(marginMinutes),
		totalMinutes: Math.ceil(readingMinutes + questionMinutes + practiceMinutes + marginMinutes)
	};
}
