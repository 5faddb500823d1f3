/**
 * Clinic preparation (family: retrieval; handbook 1.6, 1.7, 2.3, 2.5, 2.6). Tomorrow's clinic list names patients
 * by name, date of birth and NHS number. First the learner puts the pull list (the folders on the library
 * shelves) in the order the shelves are walked: terminal digit order (handbook 2.3). Then, for each patient, they
 * find the record on the PAS (same-name and same-DOB look-alikes are planted) and get the current volume to the
 * clinic: pulled from the library, or requested from whoever it is tracked to, and tracked to the clinic on the PAS.
 */
import { z } from '$lib/scenarios/zod';
import { compareTerminalDigit, numberGroups } from '../../domain/filing-order';
import { defectsOfKind, patientRecord } from '../../generator/index';
import type { Trust } from '../../generator/types';
import type { Choice } from '../decisions';
import type { Judgement, ScenarioKind, StepView } from '../kind';
import type { DecisionOutcome } from '../decisions';
import { openedSchema } from '../need-to-know';
import type { OutcomeId } from '../outcomes';
import { seededRandom, shuffled } from '../prng';
import {
	card,
	countParam,
	currentVolume,
	displayCard,
	flagParam,
	judgeFind,
	locationWords,
	otherPatient,
	patientAnswer,
	RETRIEVAL_RULES,
	ruleRef,
	setupOnTrust,
	trustOf,
	trustParam,
	withNeedToKnow,
	type PatientAnswer,
	type PatientCard
} from './common';
import type { TrackedLocation, TrustSettings } from '../../generator/types';

export const paramsSchema = z.object({
	items: countParam(12, 'patient'),
	/** Plant same-name/same-DOB and twin look-alikes on the list. */
	traps: flagParam(),
	/** Include patients whose notes are tracked out of the library, to be requested. */
	trackedElsewhere: flagParam(),
	/** Start with ordering the pull list for the walk round the shelves (on unless set to false). */
	pullOrder: flagParam().optional(),
	trustSize: trustParam
});
export type ClinicPrepParams = z.infer<typeof paramsSchema>;

export const getAnswer = z.object({
	action: z.enum(['pull-from-library', 'request-from-holder', 'pull-closed-volume', 'leave']),
	/** What the PAS shows for the current volume after the learner's tracking. */
	trackedTo: z.enum(['clinic', 'elsewhere', 'not-tracked']),
	opened: openedSchema
});
/** The pull list as the learner ordered it: hospital numbers, first pulled first. */
export const pullAnswer = z.object({ order: z.array(z.string().max(40)).max(20) });
export const answerSchema = z.union([patientAnswer, getAnswer, pullAnswer]);
export type GetAnswer = z.infer<typeof getAnswer>;
export type PullAnswer = z.infer<typeof pullAnswer>;
export type ClinicPrepAnswer = PatientAnswer | GetAnswer | PullAnswer;

export interface ClinicSlot {
	slot: number;
	time: string;
	listed: PatientCard;
	trap: { index: number; kind: string } | null;
	volume: { number: number; of: number; shelf: string; tracked: TrackedLocation; closedVolumes: number };
}

/** A folder on the pull list: what a printed pull list shows. */
export interface PullItem {
	hospitalNumber: string;
	name: string;
	volume: string;
}

export interface ClinicPrepCase {
	trust: TrustSettings;
	clinic: { code: string; name: string; date: string; clinician: string };
	slots: ClinicSlot[];
	/** Folders to pull from the library, in list (slot) order; empty when there is no pull-order step. */
	pull: PullItem[];
}

export interface ClinicPrepView {
	trust: TrustSettings;
	sessionKey: string;
	clinic: ClinicPrepCase['clinic'];
	list: { slot: number; time: string; name: string; dob: string; nhsNumber: string | null }[];
	slot: number;
	stage: 'pull' | 'find' | 'get';
	/** At the pull stage: the pull list in slot order, for the learner to put in shelf order. */
	pull: PullItem[];
	/** Shown at the "get" stage: the confirmed patient whose notes are needed. */
	confirmed: PatientCard | null;
	/** At the "get" stage: the current volume's number, the one whose tracking is judged (handbook 2.6). */
	volume: number | null;
}

