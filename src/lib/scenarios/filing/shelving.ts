/**
 * Shelving (family: filing; handbook 2.3-2.5, 2.9). A returns trolley of folders to put back in the library under
 * the trust's filing system (terminal digit by default; middle digit or alphabetical by setting). For each folder
 * the learner books it back in on tracking, takes out the tracer card if one stands in its place, and chooses its
 * shelf section and position. A last step asks which folders already on those shelves are misfiled (a colour band
 * out of sequence).
 *
 * Which section and which order are always decided by $lib/domain/filing-order (through ./order.ts).
 */
import { z } from '$lib/scenarios/zod';
import { patientRecord, patientSummaries, type PatientSummary, type Trust } from '../../generator';
import type { Judgement, ScenarioKind, StepView } from '../kind';
import type { OutcomeId } from '../outcomes';
import { randomInt, seededRandom, shuffled } from '../prng';
import { FILING_RULES, coverName, displayDate, ruleRef, trustFor } from './common';
import { compareFolders, numberPairs, sectionOf, type FilingSystem, type ShelfFolder } from './order';

export const paramsSchema = z.object({
	folders: z
		.number({ error: 'must be a number of folders' })
		.int('must be a whole number')
		.min(1, 'must be at least 1 folder')
		.max(12, 'must be at most 12 folders'),
	system: z.enum(['terminal-digit', 'middle-digit', 'alphabetical'], {
		error: 'must be terminal-digit, middle-digit or alphabetical'
	}),
	/** Share of trolley folders with a tracer card standing in their shelf space (handbook 2.5). */
	tracerShare: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
	/** Folders already misfiled on the shelves the learner works on. */
	misfiledOnShelf: z.number().int('must be a whole number').min(0).max(3, 'must be at most 3')
});
export type ShelvingParams = z.infer<typeof paramsSchema>;

export const answerSchema = z.discriminatedUnion('step', [
	z.object({
		step: z.literal('shelve'),
		section: z.string(),
		/** Index in the section's row where the folder goes: 0 = before the first folder. */
		position: z.number().int().min(0),
		trackingUpdated: z.boolean(),
		tracerRemoved: z.boolean()
	}),
	z.object({ step: z.literal('shelf-check'), flagged: z.array(z.string()) })
]);
export type ShelvingAnswer = z.infer<typeof answerSchema>;
export type ShelveAnswer = Extract<ShelvingAnswer, { step: 'shelve' }>;

export interface LibraryFolder extends ShelfFolder {
	id: string;
	name: string;
	/** "12-34-56" for numeric systems, or the surname for alphabetical. */
	label: string;
	/** The two characters the colour bands show: primary pair, middle pair, or first two letters. */
	band: string;
}

export interface ShelfSection {
	id: string;
	bay: string;
	folders: LibraryFolder[];
}

export interface TracerCardView {
	takenTo: string;
	date: string;
	takenBy: string;
}

export interface TrolleyFolder extends LibraryFolder {
	volume: string;
	trackedTo: string;
	tracer: TracerCardView | null;
	/** Where the tracer card stands (section and position), when there is one. */
	tracerAt: { section: string; position: number } | null;
}

export interface ShelvingCase {
	system: FilingSystem;
	libraryName: string;
	bays: { id: string; label: string; sections: string[] }[];
	sections: ShelfSection[];
	trolley: { folder: TrolleyFolder; section: string; position: number }[];
	/** Ids of folders planted in the wrong section. */
	misfiled: string[];
	/** Sections shown in the final shelf check. */
	checkSections: string[];
}

export interface ShelveView {
	step: 'shelve';
	system: FilingSystem;
	libraryName: string;
	folder: TrolleyFolder;
	bays: ShelvingCase['bays'];
	sections: ShelfSection[];
}

export interface ShelfCheckView {
	step: 'shelf-check';
	system: FilingSystem;
	sections: ShelfSection[];
}

export type ShelvingView = ShelveView | ShelfCheckView;

