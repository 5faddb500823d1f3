import { describe, expect, it } from 'vitest';
import { NEED_TO_KNOW, needToKnowNote, openedSchema, unneededOpens } from './need-to-know';

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
