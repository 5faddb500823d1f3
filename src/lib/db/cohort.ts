/**
 * Imported cohort progress files (issue 11), one `cohortFiles` row per file keyed by the SHA-256 of its bytes, so
 * the same file imported twice is stored once. Trainees send a progress file for their trainer (ADR 0007), which
 * holds only what the dashboard reads; a full backup (ADR 0004) is still accepted, so files exported before the
 * trainer file existed still count. Either is checked in full (format, version, checksum, synthetic marker, no
 * real NHS numbers) before anything is kept, and only what the dashboard needs is kept.
 */
import { extractCohortFile, type CohortAssignment, type CohortFile } from '$lib/trainer/cohort';
import { MAX_BACKUP_BYTES, parseBackupText } from './backup';
import type { RecordsRoomDb } from './database';
import { parseTrainerFileText } from './trainer-file';

export type CohortFileRow = CohortFile;

/** At most this many files in one import: the dashboard is measured for 200 trainees. */
export const MAX_COHORT_FILES_PER_IMPORT = 200;

export type VerifiedFile =
	| { ok: true; file: CohortFile; sha256: string }
	| { ok: false; fileName: string; problem: string; sha256?: string };

export async function sha256OfBytes(bytes: ArrayBuffer): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	const hex: string[] = [];
	for (const b of new Uint8Array(digest)) hex.push(b.toString(16).padStart(2, '0'));
	return hex.join('');
}

/**
 * Checks one file's bytes and keeps what the dashboard needs. Never throws: a problem is a sentence for the
 * trainer. `known` holds hashes already stored, so a file imported before is recognised before it is parsed.
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
	const sha256 = await sha256OfBytes(bytes);
	if (known?.has(sha256)) return { ok: 'duplicate', fileName, sha256 };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, fileName, sha256, problem: 'It is not a text file, so it is not a progress file.' };
	}
	if (text.length === 0) return { ok: false, fileName, sha256, problem: 'The file is empty.' };
	const summary = await parseTrainerFileText(text);
	if (summary.ok === false) return { ok: false, fileName, sha256, problem: summary.problem };
	if (summary.ok === true) {
		const { data, exportedAt, appVersion } = summary.file;
		return {
			ok: true,
			sha256,
			file: {
				sha256,
				fileName,
				importedAt,
				exportedAt,
				appVersion,
				trainees: data.profiles,
				attempts: data.attempts,
				skippedAttempts: 0
			}
		};
	}
	const parsed = await parseBackupText(text);
	if (!parsed.ok) return { ok: false, fileName, sha256, problem: parsed.problem };
	try {
		return { ok: true, sha256, file: extractCohortFile(parsed.backup, { sha256, fileName, importedAt }) };
	} catch {
		return {
			ok: false,
			fileName,
			sha256,
			problem: 'Its progress could not be read, although its checksum is right. Ask for a fresh export.'
		};
	}
}

export async function listCohortFiles(db: RecordsRoomDb): Promise<CohortFileRow[]> {
	return (await db.cohortFiles.orderBy('importedAt').toArray()) as unknown as CohortFileRow[];
}

export async function cohortFileHashes(db: RecordsRoomDb): Promise<Set<string>> {
	return new Set((await db.cohortFiles.toCollection().primaryKeys()) as string[]);
}

/** Stores verified files in one transaction; a hash already stored is left as it is (the first import stands). */
export async function saveCohortFiles(db: RecordsRoomDb, files: readonly CohortFileRow[]): Promise<number> {
	if (files.length === 0) return 0;
	return db.transaction('rw', db.cohortFiles, async () => {
		const present = await db.cohortFiles.bulkGet(files.map((f) => f.sha256));
		const fresh = files.filter((f, i) => !present[i]);
		await db.cohortFiles.bulkAdd(fresh as unknown as Record<string, unknown>[]);
		return fresh.length;
	});
}

export async function removeCohortFile(db: RecordsRoomDb, sha256: string): Promise<void> {
	await db.cohortFiles.delete(sha256);
}

export async function clearCohort(db: RecordsRoomDb): Promise<void> {
	await db.cohortFiles.clear();
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
