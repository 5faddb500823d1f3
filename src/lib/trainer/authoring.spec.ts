import { describe, expect, it } from 'vitest';
import { getKind, parseDefinition } from '$lib/scenarios/registry';
import { blankDefinition, checkDefinition, copyOfBuiltIn, fieldDomId, fieldFor, slugify } from './authoring';

const kind = getKind('nhs-number-check')!;

describe('scenario editor helpers', () => {
	it('a blank definition of a kind needs only an id, title and briefing to be valid', () => {
		const blank = blankDefinition(kind);
		expect(checkDefinition(blank).map((p) => p.path)).toEqual(['id', 'title', 'briefing']);
		const filled = { ...blank, id: 'my-tray', title: 'My tray', briefing: 'Check them.' };
		expect(checkDefinition(filled)).toEqual([]);
		expect(parseDefinition(filled).id).toBe('my-tray');
	});

	it('a copy of a built-in one only needs a new id', () => {
		const copy = copyOfBuiltIn('nhs-number-check-realistic')!;
		expect(checkDefinition(copy).map((p) => p.path)).toEqual(['id']);
		expect(checkDefinition({ ...copy, id: 'nhs-number-check-realistic' })[0]).toMatchObject({ path: 'id' });
		expect(copyOfBuiltIn('no-such-thing')).toBeUndefined();
	});

	it('reports frame and params problems together, and hints in an assessment', () => {
		const bad = {
			...copyOfBuiltIn('nhs-number-check-gentle')!,
			id: 'x',
			passMark: 150,
			mode: 'assessment',
			params: { items: 50, invalidShare: 0.5, errorKinds: [], askErrorKind: 'yes' }
		};
		const paths = checkDefinition(bad).map((p) => p.path);
		expect(paths).toEqual(
			expect.arrayContaining([
				'passMark',
				'params.items',
				'params.errorKinds',
				'params.askErrorKind',
				'hints.allowed'
			])
		);
	});

	it('reports an unknown kind and a family that does not match the kind', () => {
		const base = { ...blankDefinition(kind), id: 'a', title: 'A', briefing: 'B' };
		expect(checkDefinition({ ...base, kind: 'no-such-kind' })).toEqual([
			expect.objectContaining({ path: 'kind' })
		]);
		expect(checkDefinition({ ...base, family: 'phone' })).toEqual([
			expect.objectContaining({ path: 'family' })
		]);
	});

	it('maps a problem to the nearest field the form has', () => {
		const known = new Set(['outcomes', 'params.callers', 'title']);
		expect(fieldFor('outcomes.2', known)).toBe('outcomes');
		expect(fieldFor('params.callers.0.type', known)).toBe('params.callers');
		expect(fieldFor('nowhere', known)).toBe('');
		expect(fieldDomId('params.items')).toBe('field-params-items');
		expect(fieldDomId('')).toBe('field-general');
	});

	it('makes ids from titles', () => {
		expect(slugify('Ward letters: week 1!')).toBe('ward-letters-week-1');
		expect(slugify('***')).toBe('');
	});
});
