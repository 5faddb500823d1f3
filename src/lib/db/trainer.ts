import type { RecordsRoomDb } from './database';
import { getSetting, putSetting } from './settings';
import {
	attemptAllowed,
	checkPinRules,
	FREE_ATTEMPTS,
	hashPin,
	isAttemptState,
	isPinRecord,
	needsRehash,
	NO_ATTEMPTS,
	recordFailure,
	verifyPin,
	type AttemptState,
	type PinRecord
} from '$lib/trainer/pin';
import { generateSigningKey, type PublicKeyJwk, type SigningKeyPair } from '$lib/trainer/signing';

/**
 * Trainer data kept in the settings table, one row per item, keyed by profile so two trainers sharing a PC have
 * their own PIN and signing key. The key prefix lets deleteTrainerData remove everything a profile had.
 */
const prefix = (profileId: string) => `trainer:${profileId}:`;
const PIN_KEY = (id: string) => `${prefix(id)}pin`;
const ATTEMPTS_KEY = (id: string) => `${prefix(id)}pinAttempts`;
const SIGNING_KEY = (id: string) => `${prefix(id)}signingKey`;

/** A problem worded for the trainer, tied to the form field it is about. */
export class TrainerPinError extends Error {
	constructor(
		message: string,
		readonly field: 'pin' | 'confirm' | 'current' | 'profile'
	) {
		super(message);
		this.name = 'TrainerPinError';
	}
}

async function requireTrainer(db: RecordsRoomDb, profileId: string) {
	const profile = await db.profiles.get(profileId);
	if (!profile)
		throw new TrainerPinError('That profile no longer exists. Choose a profile first.', 'profile');
	if (profile.role !== 'trainer') {
		throw new TrainerPinError('Only a trainer profile can have a trainer PIN.', 'profile');
	}
	return profile;
}

export async function getPinRecord(db: RecordsRoomDb, profileId: string): Promise<PinRecord | undefined> {
	const value = await getSetting<unknown>(db, PIN_KEY(profileId));
	return isPinRecord(value) ? value : undefined;
}

export async function hasPin(db: RecordsRoomDb, profileId: string): Promise<boolean> {
	return (await getPinRecord(db, profileId)) !== undefined;
}

export interface PinOptions {
	now: Date;
	/** Tests pass the floor (210,000) to keep runs short; the app uses the default. */
	iterations?: number;
}

/**
 * Sets the PIN the first time. Refuses when one is already set, so a trainee who finds an unlocked screen cannot
 * quietly replace the PIN without knowing it (changePin asks for the current one).
 */
export async function setFirstPin(
	db: RecordsRoomDb,
	profileId: string,
	pin: string,
	confirm: string,
	options: PinOptions
): Promise<void> {
	await requireTrainer(db, profileId);
	if (await hasPin(db, profileId)) {
		throw new TrainerPinError('A PIN is already set for this profile. Use "Change PIN" instead.', 'pin');
	}
	await storeNewPin(db, profileId, pin, confirm, options);
}

async function storeNewPin(
	db: RecordsRoomDb,
	profileId: string,
	pin: string,
	confirm: string,
	options: PinOptions
) {
	const rules = checkPinRules(pin);
	if (!rules.ok) throw new TrainerPinError(rules.message, 'pin');
	if (confirm.trim() !== rules.pin) {
		throw new TrainerPinError('The two PINs do not match. Type the same PIN in both boxes.', 'confirm');
	}
	// Hash outside any transaction: Dexie commits a transaction that waits on non-Dexie work.
	const record = await hashPin(rules.pin, { now: options.now, iterations: options.iterations });
	await putSetting(db, PIN_KEY(profileId), record);
	await putSetting(db, ATTEMPTS_KEY(profileId), NO_ATTEMPTS);
}

export type UnlockResult =
	| { ok: true }
	| { ok: false; reason: 'no-pin' }
	| { ok: false; reason: 'wrong'; triesBeforeWait: number; waitMs: number }
	| { ok: false; reason: 'wait'; waitMs: number };

async function getAttempts(db: RecordsRoomDb, profileId: string): Promise<AttemptState> {
	const value = await getSetting<unknown>(db, ATTEMPTS_KEY(profileId));
	return isAttemptState(value) ? value : NO_ATTEMPTS;
}

