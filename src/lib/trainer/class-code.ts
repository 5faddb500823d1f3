/**
 * Class codes (issue 11, "A class session"): a short code a trainer writes on the board so everyone in an
 * induction room opens the same case of the same scenario on their own PC.
 *
 * Design (docs/trainer-guide.md explains it to trainers):
 * - 9 characters from Crockford's base32 alphabet (digits and capitals without I, L, O and U), shown in three
 *   groups: "7QK-2MD-9XA". Case and hyphens do not matter, and O/I/L typed by mistake are read as 0/1/1.
 * - 40 bits of content in the first 8 characters: 3 bits of code version, 20 bits naming the scenario (a hash of
 *   its id, so the code stays short whatever the id) and 17 bits of case number (the seed, 0 to 131,071).
 * - The 9th character is a check character computed with the Damm algorithm over GF(32), which catches every
 *   single mistyped character and every swap of two neighbouring characters.
 *
 * The code names a scenario by hash, not by content: the scenario itself must already be on the PC (built in, or
 * imported from a scenario pack). The hash is 20 bits, so two scenarios on one PC could in principle share it;
 * `scenarioHash` lets the trainer's screen warn about that, and decoding reports it rather than guessing.
 */

export const CLASS_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CLASS_CODE_VERSION = 0;
/** The largest case number a class code can carry; links carry any seed. */
export const CLASS_CODE_MAX_SEED = 2 ** 17 - 1;
const DATA_CHARS = 8;
export const CLASS_CODE_LENGTH = DATA_CHARS + 1;
const HASH_BITS = 20;
const SEED_BITS = 17;

/**
 * 20-bit FNV-1a hash of a scenario id, which is how a code names its scenario.
 * @example scenarioHash('nhs-number-check-gentle') === scenarioHash('nhs-number-check-gentle') // true
 */
