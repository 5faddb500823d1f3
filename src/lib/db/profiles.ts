import type { RecordsRoomDb } from './database';
import { deleteSetting, getSetting, putSetting } from './settings';
import { deleteTrainerData } from './trainer';
import { deleteAssignmentDataOf } from './assignments';
import { describeLearningRecords } from './learning-records';

export type ProfileRole = 'new-starter' | 'apprentice' | 'trainer';

export const PROFILE_ROLES: { value: ProfileRole; label: string; hint: string }[] = [
	{ value: 'new-starter', label: 'New starter', hint: 'In induction: guided practice with hints.' },
	{
		value: 'apprentice',
		label: 'Apprentice',
		hint: 'Practice and assessment, with evidence for a portfolio.'
	},
	{ value: 'trainer', label: 'Trainer', hint: 'Sets scenarios and follows a group.' }
];

export interface Profile {
	id: string;
	name: string;
	/** The name folded for comparison (case and spacing), so "Sam  Jones" and "sam jones" count as one. */
	nameKey: string;
	role: ProfileRole;
	createdAt: string;
	updatedAt: string;
}

export const PROFILE_NAME_MAX = 60;
const ACTIVE_KEY = 'activeProfileId';

/** A problem with what the user typed, worded for the user, tied to the form field it is about. */
export class ProfileError extends Error {
	constructor(
		message: string,
		readonly field: 'name' | 'role' | 'profile'
	) {
		super(message);
		this.name = 'ProfileError';
	}
}

export interface Clock {
	now: () => Date;
	newId: () => string;
}

export const systemClock: Clock = {
	now: () => new Date(),
	newId: () => crypto.randomUUID()
};

export function normaliseName(raw: string): string {
	return raw.replace(/\s+/g, ' ').trim();
}

function nameKey(name: string): string {
	return normaliseName(name).toLocaleLowerCase('en-GB');
}

/** Checks a display name and returns it tidied, or throws a ProfileError the form can show as it is. */
export function validateProfileName(raw: unknown): string {
	if (typeof raw !== 'string' || normaliseName(raw) === '') {
		throw new ProfileError('Enter a display name, for example your first name.', 'name');
	}
	const name = normaliseName(raw);
	if ([...name].length > PROFILE_NAME_MAX) {
		throw new ProfileError(`Display name must be ${PROFILE_NAME_MAX} characters or fewer.`, 'name');
	}
	// Control characters would be invisible in the header and could confuse a later export.
	if (/\p{Cc}/u.test(name)) {
		throw new ProfileError('Display name can only contain letters, numbers, spaces and punctuation.', 'name');
	}
	return name;
}

function validateRole(role: unknown): ProfileRole {
	if (!PROFILE_ROLES.some((r) => r.value === role)) {
		throw new ProfileError('Select a role: new starter, apprentice or trainer.', 'role');
	}
	return role as ProfileRole;
}

async function assertNameFree(db: RecordsRoomDb, name: string, exceptId?: string) {
	const clash = await db.profiles.where('nameKey').equals(nameKey(name)).first();
	if (clash && clash.id !== exceptId) {
		throw new ProfileError(
			`A profile called "${clash.name}" already exists on this computer. Choose a different name, or switch to that profile.`,
			'name'
		);
	}
}

export async function listProfiles(db: RecordsRoomDb): Promise<Profile[]> {
	const all = await db.profiles.toArray();
	return all.sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }));
}

export async function getProfile(db: RecordsRoomDb, id: string): Promise<Profile | undefined> {
	return db.profiles.get(id);
}

export async function createProfile(
	db: RecordsRoomDb,
	input: { name: unknown; role: unknown },
	clock: Clock = systemClock
): Promise<Profile> {
	const name = validateProfileName(input.name);
	const role = validateRole(input.role);
	return db.transaction('rw', db.profiles, db.settings, async () => {
		await assertNameFree(db, name);
		const at = clock.now().toISOString();
		const profile: Profile = {
			id: clock.newId(),
			name,
			nameKey: nameKey(name),
			role,
			createdAt: at,
			updatedAt: at
		};
		await db.profiles.add(profile);
		// A new profile becomes the active one: the person who made it is the one at the keyboard.
		await putSetting(db, ACTIVE_KEY, profile.id);
		return profile;
	});
}

export async function renameProfile(
	db: RecordsRoomDb,
	id: string,
	newName: unknown,
	clock: Clock = systemClock
): Promise<Profile> {
	const name = validateProfileName(newName);
	return db.transaction('rw', db.profiles, async () => {
		const existing = await db.profiles.get(id);
		if (!existing)
			throw new ProfileError(
				'That profile no longer exists. It may have been deleted in another tab.',
				'profile'
			);
		await assertNameFree(db, name, id);
		const updated: Profile = {
			...existing,
			name,
			nameKey: nameKey(name),
			updatedAt: clock.now().toISOString()
		};
		await db.profiles.put(updated);
		return updated;
	});
}

/**
 * Tables that hold rows belonging to a profile, found by an index on the owner's id (`profileId` unless `ownerKey`
 * names another). Deleting a profile removes everything registered here, the confirmation says what, and a backup
 * of the profile carries it (ADR 0004) unless `backedUp` is false, so a new table is looked after by registering it.
 */
