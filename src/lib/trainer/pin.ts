/**
 * The trainer PIN: a salted, slow hash (PBKDF2-SHA-256 through WebCrypto) and a throttle on wrong guesses.
 *
 * Honest limits: Records Room has no server, so everything here lives in the same browser a trainee could open.
 * Anyone with the browser's developer tools can read or delete the stored hash, and a short PIN can be guessed
 * offline from it. The PIN keeps trainees out of answer keys by deterrence, not by security (docs/trainer-guide.md).
 * The hash still matters: the PIN is never stored or exported in a readable form, so a PIN a trainer reuses
 * elsewhere is not handed out with a backup or a glance at the storage panel.
 *
 * Pure over WebCrypto (`crypto.subtle`, present in Node 20 and every supported browser); time is passed in.
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Stored with each hash so a later release can raise it. */
export const PIN_ITERATIONS = 600_000;
/** The floor accepted when hashing or verifying; a stored record below it is treated as damaged. */
export const PIN_MIN_ITERATIONS = 210_000;
/** A ceiling so a tampered record cannot make the page hang for minutes. */
export const PIN_MAX_ITERATIONS = 10_000_000;
export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 12;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export interface PinRecord {
	algorithm: 'PBKDF2-SHA-256';
	iterations: number;
	/** Hex, 16 random bytes. */
	salt: string;
	/** Hex, 32 bytes. */
	hash: string;
	/** ISO time the PIN was set, shown to the trainer ("PIN set on ..."). */
	setAt: string;
}

export type PinProblem = { ok: true; pin: string } | { ok: false; message: string };

/**
 * Digits only, 4 to 12 of them. Digits because a PIN is typed on shared training-room keyboards and sometimes a
 * touch screen; 4 as the floor because it is what people expect of a PIN and the protection is deterrence anyway;
 * 12 as the ceiling so nobody is tempted to reuse a long password here. Runs and repeats ("1234", "0000") are
 * refused because they are the first things a curious trainee would try.
 */
export function checkPinRules(raw: unknown): PinProblem {
	if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, message: 'Enter a PIN.' };
	const pin = raw.trim();
	if (!/^[0-9]+$/.test(pin)) return { ok: false, message: 'The PIN can only contain the digits 0 to 9.' };
	if (pin.length < PIN_MIN_LENGTH || pin.length > PIN_MAX_LENGTH) {
		return {
			ok: false,
			message: `The PIN must be between ${PIN_MIN_LENGTH} and ${PIN_MAX_LENGTH} digits long.`
		};
	}
	if (isTrivial(pin)) {
		return {
			ok: false,
			message:
				'That PIN is too easy to guess (all one digit, or digits counting up or down). Choose a less obvious one.'
		};
	}
	return { ok: true, pin };
}

function isTrivial(pin: string): boolean {
	const d = [...pin].map(Number);
	const steps = d.slice(1).map((x, i) => (x - d[i] + 10) % 10);
	return steps.every((s) => s === 0) || steps.every((s) => s === 1) || steps.every((s) => s === 9);
}

export interface HashOptions {
	iterations?: number;
	now: Date;
	/** Injected for tests only; production uses crypto.getRandomValues. */
	salt?: Uint8Array;
}

/** Hashes a PIN that has passed checkPinRules. Throws on a PIN that breaks the rules (a programming error). */
export async function hashPin(pin: string, options: HashOptions): Promise<PinRecord> {
	const rules = checkPinRules(pin);
	if (!rules.ok) throw new Error(rules.message);
	const iterations = options.iterations ?? PIN_ITERATIONS;
	if (!Number.isInteger(iterations) || iterations < PIN_MIN_ITERATIONS || iterations > PIN_MAX_ITERATIONS) {
		throw new Error(
			`PBKDF2 iterations must be a whole number from ${PIN_MIN_ITERATIONS} to ${PIN_MAX_ITERATIONS}.`
		);
	}
	const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const hash = await derive(rules.pin, salt, iterations);
	return {
		algorithm: 'PBKDF2-SHA-256',
		iterations,
		salt: toHex(salt),
		hash: toHex(hash),
		setAt: options.now.toISOString()
	};
}

