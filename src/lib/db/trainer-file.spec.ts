import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getBuiltInDefinition } from '$lib/scenarios/registry';
import { extractCohortFile } from '$lib/trainer/cohort';
import { buildProgressFile } from '$lib/trainer/testing/progress-files';
import { parseBackupText, type BackupFile } from './backup';
import { canonicalJson, sha256Hex } from './canonical';
import { fromStoredCohortFile, verifyProgressFile } from './cohort';
import { RecordsRoomDb } from './database';
import {
	parseTrainerFileText,
	TRAINER_FILE_FORMAT,
	TRAINER_FILE_VERSION,
	trainerFileFromRows,
	trainerFileName,
	trainerFileText,
	type TrainerFile
} from './trainer-file';

const quick = ['nhs-number-check-gentle', 'phone-call-gentle', 'records-desk-day-assessment'].map((id) =>
	getBuiltInDefinition(id)!
);
const now = new Date('2026-11-25T12:00:00.000Z');
const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

let made: { backup: BackupFile; text: string; trainer: TrainerFile; trainerText: string };
beforeAll(async () => {
	const maker = new RecordsRoomDb('trainer-file-maker');
	await maker.open();
	made = await buildProgressFile(
		maker,
		{ name: 'Ada Okafor', seed: 3, attempts: 8, skill: 0.6, definitions: quick },
		{ now }
	);
	await maker.delete();
});

/** A copy of the trainer file with `change` applied to its data and the checksum made right again. */
async function resigned(change: (data: Record<string, unknown>) => void): Promise<string> {
	const file = structuredClone(made.trainer) as unknown as Record<string, unknown>;
	change(file.data as Record<string, unknown>);
	file.sha256 = await sha256Hex(canonicalJson(file.data));
	return JSON.stringify(file);
}

