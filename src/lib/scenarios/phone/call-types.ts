/**
 * The phone enquiry call types (issue 10; handbook 6.1-6.5, 1.6, 4.5-4.13) and the caller personas built for
 * them from a generated trust. A persona says who the caller really is, who they claim to be, what they know
 * (a genuine caller knows the patient's details; a blagger knows some and fishes for the rest), what they want
 * and their mood. Nothing here decides what may be disclosed: that is `decideDisclosure` in $lib/domain.
 */
import type { EmergencySituation } from '../../domain/call-handling';
import type { Ask, Requester } from '../../domain/disclosure';
import { createTrust, displayDate, patientRecord } from '../../generator';
import type { ConsentScope, PatientRecord, TrustSettings } from '../../generator';
import { randomInt, seededRandom } from '../prng';

export const CALL_TYPES = [
	'patient-appointment',
	'relative-with-consent',
	'relative-without-consent',
	'parent-young-child',
	'parent-competent-teen',
	'attorney-lacks-capacity',
	'gp-discharge-letter',
	'ward-nurse',
	'police',
	'solicitor',
	'insurer',
	'journalist',
	'change-of-address',
	'blagger-as-patient',
	'blagger-as-gp',
	'abusive-caller',
	'message-to-pass-on',
	'caller-in-emergency',
	'deceased-patient',
	'restricted-record'
] as const;
export type CallType = (typeof CALL_TYPES)[number];

export const CALL_TYPE_LABELS: Record<CallType, string> = {
	'patient-appointment': 'Patient asking about an appointment',
	'relative-with-consent': 'Relative with recorded consent',
	'relative-without-consent': 'Relative without recorded consent',
	'parent-young-child': 'Parent of a young child',
	'parent-competent-teen': 'Parent of a competent 15-year-old',
	'attorney-lacks-capacity': 'Attorney for a patient who lacks capacity',
	'gp-discharge-letter': 'GP practice wanting a discharge letter',
	'ward-nurse': 'Ward nurse',
	police: 'Police officer',
	solicitor: 'Solicitor',
	insurer: 'Insurer',
	journalist: 'Journalist asking whether someone is a patient',
	'change-of-address': 'Patient asking to change their address',
	'blagger-as-patient': 'Caller posing as the patient',
	'blagger-as-gp': 'Caller posing as a GP surgery',
	'abusive-caller': 'Abusive caller',
	'message-to-pass-on': 'Caller with a message to pass on',
	'caller-in-emergency': 'Caller in an emergency',
	'deceased-patient': 'Relative calling about a patient who has died',
	'restricted-record': 'Caller asking about a patient with a restricted record'
};

/** Patients on a call's trust: enough that the rarer records (deceased, sensitive flag) are always there. */
export const PHONE_TRUST_SIZE = 1500;

export type Mood = 'calm' | 'anxious' | 'angry' | 'abusive';

/**
 * What the case knows about the patient, for the answer key and the caller's lines. The learner never sees this:
 * they read the same patient on the embedded PAS (`CallCase.trust`, record `index`).
 */
export interface PhoneRecord {
	/** The patient's index on the case's trust (the PAS record the learner should open). */
	index: number;
	name: string;
	/** DD-Mmm-YYYY (handbook 1.6). */
	dateOfBirth: string;
	dobIso: string;
	ageYears: number;
	postcode: string;
	nhsNumber: string | null;
	hospitalNumber: string;
	homePhone: string | null;
	gpPractice: { name: string; switchboard: string };
	/**
	 * What the PAS record does not hold but a real record would (an LPA scanned to the record, the clinical team's
	 * note on a young person's wishes): shown on the PAS record when the learner opens this patient.
	 */
	notes: string[];
	nextAppointment: string;
}