export const PROFILE_OWNED_TABLES: {
	table: string;
	/** The indexed field holding the owner's profile id; `profileId` when absent. */
	ownerKey?: 'ownerProfileId';
	/**
	 * False for rows that go with the profile but not into its backup: copies of other people's files, large and
	 * easy to import again. A backup holding such a table is refused as data this version does not know.
	 */
	backedUp?: false;
	label: (n: number) => string;
	/** A more exact line for the delete confirmation, from the rows themselves, where a count says too little. */
	describe?: (rows: Record<string, unknown>[]) => string;
	/**
	 * Other profile ids a row names besides its owner's, for a backup restored onto a computer where a profile of
	 * the same name already exists under another id: the import swaps them for the id here.
	 */
	otherProfileIds?: (row: Record<string, unknown>, swap: (id: string) => string) => Record<string, unknown>;
	/**
	 * An import meets a row here with the same key but another owner: the row stays with its owner here, and this
	 * says what to take from the file's copy. Without it the file's copy is left out.
	 */
	combine?: (here: Record<string, unknown>, incoming: Record<string, unknown>) => Record<string, unknown>;
}[] = [
	{ table: 'attempts', label: (n) => `${n} scenario ${n === 1 ? 'attempt' : 'attempts'} and their results` },
	{
		table: 'attemptEvents',
		label: (n) => `${n} saved ${n === 1 ? 'answer or action' : 'answers and actions'} from those attempts`
	},
	{
		table: 'learningRecords',
		label: (n) =>
			`${n} ${n === 1 ? 'learning record' : 'learning records'} (induction progress, mock assessment, evidence sign-off)`,
		describe: describeLearningRecords
	},
	{ table: 'trusts', label: (n) => `${n} practice ${n === 1 ? 'trust' : 'trusts'} (seed and settings)` },
	{
		table: 'trustEvents',
		label: (n) =>
			`${n} ${n === 1 ? 'change' : 'changes'} made on the PAS (casenote tracking and the records you opened)`
	},
	{
		// Assignments a trainer set, or a trainee took from a scenario pack (the importer owns the copy).
		table: 'assignments',
		ownerKey: 'ownerProfileId',
		label: (n) =>
			`${n} ${n === 1 ? 'assignment' : 'assignments'} (set by this profile, or imported from a scenario pack)`,
		otherProfileIds: (row, swap) =>
			Array.isArray(row.assignedProfileIds)
				? {
						...row,
						assignedProfileIds: row.assignedProfileIds.map((id) => (typeof id === 'string' ? swap(id) : id))
					}
				: row,
		// A trainee's copy from a pack has the trainer's assignment id: restored where the trainer's own is, the
		// trainee is added to the trainer's, as importing the pack there would have done.
		combine: (here, incoming) => ({
			...here,
			assignedProfileIds: [
				...new Set([...idsIn(here.assignedProfileIds), ...idsIn(incoming.assignedProfileIds)])
			]
		})
	},
	{
		// Trainees' progress files this trainer imported (issue 11): up to 80 MB, and the trainees still have them.
		table: 'trainerCohortFiles',
		ownerKey: 'ownerProfileId',
		backedUp: false,
		label: (n) =>
			`${n} trainee progress ${n === 1 ? 'file' : 'files'} imported into the cohort dashboard (not in backups)`
	}
];

/** The profile-owned tables a backup carries. */
export const BACKED_UP_TABLES = PROFILE_OWNED_TABLES.filter((t) => t.backedUp !== false);

function idsIn(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/** The field of a profile-owned table's rows that holds the owner's profile id. */
export function ownerKeyOf(owned: (typeof PROFILE_OWNED_TABLES)[number]): string {
	return owned.ownerKey ?? 'profileId';
}

export interface ProfileDataSummary {
	profile: Profile;
	items: { table: string; count: number; description: string }[];
}

export async function describeProfileData(db: RecordsRoomDb, id: string): Promise<ProfileDataSummary> {
	const profile = await db.profiles.get(id);
	if (!profile) throw new ProfileError('That profile no longer exists.', 'profile');
	const items = [];
	for (const owned of PROFILE_OWNED_TABLES) {
		const rows = db.table(owned.table).where(ownerKeyOf(owned)).equals(id);
		if (owned.describe) {
			const all = (await rows.toArray()) as Record<string, unknown>[];
			const description = all.length > 0 ? owned.describe(all) : owned.label(0);
			items.push({ table: owned.table, count: all.length, description });
		} else {
			const count = await rows.count();
			items.push({ table: owned.table, count, description: owned.label(count) });
		}
	}
	return { profile, items };
}

export async function deleteProfile(db: RecordsRoomDb, id: string): Promise<void> {
	const tables = [db.profiles, db.settings, ...PROFILE_OWNED_TABLES.map((t) => db.table(t.table))];
	await db.transaction('rw', tables, async () => {
		for (const owned of PROFILE_OWNED_TABLES) {
			await db.table(owned.table).where(ownerKeyOf(owned)).equals(id).delete();
		}
		await db.profiles.delete(id);
		await deleteTrainerData(db, id);
		// Its own assignments went with the tables above; this takes it off the ones other trainers set it.
		await deleteAssignmentDataOf(db, id);
		if ((await getSetting<string>(db, ACTIVE_KEY)) === id) await deleteSetting(db, ACTIVE_KEY);
	});
}

export async function getActiveProfileId(db: RecordsRoomDb): Promise<string | undefined> {
	const id = await getSetting<string>(db, ACTIVE_KEY);
	if (id && (await db.profiles.get(id))) return id;
	return undefined;
}

export async function setActiveProfile(db: RecordsRoomDb, id: string | undefined): Promise<void> {
	if (id === undefined) return deleteSetting(db, ACTIVE_KEY);
	if (!(await db.profiles.get(id))) throw new ProfileError('That profile no longer exists.', 'profile');
	await putSetting(db, ACTIVE_KEY, id);
}

export function roleLabel(role: ProfileRole): string {
	return PROFILE_ROLES.find((r) => r.value === role)?.label ?? role;
}
