/**
 * "Police and other third parties" (family: data protection; handbook 4.5, 4.9, 4.13). Requests for a patient's
 * information arrive from police officers (at the desk, on the phone, in writing with or without the senior
 * officer's countersignature), a court, a genuine emergency, solicitors and an insurer. For each, the learner
 * decides what front-line staff do. The answer is decideDisclosure's decision; disclosing when it says otherwise is
 * a critical error (disclosure without a lawful basis).
 */
import { z } from '../zod';
import { decideDisclosure, type Decision, type DisclosureRequest } from '../../domain';
import type { OutcomeId } from '../outcomes';
import { seededRandom, shuffled } from '../prng';
import { linearKind, type DpCase, type DpStep, type Panel } from './common';
import { peopleFor, pick } from './people';

export const CASES = [
	'officer-at-desk',
	'officer-on-phone',
	'police-form-countersigned',
	'police-form-not-countersigned',
	'court-order',
	'emergency-at-desk',
	'emergency-phone-unverified',
	'solicitor-signed-authority',
	'solicitor-on-phone',
	'insurer'
] as const;
export type ThirdPartyCase = (typeof CASES)[number];

export const paramsSchema = z.object({
	items: z
		.number({ error: 'must be a number of requests' })
		.int('must be a whole number')
		.min(1, 'must be at least 1 request')
		.max(10, 'must be at most 10 requests'),
	/** The kinds of request to draw from; the police-at-the-desk case is always included. */
	cases: z
		.array(z.enum(CASES, { error: `must be one of: ${CASES.join(', ')}` }))
		.min(1, 'must list at least one case')
});
export type ThirdPartyParams = z.infer<typeof paramsSchema>;

const OUTCOMES: OutcomeId[] = ['dsa.law-and-principles', 'dsa.threats', 'ba3.legal-requirements'];

const CHOICES = [
	{ id: 'disclose', label: 'Give them the information they ask for' },
	{
		id: 'call-back',
		label: 'Check who they are first: call back through the force control room or switchboard'
	},
	{
		id: 'refer',
		label: 'Pass it at once to the IG / access team (or the senior on call) to decide, and record it'
	},
	{ id: 'refuse', label: 'Disclose nothing, and explain what they need to send and to whom' }
];

const FROM_DECISION: Record<Decision, string> = {
	disclose: 'disclose',
	'disclose-within-limits': 'disclose',
	'verify-first': 'call-back',
	'call-back-via-switchboard': 'call-back',
	'take-message': 'refuse',
	'refer-ig-or-access-team': 'refer',
	refuse: 'refuse'
};

const FORCES = ['Westshire Police', 'Northvale Constabulary', 'Eastmoor Police'];
const RANKS = ['PC', 'DC', 'DS'];

interface Built {
	request: DisclosureRequest;
	title: string;
	panels: Panel[];
}