describe('progress file for a trainer', () => {
	it('round-trips: what is written is what is read, with the same attempts a full backup gives', async () => {
		const r = await parseTrainerFileText(made.trainerText);
		expect(r.ok).toBe(true);
		if (r.ok !== true) return;
		expect(r.file.format).toBe(TRAINER_FILE_FORMAT);
		expect(r.file.formatVersion).toBe(TRAINER_FILE_VERSION);
		expect(r.file.data).toEqual(made.trainer.data);
		expect(r.file.data.profiles).toEqual([
			{ id: made.trainer.data.profiles[0].id, name: 'Ada Okafor', role: 'apprentice' }
		]);
		const fromBackup = extractCohortFile(made.backup, { sha256: '', fileName: '', importedAt: '' });
		const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
		expect(r.file.data.attempts).toEqual([...fromBackup.attempts].sort(byId));
		expect(r.file.data.attempts).toHaveLength(8);
	});

	it('writes data last as canonical JSON, and still reads a copy laid out another way', async () => {
		expect(made.trainerText.endsWith(`"data":${canonicalJson(made.trainer.data)}}`)).toBe(true);
		const reindented = JSON.stringify(JSON.parse(made.trainerText), null, 2);
		const r = await parseTrainerFileText(reindented);
		expect(r.ok === true && r.file.data).toEqual(made.trainer.data);
	});

	it('hands over its data as the file wrote it, byte for byte, when that parses to the attempts read', async () => {
		const asBytes = (text: string) => new TextEncoder().encode(text);
		const parsed = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as { attempts: unknown };
		const r = await parseTrainerFileText(made.trainerText, asBytes(made.trainerText));
		expect(r.ok === true && r.dataBytes).toBeInstanceOf(Uint8Array);
		if (r.ok !== true || !r.dataBytes) return;
		expect(new TextDecoder().decode(r.dataBytes)).toBe(canonicalJson(made.trainer.data));
		// Names beyond ASCII make bytes and characters differ.
		const accented = structuredClone(made.trainer);
		accented.data.profiles[0].name = 'Zoë Ó Briain';
		accented.sha256 = await sha256Hex(canonicalJson(accented.data));
		const text = trainerFileText(accented);
		const a = await parseTrainerFileText(text, asBytes(text));
		expect(a.ok === true && a.dataBytes && parsed(a.dataBytes).attempts).toEqual(made.trainer.data.attempts);
		// Laid out another way, without the bytes, or with an attempt carrying more than is kept, the importer
		// writes the attempts afresh.
		const reindented = JSON.stringify(JSON.parse(made.trainerText), null, 2);
		const extra = await resigned((d) => ((d.attempts as Record<string, unknown>[])[0].note = 'hi'));
		for (const r of [
			await parseTrainerFileText(reindented, asBytes(reindented)),
			await parseTrainerFileText(made.trainerText),
			await parseTrainerFileText(
				trainerFileText(JSON.parse(extra)),
				asBytes(trainerFileText(JSON.parse(extra)))
			)
		]) {
			expect(r.ok).toBe(true);
			expect(r).not.toHaveProperty('dataBytes', expect.anything());
		}
	});

	it('stores exactly the attempts it checked when a re-signed file repeats a key', async () => {
		const good = made.trainerText;
		const attempts = canonicalJson(made.trainer.data.attempts);
		const profiles = canonicalJson(made.trainer.data.profiles);
		// JSON keeps the last of a repeated key: the first, empty attempts list is not what is checked.
		const data = `{"attempts":[],"\\u0061ttempts":${attempts},"profiles":${profiles}}`;
		const head = good
			.slice(0, good.indexOf('"data":') + 7)
			.replace(made.trainer.sha256, await sha256Hex(data));
		const forged = `${head}${data}}`;
		const v = await verifyProgressFile(bytes(forged), 'forged.json', now.toISOString());
		expect(v.ok).toBe(true);
		expect(v.ok === true && fromStoredCohortFile(v.file).attempts).toEqual(made.trainer.data.attempts);
	});

	it('carries results and decisions only: no cases, snapshots, event logs or offered choices', () => {
		const text = made.trainerText;
		for (const left of ['"case"', '"snapshot"', '"event"', '"choices"', '"definition"', '"nameKey"'])
			expect(text).not.toContain(left);
		expect(made.trainer.data.attempts.some((a) => a.decisions.length > 0)).toBe(true);
		expect(text.length * 3).toBeLessThan(made.text.length);
	});

	it('leaves trainer previews out, and gives the same checksum for the same progress', async () => {
		const rows = made.backup.data.tables.attempts;
		const withPreview = [...rows, { ...rows[0], id: 'preview-1', preview: true }];
		const a = await trainerFileFromRows(made.backup.data.profiles, withPreview, { now, appVersion: 'x' });
		const b = await trainerFileFromRows(made.backup.data.profiles, [...rows].reverse(), {
			now,
			appVersion: 'x'
		});
		expect(a.data.attempts.map((x) => x.id)).not.toContain('preview-1');
		expect(a.sha256).toBe(b.sha256);
		expect(trainerFileName({ name: 'Ada Okafor' }, now)).toBe(
			'records-room-for-trainer-ada-okafor-2026-11-25.json'
		);
	});

	it.each([
		['Ada Okafor', 'ada-okafor'],
		["Siân O'Neil-Jones", 'siân-o-neil-jones'],
		['Dr. Ben  Price.', 'dr-ben-price'],
		['李 明', '李-明'],
		['?!', 'trainee']
	])('names the file after the trainee: %s', (name, part) => {
		expect(trainerFileName({ name }, new Date('2026-11-25T12:00:00Z'))).toBe(
			`records-room-for-trainer-${part}-2026-11-25.json`
		);
	});

	it.each([
		['a changed name', (t: string) => t.replace('"Ada Okafor"', '"Eve Okafor"')],
		[
			'a changed score',
			(t: string) => t.replace(/"percent":(\d+)/, (_m, n) => `"percent":${(Number(n) + 1) % 100}`)
		],
		['an attempt marked abandoned', (t: string) => t.replace('"status":"finished"', '"status":"abandoned"')]
	])('refuses %s: the checksum no longer matches', async (_label, change) => {
		const tampered = change(made.trainerText);
		expect(tampered).not.toBe(made.trainerText);
		const r = await parseTrainerFileText(tampered);
		expect(r).toEqual({
			ok: false,
			problem: expect.stringContaining('changed or damaged since it was exported')
		});
	});

	it('refuses a real NHS number, even when its digits are hidden behind \\u escapes', async () => {
		// 943 476 5919 passes Modulus 11 and is outside the 999 test range.
		const plain = await resigned((d) => {
			(d.attempts as { title: string }[])[0].title = 'Patient 943 476 5919';
		});
		const escaped = plain.replace('943 476 5919', '\\u0039\\u00343 476 5919');
		expect(escaped).not.toContain('943 476 5919');
		for (const text of [plain, escaped]) {
			const r = await parseTrainerFileText(text);
			expect(r).toEqual({ ok: false, problem: expect.stringContaining('outside the 999 test range') });
		}
	});

	it('refuses newer versions, unmarked files and attempts that are not attempts, with the reason', async () => {
		const newer = JSON.stringify({ ...made.trainer, formatVersion: TRAINER_FILE_VERSION + 1 });
		expect(await parseTrainerFileText(newer)).toEqual({
			ok: false,
			problem: expect.stringContaining('newer version')
		});
		const unmarked = JSON.stringify({ ...made.trainer, synthetic: false });
		expect(await parseTrainerFileText(unmarked)).toEqual({
			ok: false,
			problem: expect.stringContaining('synthetic')
		});
		const odd = await resigned((d) => {
			(d.attempts as Record<string, unknown>[])[1].status = 'hacked';
		});
		expect(await parseTrainerFileText(odd)).toEqual({
			ok: false,
			problem: expect.stringContaining('Attempt 2')
		});
		const orphan = await resigned((d) => {
			(d.attempts as Record<string, unknown>[])[0].profileId = 'someone-else';
		});
		expect(await parseTrainerFileText(orphan)).toEqual({
			ok: false,
			problem: expect.stringContaining('no profile')
		});
		expect(await parseTrainerFileText(made.text)).toEqual({ ok: 'other-format' });
		expect(await parseTrainerFileText('not json')).toEqual({ ok: 'other-format' });
	});

	it('is refused by the restore on "Your data", which says it is a trainer file and not a backup', async () => {
		const r = await parseBackupText(made.trainerText);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.problem).toContain('progress file for your trainer');
		expect(!r.ok && r.problem).toContain('not a backup');
		expect(!r.ok && r.problem).toContain('Nothing has been changed');
	});
});

