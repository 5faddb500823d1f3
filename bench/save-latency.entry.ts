/**
 * Runs in real Chromium (bundled by save-latency.bench.ts): plays real scenarios with the real machine and times
 * each save exactly as the player does it: appendEvent = one event row + the attempt row with its snapshot.
 */
import { createActor } from 'xstate';
import { appendEvent, appendEventTo, createAttempt, type AttemptRow } from '../src/lib/db/attempts';
import { RecordsRoomDb } from '../src/lib/db/database';
import { parseDefinition, getBuiltInDefinition, getKind, machineFor } from '../src/lib/scenarios/registry';
import { machineInput } from '../src/lib/scenarios/resume';
import type { ScenarioEvent } from '../src/lib/scenarios/machine';

async function run(
	attempts: number,
	items: number,
	durability: 'default' | 'relaxed' | 'strict',
	path: 'held-row' | 'read-first' = 'held-row'
): Promise<number[]> {
	const db = new RecordsRoomDb(`bench-${items}-${performance.now()}`, {
		chromeTransactionDurability: durability
	});
	await db.open();
	const base = getBuiltInDefinition('nhs-number-check-realistic')!;
	const definition = parseDefinition({ ...base, params: { ...base.params, items } });
	const kind = getKind(definition.kind)!;
	const times: number[] = [];
	for (let a = 0; a < attempts; a++) {
		const id = `attempt-${a}`;
		let row: AttemptRow = await createAttempt(db, {
			id,
			profileId: 'p1',
			definitionId: definition.id,
			definitionVersion: definition.version,
			definition,
			machineId: kind.kind,
			machineVersion: kind.machineVersion,
			seed: a,
			today: '2026-11-25',
			startedAt: new Date().toISOString()
		});
		const actor = createActor(machineFor(kind), {
			input: machineInput(kind, definition, a, '2026-11-25')
		}).start();
		let elapsedMs = 0;
		const send = async (event: ScenarioEvent) => {
			actor.send(event);
			const snapshot = actor.getPersistedSnapshot();
			const t0 = performance.now();
			if (path === 'held-row') row = await appendEventTo(db, row, event, { snapshot, at: event.at });
			else await appendEvent(db, id, event, { snapshot, at: event.at });
			times.push(performance.now() - t0);
		};
		const stamp = () => ({ at: new Date().toISOString(), elapsedMs: (elapsedMs += 4000) });
		await send({ type: 'learner.start', ...stamp() });
		while (actor.getSnapshot().status === 'active') {
			const s = actor.getSnapshot();
			if (s.matches({ working: 'feedback' })) {
				await send({ type: 'learner.continue', ...stamp() });
				continue;
			}
			const options = kind.answerOptions(s.context.case, s.context.stepId);
			await send({ type: 'learner.answer', answer: options[a % options.length], ...stamp() });
		}
	}
	db.close();
	await db.delete();
	return times;
}

(window as unknown as { runBench: typeof run }).runBench = run;
