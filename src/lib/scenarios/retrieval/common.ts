/**
 * Shared parts of the retrieval family (handbook 1.6, 1.7, 2.5-2.8, 3.1-3.3): the trust a case runs on, patient
 * cards as a clinic list or referral shows them, the rules feedback cites, and the "is this the right patient"
 * judgement every kind starts with. Pure: no clock, no UI; the screens open a simulated PAS on `trust`.
 */
import { z } from '$lib/scenarios/zod';
import { createTrust, patientRecord, patientSummary } from '../../generator/index';
import type {
	CasenoteVolume,
	PatientSummary,
	TrackedLocation,
	Trust,
	TrustSettings
} from '../../generator/types';
import { RULES, type RuleId } from '../../domain/rules';
import type { RuleRef } from '../decisions';
import type { ScenarioDefinition } from '../definition';
import type { Judgement } from '../kind';
import { openedSchema } from '../need-to-know';
import type { OutcomeId } from '../outcomes';
import { randomInt } from '../prng';

/** Patients on a scenario's trust when the definition names none: small enough to build in a blink. */
export const DEFAULT_TRUST_SIZE = 3000;

export const trustParam = z
	.number({ error: 'must be a number of patients' })
	.int('must be a whole number')
	.min(500, 'must be at least 500 patients, so there are look-alikes to find')
	.max(100_000, 'must be at most 100,000 patients')
	.optional();

/** How many items a definition asks for, from 1 to `max`: `countParam(4, 'request')`. */
export const countParam = (max: number, noun: string) =>
	z
		.number()
		.int('must be a whole number')
		.min(1, `must be at least 1 ${noun}`)
		.max(max, `must be at most ${max} ${noun}s`);

/** An on/off setting of a definition. */
export const flagParam = () => z.boolean({ error: 'must be true or false' });

/** The trust a case runs on: the definition's inline trust if it has one, else one seeded from the case seed. */
export function trustSettingsFor(
	def: ScenarioDefinition,
	seed: number,
	today: string,
	size?: number
): TrustSettings {
	const t = def.trust;
	if (t && 'seed' in t) return { seed: t.seed, patients: t.size, today };
	return { seed: `retrieval-${seed}`, patients: size ?? DEFAULT_TRUST_SIZE, today };
}

/** A kind's setup: the case's trust (the definition's, or one seeded from the case seed), then the case on it. */
export function setupOnTrust<P extends { trustSize?: number }, C>(
	build: (params: P, trust: Trust, settings: TrustSettings, seed: number) => C
) {
	return (definition: ScenarioDefinition<P>, seed: number, today: string): C => {
		const settings = trustSettingsFor(definition, seed, today, definition.params.trustSize);
		return build(definition.params, trustOf(settings), settings, seed);
	};
}

// Building a trust costs a few hundred milliseconds; judge() and view() run often, so keep the last few.
const trusts = new Map<string, Trust>();
export function trustOf(settings: TrustSettings): Trust {
	const key = JSON.stringify(settings);
	let t = trusts.get(key);
	if (!t) {
		t = createTrust(settings);
		if (trusts.size > 4) trusts.delete(trusts.keys().next().value!);
		trusts.set(key, t);
	}
	return t;
}

/** A patient as a list, referral or phone call gives them: what the learner has to go on. */
export interface PatientCard {
	index: number;
	name: string;
	dob: string;
	nhsNumber: string | null;
	hospitalNumber: string;
	postcode: string;
}

export function cardOf(p: PatientSummary): PatientCard {
	return {
		index: p.index,
		name: `${p.forenames.join(' ')} ${p.surname}`,
		dob: p.dateOfBirth,
		nhsNumber: p.nhsNumber,
		hospitalNumber: p.hospitalNumber,
		postcode: p.postcode
	};
}

export function card(trust: Trust, i: number): PatientCard {
	return cardOf(patientSummary(trust, i));
}

/** The current volume and where it is tracked and really is (handbook 2.5, 2.6). */
export function currentVolume(trust: Trust, i: number): CasenoteVolume {
	const r = patientRecord(trust, i);
	return r.volumes.find((v) => v.status === 'current') ?? r.volumes[r.volumes.length - 1];
}

/** A patient not in `avoid`, drawn with the case's random source. */
export function otherPatient(random: () => number, trust: Trust, avoid: Set<number>): number {
	for (;;) {
		const i = randomInt(random, trust.settings.patients);
		if (!avoid.has(i)) return i;
	}
}

export function ruleRef(id: RuleId): RuleRef {
	const r = RULES[id];
	return { id, handbook: r.handbook, text: r.summary };
}

