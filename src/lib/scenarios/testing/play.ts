/**
 * Plays a scenario to the end without a UI, answering each step with a chosen answer. Used by tests, benchmarks
 * and (later) family authors to check a kind end to end.
 */
import { createActor } from 'xstate';
import type { ScenarioDefinition } from '../definition';
import type { AnyScenarioKind } from '../kind';
import type { ScenarioSnapshot } from '../machine';
import { machineFor } from '../registry';

export interface PlayOptions {
	seed?: number;
	/** Picks the answer for a step; defaults to the first option the kind offers. */
	answer?: (stepId: string, options: unknown[], snapshot: ScenarioSnapshot) => unknown;
	/** Ask for a hint at these steps (practice only). */
	hintAt?: (stepId: string) => boolean;
	msPerStep?: number;
}

export function playThrough(kind: AnyScenarioKind, definition: ScenarioDefinition, opts: PlayOptions = {}) {
	const seed = opts.seed ?? 1;
	const actor = createActor(machineFor(kind), {
		input: { definition, case: kind.setup(definition, seed, '2026-11-25') }
	}).start();
	let elapsedMs = 0;
	const at = () => new Date(Date.UTC(2026, 10, 25, 10, 0, 0) + elapsedMs).toISOString();
	actor.send({ type: 'learner.start', at: at(), elapsedMs });
	for (let guard = 0; guard < 10_000 && actor.getSnapshot().status === 'active'; guard++) {
		const snap = actor.getSnapshot();
		elapsedMs += opts.msPerStep ?? 5000;
		if (snap.matches({ working: 'feedback' })) {
			actor.send({ type: 'learner.continue', at: at(), elapsedMs });
			continue;
		}
		const stepId = snap.context.stepId;
		if (opts.hintAt?.(stepId) && !snap.context.hints.some((h) => h.step === stepId)) {
			actor.send({ type: 'learner.requestHint', at: at(), elapsedMs });
		}
		const options = kind.answerOptions(snap.context.case, stepId);
		const answer = opts.answer ? opts.answer(stepId, options, snap) : options[0];
		actor.send({ type: 'learner.answer', answer, at: at(), elapsedMs });
	}
	return actor.getSnapshot();
}