/** The wait still to run before the next try, so the page can say so before the trainer types anything. */
export async function currentWait(db: RecordsRoomDb, profileId: string, now: Date): Promise<number> {
	return attemptAllowed(await getAttempts(db, profileId), now.getTime()).waitMs;
}

/**
 * Checks a PIN with the throttle: after 5 wrong tries each further try waits 30 s, doubling to 15 min. The count
 * is stored, so reloading the page does not reset it (clearing site data does, which is why this is deterrence).
 */
export async function tryPin(
	db: RecordsRoomDb,
	profileId: string,
	pin: string,
	options: PinOptions
): Promise<UnlockResult> {
	const record = await getPinRecord(db, profileId);
	if (!record) return { ok: false, reason: 'no-pin' };
	const now = options.now.getTime();
	const before = await getAttempts(db, profileId);
	const gate = attemptAllowed(before, now);
	if (!gate.allowed) return { ok: false, reason: 'wait', waitMs: gate.waitMs };
	if (await verifyPin(pin, record)) {
		await putSetting(db, ATTEMPTS_KEY(profileId), NO_ATTEMPTS);
		if (needsRehash(record) && checkPinRules(pin).ok) {
			await putSetting(db, PIN_KEY(profileId), await hashPin(pin.trim(), { now: new Date(record.setAt) }));
		}
		return { ok: true };
	}
	const after = recordFailure(before, now);
	await putSetting(db, ATTEMPTS_KEY(profileId), after);
	return {
		ok: false,
		reason: 'wrong',
		triesBeforeWait: Math.max(0, FREE_ATTEMPTS - after.failures),
		waitMs: attemptAllowed(after, now).waitMs
	};
}

/** Changes the PIN; the current one must be right (and goes through the same throttle). */
export async function changePin(
	db: RecordsRoomDb,
	profileId: string,
	current: string,
	next: string,
	confirm: string,
	options: PinOptions
): Promise<UnlockResult> {
	await requireTrainer(db, profileId);
	// Check the new PIN first, so a typo there does not cost one of the limited tries of the current PIN.
	const rules = checkPinRules(next);
	if (!rules.ok) throw new TrainerPinError(rules.message, 'pin');
	if (confirm.trim() !== rules.pin) {
		throw new TrainerPinError('The two new PINs do not match. Type the same PIN in both boxes.', 'confirm');
	}
	const result = await tryPin(db, profileId, current, options);
	if (!result.ok) return result;
	await storeNewPin(db, profileId, next, confirm, options);
	return { ok: true };
}

// ---- Signing key -------------------------------------------------------------------------------------------

interface StoredSigningKey {
	privateKey: CryptoKey;
	publicKeyJwk: PublicKeyJwk;
	fingerprint: string;
	createdAt: string;
}

/**
 * The trainer's signing key, made on first use. IndexedDB stores a CryptoKey by structured clone, so the private
 * key stays non-extractable at rest too (checked with fake-indexeddb in db/trainer.spec.ts and in Chromium by the
 * trainer e2e test). A backup file never includes it: the backup exports profiles, not settings.
 */
export async function getOrCreateSigningKey(
	db: RecordsRoomDb,
	profileId: string,
	now: Date
): Promise<SigningKeyPair & { createdAt: string }> {
	await requireTrainer(db, profileId);
	const stored = await getSetting<StoredSigningKey>(db, SIGNING_KEY(profileId));
	if (stored && stored.privateKey && typeof stored.fingerprint === 'string') return stored;
	const pair = await generateSigningKey();
	const row: StoredSigningKey = { ...pair, createdAt: now.toISOString() };
	await putSetting(db, SIGNING_KEY(profileId), row);
	return row;
}

export async function getSigningKey(
	db: RecordsRoomDb,
	profileId: string
): Promise<(SigningKeyPair & { createdAt: string }) | undefined> {
	const stored = await getSetting<StoredSigningKey>(db, SIGNING_KEY(profileId));
	return stored && stored.privateKey ? stored : undefined;
}

/** Removes a profile's PIN, throttle and signing key. deleteProfile calls it inside its own transaction. */
export async function deleteTrainerData(db: RecordsRoomDb, profileId: string): Promise<void> {
	await db.settings.where('key').startsWith(prefix(profileId)).delete();
}
