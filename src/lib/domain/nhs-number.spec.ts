import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkDigitFor,
	classifyNhsNumberError,
	formatNhsNumber,
	generateTestNhsNumber,
	isPlausibleNhsNumber,
	isTestRangeNhsNumber,
	isValidNhsNumber,
	normaliseNhsNumber,
	nhsNumberPlausibility,
	parseNhsNumber
} from './nhs-number';

/** A deterministic random source for generator tests (mulberry32). */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const validNumber = fc
	.integer({ min: 0, max: 999_999_999 })
	.map((n) => String(n).padStart(9, '0'))
	.filter((stem) => checkDigitFor(stem) !== null)
	.map((stem) => `${stem}${checkDigitFor(stem)}`);

describe('isValidNhsNumber (handbook 1.2)', () => {
	it.each([
		['943 476 5919', true, '1.2 worked example'],
		['9434765919', true, '1.2 worked example without spaces'],
		['943-476-5919', true, '1.1 typed with dashes'],
		['  943 476 5919\t', true, '1.1 stray whitespace'],
		['987 654 4321', false, '1.2 caution: public example fails (check digit should be 2)'],
		['987 654 4322', true, '1.2 caution: corrected check digit'],
		['999 123 4560', false, '1.2 caution: remainder 1 stem'],
		['999 123 4561', false, '1.2 remainder 1: no last digit can fix it'],
		['000 000 0000', true, '1.2 passes the checksum (but is not plausible)'],
		['943 476 591', false, '1.1 nine digits'],
		['943 476 59190', false, '1.1 eleven digits'],
		['943 476 591X', false, '1.1 letters'],
		['JRDAN 269', false, '1.1 old-style number'],
		['', false, '1.1 empty']
	])('%s → %s (%s)', (input, expected) => {
		expect(isValidNhsNumber(input)).toBe(expected);
	});

	it('never throws on arbitrary strings', () => {
		fc.assert(fc.property(fc.string(), (s) => typeof isValidNhsNumber(s) === 'boolean'));
	});
});

describe('checkDigitFor (handbook 1.2)', () => {
	it.each([
		['943476591', 9, '1.2 worked example: 299 mod 11 = 2'],
		['987654432', 2, '1.2 caution: expected check digit 2'],
		['999123456', null, '1.2 remainder 1'],
		['000000000', 0, '1.2 remainder 0 gives check digit 0'],
		['12345678', null, '1.1 wrong length']
	])('%s → %s (%s)', (stem, expected, _note) => {
		expect(checkDigitFor(stem)).toBe(expected);
	});
});

describe('formatNhsNumber and parseNhsNumber (handbook 1.1)', () => {
	it('formats 3-3-4', () => {
		expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
		expect(formatNhsNumber('943-476 5919')).toBe('943 476 5919');
	});
	it('throws a RangeError on an invalid number', () => {
		expect(() => formatNhsNumber('987 654 4321')).toThrow(RangeError);
	});
	it.each([
		['', 'empty'],
		['   ', 'empty'],
		['943 476 591A', 'not-digits'],
		['943476591', 'wrong-length'],
		['999 123 4560', 'no-check-digit-possible'],
		['943 476 5918', 'check-digit-mismatch']
	])('%j → %s (handbook 1.1-1.2)', (input, error) => {
		const r = parseNhsNumber(input);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error).toBe(error);
			expect(r.message).toMatch(/handbook 1\.[12]/);
		}
	});
	it('accepts non-breaking spaces and en dashes people paste', () => {
		expect(parseNhsNumber('943\u00a0476\u20135919')).toEqual({
			ok: true,
			value: '9434765919',
			display: '943 476 5919'
		});
	});
	it('normalises non-strings to empty', () => {
		expect(normaliseNhsNumber(9434765919)).toBe('');
		expect(parseNhsNumber(null).ok).toBe(false);
	});
	it('parse and isValid always agree (property)', () => {
		fc.assert(fc.property(fc.string(), (s) => parseNhsNumber(s).ok === isValidNhsNumber(s)));
	});
});

