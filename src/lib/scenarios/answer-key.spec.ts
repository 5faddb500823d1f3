import { describe, expect, it } from 'vitest';
import { answerKey } from './answer-key';
import { BUILT_IN_DEFINITIONS, getKind } from './registry';
import { playThrough } from './testing/play';

describe('answer key', () => {
	for (const definition of BUILT_IN_DEFINITIONS) {
		it(`lists every step of "${definition.id}" with a correct answer that scores full marks`, () => {
			const kind = getKind(definition.kind)!;
			const key = answerKey(kind, definition, 42, '2026-11-25');
			expect(key.length).toBeGreaterThan(0);
			for (const step of key) {
				expect(step.correct).not.toBe('');
				expect(step.rule.handbook).not.toBe('');
			}
			// Following the key's answers is a perfect run.
			const c = kind.setup(definition, 42, '2026-11-25');
			const end = playThrough(kind, definition, {
				seed: 42,
				answer: (stepId, options) =>
					options.find((a) => kind.judge(c, stepId, a).outcome === 'correct') ?? options[0]
			});
			expect(end.context.decisions.map((d) => d.step)).toEqual(key.map((s) => s.stepId));
			expect(end.context.decisions.map((d) => d.correct.text)).toEqual(key.map((s) => s.correct));
			expect(end.context.result?.percent).toBe(100);
		});
	}

	it('is the same for the same seed and differs for another', () => {
		const definition = BUILT_IN_DEFINITIONS[1];
		const kind = getKind(definition.kind)!;
		expect(answerKey(kind, definition, 5, '2026-11-25')).toEqual(
			answerKey(kind, definition, 5, '2026-11-25')
		);
		expect(answerKey(kind, definition, 5, '2026-11-25')).not.toEqual(
			answerKey(kind, definition, 6, '2026-11-25')
		);
	});
});
