import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordsRoomDb } from './database';
import {
	AssignmentError,
	deleteAssignment,
	getAssignment,
	listAssignmentsFor,
	listAssignmentsOwnedBy,
	saveAssignment
} from './assignments';
import { deleteProfile, describeProfileData } from './profiles';

let db: RecordsRoomDb;
let ids = 0;
const opts = (minute = 0, id?: string) => ({
	ownerProfileId: 'ben',
	now: new Date(Date.UTC(2026, 10, 26, 9, minute)),
	newId: () => `as-${ids++}`,
	...(id ? { id } : {})
});
const input = {
	title: 'Week 1',
	items: [{ definitionId: 'loose-filing-gentle' }, { definitionId: 'shelving-gentle', seed: 3 }],
	dueDate: '2026-12-04',
	doneWhen: 'finished',
	assignedProfileIds: ['cara', 'dev', 'ghost']
};

beforeEach(async () => {
	db = new RecordsRoomDb(`assignments-${Math.random()}`);
	await db.open();
	const at = '2026-11-26T09:00:00.000Z';
	await db.profiles.bulkAdd(
		(
			[
				['ben', 'trainer'],
				['ann', 'trainer'],
				['cara', 'new-starter'],
				['dev', 'apprentice']
			] as const
		).map(([id, role]) => ({ id, name: id, nameKey: id, role, createdAt: at, updatedAt: at }))
	);
});
afterEach(async () => {
	db.close();
	await Dexie.delete(db.name);
});

describe('assignments', () => {
	it('saves one for profiles that exist here, and trainees see it', async () => {
		const row = await saveAssignment(db, input, opts());
		expect(row).toMatchObject({
			ownerProfileId: 'ben',
			assignedProfileIds: ['cara', 'dev'],
			doneWhen: 'finished'
		});
		expect(await listAssignmentsFor(db, 'cara')).toEqual([row]);
		expect(await listAssignmentsOwnedBy(db, 'ben')).toEqual([row]);
		expect(await listAssignmentsOwnedBy(db, 'ann')).toEqual([]);
	});

	it('updates in place, keeping when it was set', async () => {
		const row = await saveAssignment(db, input, opts(0));
		const edited = await saveAssignment(db, { ...input, title: 'Week one', dueDate: '' }, opts(5, row.id));
		expect(edited).toMatchObject({ id: row.id, title: 'Week one', createdAt: row.createdAt });
		expect(edited.dueDate).toBeUndefined();
		expect(edited.updatedAt).not.toBe(row.updatedAt);
	});

	it('refuses an invalid one with every problem, and a trainee as owner', async () => {
		await expect(saveAssignment(db, { ...input, title: '', items: [] }, opts())).rejects.toMatchObject({
			problems: [{ field: 'title' }, { field: 'items' }]
		});
		await expect(saveAssignment(db, input, { ...opts(), ownerProfileId: 'cara' })).rejects.toThrow(
			AssignmentError
		);
		expect(await db.table('assignments').count()).toBe(0);
	});

	it("lets only the owner delete, and another trainer's edit is refused", async () => {
		const row = await saveAssignment(db, input, opts());
		await expect(saveAssignment(db, input, { ...opts(1, row.id), ownerProfileId: 'ann' })).rejects.toThrow(
			'no longer exists'
		);
		expect(await deleteAssignment(db, row.id, 'ann')).toBe(false);
		expect(await deleteAssignment(db, row.id, 'ben')).toBe(true);
		expect(await getAssignment(db, row.id)).toBeUndefined();
	});

	it("deleting a trainer deletes their assignments; deleting a trainee takes them off others'", async () => {
		const bens = await saveAssignment(db, input, opts());
		const anns = await saveAssignment(db, input, { ...opts(), ownerProfileId: 'ann' });
		const summary = await describeProfileData(db, 'ben');
		expect(summary.items.find((i) => i.table === 'assignments')?.description).toBe(
			'1 assignment (set by this profile, or imported from a scenario pack)'
		);
		await deleteProfile(db, 'cara');
		expect((await getAssignment(db, anns.id))?.assignedProfileIds).toEqual(['dev']);
		await deleteProfile(db, 'ben');
		expect(await getAssignment(db, bens.id)).toBeUndefined();
		expect(await getAssignment(db, anns.id)).toBeDefined();
	});
});