describe('the cohort importer', () => {
	it('accepts a trainer file and a full backup of the same progress, with the same attempts', async () => {
		const compact = await verifyProgressFile(bytes(made.trainerText), 'for-trainer.json', now.toISOString());
		const full = await verifyProgressFile(bytes(made.text), 'backup.json', now.toISOString());
		expect(compact.ok).toBe(true);
		expect(full.ok).toBe(true);
		if (compact.ok !== true || full.ok !== true) return;
		expect(compact.sha256).not.toBe(full.sha256);
		expect(compact.file.trainees).toEqual(full.file.trainees);
		const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
		expect(fromStoredCohortFile(compact.file).attempts).toEqual(
			[...fromStoredCohortFile(full.file).attempts].sort(byId)
		);
		expect(compact.file).toMatchObject({
			fileName: 'for-trainer.json',
			exportedAt: now.toISOString(),
			skippedAttempts: 0
		});
	});

	it('refuses a tampered trainer file with the trainer-file reason', async () => {
		const r = await verifyProgressFile(
			bytes(made.trainerText.replace('"Ada Okafor"', '"Eve"')),
			'x.json',
			''
		);
		expect(r).toMatchObject({
			ok: false,
			fileName: 'x.json',
			problem: expect.stringContaining('checksum does not match')
		});
	});
});
