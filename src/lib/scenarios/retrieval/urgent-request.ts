/**
 * Urgent request (family: retrieval; handbook 1.6, 1.7, 2.5, 2.7). The emergency department phones: it needs a
 * patient's notes now. The learner finds the right record (look-alikes are planted), sees where the current
 * volume is tracked, and gets it to the ED the fastest safe way, tracked to the ED. Time pressure comes from the
 * definition's time limit.
 */
import { z } from '$lib/scenarios/zod';
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
	flagParam,
	judgeFind,
	locationWords,
	otherPatient,
	patientAnswer,
	RETRIEVAL_RULES,
	setupOnTrust,
	trustOf,
	trustParam,
	withNeedToKnow,
	type PatientAnswer,
	type PatientCard
} from './common';

export const paramsSchema = z.object({
	items: countParam(4, 'request'),
	traps: flagParam(),
	/** Give the hospital number on the call (easier) or only name and date of birth. */
	callerGivesNumber: flagParam(),
	trustSize: trustParam
});
export type UrgentParams = z.infer<typeof paramsSchema>;

export const sendAnswer = z.object({
	action: z.enum([
		'pull-and-send',
		'ask-holder-to-send',
		'urgent-offsite-request',
		'temporary-folder',
		'wait'
	]),
	trackedTo: z.enum(['ed', 'elsewhere', 'not-tracked']),
	opened: openedSchema
});
export const answerSchema = z.union([patientAnswer, sendAnswer]);
export type SendAnswer = z.infer<typeof sendAnswer>;
export type UrgentAnswer = PatientAnswer | SendAnswer;

export interface UrgentCall {
	n: number;
	caller: string;
	patient: PatientCard;
	trap: { index: number; kind: string } | null;
	tracked: TrackedLocation;
	volume: number;
}

export interface UrgentCase {
	trust: TrustSettings;
	callerGivesNumber: boolean;
	calls: UrgentCall[];
}

export interface UrgentView {
	trust: TrustSettings;
	sessionKey: string;
	stage: 'find' | 'send';
	call: { caller: string; name: string; dob: string; hospitalNumber: string | null };
	confirmed: PatientCard | null;
	/** At the "send" stage: the current volume's number, the one whose tracking is judged (handbook 2.6). */
	volume: number | null;
}

const CALLERS = [
	'Staff nurse, Emergency Department',
	'ED receptionist',
	'ED registrar',
	'Resus charge nurse'
];
const FIND_POINTS = 3;
const SEND_POINTS = 3;

export const SEND_CHOICES: Choice[] = [
	{ id: 'pull-and-send', label: 'Pull the current volume from the library and send it straight to the ED' },
	{
		id: 'ask-holder-to-send',
		label: 'Phone whoever the notes are tracked to and have them sent straight to the ED'
	},
	{
		id: 'urgent-offsite-request',
		label: 'Place an urgent retrieval with the off-site store and tell the ED when'
	},
	{ id: 'temporary-folder', label: 'Make up a temporary folder now' },
	{ id: 'wait', label: 'Tell the ED to wait until the notes come back to the library' }
];

function rightAction(tracked: TrackedLocation): SendAnswer['action'] {
	if (tracked.kind === 'library') return 'pull-and-send';
	if (tracked.kind === 'off-site store') return 'urgent-offsite-request';
	return 'ask-holder-to-send';
}

export function buildCalls(
	params: UrgentParams,
	trust: Trust,
	settings: TrustSettings,
	seed: number
): UrgentCase {
	const random = seededRandom(seed);
	const used = new Set<number>();
	const alive = (i: number) => patientRecord(trust, i).deceased === null;
	const picks: { index: number; trap: UrgentCall['trap'] }[] = [];
	if (params.traps) {
		const d = shuffled(random, defectsOfKind(trust, 'same-name-dob')).find((x) => x.patients.every(alive));
		if (d) {
			picks.push({ index: d.patients[0], trap: { index: d.patients[1], kind: 'same-name-dob' } });
			d.patients.forEach((i) => used.add(i));
		}
	}
	// At least one call whose notes are out of the library: the usual trouble with urgent requests.
	for (let tries = 0; tries < 4000 && picks.length < params.items; tries++) {
		const i = otherPatient(random, trust, used);
		if (!alive(i)) continue;
		const outOfLibrary = currentVolume(trust, i).tracked.kind !== 'library';
		if (outOfLibrary || picks.some((p) => currentVolume(trust, p.index).tracked.kind !== 'library')) {
			picks.push({ index: i, trap: null });
			used.add(i);
		}
	}
	return {
		trust: settings,
		callerGivesNumber: params.callerGivesNumber,
		calls: picks.slice(0, params.items).map((p, k) => {
			const v = currentVolume(trust, p.index);
			return {
				n: k + 1,
				caller: CALLERS[Math.floor(random() * CALLERS.length)],
				patient: card(trust, p.index),
				trap: p.trap,
				tracked: v.tracked,
				volume: v.number
			};
		})
	};
}

const parse = (stepId: string) => {
	const m = /^(find|send)-(\d+)$/.exec(stepId);
	if (!m) throw new RangeError(`No step ${stepId}`);
	return { stage: m[1] as 'find' | 'send', n: Number(m[2]) };
};
const rank: Record<DecisionOutcome, number> = { correct: 0, minor: 1, major: 2, critical: 3 };

