import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	applyImport,
	BACKUP_FORMAT,
	buildBackup,
	databaseHash,
	checkShape,
	findRealNhsNumber,
	LIMITS,
	MAX_BACKUP_BYTES,
	parseBackupText,
	planImport,
	readBackupFile,
	type BackupFile
} from './backup';
import { canonicalJson, sha256Hex } from './canonical';
import { RecordsRoomDb } from './database';
import { getAssignment, listAssignmentsFor, listAssignmentsOwnedBy, saveAssignment } from './assignments';
import { createProfile, deleteProfile, describeProfileData, listProfiles, type Clock } from './profiles';

let db: RecordsRoomDb;
let n = 0;
const clock: Clock = { now: () => new Date('2026-11-25T09:00:00Z'), newId: () => `id-${++n}` };
const now = new Date('2026-11-25T12:00:00Z');

beforeEach(async () => {
	db = new RecordsRoomDb(`backup-${Math.random()}`);
	await db.open();
});
afterEach(async () => {
	await db.delete();
});

async function seed() {
	await createProfile(db, { name: 'Ada', role: 'apprentice' }, clock);
	await createProfile(db, { name: 'Ben', role: 'trainer' }, clock);
}

async function resign(file: Record<string, unknown>): Promise<string> {
	return JSON.stringify({ ...file, sha256: await sha256Hex(canonicalJson(file.data)) });
}

describe('export and import', () => {
	it('round-trips: export, wipe, import gives an identical database hash', async () => {
		await seed();
		const before = await databaseHash(db);
		const file = await buildBackup(db, { now, appVersion: '0.1.0' });
		expect(file).toMatchObject({
			format: BACKUP_FORMAT,
			formatVersion: 1,
			synthetic: true,
			appVersion: '0.1.0'
		});
		await db.delete();
		db = new RecordsRoomDb(`backup-${Math.random()}`);
		await db.open();
		const parsed = await parseBackupText(JSON.stringify(file));
		if (!parsed.ok) throw new Error(parsed.problem);
		const plan = await applyImport(db, parsed.backup, 'merge');
		expect(plan.profiles.map((p) => p.action)).toEqual(['new', 'new']);
		expect(await databaseHash(db)).toBe(before);
	});

	it('plans before it writes: the same file twice changes nothing the second time', async () => {
		await seed();
		const file = await buildBackup(db, { now, appVersion: '0.1.0' });
		const parsed = await parseBackupText(JSON.stringify(file));
		if (!parsed.ok) throw new Error(parsed.problem);
		const plan = await planImport(db, parsed.backup);
		expect(plan.profiles.every((p) => p.action === 'same')).toBe(true);
		const before = await databaseHash(db);
		await applyImport(db, parsed.backup, 'merge');
		expect(await databaseHash(db)).toBe(before);
	});

	it('merges a profile with the same name from another computer into the one here', async () => {
		await createProfile(db, { name: 'Ada', role: 'apprentice' }, clock);
		const other = new RecordsRoomDb(`other-${Math.random()}`);
		await other.open();
		await createProfile(other, { name: 'ada', role: 'apprentice' }, clock);
		const parsed = await parseBackupText(JSON.stringify(await buildBackup(other, { now, appVersion: 'x' })));
		await other.delete();
		if (!parsed.ok) throw new Error(parsed.problem);
		const plan = await applyImport(db, parsed.backup, 'merge');
		expect(plan.profiles[0].action).toBe('merge-into');
		expect(await listProfiles(db)).toHaveLength(1);
	});

	it('exports only the chosen profile', async () => {
		await seed();
		const [ada] = await listProfiles(db);
		const file = await buildBackup(db, { profileIds: [ada.id], now, appVersion: 'x' });
		expect(file.data.profiles.map((p) => p.name)).toEqual(['Ada']);
	});
});

