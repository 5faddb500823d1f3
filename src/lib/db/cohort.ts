/**
 * Imported cohort progress files (issue 11), one `trainerCohortFiles` row per trainer and file, keyed by the
 * trainer's profile id and the SHA-256 of the file, so the same file imported twice by one trainer is stored once
 * and each trainer on a shared computer has a cohort of their own. Trainees send a progress file for their trainer
 * (ADR 0007), which holds only what the dashboard reads; a full backup (ADR 0004) is still accepted, so files
 * exported before the trainer file existed still count. Either is checked in full (format, version, checksum,
 * synthetic marker, no real NHS numbers) before anything is kept, and only what the dashboard needs is kept.
 */
import Dexie from 'dexie';
import {
	extractCohortFile,
	SUMMARY_PART_VERSION,
	summaryPart,
	type CohortAssignment,
	type CohortAttempt,
	type CohortFile,
	type SummaryPart
} from '$lib/trainer/cohort';
import { MAX_BACKUP_BYTES, parseBackupText } from './backup';
import { sha256OfBytes } from './canonical';
import type { RecordsRoomDb } from './database';
import { parseTrainerFileText } from './trainer-file';

/**
 * A file as it is stored and as it leaves the worker that checked it: its attempts as UTF-8 JSON, an object with
 * an `attempts` list. Ten thousand attempts as objects cost seconds to copy out of a worker and again into
 * IndexedDB, and as text they are stored as UTF-16; bytes move out of the worker without a copy and are stored as
 * they are. For a trainer file they are the checked `data` exactly as written (its profiles too, which are not
 * read from here). With them, the worker stores what the attempts add to the dashboard's tables (`part`), so the
 * dashboard appears without parsing them. Rows stored before parts have no `part` or `attemptCount`, and rows
 * stored before bytes kept `attempts` as an array; both are still read.
 */
export type StoredCohortFile = Omit<CohortFile, 'attempts'> & {
	dataJson: Uint8Array<ArrayBuffer>;
	attemptCount?: number;
	part?: SummaryPart;
	partVersion?: number;
};

/** `dataJson` is the file's own bytes of its data when the caller has them (see `parseTrainerFileText`). */
export function toStoredCohortFile(
	{ attempts, ...rest }: CohortFile,
	dataJson?: Uint8Array<ArrayBuffer>
): StoredCohortFile {
	return {
		...rest,
		// A copy with a buffer of its own, so the worker can hand it over without the rest of the file.
		dataJson: dataJson ? dataJson.slice() : new TextEncoder().encode(JSON.stringify({ attempts })),
		attemptCount: attempts.length,
		part: summaryPart(attempts),
		partVersion: SUMMARY_PART_VERSION
	};
}

/**
 * The file as the dashboard reads it, from a stored row of any shape. Throws when the bytes do not hold a
 * list of attempts (never for a row the importer stored).
 */
export function fromStoredCohortFile(row: StoredCohortFile | CohortFile): CohortFile {
	if (!('dataJson' in row)) return row;
	const { dataJson, attemptCount: _count, part: _part, partVersion: _version, ...rest } = row;
	return { ...rest, attempts: parseAttempts(dataJson) };
}

function parseAttempts(dataJson: Uint8Array): CohortAttempt[] {
	const data: unknown = JSON.parse(new TextDecoder().decode(dataJson));
	const attempts = (data as { attempts?: unknown } | null)?.attempts;
	if (!Array.isArray(attempts)) throw new SyntaxError('The attempts are not a list.');
	return attempts as CohortAttempt[];
}

/**
 * An imported file as the dashboard holds it: what its attempts add to the tables, and the attempts themselves
 * still as bytes, read only when a filter or a trainee's page needs them (`readCohortAttempts`).
 */
export type CohortFileRow = Omit<CohortFile, 'attempts'> & {
	attemptCount: number;
	part: SummaryPart;
	/** The attempts' UTF-8 JSON, or the attempts for a row stored before parts. */
	source: Uint8Array | CohortAttempt[];
};

/** A stored row for the dashboard; only a row stored without a part of this version is parsed here. */
export function cohortFileRow(stored: StoredCohortFile | CohortFile): CohortFileRow {
	if (
		'dataJson' in stored &&
		stored.part &&
		stored.partVersion === SUMMARY_PART_VERSION &&
		typeof stored.attemptCount === 'number'
	) {
		const { dataJson, attemptCount, part, partVersion: _version, ...meta } = stored;
		return { ...meta, attemptCount, part, source: dataJson };
	}
	const { attempts, ...meta } = fromStoredCohortFile(stored);
	return { ...meta, attemptCount: attempts.length, part: summaryPart(attempts), source: attempts };
}

/** A row's attempts, parsed from its bytes. Throws when they are not a list (never for a row the importer stored). */
export function readCohortAttempts(row: CohortFileRow): CohortAttempt[] {
	return Array.isArray(row.source) ? row.source : parseAttempts(row.source);
}

/** At most this many files in one import: the dashboard is measured for 200 trainees. */
export const MAX_COHORT_FILES_PER_IMPORT = 200;

export type VerifiedFile =
	| { ok: true; file: StoredCohortFile; sha256: string }
	| { ok: false; fileName: string; problem: string; sha256?: string };

export { sha256OfBytes };

/**
 * Checks one file's bytes and keeps what the dashboard needs. Never throws: a problem is a sentence for the
 * trainer. `known` holds the keys already stored (a trainer file's data checksum, a backup's SHA-256), so a file
 * imported before is recognised once it is proved unchanged, and nothing of it is kept twice.
 */
