import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordsRoomDb } from './database';
import {
	createProfile,
	deleteProfile,
	describeProfileData,
	getActiveProfileId,
	listProfiles,
	ProfileError,
	renameProfile,
	setActiveProfile,
	type Clock
} from './profiles';

let db: RecordsRoomDb;
let n = 0;
const clock: Clock = { now: () => new Date('2026-11-25T09:00:00Z'), newId: () => `p${++n}` };

beforeEach(async () => {
	db = new RecordsRoomDb(`test-${Math.random()}`);
	await db.open();
});
afterEach(async () => {
	await db.delete();
});

async function errorOf(p: Promise<unknown>): Promise<ProfileError> {
	try {
		await p;
	} catch (e) {
		if (e instanceof ProfileError) return e;
		throw e;
	}
	throw new Error('expected a ProfileError');
}

describe('profile repository', () => {
	it('creates a profile, makes it active and lists profiles by name', async () => {
		const b = await createProfile(db, { name: '  Bea   Khan ', role: 'apprentice' }, clock);
		expect(b).toMatchObject({ name: 'Bea Khan', role: 'apprentice', createdAt: '2026-11-25T09:00:00.000Z' });
		expect(await getActiveProfileId(db)).toBe(b.id);
		const a = await createProfile(db, { name: 'Ade', role: 'trainer' }, clock);
		expect((await listProfiles(db)).map((p) => p.name)).toEqual(['Ade', 'Bea Khan']);
		expect(await getActiveProfileId(db)).toBe(a.id);
	});

	it.each([
		['', 'Enter a display name, for example your first name.'],
		['   ', 'Enter a display name, for example your first name.'],
		['x'.repeat(200), 'Display name must be 60 characters or fewer.'],
		['bad\u0007name', 'Display name can only contain letters, numbers, spaces and punctuation.']
	])('refuses the name %j with a clear message', async (name, message) => {
		const err = await errorOf(createProfile(db, { name, role: 'new-starter' }, clock));
		expect(err.message).toBe(message);
		expect(err.field).toBe('name');
		expect(await listProfiles(db)).toHaveLength(0);
	});

	it('accepts a name of exactly 60 characters', async () => {
		const p = await createProfile(db, { name: 'y'.repeat(60), role: 'new-starter' }, clock);
		expect(p.name).toHaveLength(60);
	});

	it('refuses a duplicate name, ignoring case and spacing', async () => {
		await createProfile(db, { name: 'Sam Jones', role: 'new-starter' }, clock);
		const err = await errorOf(createProfile(db, { name: 'sam   JONES', role: 'trainer' }, clock));
		expect(err.message).toBe(
			'A profile called "Sam Jones" already exists on this computer. Choose a different name, or switch to that profile.'
		);
		expect(await listProfiles(db)).toHaveLength(1);
	});

	it('requires a role', async () => {
		const err = await errorOf(createProfile(db, { name: 'Kit', role: '' }, clock));
		expect(err).toMatchObject({
			field: 'role',
			message: 'Select a role: new starter, apprentice or trainer.'
		});
	});

	it('renames, refusing a name another profile has, but allowing a change of case to its own', async () => {
		const a = await createProfile(db, { name: 'Ann', role: 'new-starter' }, clock);
		await createProfile(db, { name: 'Bo', role: 'new-starter' }, clock);
		expect((await errorOf(renameProfile(db, a.id, 'BO', clock))).field).toBe('name');
		expect((await renameProfile(db, a.id, 'ANN', clock)).name).toBe('ANN');
		expect((await errorOf(renameProfile(db, 'missing', 'Zed', clock))).field).toBe('profile');
	});

	it('switches and deletes, clearing the active profile when it is the one deleted', async () => {
		const a = await createProfile(db, { name: 'Ann', role: 'new-starter' }, clock);
		const b = await createProfile(db, { name: 'Bo', role: 'new-starter' }, clock);
		await setActiveProfile(db, a.id);
		expect(await getActiveProfileId(db)).toBe(a.id);
		const summary = await describeProfileData(db, a.id);
		expect(summary.profile.name).toBe('Ann');
		await deleteProfile(db, a.id);
		expect(await getActiveProfileId(db)).toBeUndefined();
		expect((await listProfiles(db)).map((p) => p.id)).toEqual([b.id]);
		await expect(setActiveProfile(db, a.id)).rejects.toBeInstanceOf(ProfileError);
	});
});
