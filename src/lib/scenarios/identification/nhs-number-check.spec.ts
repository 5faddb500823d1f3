import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../../domain/nhs-number';
import { createActor } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { getBuiltInDefinition, getKind, machineFor, parseDefinition } from '../registry';
import { pointsFor } from '../rubric';
import { eventsFor, serializeState } from '../testing/model';
import { playThrough } from '../testing/play';
import { buildTray, nhsNumberCheck, type NhsCheckAnswer, type NhsCheckCase } from './nhs-number-check';

const realistic = getBuiltInDefinition('nhs-number-check-realistic')!;
const assessment = getBuiltInDefinition('nhs-number-check-assessment')!;
const gentle = getBuiltInDefinition('nhs-number-check-gentle')!;

/** The right answer, worked out from the case (what a perfect learner would do). */
function perfect(c: NhsCheckCase, stepId: string): NhsCheckAnswer {
	const item = c.items.find((i) => i.id === stepId)!;
	if (item.truth === 'valid') return { verdict: 'accept' };
	return { verdict: 'reject', errorKind: item.truth };
}

describe('Spot the wrong NHS number: the tray', () => {
	it('is the same tray for the same seed and a different one for another seed', () => {
		const p = realistic.params as Parameters<typeof buildTray>[0];
		expect(buildTray(p, 7)).toEqual(buildTray(p, 7));
		expect(buildTray(p, 7).items.map((i) => i.shown)).not.toEqual(buildTray(p, 8).items.map((i) => i.shown));
	});

	it('only ever shows 999-range numbers, valid ones passing Mod 11 and wrong ones failing it', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 2 ** 31 }),
				fc.integer({ min: 2, max: 30 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(seed, items, invalidShare) => {
					const tray = buildTray(
						{ items, invalidShare, errorKinds: ['single-digit', 'transposition'], askErrorKind: true },
						seed
					);
					expect(tray.items).toHaveLength(items);
					expect(new Set(tray.items.map((i) => i.shown)).size).toBe(items);
					expect(tray.items.some((i) => i.truth === 'valid')).toBe(true);
					expect(tray.items.some((i) => i.truth !== 'valid')).toBe(true);
					for (const item of tray.items) {
						expect(item.shown.startsWith('999')).toBe(true);
						expect(isValidNhsNumber(item.source)).toBe(true);
						expect(isValidNhsNumber(item.shown)).toBe(item.truth === 'valid');
						if (item.truth === 'transposition') {
							const diffs = [...item.shown].filter((d, i) => d !== item.source[i]).length;
							expect(diffs).toBe(2);
						}
						if (item.truth === 'single-digit') {
							expect([...item.shown].filter((d, i) => d !== item.source[i]).length).toBe(1);
						}
					}
				}
			),
			{ numRuns: 200 }
		);
	});
});

describe('Spot the wrong NHS number: judging', () => {
	const c = buildTray(realistic.params as Parameters<typeof buildTray>[0], 3);
	const valid = c.items.find((i) => i.truth === 'valid')!;
	const wrong = c.items.find((i) => i.truth !== 'valid')!;

	it('accepting a valid number is correct, rejecting it is a minor error', () => {
		expect(nhsNumberCheck.judge(c, valid.id, { verdict: 'accept' }).outcome).toBe('correct');
		expect(nhsNumberCheck.judge(c, valid.id, { verdict: 'reject', errorKind: 'not-sure' }).outcome).toBe(
			'minor'
		);
	});

	it('accepting a wrong number is critical and the feedback cites handbook 1.2', () => {
		const j = nhsNumberCheck.judge(c, wrong.id, { verdict: 'accept' });
		expect(j.outcome).toBe('critical');
		expect(j.explanation).toContain('handbook 1.2');
		expect(j.rule).toMatchObject({ handbook: '1.2' });
	});

	it('rejecting with the right kind of error is correct; the wrong kind or not sure is minor', () => {
		const kind = wrong.truth as 'single-digit' | 'transposition';
		const other = kind === 'single-digit' ? 'transposition' : 'single-digit';
		expect(nhsNumberCheck.judge(c, wrong.id, { verdict: 'reject', errorKind: kind }).outcome).toBe('correct');
		expect(nhsNumberCheck.judge(c, wrong.id, { verdict: 'reject', errorKind: other }).outcome).toBe('minor');
		expect(nhsNumberCheck.judge(c, wrong.id, { verdict: 'reject', errorKind: 'not-sure' }).outcome).toBe(
			'minor'
		);
	});

	it('offers a hint that walks through the weighting', () => {
		expect(nhsNumberCheck.hint(c, valid.id)).toContain(`${valid.shown[0]}×10`);
	});
});

