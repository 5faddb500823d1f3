import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// PBKDF2 at 210,000+ iterations takes 0.2-0.7 s a call on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 });
import { RecordsRoomDb } from './database';
import { createProfile, deleteProfile, type Clock } from './profiles';
import { getSetting } from './settings';
import {
	changePin,
	currentWait,
	getOrCreateSigningKey,
	getPinRecord,
	getSigningKey,
	hasPin,
	setFirstPin,
	TrainerPinError,
	tryPin
} from './trainer';
import { PIN_MIN_ITERATIONS } from '$lib/trainer/pin';
import { signPayload, verifyEnvelope } from '$lib/trainer/signing';

let db: RecordsRoomDb;
let n = 0;
const clock: Clock = { now: () => new Date('2026-11-25T09:00:00Z'), newId: () => `p${++n}` };
const at = (iso: string) => ({ now: new Date(iso), iterations: PIN_MIN_ITERATIONS });
const T = '2026-11-25T10:00:00.000Z';

let trainer: string;
let learner: string;

beforeEach(async () => {
	db = new RecordsRoomDb(`trainer-test-${Math.random()}`);
	await db.open();
	learner = (await createProfile(db, { name: 'Ada', role: 'new-starter' }, clock)).id;
	trainer = (await createProfile(db, { name: 'Ben', role: 'trainer' }, clock)).id;
});
afterEach(async () => {
	await db.delete();
});

async function pinError(p: Promise<unknown>): Promise<TrainerPinError> {
	try {
		await p;
	} catch (e) {
		if (e instanceof TrainerPinError) return e;
		throw e;
	}
	throw new Error('expected a TrainerPinError');
}

describe('trainer PIN storage', () => {
	it('sets a PIN once, survives reopening the database, and unlocks with it', async () => {
		expect(await hasPin(db, trainer)).toBe(false);
		await setFirstPin(db, trainer, '2580', '2580', at(T));
		const name = db.name;
		db.close();
		db = new RecordsRoomDb(name);
		await db.open();
		expect(await hasPin(db, trainer)).toBe(true);
		expect((await getPinRecord(db, trainer))?.setAt).toBe(T);
		expect(await tryPin(db, trainer, '2580', at(T))).toEqual({ ok: true });
	});

	it('stores only the hash', async () => {
		await setFirstPin(db, trainer, '73915', '73915', at(T));
		const rows = await db.settings.toArray();
		expect(JSON.stringify(rows)).not.toContain('73915');
	});

	it('refuses a PIN for a profile that is not a trainer, or that does not exist', async () => {
		expect((await pinError(setFirstPin(db, learner, '2580', '2580', at(T)))).message).toContain(
			'Only a trainer profile'
		);
		expect((await pinError(setFirstPin(db, 'nobody', '2580', '2580', at(T)))).field).toBe('profile');
	});

	it('explains rule breaks and mismatches, tied to the right field', async () => {
		const weak = await pinError(setFirstPin(db, trainer, '1234', '1234', at(T)));
		expect(weak).toMatchObject({ field: 'pin' });
		const mismatch = await pinError(setFirstPin(db, trainer, '2580', '2581', at(T)));
		expect(mismatch).toMatchObject({ field: 'confirm' });
		expect(mismatch.message).toContain('do not match');
		expect(await hasPin(db, trainer)).toBe(false);
	});

	it('will not set a first PIN twice (changing needs the current PIN)', async () => {
		await setFirstPin(db, trainer, '2580', '2580', at(T));
		expect((await pinError(setFirstPin(db, trainer, '7391', '7391', at(T)))).message).toContain('Change PIN');
	});

	it('says there is no PIN yet', async () => {
		expect(await tryPin(db, trainer, '2580', at(T))).toEqual({ ok: false, reason: 'no-pin' });
	});
});

