/**
 * Folder care (family: filing; handbook 2.5-2.7, 1.6). Two tasks from a generated trust:
 * - split-volume: a bursting folder is closed and a new volume opened: label both, carry the key documents forward
 *   (alerts and legal documents from the front section), and track each volume (handbook 2.6);
 * - merge-temporary: the original notes of a patient with a temporary folder have been found: confirm both are the
 *   same patient, file the temporary folder's originals, destroy duplicate copies confidentially, retire the
 *   temporary folder and update tracking (handbook 2.7).
 * The answer key is built at setup from the generator's record (documents, volumes, temporary folder).
 */
import { z } from '$lib/scenarios/zod';
import {
	defectsOfKind,
	patientRecord,
	type CasenoteDocument,
	type PatientRecord,
	type Trust
} from '../../generator';
import type { Judgement, ScenarioKind, StepView } from '../kind';
import type { OutcomeId } from '../outcomes';
import { randomInt, seededRandom } from '../prng';
import {
	FILING_RULES,
	IDENTIFIER_LABELS,
	IDENTIFIERS,
	coverName,
	displayDate,
	filingRules,
	printNhs,
	ruleRef,
	trustFor,
	type IdentifierField
} from './common';
import type { FolderCover } from './loose-filing';

export const TASKS = ['split-volume', 'merge-temporary'] as const;
export type Task = (typeof TASKS)[number];

export const paramsSchema = z.object({
	tasks: z
		.array(z.enum(TASKS, { error: `must be one of: ${TASKS.join(', ')}` }))
		.min(1, 'must list at least one task')
});
export type FolderCareParams = z.infer<typeof paramsSchema>;

export const answerSchema = z.discriminatedUnion('step', [
	z.object({ step: z.literal('split-label'), closedMark: z.string(), newLabel: z.string() }),
	z.object({ step: z.literal('split-carry'), carried: z.array(z.string()) }),
	z.object({ step: z.literal('split-track'), tracked: z.enum(['both', 'new-only', 'closed-only', 'none']) }),
	z.object({
		step: z.literal('merge-identity'),
		checked: z.array(z.enum(IDENTIFIERS)),
		decision: z.enum(['merge', 'do-not-merge'])
	}),
	z.object({
		step: z.literal('merge-documents'),
		actions: z.record(z.string(), z.enum(['file', 'destroy']))
	}),
	z.object({ step: z.literal('merge-close'), retireTemporary: z.boolean(), updateTracking: z.boolean() })
]);
export type FolderCareAnswer = z.infer<typeof answerSchema>;

export interface CareDocument {
	id: string;
	title: string;
	date: string;
	dateText: string;
	section: string;
	/** Shown on the sheet: "COPY" for copies gathered for a temporary folder. */
	copy: boolean;
}

export interface SplitTask {
	cover: FolderCover;
	volume: number;
	today: string;
	documents: CareDocument[];
	keyDocuments: string[];
	labelChoices: { closed: { id: string; label: string }[]; next: { id: string; label: string }[] };
}

export interface MergeTask {
	original: FolderCover;
	temporary: FolderCover & { created: string; authorisedBy: string; reason: string };
	documents: CareDocument[];
	/** Answer key: originals to file, copies to destroy. */
	truth: Record<string, 'file' | 'destroy'>;
	comparable: IdentifierField[];
}

export interface FolderCareCase {
	minIdentifiers: number;
	steps: string[];
	split: SplitTask | null;
	merge: MergeTask | null;
}

export type FolderCareView =
	| { step: 'split-label' | 'split-carry' | 'split-track'; split: SplitTask }
	| { step: 'merge-identity' | 'merge-documents' | 'merge-close'; merge: Omit<MergeTask, 'truth'> };

const OUTCOMES: OutcomeId[] = ['ihrim.retrieval-tracking', 'ihrim.loose-filing', 'ba3.records'];
const POINTS = 2;

