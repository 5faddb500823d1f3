import type { IndexableType, Table } from 'dexie';
import { isValidNhsNumber } from '$lib/domain/nhs-number';
import { canonicalJson, sha256Hex } from './canonical';
import type { RecordsRoomDb } from './database';
import { BACKED_UP_TABLES, ownerKeyOf, type Profile, validateProfileName } from './profiles';

/**
 * Progress backup files (issue 6): one JSON file holding profiles and everything they own, so a learner can move
 * to another PC or survive cleared browser data. Importing is all-or-nothing and never destroys silently.
 */
export const BACKUP_FORMAT = 'records-room-progress';
export const BACKUP_FORMAT_VERSION = 1;
/**
 * The compact results file a trainee makes for their trainer (ADR 0007, src/lib/db/trainer-file.ts). Named here so
 * the restore can say plainly that such a file is not a backup.
 */
export const TRAINER_FILE_FORMAT = 'records-room-trainer-summary';
/** Refused before reading: a progress file of this size is not one we wrote. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
export const LIMITS = { rowsPerTable: 200_000, profiles: 500, stringLength: 200_000, depth: 32 };

type Row = Record<string, unknown>;

export interface BackupData {
	profiles: Profile[];
	/** Rows of each profile-owned table, keyed by table name. */
	tables: Record<string, Row[]>;
}

export interface BackupFile {
	format: typeof BACKUP_FORMAT;
	formatVersion: number;
	appVersion: string;
	synthetic: true;
	exportedAt: string;
	sha256: string;
	data: BackupData;
}

export async function buildBackup(
	db: RecordsRoomDb,
	opts: { profileIds?: string[]; now: Date; appVersion: string }
): Promise<BackupFile> {
	const all = await db.profiles.toArray();
	const profiles = opts.profileIds ? all.filter((p) => opts.profileIds!.includes(p.id)) : all;
	const ids = profiles.map((p) => p.id);
	const tables: Record<string, Row[]> = {};
	for (const owned of BACKED_UP_TABLES) {
		tables[owned.table] = (await db
			.table(owned.table)
			.where(ownerKeyOf(owned))
			.anyOf(ids)
			.toArray()) as Row[];
	}
	const data: BackupData = { profiles: sortById(profiles), tables: sortTables(tables) };
	return {
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_FORMAT_VERSION,
		appVersion: opts.appVersion,
		synthetic: true,
		exportedAt: opts.now.toISOString(),
		sha256: await sha256Hex(canonicalJson(data)),
		data
	};
}

export function backupFileName(profiles: Profile[], now: Date): string {
	const who =
		profiles.length === 1 ? profiles[0].name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase() : 'all-profiles';
	return `records-room-progress-${who}-${now.toISOString().slice(0, 10)}.json`;
}

/** Data integrity hash of the current database contents, for round-trip tests and "is this identical?" checks. */
export async function databaseHash(db: RecordsRoomDb): Promise<string> {
	const b = await buildBackup(db, { now: new Date(0), appVersion: '' });
	return b.sha256;
}

