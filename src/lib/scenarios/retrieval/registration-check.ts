/**
 * Registration check (family: retrieval; handbook 1.7, 3.1, 3.3). A referral arrives for a patient. Before
 * registering, the learner searches the PAS and finds the existing record despite a changed name or a typo on the
 * referral; where the patient already has two records, they report the duplicate instead of making a third;
 * and only a patient truly not on the index is registered new.
 */
import { z } from '$lib/scenarios/zod';
import { createTrust, defectsOfKind, patientRecord, patientSummary } from '../../generator/index';
import type { Trust, TrustSettings } from '../../generator/types';
import { buildPasIndex, searchPas } from '../../pas/search-index';
import type { Choice, DecisionOutcome } from '../decisions';
import { openedSchema } from '../need-to-know';
import type { Judgement, ScenarioKind, StepView } from '../kind';
import { seededRandom, shuffled } from '../prng';
import {
	card,
	countParam,
	otherPatient,
	RETRIEVAL_RULES,
	ruleRef,
	setupOnTrust,
	trustOf,
	trustParam,
	withNeedToKnow,
	type PatientCard
} from './common';

const REFERRAL_KINDS = ['changed-name', 'typo', 'duplicate', 'new'] as const;
type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const paramsSchema = z.object({
	items: countParam(6, 'referral'),
	kinds: z
		.array(z.enum(REFERRAL_KINDS, { error: `must be one of ${REFERRAL_KINDS.join(', ')}` }))
		.min(1, 'must list at least one kind of referral'),
	trustSize: trustParam
});
export type RegistrationParams = z.infer<typeof paramsSchema>;

export const answerSchema = z.object({
	decision: z.enum(['existing', 'report-duplicate', 'register-new']),
	patient: z.number().int().nonnegative().nullable(),
	opened: openedSchema
});
export type RegistrationAnswer = z.infer<typeof answerSchema>;

export interface Referral {
	n: number;
	kind: ReferralKind;
	/** As written on the referral letter. */
	written: { name: string; dob: string; postcode: string; nhsNumber: string | null; gp: string };
	/** The record(s) already on the PAS: one, two for a duplicate, none for a new patient. */
	existing: number[];
	/** A different patient offered to model-based tests as a plausible wrong pick. */
	decoy: number;
}

export interface RegistrationCase {
	trust: TrustSettings;
	referrals: Referral[];
}

export interface RegistrationView {
	trust: TrustSettings;
	sessionKey: string;
	referral: Referral['written'];
	n: number;
	total: number;
}

const POINTS = 4;