function cover(r: PatientRecord, volume: string): FolderCover {
	return {
		hospitalNumber: r.hospitalNumber,
		name: coverName(r.forenames, r.surname),
		dob: displayDate(r.dateOfBirth),
		nhs: r.nhsNumber ? printNhs(r.nhsNumber, 'spaced') : null,
		volume
	};
}

function careDoc(d: CasenoteDocument, copy = false): CareDocument {
	return {
		id: copy ? `${d.id}-COPY` : d.id,
		title: d.title,
		date: d.date,
		dateText: displayDate(d.date),
		section: d.section,
		copy
	};
}

function currentDocs(r: PatientRecord) {
	const v = r.volumes[r.volumes.length - 1].number;
	return r.documents.filter((d) => d.volume === v);
}

function buildSplit(trust: Trust, random: () => number): SplitTask {
	// The fullest current volume among patients with an alerts sheet to carry forward.
	let best: PatientRecord | null = null;
	for (let tries = 0; tries < 300; tries++) {
		const r = patientRecord(trust, randomInt(random, trust.settings.patients));
		if (r.deceased || r.temporaryFolder || r.defects.length) continue;
		const docs = currentDocs(r);
		if (!docs.some((d) => d.section === 'front')) continue;
		if (!best || docs.length > currentDocs(best).length) best = r;
		if (docs.length >= 12) break;
	}
	if (!best) throw new RangeError('No patient with an alerts sheet in this trust: make the trust larger.');
	const current = best.volumes[best.volumes.length - 1];
	const n = current.number;
	const today = trust.settings.today;
	const docs = currentDocs(best);
	return {
		cover: cover(best, `Volume ${n} of ${current.of}`),
		volume: n,
		today,
		documents: docs.map((d) => careDoc(d)),
		keyDocuments: docs.filter((d) => d.section === 'front').map((d) => d.id),
		labelChoices: {
			closed: [
				{ id: 'closed-see-next', label: `CLOSED ${displayDate(today)}: see Volume ${n + 1}` },
				{ id: 'closed', label: 'CLOSED' },
				{ id: 'none', label: 'Leave the old cover as it is' }
			],
			next: [
				{ id: 'n-of-n', label: `Volume ${n + 1} of ${n + 1}` },
				{ id: 'n-only', label: `Volume ${n + 1}` },
				{ id: 'same', label: `Volume ${n} of ${n}` }
			]
		}
	};
}

function buildMerge(trust: Trust, random: () => number): MergeTask {
	const cases = defectsOfKind(trust, 'missing-volume');
	if (!cases.length)
		throw new RangeError(
			'The trust has no temporary folders: give the definition a missing-volume defect rate above 0.'
		);
	const d = cases[randomInt(random, cases.length)];
	const r = patientRecord(trust, d.patients[0]);
	const temp = r.temporaryFolder!;
	const docs = currentDocs(r).filter((x) => x.aboutPatient === r.index);
	const later = docs.filter((x) => x.date >= temp.created);
	const earlier = docs.filter((x) => x.date < temp.created);
	// Originals made while the notes were missing live only in the temporary folder; recent earlier sheets were
	// gathered as copies (handbook 2.7). Make sure there is at least one of each.
	const originals = later.length ? later : docs.slice(-1);
	const copies = earlier.filter((x) => !originals.includes(x)).slice(-2);
	const documents = [...copies.map((x) => careDoc(x, true)), ...originals.map((x) => careDoc(x))].sort(
		(a, b) => (a.date < b.date ? -1 : 1)
	);
	const truth: Record<string, 'file' | 'destroy'> = {};
	for (const x of documents) truth[x.id] = x.copy ? 'destroy' : 'file';
	const current = r.volumes[r.volumes.length - 1];
	return {
		original: cover(r, `Volume ${current.number} of ${current.of}`),
		temporary: {
			...cover(r, 'TEMPORARY FOLDER'),
			created: displayDate(temp.created),
			authorisedBy: temp.authorisedBy,
			reason: temp.reason
		},
		documents,
		truth,
		comparable: r.nhsNumber ? ['name', 'dob', 'nhs', 'hospital'] : ['name', 'dob', 'hospital']
	};
}

