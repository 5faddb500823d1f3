import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyImport, buildBackup, databaseHash, parseBackupText } from './backup';
import { RecordsRoomDb } from './database';
import { createProfile, deleteProfile, describeProfileData, type Clock } from './profiles';
import {
	acceptTrustVersion,
	activeStoredTrust,
	appendTrustEvent,
	checkTrustVersion,
	createStoredTrust,
	deleteStoredTrust,
	ensureStoredTrust,
	listStoredTrusts,
	listTrustEvents,
	touchStoredTrust,
	TrustStoreError
} from './trusts';
import { replayEdits, type TrustEdit } from '$lib/pas/replay';
import type { TrackedLocation } from '$lib/generator/types';
import { GENERATOR_VERSION } from '$lib/generator/version';

let db: RecordsRoomDb;
let n = 0;
let minute = 0;
// Each reading of the clock is a minute later, so "most recently used" is well defined without sleeping.
const clock: Clock = {
	now: () => new Date(Date.UTC(2026, 10, 25, 9, minute++)),
	newId: () => `id-${String(++n).padStart(4, '0')}`
};
const SETTINGS = { seed: 'ward-round', patients: 1000, today: '2026-11-25' };
const clinic: TrackedLocation = { kind: 'clinic', code: 'CARD1M', label: 'Cardiology (CARD1M)' };
const library: TrackedLocation = { kind: 'library', code: '12-34-56', label: 'Library, 12-34-56' };

function move(hospitalNumber: string, to: TrackedLocation, at: string): TrustEdit {
	return {
		type: 'tracking.move',
		data: {
			seq: 0,
			hospitalNumber,
			volume: 1,
			from: library,
			to,
			reason: 'Clinic',
			by: 'You (trainee)',
			at,
			enteredAt: at,
			mode: 'live'
		}
	};
}
const opened: TrustEdit = {
	type: 'audit.open',
	data: {
		seq: 0,
		at: '2026-11-25T09:00:00.000Z',
		session: 'practice',
		patient: 3,
		hospitalNumber: '123456',
		name: 'Ann Example',
		reason: 'clinic-preparation',
		detail: '',
		action: 'opened record'
	}
};

beforeEach(async () => {
	db = new RecordsRoomDb(`trusts-${Math.random()}`);
	await db.open();
});
afterEach(async () => {
	await db.delete();
});

describe('stored trusts', () => {
	it('keeps a trust as seed, settings and generator version, and the most recently used is active', async () => {
		const p = await createProfile(db, { name: 'Ann', role: 'apprentice' }, clock);
		const first = await ensureStoredTrust(db, p.id, SETTINGS, '1.0.0', clock);
		expect(first).toMatchObject({ profileId: p.id, settings: SETTINGS, generatorVersion: '1.0.0' });
		expect(Object.keys(first).sort()).toEqual(
			['createdAt', 'generatorVersion', 'id', 'profileId', 'settings', 'usedAt'].sort()
		);
		// Asking again gives the same trust, not a second one.
		expect((await ensureStoredTrust(db, p.id, SETTINGS, '1.0.0', clock)).id).toBe(first.id);

		const second = await createStoredTrust(db, p.id, { ...SETTINGS, seed: 'night-shift' }, '1.0.0', clock);
		expect((await activeStoredTrust(db, p.id))?.id).toBe(second.id);
		await touchStoredTrust(db, first.id, clock);
		expect((await activeStoredTrust(db, p.id))?.id).toBe(first.id);
		expect((await listStoredTrusts(db, p.id)).map((t) => t.id)).toEqual([first.id, second.id]);
		expect(await activeStoredTrust(db, 'nobody')).toBeUndefined();
	});

	it('refuses a seed that reads like a real NHS number, because backups would then be refused', async () => {
		await expect(
			createStoredTrust(db, 'p', { ...SETTINGS, seed: '943 476 5919' }, '1.0.0', clock)
		).rejects.toBeInstanceOf(TrustStoreError);
	});

	it('appends edits in order, numbered per trust, and replays them', async () => {
		const t = await createStoredTrust(db, 'p1', SETTINGS, '1.0.0', clock);
		const other = await createStoredTrust(db, 'p1', { ...SETTINGS, seed: 2 }, '1.0.0', clock);
		await appendTrustEvent(db, t, opened, clock);
		await appendTrustEvent(db, other, move('999999', clinic, '2026-11-25T09:00:00.000Z'), clock);
		await appendTrustEvent(db, t, move('123456', clinic, '2026-11-25T10:00:00.000Z'), clock);
		await appendTrustEvent(db, t, move('123456', library, '2026-11-25T11:00:00.000Z'), clock);
		const rows = await listTrustEvents(db, t.id);
		expect(rows.map((r) => [r.seq, r.type, r.trustId, r.profileId])).toEqual([
			[1, 'audit.open', t.id, 'p1'],
			[2, 'tracking.move', t.id, 'p1'],
			[3, 'tracking.move', t.id, 'p1']
		]);
		const state = replayEdits(rows);
		expect(state.audit.map((a) => [a.seq, a.hospitalNumber])).toEqual([[1, '123456']]);
		expect(state.ledger.map((e) => [e.seq, e.to.kind])).toEqual([
			[1, 'clinic'],
			[2, 'library']
		]);
		expect((await listTrustEvents(db, other.id)).map((r) => r.seq)).toEqual([1]);
	});

	it('orders rows that share a seq (merged from two computers) the same way every time', async () => {
		const t = await createStoredTrust(db, 'p1', SETTINGS, '1.0.0', clock);
		const base = { profileId: 'p1', trustId: t.id, seq: 1, ...opened };
		await db.table('trustEvents').bulkAdd([
			{ ...base, id: 'b', at: '2026-11-25T10:00:00.000Z' },
			{ ...base, id: 'a', at: '2026-11-25T10:00:00.000Z' },
			{ ...base, id: 'c', at: '2026-11-25T09:00:00.000Z' }
		]);
		expect((await listTrustEvents(db, t.id)).map((r) => r.id)).toEqual(['c', 'a', 'b']);
	});

	it('deleting a trust removes its edits and nothing else', async () => {
		const t = await createStoredTrust(db, 'p1', SETTINGS, '1.0.0', clock);
		const keep = await createStoredTrust(db, 'p1', { ...SETTINGS, seed: 7 }, '1.0.0', clock);
		await appendTrustEvent(db, t, opened, clock);
		await appendTrustEvent(db, keep, opened, clock);
		await deleteStoredTrust(db, t.id);
		expect((await listStoredTrusts(db, 'p1')).map((x) => x.id)).toEqual([keep.id]);
		expect(await db.table('trustEvents').count()).toBe(1);
	});
});

