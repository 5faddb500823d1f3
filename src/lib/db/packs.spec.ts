import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getBuiltInDefinition } from '$lib/scenarios/registry';
import {
	buildPackPayload,
	MAX_PACK_BYTES,
	migratePack,
	PACK_VERSION,
	parsePackText,
	readPackFile,
	type PackPayload
} from '$lib/trainer/packs';
import { generateSigningKey, signPayload, unsignedEnvelope, type SigningKeyPair } from '$lib/trainer/signing';
import { canonicalJson } from './canonical';
import { RecordsRoomDb } from './database';
import { listAssignmentsFor, saveAssignment, type AssignmentRow } from './assignments';
import { getPublishedDefinition, listAuthoredScenarios, saveDraft } from './definitions';
import { applyPackImport, collectPackContent, PackImportError, planPackImport } from './packs';

vi.setConfig({ testTimeout: 120_000 });

const now = new Date(Date.UTC(2026, 10, 26, 9, 0));
const gentle = getBuiltInDefinition('nhs-number-check-gentle')!;
const filing = getBuiltInDefinition('loose-filing-gentle')!;
const wardLetters = { ...gentle, id: 'ward-7-letters', title: 'Ward 7 letters' };
const clinic = { ...filing, id: 'clinic-letters', title: 'Clinic letters', version: 3 };
const assignment = {
	id: 'a-week-1',
	title: 'Week 1',
	items: [{ definitionId: 'ward-7-letters', seed: 7 }, { definitionId: 'loose-filing-gentle' }],
	dueDate: '2026-12-04',
	doneWhen: 'passed' as const
};

function payload(over: Partial<PackPayload> = {}): PackPayload {
	return {
		...buildPackPayload({
			title: 'Induction week 1',
			scenarios: [wardLetters, clinic],
			assignments: [assignment],
			now,
			appVersion: 'test'
		}),
		...over
	};
}

let key: SigningKeyPair;
let db: RecordsRoomDb;
const trainer = { profileId: 'trainer-1', role: 'trainer' as const };
const trainee = { profileId: 'trainee-1', role: 'new-starter' as const };

async function signed(p: unknown = payload()) {
	return JSON.stringify(
		await signPayload(p, key.privateKey, { name: 'Ben Trainer', publicKeyJwk: key.publicKeyJwk })
	);
}

async function dbHash(d: RecordsRoomDb) {
	return canonicalJson({
		defs: await d.scenarioDefinitions.toArray(),
		assignments: await d.table('assignments').toArray()
	});
}

beforeAll(async () => {
	key = await generateSigningKey();
});
beforeEach(async () => {
	db = new RecordsRoomDb(`packs-${Math.random()}`);
	await db.open();
	const at = now.toISOString();
	await db.profiles.bulkAdd([
		{ id: 'trainer-1', name: 'Ben', nameKey: 'ben', role: 'trainer', createdAt: at, updatedAt: at },
		{ id: 'trainee-1', name: 'Cara', nameKey: 'cara', role: 'new-starter', createdAt: at, updatedAt: at }
	]);
});
afterEach(async () => {
	db.close();
	await Dexie.delete(db.name);
});