export function buildFolderCareCase(params: FolderCareParams, trust: Trust, seed: number): FolderCareCase {
	const random = seededRandom(seed);
	const tasks = TASKS.filter((t) => params.tasks.includes(t));
	const split = tasks.includes('split-volume') ? buildSplit(trust, random) : null;
	const merge = tasks.includes('merge-temporary') ? buildMerge(trust, random) : null;
	const steps = [
		...(split ? ['split-label', 'split-carry', 'split-track'] : []),
		...(merge ? ['merge-identity', 'merge-documents', 'merge-close'] : [])
	];
	return { minIdentifiers: filingRules().minIdentifiers, steps, split, merge };
}

const grade = (errors: number) => (errors === 0 ? 'correct' : errors === 1 ? 'minor' : 'major');

function judge(c: FolderCareCase, stepId: string, a: FolderCareAnswer): Judgement {
	const base = { maxPoints: POINTS, outcomes: OUTCOMES };
	const s = c.split;
	const m = c.merge;
	if (a.step === 'split-label' && s) {
		const closed = s.labelChoices.closed.find((x) => x.id === a.closedMark)?.label ?? a.closedMark;
		const next = s.labelChoices.next.find((x) => x.id === a.newLabel)?.label ?? a.newLabel;
		const errors = Number(a.closedMark !== 'closed-see-next') + Number(a.newLabel !== 'n-of-n');
		return {
			...base,
			response: { value: `${a.closedMark}+${a.newLabel}`, text: `Old cover: ${closed}; new cover: ${next}` },
			correct: {
				values: ['closed-see-next+n-of-n'],
				text: `Old cover: ${s.labelChoices.closed[0].label}; new cover: ${s.labelChoices.next[0].label}`
			},
			rule: FILING_RULES.volumes,
			outcome: grade(errors),
			explanation:
				errors === 0
					? 'Both covers say which volume they are and where to look next (handbook 2.6).'
					: `Mark the old volume "CLOSED" with the date and where the notes continue, and number the new one "Volume ${s.volume + 1} of ${s.volume + 1}", so nobody files into the closed volume or thinks it is the only one (handbook 2.6).`
		};
	}
	if (a.step === 'split-carry' && s) {
		const missed = s.keyDocuments.filter((id) => !a.carried.includes(id));
		const extra = a.carried.filter((id) => !s.keyDocuments.includes(id));
		const title = (id: string) => {
			const d = s.documents.find((x) => x.id === id);
			return d ? `${d.title} (${d.dateText})` : id;
		};
		const outcome = missed.length ? 'major' : extra.length ? 'minor' : 'correct';
		return {
			...base,
			response: {
				value: [...a.carried].sort().join('+') || 'none',
				text: a.carried.length
					? `Carried forward: ${a.carried.map(title).join(', ')}`
					: 'Nothing carried forward'
			},
			correct: {
				values: [[...s.keyDocuments].sort().join('+')],
				text: `Carry forward the key documents: ${s.keyDocuments.map(title).join(', ')}`
			},
			rule: FILING_RULES.volumes,
			outcome,
			explanation: missed.length
				? `The alerts sheet must travel with the current volume: without it the next clinician will not see the alerts (handbook 2.1, 2.6).`
				: extra.length
					? `Only the key documents (alerts, current legal documents) go forward; the rest stays in the closed volume, listed in its contents (handbook 2.6).`
					: 'Right: the key documents go forward, everything else stays with the closed volume (handbook 2.6).'
		};
	}
	if (a.step === 'split-track' && s) {
		const texts = {
			both: 'Track both volumes separately',
			'new-only': 'Track only the new volume',
			'closed-only': 'Track only the closed volume',
			none: 'No tracking change'
		};
		return {
			...base,
			response: { value: a.tracked, text: texts[a.tracked] },
			correct: { values: ['both'], text: texts.both },
			rule: FILING_RULES.tracking,
			outcome: a.tracked === 'both' ? 'correct' : a.tracked === 'none' ? 'major' : 'minor',
			explanation:
				a.tracked === 'both'
					? 'Right: each volume is tracked on its own, so either can be found (handbook 2.5, 2.6).'
					: 'Each volume is a separate item to track: an untracked volume is a missing volume waiting to happen (handbook 2.5, 2.6).'
		};
	}
	if (a.step === 'merge-identity' && m) {
		const checked = m.comparable.filter((f) => a.checked.includes(f));
		const hasNumber = checked.includes('nhs') || checked.includes('hospital');
		const enough = checked.length >= c.minIdentifiers && hasNumber;
		const names = checked.map((f) => IDENTIFIER_LABELS[f]).join(', ') || 'nothing';
		return {
			...base,
			response: {
				value: `${a.decision}:${[...a.checked].sort().join('+')}`,
				text: `${a.decision === 'merge' ? 'Merge' : 'Do not merge'} after comparing ${names}`
			},
			correct: {
				values: ['merge'],
				text: 'Merge, after comparing the name, date of birth and numbers on both covers'
			},
			rule: ruleRef('ppi.three-identifiers'),
			outcome: a.decision === 'do-not-merge' ? 'major' : enough ? 'correct' : 'minor',
			explanation:
				a.decision === 'do-not-merge'
					? 'Both folders carry the same name, date of birth and numbers: they are the same patient, and the temporary notes must go back into the original (handbook 2.7).'
					: enough
						? 'Right: identity confirmed on both covers before merging (handbook 1.6, 2.7).'
						: `Compare at least ${c.minIdentifiers} identifiers, including a number, before putting one folder's papers into another (handbook 1.6, 2.7).`
		};
	}
	if (a.step === 'merge-documents' && m) {
		const wrong = m.documents.filter((d) => a.actions[d.id] !== m.truth[d.id]);
		const destroyedOriginal = wrong.some((d) => !d.copy && a.actions[d.id] === 'destroy');
		const label = (d: CareDocument) => `${d.copy ? 'Copy of ' : ''}${d.title} (${d.dateText})`;
		return {
			...base,
			response: {
				value: m.documents.map((d) => `${d.id}=${a.actions[d.id] ?? 'none'}`).join(','),
				text: m.documents
					.map(
						(d) =>
							`${label(d)}: ${a.actions[d.id] === 'destroy' ? 'confidential waste' : a.actions[d.id] === 'file' ? 'filed' : 'no action'}`
					)
					.join('; ')
			},
			correct: {
				values: [m.documents.map((d) => `${d.id}=${m.truth[d.id]}`).join(',')],
				text: m.documents
					.map(
						(d) =>
							`${label(d)}: ${m.truth[d.id] === 'destroy' ? 'confidential waste (the original is already in the notes)' : 'file in the original notes'}`
					)
					.join('; ')
			},
			rule: FILING_RULES.temporary,
			outcome: destroyedOriginal ? 'major' : grade(wrong.length),
			explanation: destroyedOriginal
				? 'An original sheet was sent for destruction: it exists nowhere else. Only duplicate copies are destroyed (handbook 2.7).'
				: wrong.length === 0
					? 'Right: originals filed into the original notes, duplicate copies destroyed confidentially (handbook 2.7).'
					: 'Sheets marked COPY were gathered while the notes were missing and duplicate what the original holds: destroy them confidentially. File every original (handbook 2.7).'
		};
	}
	if (a.step === 'merge-close' && m) {
		const errors = Number(!a.retireTemporary) + Number(!a.updateTracking);
		return {
			...base,
			response: {
				value: `${a.retireTemporary ? 'retired' : 'kept'}+${a.updateTracking ? 'tracked' : 'untracked'}`,
				text: `Temporary folder ${a.retireTemporary ? 'retired' : 'kept'}; tracking ${a.updateTracking ? 'updated' : 'not updated'}`
			},
			correct: { values: ['retired+tracked'], text: 'Retire the temporary folder and update tracking' },
			rule: FILING_RULES.temporary,
			outcome: grade(errors),
			explanation:
				errors === 0
					? 'Right: one set of notes again, and tracking shows where it is (handbook 2.5, 2.7).'
					: 'Retire the empty temporary folder so nobody files into it, and update tracking so the temporary folder no longer shows as live (handbook 2.5, 2.7).'
		};
	}
	throw new RangeError(`A ${a.step} answer does not fit step ${stepId}`);
}