describe('bad files are refused with a clear reason and change nothing', () => {
	let good: BackupFile;
	beforeEach(async () => {
		await seed();
		good = await buildBackup(db, { now, appVersion: '0.1.0' });
	});

	const cases: [string, (f: BackupFile) => Promise<string> | string, RegExp][] = [
		['not JSON', () => 'hello, world', /not a Records Room progress file/],
		['truncated', (f) => JSON.stringify(f).slice(0, 120), /incomplete/],
		['another format', (f) => JSON.stringify({ ...f, format: 'fhir-bundle' }), /"fhir-bundle" file/],
		['no format', () => '{"a":1}', /does not say what it is/],
		['a newer version', (f) => resign({ ...f, formatVersion: 99 }), /newer version of Records Room/],
		['not marked synthetic', (f) => resign({ ...f, synthetic: false }), /not marked as synthetic/],
		[
			'a changed byte (checksum)',
			(f) =>
				JSON.stringify({
					...f,
					data: { ...f.data, profiles: [{ ...f.data.profiles[0], role: 'trainer' }, f.data.profiles[1]] }
				}),
			/checksum does not match/
		],
		['unknown table', (f) => resign({ ...f, data: { ...f.data, tables: { secrets: [] } } }), /does not know/],
		['missing profiles', (f) => resign({ ...f, data: { tables: {} } }), /missing its profiles/],
		[
			'a real-range NHS number',
			(f) =>
				resign({
					...f,
					data: { ...f.data, profiles: [{ ...f.data.profiles[0], name: 'Ada 943 476 5919' }] }
				}),
			/outside the 999 test range/
		],
		[
			'a 200-character profile name',
			(f) =>
				resign({ ...f, data: { ...f.data, profiles: [{ ...f.data.profiles[0], name: 'x'.repeat(200) }] } }),
			/60 characters or fewer/
		],
		[
			'deep nesting',
			(f) => resign({ ...f, junk: JSON.parse('['.repeat(100) + ']'.repeat(100)) }),
			/nested far more deeply/
		]
	];

	it.each(cases)('%s', async (_label, make, message) => {
		const before = await databaseHash(db);
		const result = await parseBackupText(await make(good));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problem).toMatch(message);
		expect(await databaseHash(db)).toBe(before);
	});

	it('refuses a file over 50 MB before reading it', async () => {
		const huge = {
			size: MAX_BACKUP_BYTES + 1,
			text: () => Promise.reject(new Error('must not be read'))
		} as unknown as Blob;
		const r = await readBackupFile(huge);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problem).toMatch(/never larger than 50 MB/);
	});

	it('never throws and never accepts over 10,000 hostile files', async () => {
		const valid = JSON.stringify(good);
		const mutations = fc.oneof(
			fc.string(),
			fc.json(),
			fc
				.jsonValue()
				.map((v) => JSON.stringify({ format: BACKUP_FORMAT, formatVersion: 1, synthetic: true, data: v })),
			fc.nat({ max: valid.length }).map((i) => valid.slice(0, i)),
			fc
				.tuple(fc.nat({ max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 3 }))
				.map(([i, s]) => valid.slice(0, i) + s + valid.slice(i + 1)),
			fc.constantFrom(
				'{"__proto__":{"polluted":1}}',
				'null',
				'[]',
				'"x"',
				'1e999',
				'{"format":"records-room-progress"}'
			)
		);
		await fc.assert(
			fc.asyncProperty(mutations, async (text) => {
				const r = await parseBackupText(text);
				if (r.ok) {
					// Only an unchanged file (or a change that leaves identical data) may pass the checksum.
					expect(canonicalJson(r.backup.data)).toBe(canonicalJson(good.data));
				} else {
					expect(r.problem.length).toBeGreaterThan(20);
				}
			}),
			{ numRuns: 10_500 }
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	}, 60_000);
});

describe('checkShape', () => {
	const nested = (levels: number): unknown => (levels === 0 ? 1 : [nested(levels - 1)]);
	it.each([
		['a flat row', { a: 1, b: 'x', c: null, d: true }, null],
		['values at the deepest level allowed', nested(LIMITS.depth), null],
		['a value one level deeper', nested(LIMITS.depth + 1), 'nested far more deeply'],
		[
			'an object nested too deep',
			JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)),
			'nested far more deeply'
		],
		['text of the longest length allowed', { a: ['x'.repeat(LIMITS.stringLength)] }, null],
		['text one character longer', { a: ['x'.repeat(LIMITS.stringLength + 1)] }, 'far longer'],
		['a long top-level string', 'x'.repeat(LIMITS.stringLength + 1), 'far longer']
	])('%s', (_label, value, problem) => {
		const found = checkShape(value, 0);
		if (problem === null) expect(found).toBeNull();
		else expect(found).toContain(problem);
	});
});