const FIND_POINTS = 3;
const GET_POINTS = 3;
const PULL_POINTS = 2;
/** A walk round the shelves needs at least this many folders to be worth ordering. */
const MIN_PULL = 2;

function addDays(iso: string, n: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function slotTime(i: number, start: string): string {
	const [h, m] = start.split(':').map(Number);
	const t = h * 60 + m + i * 15;
	return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

export function buildClinic(
	params: ClinicPrepParams,
	trust: Trust,
	settings: TrustSettings,
	seed: number
): ClinicPrepCase {
	const random = seededRandom(seed);
	const org = trust.organisation;
	const clinic = org.clinics[Math.floor(random() * org.clinics.length)];
	const clinician = org.clinicians.find((c) => c.id === clinic.clinicianId);
	const used = new Set<number>();
	const picks: { index: number; trap: ClinicSlot['trap'] }[] = [];
	const alive = (i: number) => patientRecord(trust, i).deceased === null;
	if (params.traps) {
		for (const kind of ['same-name-dob', 'twins'] as const) {
			const d = shuffled(random, defectsOfKind(trust, kind)).find((x) => x.patients.every(alive));
			if (!d || picks.length >= params.items) continue;
			const [a, b] = random() < 0.5 ? d.patients : [d.patients[1], d.patients[0]];
			picks.push({ index: a, trap: { index: b, kind } });
			used.add(a).add(b);
		}
	}
	if (params.trackedElsewhere && picks.length < params.items) {
		for (let tries = 0; tries < 4000; tries++) {
			const i = otherPatient(random, trust, used);
			if (!alive(i)) continue;
			if (currentVolume(trust, i).tracked.kind !== 'library') {
				picks.push({ index: i, trap: null });
				used.add(i);
				break;
			}
		}
	}
	while (picks.length < params.items) {
		const i = otherPatient(random, trust, used);
		used.add(i);
		if (alive(i)) picks.push({ index: i, trap: null });
	}
	const slots = shuffled(random, picks).map((p, k): ClinicSlot => {
		const record = patientRecord(trust, p.index);
		const v = record.volumes.find((x) => x.status === 'current') ?? record.volumes[record.volumes.length - 1];
		return {
			slot: k + 1,
			time: slotTime(k, clinic.start),
			listed: card(trust, p.index),
			trap: p.trap,
			volume: {
				number: v.number,
				of: v.of,
				shelf: v.shelf,
				tracked: v.tracked,
				closedVolumes: record.volumes.filter((x) => x.status === 'closed').length
			}
		};
	});
	const onShelf = slots.filter((s) => s.volume.tracked.kind === 'library');
	const pull =
		params.pullOrder !== false && onShelf.length >= MIN_PULL
			? onShelf.map((s) => ({
					hospitalNumber: s.listed.hospitalNumber,
					name: s.listed.name,
					volume: `Volume ${s.volume.number} of ${s.volume.of}`
				}))
			: [];
	return {
		trust: settings,
		pull,
		clinic: {
			code: clinic.code,
			name: clinic.name,
			date: addDays(settings.today, 1),
			clinician: clinician ? `${clinician.title} ${clinician.name}` : clinic.clinicianId
		},
		slots
	};
}

const PULL_STEP = 'pull-order';

const parse = (stepId: string) => {
	if (stepId === PULL_STEP) return { stage: 'pull' as const, slot: 0 };
	const m = /^(find|get)-(\d+)$/.exec(stepId);
	if (!m) throw new RangeError(`No step ${stepId}`);
	return { stage: m[1] as 'find' | 'get', slot: Number(m[2]) };
};

/**
 * The pull list in the order the shelves are walked: terminal digit order of the hospital numbers (handbook 2.3),
 * with the trust's LOCAL letter-prefix setting.
 * @example shelfWalkOrder([{ hospitalNumber: 'K123456', name: 'A', volume: '1' }, { hospitalNumber: 'K654321', name: 'B', volume: '1' }]).map((p) => p.hospitalNumber) // ['K654321', 'K123456']
 */
export function shelfWalkOrder(pull: readonly PullItem[]): PullItem[] {
	return [...pull].sort((a, b) => compareTerminalDigit(a.hospitalNumber, b.hospitalNumber));
}

/** Pairs of folders the learner put the wrong way round (a count of how far the order is from right). */
function pairsOutOfOrder(order: readonly string[]): number {
	let n = 0;
	for (let i = 0; i < order.length; i++)
		for (let j = i + 1; j < order.length; j++) if (compareTerminalDigit(order[i], order[j]) > 0) n++;
	return n;
}

const groupsOf = (hn: string) => numberGroups(hn).display;

function judgePull(c: ClinicPrepCase, a: PullAnswer): Judgement {
	const right = shelfWalkOrder(c.pull).map((p) => p.hospitalNumber);
	const asGiven = a.order.join(' > ');
	const rule = ruleRef('filing.terminal-digit');
	const base = {
		response: { value: asGiven, text: a.order.map((hn) => `${hn} (${groupsOf(hn)})`).join(', ') },
		correct: {
			values: [right.join(' > ')],
			text: right.map((hn) => `${hn} (${groupsOf(hn)})`).join(', ')
		},
		maxPoints: PULL_POINTS,
		outcomes: ['ihrim.filing-methods', 'ihrim.retrieval-tracking'] as OutcomeId[],
		rule
	};
	const same = [...a.order].sort().join() === [...right].sort().join();
	if (!same)
		throw new RangeError('A pull-order answer must hold every folder on the pull list exactly once.');
	const wrong = pairsOutOfOrder(a.order);
	const how = `Read each number in pairs from the right: the last pair (primary) says which section of the shelves, then the middle pair, then the first. Walk the sections from 00 to 99 (rule ${rule.id}, handbook ${rule.handbook}).`;
	if (wrong === 0)
		return {
			...base,
			outcome: 'correct',
			explanation: `Right: the pull list is in terminal digit order, so one walk round the shelves picks up every folder. ${how}`
		};
	const first = a.order.findIndex((hn, i) => hn !== right[i]);
	return {
		...base,
		outcome: wrong === 1 ? 'minor' : 'major',
		explanation: `${wrong === 1 ? 'Nearly' : 'Not in shelf order'}: ${a.order[first]} (${groupsOf(a.order[first])}) is not the ${ordinal(first + 1)} folder on the walk; ${right[first]} (${groupsOf(right[first])}) is. Out of order, the walk doubles back and folders get missed. ${how}`
	};
}

const ordinal = (n: number) => {
	const s = ['th', 'st', 'nd', 'rd'];
	const v = n % 100;
	return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
};

const GET_CHOICES: Choice[] = [
	{ id: 'pull-from-library', label: 'Pull the current volume from the library shelf' },
	{ id: 'request-from-holder', label: 'Request the current volume from where it is tracked to' },
	{ id: 'pull-closed-volume', label: 'Pull an older, closed volume' },
	{ id: 'leave', label: 'Leave it: the clinic can manage without' }
];

const rank: Record<DecisionOutcome, number> = { correct: 0, minor: 1, major: 2, critical: 3 };

function judgeGet(c: ClinicPrepCase, s: ClinicSlot, a: GetAnswer): Judgement {
	const inLibrary = s.volume.tracked.kind === 'library';
	const right = inLibrary ? 'pull-from-library' : 'request-from-holder';
	const where = locationWords(s.volume.tracked);
	const problems: {
		outcome: DecisionOutcome;
		text: string;
		rule: (typeof RETRIEVAL_RULES)[keyof typeof RETRIEVAL_RULES];
	}[] = [];
	if (a.action !== right) {
		if (a.action === 'pull-closed-volume')
			problems.push({
				outcome: 'major',
				text: `Volume ${s.volume.number} of ${s.volume.of} is the current one: the clinic needs it, not a closed volume (handbook 2.6).`,
				rule: RETRIEVAL_RULES.currentVolume
			});
		else if (a.action === 'leave')
			problems.push({
				outcome: 'major',
				text: `The clinic needs the notes: ${inLibrary ? `they are on ${where}` : `they are tracked to ${where}: request them`} (handbook 2.5).`,
				rule: RETRIEVAL_RULES.borrowing
			});
		else if (inLibrary)
			problems.push({
				outcome: 'minor',
				text: `The PAS shows the current volume on ${where}: pull it yourself rather than raising a request.`,
				rule: RETRIEVAL_RULES.trackEveryMove
			});
		else
			problems.push({
				outcome: 'major',
				text: `The current volume is tracked to ${where}, so its shelf slot is empty: request it from there and have it re-tracked (handbook 2.5).`,
				rule: RETRIEVAL_RULES.borrowing
			});
	}
	if (a.trackedTo !== 'clinic' && a.action !== 'leave')
		problems.push({
			outcome: 'major',
			text:
				a.trackedTo === 'not-tracked'
					? `The notes moved but the PAS still shows them at ${where}: track them to ${c.clinic.name} (${c.clinic.code}) as they move (handbook 2.5).`
					: `The notes were tracked somewhere other than ${c.clinic.name} (${c.clinic.code}): tracking must say where they really are (handbook 2.5).`,
			rule: RETRIEVAL_RULES.trackEveryMove
		});
	const worst = problems.reduce<DecisionOutcome>(
		(w, p) => (rank[p.outcome] > rank[w] ? p.outcome : w),
		'correct'
	);
	const chosen = GET_CHOICES.find((x) => x.id === a.action)!;
	return {
		outcome: worst,
		response: {
			value: `${a.action}|${a.trackedTo}`,
			text: `${chosen.label}; PAS tracking: ${a.trackedTo === 'clinic' ? 'to the clinic' : a.trackedTo === 'elsewhere' ? 'somewhere else' : 'not updated'}`
		},
		correct: {
			values: [`${right}|clinic`],
			text: `${GET_CHOICES.find((x) => x.id === right)!.label}, and track it to ${c.clinic.name} (${c.clinic.code})`
		},
		maxPoints: GET_POINTS,
		outcomes: ['ihrim.retrieval-tracking'],
		rule: problems[0]?.rule ?? RETRIEVAL_RULES.trackEveryMove,
		explanation: problems.length
			? problems.map((p) => p.text).join(' ')
			: `Right: current volume ${s.volume.number} of ${s.volume.of} ${inLibrary ? 'pulled from the library' : `requested from ${where}`} and tracked to the clinic at the moment it moved (handbook 2.5, 2.6).`
	};
}

/** The slot's patient and planted look-alike are the records this step needs (handbook 3.5). */
function needToKnow(c: ClinicPrepCase, s: ClinicSlot, j: Judgement, opened: string[] | undefined): Judgement {
	const needed = s.trap ? [s.listed.index, s.trap.index] : [s.listed.index];
	return withNeedToKnow(trustOf(c.trust), j, opened, needed);
}

export const clinicPreparation: ScenarioKind<
	ClinicPrepParams,
	ClinicPrepCase,
	ClinicPrepAnswer,
	ClinicPrepView
> = {
	kind: 'clinic-preparation',
	family: 'retrieval',
	machineVersion: 1,
	paramsSchema,
	answerSchema,
	setup: setupOnTrust(buildClinic),
	firstStep: (c) => (c.pull.length ? PULL_STEP : 'find-1'),
	view(c, stepId): StepView<ClinicPrepView> {
		const { stage, slot } = parse(stepId);
		const s = c.slots[Math.max(0, slot - 1)];
		const before = c.pull.length ? 1 : 0;
		return {
			id: stepId,
			index: stage === 'pull' ? 0 : before + (slot - 1) * 2 + (stage === 'get' ? 1 : 0),
			total: before + c.slots.length * 2,
			prompt:
				stage === 'pull'
					? `Put the pull list for ${c.clinic.name} in the order you will walk the library shelves.`
					: stage === 'find'
						? `Slot ${slot} (${s.time}): find ${s.listed.name}, born ${s.listed.dob}, on the PAS.`
						: `Slot ${slot}: get the notes of ${s.listed.name} (${s.listed.hospitalNumber}) to ${c.clinic.name}.`,
			choices:
				stage === 'pull'
					? c.pull.map((p) => ({ id: p.hospitalNumber, label: `${p.hospitalNumber} ${p.name}` }))
					: stage === 'find'
						? []
						: GET_CHOICES,
			data: {
				trust: c.trust,
				sessionKey: `clinic-preparation-${String(c.trust.seed)}-${c.clinic.code}`,
				clinic: c.clinic,
				list: c.slots.map((x) => ({
					slot: x.slot,
					time: x.time,
					name: x.listed.name,
					dob: x.listed.dob,
					nhsNumber: x.listed.nhsNumber
				})),
				slot,
				stage,
				pull: stage === 'pull' ? c.pull : [],
				confirmed: stage === 'get' ? s.listed : null,
				volume: stage === 'get' ? s.volume.number : null
			}
		};
	},
	judge(c, stepId, answer): Judgement {
		const { stage, slot } = parse(stepId);
		const s = c.slots[slot - 1];
		if (stage === 'pull') {
			if (!('order' in answer)) throw new RangeError('The pull-order step needs the list in order.');
			return judgePull(c, answer);
		}
		if (stage === 'find') {
			if (!('patient' in answer)) throw new RangeError('A find step needs a patient answer.');
			return needToKnow(
				c,
				s,
				judgeFind(trustOf(c.trust), s.listed.index, s.trap, answer, FIND_POINTS),
				answer.opened
			);
		}
		if (!('action' in answer)) throw new RangeError('A get step needs an action answer.');
		return needToKnow(c, s, judgeGet(c, s, answer), answer.opened);
	},
	next(c, stepId) {
		const { stage, slot } = parse(stepId);
		if (stage === 'pull') return 'find-1';
		if (stage === 'find') return `get-${slot}`;
		return slot < c.slots.length ? `find-${slot + 1}` : null;
	},
	hint(c, stepId) {
		const { stage, slot } = parse(stepId);
		const s = c.slots[slot - 1];
		if (stage === 'pull')
			return 'Split each hospital number into pairs from the right, ignoring the letter: K123456 is 12-34-56. Sort by the last pair first, then the middle pair, then the first pair (handbook 2.3).';
		if (stage === 'find')
			return s.trap
				? 'Search by surname and date of birth, then compare the NHS number on the list with each result: two patients here look alike (handbook 1.7).'
				: 'Search by NHS number, or surname and date of birth, and check three identifiers (handbook 1.6).';
		return `Open the record and look at "Tracked to now" for the current volume: ${s.volume.tracked.kind === 'library' ? 'it is in the library' : 'it is out of the library'} (handbook 2.5).`;
	},
	possiblePoints: (c) => c.slots.length * (FIND_POINTS + GET_POINTS) + (c.pull.length ? PULL_POINTS : 0),
	answerOptions(c, stepId) {
		const { stage, slot } = parse(stepId);
		const s = c.slots[slot - 1];
		if (stage === 'pull') {
			const right = shelfWalkOrder(c.pull).map((p) => p.hospitalNumber);
			const swapped = [right[1], right[0], ...right.slice(2)];
			return [{ order: right }, { order: swapped }, { order: [...right].reverse() }];
		}
		if (stage === 'find') {
			const opts: ClinicPrepAnswer[] = [{ patient: s.listed.index }, { patient: null }];
			if (s.trap) opts.push({ patient: s.trap.index });
			return opts;
		}
		return [
			{
				action: s.volume.tracked.kind === 'library' ? 'pull-from-library' : 'request-from-holder',
				trackedTo: 'clinic'
			},
			{ action: 'pull-from-library', trackedTo: 'not-tracked' },
			{ action: 'request-from-holder', trackedTo: 'clinic' },
			{ action: 'pull-closed-volume', trackedTo: 'clinic' },
			{ action: 'leave', trackedTo: 'not-tracked' }
		];
	}
};

export { displayCard };
