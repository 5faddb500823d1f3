/**
 * Clinic preparation (family: retrieval; handbook 1.6, 1.7, 2.5, 2.6). Tomorrow's clinic list names patients by
 * name, date of birth and NHS number. For each one the learner finds the record on the PAS (same-name and
 * same-DOB look-alikes are planted), then gets the current volume to the clinic: pulled from the library, or
 * requested from whoever it is tracked to, and tracked to the clinic on the PAS.
 */
import { z } from '$lib/scenarios/zod';
import { defectsOfKind, patientRecord } from '../../generator/index';
import type { Trust } from '../../generator/types';
import type { Choice } from '../decisions';
import type { Judgement, ScenarioKind, StepView } from '../kind';
import type { DecisionOutcome } from '../decisions';
import { seededRandom, shuffled } from '../prng';
import {
	card,
	currentVolume,
	displayCard,
	judgeFind,
	locationWords,
	otherPatient,
	patientAnswer,
	RETRIEVAL_RULES,
	trustOf,
	trustParam,
	trustSettingsFor,
	type PatientAnswer,
	type PatientCard
} from './common';
import type { TrackedLocation, TrustSettings } from '../../generator/types';

export const paramsSchema = z.object({
	items: z
		.number()
		.int('must be a whole number')
		.min(1, 'must be at least 1 patient')
		.max(12, 'must be at most 12 patients'),
	/** Plant same-name/same-DOB and twin look-alikes on the list. */
	traps: z.boolean({ error: 'must be true or false' }),
	/** Include patients whose notes are tracked out of the library, to be requested. */
	trackedElsewhere: z.boolean({ error: 'must be true or false' }),
	trustSize: trustParam
});
export type ClinicPrepParams = z.infer<typeof paramsSchema>;

export const getAnswer = z.object({
	action: z.enum(['pull-from-library', 'request-from-holder', 'pull-closed-volume', 'leave']),
	/** What the PAS shows for the current volume after the learner's tracking. */
	trackedTo: z.enum(['clinic', 'elsewhere', 'not-tracked'])
});
export const answerSchema = z.union([patientAnswer, getAnswer]);
export type GetAnswer = z.infer<typeof getAnswer>;
export type ClinicPrepAnswer = PatientAnswer | GetAnswer;

export interface ClinicSlot {
	slot: number;
	time: string;
	listed: PatientCard;
	trap: { index: number; kind: string } | null;
	volume: { number: number; of: number; shelf: string; tracked: TrackedLocation; closedVolumes: number };
}

export interface ClinicPrepCase {
	trust: TrustSettings;
	clinic: { code: string; name: string; date: string; clinician: string };
	slots: ClinicSlot[];
}

export interface ClinicPrepView {
	trust: TrustSettings;
	sessionKey: string;
	clinic: ClinicPrepCase['clinic'];
	list: { slot: number; time: string; name: string; dob: string; nhsNumber: string | null }[];
	slot: number;
	stage: 'find' | 'get';
	/** Shown at the "get" stage: the confirmed patient whose notes are needed. */
	confirmed: PatientCard | null;
}

const FIND_POINTS = 3;
const GET_POINTS = 3;

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
	return {
		trust: settings,
		clinic: {
			code: clinic.code,
			name: clinic.name,
			date: addDays(settings.today, 1),
			clinician: clinician ? `${clinician.title} ${clinician.name}` : clinic.clinicianId
		},
		slots
	};
}

const parse = (stepId: string) => {
	const m = /^(find|get)-(\d+)$/.exec(stepId);
	if (!m) throw new RangeError(`No step ${stepId}`);
	return { stage: m[1] as 'find' | 'get', slot: Number(m[2]) };
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
	setup(definition, seed, today) {
		const settings = trustSettingsFor(definition, seed, today, definition.params.trustSize);
		return buildClinic(definition.params, trustOf(settings), settings, seed);
	},
	firstStep: () => 'find-1',
	view(c, stepId): StepView<ClinicPrepView> {
		const { stage, slot } = parse(stepId);
		const s = c.slots[slot - 1];
		return {
			id: stepId,
			index: (slot - 1) * 2 + (stage === 'get' ? 1 : 0),
			total: c.slots.length * 2,
			prompt:
				stage === 'find'
					? `Slot ${slot} (${s.time}): find ${s.listed.name}, born ${s.listed.dob}, on the PAS.`
					: `Slot ${slot}: get the notes of ${s.listed.name} (${s.listed.hospitalNumber}) to ${c.clinic.name}.`,
			choices: stage === 'find' ? [] : GET_CHOICES,
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
				confirmed: stage === 'get' ? s.listed : null
			}
		};
	},
	judge(c, stepId, answer): Judgement {
		const { stage, slot } = parse(stepId);
		const s = c.slots[slot - 1];
		if (stage === 'find') {
			if (!('patient' in answer)) throw new RangeError('A find step needs a patient answer.');
			return judgeFind(trustOf(c.trust), s.listed.index, s.trap, answer, FIND_POINTS);
		}
		if (!('action' in answer)) throw new RangeError('A get step needs an action answer.');
		return judgeGet(c, s, answer);
	},
	next(c, stepId) {
		const { stage, slot } = parse(stepId);
		if (stage === 'find') return `get-${slot}`;
		return slot < c.slots.length ? `find-${slot + 1}` : null;
	},
	hint(c, stepId) {
		const { stage, slot } = parse(stepId);
		const s = c.slots[slot - 1];
		if (stage === 'find')
			return s.trap
				? 'Search by surname and date of birth, then compare the NHS number on the list with each result: two patients here look alike (handbook 1.7).'
				: 'Search by NHS number, or surname and date of birth, and check three identifiers (handbook 1.6).';
		return `Open the record and look at "Tracked to now" for the current volume: ${s.volume.tracked.kind === 'library' ? 'it is in the library' : 'it is out of the library'} (handbook 2.5).`;
	},
	possiblePoints: (c) => c.slots.length * (FIND_POINTS + GET_POINTS),
	answerOptions(c, stepId) {
		const { stage, slot } = parse(stepId);
		const s = c.slots[slot - 1];
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
