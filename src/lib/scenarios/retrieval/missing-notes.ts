/**
 * Missing notes (family: retrieval; handbook 2.5, 2.7, 2.8, 4.10). Notes are needed but are not where the PAS
 * says. The learner follows the procedure in order: tracking history first, then the tracked place and the shelf
 * (neighbouring slots, transposed numbers), a search log, and — only if still not found — escalation, a temporary
 * folder on a manager's authority, and an incident. Cases come from the trust's answer key (tracking mismatches
 * and lost volumes) or are misfiled a slot away.
 */
import { z } from '$lib/scenarios/zod';
import { misfileSearchCandidates } from '../../domain/filing-order';
import { defectsOfKind, patientRecord } from '../../generator/index';
import type { TrackedLocation, Trust, TrustSettings } from '../../generator/types';
import type { Choice, DecisionOutcome } from '../decisions';
import { openedSchema } from '../need-to-know';
import type { Judgement, ScenarioKind, StepView } from '../kind';
import { seededRandom, shuffled } from '../prng';
import {
	card,
	countParam,
	currentVolume,
	locationWords,
	otherPatient,
	RETRIEVAL_RULES,
	setupOnTrust,
	trustOf,
	trustParam,
	withNeedToKnow,
	type PatientCard
} from './common';

export const paramsSchema = z.object({
	items: countParam(3, 'case'),
	/** Which kinds of case to draw: found elsewhere (mis-tracked), misfiled in a nearby slot, or never found. */
	outcomes: z
		.array(
			z.enum(['mis-tracked', 'misfiled-nearby', 'not-found'], {
				error: 'must be mis-tracked, misfiled-nearby or not-found'
			})
		)
		.min(1, 'must list at least one kind of case'),
	trustSize: trustParam
});
export type MissingParams = z.infer<typeof paramsSchema>;

export const answerSchema = z.object({ choice: z.string().min(1), opened: openedSchema });
export type MissingAnswer = z.infer<typeof answerSchema>;

export interface MissingCaseItem {
	n: number;
	patient: PatientCard;
	/** The volume that is needed: always the current one (handbook 2.6), whatever older volumes there are. */
	volume: number;
	/** How many volumes the record has (absent from cases saved before generator 1.2.0, when it was always 1). */
	of?: number;
	shelf: string;
	tracked: TrackedLocation;
	kind: 'mis-tracked' | 'misfiled-nearby' | 'not-found';
	/** Where the notes turn up, in words; null when never found. */
	foundAt: string | null;
	requester: string;
}

export interface MissingCase {
	trust: TrustSettings;
	items: MissingCaseItem[];
}

export interface MissingView {
	trust: TrustSettings;
	sessionKey: string;
	patient: PatientCard;
	stage: Stage;
	/** What the learner has found out so far, as the case unfolds. */
	facts: string[];
	requester: string;
}

type Stage = 'first' | 'search' | 'log' | 'found' | 'escalate' | 'temporary' | 'incident';
const STAGES_FOUND: Stage[] = ['first', 'search', 'log', 'found'];
const STAGES_LOST: Stage[] = ['first', 'search', 'log', 'escalate', 'temporary', 'incident'];
const POINTS = 2;

