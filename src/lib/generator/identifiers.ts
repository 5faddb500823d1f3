/**
 * Identifiers handed out per patient index without generating anyone else. NHS numbers come from the domain
 * library (handbook 1.2, 1.3); this file only chooses which 999-range stem each index gets, so that no two
 * patients share one.
 */
import { checkDigitFor, generateTestNhsNumber } from '../domain/nhs-number';
import { permute, permutation, type Permutation } from './random';
import type { HospitalNumberFormat } from './types';

/** 5-digit blocks after the '999' prefix; each block holds 10 stems, of which at least 9 have a check digit. */
const NHS_BLOCKS = 100_000;
/** Each block serves this many patients, so a trust can hold up to 800,000 unique numbers. */
export const MAX_PATIENTS = 800_000;

/**
 * The NHS number for patient i: a keyed permutation spreads indexes over the 5-digit blocks, and the k-th pass over
 * the blocks takes the k-th valid last digit (in a keyed order). Stems ending in each digit 0-9 give ten different
 * Modulus 11 remainders but one, so every block has at least nine valid stems and the numbers never collide.
 */
export function nhsNumberFor(key: number, digitKey: number, i: number): string {
	const block = permute(permutation(NHS_BLOCKS, key), i % NHS_BLOCKS);
	const pass = Math.floor(i / NHS_BLOCKS);
	const body = String(block).padStart(5, '0');
	let found = -1;
	for (let j = 0, valid = 0; j < 10; j++) {
		const d = (j + digitKey) % 10;
		if (checkDigitFor(`999${body}${d}`) === null) continue;
		if (valid++ === pass) {
			found = d;
			break;
		}
	}
	const six = Number(`${body}${found}`);
	// The domain generator turns a random draw into a valid 999-range number; we hand it the draw for our stem.
	return generateTestNhsNumber(() => (six + 0.5) / 1_000_000);
}

/** The permutation works on up to 2^30 values; longer numbers use the first 900 million after their lowest. */
const MAX_HOSPITAL_SPACE = 900_000_000;

/**
 * How many digits a trust's hospital numbers have: the shortest length the format allows that gives every
 * patient their own number. Numbers never start with 0, so a spreadsheet cannot drop a digit (handbook 1.5).
 * Null when even the longest allowed length is too short for the trust.
 */
export function hospitalDigitCount(format: HospitalNumberFormat, patients: number): number | null {
	for (let d = Math.max(1, format.minDigits); d <= format.maxDigits; d++) {
		if (hospitalSpace(d) >= patients) return d;
	}
	return null;
}

function hospitalSpace(digits: number): number {
	return Math.min(9 * 10 ** (digits - 1), MAX_HOSPITAL_SPACE);
}

export interface HospitalNumbering {
	prefix: string;
	digits: number;
	perm: Permutation;
}

/** The keyed permutation and layout that hand out a trust's hospital numbers. */
export function hospitalNumbering(
	key: number,
	format: HospitalNumberFormat,
	patients: number
): HospitalNumbering {
	const digits = hospitalDigitCount(format, patients) ?? format.maxDigits;
	return { prefix: format.prefix, digits, perm: permutation(hospitalSpace(digits), key) };
}

/**
 * Hospital (unit) number for patient i in the trust's format (the domain library's LOCAL `hospitalNumber`
 * setting, handbook 1.5): the prefix, then a number of the chosen length, unique within the trust.
 */
export function hospitalNumberFor(h: HospitalNumbering, i: number): string {
	return `${h.prefix}${10 ** (h.digits - 1) + permute(h.perm, i)}`;
}

/** Digits of a hospital number, for terminal-digit filing. */
export function hospitalDigits(hospitalNumber: string): string {
	return hospitalNumber.replace(/\D/g, '');
}

/**
 * Terminal-digit shelf position 'tt-ss-pp' (handbook 2.3): pairs read right to left, primary = last two digits.
 * A stop-gap until the domain library's terminal-digit rules land.
 */
export function terminalDigitLabel(hospitalNumber: string): { primary: number; label: string } {
	const d = hospitalDigits(hospitalNumber).padStart(6, '0');
	const p = d.slice(-2);
	const s = d.slice(-4, -2);
	const t = d.slice(0, -4);
	return { primary: Number(p), label: `${t}-${s}-${p}` };
}

/** Swaps the first pair of adjacent, different digits found from a keyed starting point (a keying error). */
export function transposeDigits(value: string, start: number): string {
	const chars = value.split('');
	const digitPositions = chars.map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
	for (let k = 0; k < digitPositions.length - 1; k++) {
		const a = digitPositions[(start + k) % (digitPositions.length - 1)];
		const b = a + 1;
		if (/\d/.test(chars[b]) && chars[a] !== chars[b]) {
			[chars[a], chars[b]] = [chars[b], chars[a]];
			return chars.join('');
		}
	}
	return value;
}