const OUTCOMES: OutcomeId[] = ['ihrim.filing-methods', 'ihrim.retrieval-tracking', 'ba3.records'];
const SHELVE_POINTS = 2;
const CHECK_POINTS = 2;

const SYSTEM_RULE = {
	'terminal-digit': 'filing.terminal-digit',
	'middle-digit': 'filing.middle-digit',
	alphabetical: 'filing.alphabetical'
} as const;

export const SYSTEM_LABELS: Record<FilingSystem, string> = {
	'terminal-digit': 'terminal digit',
	'middle-digit': 'middle digit',
	alphabetical: 'alphabetical'
};

function libraryFolder(p: PatientSummary, system: FilingSystem): LibraryFolder {
	const base = {
		hospitalNumber: p.hospitalNumber,
		surname: p.surname,
		forenames: p.forenames.join(' '),
		dateOfBirth: p.dateOfBirth
	};
	const pairs = numberPairs(p.hospitalNumber);
	return {
		...base,
		id: p.hospitalNumber,
		name: coverName(p.forenames, p.surname),
		label: system === 'alphabetical' ? `${p.surname.toUpperCase()}, ${base.forenames}` : pairs.display,
		band:
			system === 'terminal-digit'
				? pairs.primary
				: system === 'middle-digit'
					? pairs.secondary
					: p.surname
							.toUpperCase()
							.replace(/[^A-Z]/g, '')
							.slice(0, 2)
	};
}

/** Bays: the trust library's bays for numeric systems (10 sections each); letter groups for alphabetical. */
function baysFor(trust: Trust, system: FilingSystem, sectionIds: string[]): ShelvingCase['bays'] {
	if (system === 'alphabetical') {
		const groups = ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQR', 'STU', 'VWXYZ'];
		return groups.map((g, i) => ({
			id: String(i + 1),
			label: `Bay ${i + 1}: ${g[0]}–${g[g.length - 1]}`,
			sections: sectionIds.filter((s) => g.includes(s))
		}));
	}
	return trust.organisation.library.bays.map((b) => {
		const ids: string[] = [];
		for (let n = b.primaryFrom; n <= b.primaryTo; n++) ids.push(String(n).padStart(2, '0'));
		return {
			id: b.bay,
			label: `Bay ${b.bay}: sections ${ids[0]}–${ids[ids.length - 1]}`,
			sections: ids
		};
	});
}

