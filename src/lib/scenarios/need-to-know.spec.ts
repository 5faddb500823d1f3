import { describe, expect, it } from 'vitest';
import {
	markNeedToKnow,
	NEED_TO_KNOW,
	NEED_TO_KNOW_OUTCOME,
	needToKnowNote,
	openedSchema,
	unneededOpens
} from './need-to-know';

describe('need-to-know from the PAS audit trail', () => {
	it('lists each record opened without need once, in the order first opened', () => {
		expect(unneededOpens(['K3', 'K1', 'K3', 'K2'], ['K1'])).toEqual(['K3', 'K2']);
		expect(unneededOpens(undefined, ['K1'])).toEqual([]);
		expect(unneededOpens(['K1'], new Set(['K1']))).toEqual([]);
	});

	it('names the records and cites the rule and handbook section', () => {
		expect(needToKnowNote([], (x) => x)).toBe('');
		const note = needToKnowNote(['K2', 'K3'], (hn) => `patient ${hn}`);
		expect(note).toContain('patient K2 and patient K3');
		expect(note).toContain(`rule ${NEED_TO_KNOW.id}`);
		expect(note).toContain('handbook 3.5');
	});

	it('accepts a missing trail (answers saved before the PAS was embedded) and refuses nonsense', () => {
		expect(openedSchema.safeParse(undefined).success).toBe(true);
		expect(openedSchema.safeParse(['K1']).success).toBe(true);
		expect(openedSchema.safeParse([1]).success).toBe(false);
	});
});

describe('markNeedToKnow: one severity for every family', () => {
	const j = {
		outcome: 'correct' as const,
		response: { value: 'x', text: 'x' },
		correct: { values: ['x'], text: 'x' },
		maxPoints: 2,
		outcomes: [],
		rule: { id: 'ppi.three-identifiers', handbook: '1.6', text: 'Match three identifiers.' },
		explanation: 'Right.'
	};

	it.each([
		['correct', [], 'correct', 'ppi.three-identifiers'],
		['correct', ['K2'], NEED_TO_KNOW_OUTCOME, NEED_TO_KNOW.id],
		['major', ['K2'], 'major', 'ppi.three-identifiers'],
		['critical', ['K2'], 'critical', 'ppi.three-identifiers']
	] as const)('a %s step with %j opened without need becomes %s under %s', (was, extra, outcome, rule) => {
		const m = markNeedToKnow({ ...j, outcome: was }, extra, (hn) => hn);
		expect(m.outcome).toBe(outcome);
		expect(m.rule.id).toBe(rule);
		expect(m.explanation.includes('K2')).toBe(extra.length > 0);
	});
});