/** True only for a well-formed record; anything read back from storage goes through this first. */
export function isPinRecord(value: unknown): value is PinRecord {
	if (!value || typeof value !== 'object') return false;
	const r = value as Record<string, unknown>;
	return (
		r.algorithm === 'PBKDF2-SHA-256' &&
		typeof r.iterations === 'number' &&
		Number.isInteger(r.iterations) &&
		r.iterations >= PIN_MIN_ITERATIONS &&
		r.iterations <= PIN_MAX_ITERATIONS &&
		typeof r.salt === 'string' &&
		/^[0-9a-f]{32}$/.test(r.salt) &&
		typeof r.hash === 'string' &&
		/^[0-9a-f]{64}$/.test(r.hash) &&
		typeof r.setAt === 'string'
	);
}

/** Checks a typed PIN against a stored record. A malformed record or an input that breaks the rules is simply "no". */
export async function verifyPin(pin: unknown, record: unknown): Promise<boolean> {
	if (!isPinRecord(record) || typeof pin !== 'string') return false;
	const typed = pin.trim();
	// Length and charset only: a stored PIN always passed the rules, so anything else cannot match.
	if (!/^[0-9]{4,12}$/.test(typed)) return false;
	const derived = await derive(typed, fromHex(record.salt), record.iterations);
	return constantTimeEqual(derived, fromHex(record.hash));
}

/** True when a record was hashed with fewer iterations than this release uses: rehash it after a good unlock. */
export function needsRehash(record: PinRecord): boolean {
	return record.iterations < PIN_ITERATIONS;
}

/**
 * Compares every byte whatever the first difference, so the time taken says nothing about how much of a guess
 * was right. (Both inputs are fixed-length hashes, so the length check leaks nothing.)
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
	return diff === 0;
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
		'deriveBits'
	]);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
		key,
		HASH_BITS
	);
	return new Uint8Array(bits);
}

// ---- Throttling -------------------------------------------------------------------------------------------

/** Wrong tries allowed before any wait. */
export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

export interface AttemptState {
	/** Wrong tries since the last right one. */
	failures: number;
	/** Epoch ms before which no try is accepted; 0 when there is no wait. */
	lockedUntil: number;
}

export const NO_ATTEMPTS: AttemptState = { failures: 0, lockedUntil: 0 };

export function isAttemptState(value: unknown): value is AttemptState {
	if (!value || typeof value !== 'object') return false;
	const s = value as Record<string, unknown>;
	return (
		typeof s.failures === 'number' &&
		Number.isInteger(s.failures) &&
		s.failures >= 0 &&
		typeof s.lockedUntil === 'number' &&
		Number.isFinite(s.lockedUntil)
	);
}

/** How long to wait after the given number of wrong tries: none for the first 5, then 30 s doubling to 15 min. */
export function waitAfter(failures: number): number {
	if (failures < FREE_ATTEMPTS) return 0;
	return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS));
}

/** Whether a try may be made now, and if not, how many milliseconds are left. */
export function attemptAllowed(state: AttemptState, now: number): { allowed: boolean; waitMs: number } {
	const waitMs = Math.max(0, state.lockedUntil - now);
	return { allowed: waitMs === 0, waitMs };
}

export function recordFailure(state: AttemptState, now: number): AttemptState {
	const failures = state.failures + 1;
	const wait = waitAfter(failures);
	return { failures, lockedUntil: wait ? now + wait : 0 };
}

/** "30 seconds", "2 minutes": rounded up, so the screen never says 0 while the wait is still on. */
export function describeWait(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
	const minutes = Math.ceil(seconds / 60);
	return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

// ---- Hex ----------------------------------------------------------------------------------------------------

export function toHex(bytes: Uint8Array): string {
	return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex: string): Uint8Array {
	const out = new Uint8Array(hex.length / 2);
	for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	return out;
}