/** Rules of the job this family tests that the domain rule table does not hold (handbook sections cited). */
export const RETRIEVAL_RULES = {
	trackEveryMove: {
		id: 'tracking.every-move',
		handbook: '2.5',
		text: 'Whenever notes leave the file or pass to someone else, update the tracking at that moment.'
	},
	currentVolume: {
		id: 'volumes.current-by-default',
		handbook: '2.6',
		text: 'Fetch the current volume by default; older volumes only when asked for them.'
	},
	borrowing: {
		id: 'tracking.request-from-holder',
		handbook: '2.5',
		text: 'Notes tracked to someone are requested from them and re-tracked; never take them without updating tracking.'
	},
	missingProcedure: {
		id: 'missing-notes.procedure',
		handbook: '2.8',
		text: 'Missing notes: check tracking history, search the tracked place and the shelf (neighbouring slots, transposed numbers), keep a search log, escalate, then report an incident.'
	},
	temporaryFolder: {
		id: 'temporary-notes.manager-authority',
		handbook: '2.7',
		text: 'A temporary folder is made only after an exhaustive search has failed, and only on a manager’s authority; it is tracked like any other.'
	},
	searchBeforeRegistering: {
		id: 'registration.search-first',
		handbook: '3.1',
		text: 'Search the index (NHS number, then surname, date of birth and sex, partial and previous names) before registering; register only when sure there is no record.'
	},
	reportDuplicate: {
		id: 'registration.report-duplicate',
		handbook: '3.3',
		text: 'A patient with two records is reported to the data quality team for a merge; never create a third or merge it yourself.'
	},
	rightPatient: {
		id: 'retrieval.right-patient',
		handbook: '1.6, 1.7',
		text: 'Match at least three identifiers, including a unique number, before pulling or sending notes.'
	}
} satisfies Record<string, RuleRef>;

export const FIND_OUTCOMES: OutcomeId[] = ['ihrim.positive-identification', 'ihrim.unique-identifiers'];

/** Answer shape for "which patient is it": a patient index, or null for "not on the PAS". */
export const patientAnswer = z.object({
	patient: z.number().int().nonnegative().nullable(),
	opened: openedSchema
});
export type PatientAnswer = z.infer<typeof patientAnswer>;

export const displayCard = (c: PatientCard) => `${c.name}, born ${c.dob}, ${c.hospitalNumber}`;

/**
 * Judges "which record is this patient?". The wrong patient is critical: their notes would go to the clinic or ED
 * (handbook 1.7). `trap` is the look-alike the case planted, named in the feedback.
 */
export function judgeFind(
	trust: Trust,
	target: number,
	trap: { index: number; kind: string } | null,
	answer: PatientAnswer,
	points: number
): Omit<Judgement, 'response'> & { response: { value: string; text: string } } {
	const right = card(trust, target);
	const correct = { values: [String(target)], text: `${displayCard(right)}` };
	const base = { maxPoints: points, outcomes: FIND_OUTCOMES, correct };
	if (answer.patient === target)
		return {
			...base,
			response: { value: String(target), text: displayCard(right) },
			outcome: 'correct',
			rule: trap
				? ruleRef(trap.kind === 'twins' ? 'ppi.twins' : 'ppi.same-name')
				: RETRIEVAL_RULES.rightPatient,
			explanation: trap
				? `Right patient. ${card(trust, trap.index).name} (${card(trust, trap.index).hospitalNumber}) looks almost the same; only the NHS or hospital number tells them apart (handbook 1.7).`
				: `Right patient: name, date of birth and NHS number all match (handbook 1.6).`
		};
	if (answer.patient === null)
		return {
			...base,
			response: { value: 'none', text: 'Said the patient is not on the PAS' },
			outcome: 'major',
			rule: RETRIEVAL_RULES.searchBeforeRegistering,
			explanation: `The patient is on the PAS as ${displayCard(right)}. Try part of the surname with the date of birth, the NHS number, or previous names before giving up (handbook 3.1).`
		};
	const chosen = card(trust, answer.patient);
	return {
		...base,
		response: { value: String(answer.patient), text: displayCard(chosen) },
		outcome: 'critical',
		rule:
			trap?.index === answer.patient
				? ruleRef(trap.kind === 'twins' ? 'ppi.twins' : 'ppi.same-name')
				: RETRIEVAL_RULES.rightPatient,
		explanation: `Wrong patient: ${chosen.name} (${chosen.hospitalNumber}, NHS ${chosen.nhsNumber ?? 'none'}) is not ${right.name} (${right.hospitalNumber}, NHS ${right.nhsNumber ?? 'none'}). Sending someone else’s notes is a clinical risk and a confidentiality breach. Match three identifiers including the number (handbook 1.6, 1.7).`
	};
}

export const locationWords = (l: TrackedLocation) =>
	l.kind === 'library' ? `the library shelf ${l.code}` : l.label;

// Need-to-know from the PAS audit trail is shared with the phone family: see ../need-to-know.
export { withNeedToKnow, type Presented } from '../need-to-know';
