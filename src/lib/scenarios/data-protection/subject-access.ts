/**
 * "A subject access request" (family: data protection; handbook 3.6, 4.7). A request arrives by letter, email,
 * at the desk or on the phone, from the patient or someone acting for them. The learner logs it, deals with a
 * second item in the same post, asks for proportionate identity evidence, decides on an extension, works out the
 * deadline, gathers every part of the record, decides entry by entry what to release, redact or send to the
 * clinician, and answers a question about fees. Every answer key comes from $lib/domain.
 */
import { z } from '../zod';
import {
	decideDisclosure,
	parentRequestForChild,
	sarDeadlineDetail,
	sarEntryAction,
	sarExtensionAllowed,
	sarFee,
	sarIdentityEvidence,
	sarPartsToGather,
	type Channel,
	type ChildView,
	type Competence,
	type EntryAction,
	type ParentRequestAction,
	type RecordEntry,
	type RecordPart,
	type SarRequester
} from '../../domain';
import { reason, type RuleId } from '../../domain/rules';
import { patientRecord } from '../../generator/index';
import type { DecisionOutcome } from '../decisions';
import type { TrustSettings } from '../../generator/types';
import type { OutcomeId } from '../outcomes';
import { randomInt, seededRandom, shuffled } from '../prng';
import { linearKind, longDate, type DpCase, type DpStep, type Panel } from './common';
import { daysBefore, peopleFor, pick, plusDays, STAFF } from './people';
import {
	ageOn,
	currentVolume,
	dpTrust,
	dpTrustSettings,
	personOf,
	pickPatient,
	placesFor
} from './pas-people';

export const paramsSchema = z.object({
	items: z
		.number({ error: 'must be a number of record entries' })
		.int('must be a whole number')
		.min(1, 'must be at least 1 record entry')
		.max(6, 'must be at most 6 record entries'),
	requesters: z
		.array(
			z.enum(['patient', 'parent', 'parent-teen', 'attorney', 'solicitor'], {
				error:
					'must be patient, parent, parent-teen (a parent asking for a 13-16-year-old), attorney or solicitor'
			})
		)
		.min(1, 'must list at least one kind of requester'),
	/** Identity evidence or clarification may arrive after the request, so the clock starts later. */
	lateClockStart: z.boolean({ error: 'must be true or false' }),
	/** Some requests are complex or one of several, so an extension is allowed. */
	extensions: z.boolean({ error: 'must be true or false' }),
	/** A second, invalid request in the same post (an insurer, or a solicitor with no signed authority). */
	otherPost: z.boolean({ error: 'must be true or false' }),
	/** Find the patient on the simulated PAS and say where the record is; the learner's audit trail is scored. */
	pas: z.boolean({ error: 'must be true or false' }).optional()
});
export type SarParams = z.infer<typeof paramsSchema>;

const OUTCOMES: OutcomeId[] = ['dsa.law-and-principles', 'ba3.legal-requirements'];

const CHANNEL_WORDS: Record<Channel, string> = {
	letter: 'a letter in the morning post',
	email: 'an email to the records department',
	'in-person': 'someone at the records desk',
	phone: 'a phone call to the records desk'
};

type Requester = SarParams['requesters'][number];

function requestPanel(
	requester: Requester,
	channel: Channel,
	patient: string,
	who: string,
	received: string,
	age: number
): Panel {
	const asks = {
		patient: `I would like a copy of everything you hold about me, please.`,
		parent: `I am ${who}, mother of ${patient}, who is ${age}. I have parental responsibility. Please send me a copy of my child's hospital records.`,
		'parent-teen': `I am ${who}, ${patient}'s father. ${patient} is ${age}. As a parent I want a copy of my child's hospital records.`,
		attorney: `I am ${who}, attorney for ${patient} under a registered Lasting Power of Attorney for health and welfare. ${patient} no longer has capacity to manage this. Please send a copy of the hospital records.`,
		solicitor: `We act for ${patient} and enclose their signed authority (BMA/Law Society form). Please send a copy of our client's complete hospital records.`
	}[requester];
	const from = requester === 'patient' ? patient : who;
	const title = { letter: 'Letter', email: 'Email', 'in-person': 'At the desk', phone: 'Phone call' }[
		channel
	];
	const lines =
		channel === 'in-person' || channel === 'phone'
			? [
					`${longDate(received)}. ${from} says: “${asks}”`,
					'They have not filled in a form and do not mention “subject access”.'
				]
			: [`Received ${longDate(received)}. From: ${from}.`, asks, 'No request form is enclosed.'];
	return { title, lines, style: channel === 'email' ? 'email' : channel === 'letter' ? 'letter' : 'note' };
}