export interface Persona {
	/** Who the caller says they are, as they say it. */
	claimedName: string;
	claimedRole: string;
	requester: Requester;
	/** False for blaggers: the person is not who they claim. */
	genuine: boolean;
	/** What the caller states when asked an open question about the patient. */
	states: { name: string; dateOfBirth: string; postcode: string };
	/** The number the caller offers for a call back (never use it to verify: handbook 6.2). */
	givenNumber: string;
	asks: Ask;
	wants: string;
	mood: Mood;
	/** An abusive caller who carries on after a warning (the call then ends). */
	escalates: boolean;
	/** Named contact on the record (relatives, parents, attorneys). */
	namedContact: boolean;
	/** What the caller wants passed on (message calls). */
	message: string;
	/** Emergency calls: what is happening. */
	situation?: EmergencySituation;
	/** Deceased patients: the caller says they are the executor (personal representative, handbook 4.8). */
	personalRepresentative?: boolean;
}

export interface CallFacts {
	ageYears: number;
	consent?: { to: 'named-contacts'; scope: Ask[] };
	competentChild?: boolean;
	lacksCapacity?: boolean;
	lpaType?: 'health-and-welfare';
	/** Paperwork the record shows once the learner has looked (parental responsibility, a registered LPA). */
	parentalResponsibilityOnRecord?: boolean;
	registeredLpaOnRecord?: boolean;
	/** Flags the PAS shows (handbook 3.2, 4.8, 6.2). */
	deceased?: boolean;
	sensitive?: boolean;
	safeguardingAlert?: boolean;
	emergency?: EmergencySituation;
}

const SCOPE_TO_ASK: Partial<Record<ConsentScope, Ask>> = {
	appointments: 'appointment-details',
	results: 'results',
	'full-record': 'record-copy'
};

const ORG_NAMES = {
	police: ['PC', 'DC'],
	solicitors: ['Hartley Moss LLP', 'Penrose & Vale Solicitors', 'Ashdown Legal'],
	insurers: ['Northgate Life', 'Meridian Assurance', 'Calder Mutual'],
	papers: ['the Evening Courier', 'the Weekly Herald', 'County Live']
};
/** Emergencies a records officer can be rung about (handbook 6.4, 4.9): what the caller says. */
const EMERGENCY_CALLS: { situation: EmergencySituation; wants: (first: string) => string }[] = [
	{
		situation: 'life-threatening',
		wants: (first) =>
			`help: ${first} has collapsed on the kitchen floor and isn’t breathing properly. They’ve got an appointment with you next week and I didn’t know who else to ring`
	},
	{
		situation: 'urgent-not-life-threatening',
		wants: () =>
			'advice: I had my operation on Monday and the wound is red, hot and leaking, and I’ve got a temperature. The ward number just rings out'
	},
	{
		situation: 'mental-health-crisis',
		wants: () =>
			'someone to talk to. I can’t cope any more. I’m not going to do anything right now, but my next appointment isn’t for weeks'
	}
];
const CALLER_FORENAMES = ['Sam', 'Alex', 'Jordan', 'Chris', 'Priya', 'Tom', 'Aisha', 'Dan', 'Leah', 'Mark'];
const CALLER_SURNAMES = ['Walker', 'Hughes', 'Begum', 'Collins', 'Reid', 'Patel', 'Morgan', 'Fox'];

export interface CallCase {
	callType: CallType;
	/** The trust the embedded PAS runs on, and the key its session (audit trail) is kept under. */
	trust: TrustSettings;
	sessionKey: string;
	record: PhoneRecord;
	persona: Persona;
	facts: CallFacts;
	trustName: string;
	learnerName: string;
	department: string;
}

function ageOn(dob: string, today: string): number {
	const [y, m, d] = dob.split('-').map(Number);
	const [ty, tm, td] = today.split('-').map(Number);
	return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[randomInt(random, items.length)];
}

