import {
	changePin,
	currentWait,
	getOrCreateSigningKey,
	getPinRecord,
	setFirstPin,
	tryPin,
	TrainerPinError,
	type RecordsRoomDb,
	type UnlockResult
} from '$lib/db';
import { shortFingerprint, signPayload, type SignedEnvelope } from '$lib/trainer/signing';
import { app } from './app.svelte';

/**
 * Survives a reload of this tab (sessionStorage) but not a new tab or closing the browser, and holds the profile
 * id so switching profile locks the area. Anyone with developer tools can set it: that is the deterrence-not-
 * security limit the page explains.
 */
const SESSION_KEY = 'records-room:trainer-unlocked';

export interface SigningKeyInfo {
	fingerprint: string;
	shortFingerprint: string;
	createdAt: string;
}

/**
 * The trainer area's lock for the active trainer profile: whether a PIN is set, whether this tab is unlocked, and
 * any wait after too many wrong tries. Pages read it and call its functions; only it talks to the db layer.
 */
class TrainerState {
	profileId = $state<string | undefined>(undefined);
	loaded = $state(false);
	hasPin = $state(false);
	pinSetAt = $state<string | undefined>(undefined);
	/** Milliseconds of wait still to run when last checked. */
	waitMs = $state(0);
	signingKey = $state.raw<SigningKeyInfo | null>(null);
	#unlockedFor = $state<string | null>(null);

	/** Unlocked only for the profile that entered its PIN, so switching profile locks the area. */
	unlocked = $derived(this.profileId !== undefined && this.#unlockedFor === this.profileId);

	/** Injected by tests; the app uses the clock. */
	now: () => Date = () => new Date();

	#db(): RecordsRoomDb {
		if (!app.db)
			throw new TrainerPinError(
				'Saving is not available in this browser, so a PIN cannot be kept.',
				'profile'
			);
		return app.db;
	}

	/** Reads the lock for a profile: call whenever the active profile changes. */
	async load(profileId: string | undefined) {
		this.profileId = profileId;
		this.loaded = false;
		this.signingKey = null;
		const session = readSession();
		if (session !== undefined) this.#unlockedFor = session;
		if (!profileId || !app.db) {
			this.hasPin = false;
			this.loaded = true;
			return;
		}
		const record = await getPinRecord(app.db, profileId);
		this.hasPin = record !== undefined;
		this.pinSetAt = record?.setAt;
		this.waitMs = await currentWait(app.db, profileId, this.now());
		// A PIN removed behind our back (site data cleared) must not leave the area open.
		if (!this.hasPin && this.#unlockedFor === profileId) this.lock();
		this.loaded = true;
	}

	async setFirstPin(pin: string, confirm: string) {
		const id = this.#requireProfile();
		await setFirstPin(this.#db(), id, pin, confirm, { now: this.now() });
		await this.load(id);
		this.#markUnlocked(id);
	}

	async unlock(pin: string): Promise<UnlockResult> {
		const id = this.#requireProfile();
		const result = await tryPin(this.#db(), id, pin, { now: this.now() });
		if (result.ok) this.#markUnlocked(id);
		this.waitMs = result.ok ? 0 : 'waitMs' in result ? result.waitMs : 0;
		return result;
	}

	async changePin(current: string, next: string, confirm: string): Promise<UnlockResult> {
		const id = this.#requireProfile();
		const result = await changePin(this.#db(), id, current, next, confirm, { now: this.now() });
		if (result.ok) await this.load(id);
		else if ('waitMs' in result) this.waitMs = result.waitMs;
		return result;
	}

	lock() {
		this.#unlockedFor = null;
		try {
			sessionStorage.removeItem(SESSION_KEY);
		} catch {
			// Storage blocked: the in-memory lock above is what counts.
		}
	}

	/** The trainer's signing key for packs, made on first use; only the public fingerprint leaves this module. */
	async loadSigningKey(): Promise<SigningKeyInfo> {
		const id = this.#requireProfile();
		const key = await getOrCreateSigningKey(this.#db(), id, this.now());
		this.signingKey = {
			fingerprint: key.fingerprint,
			shortFingerprint: shortFingerprint(key.fingerprint),
			createdAt: key.createdAt
		};
		return this.signingKey;
	}

	/**
	 * Signs a pack or assignment payload as the active trainer, for export. Requires the area to be unlocked, so
	 * a trainee at an unlocked-then-abandoned PC is the only way round it (the deterrence limit again).
	 */
	async sign<T>(payload: T): Promise<SignedEnvelope<T>> {
		const id = this.#requireProfile();
		if (!this.unlocked)
			throw new TrainerPinError('Unlock the trainer area before signing a file.', 'profile');
		const name = app.profiles.find((p) => p.id === id)?.name;
		if (!name) throw new TrainerPinError('That profile no longer exists. Choose a profile first.', 'profile');
		const key = await getOrCreateSigningKey(this.#db(), id, this.now());
		return signPayload(payload, key.privateKey, { name, publicKeyJwk: key.publicKeyJwk });
	}

	#requireProfile(): string {
		if (!this.profileId) throw new TrainerPinError('Choose a trainer profile first.', 'profile');
		return this.profileId;
	}

	#markUnlocked(id: string) {
		this.#unlockedFor = id;
		try {
			sessionStorage.setItem(SESSION_KEY, id);
		} catch {
			// Without sessionStorage the area stays unlocked until this page is reloaded.
		}
	}

	/** For tests: forget everything held in memory and in this tab's session. */
	reset() {
		this.lock();
		this.profileId = undefined;
		this.loaded = false;
		this.hasPin = false;
		this.pinSetAt = undefined;
		this.waitMs = 0;
		this.signingKey = null;
		this.now = () => new Date();
	}
}

/** The unlocked profile id, null when locked, undefined when sessionStorage cannot be read. */
function readSession(): string | null | undefined {
	try {
		return sessionStorage.getItem(SESSION_KEY);
	} catch {
		return undefined;
	}
}

export const trainer = new TrainerState();