const ENTRY_LABELS: Record<EntryAction, string> = {
	release: 'Release it as it is',
	redact: 'Redact (black out) the other person’s details, then release',
	'clinician-review':
		'Send it to the responsible clinician for a serious-harm review before anything is released'
};

function entryFor(
	random: () => number,
	kind: number,
	patient: string,
	other: string
): { entry: RecordEntry; text: string } {
	const staff = pick(random, STAFF);
	switch (kind % 5) {
		case 0:
			return {
				entry: { identifies: 'third-party' },
				text: `Ward note: ${other} (neighbour) phoned to say she is worried that ${patient.split(' ').slice(-1)[0]}'s son has been drinking heavily and shouting at night.`
			};
		case 1:
			return {
				entry: { identifies: 'health-professional' },
				text: `Wound dressed and healing well. Reviewed by ${staff}. Plan: review in clinic in 2 weeks.`
			};
		case 2:
			return {
				entry: { identifies: 'patient-only', mayCauseSeriousHarm: true },
				text: `Psychiatry liaison: clinician's note flagged “may cause serious harm to the patient's mental health if seen without support: review before any disclosure”.`
			};
		case 3:
			return {
				entry: { identifies: 'patient-only' },
				text: `Outpatient letter: blood pressure 128/82. Continue current medication. Discharged to GP care.`
			};
		default:
			return {
				entry: { identifies: 'third-party', thirdPartyConsented: true },
				text: `Carer's assessment naming ${other} (daughter). On file: ${other}'s signed letter agreeing that her details may be shared with ${patient}.`
			};
	}
}

/** Ages of the patient for each kind of requester, when the patient comes from the PAS. */
const AGES: Record<Requester, [number, number]> = {
	patient: [18, 85],
	parent: [3, 9],
	'parent-teen': [13, 16],
	attorney: [65, 95],
	solicitor: [18, 80]
};

type AddStep = (s: Omit<DpStep, 'maxPoints' | 'outcomes'> & { maxPoints?: number }) => void;

export const TEEN_LABELS: Record<ParentRequestAction, string> = {
	'confirm-parental-responsibility': 'Ask the parent for evidence of parental responsibility first',
	'assess-competence':
		'Ask the clinician who knows the young person to judge whether they are competent to decide',
	'ask-young-person':
		'Ask the young person, in private, whether they agree to their parent having the record',
	'release-to-parent':
		'Release the record to the parent, leaving out anything the young person said in confidence',
	'release-with-authority': 'Release the record to the parent: the young person has agreed',
	'refuse-parent': 'Refuse the parent’s request, explaining that the young person can ask for it themselves'
};

const RELEASES = new Set<ParentRequestAction>(['release-to-parent', 'release-with-authority']);

/** How serious each wrong action is: releasing without a basis is critical; holding back a release is major. */
function teenWrong(right: ParentRequestAction): Partial<Record<string, DecisionOutcome>> {
	const wrong: Partial<Record<string, DecisionOutcome>> = {};
	for (const a of Object.keys(TEEN_LABELS) as ParentRequestAction[]) {
		if (a === right) continue;
		if (RELEASES.has(a)) wrong[a] = RELEASES.has(right) ? 'minor' : 'critical';
		else
			wrong[a] =
				RELEASES.has(right) || right === 'refuse-parent' || a === 'refuse-parent' ? 'major' : 'minor';
	}
	return wrong;
}

const TEEN_CHOICES = (Object.keys(TEEN_LABELS) as ParentRequestAction[]).map((id) => ({
	id,
	label: TEEN_LABELS[id]
}));

