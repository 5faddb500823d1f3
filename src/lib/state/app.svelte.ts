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
		return p;
	}

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

	/** For tests: forget everything held in memory. */
	reset() {
		this.db?.close();
		this.db = null;
		this.status = null;
		this.profiles = [];
		this.activeId = undefined;
		this.versionChanged = false;
		this.ready = false;
		this.#opening = null;
	}
}

export const app = new AppState();
