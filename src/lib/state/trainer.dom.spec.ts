import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from './app.svelte';
import { trainer } from './trainer.svelte';
import { describeTrainerError, describeUnlockFailure } from './trainer-messages';
import { TrainerPinError } from '$lib/db/trainer';
import { verifyEnvelope } from '$lib/trainer/signing';

// The state module hashes at the app's full 600,000 rounds: about 0.3-1 s a call here.
vi.setConfig({ testTimeout: 60_000 });

beforeEach(async () => {
	sessionStorage.clear();
	await app.init();
	trainer.now = () => new Date('2026-11-25T10:00:00Z');
});

afterEach(async () => {
	const db = app.db;
	trainer.reset();
	app.reset();
	if (db) await db.delete();
});

describe('trainer state', () => {
	it('sets a PIN, stays unlocked for this tab session, locks, and unlocks again', async () => {
		const ben = await app.createProfile('Ben', 'trainer');
		await trainer.load(ben.id);
		expect(trainer.hasPin).toBe(false);
		expect(trainer.unlocked).toBe(false);

		await trainer.setFirstPin('2580', '2580');
		expect(trainer.hasPin).toBe(true);
		expect(trainer.unlocked).toBe(true);
		expect(trainer.pinSetAt).toBe('2026-11-25T10:00:00.000Z');

		// A fresh load (as after a reload of this tab) keeps it unlocked through sessionStorage.
		await trainer.load(ben.id);
		expect(trainer.unlocked).toBe(true);

		trainer.lock();
		expect(trainer.unlocked).toBe(false);
		await trainer.load(ben.id);
		expect(trainer.unlocked).toBe(false);

		expect(await trainer.unlock('9999')).toMatchObject({ ok: false, reason: 'wrong', triesBeforeWait: 4 });
		expect(trainer.unlocked).toBe(false);
		expect(await trainer.unlock('2580')).toEqual({ ok: true });
		expect(trainer.unlocked).toBe(true);
	});

	it('is locked for any other profile, even while unlocked for one', async () => {
		const ben = await app.createProfile('Ben', 'trainer');
		await trainer.load(ben.id);
		await trainer.setFirstPin('2580', '2580');
		const cal = await app.createProfile('Cal', 'trainer');
		await trainer.load(cal.id);
		expect(trainer.hasPin).toBe(false);
		expect(trainer.unlocked).toBe(false);
		await trainer.load(undefined);
		expect(trainer.unlocked).toBe(false);
	});

	it('shows the signing key only as a fingerprint', async () => {
		const ben = await app.createProfile('Ben', 'trainer');
		await trainer.load(ben.id);
		const info = await trainer.loadSigningKey();
		expect(Object.keys(info).sort()).toEqual(['createdAt', 'fingerprint', 'shortFingerprint']);
		expect(info.shortFingerprint).toMatch(/^([0-9a-f]{4} ){4}[0-9a-f]{4}$/);
		expect((await trainer.loadSigningKey()).fingerprint).toBe(info.fingerprint);
	});

	it('signs a payload as the active trainer only when unlocked', async () => {
		const ben = await app.createProfile('Ben', 'trainer');
		await trainer.load(ben.id);
		await expect(trainer.sign({ pack: 1 })).rejects.toThrow('Unlock the trainer area');
		await trainer.setFirstPin('2580', '2580');
		const envelope = await trainer.sign({ pack: 1 });
		const result = await verifyEnvelope(JSON.parse(JSON.stringify(envelope)));
		expect(result).toMatchObject({ status: 'valid', signer: { name: 'Ben' }, payload: { pack: 1 } });
		expect(result.fingerprint).toBe((await trainer.loadSigningKey()).fingerprint);
	});

	it('refuses without a trainer profile', async () => {
		await trainer.load(undefined);
		await expect(trainer.setFirstPin('2580', '2580')).rejects.toThrow('Choose a trainer profile first.');
	});
});

describe('messages', () => {
	it('ties PIN errors to their fields, on either form', () => {
		expect(describeTrainerError(new TrainerPinError('x', 'confirm'))).toEqual({
			field: 'confirm-pin',
			message: 'x'
		});
		expect(describeTrainerError(new TrainerPinError('x', 'pin'), { pin: 'change-new-pin' })).toEqual({
			field: 'change-new-pin',
			message: 'x'
		});
		expect(describeTrainerError(new Error('?')).message).toContain('Something went wrong');
	});

	it('says how many tries are left, or how long to wait', () => {
		expect(describeUnlockFailure({ ok: false, reason: 'wrong', triesBeforeWait: 1, waitMs: 0 })).toBe(
			'That PIN is not right. Check it and try again. 1 try left before you have to wait.'
		);
		expect(
			describeUnlockFailure({ ok: false, reason: 'wrong', triesBeforeWait: 0, waitMs: 30_000 }, 'current')
		).toBe('That current PIN is not right. Too many wrong tries: wait 30 seconds, then try again.');
		expect(describeUnlockFailure({ ok: false, reason: 'wait', waitMs: 90_000 })).toBe(
			'Too many wrong tries. Wait 2 minutes, then try again.'
		);
	});
});
