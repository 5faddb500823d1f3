/**
 * The answer key of a scenario for one seed (issue 11, "Preview"): for the trainer only. Works for any kind,
 * because it asks the kind itself: `setup` builds the same case a trainee with this seed gets, and `judge` says
 * which of the answers the kind offers at each step are correct, with the rule and the explanation behind them.
 * Branching kinds are followed along the path a perfect learner would take.
 */
import type { RuleRef } from './decisions';
import type { ScenarioDefinition } from './definition';
import type { AnyScenarioKind } from './kind';

export interface AnswerKeyStep {
	stepId: string;
	/** 1-based position along the perfect path. */
	number: number;
	prompt: string;
	/** The correct answer in the kind's own words. */
	correct: string;
	rule: RuleRef;
	explanation: string;
	maxPoints: number;
}

/** Steps are capped so a kind with a loop in its `next` cannot hang the trainer's page. */
const MAX_STEPS = 500;

/**
 * @example
 * const key = answerKey(getKind('nhs-number-check')!, definition, 42, '2026-11-25');
 * key[0].correct; // "Accept: the number passes the check"
 */
export function answerKey(
	kind: AnyScenarioKind,
	definition: ScenarioDefinition,
	seed: number,
	today: string
): AnswerKeyStep[] {
	const c = kind.setup(definition, seed, today);
	const steps: AnswerKeyStep[] = [];
	let stepId: string | null = kind.firstStep(c);
	while (stepId !== null && steps.length < MAX_STEPS) {
		const view = kind.view(c, stepId);
		const options = kind.answerOptions(c, stepId);
		const judged = options.map((answer) => ({ answer, judgement: kind.judge(c, stepId!, answer) }));
		const right = judged.find((j) => j.judgement.outcome === 'correct') ?? judged[0];
		if (!right) break;
		steps.push({
			stepId,
			number: steps.length + 1,
			prompt: view.prompt,
			correct: right.judgement.correct.text,
			rule: right.judgement.rule,
			explanation: right.judgement.explanation,
			maxPoints: right.judgement.maxPoints
		});
		stepId = kind.next(c, stepId, right.answer);
	}
	return steps;
}
