import {
	createProfile,
	deleteProfile,
	describeProfileData,
	getActiveProfileId,
	listProfiles,
	openDatabase,
	renameProfile,
	setActiveProfile,
	type Profile,
	type ProfileRole,
	type RecordsRoomDb,
	type StorageStatus
} from '$lib/db';

/**
 * The long-lived join between the UI and storage for the whole app: the open database, whether storage works,
 * the profiles on this computer and which one is active. Components read it and call its functions; they never
 * import the db layer themselves.
 */
class AppState {
	db = $state.raw<RecordsRoomDb | null>(null);
	status = $state.raw<StorageStatus | null>(null);
	profiles = $state.raw<Profile[]>([]);
	activeId = $state<string | undefined>(undefined);
	/** Set when another tab upgraded the database: this tab must reload before it can save again. */
	versionChanged = $state(false);
	ready = $state(false);
	/** Set when a save failed because the disk or the browser's storage allowance is full. */
	quotaExceeded = $state(false);

	active = $derived(this.profiles.find((p) => p.id === this.activeId));

	#opening: Promise<void> | null = null;

	init(): Promise<void> {
		this.#opening ??= this.#open();
		return this.#opening;
	}

	async #open() {
		const { db, status } = await openDatabase();
		this.db = db;
		this.status = status;
		if (db) {
			db.on('versionchange', () => {
				// Close so the other tab's upgrade can go ahead; this tab asks the person to reload.
				this.versionChanged = true;
				db.close();
				return false;
			});
			await this.refresh();
		}
		this.ready = true;
	}

	async refresh() {
		if (!this.db) return;
		this.profiles = await listProfiles(this.db);
		this.activeId = await getActiveProfileId(this.db);
	}

	#requireDb(): RecordsRoomDb {
		if (!this.db) throw new Error('Saving is not available in this browser, so profiles cannot be changed.');
		return this.db;
	}

	async createProfile(name: string, role: ProfileRole | '') {
		const p = await createProfile(this.#requireDb(), { name, role });
		await this.refresh();
		this.onMeaningfulSave?.();
		return p;
	}

	/** Set by the backup state, so the first save can ask for persistent storage without a circular import. */
	onMeaningfulSave: (() => void) | null = null;

	async renameProfile(id: string, name: string) {
		await renameProfile(this.#requireDb(), id, name);
		await this.refresh();
	}

	async switchTo(id: string | undefined) {
		await setActiveProfile(this.#requireDb(), id);
		await this.refresh();
	}

	describeProfile(id: string) {
		return describeProfileData(this.#requireDb(), id);
	}

	async deleteProfile(id: string) {
		await deleteProfile(this.#requireDb(), id);
		await this.refresh();
	}

	/** Called with anything a save threw: a full disk gets the "export now" banner rather than a silent failure. */
	noteStorageError(err: unknown): boolean {
		if (isQuotaError(err)) {
			this.quotaExceeded = true;
			return true;
		}
		return false;
	}

	/** For tests: forget everything held in memory. */
	reset() {
		this.db?.close();
		this.db = null;
		this.status = null;
		this.profiles = [];
		this.activeId = undefined;
		this.versionChanged = false;
		this.quotaExceeded = false;
		this.ready = false;
		this.#opening = null;
	}
}

export const app = new AppState();

/**
 * A full disk shows up as QuotaExceededError, or wrapped: Dexie reports an aborted transaction (AbortError) whose
 * `inner` is the quota error, and some browsers name it in the message only.
 */
export function isQuotaError(err: unknown): boolean {
	for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
		const x = e as { name?: string; message?: string; inner?: unknown; cause?: unknown };
		if (x.name === 'QuotaExceededError' || /quota/i.test(x.message ?? '')) return true;
		e = x.inner ?? x.cause;
	}
	return false;
}