export function scenarioHash(id: string): number {
	let h = 0x811c9dc5;
	for (const byte of new TextEncoder().encode(id)) {
		h ^= byte;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	// Fold the top bits in rather than dropping them, so every input bit affects the 20 kept.
	return (h ^ (h >>> HASH_BITS)) & (2 ** HASH_BITS - 1);
}

/** Multiplication in GF(2^5) with the primitive polynomial x^5 + x^2 + 1. */
function gfMul(a: number, b: number): number {
	let r = 0;
	while (b) {
		if (b & 1) r ^= a;
		b >>= 1;
		a <<= 1;
		if (a & 32) a ^= 0b100101;
	}
	return r;
}

/**
 * Damm's quasigroup x∘y = 2x + y over GF(32). Since 2 ≠ 0, 1 it is totally anti-symmetric, so a running check
 * through it detects any single substitution and any adjacent transposition.
 */
const damm = (interim: number, digit: number) => gfMul(2, interim) ^ digit;

function checkDigit(values: number[]): number {
	const interim = values.reduce(damm, 0);
	// The digit c that makes interim∘c = 0; in characteristic 2, c = 2·interim.
	return gfMul(2, interim);
}

/**
 * The class code for a scenario and case number, grouped for reading aloud.
 * @example classCodeFor('nhs-number-check-gentle', 7).length // 11: three groups of three, e.g. "7QK-2MD-9XA"
 */
export function classCodeFor(scenarioId: string, seed: number): string {
	if (!Number.isInteger(seed) || seed < 0 || seed > CLASS_CODE_MAX_SEED) {
		throw new RangeError(`A class code carries case numbers from 0 to ${CLASS_CODE_MAX_SEED}.`);
	}
	let value =
		CLASS_CODE_VERSION * 2 ** (HASH_BITS + SEED_BITS) + scenarioHash(scenarioId) * 2 ** SEED_BITS + seed;
	const digits: number[] = [];
	for (let i = 0; i < DATA_CHARS; i++) {
		digits.unshift(value % 32);
		value = Math.floor(value / 32);
	}
	digits.push(checkDigit(digits));
	const text = digits.map((d) => CLASS_CODE_ALPHABET[d]).join('');
	return `${text.slice(0, 3)}-${text.slice(3, 6)}-${text.slice(6)}`;
}

/** Whether a seed fits in a class code. */
export function seedFitsClassCode(seed: number): boolean {
	return Number.isInteger(seed) && seed >= 0 && seed <= CLASS_CODE_MAX_SEED;
}

export type ClassCodeProblem = 'empty' | 'bad-character' | 'length' | 'check' | 'version';

export type DecodedClassCode =
	| { ok: true; scenarioHash: number; seed: number; code: string }
	| { ok: false; problem: ClassCodeProblem; message: string };

const EXAMPLE = '7QK-2MD-9XA';

/**
 * Reads what someone typed. Never throws; every failure carries a sentence saying what to do next.
 * @example decodeClassCode(classCodeFor('x', 5)).ok // true
 */
export function decodeClassCode(typed: string): DecodedClassCode {
	const cleaned = typed
		.toUpperCase()
		.replace(/[\s\-–—_.]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
	if (cleaned === '') {
		return {
			ok: false,
			problem: 'empty',
			message: `Enter the class code your trainer gave you, for example ${EXAMPLE}.`
		};
	}
	const bad = [...cleaned].find((c) => !CLASS_CODE_ALPHABET.includes(c));
	if (bad !== undefined) {
		const shown =
			bad === 'U' ? 'the letter U' : /\p{L}|\p{N}/u.test(bad) ? `"${bad}"` : `the symbol "${bad}"`;
		return {
			ok: false,
			problem: 'bad-character',
			message: `Class codes never use ${shown}. Check the code on your trainer's screen and type it again: it has only letters, numbers and hyphens.`
		};
	}
	if (cleaned.length !== CLASS_CODE_LENGTH) {
		return {
			ok: false,
			problem: 'length',
			message: `A class code has ${CLASS_CODE_LENGTH} letters and numbers (for example ${EXAMPLE}); you typed ${cleaned.length}. Check it with your trainer's screen.`
		};
	}
	const digits = [...cleaned].map((c) => CLASS_CODE_ALPHABET.indexOf(c));
	if (digits.reduce(damm, 0) !== 0) {
		return {
			ok: false,
			problem: 'check',
			message:
				"That code has a typing mistake in it: one character is wrong, or two are swapped. Check each character against your trainer's screen and type it again."
		};
	}
	let value = 0;
	for (const d of digits.slice(0, DATA_CHARS)) value = value * 32 + d;
	const version = Math.floor(value / 2 ** (HASH_BITS + SEED_BITS));
	if (version !== CLASS_CODE_VERSION) {
		return {
			ok: false,
			problem: 'version',
			message:
				'This class code was made by a newer version of Records Room. Ask your trainer for the link instead, or update Records Room on this computer.'
		};
	}
	const rest = value % 2 ** (HASH_BITS + SEED_BITS);
	return {
		ok: true,
		scenarioHash: Math.floor(rest / 2 ** SEED_BITS),
		seed: rest % 2 ** SEED_BITS,
		code: `${cleaned.slice(0, 3)}-${cleaned.slice(3, 6)}-${cleaned.slice(6)}`
	};
}

export type ClassCodeMatch<T extends { id: string }> =
	| { ok: true; scenario: T; seed: number }
	| { ok: false; problem: ClassCodeProblem | 'not-here' | 'ambiguous'; message: string };

/**
 * Finds the scenario a code names among those playable on this PC.
 * @example resolveClassCode(classCodeFor('a', 1), [{ id: 'a' }]) // { ok: true, scenario: { id: 'a' }, seed: 1 }
 */
export function resolveClassCode<T extends { id: string }>(
	typed: string,
	playable: readonly T[]
): ClassCodeMatch<T> {
	const decoded = decodeClassCode(typed);
	if (!decoded.ok) return decoded;
	const matches = playable.filter((s) => scenarioHash(s.id) === decoded.scenarioHash);
	if (matches.length === 0) {
		return {
			ok: false,
			problem: 'not-here',
			message:
				'That code is for a scenario that is not on this computer. If your trainer wrote the scenario, they need to share it as a scenario pack: import the pack on this computer, then type the code again.'
		};
	}
	if (matches.length > 1) {
		return {
			ok: false,
			problem: 'ambiguous',
			message:
				'That code fits more than one scenario on this computer, so it cannot tell which to open. Ask your trainer for the class link instead.'
		};
	}
	return { ok: true, scenario: matches[0], seed: decoded.seed };
}