const PROMPTS: Record<string, string> = {
	'split-label': 'This folder is full. Close it and open a new volume: how will you label the two covers?',
	'split-carry': 'Which documents do you carry forward into the new volume?',
	'split-track': 'How do you update tracking for the two volumes?',
	'merge-identity':
		'The original notes have been found. Compare the temporary folder with the original: are they the same patient?',
	'merge-documents': 'What happens to each sheet in the temporary folder?',
	'merge-close': 'The temporary folder is empty. What do you do now?'
};

export const folderCare: ScenarioKind<FolderCareParams, FolderCareCase, FolderCareAnswer, FolderCareView> = {
	kind: 'folder-care',
	family: 'filing',
	machineVersion: 1,
	paramsSchema,
	answerSchema,
	setup: (definition, seed, today) =>
		buildFolderCareCase(definition.params, trustFor(definition, seed, today), seed),
	firstStep: (c) => c.steps[0],
	view(c, stepId): StepView<FolderCareView> {
		const index = c.steps.indexOf(stepId);
		if (index < 0) throw new RangeError(`No step ${stepId}`);
		const data: FolderCareView = stepId.startsWith('split')
			? { step: stepId as 'split-label', split: c.split! }
			: {
					step: stepId as 'merge-identity',
					merge: {
						original: c.merge!.original,
						temporary: c.merge!.temporary,
						documents: c.merge!.documents,
						comparable: c.merge!.comparable
					}
				};
		return { id: stepId, index, total: c.steps.length, prompt: PROMPTS[stepId], choices: [], data };
	},
	judge: (c, stepId, answer) => {
		if (answer.step !== stepId) throw new RangeError(`A ${answer.step} answer does not fit step ${stepId}`);
		return judge(c, stepId, answer);
	},
	next(c, stepId) {
		const i = c.steps.indexOf(stepId);
		return i >= 0 && i + 1 < c.steps.length ? c.steps[i + 1] : null;
	},
	hint(c, stepId) {
		if (stepId.startsWith('split'))
			return 'Number both volumes, mark the old one closed with the date, carry forward alerts and current legal documents, and track each volume (handbook 2.6).';
		return 'File originals into the original notes, destroy duplicate copies confidentially, retire the temporary folder and update tracking (handbook 2.7).';
	},
	possiblePoints: (c) => c.steps.length * POINTS,
	answerOptions(c, stepId): FolderCareAnswer[] {
		switch (stepId) {
			case 'split-label':
				return [
					{ step: 'split-label', closedMark: 'closed-see-next', newLabel: 'n-of-n' },
					{ step: 'split-label', closedMark: 'none', newLabel: 'same' }
				];
			case 'split-carry':
				return [
					{ step: 'split-carry', carried: c.split!.keyDocuments },
					{ step: 'split-carry', carried: [] }
				];
			case 'split-track':
				return [
					{ step: 'split-track', tracked: 'both' },
					{ step: 'split-track', tracked: 'new-only' }
				];
			case 'merge-identity':
				return [
					{ step: 'merge-identity', checked: c.merge!.comparable, decision: 'merge' },
					{ step: 'merge-identity', checked: [], decision: 'do-not-merge' }
				];
			case 'merge-documents':
				return [
					{ step: 'merge-documents', actions: c.merge!.truth },
					{
						step: 'merge-documents',
						actions: Object.fromEntries(c.merge!.documents.map((d) => [d.id, 'destroy']))
					}
				];
			default:
				return [
					{ step: 'merge-close', retireTemporary: true, updateTracking: true },
					{ step: 'merge-close', retireTemporary: false, updateTracking: false }
				];
		}
	}
};