/** Sorts rows by their id (or, for rows without one, by their whole content), computing each key once. */
function sortById<T>(rows: T[]): T[] {
	return rows
		.map((row) => ({ row, key: sortKey(row as Row) }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
		.map((x) => x.row);
}
function sortTables(t: Record<string, Row[]>) {
	const out: Record<string, Row[]> = {};
	for (const k of Object.keys(t).sort()) out[k] = sortById(t[k]);
	return out;
}
function sortKey(row: Row): string {
	if (typeof row.id === 'string') return row.id;
	// Event rows are keyed by [attemptId+seq]: zero-pad seq so 10 sorts after 9.
	if (typeof row.attemptId === 'string' && typeof row.seq === 'number') {
		return `${row.attemptId}\u0000${String(row.seq).padStart(10, '0')}`;
	}
	return canonicalJson(row);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a file: every failure is a value with a sentence for the user, never a throw.

export type ParseResult =
	{ ok: true; backup: BackupFile; migratedFrom?: number } | { ok: false; problem: string };

const fail = (problem: string): ParseResult => ({ ok: false, problem });

/** Reads a file the user chose. Size is checked before a single byte is read. */
export async function readBackupFile(file: Blob): Promise<ParseResult> {
	if (file.size > MAX_BACKUP_BYTES) {
		return fail(
			`This file is ${(file.size / 1024 / 1024).toFixed(0)} MB. Progress files are never larger than 50 MB, so this is not a Records Room progress file. Choose the file that Records Room exported.`
		);
	}
	if (file.size === 0) return fail('This file is empty. Choose the file that Records Room exported.');
	let text: string;
	try {
		text = await file.text();
	} catch {
		return fail('This file could not be read. Try saving it again, then choose it again.');
	}
	return parseBackupText(text);
}

export async function parseBackupText(text: string): Promise<ParseResult> {
	try {
		return await parseUnsafe(text);
	} catch {
		// Defence in depth: nothing a file contains may crash the page.
		return fail(
			'This file could not be understood. Nothing has been changed. Choose the file that Records Room exported.'
		);
	}
}

async function parseUnsafe(text: string): Promise<ParseResult> {
	if (text.length > MAX_BACKUP_BYTES)
		return fail('This file is too large to be a Records Room progress file.');
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		const trimmed = text.trimEnd();
		const truncated = trimmed.startsWith('{') && !trimmed.endsWith('}');
		return fail(
			truncated
				? 'This file is incomplete: it stops part-way through. It may not have finished saving or copying. Export it again from the other computer.'
				: 'This is not a Records Room progress file (it is not in the JSON format Records Room saves). Nothing has been changed.'
		);
	}
	if (!isPlainObject(json))
		return fail('This is not a Records Room progress file. Nothing has been changed.');
	if (json.format === TRAINER_FILE_FORMAT) {
		return fail(
			'This is a progress file for your trainer (a summary of results for their cohort dashboard), not a backup, so it cannot be restored. Nothing has been changed. To restore, choose a file made with "Export progress to a file".'
		);
	}
	if (json.format !== BACKUP_FORMAT) {
		return fail(
			typeof json.format === 'string'
				? `This file is a "${truncate(json.format)}" file, not a Records Room progress file. Nothing has been changed.`
				: 'This is not a Records Room progress file: it does not say what it is. Nothing has been changed.'
		);
	}
	const version = json.formatVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		return fail(
			'This progress file does not say which version it is, so it cannot be read safely. Export it again.'
		);
	}
	if (version > BACKUP_FORMAT_VERSION) {
		return fail(
			`This progress file was made by a newer version of Records Room (file format ${version}; this version reads up to ${BACKUP_FORMAT_VERSION}). Update Records Room on this computer, then import it again.`
		);
	}
	if (json.synthetic !== true) {
		return fail('This file is not marked as synthetic training data, so Records Room will not load it.');
	}
	const depthProblem = checkShape(json, 0);
	if (depthProblem) return fail(depthProblem);

	const migrated = migrateBackup(json, version);
	const data = migrated.data;
	if (!isPlainObject(data) || !Array.isArray(data.profiles) || !isPlainObject(data.tables)) {
		return fail(
			'This progress file is missing its profiles or progress. Nothing has been changed. Export it again.'
		);
	}
	if (data.profiles.length > LIMITS.profiles)
		return fail(
			`This file holds more than ${LIMITS.profiles} profiles, which is more than Records Room supports.`
		);

	const realNumber = findRealNhsNumber(data);
	if (realNumber) {
		return fail(
			'This file contains an NHS number outside the 999 test range. Records Room only ever holds synthetic data, so it will not load a file that might contain a real patient. Nothing has been changed.'
		);
	}

	const profiles: Profile[] = [];
	for (const [i, p] of data.profiles.entries()) {
		const problem = profileProblem(p);
		if (problem)
			return fail(`Profile ${i + 1} in this file is not valid: ${problem} Nothing has been changed.`);
		profiles.push(p as unknown as Profile);
	}
	const ids = new Set(profiles.map((p) => p.id));
	if (ids.size !== profiles.length)
		return fail('This file lists the same profile twice. Nothing has been changed.');

	// A table missing from the file (one registered after the file was written) is simply empty.
	const known = new Map(BACKED_UP_TABLES.map((t) => [t.table, ownerKeyOf(t)]));
	const tables: Record<string, Row[]> = {};
	for (const [name, rows] of Object.entries(data.tables)) {
		const ownerKey = known.get(name);
		if (!ownerKey) {
			return fail(
				`This file has a kind of data ("${truncate(name)}") that this version of Records Room does not know. Update Records Room, then import it again.`
			);
		}
		if (!Array.isArray(rows))
			return fail(`The "${name}" part of this file is damaged. Nothing has been changed.`);
		if (rows.length > LIMITS.rowsPerTable)
			return fail(`The "${name}" part of this file is larger than Records Room supports.`);
		for (const row of rows) {
			if (!isPlainObject(row) || typeof row[ownerKey] !== 'string' || !ids.has(row[ownerKey] as string)) {
				return fail(
					`The "${name}" part of this file has an entry that belongs to no profile in the file. Nothing has been changed.`
				);
			}
		}
		tables[name] = rows as Row[];
	}
	const backup: BackupFile = {
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_FORMAT_VERSION,
		appVersion: typeof json.appVersion === 'string' ? json.appVersion : 'unknown',
		synthetic: true,
		exportedAt: typeof json.exportedAt === 'string' ? json.exportedAt : '',
		sha256: typeof json.sha256 === 'string' ? json.sha256 : '',
		data: { profiles, tables }
	};
	// The checksum is over the data as it was written, before any format migration.
	const expected = await sha256Hex(canonicalJson(json.data));
	if (backup.sha256 !== expected) {
		return fail(
			'This progress file has been changed or damaged since it was exported (its checksum does not match). Nothing has been changed. Export a fresh copy from the other computer.'
		);
	}
	return version === BACKUP_FORMAT_VERSION
		? { ok: true, backup }
		: { ok: true, backup, migratedFrom: version };
}

/**
 * Older file formats are brought forward one step at a time. Version 1 is the first format, so there are no steps
 * yet; a format change adds a step here and a fixture in tests/fixtures/backup/.
 */
const BACKUP_MIGRATIONS: Record<number, (file: Row) => Row> = {};

function migrateBackup(file: Row, from: number): Row {
	let current = file;
	for (let v = from; v < BACKUP_FORMAT_VERSION; v++) current = BACKUP_MIGRATIONS[v](current);
	return current;
}

function profileProblem(p: unknown): string | null {
	if (!isPlainObject(p)) return 'it is not a profile.';
	if (typeof p.id !== 'string' || p.id.length === 0 || p.id.length > 100) return 'it has no identifier.';
	try {
		const name = validateProfileName(p.name);
		if (name !== p.name) return 'its name has stray spaces.';
	} catch (e) {
		return (e as Error).message;
	}
	if (!['new-starter', 'apprentice', 'trainer'].includes(p.role as string))
		return 'its role is not one Records Room knows.';
	if (typeof p.nameKey !== 'string' || typeof p.createdAt !== 'string' || typeof p.updatedAt !== 'string') {
		return 'some of its details are missing.';
	}
	return null;
}

/** Nesting and text-length limits: a sentence for the first breach, or null. */
export function checkShape(value: unknown, depth: number): string | null {
	if (depth > LIMITS.depth) return TOO_DEEP;
	if (typeof value === 'string') return value.length > LIMITS.stringLength ? TOO_LONG : null;
	if (typeof value !== 'object' || value === null) return null;
	// Numbers, booleans and short strings are most of a file's values: they are checked here, not by a call each.
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			const problem = checkValue(value[i], depth + 1);
			if (problem) return problem;
		}
	} else {
		for (const key in value) {
			const problem = checkValue((value as Row)[key], depth + 1);
			if (problem) return problem;
		}
	}
	return null;
}

