/**
 * Model-based test harness for scenario machines (issue 5): walks every reachable state of a kind's machine with
 * xstate/graph and reports dead ends and final states without a score. Family authors get this for free: the
 * spec in ../machine-model.spec.ts runs it for every registered kind and built-in definition.
 */
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { ScenarioDefinition } from '../definition';
import type { AnyScenarioKind } from '../kind';
import type { ScenarioEvent, ScenarioMachine, ScenarioSnapshot } from '../machine';

const AT = '2026-11-25T10:00:00.000Z';

/** Every event worth trying in a state: the kind's answers, one invalid answer, and the frame's own events. */
export function eventsFor(kind: AnyScenarioKind) {
	return (snapshot: ScenarioSnapshot): ScenarioEvent[] => {
		const ctx = snapshot.context;
		const stamp = { at: AT, elapsedMs: 1000 };
		const answers = snapshot.matches({ working: 'answering' })
			? kind
					.answerOptions(ctx.case, ctx.stepId)
					.map((answer) => ({ type: 'learner.answer' as const, answer, ...stamp }))
			: [];
		const limit = ctx.timeLimitMs;
		return [
			{ type: 'learner.start', ...stamp },
			...answers,
			{ type: 'learner.answer', answer: { nonsense: true }, ...stamp },
			{ type: 'learner.requestHint', ...stamp },
			{ type: 'learner.continue', ...stamp },
			{ type: 'learner.finish', ...stamp },
			{ type: 'learner.abandon', ...stamp },
			...(limit === null ? [] : [{ type: 'timer.tick' as const, at: AT, elapsedMs: limit }])
		];
	};
}

/**
 * States are told apart by where they are, not by the whole history, so the walk stays small: two runs at the
 * same step with the same number of decisions and hints behave alike.
 */
export function serializeState(s: ScenarioSnapshot): string {
	const c = s.context;
	return JSON.stringify([s.value, c.stepId, c.decisions.length, c.hints.length, c.endReason, s.status]);
}

export interface ModelReport {
	states: number;
	finals: number;
	deadEnds: string[];
	cannotFinish: string[];
	finalsWithoutScore: string[];
	shortestPathsToFinal: number;
}

export function checkMachineModel(
	machine: ScenarioMachine,
	kind: AnyScenarioKind,
	definition: ScenarioDefinition,
	seed: number
): ModelReport {
	const input = { definition, case: kind.setup(definition, seed, '2026-11-25') };
	const options = { input, events: eventsFor(kind), serializeState };
	const adj = getAdjacencyMap(machine, options);
	const keys = Object.keys(adj);
	const deadEnds: string[] = [];
	const finalsWithoutScore: string[] = [];
	const reverse = new Map<string, Set<string>>();
	const finals: string[] = [];
	for (const key of keys) {
		const { state, transitions } = adj[key as keyof typeof adj];
		if (state.status === 'done') {
			finals.push(key);
			const result = state.context.result;
			if (!result || typeof result.percent !== 'number' || state.output !== result)
				finalsWithoutScore.push(key);
			continue;
		}
		const targets = Object.values(transitions).map((t) => serializeState(t.state));
		if (!targets.some((t) => t !== key)) deadEnds.push(key);
		for (const t of targets) {
			if (!reverse.has(t)) reverse.set(t, new Set());
			reverse.get(t)!.add(key);
		}
	}
	// Every state must be able to reach some final state: walk backwards from the finals.
	const canFinish = new Set(finals);
	const queue = [...finals];
	while (queue.length) {
		for (const prev of reverse.get(queue.pop()!) ?? []) {
			if (!canFinish.has(prev)) {
				canFinish.add(prev);
				queue.push(prev);
			}
		}
	}
	const paths = getShortestPaths(machine, { ...options, toState: (s) => s.status === 'done' });
	return {
		states: keys.length,
		finals: finals.length,
		deadEnds,
		cannotFinish: keys.filter((k) => !canFinish.has(k)),
		finalsWithoutScore,
		shortestPathsToFinal: paths.length
	};
}
