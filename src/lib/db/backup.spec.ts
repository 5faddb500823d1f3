import 'fake-indexeddb/auto';
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
import { createProfile, listProfiles, type Clock } from './profiles';

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
		['short hex around it: ab3422730168cd', '3422730168']
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