function checkValue(v: unknown, depth: number): string | null {
	if (depth > LIMITS.depth) return TOO_DEEP;
	if (typeof v === 'string') return v.length > LIMITS.stringLength ? TOO_LONG : null;
	return typeof v === 'object' && v !== null ? checkShape(v, depth) : null;
}

const TOO_DEEP =
	'This file is nested far more deeply than a Records Room progress file. Nothing has been changed.';
const TOO_LONG =
	'This file contains a piece of text far longer than Records Room ever writes. Nothing has been changed.';

// Ten digits standing on their own: not glued to letters or more digits. A random id such as the UUID group
// "8879063316dc" holds ten digits that pass Modulus 11 about once in eleven; read as a number, it made every file of
// that profile unimportable for good.
const TEN_DIGITS = /(?<![0-9A-Za-z])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![0-9A-Za-z])/g;

/** Any value that reads as a valid NHS number outside the 999 test range (handbook 1.3): real data must never load. */
export function findRealNhsNumber(value: unknown): string | null {
	if (typeof value === 'string') {
		for (const m of value.matchAll(TEN_DIGITS)) {
			const n = m[1] + m[2] + m[3];
			if (isValidNhsNumber(n) && !n.startsWith('999')) return n;
		}
		return null;
	}
	if (typeof value === 'number') return findRealNhsNumber(String(value));
	if (Array.isArray(value)) {
		for (const v of value) {
			const hit = findRealNhsNumber(v);
			if (hit) return hit;
		}
	} else if (isPlainObject(value)) {
		for (const v of Object.values(value)) {
			const hit = findRealNhsNumber(v);
			if (hit) return hit;
		}
	}
	return null;
}

