import { describe, expect, it } from 'vitest';
import { z } from '$lib/scenarios/zod';
import { listKinds } from '$lib/scenarios/registry';
import { humanise, paramFields } from './param-fields';

describe('param fields from a kind schema', () => {
	it('gives the built-in NHS number kind a field per parameter', () => {
		const kind = listKinds().find((k) => k.kind === 'nhs-number-check')!;
		expect(paramFields(kind.paramsSchema)).toEqual([
			{ key: 'items', label: 'Items', type: 'integer', min: 2, max: 30, hint: undefined },
			{ key: 'invalidShare', label: 'Invalid share', type: 'number', min: 0, max: 1, hint: undefined },
			{
				key: 'errorKinds',
				label: 'Error kinds',
				type: 'choices',
				options: ['single-digit', 'transposition'],
				hint: undefined
			},
			{ key: 'askErrorKind', label: 'Ask error kind', type: 'boolean', hint: undefined }
		]);
	});

	it('falls back to a JSON box for nested parameters and uses descriptions as hints', () => {
		const fields = paramFields(
			z.object({
				callers: z.array(z.object({ type: z.string() })),
				mode: z.enum(['a', 'b']).describe('How the caller rings'),
				note: z.string()
			})
		);
		expect(fields?.map((f) => [f.key, f.type, f.hint])).toEqual([
			['callers', 'json', undefined],
			['mode', 'choice', 'How the caller rings'],
			['note', 'text', undefined]
		]);
	});

	it('returns null for a schema that is not an object of named parameters', () => {
		expect(paramFields(z.array(z.number()))).toBeNull();
	});

	it('every registered kind yields fields or the whole-params JSON box without throwing', () => {
		for (const kind of listKinds()) expect(() => paramFields(kind.paramsSchema)).not.toThrow();
	});

	it('turns keys into plain labels', () => {
		expect(humanise('askErrorKind')).toBe('Ask error kind');
		expect(humanise('retention_batch-size')).toBe('Retention batch size');
	});
});