describe('generator version of a stored trust', () => {
	it('is fine when it matches, and otherwise says what happened and what the choices are', async () => {
		const t = await createStoredTrust(db, 'p1', SETTINGS, '0.9.0', clock);
		expect(checkTrustVersion({ ...t, generatorVersion: '1.0.0' }, '1.0.0')).toEqual({ ok: true });
		const check = checkTrustVersion(t, '1.0.0');
		if (check.ok) throw new Error('expected a mismatch');
		expect(check.storedVersion).toBe('0.9.0');
		expect(check.message).toContain('version 0.9.0');
		expect(check.message).toContain('keep using it as it is');
		expect(check.message).toContain('make a fresh trust');
		// Choosing to keep it is remembered, so the learner is asked once per version.
		await acceptTrustVersion(db, t.id, '1.0.0');
		const kept = (await activeStoredTrust(db, 'p1'))!;
		expect(kept.generatorVersion).toBe('0.9.0');
		expect(checkTrustVersion(kept, '1.0.0')).toEqual({ ok: true });
		expect(checkTrustVersion(kept, '1.1.0').ok).toBe(false);
	});

	it('a trust made by generator 1.1.0 (one volume each) asks again under this generator (long histories)', async () => {
		expect(GENERATOR_VERSION).toBe('1.2.1');
		const t = await createStoredTrust(db, 'p2', SETTINGS, '1.1.0', clock);
		const check = checkTrustVersion(t, GENERATOR_VERSION);
		if (check.ok) throw new Error('expected a mismatch');
		expect([check.storedVersion, check.currentVersion]).toEqual(['1.1.0', '1.2.1']);
		// Kept under 1.1.0 once, but that choice was for 1.1.0: 1.2.1 asks again.
		await acceptTrustVersion(db, t.id, '1.1.0');
		expect(checkTrustVersion((await activeStoredTrust(db, 'p2'))!, GENERATOR_VERSION).ok).toBe(false);
	});
});

describe('trusts belong to a profile', () => {
	it('backups carry trusts and their edits: export, wipe, import gives the same database', async () => {
		const p = await createProfile(db, { name: 'Ann', role: 'apprentice' }, clock);
		const t = await ensureStoredTrust(db, p.id, SETTINGS, '1.0.0', clock);
		await appendTrustEvent(db, t, opened, clock);
		await appendTrustEvent(db, t, move('123456', clinic, '2026-11-25T10:00:00.000Z'), clock);
		const before = await databaseHash(db);
		const file = await buildBackup(db, { now: new Date('2026-11-25T12:00:00Z'), appVersion: 'test' });
		expect(file.data.tables.trusts).toHaveLength(1);
		expect(file.data.tables.trustEvents).toHaveLength(2);

		await db.delete();
		db = new RecordsRoomDb(`trusts-${Math.random()}`);
		await db.open();
		const parsed = await parseBackupText(JSON.stringify(file));
		if (!parsed.ok) throw new Error(parsed.problem);
		await applyImport(db, parsed.backup, 'merge');
		expect(await databaseHash(db)).toBe(before);
		expect(replayEdits(await listTrustEvents(db, t.id)).ledger).toHaveLength(1);
	});

	it('deleting the profile says what goes and removes its trusts and edits', async () => {
		const p = await createProfile(db, { name: 'Ann', role: 'apprentice' }, clock);
		const t = await ensureStoredTrust(db, p.id, SETTINGS, '1.0.0', clock);
		await appendTrustEvent(db, t, opened, clock);
		await appendTrustEvent(db, t, opened, clock);
		await createStoredTrust(db, 'someone-else', SETTINGS, '1.0.0', clock);
		const summary = await describeProfileData(db, p.id);
		expect(summary.items.filter((i) => i.table.startsWith('trust')).map((i) => i.description)).toEqual([
			'1 practice trust (seed and settings)',
			'2 changes made on the PAS (casenote tracking and the records you opened)'
		]);
		await deleteProfile(db, p.id);
		expect((await db.table('trusts').toArray()).map((r) => r.profileId)).toEqual(['someone-else']);
		expect(await db.table('trustEvents').count()).toBe(0);
	});
});