/**
 * The competent-teenager variant (handbook 4.7, 4.15): what to do first with a parent's request for a 13-16-year-
 * old, then what to do once competence and the young person's view are known. Keys from parentRequestForChild.
 */
function teenSteps(random: () => number, step: AddStep, name: string, age: number) {
	const prShown = random() < 0.75;
	const first = parentRequestForChild({
		ageYears: age,
		parentalResponsibility: prShown,
		competence: 'not-assessed',
		childView: 'not-asked'
	});
	step({
		id: 'teen-first',
		title: `A parent asks for ${name}’s record`,
		prompt: 'What happens next with this request?',
		panels: [
			{
				title: 'What you know',
				style: 'note',
				lines: [
					`${name} is ${age}. Nobody has yet asked ${name} about the request, or judged whether ${name} understands their own rights.`,
					prShown
						? 'The parent enclosed the birth certificate naming them as parent: parental responsibility is confirmed.'
						: 'Nothing enclosed shows that the person asking has parental responsibility.'
				]
			}
		],
		input: 'choice',
		choices: TEEN_CHOICES,
		key: {
			correct: [first.action],
			correctText: TEEN_LABELS[first.action],
			wrong: teenWrong(first.action),
			wrongDate: 'major',
			rule: first.reasons[0].rule,
			reasons: first.reasons
		},
		hint: 'The record belongs to the young person. Who can say whether they understand their rights, and who decides if they do? (handbook 4.7)'
	});

	const competence: Competence = age >= 16 ? 'not-assessed' : random() < 0.65 ? 'competent' : 'not-competent';
	const view: ChildView = random() < 0.5 ? 'authorises' : 'objects';
	const after = parentRequestForChild({
		ageYears: age,
		parentalResponsibility: true,
		competence,
		childView: view
	});
	const lines = [
		prShown ? '' : 'The parent has since sent the birth certificate: parental responsibility is confirmed.',
		competence === 'competent'
			? `The consultant who treats ${name} writes: “I have seen ${name} alone. They understand what is in their record and what sharing it would mean: in my view they are competent to decide.”`
			: competence === 'not-competent'
				? `The consultant who treats ${name} writes: “${name} does not yet understand what is in the record or what sharing it would mean: in my view they are not competent to decide this.”`
				: `${name} is ${age}: nobody has raised any doubt about their understanding.`,
		view === 'authorises'
			? `${name}, asked in private, says: “That’s fine, Dad can see it.” The access team has a note signed by ${name}.`
			: `${name}, asked in private, says: “I don’t want my dad reading my notes.”`
	].filter(Boolean);
	step({
		id: 'teen-decision',
		title: `${name}’s view`,
		prompt: 'What does the access team do with the parent’s request now?',
		panels: [{ title: 'Notes from the access team', style: 'note', lines }],
		input: 'choice',
		choices: TEEN_CHOICES,
		key: {
			correct: [after.action],
			correctText: TEEN_LABELS[after.action],
			wrong: teenWrong(after.action),
			wrongDate: 'major',
			rule: after.reasons[0].rule,
			reasons: after.reasons
		},
		hint: 'If the young person is competent, it is their decision. If not, the parent may act for them, but not for what they said in confidence (handbook 4.7).',
		maxPoints: 3
	});
	return after;
}

/** An entry the young person gave in confidence, when the parent gets the record without their authority. */
function teenConfidenceStep(step: AddStep, name: string, age: number) {
	const choices = [
		{ id: 'release', label: 'Release it with the rest of the record' },
		{
			id: 'withhold',
			label: 'Leave it out: the young person said it expecting their parent would not be told'
		},
		{ id: 'clinician-review', label: 'Send it to the clinician for a serious-harm review' }
	];
	step({
		id: 'teen-confidence',
		title: 'Something said in confidence',
		prompt: 'What do you do with this entry in the copy for the parent?',
		panels: [
			{
				title: 'Record entry',
				style: 'record',
				lines: [
					`School nurse referral letter: ${name} (${age}) asked for help with low mood and said: “Please don’t tell my parents I came.” Nurse notes ${name} was told this would be kept confidential.`
				]
			}
		],
		input: 'choice',
		choices,
		key: {
			correct: ['withhold'],
			correctText: choices[1].label,
			wrong: { release: 'critical', 'clinician-review': 'minor' },
			wrongDate: 'major',
			rule: 'sar.child-confidences',
			reasons: [reason('sar.child-confidences')]
		},
		hint: 'A parent acts for the child, but not for what the child told someone on the understanding the parent would not know (handbook 4.7).'
	});
}