describe('findRealNhsNumber', () => {
	it.each([
		['943 476 5919', '9434765919'],
		['ref 9434765919.', '9434765919'],
		['999 000 0000', null],
		['1234567890', null],
		['2026-11-25T09:00:00.000Z', null],
		// A trainee's real checksum that was once refused: 3422730168 sits inside the hex digest.
		['885ded01d04890d6b352573314218999b34ed3120b95a3422730168bfbbe870d', null],
		['ab 3422730168 cd', '3422730168'],
		['"id":9434765919,', '9434765919'],
		['NHS number:943-476-5919', '9434765919'],
		// Part of a random id, not a number: seen in a profile id, where it refused every file of that profile.
		['39f1914f-b8ae-434f-825f-8879063316dc', null],
		['ab9434765919', null]
	])('%s → %s (handbook 1.3)', (text, expected) => {
		expect(findRealNhsNumber({ a: [text] })).toBe(expected);
	});

	it('never mistakes a hex digest (a checksum or signature) for an NHS number', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
				const hex = Buffer.from(bytes).toString('hex');
				expect(findRealNhsNumber({ sha256: hex, upper: hex.toUpperCase() })).toBeNull();
			}),
			{ numRuns: 5_000 }
		);
	});
});

describe("a trainer's assignments in backups", () => {
	const week1 = (assignedProfileIds: string[]) => ({
		title: 'Week 1',
		items: [{ definitionId: 'nhs-number-check-gentle', seed: 5 }, { definitionId: 'loose-filing-gentle' }],
		dueDate: '2026-12-04',
		doneWhen: 'passed',
		assignedProfileIds
	});
	const setBy = (ownerProfileId: string, id: string) => ({
		ownerProfileId,
		now: new Date('2026-11-25T10:00:00Z'),
		newId: () => id
	});

	async function trainerAndTrainee() {
		const ada = await createProfile(db, { name: 'Ada', role: 'apprentice' }, clock);
		const ben = await createProfile(db, { name: 'Ben', role: 'trainer' }, clock);
		const amy = await createProfile(db, { name: 'Amy', role: 'trainer' }, clock);
		await saveAssignment(db, week1([ada.id]), setBy(ben.id, 'as-ben'));
		await saveAssignment(db, week1([ada.id]), setBy(amy.id, 'as-amy'));
		return { ada, ben, amy };
	}

	async function freshDb() {
		await db.delete();
		db = new RecordsRoomDb(`backup-${Math.random()}`);
		await db.open();
	}

	it('export, wipe, import gives back the same assignments, still set for the same trainee', async () => {
		const { ada, ben } = await trainerAndTrainee();
		const before = await listAssignmentsOwnedBy(db, ben.id);
		const file = await buildBackup(db, { now, appVersion: 'x' });
		expect(file.data.tables.assignments).toHaveLength(2);
		await freshDb();
		const parsed = await parseBackupText(JSON.stringify(file));
		if (!parsed.ok) throw new Error(parsed.problem);
		const plan = await applyImport(db, parsed.backup, 'merge');
		expect(plan.rows.find((r) => r.table === 'assignments')).toMatchObject({ added: 2, conflicting: 0 });
		expect(await listAssignmentsOwnedBy(db, ben.id)).toEqual(before);
		expect((await listAssignmentsFor(db, ada.id)).map((a) => a.id).sort()).toEqual(['as-amy', 'as-ben']);
	});

	it("a trainer's own backup holds their assignments and no other trainer's", async () => {
		const { ben } = await trainerAndTrainee();
		const file = await buildBackup(db, { profileIds: [ben.id], now, appVersion: 'x' });
		expect(file.data.tables.assignments.map((a) => a.id)).toEqual(['as-ben']);
		await freshDb();
		const parsed = await parseBackupText(JSON.stringify(file));
		if (!parsed.ok) throw new Error(parsed.problem);
		await applyImport(db, parsed.backup, 'merge');
		expect((await listAssignmentsOwnedBy(db, ben.id)).map((a) => a.title)).toEqual(['Week 1']);
	});

	it('a backup from before assignments were backed up still imports, keeping the assignments here', async () => {
		const text = readFileSync('tests/fixtures/backup/v1-before-assignments.json', 'utf8');
		expect(Object.keys(JSON.parse(text).data.tables)).not.toContain('assignments');
		const ben = await createProfile(db, { name: 'Ben', role: 'trainer' }, clock);
		await saveAssignment(db, week1([]), setBy(ben.id, 'as-here'));
		const parsed = await parseBackupText(text);
		if (!parsed.ok) throw new Error(parsed.problem);
		expect(parsed.migratedFrom).toBeUndefined();
		const plan = await applyImport(db, parsed.backup, 'merge');
		expect(plan.profiles.map((p) => [p.incoming.name, p.action])).toEqual([
			['Ben', 'merge-into'],
			['Cara', 'new']
		]);
		expect(plan.rows.find((r) => r.table === 'assignments')).toMatchObject({ added: 0, conflicting: 0 });
		expect((await listAssignmentsOwnedBy(db, ben.id)).map((a) => a.id)).toEqual(['as-here']);
		expect((await listProfiles(db)).map((p) => p.name)).toEqual(['Ben', 'Cara']);
	});

	it('on a computer with profiles of the same names, the assignments follow the profiles here', async () => {
		const { ben } = await trainerAndTrainee();
		const file = await buildBackup(db, { now, appVersion: 'x' });
		await freshDb();
		const here = {
			ada: await createProfile(db, { name: 'ADA', role: 'apprentice' }, clock),
			ben: await createProfile(db, { name: 'ben', role: 'trainer' }, clock)
		};
		expect(here.ben.id).not.toBe(ben.id);
		const parsed = await parseBackupText(JSON.stringify(file));
		if (!parsed.ok) throw new Error(parsed.problem);
		await applyImport(db, parsed.backup, 'merge');
		const mine = await listAssignmentsOwnedBy(db, here.ben.id);
		expect(mine.map((a) => a.id)).toEqual(['as-ben']);
		expect(mine[0].assignedProfileIds).toEqual([here.ada.id]);
		expect((await listAssignmentsFor(db, here.ada.id)).map((a) => a.id).sort()).toEqual(['as-amy', 'as-ben']);
		// Importing it again finds nothing new.
		const again = await planImport(db, parsed.backup);
		expect(again.rows.find((r) => r.table === 'assignments')).toMatchObject({ added: 0, unchanged: 2 });
	});

	it('replacing a trainer from a file swaps their assignments for the ones in the file', async () => {
		const { ben } = await trainerAndTrainee();
		const file = await buildBackup(db, { profileIds: [ben.id], now, appVersion: 'x' });
		await saveAssignment(db, week1([]), setBy(ben.id, 'as-later'));
		const parsed = await parseBackupText(JSON.stringify(file));
		if (!parsed.ok) throw new Error(parsed.problem);
		await applyImport(db, parsed.backup, 'replace');
		expect((await listAssignmentsOwnedBy(db, ben.id)).map((a) => a.id)).toEqual(['as-ben']);
	});

	it("a trainee's backup keeps the assignment they imported from a scenario pack (they own that copy)", async () => {
		const { ada } = await trainerAndTrainee();
		// As applyPackImport writes it: the importer owns the copy and it is set for them.
		const fromPack = {
			...(await getAssignment(db, 'as-ben'))!,
			id: 'as-pack',
			ownerProfileId: ada.id,
			assignedProfileIds: [ada.id]
		};
		await db.assignments.put(fromPack);
		const file = await buildBackup(db, { profileIds: [ada.id], now, appVersion: 'x' });
		expect(file.data.tables.assignments.map((a) => a.id)).toEqual(['as-pack']);
		await freshDb();
		const parsed = await parseBackupText(JSON.stringify(file));
		if (!parsed.ok) throw new Error(parsed.problem);
		await applyImport(db, parsed.backup, 'merge');
		expect((await listAssignmentsFor(db, ada.id)).map((a) => a.id)).toEqual(['as-pack']);
	});

	it("restoring a trainee's pack copy where the trainer's own is adds the trainee, and never takes it from the trainer", async () => {
		const { ada, ben } = await trainerAndTrainee();
		await saveAssignment(db, week1([]), {
			...setBy(ben.id, 'as-shared'),
			now: new Date('2026-11-25T10:00:00Z')
		});
		// Ada's computer: her copy of the pack's assignment, the same id, owned by her and changed later.
		const other = new RecordsRoomDb(`other-${Math.random()}`);
		await other.open();
		const adaThere = await createProfile(other, { name: 'Ada', role: 'apprentice' }, clock);
		await other.assignments.put({
			...(await getAssignment(db, 'as-shared'))!,
			ownerProfileId: adaThere.id,
			assignedProfileIds: [adaThere.id],
			title: 'Week 1 (her copy)',
			updatedAt: '2026-11-26T09:00:00.000Z'
		});
		const parsed = await parseBackupText(JSON.stringify(await buildBackup(other, { now, appVersion: 'x' })));
		await other.delete();
		if (!parsed.ok) throw new Error(parsed.problem);
		for (const mode of ['merge', 'replace'] as const) {
			await applyImport(db, parsed.backup, mode);
			const row = await getAssignment(db, 'as-shared');
			expect(row).toMatchObject({ ownerProfileId: ben.id, title: 'Week 1', assignedProfileIds: [ada.id] });
		}
		expect((await listAssignmentsFor(db, ada.id)).map((a) => a.id).sort()).toEqual([
			'as-amy',
			'as-ben',
			'as-shared'
		]);
	});

	it('refuses an assignment owned by no profile in the file', async () => {
		const { ben } = await trainerAndTrainee();
		const file = await buildBackup(db, { profileIds: [ben.id], now, appVersion: 'x' });
		const orphan = { ...file.data.tables.assignments[0], ownerProfileId: 'someone-else' };
		const text = await resign({ ...file, data: { ...file.data, tables: { assignments: [orphan] } } });
		const parsed = await parseBackupText(text);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problem).toMatch(/"assignments" part .* belongs to no profile/);
	});

	it('deleting the trainer removes their assignments, says so first, and leaves the others', async () => {
		const { ben } = await trainerAndTrainee();
		const summary = await describeProfileData(db, ben.id);
		expect(summary.items.find((i) => i.table === 'assignments')?.description).toBe(
			'1 assignment (set by this profile, or imported from a scenario pack)'
		);
		await deleteProfile(db, ben.id);
		expect(await listAssignmentsOwnedBy(db, ben.id)).toEqual([]);
		expect(
			(await buildBackup(db, { now, appVersion: 'x' })).data.tables.assignments.map((a) => a.id)
		).toEqual(['as-amy']);
	});
});

