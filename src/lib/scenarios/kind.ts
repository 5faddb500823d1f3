/**
 * The contract a scenario kind fulfils (see README.md in this folder). A kind is pure data and functions: no
 * Svelte, no Dexie, no clock. The shared machine frame (machine.ts) turns it into an XState machine; its screen
 * component is registered separately in src/lib/components/player/screens.ts so this folder stays UI-free.
 */
import type { z } from '$lib/scenarios/zod';
import type { Choice, DecisionOutcome, RuleRef } from './decisions';
import type { Family, ScenarioDefinition } from './definition';
import type { OutcomeId } from './outcomes';

/** What the learner sees at one step. `data` is for the kind's own screen component. */
export interface StepView<TData = unknown> {
	id: string;
	/** Position for "Item 2 of 8"; for branching kinds, the step's place on the longest path. */
	index: number;
	total: number;
	prompt: string;
	choices: Choice[];
	data: TData;
}

/** The kind's verdict on one answer. The frame adds seq, points, time and `at` to make the Decision. */
export interface Judgement {
	outcome: DecisionOutcome;
	response: { value: string; text: string };
	correct: { values: string[]; text: string };
	maxPoints: number;
	outcomes: OutcomeId[];
	rule: RuleRef;
	/** Why: shown in feedback and the debrief. Cite the handbook section ("handbook 1.2"). */
	explanation: string;
}

export interface ScenarioKind<TParams = unknown, TCase = unknown, TAnswer = unknown, TData = unknown> {
	/** Registry key, used in definitions' `kind`. */
	kind: string;
	family: Family;
	/** Bump when states, events or the meaning of an answer change: saved snapshots of older versions are replayed. */
	machineVersion: number;
	/** The kind's own definition settings. Give every field a clear message: trainers read them. */
	paramsSchema: z.ZodType<TParams>;
	/** Answers the learner can send. The machine rejects anything else, so scoring never trusts the UI. */
	answerSchema: z.ZodType<TAnswer>;
	/** (definition, seed, today) → the case the machine runs. Pure: the same inputs give the same case. */
	setup(definition: ScenarioDefinition<TParams>, seed: number, today: string): TCase;
	firstStep(c: TCase): string;
	view(c: TCase, stepId: string): StepView<TData>;
	judge(c: TCase, stepId: string, answer: TAnswer): Judgement;
	/** The step after this answer, or null when the scenario is complete. Branching kinds decide here. */
	next(c: TCase, stepId: string, answer: TAnswer): string | null;
	/** A hint for the step (practice mode only), or null if the step has none. */
	hint(c: TCase, stepId: string): string | null;
	/** Points available on a complete, perfect run: the denominator of the score. */
	possiblePoints(c: TCase): number;
	/** Every distinct answer worth trying at a step, for model-based tests (xstate/graph walks them all). */
	answerOptions(c: TCase, stepId: string): TAnswer[];
}

/** Any kind, for registries that hold many. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyScenarioKind = ScenarioKind<any, any, any, any>;