/**
 * With the PAS: find the patient, open the record with a reason (scored from the audit trail), say where the
 * paper record is tracked; then gather every part of the real record (handbook 2.5, 3.5, 3.6, 4.7).
 */
function findAndGather(
	random: () => number,
	step: AddStep,
	settings: TrustSettings,
	subject: number,
	name: string
) {
	const trust = dpTrust(settings);
	const rec = patientRecord(trust, subject);
	const places = shuffled(random, placesFor(random, trust, rec));
	const right = currentVolume(rec).tracked;
	const choices = places.map((l, i) => ({ id: `place-${i + 1}`, label: l.label }));
	const rightId = choices[places.indexOf(right)].id;
	step({
		id: 'find-record',
		title: 'Finding the record on the PAS',
		prompt: 'Where are the paper casenotes now?',
		panels: [
			{
				title: 'The access team asks',
				style: 'note',
				lines: [
					`Please find ${name} on the PAS (search by NHS number), open the record, giving your reason, and tell us where the paper casenotes are tracked to now, so we can gather them.`
				]
			}
		],
		input: 'choice',
		choices,
		key: {
			correct: [rightId],
			correctText: right.label,
			wrong: {},
			wrongDate: 'major',
			rule: 'sar.all-parts',
			reasons: [
				reason(
					'sar.all-parts',
					`The PAS tracks the current volume to ${right.label}: gather it from there, with every other part of the record`
				)
			]
		},
		hint: 'Search by NHS number, open the record with the reason “Answering an enquiry about this patient”, and read “Tracked to now” for each volume (handbook 2.5, 3.5).',
		pas: {
			mode: 'find',
			trust: settings,
			defaultReason: 'enquiry',
			target: subject,
			targetName: name,
			work: [{ patient: subject, task: 'this subject access request', reasons: ['enquiry', 'other'] }],
			known: []
		}
	});

	const parts: RecordPart[] = [
		...rec.volumes.map((v) => ({
			id: `vol-${v.number}`,
			format: 'paper' as const,
			location: v.tracked.label
		})),
		...(rec.temporaryFolder
			? [{ id: 'temporary', format: 'paper' as const, location: rec.temporaryFolder.tracked.label }]
			: []),
		{ id: 'epr', format: 'electronic', location: 'Electronic patient record' },
		{ id: 'edm', format: 'scanned', location: 'Scanned documents (EDM)' }
	];
	const sets: Record<string, string[]> = {
		'paper-only': parts.filter((p) => p.format === 'paper').map((p) => p.id),
		'electronic-only': parts.filter((p) => p.format !== 'paper').map((p) => p.id),
		everything: parts.map((p) => p.id)
	};
	const gatherChoices = [
		{ id: 'paper-only', label: 'The paper casenotes only' },
		{
			id: 'electronic-only',
			label: 'Only what is on the computer: the electronic record and scanned documents'
		},
		{
			id: 'everything',
			label:
				'The paper casenotes from where they are tracked, the electronic record and the scanned documents'
		}
	];
	step({
		id: 'gather',
		title: 'Gathering the record',
		prompt: 'What do you gather for the response?',
		panels: [
			{
				title: `${name}: the parts of the record`,
				style: 'record',
				lines: [
					...rec.volumes.map(
						(v) => `Paper casenotes, volume ${v.number} of ${v.of}: tracked to ${v.tracked.label}`
					),
					...(rec.temporaryFolder
						? [`Temporary folder: tracked to ${rec.temporaryFolder.tracked.label}`]
						: []),
					'Electronic patient record: on the PAS and EPR',
					'Scanned documents: in the document management system (EDM)'
				]
			}
		],
		...gatherQuestion(parts, sets, gatherChoices)
	});
}