describe('Spot the wrong NHS number: whole runs', () => {
	const kind = getKind('nhs-number-check')!;

	it('a perfect run scores full marks and passes', () => {
		const end = playThrough(kind, assessment, {
			answer: (stepId, _o, snap) => perfect(snap.context.case as NhsCheckCase, stepId)
		});
		expect(end.value).toBe('finished');
		expect(end.context.result).toMatchObject({ percent: 100, passed: true, points: 20, possiblePoints: 20 });
		expect(end.context.decisions).toHaveLength(10);
	});

	it('accepting everything in the assessment fails on critical errors', () => {
		const end = playThrough(kind, assessment, { answer: () => ({ verdict: 'accept' }) });
		const result = end.context.result!;
		expect(result.passed).toBe(false);
		expect(result.criticalErrors).toHaveLength(5);
		expect(result.failReason).toContain('critical');
	});

	it('hints in practice cost their points and are recorded', () => {
		const end = playThrough(kind, gentle, {
			hintAt: () => true,
			answer: (stepId, _o, snap) => perfect(snap.context.case as NhsCheckCase, stepId)
		});
		expect(end.context.hints).toHaveLength(5);
		expect(end.context.result).toMatchObject({ points: 5, possiblePoints: 10, hintPenalty: 5, percent: 50 });
	});
});

describe('Spot the wrong NHS number: every path on a small tray', () => {
	const kind = getKind('nhs-number-check')!;
	const small = parseDefinition({
		...realistic,
		timeLimitMinutes: 5,
		params: { ...realistic.params, items: 2, askErrorKind: false }
	});

	it('every simple path to a final state ends with a score that matches its decisions', () => {
		const machine = machineFor(kind);
		const paths = getSimplePaths(machine, {
			input: { definition: small, case: kind.setup(small, 4, '2026-11-25') },
			events: eventsFor(kind),
			serializeState,
			toState: (s) => s.status === 'done'
		});
		expect(paths.length).toBeGreaterThan(10);
		for (const path of paths) {
			const result = path.state.context.result!;
			expect(result).not.toBeNull();
			const expected = path.state.context.decisions.reduce(
				(sum, d) => sum + pointsFor(d.outcome, d.maxPoints),
				0
			);
			const hints = path.state.context.hints.length * small.hints.cost;
			expect(result.points).toBe(Math.max(0, expected - hints));
			expect(result.possiblePoints).toBe(4);
		}
	});

	it('ends the attempt when time runs out, scoring only what was answered', () => {
		const actor = createActor(machineFor(kind), {
			input: { definition: small, case: kind.setup(small, 4, '2026-11-25') }
		}).start();
		actor.send({ type: 'learner.start', at: '2026-11-25T10:00:00.000Z', elapsedMs: 0 });
		actor.send({ type: 'timer.tick', at: '2026-11-25T10:04:00.000Z', elapsedMs: 240_000 });
		expect(actor.getSnapshot().status).toBe('active');
		actor.send({ type: 'timer.tick', at: '2026-11-25T10:05:00.000Z', elapsedMs: 300_000 });
		expect(actor.getSnapshot().value).toBe('finished');
		expect(actor.getSnapshot().context.result).toMatchObject({
			endReason: 'time-up',
			percent: 0,
			passed: false
		});
	});
});
