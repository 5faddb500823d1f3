/**
 * Bringing a saved attempt back to life. A snapshot is only restored into the same machine version that made
 * it; after a machine change the event log is replayed into the new machine instead, and if the replay does not
 * reproduce the same decisions the attempt is superseded rather than forced into a machine it no longer fits
 * (architecture: "never forced into a changed machine").
 */
import { createActor, type Snapshot } from 'xstate';
import type { ScenarioDefinition } from './definition';
import type { AnyScenarioKind } from './kind';
import type { ScenarioEvent, ScenarioMachine } from './machine';

export interface SavedAttempt {
	definition: ScenarioDefinition;
	seed: number;
	today: string;
	machineVersion: number;
	snapshot: unknown;
	events: readonly ScenarioEvent[];
}

export type Restored =
	{ ok: true; snapshot: Snapshot<unknown>; how: 'snapshot' | 'replay' } | { ok: false; reason: string };

function decisionKeys(snapshot: unknown): string[] | null {
	type Saved = { step?: unknown; prompt?: unknown; outcome?: unknown; response?: { value?: unknown } };
	const decisions = (snapshot as { context?: { decisions?: Saved[] } })?.context?.decisions;
	if (!Array.isArray(decisions)) return null;
	// What was asked, what was answered and how it was judged: if any differ, the replay is not the same attempt.
	return decisions.map((d) => JSON.stringify([d?.step, d?.prompt, d?.response?.value, d?.outcome]));
}

/** The input a kind's machine starts from for a (definition, seed, today). */
export function machineInput(
	kind: AnyScenarioKind,
	definition: ScenarioDefinition,
	seed: number,
	today: string
) {
	return { definition, case: kind.setup(definition, seed, today) };
}

export function restoreAttempt(
	kind: AnyScenarioKind,
	machine: ScenarioMachine,
	saved: SavedAttempt
): Restored {
	const input = machineInput(kind, saved.definition, saved.seed, saved.today);
	if (saved.machineVersion === kind.machineVersion && saved.snapshot) {
		const actor = createActor(machine, { input, snapshot: saved.snapshot as Snapshot<unknown> });
		actor.start();
		const s = actor.getSnapshot();
		actor.stop();
		if (s.status !== 'error')
			return { ok: true, snapshot: saved.snapshot as Snapshot<unknown>, how: 'snapshot' };
	}
	try {
		const actor = createActor(machine, { input });
		actor.start();
		for (const event of saved.events) actor.send(event);
		const s = actor.getSnapshot();
		const persisted = actor.getPersistedSnapshot();
		actor.stop();
		if (s.status === 'error') return { ok: false, reason: 'The saved steps no longer fit this scenario.' };
		const before = decisionKeys(saved.snapshot);
		const after = decisionKeys(persisted);
		if (before && after && before.join('|') !== after.join('|')) {
			return {
				ok: false,
				reason:
					'This scenario has changed since the attempt was saved, so the same answers would now mean something different.'
			};
		}
		return { ok: true, snapshot: persisted, how: 'replay' };
	} catch {
		return { ok: false, reason: 'The saved steps no longer fit this scenario.' };
	}
}
