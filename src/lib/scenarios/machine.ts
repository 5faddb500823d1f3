/**
 * The shared machine frame. Every scenario kind runs in the same frame:
 *
 *   briefing ──learner.start──► working (answering ⇄ feedback, advancing) ──► finished (final, scored)
 *        └──────────────── learner.abandon ──────────────┴────────────────► abandoned (final, scored)
 *
 * The kind supplies the steps (view, judge, next, hint); the frame owns step progression, hints, the clock,
 * abandoning, finishing and the decision log. Machines are pure: no `invoke`, no `after`. The runtime sends
 * `timer.tick` in, and every event carries the time it happened (`at`) and the active time so far
 * (`elapsedMs`), so replaying a saved event log reproduces the attempt exactly.
 */
import { and, assign, not, setup, type SnapshotFrom } from 'xstate';
import type { Decision, HintRecord } from './decisions';
import type { ScenarioDefinition } from './definition';
import type { AnyScenarioKind, ScenarioKind } from './kind';
import { pointsFor } from './rubric';
import { scoreAttempt, type EndReason, type ScoreResult } from './scoring';

/** Learner events carry the moment they happened and the active time so far, both injected by the runtime. */
interface Stamp {
	at: string;
	elapsedMs: number;
}

export type ScenarioEvent<TAnswer = unknown> =
	| ({ type: 'learner.start' } & Stamp)
	| ({ type: 'learner.answer'; answer: TAnswer } & Stamp)
	| ({ type: 'learner.requestHint' } & Stamp)
	| ({ type: 'learner.continue' } & Stamp)
	| ({ type: 'learner.finish' } & Stamp)
	| ({ type: 'learner.abandon' } & Stamp)
	| ({ type: 'timer.tick' } & Stamp);

export interface ScenarioInput<TCase = unknown> {
	definition: ScenarioDefinition;
	case: TCase;
}

export interface ScenarioContext<TCase = unknown> {
	definition: ScenarioDefinition;
	case: TCase;
	possiblePoints: number;
	timeLimitMs: number | null;
	stepId: string;
	/** Where the last answer leads: the kind's `next`, or null at the end. */
	nextStepId: string | null;
	/** Steps answered so far, in order: the path taken. */
	path: string[];
	stepStartedMs: number;
	elapsedMs: number;
	decisions: Decision[];
	hints: HintRecord[];
	endReason: EndReason | null;
	result: ScoreResult | null;
}