/**
 * The gather step's question: each choice stands for a set of the record's parts, and the right one is the set the
 * domain says to gather (handbook 3.6, 4.7).
 */
function gatherQuestion(
	parts: RecordPart[],
	sets: Record<string, string[]>,
	choices: { id: string; label: string }[]
): Pick<DpStep, 'input' | 'choices' | 'key' | 'hint'> {
	const gather = sarPartsToGather(parts);
	const right = Object.keys(sets).find(
		(k) => sets[k].length === gather.ids.length && sets[k].every((x) => gather.ids.includes(x))
	)!;
	return {
		input: 'choice',
		choices,
		key: {
			correct: [right],
			correctText: choices.find((c) => c.id === right)!.label,
			wrong: {},
			wrongDate: 'major',
			rule: 'sar.all-parts',
			reasons: gather.reasons
		},
		hint: '“The record” means all of it, in every format and wherever it is kept (handbook 3.6, 4.7).'
	};
}

export function buildSarCase(params: SarParams, seed: number, today: string): DpCase {
	const random = seededRandom(seed);
	const people = peopleFor(seed, today, 4);
	const [, acting, other, third] = people;
	const requester = pick(random, params.requesters);
	const forChild = requester === 'parent' || requester === 'parent-teen';
	const asRequester: SarRequester = requester === 'parent-teen' ? 'parent' : requester;
	// With the PAS on, the patient is one of the PAS trust's own, so the learner can find them there.
	const pasTrust = params.pas ? dpTrustSettings('dp-sar', seed, today) : null;
	const [minAge, maxAge] = AGES[requester];
	let patient = people[0];
	let subject = -1;
	if (pasTrust) {
		const trust = dpTrust(pasTrust);
		subject = pickPatient(random, trust, { minAge, maxAge, preferOut: random() < 0.6 });
		patient = personOf(trust, subject);
	} else if (forChild) {
		const years = requester === 'parent' ? 6 : 13 + randomInt(random, 3);
		patient = {
			...patient,
			dateOfBirth: plusDays(today, -Math.round(years * 365.25) - randomInt(random, 300))
		};
	}
	const age = ageOn(patient.dateOfBirth, today);
	const channels: Channel[] =
		requester === 'patient' ? ['letter', 'email', 'in-person', 'phone'] : ['letter', 'email'];
	const channel = pick(random, channels);
	const received = daysBefore(random, today, 2, 20);
	const knownToStaff = requester === 'patient' && channel === 'in-person' && random() < 0.5;
	const steps: DpStep[] = [];
	const step = (s: Omit<DpStep, 'maxPoints' | 'outcomes'> & { maxPoints?: number }) =>
		steps.push({ maxPoints: 2, outcomes: OUTCOMES, ...s });
	const request = requestPanel(requester, channel, patient.name, acting.name, received, age);
	const facts: Panel = {
		title: 'The patient',
		lines: [`${patient.name}, born ${longDate(patient.dateOfBirth)}, NHS Number ${patient.nhsNumber}.`],
		style: 'record'
	};

	// 1. Log it: is it a valid request, through this channel, from this person?
	const main = decideDisclosure({
		requester: asRequester,
		channel,
		identity: { verified: false },
		record: forChild ? { ageYears: age } : {},
		asks: 'record-copy',
		paperwork: {
			signedAuthority: requester === 'solicitor',
			parentalResponsibility: forChild,
			registeredAuthoritySeen: requester === 'attorney'
		}
	});
	const logChoices = [
		{
			id: 'log-sar',
			label: 'Log it today as a subject access request and pass it to the access-to-records team'
		},
		{
			id: 'ask-form',
			label: 'Ask them to fill in the trust’s request form, and log it when the form comes back'
		},
		{ id: 'refuse', label: 'Turn it down: it is not a valid request as it stands' },
		{ id: 'hand-over', label: 'Photocopy the notes now and hand them over' }
	];
	step({
		id: 'log',
		title: `A request arrives: ${CHANNEL_WORDS[channel]}`,
		prompt: 'What do you do with this request?',
		panels: [request, facts],
		input: 'choice',
		choices: logChoices,
		key: {
			correct: [main.decision === 'refer-ig-or-access-team' ? 'log-sar' : 'refuse'],
			correctText: main.decision === 'refer-ig-or-access-team' ? logChoices[0].label : logChoices[2].label,
			wrong: { 'ask-form': 'major', 'hand-over': 'critical', refuse: 'major' },
			wrongDate: 'major',
			rule: main.reasons[0].rule,
			// The deciding reason only: the others (fees, ID) have their own steps.
			reasons: main.reasons.slice(0, 1)
		},
		hint: 'A request can be made in any way and need not use a form or the words “subject access”. Who is asking, and do they have the authority they need? (handbook 4.7)'
	});

	// 1a. A parent asking for a teenager's record: the young person's competence and view decide (handbook 4.7).
	const teen = requester === 'parent-teen' ? teenSteps(random, step, patient.forename, age) : null;
	const refused = teen?.action === 'refuse-parent';

	// 2. A second item in the same post that is not a valid subject access request.
	if (params.otherPost) {
		const insurer = random() < 0.5;
		const d = decideDisclosure({
			requester: insurer ? 'insurer' : 'solicitor',
			channel: 'letter',
			identity: { verified: false },
			record: {},
			asks: 'record-copy',
			paperwork: { signedAuthority: false }
		});
		const reasonRules = d.reasons.map((r) => r.rule);
		const right = reasonRules.includes('sar.insurers') ? 'other-route' : 'ask-authority';
		const choices = [
			{ id: 'log-sar', label: 'Log it as a subject access request and start gathering the record' },
			{
				id: 'other-route',
				label: 'Reply that insurers use the Access to Medical Reports Act route, with the patient’s consent'
			},
			{
				id: 'ask-authority',
				label: 'Reply asking for the patient’s signed written authority before anything else'
			},
			{ id: 'send-copy', label: 'Send a copy of the record: they are a professional firm' }
		];
		step({
			id: 'other-post',
			title: 'Also in the post',
			prompt: 'What do you do with this letter?',
			panels: [
				{
					title: 'Letter',
					style: 'letter',
					lines: insurer
						? [
								`From: Northgate Life Assurance (claims team).`,
								`Our customer ${third.name} has applied for life cover. Under subject access, please send their complete medical records. A consent form is attached.`
							]
						: [
								`From: Hollis & Ward Solicitors.`,
								`We act for ${third.name} in a personal injury claim. Please send their complete hospital records. (No signed authority from ${third.name} is enclosed.)`
							]
				}
			],
			input: 'choice',
			choices,
			key: {
				correct: [d.decision === 'refuse' ? right : 'log-sar'],
				correctText: choices.find((c) => c.id === right)!.label,
				wrong: { 'send-copy': 'critical', 'log-sar': 'major' },
				wrongDate: 'major',
				rule: d.reasons[0].rule,
				reasons: d.reasons
			},
			hint: 'Insurers and solicitors have no right of their own to a patient’s record. What does each need? (handbook 4.7, 4.13)'
		});
	}

	// 3. Proportionate identity evidence.
	const id = sarIdentityEvidence({ requester: asRequester, knownToStaff });
	const idChoices = [
		{ id: 'none', label: 'None: their identity is already known' },
		{ id: 'photo-id-and-address', label: 'Photo ID and proof of address' },
		{ id: 'authority-and-photo-id', label: 'The document that gives them authority, and photo ID' },
		{ id: 'excessive', label: 'Passport, birth certificate and three utility bills, all certified' }
	];
	step({
		id: 'identity',
		title: 'Checking who is asking',
		prompt: 'What identity evidence do you ask for?',
		panels: [
			request,
			{
				title: 'What you know',
				style: 'note',
				lines: [
					knownToStaff
						? `You know ${patient.name} well: they volunteer on the ward next door and you see them every week.`
						: 'Nobody in the department knows the requester. The copy will be posted out.'
				]
			}
		],
		input: 'choice',
		choices: idChoices,
		key: {
			correct: [id.evidence],
			correctText: idChoices.find((c) => c.id === id.evidence)!.label,
			wrong: { excessive: 'minor', none: 'major' },
			wrongDate: 'major',
			rule: id.reasons[0].rule,
			reasons: id.reasons
		},
		hint: 'Ask only for what you need to be sure who they are, and, for someone acting for the patient, that they have the authority (handbook 4.7).'
	});

	// 4. Extension: allowed only for complex or several requests.
	const complex = params.extensions && random() < 0.5;
	const several = params.extensions && !complex && random() < 0.4;
	const ext = sarExtensionAllowed({ complex, severalRequests: several });
	step({
		id: 'extension',
		title: 'How long is there?',
		prompt: 'Can the access team extend the deadline for this request?',
		panels: [
			{
				title: 'Notes from the access team',
				style: 'note',
				lines: [
					complex
						? 'The record runs to four volumes over 20 years, with records from three specialties and several people named in it. The team judges the request complex.'
						: several
							? 'This is the third separate request from the same person in two months, each for different parts of the record.'
							: 'One volume and an electronic record. Nothing unusual; the team is busy this month.'
				]
			}
		],
		input: 'choice',
		choices: [
			{
				id: 'extend',
				label: 'Yes: extend by two further months and tell the requester why within the first month'
			},
			{ id: 'no-extension', label: 'No: one calendar month applies' }
		],
		key: {
			correct: [ext.allowed ? 'extend' : 'no-extension'],
			correctText: ext.allowed
				? 'Yes: the deadline can be extended by two months, telling the requester why within the first month'
				: 'No: one calendar month applies',
			wrong: {},
			wrongDate: 'major',
			rule: 'sar.extension',
			reasons: ext.reasons
		},
		hint: 'Being busy is not a reason to extend. What kinds of request does the law allow more time for? (handbook 4.7)'
	});

	// 5. The deadline, entered as a date.
	const idArrives =
		params.lateClockStart && !knownToStaff && random() < 0.6
			? plusDays(received, 3 + randomInt(random, 12))
			: undefined;
	const detail = sarDeadlineDetail(received, { clockStarts: idArrives, extended: ext.allowed });
	step({
		id: 'deadline',
		title: 'Working out the deadline',
		prompt: 'By what date must the response be sent?',
		panels: [
			{
				title: 'Dates',
				style: 'form',
				lines: [
					`Request received: ${longDate(received)}.`,
					idArrives
						? `The identity evidence you asked for arrived on ${longDate(idArrives)}.`
						: 'Nothing further was needed before the team could start.',
					ext.allowed
						? 'The team has told the requester, within the first month, that it is extending by two months, and why.'
						: 'No extension applies.'
				]
			}
		],
		input: 'date',
		choices: [],
		dateLabel: 'Response due by',
		key: {
			correct: [detail.deadline],
			correctText: `${longDate(detail.deadline)}`,
			wrong: {},
			wrongDate: 'major',
			rule: detail.reasons[detail.reasons.length - 1].rule,
			reasons: detail.reasons
		},
		hint: 'Count the day the clock starts as day 1; the deadline is the same date one month on (or three with an extension). No such date: the month’s last day. A weekend or bank holiday moves it to the next working day (handbook 4.7).',
		maxPoints: 3
	});

	// 6. Gather every part of the record: with the PAS on, the learner finds where it is first.
	if (pasTrust && !refused) findAndGather(random, step, pasTrust, subject, patient.name);
	else if (!refused) {
		const volumes = 2 + randomInt(random, 2);
		const parts: RecordPart[] = [
			...Array.from({ length: volumes }, (_, i) => ({
				id: `vol-${i + 1}`,
				format: 'paper' as const,
				location: i === volumes - 1 ? 'Main records library' : 'Off-site store'
			})),
			{ id: 'epr', format: 'electronic', location: 'Electronic patient record' },
			{ id: 'edm', format: 'scanned', location: 'Scanned documents (EDM)' }
		];
		const sets: Record<string, string[]> = {
			'library-only': parts.filter((p) => p.location === 'Main records library').map((p) => p.id),
			'paper-only': parts.filter((p) => p.format === 'paper').map((p) => p.id),
			everything: parts.map((p) => p.id)
		};
		const gatherChoices = [
			{ id: 'library-only', label: 'The volume in the main library: it is the current one' },
			{ id: 'paper-only', label: `All ${volumes} paper volumes, including those off site` },
			{
				id: 'everything',
				label: `All ${volumes} paper volumes, the electronic record and the scanned documents`
			}
		];
		step({
			id: 'gather',
			title: 'Gathering the record',
			prompt: 'What do you gather for the response?',
			panels: [
				{
					title: 'Where the record is (from the tracking system)',
					style: 'record',
					lines: parts.map(
						(p) =>
							`${p.id.startsWith('vol') ? `Volume ${p.id.slice(4)} of ${volumes}` : p.format === 'electronic' ? 'Electronic record' : 'Scanned documents'}: ${p.location}`
					)
				}
			],
			...gatherQuestion(parts, sets, gatherChoices)
		});
	}
	if (!refused) {
		// 7. Entry by entry: release, redact or clinician review.
		const kinds = shuffled(random, [0, 1, 2, 3, 4]);
		for (let i = 0; i < params.items; i++) {
			const { entry, text } = entryFor(random, kinds[i % kinds.length], patient.name, other.name);
			const action = sarEntryAction(entry);
			const wrong: Partial<Record<EntryAction, 'minor' | 'major' | 'critical'>> =
				action.action === 'redact'
					? { release: 'critical', 'clinician-review': 'minor' }
					: action.action === 'clinician-review'
						? { release: 'major', redact: 'major' }
						: { redact: 'minor', 'clinician-review': 'minor' };
			step({
				id: `entry-${i + 1}`,
				title: `Reviewing the record: entry ${i + 1} of ${params.items}`,
				prompt: 'What do you do with this entry?',
				panels: [{ title: 'Record entry', style: 'record', lines: [text] }],
				input: 'choice',
				choices: (['release', 'redact', 'clinician-review'] as EntryAction[]).map((a) => ({
					id: a,
					label: ENTRY_LABELS[a]
				})),
				key: {
					correct: [action.action],
					correctText: ENTRY_LABELS[action.action],
					wrong,
					wrongDate: 'major',
					rule: action.reasons[0].rule,
					reasons: action.reasons
				},
				hint: 'Other people in the record are protected; health professionals doing their job are not. Anything flagged as possibly harmful goes to a clinician first (handbook 4.7).'
			});
		}

		if (teen?.withholdConfidences) teenConfidenceStep(step, patient.forename, age);
		// 8. Fees.
		const furtherCopy = random() < 0.4;
		const fee = sarFee({ manifestlyUnfoundedOrExcessive: false, furtherCopy });
		const feeChoices = [
			{ id: 'free', label: 'Nothing: it is free' },
			{ id: 'reasonable-admin-fee', label: 'A reasonable administration fee' },
			{ id: 'fifty-pounds', label: '£50, the standard charge for health records' }
		];
		step({
			id: 'fee',
			title: 'A question about cost',
			prompt: 'The requester asks what they will have to pay. What do you tell them?',
			panels: [
				{
					title: 'Note',
					style: 'note',
					lines: [
						furtherCopy
							? 'They already received a full copy last month and now want a second copy of the same records.'
							: 'This is their first request.'
					]
				}
			],
			input: 'choice',
			choices: feeChoices,
			key: {
				correct: [fee.fee],
				correctText: feeChoices.find((c) => c.id === fee.fee)!.label,
				wrong: { 'fifty-pounds': 'major' },
				wrongDate: 'major',
				rule: fee.reasons[0].rule as RuleId,
				reasons: fee.reasons
			},
			hint: 'Subject access is free by default. When is a fee allowed at all? (handbook 4.7)'
		});
	}
	return { steps };
}

export const subjectAccess = linearKind({
	kind: 'subject-access-request',
	machineVersion: 2,
	paramsSchema,
	build: buildSarCase
});