describe('plausibility (handbook 1.2, LOCAL)', () => {
	it.each([
		['000 000 0000', false, ['repeated-digit', 'outside-known-ranges']],
		['999 999 9999', false, ['repeated-digit']],
		['999 000 0018', true, []],
		['999 000 0000', false, ['no-check-digit-possible']],
		['401 023 2137', true, []],
		['943 476 5919', false, ['outside-known-ranges']],
		['987 654 4321', false, ['check-digit-mismatch']]
	])('%s plausible=%s (1.2-1.3)', (input, plausible, problems) => {
		expect(isValidNhsNumber('9999999999')).toBe(true);
		expect(nhsNumberPlausibility(input)).toEqual({ plausible, problems });
		expect(isPlausibleNhsNumber(input)).toBe(plausible);
	});
	it('uses the trust setting for ranges', () => {
		expect(
			isPlausibleNhsNumber('943 476 5919', { nhsNumberPlausibleRanges: [[943_000_000, 943_999_999]] })
		).toBe(true);
	});
});

describe('test range generation (handbook 1.3)', () => {
	it('every generated number is valid and in the 999 range (property)', () => {
		fc.assert(
			fc.property(fc.integer(), (seed) => {
				const n = generateTestNhsNumber(seeded(seed));
				return isValidNhsNumber(n) && n.startsWith('999') && isTestRangeNhsNumber(n) && n.length === 10;
			})
		);
	});
	it('is deterministic for a given random source', () => {
		expect(generateTestNhsNumber(seeded(42))).toBe(generateTestNhsNumber(seeded(42)));
	});
	it('skips remainder-1 stems instead of returning an invalid number', () => {
		// 999000000 has remainder 1; the source offers it first, then 500000.
		const values = [0, 0.5];
		expect(generateTestNhsNumber(() => values.shift() ?? 0)).toBe('9995000008');
	});
	it('terminates even with a constant or broken source', () => {
		expect(generateTestNhsNumber(() => 0)).toBe('9990000018');
		expect(isValidNhsNumber(generateTestNhsNumber(() => NaN))).toBe(true);
		expect(isValidNhsNumber(generateTestNhsNumber(() => 1))).toBe(true);
	});
});

describe('error detection and classification (handbook 1.2, 1.7)', () => {
	it('detects every single-digit change of a valid number (property)', () => {
		fc.assert(
			fc.property(
				validNumber,
				fc.integer({ min: 0, max: 9 }),
				fc.integer({ min: 1, max: 9 }),
				(n, pos, delta) => {
					const d = (Number(n[pos]) + delta) % 10;
					const wrong = n.slice(0, pos) + d + n.slice(pos + 1);
					return !isValidNhsNumber(wrong) && classifyNhsNumberError(wrong, n) === 'single-digit';
				}
			)
		);
	});

	it('detects most adjacent transpositions (property: at least 80% over many numbers)', () => {
		let swaps = 0;
		let caught = 0;
		fc.assert(
			fc.property(validNumber, fc.integer({ min: 0, max: 8 }), (n, pos) => {
				if (n[pos] === n[pos + 1]) return true;
				const wrong = n.slice(0, pos) + n[pos + 1] + n[pos] + n.slice(pos + 2);
				swaps++;
				if (!isValidNhsNumber(wrong)) caught++;
				return classifyNhsNumberError(wrong, n) === 'adjacent-transposition';
			}),
			{ numRuns: 2000 }
		);
		expect(caught / swaps).toBeGreaterThan(0.8);
	});

	it.each([
		['943 476 5919', '9434765919', 'same', '1.2 separators ignored'],
		['943 476 5918', '943 476 5919', 'single-digit', '1.7 miskeyed digit'],
		['934 476 5919', '943 476 5919', 'adjacent-transposition', '1.7 digit swap'],
		['943 476 9519', '943 476 5919', 'adjacent-transposition', '1.7 digit swap'],
		['913 476 5949', '943 476 5919', 'other', '1.7 non-adjacent swap'],
		['943 476 591', '943 476 5919', 'other', '1.1 missing digit'],
		['143 476 5910', '943 476 5919', 'other', '1.7 two digits wrong']
	])('%s vs %s → %s (%s)', (wrong, right, kind) => {
		expect(classifyNhsNumberError(wrong, right)).toBe(kind);
	});

	it('never throws on arbitrary strings (property)', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) => typeof classifyNhsNumberError(a, b) === 'string')
		);
	});
});