export async function verifyProgressFile(
	bytes: ArrayBuffer,
	fileName: string,
	importedAt: string,
	known?: ReadonlySet<string>
): Promise<VerifiedFile | { ok: 'duplicate'; fileName: string; sha256: string }> {
	if (bytes.byteLength > MAX_BACKUP_BYTES)
		return {
			ok: false,
			fileName,
			problem: 'It is larger than any progress file Records Room writes, so it is not one.'
		};
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, fileName, problem: 'It is not a text file, so it is not a progress file.' };
	}
	if (text.length === 0) return { ok: false, fileName, problem: 'The file is empty.' };
	const summary = await parseTrainerFileText(text, new Uint8Array(bytes));
	if (summary.ok === false) return { ok: false, fileName, problem: summary.problem };
	if (summary.ok === true) {
		// A trainer file is known by the checksum of its data, just proved right: hashing the whole file again
		// would cost as much, and the same progress exported twice is then one file.
		const sha256 = summary.file.sha256;
		if (known?.has(sha256)) return { ok: 'duplicate', fileName, sha256 };
		const { data, exportedAt, appVersion } = summary.file;
		return {
			ok: true,
			sha256,
			file: toStoredCohortFile(
				{
					sha256,
					fileName,
					importedAt,
					exportedAt,
					appVersion,
					trainees: data.profiles,
					attempts: data.attempts,
					skippedAttempts: 0
				},
				summary.dataBytes
			)
		};
	}
	// A full backup is known by the hash of its bytes.
	const sha256 = await sha256OfBytes(bytes);
	if (known?.has(sha256)) return { ok: 'duplicate', fileName, sha256 };
	const parsed = await parseBackupText(text);
	if (!parsed.ok) return { ok: false, fileName, sha256, problem: parsed.problem };
	try {
		return {
			ok: true,
			sha256,
			file: toStoredCohortFile(extractCohortFile(parsed.backup, { sha256, fileName, importedAt }))
		};
	} catch {
		return {
			ok: false,
			fileName,
			sha256,
			problem: 'Its progress could not be read, although its checksum is right. Ask for a fresh export.'
		};
	}
}

/** Every file this trainer imported, oldest first; another trainer's cohort on this computer is never read. */
export async function listCohortFiles(db: RecordsRoomDb, ownerProfileId: string): Promise<CohortFileRow[]> {
	const rows = (await db.trainerCohortFiles
		.where('[ownerProfileId+importedAt]')
		.between([ownerProfileId, Dexie.minKey], [ownerProfileId, Dexie.maxKey])
		.toArray()) as unknown as ((StoredCohortFile | CohortFile) & { ownerProfileId?: string })[];
	return rows.map(({ ownerProfileId: _owner, ...row }) => cohortFileRow(row));
}

/** The keys of the files this trainer has stored, so a file imported before is recognised as a duplicate. */
export async function cohortFileHashes(db: RecordsRoomDb, ownerProfileId: string): Promise<Set<string>> {
	const keys = (await db.trainerCohortFiles
		.where('ownerProfileId')
		.equals(ownerProfileId)
		.primaryKeys()) as unknown as [string, string][];
	return new Set(keys.map(([, sha256]) => sha256));
}

/**
 * Stores verified files for this trainer; a hash this trainer already stored is left as it is (the first import
 * stands), and another trainer's copy of the same file is theirs. The rows are handed to IndexedDB at once, without
 * first reading which are present, so the caller can parse attempts while the browser writes them.
 */
export async function saveCohortFiles(
	db: RecordsRoomDb,
	ownerProfileId: string,
	files: readonly StoredCohortFile[]
): Promise<number> {
	if (files.length === 0) return 0;
	try {
		await db.trainerCohortFiles.bulkAdd(files.map((f) => ({ ...f, ownerProfileId })));
		return files.length;
	} catch (err) {
		const failures = err instanceof Dexie.BulkError ? err.failures : null;
		if (!failures || failures.some((f) => f.name !== 'ConstraintError')) throw err;
		return files.length - failures.length;
	}
}

export async function removeCohortFile(
	db: RecordsRoomDb,
	ownerProfileId: string,
	sha256: string
): Promise<void> {
	await db.trainerCohortFiles.delete([ownerProfileId, sha256]);
}

/** Clears this trainer's cohort; another trainer's on this computer stays. */
export async function clearCohort(db: RecordsRoomDb, ownerProfileId: string): Promise<void> {
	await db.trainerCohortFiles.where('ownerProfileId').equals(ownerProfileId).delete();
}

/**
 * Assignments for the filter. Their rows belong to the trainer workspace; only id, title and the scenarios in
 * them are read here, and a row without those is left out rather than guessed at.
 */
export async function listCohortAssignments(db: RecordsRoomDb): Promise<CohortAssignment[]> {
	const rows = await db.assignments.toArray();
	return rows
		.filter(
			(r): r is Record<string, unknown> & CohortAssignment =>
				typeof r.id === 'string' && typeof r.title === 'string' && Array.isArray(r.items)
		)
		.map((r) => ({
			id: r.id,
			title: r.title,
			items: r.items.filter(
				(i): i is { definitionId: string } =>
					typeof i === 'object' &&
					i !== null &&
					typeof (i as { definitionId?: unknown }).definitionId === 'string'
			)
		}))
		.sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
}