/** Builds the trolley and the library for a definition and seed. Pure. */
export function buildShelvingCase(params: ShelvingParams, trust: Trust, seed: number): ShelvingCase {
	const random = seededRandom(seed);
	const system = params.system;
	const summaries = patientSummaries(trust);
	const all = summaries.map((p) => libraryFolder(p, system));
	const byId = new Map(summaries.map((p) => [p.hospitalNumber, p]));
	const sectionIds =
		system === 'alphabetical'
			? [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']
			: Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
	const bays = baysFor(trust, system, sectionIds);
	const bayOf = (section: string) => bays.find((b) => b.sections.includes(section))?.id ?? '?';

	const picked = shuffled(random, all).slice(0, params.folders);
	const onTrolley = new Set(picked.map((f) => f.id));
	const shelved = all.filter((f) => !onTrolley.has(f.id));
	const rows = new Map<string, LibraryFolder[]>(sectionIds.map((s) => [s, []]));
	for (const f of shelved) rows.get(sectionOf(f, system))?.push(f);
	for (const row of rows.values()) row.sort((a, b) => compareFolders(a, b, system));

	const targetSections = [...new Set(picked.map((f) => sectionOf(f, system)))];
	const targetBays = [...new Set(targetSections.map(bayOf))];
	const checkSections = bays
		.filter((b) => targetBays.includes(b.id))
		.flatMap((b) => b.sections)
		.filter((s) => rows.has(s));

	// Misfiles: a folder moved from its own section to another section of a bay the learner works in, but never
	// into a row a trolley folder goes to, so "the right position" stays well defined.
	const misfiled: string[] = [];
	const spare = checkSections.filter((s) => !targetSections.includes(s));
	for (let k = 0; k < params.misfiledOnShelf && spare.length > 1; k++) {
		const into = spare[randomInt(random, spare.length)];
		const from = shuffled(
			random,
			spare.filter((s) => s !== into && rows.get(s)!.length > 1)
		)[0];
		if (!from) break;
		const row = rows.get(from)!;
		const [moved] = row.splice(randomInt(random, row.length), 1);
		const dest = rows.get(into)!;
		dest.splice(randomInt(random, dest.length + 1), 0, moved);
		misfiled.push(moved.id);
	}

	const trolley = picked.map((f, k) => {
		const section = sectionOf(f, system);
		const row = rows.get(section)!;
		const position = row.filter((x) => compareFolders(x, f, system) < 0).length;
		const p = byId.get(f.hospitalNumber)!;
		const r = patientRecord(trust, p.index);
		const current = r.volumes[r.volumes.length - 1];
		const clinic = trust.organisation.clinics[randomInt(random, trust.organisation.clinics.length)];
		const trackedTo =
			current.tracked.kind === 'library' ? `${clinic.name} (${clinic.code})` : current.tracked.label;
		const hasTracer = k < Math.round(params.tracerShare * params.folders);
		const folder: TrolleyFolder = {
			...f,
			volume: `Volume ${current.number} of ${current.of}`,
			trackedTo,
			tracer: hasTracer
				? {
						takenTo: trackedTo,
						date: displayDate(current.movements.at(-1)?.at.slice(0, 10) ?? trust.settings.today),
						takenBy: current.movements.at(-1)?.by ?? trust.organisation.staff[0].name
					}
				: null,
			tracerAt: hasTracer ? { section, position } : null
		};
		return { folder, section, position };
	});
	return {
		system,
		libraryName: trust.organisation.library.name,
		bays,
		sections: sectionIds.map((id) => ({ id, bay: bayOf(id), folders: rows.get(id)! })),
		trolley: shuffled(random, trolley),
		misfiled,
		checkSections
	};
}

function trolleyIndex(c: ShelvingCase, stepId: string): number {
	const m = /^folder-(\d+)$/.exec(stepId);
	const k = m ? Number(m[1]) - 1 : -1;
	if (k < 0 || k >= c.trolley.length) throw new RangeError(`No step ${stepId} on this trolley`);
	return k;
}

function positionOk(c: ShelvingCase, k: number, a: ShelveAnswer): boolean {
	const t = c.trolley[k];
	if (a.section !== t.section) return false;
	const row = c.sections.find((s) => s.id === t.section)!.folders;
	if (a.position < 0 || a.position > row.length) return false;
	const before = row[a.position - 1];
	const after = row[a.position];
	return (
		(!before || compareFolders(before, t.folder, c.system) < 0) &&
		(!after || compareFolders(t.folder, after, c.system) < 0)
	);
}

function rowText(
	c: ShelvingCase,
	section: string,
	insert: { folder: LibraryFolder; position: number }
): string {
	const row = c.sections.find((s) => s.id === section)!.folders.map((f) => f.label);
	row.splice(insert.position, 0, `${insert.folder.label} (this folder)`);
	return row.join(', ');
}

function judgeShelve(c: ShelvingCase, k: number, a: ShelveAnswer): Judgement {
	const t = c.trolley[k];
	const f = t.folder;
	const where = c.system === 'alphabetical' ? `letter ${t.section}` : `section ${t.section}`;
	const response = {
		value: `${a.section}:${a.position}:${a.trackingUpdated ? 'tracked' : 'untracked'}:${a.tracerRemoved ? 'tracer-out' : 'tracer-in'}`,
		text: `Shelved in ${c.system === 'alphabetical' ? 'letter' : 'section'} ${a.section}, position ${a.position + 1}; tracking ${a.trackingUpdated ? 'updated' : 'not updated'}${f.tracer ? `; tracer card ${a.tracerRemoved ? 'taken out' : 'left on the shelf'}` : ''}`
	};
	const correct = {
		values: [`${t.section}:${t.position}:tracked:${f.tracer ? 'tracer-out' : 'any'}`],
		text: `Book it back into the library, ${f.tracer ? 'take out the tracer card, ' : ''}and shelve it in ${where} (bay ${c.sections.find((s) => s.id === t.section)!.bay}): ${rowText(c, t.section, t)}`
	};
	const base = { response, correct, maxPoints: SHELVE_POINTS, outcomes: OUTCOMES };
	const rule = ruleRef(SYSTEM_RULE[c.system]);
	if (!positionOk(c, k, a)) {
		const explain =
			c.system === 'terminal-digit'
				? `${f.label} reads right to left: primary ${f.band} is the section, then the middle pair, then the first pair (handbook 2.3).`
				: c.system === 'middle-digit'
					? `${f.label} files under its middle pair, ${f.band}, then the first pair, then the last (handbook 2.4).`
					: `${f.label} files by surname, then first forename, then further forenames, then date of birth (handbook 2.4).`;
		return {
			...base,
			rule,
			outcome: 'major',
			explanation: `${a.section !== t.section ? `Wrong ${c.system === 'alphabetical' ? 'letter' : 'section'}.` : 'Right section, wrong place in it.'} ${explain} A misfiled folder is as good as lost until a shelf audit finds it (handbook 2.9).`
		};
	}
	const slips: string[] = [];
	if (!a.trackingUpdated)
		slips.push(
			`Tracking still says the notes are at ${f.trackedTo}: book them back into the library as they come back (handbook 2.5).`
		);
	if (f.tracer && !a.tracerRemoved)
		slips.push(
			'The tracer card was left on the shelf: the next person will think the notes are still out (handbook 2.5).'
		);
	return {
		...base,
		rule: slips.length ? FILING_RULES.tracking : rule,
		outcome: slips.length === 0 ? 'correct' : slips.length === 1 ? 'minor' : 'major',
		explanation: slips.length
			? `Right place on the shelf. ${slips.join(' ')}`
			: `Right place, tracking updated${f.tracer ? ' and tracer card taken out' : ''} (handbook 2.3-2.5).`
	};
}

function judgeShelfCheck(c: ShelvingCase, flagged: string[]): Judgement {
	const found = flagged.filter((x) => c.misfiled.includes(x));
	const wrong = flagged.filter((x) => !c.misfiled.includes(x));
	const missed = c.misfiled.filter((x) => !flagged.includes(x));
	const label = (id: string) => c.sections.flatMap((s) => s.folders).find((f) => f.id === id)?.label ?? id;
	const where = (id: string) => c.sections.find((s) => s.folders.some((f) => f.id === id))?.id ?? '?';
	const response = {
		value: [...flagged].sort().join('+') || 'none',
		text: flagged.length ? `Flagged ${flagged.map(label).join(', ')}` : 'Nothing flagged'
	};
	const correct = {
		values: [[...c.misfiled].sort().join('+') || 'none'],
		text: c.misfiled.length
			? `Pull out ${c.misfiled.map((id) => `${label(id)} (found in ${where(id)})`).join(', ')} and re-file in the right place`
			: 'Nothing on these shelves is misfiled'
	};
	const outcome =
		missed.length === 0 && wrong.length === 0
			? 'correct'
			: c.misfiled.length > 0 && found.length === 0
				? 'major'
				: 'minor';
	const parts: string[] = [];
	if (missed.length)
		parts.push(
			`Missed: ${missed.map((id) => `${label(id)}, whose band does not match section ${where(id)}`).join('; ')}.`
		);
	if (wrong.length)
		parts.push(`${wrong.map(label).join(', ')} ${wrong.length === 1 ? 'is' : 'are'} in the right place.`);
	return {
		response,
		correct,
		maxPoints: CHECK_POINTS,
		outcomes: OUTCOMES,
		rule: ruleRef('filing.shelf-section'),
		outcome,
		explanation:
			outcome === 'correct'
				? `Right: a colour band out of sequence shows a misfile at a glance (handbook 2.3, 2.9).`
				: `${parts.join(' ')} Look along each row for a band that differs from its neighbours (handbook 2.3, 2.9).`
	};
}

export const shelving: ScenarioKind<ShelvingParams, ShelvingCase, ShelvingAnswer, ShelvingView> = {
	kind: 'shelving',
	family: 'filing',
	machineVersion: 1,
	paramsSchema,
	answerSchema,
	setup: (definition, seed, today) =>
		buildShelvingCase(definition.params, trustFor(definition, seed, today), seed),
	firstStep: () => 'folder-1',
	view(c, stepId): StepView<ShelvingView> {
		const total = c.trolley.length + 1;
		if (stepId === 'shelf-check') {
			return {
				id: stepId,
				index: total - 1,
				total,
				prompt:
					'Before you leave the bays you worked in, look along the shelves: pick out any folder that is on the wrong shelf.',
				choices: [],
				data: {
					step: 'shelf-check',
					system: c.system,
					sections: c.sections.filter((s) => c.checkSections.includes(s.id))
				}
			};
		}
		const k = trolleyIndex(c, stepId);
		const f = c.trolley[k].folder;
		return {
			id: stepId,
			index: k,
			total,
			prompt: `Folder ${k + 1} of ${c.trolley.length} on the returns trolley: ${f.name}, ${c.system === 'alphabetical' ? f.hospitalNumber : f.label}. Book it back in and shelve it (${SYSTEM_LABELS[c.system]} order).`,
			choices: [],
			data: {
				step: 'shelve',
				system: c.system,
				libraryName: c.libraryName,
				folder: f,
				bays: c.bays,
				sections: c.sections
			}
		};
	},
	judge(c, stepId, answer) {
		if (stepId === 'shelf-check' && answer.step === 'shelf-check') return judgeShelfCheck(c, answer.flagged);
		if (answer.step === 'shelve') return judgeShelve(c, trolleyIndex(c, stepId), answer);
		throw new RangeError(`A ${answer.step} answer does not fit step ${stepId}`);
	},
	next(c, stepId) {
		if (stepId === 'shelf-check') return null;
		const k = trolleyIndex(c, stepId);
		return k + 1 < c.trolley.length ? `folder-${k + 2}` : 'shelf-check';
	},
	hint(c, stepId) {
		if (stepId === 'shelf-check')
			return 'Each row holds one section, so every folder in it shows the same band. Look for a band that does not match its row (handbook 2.3).';
		const f = c.trolley[trolleyIndex(c, stepId)].folder;
		if (c.system === 'terminal-digit')
			return `Read ${f.label} from the right: the last pair, ${f.band}, is the section. Inside the section, sort by the middle pair, then the first pair (handbook 2.3).`;
		if (c.system === 'middle-digit')
			return `In middle digit filing ${f.label} goes in section ${f.band} (the middle pair), then by the first pair, then the last pair (handbook 2.4).`;
		return `Alphabetical: surname first, then first forename, then any further forenames, then date of birth (handbook 2.4).`;
	},
	possiblePoints: (c) => c.trolley.length * SHELVE_POINTS + CHECK_POINTS,
	answerOptions(c, stepId): ShelvingAnswer[] {
		if (stepId === 'shelf-check')
			return [
				{ step: 'shelf-check', flagged: c.misfiled },
				{ step: 'shelf-check', flagged: [] }
			];
		const t = c.trolley[trolleyIndex(c, stepId)];
		const wrong = c.sections.find((s) => s.id !== t.section)!.id;
		return [
			{
				step: 'shelve',
				section: t.section,
				position: t.position,
				trackingUpdated: true,
				tracerRemoved: true
			},
			{
				step: 'shelve',
				section: t.section,
				position: t.position,
				trackingUpdated: false,
				tracerRemoved: false
			},
			{ step: 'shelve', section: wrong, position: 0, trackingUpdated: true, tracerRemoved: true }
		];
	}
};