/** Builds the XState machine for a kind. Call once per kind, at module level, and register the result. */
export function createScenarioMachine<TParams, TCase, TAnswer, TData>(
	kind: ScenarioKind<TParams, TCase, TAnswer, TData>
) {
	type Ev = ScenarioEvent<TAnswer>;

	const answerOf = (event: Ev) => (event as Extract<Ev, { type: 'learner.answer' }>).answer;

	return setup({
		types: {} as {
			context: ScenarioContext<TCase>;
			events: Ev;
			input: ScenarioInput<TCase>;
			output: ScoreResult;
		},
		guards: {
			isValidAnswer: ({ event }) =>
				event.type === 'learner.answer' && kind.answerSchema.safeParse(answerOf(event)).success,
			isTimeUp: ({ context, event }) =>
				context.timeLimitMs !== null && event.elapsedMs >= context.timeLimitMs,
			isPractice: ({ context }) => context.definition.mode === 'practice',
			hasNextStep: ({ context }) => context.nextStepId !== null,
			canRequestHint: ({ context }) =>
				context.definition.mode === 'practice' &&
				context.definition.hints.allowed &&
				!context.hints.some((h) => h.step === context.stepId) &&
				kind.hint(context.case, context.stepId) !== null
		},
		actions: {
			advanceClock: assign({
				elapsedMs: ({ context, event }) => Math.max(context.elapsedMs, event.elapsedMs)
			}),
			startStepClock: assign({ stepStartedMs: ({ context }) => context.elapsedMs }),
			recordDecision: assign({
				decisions: ({ context, event }) => {
					const answer = answerOf(event);
					const j = kind.judge(context.case, context.stepId, answer);
					const decision: Decision = {
						seq: context.decisions.length,
						step: context.stepId,
						prompt: kind.view(context.case, context.stepId).prompt,
						choices: kind.view(context.case, context.stepId).choices,
						response: j.response,
						correct: j.correct,
						outcome: j.outcome,
						maxPoints: j.maxPoints,
						points: pointsFor(j.outcome, j.maxPoints),
						outcomes: j.outcomes,
						rule: j.rule,
						explanation: j.explanation,
						timeTakenMs: Math.max(0, event.elapsedMs - context.stepStartedMs),
						at: event.at
					};
					return [...context.decisions, decision];
				},
				path: ({ context }) => [...context.path, context.stepId],
				nextStepId: ({ context, event }) => kind.next(context.case, context.stepId, answerOf(event))
			}),
			goToNextStep: assign({
				stepId: ({ context }) => context.nextStepId ?? context.stepId,
				stepStartedMs: ({ context }) => context.elapsedMs
			}),
			recordHint: assign({
				hints: ({ context, event }) => [
					...context.hints,
					{
						step: context.stepId,
						text: kind.hint(context.case, context.stepId) ?? '',
						cost: context.definition.hints.cost,
						at: event.at
					}
				]
			}),
			endCompleted: assign({ endReason: 'completed' as EndReason }),
			endTimeUp: assign({ endReason: 'time-up' as EndReason }),
			endStoppedEarly: assign({ endReason: 'stopped-early' as EndReason }),
			endAbandoned: assign({ endReason: 'abandoned' as EndReason }),
			scoreAttempt: assign({
				result: ({ context }) =>
					scoreAttempt(context.definition, {
						decisions: context.decisions,
						hints: context.hints,
						possiblePoints: context.possiblePoints,
						elapsedMs: context.elapsedMs,
						endReason: context.endReason ?? 'completed'
					})
			})
		}
	}).createMachine({
		id: kind.kind,
		version: String(kind.machineVersion),
		context: ({ input }) => ({
			definition: input.definition,
			case: input.case,
			possiblePoints: kind.possiblePoints(input.case),
			timeLimitMs:
				input.definition.timeLimitMinutes === null ? null : input.definition.timeLimitMinutes * 60_000,
			stepId: kind.firstStep(input.case),
			nextStepId: null,
			path: [],
			stepStartedMs: 0,
			elapsedMs: 0,
			decisions: [],
			hints: [],
			endReason: null,
			result: null
		}),
		initial: 'briefing',
		states: {
			briefing: {
				on: {
					'learner.start': { target: 'working', actions: ['advanceClock', 'startStepClock'] },
					'learner.abandon': { target: 'abandoned', actions: ['advanceClock', 'endAbandoned'] }
				}
			},
			working: {
				initial: 'answering',
				on: {
					'timer.tick': [
						{ guard: 'isTimeUp', target: 'finished', actions: ['advanceClock', 'endTimeUp'] },
						{ actions: 'advanceClock' }
					],
					'learner.finish': { target: 'finished', actions: ['advanceClock', 'endStoppedEarly'] },
					'learner.abandon': { target: 'abandoned', actions: ['advanceClock', 'endAbandoned'] }
				},
				states: {
					answering: {
						on: {
							'learner.answer': [
								{
									guard: 'isTimeUp',
									target: '#' + kind.kind + '.finished',
									actions: ['advanceClock', 'endTimeUp']
								},
								{
									guard: and(['isValidAnswer', 'isPractice']),
									target: 'feedback',
									actions: ['advanceClock', 'recordDecision']
								},
								{
									guard: and(['isValidAnswer', not('isPractice')]),
									target: 'advancing',
									actions: ['advanceClock', 'recordDecision']
								}
							],
							'learner.requestHint': { guard: 'canRequestHint', actions: ['advanceClock', 'recordHint'] }
						}
					},
					feedback: {
						on: { 'learner.continue': { target: 'advancing', actions: 'advanceClock' } }
					},
					advancing: {
						always: [
							{ guard: 'hasNextStep', target: 'answering', actions: 'goToNextStep' },
							{ target: '#' + kind.kind + '.finished', actions: 'endCompleted' }
						]
					}
				}
			},
			finished: { type: 'final', entry: 'scoreAttempt' },
			abandoned: { type: 'final', entry: 'scoreAttempt' }
		},
		output: ({ context }) => context.result as ScoreResult
	});
}

export type ScenarioMachine = ReturnType<typeof createScenarioMachine<unknown, unknown, unknown, unknown>>;
export type ScenarioSnapshot = SnapshotFrom<ScenarioMachine>;

/** The machine's id and version, as stored with an attempt. */
export function machineIdentity(kind: AnyScenarioKind): { machineId: string; machineVersion: number } {
	return { machineId: kind.kind, machineVersion: kind.machineVersion };
}
