import {
	acceptTrustVersion,
	appendTrustEvent,
	checkTrustVersion,
	createStoredTrust,
	ensureStoredTrust,
	listTrustEvents,
	touchStoredTrust,
	TrustStoreError,
	type StoredTrust,
	type VersionCheck
} from '$lib/db/trusts';
import type { Clock } from '$lib/db/profiles';
import { GENERATOR_VERSION } from '$lib/generator/version';
import type { TrustSettings } from '$lib/generator/types';
import { EMPTY_EDIT_STATE, replayEdits, type TrustEdit, type TrustEditState } from '$lib/pas/replay';
import { app } from './app.svelte';
import { todayIso } from './clock';

/** The trust a profile gets the first time it opens the trust browser or the practice PAS. */
export const DEFAULT_PRACTICE_SEED = 'records-room';
export const DEFAULT_PRACTICE_PATIENTS = 10_000;

export type PracticeTrustStatus = 'idle' | 'loading' | 'ready' | 'unsaved' | 'error';

/**
 * The active profile's stored practice trust, shared by /trust/ and /pas/: its settings, whether this generator
 * version can remake it, and the learner's edits replayed. Without a profile (or where the browser saves
 * nothing) the pages still work on an unsaved trust, and say so.
 */
class PracticeTrust {
	status = $state<PracticeTrustStatus>('idle');
	stored = $state.raw<StoredTrust | null>(null);
	/** Set when the stored trust was made by another generator version and the learner has not chosen yet. */
	mismatch = $state.raw<Extract<VersionCheck, { ok: false }> | null>(null);
	edits = $state.raw<TrustEditState>(EMPTY_EDIT_STATE);
	error = $state('');

	/** Clock for tests; the pages use the real one, and the generator itself never reads it. */
	clock: Clock | undefined = undefined;

	/** Loads (or on first use makes) the active profile's trust. */
	async load(): Promise<void> {
		this.status = 'loading';
		this.error = '';
		await app.init();
		const db = app.db;
		const profileId = app.activeId;
		if (!db || !profileId) {
			this.#clear('unsaved');
			return;
		}
		try {
			const trust = await ensureStoredTrust(
				db,
				profileId,
				{
					seed: DEFAULT_PRACTICE_SEED,
					patients: DEFAULT_PRACTICE_PATIENTS,
					today: todayIso(this.clock?.now())
				},
				GENERATOR_VERSION,
				this.clock
			);
			await this.#show(trust);
		} catch (e) {
			this.#fail(e);
		}
	}

	async #show(trust: StoredTrust) {
		const db = app.db!;
		const check = checkTrustVersion(trust, GENERATOR_VERSION);
		this.mismatch = check.ok ? null : check;
		this.edits = replayEdits(await listTrustEvents(db, trust.id));
		this.stored = trust;
		this.status = 'ready';
	}

	/**
	 * Makes a new trust for the profile from a seed and size, dated today unless `today` is given, and makes it the
	 * active one. `longHistories` is stored only when given, so the generator's default applies otherwise. Returns
	 * a sentence to show when it could not be made; null when it was.
	 */
	async makeNew(
		seed: string,
		patients: number,
		{ today, longHistories }: { today?: string; longHistories?: number } = {}
	): Promise<string | null> {
		const db = app.db;
		const profileId = app.activeId;
		if (!db || !profileId) return null;
		const settings: TrustSettings = {
			seed,
			patients,
			today: today ?? todayIso(this.clock?.now()),
			...(longHistories === undefined ? {} : { longHistories })
		};
		try {
			await this.#show(await createStoredTrust(db, profileId, settings, GENERATOR_VERSION, this.clock));
			return null;
		} catch (e) {
			if (e instanceof TrustStoreError) return e.message;
			this.#fail(e);
			return this.error;
		}
	}

	/** The learner keeps a trust made by another generator version, with its trail, knowing patients may differ. */
	async keepAsIs() {
		if (!this.stored || !app.db) return;
		await acceptTrustVersion(app.db, this.stored.id, GENERATOR_VERSION);
		this.stored = { ...this.stored, acceptedVersion: GENERATOR_VERSION };
		this.mismatch = null;
	}

	/** The learner starts a fresh trust from the same settings under this version; the old one stays in backups. */
	async makeFresh() {
		if (!this.stored || !app.db) return;
		const { seed, patients, today, longHistories } = this.stored.settings;
		await this.makeNew(String(seed), patients, { today, longHistories });
	}

	/** Stores one edit against the active trust. */
	persist = async (edit: TrustEdit): Promise<void> => {
		const db = app.db;
		const trust = this.stored;
		if (!db || !trust) return;
		try {
			await appendTrustEvent(db, trust, edit, this.clock);
			await touchStoredTrust(db, trust.id, this.clock);
		} catch (e) {
			app.noteStorageError(e);
			throw e;
		}
	};

	#clear(status: PracticeTrustStatus) {
		this.stored = null;
		this.mismatch = null;
		this.edits = EMPTY_EDIT_STATE;
		this.status = status;
	}

	#fail(e: unknown) {
		app.noteStorageError(e);
		this.#clear('error');
		this.error =
			'Your practice trust could not be loaded from this browser’s storage. Reload the page; if it happens again, export a backup from "Your data" and try another browser.';
	}

	/** For tests. */
	reset() {
		this.#clear('idle');
		this.error = '';
		this.clock = undefined;
	}
}

export const practiceTrust = new PracticeTrust();