function typo(s: string, random: () => number): string {
	if (s.length < 4) return s + s[s.length - 1];
	const i = 1 + Math.floor(random() * (s.length - 2));
	return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

export function buildReferrals(
	params: RegistrationParams,
	trust: Trust,
	settings: TrustSettings,
	seed: number
): RegistrationCase {
	const random = seededRandom(seed);
	const used = new Set<number>();
	const kinds = shuffled(random, params.kinds);
	const changed = shuffled(random, defectsOfKind(trust, 'changed-name'));
	const dups = shuffled(random, defectsOfKind(trust, 'duplicate-registration'));
	// People for "new patient" referrals come from another trust, checked to have no record on this one.
	let strangers: Trust | null = null;
	let index: ReturnType<typeof buildPasIndex> | null = null;
	const referrals: Referral[] = [];
	for (let k = 0; k < params.items; k++) {
		const kind = kinds[k % kinds.length];
		const gp =
			trust.organisation.gpPractices[Math.floor(random() * trust.organisation.gpPractices.length)].name;
		if (kind === 'new') {
			strangers ??= createTrust({
				seed: `${String(settings.seed)}-elsewhere`,
				patients: 500,
				today: settings.today
			});
			index ??= buildPasIndex(
				Array.from({ length: trust.settings.patients }, (_, i) => patientSummary(trust, i))
			);
			let p;
			do p = patientSummary(strangers, Math.floor(random() * 500));
			while (searchPas(index, { surname: p.surname, dob: p.dateOfBirth }).total > 0);
			referrals.push({
				n: k + 1,
				kind,
				written: {
					name: `${p.forenames.join(' ')} ${p.surname}`,
					dob: p.dateOfBirth,
					postcode: p.postcode,
					nhsNumber: null,
					gp
				},
				existing: [],
				decoy: otherPatient(random, trust, used)
			});
			continue;
		}
		let target: number;
		let existing: number[];
		let name: string;
		let actual: ReferralKind = kind;
		if (kind === 'changed-name' && changed.length) {
			target = changed.shift()!.patients[0];
			const r = patientRecord(trust, target);
			name = `${r.forenames.join(' ')} ${r.previousNames[0]?.surname ?? r.surname}`;
			existing = [target];
		} else if (kind === 'duplicate' && dups.length) {
			existing = [...dups.shift()!.patients];
			target = existing[0];
			const p = patientSummary(trust, target);
			name = `${p.forenames.join(' ')} ${p.surname}`;
		} else {
			// A typo on the referral (also the fallback when the trust has no defect of the kind asked for).
			actual = 'typo';
			target = otherPatient(random, trust, used);
			const p = patientSummary(trust, target);
			name = `${p.forenames[0]} ${typo(p.surname, random)}`;
			existing = [target];
		}
		existing.forEach((i) => used.add(i));
		const p = patientSummary(trust, target);
		referrals.push({
			n: k + 1,
			kind: actual,
			written: { name, dob: p.dateOfBirth, postcode: p.postcode, nhsNumber: null, gp },
			existing,
			decoy: otherPatient(random, trust, used)
		});
	}
	return { trust: settings, referrals };
}

export const REGISTRATION_CHOICES: Choice[] = [
	{ id: 'existing', label: 'This patient already has a record: use it' },
	{ id: 'report-duplicate', label: 'This patient has two records: report a duplicate registration' },
	{ id: 'register-new', label: 'No record found after a full search: register a new patient' }
];

const parse = (stepId: string) => {
	const m = /^referral-(\d+)$/.exec(stepId);
	if (!m) throw new RangeError(`No step ${stepId}`);
	return Number(m[1]);
};

function describe(trust: Trust, a: RegistrationAnswer): string {
	const label = REGISTRATION_CHOICES.find((x) => x.id === a.decision)!.label;
	if (a.patient === null) return label;
	const p: PatientCard = card(trust, a.patient);
	return `${label} (${p.name}, ${p.hospitalNumber})`;
}

function judgeReferral(trust: Trust, r: Referral, a: RegistrationAnswer): Judgement {
	const base = {
		maxPoints: POINTS,
		outcomes: ['ihrim.registration-duplicates' as const, 'ihrim.positive-identification' as const],
		response: { value: `${a.decision}|${a.patient ?? ''}`, text: describe(trust, a) }
	};
	const names = r.existing
		.map((i) => `${card(trust, i).name} (${card(trust, i).hospitalNumber})`)
		.join(' and ');
	let outcome: DecisionOutcome;
	let explanation: string;
	let rule = RETRIEVAL_RULES.searchBeforeRegistering;
	let correct: Judgement['correct'];
	if (r.kind === 'new') {
		correct = { values: ['register-new|'], text: 'Register a new patient: nobody on the index matches' };
		if (a.decision === 'register-new') {
			outcome = 'correct';
			explanation =
				'Right: a full search (name parts, sound-alikes, date of birth, previous names) finds nobody, so a new registration is correct (handbook 3.1).';
		} else {
			outcome = a.decision === 'existing' ? 'critical' : 'major';
			rule = RETRIEVAL_RULES.rightPatient;
			explanation =
				'Nobody on the index is this patient. Attaching the referral to someone else’s record mixes two people’s information, a confused record (handbook 3.3, 1.7).';
		}
		return { ...base, outcome, explanation, rule, correct };
	}
	if (r.kind === 'duplicate') {
		correct = {
			values: r.existing.map((i) => `report-duplicate|${i}`),
			text: `Report a duplicate registration: ${names} are the same person`
		};
		rule = RETRIEVAL_RULES.reportDuplicate;
		if (a.decision === 'report-duplicate' && a.patient !== null && r.existing.includes(a.patient)) {
			outcome = 'correct';
			explanation = `Right: ${names} are one person registered twice. Report it to data quality for a merge, and do not create a third record (handbook 3.3).`;
		} else if (a.decision === 'existing' && a.patient !== null && r.existing.includes(a.patient)) {
			outcome = 'minor';
			explanation = `Right person, but ${names} are the same patient registered twice: report the duplicate so the records are merged (handbook 3.3).`;
		} else if (a.decision === 'register-new') {
			outcome = 'critical';
			explanation = `This patient already has two records (${names}); a new registration makes a third. Search before registering (handbook 3.1, 3.3).`;
		} else {
			outcome = 'critical';
			rule = RETRIEVAL_RULES.rightPatient;
			explanation = `That is a different patient. The referral is for ${names} (handbook 1.6).`;
		}
		return { ...base, outcome, explanation, rule, correct };
	}
	const target = r.existing[0];
	correct = { values: [`existing|${target}`], text: `Use the existing record of ${names}` };
	const how =
		r.kind === 'changed-name'
			? 'The referral uses a previous surname: the PAS finds it under previous names (handbook 1.7, 3.2).'
			: 'The referral misspells the surname: a partial or sound-alike search with the date of birth finds it (handbook 3.1).';
	if (a.decision === 'existing' && a.patient === target) {
		outcome = 'correct';
		explanation = `Right: ${names}. ${how}`;
		rule = r.kind === 'changed-name' ? ruleRef('ppi.alias') : RETRIEVAL_RULES.searchBeforeRegistering;
	} else if (a.decision === 'register-new') {
		outcome = 'critical';
		explanation = `The patient is already registered as ${names}. A new registration makes a duplicate record: search before registering (handbook 3.1, 3.3). ${how}`;
	} else if (a.decision === 'report-duplicate' && a.patient === target) {
		outcome = 'minor';
		explanation = `Right record, but there is only one: ${names}. Nothing to report; use it. ${how}`;
	} else {
		outcome = 'critical';
		rule = RETRIEVAL_RULES.rightPatient;
		explanation = `That is a different patient. The referral is for ${names}: check three identifiers (handbook 1.6).`;
	}
	return { ...base, outcome, explanation, rule, correct };
}

export const registrationCheck: ScenarioKind<
	RegistrationParams,
	RegistrationCase,
	RegistrationAnswer,
	RegistrationView
> = {
	kind: 'registration-check',
	family: 'retrieval',
	machineVersion: 1,
	paramsSchema,
	answerSchema,
	setup: setupOnTrust(buildReferrals),
	firstStep: () => 'referral-1',
	view(c, stepId): StepView<RegistrationView> {
		const n = parse(stepId);
		const r = c.referrals[n - 1];
		return {
			id: stepId,
			index: n - 1,
			total: c.referrals.length,
			prompt: `A referral for ${r.written.name}, born ${r.written.dob}. Search before registering: is there a record already?`,
			choices: REGISTRATION_CHOICES,
			data: {
				trust: c.trust,
				sessionKey: `registration-check-${String(c.trust.seed)}`,
				referral: r.written,
				n,
				total: c.referrals.length
			}
		};
	},
	judge(c, stepId, answer) {
		const trust = trustOf(c.trust);
		const r = c.referrals[parse(stepId) - 1];
		// The records of this referral's patient, and anyone a search on the referral's details shows (3.1, 3.5).
		const presented = { surname: r.written.name.split(' ').pop(), dob: r.written.dob };
		return withNeedToKnow(trust, judgeReferral(trust, r, answer), answer.opened, r.existing, [presented]);
	},
	next: (c, stepId) => (parse(stepId) < c.referrals.length ? `referral-${parse(stepId) + 1}` : null),
	hint: () =>
		'Search by surname and date of birth; if nothing comes up, try the first letters of the surname, the date of birth alone, or a previous name (handbook 3.1).',
	possiblePoints: (c) => c.referrals.length * POINTS,
	answerOptions(c, stepId) {
		const r = c.referrals[parse(stepId) - 1];
		const t = r.existing[0] ?? r.decoy;
		return [
			{ decision: 'existing', patient: t },
			{ decision: 'existing', patient: r.decoy },
			{ decision: 'report-duplicate', patient: t },
			{ decision: 'register-new', patient: null }
		];
	}
};