describe('throttled unlocking', () => {
	it('counts down the free tries, then makes the trainer wait, and a right PIN resets the count', async () => {
		await setFirstPin(db, trainer, '2580', '2580', at(T));
		for (let i = 4; i >= 1; i--) {
			expect(await tryPin(db, trainer, '0001', at(T))).toEqual({
				ok: false,
				reason: 'wrong',
				triesBeforeWait: i,
				waitMs: 0
			});
		}
		expect(await tryPin(db, trainer, '0001', at(T))).toEqual({
			ok: false,
			reason: 'wrong',
			triesBeforeWait: 0,
			waitMs: 30_000
		});
		// Even the right PIN is refused during the wait, without being checked.
		expect(await tryPin(db, trainer, '2580', at('2026-11-25T10:00:10.000Z'))).toEqual({
			ok: false,
			reason: 'wait',
			waitMs: 20_000
		});
		expect(await currentWait(db, trainer, new Date('2026-11-25T10:00:10.000Z'))).toBe(20_000);
		expect(await tryPin(db, trainer, '2580', at('2026-11-25T10:00:30.000Z'))).toEqual({ ok: true });
		expect(await currentWait(db, trainer, new Date('2026-11-25T10:00:30.000Z'))).toBe(0);
		expect((await tryPin(db, trainer, '0001', at('2026-11-25T10:00:31.000Z'))).ok).toBe(false);
		expect(await currentWait(db, trainer, new Date('2026-11-25T10:00:31.000Z'))).toBe(0);
	});

	it('rehashes an old, weaker record with the current iteration count after a right PIN', async () => {
		await setFirstPin(db, trainer, '2580', '2580', at(T));
		expect((await getPinRecord(db, trainer))?.iterations).toBe(PIN_MIN_ITERATIONS);
		await tryPin(db, trainer, '2580', at(T));
		const after = await getPinRecord(db, trainer);
		expect(after?.iterations).toBe(600_000);
		expect(after?.setAt).toBe(T);
		expect(await tryPin(db, trainer, '2580', at(T))).toEqual({ ok: true });
	});
});

describe('changing the PIN', () => {
	it('needs the current PIN, and then only the new one works', async () => {
		await setFirstPin(db, trainer, '2580', '2580', at(T));
		expect(await changePin(db, trainer, '9999', '7391', '7391', at(T))).toMatchObject({
			ok: false,
			reason: 'wrong'
		});
		expect(await changePin(db, trainer, '2580', '7391', '7391', at(T))).toEqual({ ok: true });
		expect((await tryPin(db, trainer, '2580', at(T))).ok).toBe(false);
		expect(await tryPin(db, trainer, '7391', at(T))).toEqual({ ok: true });
	});

	it('checks the new PIN before spending a try on the current one', async () => {
		await setFirstPin(db, trainer, '2580', '2580', at(T));
		expect((await pinError(changePin(db, trainer, '0000', '1111', '1111', at(T)))).field).toBe('pin');
		expect((await pinError(changePin(db, trainer, '0000', '7391', '7392', at(T)))).field).toBe('confirm');
		const attempts = await getSetting<{ failures: number }>(db, `trainer:${trainer}:pinAttempts`);
		expect(attempts?.failures).toBe(0);
	});
});

describe('signing key', () => {
	it('is made once, kept as a non-extractable CryptoKey across reopening, and signs', async () => {
		const first = await getOrCreateSigningKey(db, trainer, new Date(T));
		const again = await getOrCreateSigningKey(db, trainer, new Date(T));
		expect(again.fingerprint).toBe(first.fingerprint);
		const name = db.name;
		db.close();
		db = new RecordsRoomDb(name);
		await db.open();
		const stored = await getSigningKey(db, trainer);
		expect(stored?.privateKey).toBeInstanceOf(CryptoKey);
		expect(stored?.privateKey.extractable).toBe(false);
		await expect(crypto.subtle.exportKey('jwk', stored!.privateKey)).rejects.toThrow();
		const envelope = await signPayload({ pack: 1 }, stored!.privateKey, {
			name: 'Ben',
			publicKeyJwk: stored!.publicKeyJwk
		});
		expect((await verifyEnvelope(envelope)).status).toBe('valid');
	});

	it('is only for trainers', async () => {
		await expect(getOrCreateSigningKey(db, learner, new Date(T))).rejects.toThrow('Only a trainer');
	});
});

describe('deleting a trainer profile', () => {
	it('removes its PIN, throttle and signing key, and nothing of other profiles', async () => {
		await setFirstPin(db, trainer, '2580', '2580', at(T));
		await tryPin(db, trainer, '0001', at(T));
		await getOrCreateSigningKey(db, trainer, new Date(T));
		await deleteProfile(db, trainer);
		const keys = (await db.settings.toArray()).map((r) => r.key);
		expect(keys.filter((k) => k.startsWith('trainer:'))).toEqual([]);
	});
});