describe('reading a pack', () => {
	it('reads a signed pack, says who signed it and that it is unchanged', async () => {
		const result = await parsePackText(await signed());
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.pack.signature).toMatchObject({
			status: 'valid',
			signer: { name: 'Ben Trainer' },
			fingerprint: key.fingerprint
		});
		expect(result.pack.payload.scenarios.map((s) => s.id)).toEqual(['ward-7-letters', 'clinic-letters']);
		expect(result.pack.payload.assignments).toEqual([assignment]);
	});

	it('refuses a pack changed after signing, and still says whose key signed it', async () => {
		const text = (await signed()).replace('Ward 7 letters', 'Ward 8 letters');
		const result = await parsePackText(text);
		expect(result).toMatchObject({
			ok: false,
			signature: { status: 'changed', fingerprint: key.fingerprint }
		});
		expect(!result.ok && result.problem).toContain('changed after it was signed');
	});

	it('reads an unsigned pack and says it is unsigned', async () => {
		const result = await parsePackText(JSON.stringify(unsignedEnvelope(payload())));
		expect(result.ok && result.pack.signature.status).toBe('unsigned');
	});

	it.each([
		['not JSON', 'hello', 'not a scenario pack'],
		['cut short', '{"format":"records-room-signed","payload":{', 'stops part-way'],
		['another kind of file', JSON.stringify({ format: 'records-room-progress' }), 'Records Room pack'],
		['nested far too deep', '['.repeat(5000) + ']'.repeat(5000), 'nested far more deeply']
	])('explains a file that is %s', async (_name, text, words) => {
		const result = await parsePackText(text);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problem).toContain(words);
	});

	it('explains a pack from a newer version, one with no content, and a damaged scenario', async () => {
		const newer = await parsePackText(await signed({ ...payload(), packVersion: PACK_VERSION + 1 }));
		expect(!newer.ok && newer.problem).toContain('newer version of Records Room');
		const empty = await parsePackText(await signed(payload({ scenarios: [], assignments: [] })));
		expect(!empty.ok && empty.problem).toContain('empty');
		const broken = await parsePackText(
			await signed({ ...payload(), scenarios: [{ ...wardLetters, passMark: 150 }] })
		);
		expect(!broken.ok && broken.problem).toMatch(
			/Scenario 1 in this pack \("Ward 7 letters"\) is not valid: passMark must be between 0 and 100/
		);
	});

	it("checks each scenario with its kind's own rules", async () => {
		const result = await parsePackText(
			await signed({ ...payload(), scenarios: [{ ...wardLetters, params: { items: 1 } }] })
		);
		expect(!result.ok && result.problem).toContain('params.items');
	});

	it('refuses a built-in id, a repeated scenario, and a real NHS number', async () => {
		const builtIn = await parsePackText(await signed({ ...payload(), scenarios: [gentle] }));
		expect(!builtIn.ok && builtIn.problem).toContain('built into Records Room');
		const twice = await parsePackText(await signed({ ...payload(), scenarios: [wardLetters, wardLetters] }));
		expect(!twice.ok && twice.problem).toContain('twice');
		const real = await parsePackText(await signed({ ...payload(), title: 'Pack for 943 476 5919' }));
		expect(!real.ok && real.problem).toContain('outside the 999 test range');
	});

	it('refuses a file over 10 MB before reading it', async () => {
		const big = new Blob([new Uint8Array(MAX_PACK_BYTES + 1)]);
		const result = await readPackFile(big);
		expect(!result.ok && result.problem).toContain('limited to 10 MB');
	});

	it('migrates scenarios written in an older definition schema', async () => {
		const { title, passMark, timeLimitMinutes, hints, outcomes, ...rest } = wardLetters;
		const v1 = {
			...rest,
			schemaVersion: 1,
			name: title,
			passMarkPercent: passMark,
			timeLimitSeconds: timeLimitMinutes,
			hintsAllowed: hints.allowed,
			hintCost: hints.cost,
			learningOutcomes: outcomes
		};
		const result = await parsePackText(await signed({ ...payload(), scenarios: [v1], assignments: [] }));
		expect(result.ok && result.pack.payload.scenarios[0]).toMatchObject({
			schemaVersion: 2,
			title: 'Ward 7 letters'
		});
	});

	it('lifts older pack formats one step at a time', () => {
		const ladder = {
			1: (p: Record<string, unknown>) => ({ ...p, scenarios: p.definitions, definitions: undefined }),
			2: (p: Record<string, unknown>) => ({ ...p, assignments: p.assignments ?? [] })
		};
		expect(migratePack({ packVersion: 1, definitions: ['x'] }, 1, ladder, 3)).toMatchObject({
			packVersion: 3,
			scenarios: ['x'],
			assignments: []
		});
		expect(() => migratePack({}, 1, {}, 2)).toThrow('No migration from pack format 1');
	});
});