describe("a trainer's cohort files: deleted with the trainer, never in a backup", () => {
	/** A stored cohort file as the importer keeps it, cut down to what these tests read. */
	const cohortFile = (ownerProfileId: string, sha256: string) => ({
		ownerProfileId,
		sha256,
		fileName: `${sha256}.json`,
		importedAt: '2026-11-25T11:00:00.000Z',
		trainees: [],
		skippedAttempts: 0,
		dataJson: new TextEncoder().encode('{"attempts":[]}')
	});

	async function twoTrainersWithCohorts() {
		const ben = await createProfile(db, { name: 'Ben', role: 'trainer' }, clock);
		const amy = await createProfile(db, { name: 'Amy', role: 'trainer' }, clock);
		// The same trainee file imported by both: one row each.
		await db.trainerCohortFiles.bulkAdd([
			cohortFile(ben.id, 'f1'),
			cohortFile(ben.id, 'f2'),
			cohortFile(amy.id, 'f1')
		]);
		return { ben, amy };
	}

	it("deleting a trainer removes their cohort files, says so first, and leaves the other trainer's copy", async () => {
		const { ben, amy } = await twoTrainersWithCohorts();
		const summary = await describeProfileData(db, ben.id);
		expect(summary.items.find((i) => i.table === 'trainerCohortFiles')?.description).toBe(
			'2 trainee progress files imported into the cohort dashboard (not in backups)'
		);
		await deleteProfile(db, ben.id);
		expect(await db.trainerCohortFiles.where('ownerProfileId').equals(ben.id).count()).toBe(0);
		expect((await db.trainerCohortFiles.toArray()).map((r) => [r.ownerProfileId, r.sha256])).toEqual([
			[amy.id, 'f1']
		]);
	});

	it("a trainer's backup leaves the cohort out, and a file that names it is refused", async () => {
		const { ben } = await twoTrainersWithCohorts();
		for (const file of [
			await buildBackup(db, { profileIds: [ben.id], now, appVersion: 'x' }),
			await buildBackup(db, { now, appVersion: 'x' })
		]) {
			expect(Object.keys(file.data.tables)).not.toContain('trainerCohortFiles');
			expect(JSON.stringify(file)).not.toContain('f1.json');
		}
		const file = await buildBackup(db, { profileIds: [ben.id], now, appVersion: 'x' });
		const withCohort = {
			...file,
			data: { ...file.data, tables: { ...file.data.tables, trainerCohortFiles: [] } }
		};
		const parsed = await parseBackupText(await resign(withCohort as unknown as Record<string, unknown>));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problem).toContain('"trainerCohortFiles"');
	});

	it('an older backup still restores, merged or replacing, and the trainer keeps their cohort here', async () => {
		const { ben } = await twoTrainersWithCohorts();
		const text = readFileSync('tests/fixtures/backup/v1-before-assignments.json', 'utf8');
		for (const mode of ['merge', 'replace'] as const) {
			const parsed = await parseBackupText(text);
			if (!parsed.ok) throw new Error(parsed.problem);
			const plan = await applyImport(db, parsed.backup, mode);
			expect(plan.profiles.map((p) => [p.incoming.name, p.action])).toContainEqual(['Ben', 'merge-into']);
			expect(plan.rows.map((r) => r.table)).not.toContain('trainerCohortFiles');
			expect((await db.trainerCohortFiles.where('ownerProfileId').equals(ben.id).primaryKeys()).length).toBe(
				2
			);
		}
		expect((await listProfiles(db)).map((p) => p.name)).toEqual(['Amy', 'Ben', 'Cara']);
	});
});
