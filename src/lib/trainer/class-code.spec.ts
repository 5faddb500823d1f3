import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DEFINITIONS } from '$lib/scenarios/registry';
import {
	CLASS_CODE_ALPHABET,
	CLASS_CODE_MAX_SEED,
	classCodeFor,
	decodeClassCode,
	resolveClassCode,
	scenarioHash
} from './class-code';

const slug = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,4}$/);
const seed = fc.integer({ min: 0, max: CLASS_CODE_MAX_SEED });

describe('class codes', () => {
	it('round-trips any scenario id and case number (property)', () => {
		fc.assert(
			fc.property(slug, seed, (id, s) => {
				const code = classCodeFor(id, s);
				expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
				const match = resolveClassCode(code, [{ id }]);
				expect(match).toEqual({ ok: true, scenario: { id }, seed: s });
			})
		);
	});

	it('reads codes typed in lower case, with spaces, or with O, I and L for 0, 1 and 1', () => {
		const code = classCodeFor('nhs-number-check-gentle', 42);
		const sloppy = ` ${code.toLowerCase().replace(/-/g, ' ')} `.replace(/0/g, 'o').replace(/1/g, 'l');
		const decoded = decodeClassCode(sloppy);
		expect(decoded.ok && decoded.seed).toBe(42);
	});

	it('catches every single mistyped character (property)', () => {
		fc.assert(
			fc.property(slug, seed, fc.nat(8), fc.nat(31), (id, s, pos, replacement) => {
				const plain = classCodeFor(id, s).replace(/-/g, '');
				const swapped = CLASS_CODE_ALPHABET[replacement];
				fc.pre(plain[pos] !== swapped);
				const typo = plain.slice(0, pos) + swapped + plain.slice(pos + 1);
				const decoded = decodeClassCode(typo);
				expect(decoded.ok).toBe(false);
				expect(!decoded.ok && decoded.problem).toBe('check');
			})
		);
	});

	it('catches every swap of two neighbouring characters (property)', () => {
		fc.assert(
			fc.property(slug, seed, fc.nat(7), (id, s, pos) => {
				const plain = classCodeFor(id, s).replace(/-/g, '');
				fc.pre(plain[pos] !== plain[pos + 1]);
				const typo = plain.slice(0, pos) + plain[pos + 1] + plain[pos] + plain.slice(pos + 2);
				expect(decodeClassCode(typo).ok).toBe(false);
			})
		);
	});

	it('never throws on anything typed (property)', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 40 }), (typed) => {
				const decoded = decodeClassCode(typed);
				if (!decoded.ok) expect(decoded.message.length).toBeGreaterThan(20);
			})
		);
	});

	it('says what is wrong in plain English', () => {
		expect(decodeClassCode('')).toMatchObject({ problem: 'empty' });
		expect(decodeClassCode('ABC-DEF')).toMatchObject({
			problem: 'length',
			message: expect.stringContaining('you typed 6')
		});
		expect(decodeClassCode('ABC-DEF-GHU')).toMatchObject({
			problem: 'bad-character',
			message: expect.stringContaining('the letter U')
		});
		expect(decodeClassCode('ABC-DEF-GH!')).toMatchObject({
			problem: 'bad-character',
			message: expect.stringContaining('symbol "!"')
		});
	});

	it('says when the scenario is not on this PC, pointing at scenario packs', () => {
		const result = resolveClassCode(classCodeFor('ward-7-letters', 3), BUILT_IN_DEFINITIONS);
		expect(result).toMatchObject({ ok: false, problem: 'not-here' });
		expect(!result.ok && result.message).toContain('scenario pack');
	});

	it('gives every built-in scenario its own code', () => {
		const hashes = new Set(BUILT_IN_DEFINITIONS.map((d) => scenarioHash(d.id)));
		expect(hashes.size).toBe(BUILT_IN_DEFINITIONS.length);
		for (const d of BUILT_IN_DEFINITIONS) {
			const match = resolveClassCode(classCodeFor(d.id, 7), BUILT_IN_DEFINITIONS);
			expect(match.ok && match.scenario.id).toBe(d.id);
		}
	});

	it('refuses to guess when two scenarios share a code', () => {
		const twins = [{ id: 'a' }, { id: 'a' }];
		expect(resolveClassCode(classCodeFor('a', 1), twins)).toMatchObject({ ok: false, problem: 'ambiguous' });
	});

	it('only carries case numbers up to its limit', () => {
		expect(() => classCodeFor('a', CLASS_CODE_MAX_SEED + 1)).toThrow(RangeError);
		expect(() => classCodeFor('a', -1)).toThrow(RangeError);
	});
});
