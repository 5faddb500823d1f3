/**
 * The progress file for a trainer (issue 11, ADR 0007): what a trainee hands over for the cohort dashboard, and
 * nothing more. It carries the profile's id, name and role and, per attempt, only what the dashboard reads (ids,
 * the scenario's title, family, mode and outcomes, status, dates, summary, decisions without their offered
 * choices, hints and score). Cases, saved snapshots and event logs stay on the trainee's computer (data
 * minimisation), and the file is about a seventh of a full backup, so 200 of them are checked in seconds.
 *
 * Written like a backup (ADR 0004): canonical JSON of `data` under a SHA-256 checksum, a format name and version,
 * the synthetic marker. Its own format name means /your-data/ refuses to restore it and says why.
 */
import {
	cohortAttemptFromRow,
	readCohortAttempt,
	type CohortAttempt,
	type CohortTrainee
} from '$lib/trainer/cohort';
import { canonicalJson, sha256Hex, sha256OfBytes } from './canonical';
import { checkShape, findRealNhsNumber, TRAINER_FILE_FORMAT } from './backup';
import type { RecordsRoomDb } from './database';
import { validateProfileName, type Profile } from './profiles';

export { TRAINER_FILE_FORMAT };
export const TRAINER_FILE_VERSION = 1;
/** Ten thousand attempts with every decision come to a few megabytes; anything far larger is not ours. */
export const MAX_TRAINER_FILE_BYTES = 20 * 1024 * 1024;
const MAX_ATTEMPTS = 50_000;
const ROLES = ['new-starter', 'apprentice', 'trainer'];

export interface TrainerFileData {
	profiles: CohortTrainee[];
	attempts: CohortAttempt[];
}

export interface TrainerFile {
	format: typeof TRAINER_FILE_FORMAT;
	formatVersion: number;
	appVersion: string;
	synthetic: true;
	exportedAt: string;
	sha256: string;
	data: TrainerFileData;
}

/**
 * The file for one or more profiles from their stored attempt rows. Trainer previews are left out: trying a
 * scenario is not a trainee's result. Attempts come out sorted by id so the same progress always gives the same
 * checksum.
 */
export async function trainerFileFromRows(
	profiles: readonly Pick<Profile, 'id' | 'name' | 'role'>[],
	attemptRows: readonly Record<string, unknown>[],
	opts: { now: Date; appVersion: string }
): Promise<TrainerFile> {
	const ids = new Set(profiles.map((p) => p.id));
	const attempts: CohortAttempt[] = [];
	for (const row of attemptRows) {
		if (row.preview === true) continue;
		const a = cohortAttemptFromRow(row);
		if (a && ids.has(a.profileId)) attempts.push(a);
	}
	attempts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const data: TrainerFileData = {
		profiles: profiles
			.map((p) => ({ id: p.id, name: p.name, role: p.role }))
			.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
		attempts
	};
	return {
		format: TRAINER_FILE_FORMAT,
		formatVersion: TRAINER_FILE_VERSION,
		appVersion: opts.appVersion,
		synthetic: true,
		exportedAt: opts.now.toISOString(),
		sha256: await sha256Hex(canonicalJson(data)),
		data
	};
}

/** The file for one profile on this computer. Throws when the profile is not here. */
export async function buildTrainerFile(
	db: RecordsRoomDb,
	opts: { profileId: string; now: Date; appVersion: string }
): Promise<TrainerFile> {
	const profile = await db.profiles.get(opts.profileId);
	if (!profile) throw new Error('That profile is no longer on this computer, so there is nothing to export.');
	const rows = (await db.attempts.where('profileId').equals(profile.id).toArray()) as unknown as Record<
		string,
		unknown
	>[];
	return trainerFileFromRows([profile], rows, opts);
}

/**
 * Names the file after the trainee, so a trainer with a folder of them can tell whose is whose. A name with no
 * letters or digits at all (a profile called "?") still gives a usable file name.
 * @example trainerFileName({ name: "Siân O'Neil" }, new Date('2026-11-25')) // 'records-room-for-trainer-siân-o-neil-2026-11-25.json'
 */