function describe(c: ThirdPartyCase, patient: string, officer: string, force: string): Built {
	const base = { identity: { verified: false }, record: {}, asks: 'record-copy' as const };
	switch (c) {
		case 'officer-at-desk':
			return {
				request: {
					...base,
					requester: 'police',
					channel: 'in-person',
					identity: { verified: true, method: 'photo-id' }
				},
				title: 'A police officer at the desk',
				panels: [
					{
						title: 'At the desk',
						style: 'note',
						lines: [
							`${officer} of ${force} shows a warrant card. “I need ${patient}'s notes from last night's A&E visit, urgently. It's for an investigation. Just a quick copy will do.” There is no form.`
						]
					}
				]
			};
		case 'officer-on-phone':
			return {
				request: { ...base, requester: 'police', channel: 'phone' },
				title: 'A phone call from the police',
				panels: [
					{
						title: 'Phone call',
						style: 'note',
						lines: [
							`A caller says they are ${officer} of ${force}: “Can you just confirm ${patient}'s address and when they were last in? It's urgent.”`
						]
					}
				]
			};
		case 'police-form-countersigned':
			return {
				request: {
					...base,
					requester: 'police',
					channel: 'letter',
					paperwork: { countersignedPoliceForm: true }
				},
				title: 'A written request from the police',
				panels: [
					{
						title: `${force} disclosure form`,
						style: 'form',
						lines: [
							`Requesting officer: ${officer}. Patient: ${patient} (victim of an assault).`,
							'Information sought: A&E attendance record for the night of the assault, and why it is needed.',
							'Countersigned: Inspector R. Malik.'
						]
					}
				]
			};
		case 'police-form-not-countersigned':
			return {
				request: { ...base, requester: 'police', channel: 'letter' },
				title: 'A written request from the police',
				panels: [
					{
						title: `${force} disclosure form`,
						style: 'form',
						lines: [
							`Requesting officer: ${officer}. Patient: ${patient} (witness).`,
							'Information sought: all attendances in the last five years.',
							'Countersignature by a senior officer: blank.'
						]
					}
				]
			};
		case 'court-order':
			return {
				request: { ...base, requester: 'solicitor', channel: 'letter', paperwork: { courtOrder: true } },
				title: 'A court order',
				panels: [
					{
						title: 'Order of the County Court',
						style: 'form',
						lines: [
							`The trust shall disclose the records of ${patient} relating to their treatment in 2024 to the court within 14 days.`,
							'Sealed by the court.'
						]
					}
				]
			};
		case 'emergency-at-desk':
			return {
				request: {
					...base,
					requester: 'police',
					channel: 'in-person',
					identity: { verified: true, method: 'photo-id' },
					asks: 'appointment-details',
					paperwork: { emergency: true }
				},
				title: 'An emergency at the desk',
				panels: [
					{
						title: 'At the desk',
						style: 'note',
						lines: [
							`${officer} of ${force}, with a warrant card: “${patient} has left a note saying they will take their own life today. We need their next-of-kin and any address you hold, now.”`
						]
					}
				]
			};
		case 'emergency-phone-unverified':
			return {
				request: {
					...base,
					requester: 'police',
					channel: 'phone',
					asks: 'appointment-details',
					paperwork: { emergency: true }
				},
				title: 'An emergency call',
				panels: [
					{
						title: 'Phone call',
						style: 'note',
						lines: [
							`A caller says they are ${officer} of ${force}: “A child may be at serious risk. I need ${patient}'s address immediately.” You have never spoken to them before.`
						]
					}
				]
			};
		case 'solicitor-signed-authority':
			return {
				request: { ...base, requester: 'solicitor', channel: 'letter', paperwork: { signedAuthority: true } },
				title: 'A solicitor’s letter',
				panels: [
					{
						title: 'Letter from Hollis & Ward Solicitors',
						style: 'letter',
						lines: [
							`We act for ${patient}. Please find enclosed our client's signed authority (BMA/Law Society form) and send copies of their records from 2023.`
						]
					}
				]
			};
		case 'solicitor-on-phone':
			return {
				request: { ...base, requester: 'solicitor', channel: 'phone' },
				title: 'A solicitor on the phone',
				panels: [
					{
						title: 'Phone call',
						style: 'note',
						lines: [
							`“I'm ${patient}'s solicitor. Could you read me the discharge summary over the phone? My client is happy for you to.”`
						]
					}
				]
			};
		case 'insurer':
			return {
				request: { ...base, requester: 'insurer', channel: 'letter' },
				title: 'A letter from an insurer',
				panels: [
					{
						title: 'Letter from Northgate Life Assurance',
						style: 'letter',
						lines: [
							`${patient} has applied for cover. Please send their full medical records so we can assess the application.`
						]
					}
				]
			};
	}
}

export function buildThirdPartyCase(params: ThirdPartyParams, seed: number, today: string): DpCase {
	const random = seededRandom(seed);
	const people = peopleFor(seed, today, params.items + 1);
	const pool = shuffled(
		random,
		params.cases.filter((c) => c !== 'officer-at-desk')
	);
	const chosen: ThirdPartyCase[] = ['officer-at-desk'];
	for (let i = 0; chosen.length < params.items; i++)
		chosen.push(pool.length ? pool[i % pool.length] : 'officer-at-desk');
	const order = shuffled(random, chosen);
	const steps: DpStep[] = order.map((c, i) => {
		const officer = `${pick(random, RANKS)} ${people[(i + 1) % people.length].surname}`;
		const b = describe(c, people[i % people.length].name.replace(/^\S+ /, ''), officer, pick(random, FORCES));
		const d = decideDisclosure(b.request);
		const right = FROM_DECISION[d.decision];
		return {
			id: `request-${i + 1}`,
			title: `Request ${i + 1} of ${order.length}: ${b.title}`,
			prompt: 'What do you do?',
			panels: b.panels,
			input: 'choice',
			choices: CHOICES,
			key: {
				correct: [right],
				correctText: CHOICES.find((x) => x.id === right)!.label,
				wrong: right === 'disclose' ? {} : { disclose: 'critical' },
				wrongDate: 'major',
				rule: d.reasons[0].rule,
				reasons: d.reasons
			},
			hint: 'Nobody has an automatic right to a patient’s record. What paperwork or situation gives a lawful basis here, and who decides? (handbook 4.9, 4.13)',
			maxPoints: 2,
			outcomes: OUTCOMES
		};
	});
	return { steps };
}

export const thirdParties = linearKind({
	kind: 'police-and-third-parties',
	machineVersion: 1,
	paramsSchema,
	build: buildThirdPartyCase
});
