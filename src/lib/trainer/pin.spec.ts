import { describe, expect, it, vi } from 'vitest';

// PBKDF2 at 210,000+ iterations takes 0.2-0.7 s a call on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 });
import {
	attemptAllowed,
	checkPinRules,
	constantTimeEqual,
	describeWait,
	hashPin,
	isPinRecord,
	needsRehash,
	NO_ATTEMPTS,
	PIN_ITERATIONS,
	PIN_MIN_ITERATIONS,
	recordFailure,
	verifyPin,
	waitAfter
} from './pin';

const now = new Date('2026-11-25T09:00:00Z');
// The floor keeps the suite fast; the default (600,000) is checked once below.
const fast = { now, iterations: PIN_MIN_ITERATIONS };

describe('PIN rules', () => {
	it.each([
		['', 'Enter a PIN.'],
		['   ', 'Enter a PIN.'],
		['12a4', 'only contain the digits'],
		['１２３４５', 'only contain the digits'],
		['825', 'between 4 and 12 digits'],
		['8251739462810', 'between 4 and 12 digits'],
		['0000', 'too easy'],
		['1234', 'too easy'],
		['987654', 'too easy'],
		['8901', 'too easy']
	])('refuses %j', (pin, message) => {
		const result = checkPinRules(pin);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toContain(message);
	});

	it.each(['2580', '7391', '104729', '382915647201'])('accepts %s', (pin) => {
		expect(checkPinRules(pin)).toEqual({ ok: true, pin });
	});

	it('trims surrounding spaces, as a pasted PIN often has them', () => {
		expect(checkPinRules(' 2580 ')).toEqual({ ok: true, pin: '2580' });
	});

	it('refuses a non-string', () => {
		expect(checkPinRules(2580).ok).toBe(false);
	});
});

describe('hashing and verifying', () => {
	it('stores a salted hash with its iteration count, never the PIN', async () => {
		const record = await hashPin('2580', fast);
		expect(record).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: PIN_MIN_ITERATIONS });
		expect(record.salt).toMatch(/^[0-9a-f]{32}$/);
		expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(record)).not.toContain('2580');
		expect(isPinRecord(record)).toBe(true);
	});

	it('verifies the right PIN and refuses wrong ones', async () => {
		const record = await hashPin('2580', fast);
		expect(await verifyPin('2580', record)).toBe(true);
		expect(await verifyPin(' 2580 ', record)).toBe(true);
		expect(await verifyPin('2581', record)).toBe(false);
		expect(await verifyPin('02580', record)).toBe(false);
		expect(await verifyPin('', record)).toBe(false);
		expect(await verifyPin(2580, record)).toBe(false);
	});

	it('uses a fresh random salt each time, so one PIN gives different hashes', async () => {
		const a = await hashPin('2580', fast);
		const b = await hashPin('2580', fast);
		expect(a.salt).not.toBe(b.salt);
		expect(a.hash).not.toBe(b.hash);
	});

	it('matches a known PBKDF2-SHA-256 value (the derivation is the standard one)', async () => {
		const salt = new Uint8Array(16).fill(7);
		const record = await hashPin('2580', { ...fast, salt });
		const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('2580'), 'PBKDF2', false, [
			'deriveBits'
		]);
		const bits = await crypto.subtle.deriveBits(
			{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PIN_MIN_ITERATIONS },
			key,
			256
		);
		expect(record.hash).toBe(Buffer.from(bits).toString('hex'));
	});

	it('uses 600,000 iterations by default and flags older, weaker records for rehashing', async () => {
		const record = await hashPin('2580', { now });
		expect(record.iterations).toBe(PIN_ITERATIONS);
		expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(210_000);
		expect(needsRehash(record)).toBe(false);
		expect(needsRehash(await hashPin('2580', fast))).toBe(true);
	});

	it('refuses iteration counts below the floor, and records that claim them', async () => {
		await expect(hashPin('2580', { now, iterations: 1000 })).rejects.toThrow('iterations');
		const record = await hashPin('2580', fast);
		expect(await verifyPin('2580', { ...record, iterations: 1000 })).toBe(false);
		expect(await verifyPin('2580', { ...record, iterations: 1e12 })).toBe(false);
	});

	it('treats damaged records as no match rather than failing', async () => {
		const record = await hashPin('2580', fast);
		for (const bad of [null, 'x', {}, { ...record, salt: 'zz' }, { ...record, hash: record.hash.slice(2) }]) {
			expect(await verifyPin('2580', bad)).toBe(false);
		}
	});

	it('refuses to hash a PIN that breaks the rules', async () => {
		await expect(hashPin('1111', fast)).rejects.toThrow('too easy');
	});
});

describe('constant-time comparison', () => {
	it('compares whole arrays', () => {
		expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
		expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
		expect(constantTimeEqual(new Uint8Array([9, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(false);
		expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
	});
});

describe('throttling', () => {
	const t0 = now.getTime();

	it('allows five wrong tries, then waits 30 s doubling to a 15 minute cap', () => {
		expect([1, 2, 3, 4].map(waitAfter)).toEqual([0, 0, 0, 0]);
		expect(waitAfter(5)).toBe(30_000);
		expect(waitAfter(6)).toBe(60_000);
		expect(waitAfter(7)).toBe(120_000);
		expect(waitAfter(10)).toBe(15 * 60_000);
		expect(waitAfter(100)).toBe(15 * 60_000);
	});

	it('blocks tries during the wait and allows them once it has passed', () => {
		let state = NO_ATTEMPTS;
		for (let i = 0; i < 4; i++) {
			state = recordFailure(state, t0);
			expect(attemptAllowed(state, t0).allowed).toBe(true);
		}
		state = recordFailure(state, t0);
		expect(attemptAllowed(state, t0)).toEqual({ allowed: false, waitMs: 30_000 });
		expect(attemptAllowed(state, t0 + 29_999)).toEqual({ allowed: false, waitMs: 1 });
		expect(attemptAllowed(state, t0 + 30_000)).toEqual({ allowed: true, waitMs: 0 });
		state = recordFailure(state, t0 + 30_000);
		expect(attemptAllowed(state, t0 + 30_000).waitMs).toBe(60_000);
	});

	it('describes waits in words, rounded up', () => {
		expect(describeWait(1)).toBe('1 second');
		expect(describeWait(29_001)).toBe('30 seconds');
		expect(describeWait(60_000)).toBe('1 minute');
		expect(describeWait(61_000)).toBe('2 minutes');
	});
});
