import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { NhsCheckAnswer } from './identification/nhs-number-check';
import type { AnyScenarioKind } from './kind';
import { createScenarioMachine, type ScenarioEvent, type ScenarioMachine } from './machine';
import { getBuiltInDefinition, getKind, machineFor } from './registry';
import { machineInput, restoreAttempt, type Restored } from './resume';

const def = getBuiltInDefinition('nhs-number-check-realistic')!;
const kind = getKind(def.kind)!;
const stamp = (s: number) => ({
	at: `2026-11-25T10:00:${String(s).padStart(2, '0')}.000Z`,
	elapsedMs: s * 1000
});

function halfPlayed() {
	const events: ScenarioEvent[] = [{ type: 'learner.start', ...stamp(0) }];
	for (let i = 1; i <= 3; i++) {
		events.push({
			type: 'learner.answer',
			answer: { verdict: 'accept' } satisfies NhsCheckAnswer,
			...stamp(i * 2)
		});
		events.push({ type: 'learner.continue', ...stamp(i * 2 + 1) });
	}
	const actor = createActor(machineFor(kind), { input: machineInput(kind, def, 5, '2026-11-25') }).start();
	for (const e of events) actor.send(e);
	return { events, snapshot: actor.getPersistedSnapshot(), live: actor.getSnapshot() };
}

function snapshotOf(r: Restored) {
	if (!r.ok) throw new Error(r.reason);
	return r.snapshot;
}

describe('restoring a saved attempt', () => {
	it('restores the snapshot into the same machine version, exactly where the learner was', () => {
		const { events, snapshot, live } = halfPlayed();
		const r = restoreAttempt(kind, machineFor(kind), {
			definition: def,
			seed: 5,
			today: '2026-11-25',
			machineVersion: 1,
			snapshot,
			events
		});
		expect(r.ok && r.how).toBe('snapshot');
		const actor = createActor(machineFor(kind), {
			input: machineInput(kind, def, 5, '2026-11-25'),
			snapshot: snapshotOf(r) as never
		}).start();
		expect(actor.getSnapshot().context.stepId).toBe(live.context.stepId);
		expect(actor.getSnapshot().context.decisions).toEqual(live.context.decisions);
	});

	it('replays the event log when the machine version has changed', () => {
		const { events, snapshot, live } = halfPlayed();
		const newer: AnyScenarioKind = { ...kind, machineVersion: 2 };
		const r = restoreAttempt(newer, createScenarioMachine(newer) as unknown as ScenarioMachine, {
			definition: def,
			seed: 5,
			today: '2026-11-25',
			machineVersion: 1,
			snapshot,
			events
		});
		expect(r.ok && r.how).toBe('replay');
		expect((snapshotOf(r) as unknown as { context: typeof live.context }).context.decisions).toEqual(
			live.context.decisions
		);
	});

	it('supersedes the attempt when a changed kind would judge the same answers differently', () => {
		const { events, snapshot } = halfPlayed();
		const changed: AnyScenarioKind = {
			...kind,
			machineVersion: 2,
			setup: (d, _seed, today) => kind.setup(d, 999, today)
		};
		const r = restoreAttempt(changed, createScenarioMachine(changed) as unknown as ScenarioMachine, {
			definition: def,
			seed: 5,
			today: '2026-11-25',
			machineVersion: 1,
			snapshot,
			events
		});
		expect(r).toEqual({
			ok: false,
			reason: expect.stringContaining('has changed since the attempt was saved')
		});
	});
});
