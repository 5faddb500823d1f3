import Dexie from 'dexie';
import type { TrustSettings } from '$lib/generator/types';
import type { TrustEdit } from '$lib/pas/replay';
import type { RecordsRoomDb } from './database';
import { findRealNhsNumber } from './backup';
import { systemClock, type Clock } from './profiles';

/**
 * A profile's practice trust (issue 4): the seed, settings and generator version that make it, never a row per
 * generated patient (toolchain.md: 100,000 rows took 20-29 s to write in Chromium). What the learner changes is
 * kept apart as append-only {@link TrustEventRow}s.
 */
export interface StoredTrust {
	id: string;
	profileId: string;
	/** The settings the generator was given; `today` is fixed when the trust is made, so it never drifts. */
	settings: TrustSettings;
	/** The generator version that made it. Another version may make different patients from the same seed. */
	generatorVersion: string;
	/**
	 * Set when the learner chose to keep using this trust under a newer generator version: the version they
	 * accepted, so they are asked once, not on every visit.
	 */
	acceptedVersion?: string;
	createdAt: string;
	/** Last time it was opened or made; the profile's active trust is the one used most recently. */
	usedAt: string;
}

/**
 * One edit, one row: saving a move never rewrites a growing log. `seq` orders edits within a trust. A scenario
 * attempt's embedded PAS keeps its trail here too, with the attempt's id as `trustId` (docs/adr/0003).
 */
export type TrustEventRow = TrustEdit & {
	id: string;
	profileId: string;
	trustId: string;
	seq: number;
	at: string;
	/**
	 * Scenario trails only: how many answers the attempt had when the edit was made, so a resumed step knows which
	 * look-ups were its own.
	 */
	step?: number;
};

/** A problem with the settings of a new trust, worded for the person who typed them. */
export class TrustStoreError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TrustStoreError';
	}
}

const trusts = (db: RecordsRoomDb) => db.table<StoredTrust, string>('trusts');
const events = (db: RecordsRoomDb) => db.table<TrustEventRow, string>('trustEvents');

/** Stores a new trust for a profile and makes it the active one. */
export async function createStoredTrust(
	db: RecordsRoomDb,
	profileId: string,
	settings: TrustSettings,
	generatorVersion: string,
	clock: Clock = systemClock
): Promise<StoredTrust> {
	// Backups refuse anything that reads as a real NHS number, so a seed that does would make the backup unloadable.
	if (findRealNhsNumber(settings.seed)) {
		throw new TrustStoreError(
			'That seed reads like a real NHS number, which Records Room never stores. Choose another seed.'
		);
	}
	const at = clock.now().toISOString();
	const row: StoredTrust = {
		id: clock.newId(),
		profileId,
		settings: { ...settings },
		generatorVersion,
		createdAt: at,
		usedAt: at
	};
	await trusts(db).add(row);
	return row;
}

export async function listStoredTrusts(db: RecordsRoomDb, profileId: string): Promise<StoredTrust[]> {
	const rows = await trusts(db).where('profileId').equals(profileId).toArray();
	return rows.sort((a, b) => (a.usedAt < b.usedAt ? 1 : a.usedAt > b.usedAt ? -1 : a.id < b.id ? 1 : -1));
}

/** The trust the profile used most recently, if it has one. */
export async function activeStoredTrust(
	db: RecordsRoomDb,
	profileId: string
): Promise<StoredTrust | undefined> {
	return (await listStoredTrusts(db, profileId))[0];
}

/** The profile's active trust, made from `defaults` the first time it is needed. */
export async function ensureStoredTrust(
	db: RecordsRoomDb,
	profileId: string,
	defaults: TrustSettings,
	generatorVersion: string,
	clock: Clock = systemClock
): Promise<StoredTrust> {
	return db.transaction('rw', db.table('trusts'), async () => {
		const existing = await activeStoredTrust(db, profileId);
		return existing ?? createStoredTrust(db, profileId, defaults, generatorVersion, clock);
	});
}

/** Marks a trust as just used, so it becomes the profile's active one. */
export async function touchStoredTrust(db: RecordsRoomDb, id: string, clock: Clock = systemClock) {
	await trusts(db).update(id, { usedAt: clock.now().toISOString() });
}

export type VersionCheck =
	{ ok: true } | { ok: false; storedVersion: string; currentVersion: string; message: string };

/**
 * Whether a stored trust can be remade exactly by this generator. A different version may give different
 * people from the same seed, so the learner's saved moves and audit entries could point at someone else: the
 * learner is told and chooses, never left with a silent mismatch.
 */
export function checkTrustVersion(trust: StoredTrust, currentVersion: string): VersionCheck {
	const version = trust.acceptedVersion ?? trust.generatorVersion;
	if (version === currentVersion) return { ok: true };
	return {
		ok: false,
		storedVersion: trust.generatorVersion,
		currentVersion,
		message:
			`Your practice trust (seed "${trust.settings.seed}") was made by an older version of the trust generator ` +
			`(version ${trust.generatorVersion}). This version of Records Room (generator ${currentVersion}) may make ` +
			'different patients from the same seed, so the notes you tracked and the records you opened may now ' +
			'point at different people. You can keep using it as it is, with your saved tracking and audit trail, or ' +
			'make a fresh trust from the same seed with an empty trail.'
	};
}

/** The learner chose to keep a trust made by another generator version: remember it so they are not asked again. */
export async function acceptTrustVersion(db: RecordsRoomDb, id: string, currentVersion: string) {
	await trusts(db).update(id, { acceptedVersion: currentVersion });
}

/** Appends one edit to a trust's log, numbered after the last one. */
export async function appendTrustEvent(
	db: RecordsRoomDb,
	trust: Pick<StoredTrust, 'id' | 'profileId'>,
	edit: TrustEdit,
	clock: Clock = systemClock,
	extra: Pick<TrustEventRow, 'step'> = {}
): Promise<TrustEventRow> {
	return db.transaction('rw', db.table('trustEvents'), async () => {
		const last = await events(db)
			.where('[trustId+seq]')
			.between([trust.id, Dexie.minKey], [trust.id, Dexie.maxKey])
			.last();
		const row = {
			...edit,
			id: clock.newId(),
			profileId: trust.profileId,
			trustId: trust.id,
			seq: (last?.seq ?? 0) + 1,
			at: clock.now().toISOString(),
			...extra
		} as TrustEventRow;
		await events(db).add(row);
		return row;
	});
}

/**
 * A trust's edits in order. Rows merged from two computers by a backup import may share a seq; the time and then
 * the id break the tie, so every computer replays them in the same order.
 */
export async function listTrustEvents(db: RecordsRoomDb, trustId: string): Promise<TrustEventRow[]> {
	const rows = await events(db)
		.where('[trustId+seq]')
		.between([trustId, Dexie.minKey], [trustId, Dexie.maxKey])
		.toArray();
	return rows.sort((a, b) => a.seq - b.seq || cmp(a.at, b.at) || cmp(a.id, b.id));
}

function cmp(a: string, b: string) {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Removes a trust and everything the learner did in it. */
export async function deleteStoredTrust(db: RecordsRoomDb, id: string): Promise<void> {
	await db.transaction('rw', db.table('trusts'), db.table('trustEvents'), async () => {
		await events(db).where('trustId').equals(id).delete();
		await trusts(db).delete(id);
	});
}