function judgeSend(call: UrgentCall, a: SendAnswer): Judgement {
	const right = rightAction(call.tracked);
	const where = locationWords(call.tracked);
	const notes: { outcome: DecisionOutcome; text: string }[] = [];
	let rule = RETRIEVAL_RULES.borrowing;
	if (a.action !== right) {
		if (a.action === 'temporary-folder') {
			rule = RETRIEVAL_RULES.temporaryFolder;
			notes.push({
				outcome: 'major',
				text: `The notes are not missing: they are tracked to ${where}. A temporary folder is only for notes that cannot be found after a full search, on a manager’s authority (handbook 2.7).`
			});
		} else if (a.action === 'wait')
			notes.push({
				outcome: 'major',
				text: `The ED needs them now and the PAS says where they are (${where}): get them sent straight there (handbook 2.5).`
			});
		else
			notes.push({
				outcome: 'major',
				text: `The current volume is tracked to ${where}: ${SEND_CHOICES.find((x) => x.id === right)!.label.toLowerCase()} (handbook 2.5).`
			});
	}
	if (a.trackedTo !== 'ed' && a.action !== 'wait') {
		rule = notes.length ? rule : RETRIEVAL_RULES.trackEveryMove;
		notes.push({
			outcome: 'major',
			text: `Track the notes to the Emergency Department as they go; urgent moves are the ones most often left untracked (handbook 2.5).`
		});
	}
	const worst = notes.reduce<DecisionOutcome>(
		(w, x) => (rank[x.outcome] > rank[w] ? x.outcome : w),
		'correct'
	);
	return {
		outcome: worst,
		response: {
			value: `${a.action}|${a.trackedTo}`,
			text: `${SEND_CHOICES.find((x) => x.id === a.action)!.label}; PAS tracking: ${a.trackedTo === 'ed' ? 'to the ED' : a.trackedTo === 'elsewhere' ? 'somewhere else' : 'not updated'}`
		},
		correct: {
			values: [`${right}|ed`],
			text: `${SEND_CHOICES.find((x) => x.id === right)!.label}, tracked to the Emergency Department`
		},
		maxPoints: SEND_POINTS,
		outcomes: ['ihrim.retrieval-tracking'],
		rule,
		explanation: notes.length
			? notes.map((x) => x.text).join(' ')
			: `Right: the notes were at ${where}; they go straight to the ED and the PAS says so (handbook 2.5).`
	};
}

export const urgentRequest: ScenarioKind<UrgentParams, UrgentCase, UrgentAnswer, UrgentView> = {
	kind: 'urgent-request',
	family: 'retrieval',
	machineVersion: 1,
	paramsSchema,
	answerSchema,
	setup: setupOnTrust(buildCalls),
	firstStep: () => 'find-1',
	view(c, stepId): StepView<UrgentView> {
		const { stage, n } = parse(stepId);
		const call = c.calls[n - 1];
		return {
			id: stepId,
			index: (n - 1) * 2 + (stage === 'send' ? 1 : 0),
			total: c.calls.length * 2,
			prompt:
				stage === 'find'
					? `${call.caller} needs the notes of ${call.patient.name}, born ${call.patient.dob}, now. Find the patient.`
					: `Get the current notes of ${call.patient.name} (${call.patient.hospitalNumber}) to the Emergency Department.`,
			choices: stage === 'send' ? SEND_CHOICES : [],
			data: {
				trust: c.trust,
				sessionKey: `urgent-request-${String(c.trust.seed)}`,
				stage,
				call: {
					caller: call.caller,
					name: call.patient.name,
					dob: call.patient.dob,
					hospitalNumber: c.callerGivesNumber ? call.patient.hospitalNumber : null
				},
				confirmed: stage === 'send' ? call.patient : null,
				volume: stage === 'send' ? call.volume : null
			}
		};
	},
	judge(c, stepId, answer): Judgement {
		const { stage, n } = parse(stepId);
		const call = c.calls[n - 1];
		// The caller's patient and the planted look-alike are the records this call needs (handbook 3.5).
		const needed = call.trap ? [call.patient.index, call.trap.index] : [call.patient.index];
		const trust = trustOf(c.trust);
		if (stage === 'find') {
			if (!('patient' in answer)) throw new RangeError('A find step needs a patient answer.');
			const j = judgeFind(trust, call.patient.index, call.trap, answer, FIND_POINTS);
			return withNeedToKnow(trust, j, answer.opened, needed);
		}
		if (!('action' in answer)) throw new RangeError('A send step needs an action answer.');
		return withNeedToKnow(trust, judgeSend(call, answer), answer.opened, needed);
	},
	next(c, stepId) {
		const { stage, n } = parse(stepId);
		if (stage === 'find') return `send-${n}`;
		return n < c.calls.length ? `find-${n + 1}` : null;
	},
	hint(c, stepId) {
		const { stage } = parse(stepId);
		return stage === 'find'
			? 'Ask for (or check) a number as well as name and date of birth: there may be two patients with the same name and date of birth (handbook 1.7).'
			: 'Open the record and read "Tracked to now" for the current volume before deciding (handbook 2.5).';
	},
	possiblePoints: (c) => c.calls.length * (FIND_POINTS + SEND_POINTS),
	answerOptions(c, stepId) {
		const { stage, n } = parse(stepId);
		const call = c.calls[n - 1];
		if (stage === 'find') {
			const opts: UrgentAnswer[] = [{ patient: call.patient.index }, { patient: null }];
			if (call.trap) opts.push({ patient: call.trap.index });
			return opts;
		}
		return [
			{ action: rightAction(call.tracked), trackedTo: 'ed' },
			{ action: rightAction(call.tracked), trackedTo: 'not-tracked' },
			{ action: 'temporary-folder', trackedTo: 'ed' },
			{ action: 'wait', trackedTo: 'not-tracked' }
		];
	}
};