/** Which patient suits the call type: age band and what the record must hold. */
function fits(type: CallType, p: PatientRecord, today: string): boolean {
	if (!p.nhsNumber) return false;
	const restricted = p.sensitive || p.alerts.some((a) => a.kind === 'safeguarding');
	const age = ageOn(p.trueDateOfBirth, today);
	// Recently died, so the family's call makes sense; the record still has a next of kin to call.
	if (type === 'deceased-patient')
		return (
			p.deceased !== null &&
			!restricted &&
			p.contacts.length > 0 &&
			daysBetween(p.deceased, today) <= 400 &&
			age >= 30
		);
	if (p.deceased) return false;
	if (type === 'restricted-record') return restricted && age >= 16;
	if (restricted) return false;
	const consented = p.consents.some((c) => c.scopes.includes('appointments'));
	switch (type) {
		case 'parent-young-child':
			return age >= 1 && age < 11;
		case 'parent-competent-teen':
			return age === 15;
		case 'relative-with-consent':
			return age >= 18 && consented;
		case 'relative-without-consent':
		case 'abusive-caller':
		case 'message-to-pass-on':
			return age >= 18 && p.contacts.length > 0 && p.consents.length === 0;
		case 'attorney-lacks-capacity':
			return age >= 65 && p.contacts.length > 0;
		default:
			return age >= 18;
	}
}

/**
 * Builds the call: a trust from the seed, a patient who suits the call type, and the caller. Pure: the same
 * (type, seed, today, mood) always gives the same call.
 */