const CHOICES: Record<Stage, { choices: Choice[]; right: string; prompt: string }> = {
	first: {
		prompt: 'The notes are not where the PAS says. What do you do first?',
		right: 'check-history',
		choices: [
			{
				id: 'check-history',
				label: 'Check the tracking history on the PAS: the current location, then earlier ones'
			},
			{ id: 'temporary-folder', label: 'Make up a temporary folder so the clinician has something' },
			{ id: 'report-incident', label: 'Report an incident straight away' },
			{ id: 'tell-lost', label: 'Tell the requester the notes are lost' }
		]
	},
	search: {
		prompt: 'Where do you search, and in what order?',
		right: 'tracked-then-shelf',
		choices: [
			{
				id: 'tracked-then-shelf',
				label:
					'The tracked place; then the shelf slot with its neighbouring slots and likely transposed numbers; then trolleys, clinics, offices, wards, coding, scanning, off-site'
			},
			{ id: 'wards-first', label: 'Walk round the wards asking if anyone has seen them' },
			{ id: 'offsite-first', label: 'Ask the off-site store first' }
		]
	},
	log: {
		prompt: 'While you search, what do you record?',
		right: 'search-log',
		choices: [
			{ id: 'search-log', label: 'A search log: who searched, where and when' },
			{ id: 'nothing', label: 'Nothing until the notes are found' },
			{ id: 'sticky-note', label: 'A sticky note on the empty shelf slot' }
		]
	},
	found: {
		prompt: 'You have found the notes. What now?',
		right: 'track-and-send',
		choices: [
			{
				id: 'track-and-send',
				label: 'Track them on the PAS to where they are going now (correcting the tracking), then send them'
			},
			{ id: 'send-untracked', label: 'Send them quickly; the tracking can wait' },
			{ id: 'reshelve', label: 'Put them back on the right shelf and tell nobody' }
		]
	},
	escalate: {
		prompt: 'You have searched everywhere on the list and logged it. The notes are not found. What next?',
		right: 'escalate',
		choices: [
			{ id: 'escalate', label: 'Escalate to your supervisor with the search log' },
			{ id: 'temporary-yourself', label: 'Make a temporary folder yourself' },
			{ id: 'keep-looking', label: 'Keep looking on your own and say nothing' }
		]
	},
	temporary: {
		prompt: 'The patient is in clinic tomorrow and care needs notes. What do you do?',
		right: 'temporary-with-authority',
		choices: [
			{
				id: 'temporary-with-authority',
				label:
					'With the manager’s authority: a folder marked TEMPORARY with copies of key documents from PAS/EPR, the clinician told, and tracked like any other'
			},
			{ id: 'temporary-no-authority', label: 'Make a temporary folder now and tell the manager later' },
			{ id: 'no-notes', label: 'Let the clinic go ahead with no notes' }
		]
	},
	incident: {
		prompt: 'The notes are still not found. What else must happen?',
		right: 'report-incident',
		choices: [
			{
				id: 'report-incident',
				label:
					'Report an incident: a lost record is a possible data breach and needs an information governance assessment'
			},
			{ id: 'wait', label: 'Wait six months before telling anyone' },
			{ id: 'nothing', label: 'Nothing: the temporary folder solves it' }
		]
	}
};

const RULE_OF: Record<Stage, (typeof RETRIEVAL_RULES)[keyof typeof RETRIEVAL_RULES]> = {
	first: RETRIEVAL_RULES.missingProcedure,
	search: RETRIEVAL_RULES.missingProcedure,
	log: RETRIEVAL_RULES.missingProcedure,
	found: RETRIEVAL_RULES.trackEveryMove,
	escalate: RETRIEVAL_RULES.missingProcedure,
	temporary: RETRIEVAL_RULES.temporaryFolder,
	incident: RETRIEVAL_RULES.missingProcedure
};

/** Why each right answer is right, citing the handbook. */
const WHY: Record<Stage, string> = {
	first:
		'Step 1 of the missing notes procedure is the tracking history: current location, then earlier ones (handbook 2.8).',
	search:
		'Search the tracked place first, then the shelf slot with neighbouring slots and transposed numbers, then trolleys, clinic bundles, offices, wards, coding, scanning and the off-site store (handbook 2.8).',
	log: 'Keep a search log of who searched where and when; it is the evidence the search was done (handbook 2.8).',
	found:
		'Every movement is tracked at the moment it happens; a wrong tracking entry is how these notes went missing (handbook 2.5).',
	escalate: 'Escalate to a supervisor when a full search fails (handbook 2.8).',
	temporary:
		'A temporary folder only after an exhaustive search and only on a manager’s authority: marked TEMPORARY, copies of key documents, clinician told, tracked (handbook 2.7).',
	incident:
		'A lost record is reported as an incident and assessed by information governance as a possible breach (handbook 2.8, 4.10).'
};