export function trainerFileName(profile: Pick<Profile, 'name'>, now: Date): string {
	const who =
		profile.name
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-+|-+$/g, '')
			.toLocaleLowerCase('en-GB') || 'trainee';
	return `records-room-for-trainer-${who}-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * Written compactly (nobody reads it by eye, and indentation would add a third to its size), with `data` last and
 * as its canonical JSON, so a reader can check the checksum over the bytes as they are instead of re-serialising
 * every attempt. The file is still ordinary JSON: a file laid out any other way is checked the slow way.
 */
export function trainerFileText(file: TrainerFile): string {
	return headerText(file) + canonicalJson(file.data) + '}';
}

const HEADER_KEYS = ['format', 'formatVersion', 'appVersion', 'synthetic', 'exportedAt', 'sha256', 'data'];

function headerText(file: object): string {
	const { format, formatVersion, appVersion, synthetic, exportedAt, sha256 } = file as Record<
		string,
		unknown
	>;
	const head = JSON.stringify({ format, formatVersion, appVersion, synthetic, exportedAt, sha256 });
	return `${head.slice(0, -1)},"data":`;
}

/** Where `data`'s text starts, when the file has this writer's layout; otherwise null. */
function dataStart(text: string, json: Record<string, unknown>): number | null {
	const keys = Object.keys(json);
	if (keys.length !== HEADER_KEYS.length || keys.some((k, i) => k !== HEADER_KEYS[i])) return null;
	const head = headerText(json);
	return text.startsWith(head) && text.endsWith('}') ? head.length : null;
}

/**
 * The bytes of `data` exactly as written. With the file's own bytes at hand they are a view on them, since
 * encoding megabytes of text again only to hash it costs as much as the hash.
 */
function rawData(text: string, start: number, bytes?: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
	return bytes && sameOffsets(text, start, bytes)
		? bytes.subarray(start, bytes.length - 1)
		: new TextEncoder().encode(text.slice(start, -1));
}

/** Character and byte offsets agree up to `start` when the header is ASCII and the bytes start where the text does (no BOM). */
function sameOffsets(text: string, start: number, bytes: Uint8Array): boolean {
	// eslint-disable-next-line no-control-regex -- ASCII is exactly U+0000 to U+007F
	return /^[\u0000-\u007f]*$/.test(text.slice(0, start)) && bytes[0] === 0x7b && bytes.at(-1) === 0x7d;
}

/** Every field of an attempt the dashboard keeps (`readCohortAttempt` requires each of them). */
const ATTEMPT_FIELDS = 16;

// ---------------------------------------------------------------------------------------------------------------
// Reading. Every failure is a sentence for the trainer, never a throw.

export type TrainerFileResult =
	| {
			ok: true;
			file: TrainerFile;
			/**
			 * The bytes of `data` as the file wrote them (UTF-8 JSON), when parsing them gives exactly the attempts
			 * read here, so the importer can store them as they are rather than write the same JSON again.
			 */
			dataBytes?: Uint8Array<ArrayBuffer>;
	  }
	| { ok: false; problem: string }
	/** The text is JSON of another kind (a full backup, perhaps): the caller decides what to do with it. */
	| { ok: 'other-format' };

const fail = (problem: string): TrainerFileResult => ({ ok: false, problem });
const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a trainer file's text: size, NHS numbers, format, version, synthetic marker, shape, checksum, and every
 * profile and attempt. Fast on purpose (200 files in a few seconds): the NHS-number scan runs once over the raw
 * text, which sees every digit a string or number holds because this writer never escapes digits or spaces; a
 * file with any \u escape in it (one that could hide a digit) gets the slower scan value by value as well.
 */
export async function parseTrainerFileText(
	text: string,
	bytes?: Uint8Array<ArrayBuffer>
): Promise<TrainerFileResult> {
	try {
		return await parseUnsafe(text, bytes);
	} catch {
		return fail('This file could not be understood. Ask the trainee to export a fresh copy.');
	}
}

async function parseUnsafe(text: string, bytes?: Uint8Array<ArrayBuffer>): Promise<TrainerFileResult> {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: 'other-format' };
	}
	if (!isObject(json) || json.format !== TRAINER_FILE_FORMAT) return { ok: 'other-format' };
	if (text.length > MAX_TRAINER_FILE_BYTES)
		return fail('It is far larger than any progress file for a trainer that Records Room writes.');
	const version = json.formatVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
		return fail('It does not say which version it is, so it cannot be read safely. Ask for a fresh export.');
	if (version > TRAINER_FILE_VERSION) {
		return fail(
			`It was made by a newer version of Records Room (trainer file format ${version}; this version reads up to ${TRAINER_FILE_VERSION}). Update Records Room on this computer, then import it again.`
		);
	}
	if (json.synthetic !== true)
		return fail('It is not marked as synthetic training data, so Records Room will not load it.');
	const real = findRealNhsNumber(text) ?? (text.includes('\\u') ? findRealNhsNumber(json) : null);
	if (real) {
		return fail(
			'It contains an NHS number outside the 999 test range. Records Room only ever holds synthetic data, so it will not load a file that might contain a real patient.'
		);
	}
	const shape = checkShape(json, 0);
	if (shape) return fail(shape.replace(/ Nothing has been changed\.$/, ''));
	const data = json.data;
	if (!isObject(data) || !Array.isArray(data.profiles) || !Array.isArray(data.attempts))
		return fail('It is missing its profile or its attempts. Ask for a fresh export.');
	if (data.profiles.length === 0 || data.profiles.length > 500)
		return fail('It does not hold the profiles a progress file for a trainer holds.');
	if (data.attempts.length > MAX_ATTEMPTS)
		return fail('It holds more attempts than Records Room supports in one file.');
	// The checksum before the fields: a changed file gets the message that says so, whatever was changed.
	const start = dataStart(text, json);
	const asWritten = start !== null && json.sha256 === (await sha256OfBytes(rawData(text, start, bytes)));
	const unchanged = asWritten || json.sha256 === (await sha256Hex(canonicalJson(data)));
	if (!unchanged) {
		return fail(
			'It has been changed or damaged since it was exported (its checksum does not match). Ask the trainee to export a fresh copy.'
		);
	}
	const profiles: CohortTrainee[] = [];
	for (const p of data.profiles) {
		if (!isObject(p) || typeof p.id !== 'string' || p.id.length === 0 || p.id.length > 100)
			return fail('One of its profiles has no identifier.');
		let name: string;
		try {
			name = validateProfileName(p.name);
		} catch (e) {
			return fail(`One of its profiles is not valid: ${(e as Error).message}`);
		}
		if (typeof p.role !== 'string' || !ROLES.includes(p.role))
			return fail('One of its profiles has a role Records Room does not know.');
		profiles.push({ id: p.id, name, role: p.role });
	}
	const ids = new Set(profiles.map((p) => p.id));
	if (ids.size !== profiles.length) return fail('It lists the same profile twice.');
	const attempts: CohortAttempt[] = [];
	for (const [i, raw] of data.attempts.entries()) {
		const a = readCohortAttempt(raw);
		if (!a) return fail(`Attempt ${i + 1} in it is not a Records Room attempt. Ask for a fresh export.`);
		if (!ids.has(a.profileId)) return fail(`Attempt ${i + 1} in it belongs to no profile in the file.`);
		attempts.push(a);
	}
	return {
		ok: true,
		file: {
			format: TRAINER_FILE_FORMAT,
			formatVersion: TRAINER_FILE_VERSION,
			appVersion: typeof json.appVersion === 'string' ? json.appVersion : 'unknown',
			synthetic: true,
			exportedAt: typeof json.exportedAt === 'string' ? json.exportedAt : '',
			// Equal to a checksum computed above, so a string.
			sha256: json.sha256 as string,
			data: { profiles, attempts }
		},
		// JSON.parse of these bytes resolves any repeated key exactly as it did above, and attempts with no field
		// beyond those kept parse to the attempts kept.
		dataBytes:
			asWritten &&
			start !== null &&
			bytes &&
			sameOffsets(text, start, bytes) &&
			data.attempts.every((a) => Object.keys(a as object).length === ATTEMPT_FIELDS)
				? bytes.subarray(start, bytes.length - 1)
				: undefined
	};
}