function isPlainObject(v: unknown): v is Row {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function truncate(s: string) {
	return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

// ---------------------------------------------------------------------------------------------------------------
// Planning and applying an import.

export interface ImportPlan {
	profiles: { incoming: Profile; action: 'new' | 'same' | 'merge-into'; existing?: Profile }[];
	/** Per table: rows that are new, identical, or differ from what is here. */
	rows: { table: string; label: string; added: number; unchanged: number; conflicting: number }[];
}

export async function planImport(db: RecordsRoomDb, backup: BackupFile): Promise<ImportPlan> {
	const existing = await db.profiles.toArray();
	const profiles = backup.data.profiles.map((incoming) => {
		const byId = existing.find((e) => e.id === incoming.id);
		if (byId) return { incoming, action: 'same' as const, existing: byId };
		const byName = existing.find((e) => e.nameKey === incoming.nameKey);
		if (byName) return { incoming, action: 'merge-into' as const, existing: byName };
		return { incoming, action: 'new' as const };
	});
	const rows: ImportPlan['rows'] = [];
	for (const owned of BACKED_UP_TABLES) {
		const incomingRows = backup.data.tables[owned.table] ?? [];
		const table = db.table(owned.table);
		const keyOf = primaryKeyOf(table);
		let added = 0;
		let unchanged = 0;
		let conflicting = 0;
		const present = await table.bulkGet(incomingRows.map(keyOf));
		incomingRows.forEach((row, i) => {
			const here = present[i];
			if (!here) added++;
			else if (canonicalJson(here) === canonicalJson(remapProfile(row, profiles, owned))) unchanged++;
			else conflicting++;
		});
		rows.push({ table: owned.table, label: owned.label(incomingRows.length), added, unchanged, conflicting });
	}
	return { profiles, rows };
}

/** Reads a row's primary key, simple (`id`) or compound (`[attemptId+seq]`). */
function primaryKeyOf(table: Table): (row: Row) => IndexableType {
	const path = table.schema.primKey.keyPath;
	if (Array.isArray(path)) return (row) => path.map((p) => row[p] as IndexableType) as IndexableType;
	return (row) => row[path as string] as IndexableType;
}

/** Points a row at the profile here that an incoming profile of the same name merges into. */
function remapProfile(row: Row, plan: ImportPlan['profiles'], owned: (typeof BACKED_UP_TABLES)[number]): Row {
	const swap = (id: string) =>
		plan.find((p) => p.incoming.id === id && p.action === 'merge-into')?.existing!.id ?? id;
	const key = ownerKeyOf(owned);
	const owner = row[key];
	const out = typeof owner === 'string' && swap(owner) !== owner ? { ...row, [key]: swap(owner) } : row;
	return owned.otherProfileIds ? owned.otherProfileIds(out, swap) : out;
}

/**
 * Writes an import in one transaction: either all of it lands or none of it does. Merge keeps what is here and
 * adds what is new; for rows that differ, the one updated most recently wins. Replace first removes everything the
 * imported profiles own here, then writes the file's rows. Either way, a row here owned by a profile that is not
 * in the file keeps its owner.
 */
export async function applyImport(
	db: RecordsRoomDb,
	backup: BackupFile,
	mode: 'merge' | 'replace'
): Promise<ImportPlan> {
	const plan = await planImport(db, backup);
	const tables = [db.profiles, ...BACKED_UP_TABLES.map((t) => db.table(t.table))];
	await db.transaction('rw', tables, async () => {
		for (const p of plan.profiles) {
			if (p.action === 'new') await db.profiles.add(p.incoming);
			else if (mode === 'replace' && p.action === 'same') await db.profiles.put(p.incoming);
		}
		for (const owned of BACKED_UP_TABLES) {
			const table = db.table(owned.table);
			const keyOf = primaryKeyOf(table);
			const ownerKey = ownerKeyOf(owned);
			const incoming = (backup.data.tables[owned.table] ?? []).map((r) =>
				remapProfile(r, plan.profiles, owned)
			);
			if (mode === 'replace') {
				const targetIds = plan.profiles.map((p) =>
					p.action === 'merge-into' ? p.existing!.id : p.incoming.id
				);
				await table.where(ownerKey).anyOf(targetIds).delete();
			}
			const present = (await table.bulkGet(incoming.map(keyOf))) as (Row | undefined)[];
			const writes = incoming.flatMap((row, i) => {
				const here = present[i];
				if (!here) return [row];
				// A row here that belongs to another profile is never handed over to the file's profile (a pack
				// copies an assignment under the trainer's id to the trainee who imports it); `combine` may add to it.
				if (here[ownerKey] !== row[ownerKey]) {
					const both = owned.combine?.(here, row);
					return both && canonicalJson(both) !== canonicalJson(here) ? [both] : [];
				}
				return newer(row, here) ? [row] : [];
			});
			await table.bulkPut(writes);
		}
	});
	return plan;
}

function stamp(row: Row): string {
	for (const k of ['updatedAt', 'finishedAt', 'startedAt', 'createdAt', 'at']) {
		if (typeof row[k] === 'string') return row[k] as string;
	}
	return '';
}
function newer(a: Row, b: Row): boolean {
	return stamp(a) > stamp(b);
}
