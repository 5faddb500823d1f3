/**
 * Decision records: one per learner action that is judged, written as facts so an attempt can be re-scored,
 * replayed and exported (xAPI) long after it was played. The log is append-only: nothing edits a record.
 */
import type { OutcomeId } from './outcomes';

/** How serious a wrong action is. Any `critical` fails an assessment outright (issue 5, handbook 7). */
export type DecisionOutcome = 'correct' | 'minor' | 'major' | 'critical';

/** The rule behind a decision. Will map onto the domain rules registry (src/lib/domain/rules.ts) when it lands. */
export interface RuleRef {
	id: string;
	/** Handbook section(s), e.g. "1.2". */
	handbook: string;
	/** The rule in one plain-English sentence. */
	text: string;
}

export interface Choice {
	id: string;
	label: string;
}

export interface Decision {
	/** Position in the log, from 0. */
	seq: number;
	/** The kind's step id, stable for a given case (e.g. "item-3"). */
	step: string;
	/** What the learner was asked, as they saw it. */
	prompt: string;
	/** The choices offered, for xAPI `choices`; empty for free-text steps. */
	choices: Choice[];
	/** What the learner did: the choice id(s) or value, and words for the debrief. */
	response: { value: string; text: string };
	/** The correct action(s): any one of them counts as correct. */
	correct: { values: string[]; text: string };
	outcome: DecisionOutcome;
	/** Points available for this step, and points awarded under the rubric named in the attempt. */
	maxPoints: number;
	points: number;
	outcomes: OutcomeId[];
	rule: RuleRef;
	/** Why the correct action is correct, for the debrief and for feedback as you go. */
	explanation: string;
	/** Milliseconds of active time (the timer pauses when the tab is hidden) spent on the step. */
	timeTakenMs: number;
	/** ISO time the decision was made, injected by the runtime. */
	at: string;
}

export interface HintRecord {
	step: string;
	text: string;
	cost: number;
	at: string;
}