function wrongOutcome(stage: Stage, choice: string): DecisionOutcome {
	if (choice === 'temporary-folder' || choice === 'temporary-yourself' || choice === 'temporary-no-authority')
		return 'major';
	if (choice === 'send-untracked' || choice === 'no-notes' || choice === 'wait' || choice === 'nothing')
		return 'major';
	return stage === 'log' || stage === 'search' ? 'minor' : 'major';
}

/** A slot near `shelf` where a misfiled folder is likely to be: the domain's misfile search list (handbook 2.8). */
function nearbySlot(shelf: string, random: () => number): string {
	const m = /^(.*?)(\d+-\d{2}-\d{2})$/.exec(shelf);
	if (!m) return shelf;
	const candidates = misfileSearchCandidates(m[2]);
	return candidates.length ? `${m[1]}${candidates[Math.floor(random() * candidates.length)]}` : shelf;
}

export function buildMissing(
	params: MissingParams,
	trust: Trust,
	settings: TrustSettings,
	seed: number
): MissingCase {
	const random = seededRandom(seed);
	const used = new Set<number>();
	const kinds = shuffled(random, params.outcomes);
	const items: MissingCaseItem[] = [];
	const mis = shuffled(random, defectsOfKind(trust, 'tracking-mismatch'));
	const lost = shuffled(random, defectsOfKind(trust, 'missing-volume'));
	for (let k = 0; k < params.items; k++) {
		const kind = kinds[k % kinds.length];
		let index: number;
		let foundAt: string | null = null;
		let vol;
		if (kind === 'mis-tracked' && mis.length) {
			index = mis.shift()!.patients[0];
			const r = patientRecord(trust, index);
			vol =
				r.volumes.find((v) => v.actual && v.actual.code !== v.tracked.code) ??
				r.volumes[r.volumes.length - 1];
			foundAt = vol.actual ? locationWords(vol.actual) : null;
		} else if (kind === 'not-found' && lost.length) {
			index = lost.shift()!.patients[0];
			const r = patientRecord(trust, index);
			vol = r.volumes.find((v) => v.actual === null) ?? r.volumes[r.volumes.length - 1];
		} else {
			// The current volume, on the shelf by the PAS: a closed volume in the library is not what anyone asks for.
			do index = otherPatient(random, trust, used);
			while (currentVolume(trust, index).tracked.kind !== 'library');
			vol = currentVolume(trust, index);
			foundAt = `misfiled in the neighbouring slot ${nearbySlot(vol.shelf, random)}`;
		}
		used.add(index);
		items.push({
			n: k + 1,
			patient: card(trust, index),
			volume: vol.number,
			of: vol.of,
			shelf: vol.shelf,
			tracked: vol.tracked,
			kind: kind === 'mis-tracked' && foundAt === null ? 'not-found' : kind,
			foundAt,
			requester: random() < 0.5 ? 'Outpatient clinic reception' : 'A medical secretary'
		});
	}
	return { trust: settings, items };
}

const parse = (stepId: string) => {
	const m = /^case-(\d+)-(\w+)$/.exec(stepId);
	if (!m) throw new RangeError(`No step ${stepId}`);
	return { n: Number(m[1]), stage: m[2] as Stage };
};
const stagesOf = (item: MissingCaseItem) => (item.foundAt ? STAGES_FOUND : STAGES_LOST);