export function buildCall(
	type: CallType,
	seed: number,
	today: string,
	mood: Mood,
	escalates: boolean
): CallCase {
	const random = seededRandom(seed ^ 0x5eed);
	const N = PHONE_TRUST_SIZE;
	const settings: TrustSettings = { seed: `phone-${seed}`, patients: N, today };
	const trust = createTrust(settings);
	const start = randomInt(random, N);
	let patient: PatientRecord | null = null;
	for (let k = 0; k < N && !patient; k++) {
		const p = patientRecord(trust, (start + k) % N);
		if (fits(type, p, today)) patient = p;
	}
	// The trust always holds adults and the rarer records; only a 15-year-old can be missing, and then 13-14 will do.
	for (let k = 0; k < N && !patient; k++) {
		const p = patientRecord(trust, (start + k) % N);
		const age = ageOn(p.trueDateOfBirth, today);
		const plain = !p.deceased && !p.sensitive && !p.alerts.some((a) => a.kind === 'safeguarding');
		if (type === 'parent-competent-teen' && age >= 13 && age < 16 && plain) patient = p;
	}
	if (!patient) patient = patientRecord(trust, start);
	const practice =
		trust.organisation.gpPractices.find((g) => g.code === patient.gpPracticeCode) ??
		trust.organisation.gpPractices[0];
	const ageYears = ageOn(patient.trueDateOfBirth, today);
	const name = `${patient.forenames.join(' ')} ${patient.surname}`;
	const consentFor = (id: string) => patient.consents.find((c) => c.contactId === id)?.scopes ?? [];
	const teen = type === 'parent-competent-teen';
	const record: PhoneRecord = {
		index: patient.index,
		name,
		dateOfBirth: displayDate(patient.trueDateOfBirth),
		dobIso: patient.trueDateOfBirth,
		ageYears,
		postcode: patient.postcode,
		nhsNumber: patient.nhsNumber,
		hospitalNumber: patient.hospitalNumber,
		homePhone: patient.homePhone ?? patient.mobilePhone,
		gpPractice: { name: practice.name, switchboard: practice.phone },
		notes: [],
		nextAppointment: `${displayDate(today.slice(0, 8) + '28')} at 10:30, Outpatients Clinic 3`
	};
	const facts: CallFacts = {
		ageYears,
		deceased: patient.deceased !== null,
		sensitive: patient.sensitive,
		safeguardingAlert: patient.alerts.some((a) => a.kind === 'safeguarding')
	};
	const contact = patient.contacts[0];
	const callerForename = pick(random, CALLER_FORENAMES);
	const callerSurname = pick(random, CALLER_SURNAMES);
	const stranger = `${callerForename} ${callerSurname}`;
	const truthful = { name, dateOfBirth: record.dateOfBirth, postcode: record.postcode };
	const mobile = `07700 9${String(100000 + randomInt(random, 899999)).slice(0, 5)}`;
	const base: Persona = {
		claimedName: name,
		claimedRole: 'the patient',
		requester: 'patient',
		genuine: true,
		states: truthful,
		givenNumber: mobile,
		asks: 'appointment-details',
		wants: 'to know when my next appointment is',
		mood,
		escalates,
		namedContact: false,
		message: ''
	};
	let persona: Persona = base;
	const contactPersona = (requester: Requester): Persona => ({
		...base,
		claimedName: contact?.name ?? stranger,
		claimedRole: `${name}'s ${(contact?.relationship ?? 'relative').toLowerCase()}`,
		requester,
		namedContact: Boolean(contact)
	});
	switch (type) {
		case 'patient-appointment':
			break;
		case 'change-of-address':
			persona = { ...base, asks: 'change-of-address', wants: 'to change my address, because I have moved' };
			break;
		case 'relative-with-consent': {
			const consented = patient.contacts.find((c) => consentFor(c.id).includes('appointments')) ?? contact;
			persona = {
				...base,
				claimedName: consented.name,
				claimedRole: `${name}'s ${consented.relationship.toLowerCase()}`,
				requester: 'relative',
				namedContact: true,
				wants: `to know when ${patient.forenames[0]}'s next appointment is, to arrange a lift`
			};
			facts.consent = {
				to: 'named-contacts',
				scope: consentFor(consented.id)
					.map((s) => SCOPE_TO_ASK[s])
					.filter((a): a is Ask => Boolean(a))
			};
			break;
		}
		case 'relative-without-consent':
			persona = {
				...contactPersona('relative'),
				wants: `to know whether ${patient.forenames[0]} is on a ward`
			};
			persona.asks = 'is-patient';
			break;
		case 'abusive-caller':
			persona = {
				...contactPersona('relative'),
				asks: 'is-patient',
				wants: `to know whether ${patient.forenames[0]} was admitted, and they have been waiting for hours`,
				mood: 'abusive'
			};
			break;
		case 'message-to-pass-on':
			persona = {
				...contactPersona('carer'),
				asks: 'is-patient',
				wants: `to pass on that ${patient.forenames[0]} has run out of their tablets`,
				message: `${patient.forenames[0]} has run out of their regular tablets and is worried about the clinic next week.`
			};
			break;
		case 'parent-young-child':
		case 'parent-competent-teen': {
			const parent = patient.contacts.find((c) => c.parentalResponsibility) ?? contact;
			persona = {
				...base,
				claimedName: parent?.name ?? stranger,
				claimedRole: `${patient.forenames[0]}'s ${(parent?.relationship ?? 'parent').toLowerCase()}`,
				requester: 'parent',
				namedContact: true,
				wants: `to know when ${patient.forenames[0]}'s next appointment is`
			};
			facts.parentalResponsibilityOnRecord = Boolean(parent?.parentalResponsibility);
			if (teen) {
				// A competent young person decides for themselves: the consent their parents gave years ago is not theirs.
				facts.competentChild = true;
				record.notes.push(
					`Clinical team’s note: ${patient.forenames[0]} (${ageYears}) has been judged competent and has asked that appointments are not discussed with family. Consents recorded for the parents before this no longer apply.`
				);
			} else {
				const own = parent ? consentFor(parent.id) : [];
				if (own.length)
					facts.consent = {
						to: 'named-contacts',
						scope: own.map((s) => SCOPE_TO_ASK[s]).filter((a): a is Ask => Boolean(a))
					};
			}
			break;
		}
		case 'attorney-lacks-capacity':
			persona = {
				...contactPersona('attorney'),
				claimedRole: `${name}'s attorney under a health and welfare Lasting Power of Attorney`,
				wants: `to know when ${patient.forenames[0]}'s next appointment is, so they can go with them`
			};
			facts.lacksCapacity = true;
			facts.lpaType = 'health-and-welfare';
			facts.registeredLpaOnRecord = true;
			record.notes.push(
				`Lacks capacity to make decisions about their care (assessed by the clinical team). Registered health and welfare LPA seen and scanned: attorney ${persona.claimedName}.`
			);
			break;
		case 'gp-discharge-letter':
			persona = {
				...base,
				claimedName: `${practice.gps[0] ?? stranger}`,
				claimedRole: `a GP at ${practice.name}`,
				requester: 'gp',
				asks: 'record-copy',
				wants: `a copy of ${patient.forenames[0]}'s discharge letter, which has not arrived`
			};
			break;
		case 'ward-nurse':
			persona = {
				...base,
				claimedName: stranger,
				claimedRole: `a staff nurse on ${pick(random, trust.organisation.wards).name}`,
				requester: 'professional',
				wants: `${patient.forenames[0]}'s next outpatient appointment, for the discharge plan`
			};
			break;
		case 'police':
			persona = {
				...base,
				claimedName: `${pick(random, ORG_NAMES.police)} ${stranger}`,
				claimedRole: 'a police officer',
				requester: 'police',
				wants: `to know whether ${patient.forenames[0]} attended last weekend and what for`
			};
			break;
		case 'solicitor':
			persona = {
				...base,
				claimedName: stranger,
				claimedRole: `a solicitor at ${pick(random, ORG_NAMES.solicitors)}`,
				requester: 'solicitor',
				asks: 'record-copy',
				wants: `${patient.forenames[0]}'s records for a claim, "as quickly as possible"`
			};
			break;
		case 'insurer':
			persona = {
				...base,
				claimedName: stranger,
				claimedRole: `an underwriter at ${pick(random, ORG_NAMES.insurers)}`,
				requester: 'insurer',
				asks: 'results',
				wants: `to check ${patient.forenames[0]}'s recent test results for a policy`
			};
			break;
		case 'journalist':
			persona = {
				...base,
				claimedName: stranger,
				claimedRole: `a reporter from ${pick(random, ORG_NAMES.papers)}`,
				requester: 'press',
				asks: 'is-patient',
				wants: `to know whether ${name} is a patient after an incident in town`
			};
			break;
		case 'blagger-as-patient':
			persona = {
				...base,
				genuine: false,
				// Knows the name and postcode from a letter or social media; guesses the date of birth.
				states: {
					name,
					dateOfBirth: displayDate(`${Number(patient.trueDateOfBirth.slice(0, 4)) + 1}-01-01`),
					postcode: record.postcode
				},
				wants: 'my next appointment, and to check you have my address right'
			};
			break;
		case 'blagger-as-gp':
			persona = {
				...base,
				genuine: false,
				claimedName: `Dr ${callerSurname}`,
				claimedRole: `a GP at ${practice.name}`,
				requester: 'gp',
				asks: 'record-copy',
				states: { name, dateOfBirth: '', postcode: '' },
				wants: `${patient.forenames[0]}'s discharge letter read out "now, as the patient is in front of me"`
			};
			break;
		case 'caller-in-emergency': {
			const situation = pick(random, EMERGENCY_CALLS);
			facts.emergency = situation.situation;
			persona =
				situation.situation === 'life-threatening'
					? {
							...contactPersona('relative'),
							situation: situation.situation,
							mood: 'anxious',
							wants: situation.wants(patient.forenames[0])
						}
					: { ...base, situation: situation.situation, mood: 'anxious', wants: situation.wants('') };
			break;
		}
		case 'deceased-patient': {
			const pr = random() < 0.5;
			const died = displayDate(patient.deceased!);
			persona = {
				...contactPersona('relative'),
				asks: 'record-copy',
				mood: 'anxious',
				personalRepresentative: pr,
				wants: `a copy of ${patient.forenames[0]}’s notes. ${patient.forenames[0]} died on ${died} and I want to understand what happened at the end${pr ? '. I’m the executor of the will' : ''}`
			};
			record.notes.push(`Died ${died}. Death recorded on the PAS.`);
			break;
		}
		case 'restricted-record': {
			const claimed = pick(random, ['brother', 'cousin', 'old friend', 'partner']);
			persona = {
				...base,
				claimedName: stranger,
				claimedRole: `${name}'s ${claimed}`,
				requester: 'relative',
				asks: 'is-patient',
				namedContact: false,
				wants: `to know whether ${patient.forenames[0]} is in hospital, and when their next appointment is. I need to see them, it’s important`
			};
			break;
		}
	}
	return {
		callType: type,
		trust: settings,
		sessionKey: `phone-call-${seed}`,
		record,
		persona,
		facts,
		trustName: trust.organisation.name,
		learnerName: pick(random, ['Jo', 'Kim', 'Ravi', 'Nia', 'Ben']),
		department: 'Health Records'
	};
}
