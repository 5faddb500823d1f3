/**
 * NHS number rules (handbook 1.1-1.3). Pure: no framework, no clock. Numbers are strings throughout, because
 * they can begin with 0 and an integer would lose it (handbook 1.1).
 */

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2];

/** Strips the separators people type (spaces, dashes, stray whitespace). Returns '' for non-strings. */
export function normaliseNhsNumber(input: unknown): string {
	if (typeof input !== 'string') return '';
	return input.replace(/[\s-]/g, '');
}

/**
 * The Modulus 11 check digit for a 9-digit stem, or null when no valid check digit exists (remainder 1),
 * in which case the stem is never issued (handbook 1.2).
 * @example checkDigitFor('943476591') // 9
 * @example checkDigitFor('999123456') // null
 */
export function checkDigitFor(stem: string): number | null {
	if (!/^[0-9]{9}$/.test(stem)) return null;
	let total = 0;
	for (let i = 0; i < 9; i++) total += Number(stem[i]) * WEIGHTS[i];
	const check = 11 - (total % 11);
	if (check === 11) return 0;
	if (check === 10) return null;
	return check;
}

/**
 * True when the input is a 10-digit NHS number passing Modulus 11, ignoring spaces and dashes (handbook 1.2).
 * Passing the check does not prove the number is issued or belongs to this patient (handbook 1.2, 1.4).
 * @example isValidNhsNumber('943 476 5919') // true
 * @example isValidNhsNumber('987 654 4321') // false
 */
export function isValidNhsNumber(input: string): boolean {
	const s = normaliseNhsNumber(input);
	if (!/^[0-9]{10}$/.test(s)) return false;
	const check = checkDigitFor(s.slice(0, 9));
	return check !== null && check === Number(s[9]);
}

/**
 * Formats a valid NHS number in the 3-3-4 display (handbook 1.1). Throws on an invalid number, so an invalid one
 * can never be shown as if it were real.
 * @example formatNhsNumber('9434765919') // '943 476 5919'
 */
export function formatNhsNumber(input: string): string {
	const s = normaliseNhsNumber(input);
	if (!isValidNhsNumber(s)) throw new RangeError(`Not a valid NHS number: ${JSON.stringify(input)}`);
	return `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`;
}

/** True when the number is in the 999 test range that synthetic data must use (handbook 1.3). */
export function isTestRangeNhsNumber(input: string): boolean {
	const s = normaliseNhsNumber(input);
	return isValidNhsNumber(s) && s.startsWith('999');
}

/**
 * Makes a valid NHS number in the 999 test range from a random source returning [0, 1) (handbook 1.3). Stems
 * whose remainder is 1 have no check digit and are skipped, so every result passes Modulus 11.
 * @example generateTestNhsNumber(() => 0) // '9990000000'
 */
export function generateTestNhsNumber(random: () => number): string {
	for (;;) {
		const body = Math.floor(random() * 1_000_000)
			.toString()
			.padStart(6, '0');
		const stem = `999${body}`;
		const check = checkDigitFor(stem);
		if (check !== null) return `${stem}${check}`;
	}
}