describe('importing a pack', () => {
	it('shows what will be added, then writes it all at once', async () => {
		const read = await parsePackText(await signed());
		if (!read.ok) throw new Error(read.problem);
		const plan = await planPackImport(db, read.pack.payload, trainee, now);
		expect(plan.problems).toEqual([]);
		expect(plan.scenarios.map((s) => [s.id, s.action, s.version])).toEqual([
			['ward-7-letters', 'add', 1],
			['clinic-letters', 'add', 3]
		]);
		expect(await db.scenarioDefinitions.count()).toBe(0);

		await applyPackImport(db, read.pack.payload, trainee, now);
		expect((await getPublishedDefinition(db, 'clinic-letters'))?.version).toBe(3);
		const mine = await listAssignmentsFor(db, 'trainee-1');
		expect(mine).toMatchObject([
			{ id: 'a-week-1', ownerProfileId: 'trainee-1', assignedProfileIds: ['trainee-1'] }
		]);

		// The same pack again changes nothing.
		const again = await planPackImport(db, read.pack.payload, trainee, now);
		expect(again.scenarios.map((s) => s.action)).toEqual(['same', 'same']);
		expect(again.assignments.map((a) => a.action)).toEqual(['same']);
	});

	it('adds a changed scenario as a new version, never overwriting one here', async () => {
		await applyPackImport(db, payload(), trainer, now);
		const changed = payload({ scenarios: [{ ...wardLetters, passMark: 90 }], assignments: [] });
		const plan = await applyPackImport(db, changed, trainer, now);
		expect(plan.scenarios).toMatchObject([
			{ id: 'ward-7-letters', action: 'update', version: 2, localVersion: 1 }
		]);
		const versions = (await listAuthoredScenarios(db)).find((s) => s.id === 'ward-7-letters');
		expect(versions?.versions).toBe(2);
		expect(versions?.published?.definition.passMark).toBe(90);
	});

	it('refuses, writing nothing, when a scenario has a draft here or an assignment needs a missing scenario', async () => {
		await saveDraft(db, { ...wardLetters, title: 'My draft' }, 'trainer-1', now);
		const before = await dbHash(db);
		await expect(applyPackImport(db, payload(), trainer, now)).rejects.toThrow(PackImportError);
		expect(await dbHash(db)).toBe(before);

		const orphan = payload({
			scenarios: [clinic],
			assignments: [{ ...assignment, items: [{ definitionId: 'nowhere' }] }]
		});
		const plan = await planPackImport(db, orphan, trainer, now);
		expect(plan.problems[0]).toContain('neither in this pack nor on this computer');
		await expect(applyPackImport(db, orphan, trainer, now)).rejects.toThrow(PackImportError);
		expect(await dbHash(db)).toBe(before);
	});

	it('rolls back the scenarios when writing the assignments fails part-way', async () => {
		const table = db.table('assignments');
		const spy = vi.spyOn(table, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
		const before = await dbHash(db);
		await expect(applyPackImport(db, payload(), trainer, now)).rejects.toThrow('disk full');
		expect(await dbHash(db)).toBe(before);
		spy.mockRestore();
	});

	it("exports only published scenarios and the owner's assignments", async () => {
		await applyPackImport(db, payload(), trainer, now);
		await saveDraft(db, { ...filing, id: 'draft-only', title: 'Draft only' }, 'trainer-1', now);
		const own = await saveAssignment(
			db,
			{ ...assignment, assignedProfileIds: [] },
			{
				ownerProfileId: 'trainer-1',
				now,
				newId: () => 'a-own'
			}
		);
		const content = await collectPackContent(db, {
			scenarioIds: ['ward-7-letters', 'draft-only'],
			assignmentIds: [own.id, 'a-week-1', 'missing'],
			ownerProfileId: 'trainer-1'
		});
		expect(content.scenarios.map((s) => s.id)).toEqual(['ward-7-letters']);
		expect(content.assignments.map((a) => a.id)).toEqual(['a-own', 'a-week-1']);
		expect(Object.keys(content.assignments[0]).sort()).toEqual([
			'doneWhen',
			'dueDate',
			'id',
			'items',
			'title'
		]);
	});
});

describe('hostile packs (property)', () => {
	/** Sets a value somewhere in the object tree, chosen by a list of indexes. */
	function mutate(root: unknown, path: number[], value: unknown, remove: boolean): unknown {
		const copy = structuredClone(root) as Record<string, unknown>;
		let node: unknown = copy;
		for (let i = 0; i < path.length; i++) {
			if (typeof node !== 'object' || node === null) break;
			const keys = Object.keys(node);
			if (keys.length === 0) break;
			const k = keys[path[i] % keys.length];
			const child = (node as Record<string, unknown>)[k];
			if (i === path.length - 1 || typeof child !== 'object' || child === null) {
				if (remove) delete (node as Record<string, unknown>)[k];
				else (node as Record<string, unknown>)[k] = value;
				break;
			}
			node = child;
		}
		return copy;
	}

	it('never throws out of the parser, and a failed import never writes', async () => {
		const signedText = await signed();
		const unsignedText = JSON.stringify(unsignedEnvelope(payload()));
		let imported = 0;
		let refused = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.boolean(),
				fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }),
				fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string(), fc.constant(null), fc.integer()),
				fc.boolean(),
				async (useSigned, path, value, remove) => {
					const base = JSON.parse(useSigned ? signedText : unsignedText);
					const text = JSON.stringify(mutate(base, path, value, remove));
					const read = await parsePackText(text);
					if (!read.ok) {
						refused++;
						expect(typeof read.problem).toBe('string');
						return;
					}
					const before = await dbHash(db);
					try {
						await applyPackImport(db, read.pack.payload, trainer, now);
						imported++;
					} catch (err) {
						expect(err).toBeInstanceOf(PackImportError);
						expect(await dbHash(db)).toBe(before);
					}
					await db.scenarioDefinitions.clear();
					await db.table('assignments').clear();
				}
			),
			{ numRuns: 150 }
		);
		expect(imported + refused).toBe(150);
	});

	it('any change to the content of a signed pack is caught, never imported (property)', async () => {
		const original = JSON.parse(await signed());
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }),
				fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string()),
				fc.boolean(),
				async (path, value, remove) => {
					const mutated = { ...original, payload: mutate(original.payload, path, value, remove) };
					fc.pre(canonicalJson(mutated.payload) !== canonicalJson(original.payload));
					const read = await parsePackText(JSON.stringify(mutated));
					expect(read.ok).toBe(false);
					expect(read.ok ? undefined : read.signature?.status).toBe('changed');
				}
			),
			{ numRuns: 150 }
		);
	});

	it('never throws on damaged text (property)', async () => {
		const text = await signed();
		await fc.assert(
			fc.asyncProperty(
				fc.nat(text.length),
				fc.nat(text.length),
				fc.string({ maxLength: 5 }),
				async (a, b, insert) => {
					const [from, to] = a < b ? [a, b] : [b, a];
					const damaged = text.slice(0, from) + insert + text.slice(to);
					const read = await parsePackText(damaged);
					if (damaged !== text && !read.ok) expect(read.problem.length).toBeGreaterThan(20);
				}
			),
			{ numRuns: 200 }
		);
	});
});

describe('assignments in packs', () => {
	it('a trainer importing owns the assignment and assigns it later; their own rows are not touched', async () => {
		await applyPackImport(db, payload(), trainer, now);
		const rows = (await db.table('assignments').toArray()) as AssignmentRow[];
		expect(rows).toMatchObject([{ ownerProfileId: 'trainer-1', assignedProfileIds: [] }]);
	});
});