function factsFor(item: MissingCaseItem, stage: Stage): string[] {
	const which =
		(item.of ?? 1) > 1
			? `the current volume (volume ${item.volume} of ${item.of}) of ${item.patient.name} (${item.patient.hospitalNumber}); nobody has asked for the older volumes`
			: `volume ${item.volume} of ${item.patient.name} (${item.patient.hospitalNumber})`;
	const facts = [
		`${item.requester} needs ${which}. The PAS says it is at ${locationWords(item.tracked)}, but it is not there.`
	];
	const order = stagesOf(item);
	const at = order.indexOf(stage);
	if (at >= 1) facts.push('You checked the tracking history on the PAS (open the record to see it).');
	if (at >= 2)
		facts.push(
			`You searched ${locationWords(item.tracked)} and the shelf slot ${item.shelf} with its neighbours.`
		);
	if (at >= 3)
		facts.push(
			item.foundAt
				? `Found: the notes were ${item.foundAt.startsWith('misfiled') ? item.foundAt : `at ${item.foundAt}`}.`
				: 'Trolleys, clinic bundles, secretaries’ offices, wards, coding, scanning and the off-site store: not found.'
		);
	return facts;
}

function judgeStage(stage: Stage, answer: MissingAnswer): Judgement {
	const spec = CHOICES[stage];
	const chosen = spec.choices.find((x) => x.id === answer.choice);
	const right = spec.choices.find((x) => x.id === spec.right)!;
	const ok = answer.choice === spec.right;
	return {
		outcome: ok ? 'correct' : chosen ? wrongOutcome(stage, answer.choice) : 'major',
		response: { value: answer.choice, text: chosen?.label ?? answer.choice },
		correct: { values: [spec.right], text: right.label },
		maxPoints: POINTS,
		outcomes: ['ihrim.retrieval-tracking'],
		rule: RULE_OF[stage],
		explanation: ok ? `Right. ${WHY[stage]}` : `Not yet. ${WHY[stage]}`
	};
}

export const missingNotes: ScenarioKind<MissingParams, MissingCase, MissingAnswer, MissingView> = {
	kind: 'missing-notes',
	family: 'retrieval',
	machineVersion: 1,
	paramsSchema,
	answerSchema,
	setup: setupOnTrust(buildMissing),
	firstStep: () => 'case-1-first',
	view(c, stepId): StepView<MissingView> {
		const { n, stage } = parse(stepId);
		const item = c.items[n - 1];
		const before = c.items.slice(0, n - 1).reduce((t, x) => t + stagesOf(x).length, 0);
		const total = c.items.reduce((t, x) => t + stagesOf(x).length, 0);
		return {
			id: stepId,
			index: before + stagesOf(item).indexOf(stage),
			total,
			prompt: CHOICES[stage].prompt,
			choices: CHOICES[stage].choices,
			data: {
				trust: c.trust,
				sessionKey: `missing-notes-${String(c.trust.seed)}`,
				patient: item.patient,
				stage,
				facts: factsFor(item, stage),
				requester: item.requester
			}
		};
	},
	judge(c, stepId, answer): Judgement {
		const { n, stage } = parse(stepId);
		const item = c.items[n - 1];
		// The missing patient's record, and records of the numbers a misfile search checks (handbook 2.8, 3.5).
		const numbers = misfileSearchCandidates(item.patient.hospitalNumber).map((d) => d.replace(/\D/g, ''));
		return withNeedToKnow(
			trustOf(c.trust),
			judgeStage(stage, answer),
			answer.opened,
			[item.patient.index],
			[{ numbers }]
		);
	},
	next(c, stepId) {
		const { n, stage } = parse(stepId);
		const order = stagesOf(c.items[n - 1]);
		const at = order.indexOf(stage);
		if (at + 1 < order.length) return `case-${n}-${order[at + 1]}`;
		return n < c.items.length ? `case-${n + 1}-first` : null;
	},
	hint: (c, stepId) =>
		`The procedure, in order: ${RETRIEVAL_RULES.missingProcedure.text} (handbook 2.8). Now at: ${parse(stepId).stage}.`,
	possiblePoints: (c) => c.items.reduce((t, x) => t + stagesOf(x).length * POINTS, 0),
	answerOptions(c, stepId) {
		return CHOICES[parse(stepId).stage].choices.map((x) => ({ choice: x.id }));
	}
};
