/**
 * NHS number rules (handbook 1.1-1.3). Pure: no framework, no clock. Numbers are strings throughout, because
 * they can begin with 0 and an integer would lose it (handbook 1.1).
 */

import type { RuleId } from './rules';
import { DEFAULT_TRUST_RULES, type TrustRules } from './settings';

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * Strips the separators people type (spaces, any kind of dash, stray whitespace). Returns '' for non-strings.
 * @example normaliseNhsNumber(' 943-476 5919 ') // '9434765919'
 */
export function normaliseNhsNumber(input: unknown): string {
	if (typeof input !== 'string') return '';
	return input.replace(/[\s\-\u2010-\u2015\u2212]/g, '');
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

/**
 * True when the number is valid and in the 999 test range that synthetic data must use (handbook 1.3).
 * @example isTestRangeNhsNumber('999 000 0018') // true
 * @example isTestRangeNhsNumber('943 476 5919') // false
 */
export function isTestRangeNhsNumber(input: string): boolean {
	const s = normaliseNhsNumber(input);
	return isValidNhsNumber(s) && s.startsWith('999');
}

/**
 * Makes a valid NHS number in the 999 test range from a random source returning [0, 1) (handbook 1.3). Stems
 * whose remainder is 1 have no check digit: the source is asked again, and after 1,000 such draws in a row (only
 * a degenerate source does that) the next stems are tried in turn, so the function always returns and every
 * result passes Modulus 11.
 * @example generateTestNhsNumber(() => 0.5) // '9995000008'
 * @example generateTestNhsNumber(() => 0) // '9990000018'
 */
export function generateTestNhsNumber(random: () => number): string {
	let body = 0;
	for (let draw = 0; draw < 1000; draw++) {
		body = Math.min(999_999, Math.max(0, Math.floor(random() * 1_000_000) || 0));
		const stem = `999${String(body).padStart(6, '0')}`;
		const check = checkDigitFor(stem);
		if (check !== null) return `${stem}${check}`;
	}
	for (;;) {
		body = (body + 1) % 1_000_000;
		const stem = `999${String(body).padStart(6, '0')}`;
		const check = checkDigitFor(stem);
		if (check !== null) return `${stem}${check}`;
	}
}

export type NhsNumberParseError =
	'empty' | 'not-digits' | 'wrong-length' | 'no-check-digit-possible' | 'check-digit-mismatch';

export type NhsNumberParseResult =
	| { ok: true; value: string; display: string }
	| { ok: false; error: NhsNumberParseError; message: string; rule: RuleId };

const PARSE_MESSAGES: Record<NhsNumberParseError, string> = {
	empty: 'Enter the NHS number (10 digits, handbook 1.1).',
	'not-digits':
		'An NHS number contains only digits; spaces and dashes are allowed between them (handbook 1.1).',
	'wrong-length':
		'An NHS number is exactly 10 digits. Check you have not missed or added a digit (handbook 1.1).',
	'no-check-digit-possible':
		'The first nine digits can never form a valid NHS number (remainder 1 in the check, handbook 1.2). Check each digit.',
	'check-digit-mismatch':
		'The last digit does not match the check digit, so at least one digit is wrong or two are swapped (handbook 1.2).'
};

const PARSE_RULES: Record<NhsNumberParseError, RuleId> = {
	empty: 'nhs.format',
	'not-digits': 'nhs.format',
	'wrong-length': 'nhs.format',
	'no-check-digit-possible': 'nhs.no-check-digit',
	'check-digit-mismatch': 'nhs.modulus-11'
};

/**
 * Parses a typed NHS number (spaces, dashes and stray whitespace allowed) and says what is wrong when it is not
 * valid, in words a learner can act on (handbook 1.1-1.2). Never throws.
 * @example parseNhsNumber(' 943-476-5919 ') // { ok: true, value: '9434765919', display: '943 476 5919' }
 * @example parseNhsNumber('943 476 591').ok // false
 * @example parseNhsNumber('943 476 5918').rule // 'nhs.modulus-11'
 */
export function parseNhsNumber(input: unknown): NhsNumberParseResult {
	const s = normaliseNhsNumber(input);
	const fail = (error: NhsNumberParseError): NhsNumberParseResult => ({
		ok: false,
		error,
		message: PARSE_MESSAGES[error],
		rule: PARSE_RULES[error]
	});
	if (s === '') return fail('empty');
	if (!/^[0-9]+$/.test(s)) return fail('not-digits');
	if (s.length !== 10) return fail('wrong-length');
	const check = checkDigitFor(s.slice(0, 9));
	if (check === null) return fail('no-check-digit-possible');
	if (check !== Number(s[9])) return fail('check-digit-mismatch');
	return { ok: true, value: s, display: `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}` };
}

export type NhsNumberPlausibilityProblem = NhsNumberParseError | 'repeated-digit' | 'outside-known-ranges';

/**
 * Checks beyond Modulus 11 (handbook 1.2: "000 000 0000 passes the checksum"; range and plausibility checks are
 * a LOCAL/system rule). Problems: any parse error, a run of one digit, or a stem outside the trust's plausible
 * ranges (setting `nhsNumberPlausibleRanges`: issued 300-499 and 600-799 million, and the 999 test range).
 * @example nhsNumberPlausibility('000 000 0000').problems // ['repeated-digit', 'outside-known-ranges']
 * @example nhsNumberPlausibility('999 000 0018').plausible // true
 */
export function nhsNumberPlausibility(
	input: unknown,
	settings: Partial<TrustRules> = {}
): { plausible: boolean; problems: NhsNumberPlausibilityProblem[] } {
	const parsed = parseNhsNumber(input);
	if (!parsed.ok) return { plausible: false, problems: [parsed.error] };
	const problems: NhsNumberPlausibilityProblem[] = [];
	if (/^(\d)\1{9}$/.test(parsed.value)) problems.push('repeated-digit');
	const ranges = settings.nhsNumberPlausibleRanges ?? DEFAULT_TRUST_RULES.nhsNumberPlausibleRanges;
	const stem = Number(parsed.value.slice(0, 9));
	if (!ranges.some(([lo, hi]) => stem >= lo && stem <= hi)) problems.push('outside-known-ranges');
	return { plausible: problems.length === 0, problems };
}

/**
 * True when the number passes Modulus 11 and the plausibility checks (handbook 1.2). Separate from
 * isValidNhsNumber, which is the checksum alone.
 * @example isPlausibleNhsNumber('000 000 0000') // false
 * @example isPlausibleNhsNumber('943 476 5919') // false
 * @example isPlausibleNhsNumber('943 476 5919', { nhsNumberPlausibleRanges: [[900000000, 999999999]] }) // true
 */
export function isPlausibleNhsNumber(input: unknown, settings: Partial<TrustRules> = {}): boolean {
	return nhsNumberPlausibility(input, settings).plausible;
}

export type NumberErrorKind = 'same' | 'single-digit' | 'adjacent-transposition' | 'other';

/**
 * Says how a wrongly keyed number differs from the right one, so feedback can name the slip (handbook 1.2,
 * 1.7): one digit wrong, two neighbouring digits swapped, or something else. Separators are ignored; works for
 * any digit string (NHS, hospital, CHI). Never throws.
 * @example classifyNhsNumberError('943 476 5991', '943 476 5919') // 'adjacent-transposition'
 * @example classifyNhsNumberError('943 476 5918', '9434765919') // 'single-digit'
 * @example classifyNhsNumberError('9434765919', '943 476 5919') // 'same'
 */
export function classifyNhsNumberError(wrong: string, right: string): NumberErrorKind {
	const a = normaliseNhsNumber(wrong);
	const b = normaliseNhsNumber(right);
	if (a === b) return 'same';
	if (a.length !== b.length) return 'other';
	const diffs: number[] = [];
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
	if (diffs.length === 1) return 'single-digit';
	if (
		diffs.length === 2 &&
		diffs[1] === diffs[0] + 1 &&
		a[diffs[0]] === b[diffs[1]] &&
		a[diffs[1]] === b[diffs[0]]
	) {
		return 'adjacent-transposition';
	}
	return 'other';
}
