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
	sarDeadlineDetail,
	sarEntryAction,
	sarExtensionAllowed,
	sarFee,
	sarIdentityEvidence,
	sarPartsToGather,
	type Channel,
	type EntryAction,
	type RecordEntry,
	type RecordPart,
	type SarRequester
} from '../../domain';
import type { RuleId } from '../../domain/rules';
import type { OutcomeId } from '../outcomes';
import { randomInt, seededRandom, shuffled } from '../prng';
import { linearKind, longDate, type DpCase, type DpStep, type Panel } from './common';
import { daysBefore, peopleFor, pick, plusDays, STAFF } from './people';

export const paramsSchema = z.object({
	items: z
		.number({ error: 'must be a number of record entries' })
		.int('must be a whole number')
		.min(1, 'must be at least 1 record entry')
		.max(6, 'must be at most 6 record entries'),
	requesters: z
		.array(
			z.enum(['patient', 'parent', 'attorney', 'solicitor'], {
				error: 'must be patient, parent, attorney or solicitor'
			})
		)
		.min(1, 'must list at least one kind of requester'),
	/** Identity evidence or clarification may arrive after the request, so the clock starts later. */
	lateClockStart: z.boolean({ error: 'must be true or false' }),
	/** Some requests are complex or one of several, so an extension is allowed. */
	extensions: z.boolean({ error: 'must be true or false' }),
	/** A second, invalid request in the same post (an insurer, or a solicitor with no signed authority). */
	otherPost: z.boolean({ error: 'must be true or false' })
});
export type SarParams = z.infer<typeof paramsSchema>;

const OUTCOMES: OutcomeId[] = ['dsa.law-and-principles', 'ba3.legal-requirements'];

const CHANNEL_WORDS: Record<Channel, string> = {
	letter: 'a letter in the morning post',
	email: 'an email to the records department',
	'in-person': 'someone at the records desk',
	phone: 'a phone call to the records desk'
};

function requestPanel(
	requester: SarRequester,
	channel: Channel,
	patient: string,
	who: string,
	received: string
): Panel {
	const asks = {
		patient: `I would like a copy of everything you hold about me, please.`,
		parent: `I am ${who}, mother of ${patient}, who is 6. I have parental responsibility. Please send me a copy of my child's hospital records.`,
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

export function buildSarCase(params: SarParams, seed: number, today: string): DpCase {
	const random = seededRandom(seed);
	const [patient, acting, other, third] = peopleFor(seed, today, 4);
	const requester = pick(random, params.requesters);
	const channels: Channel[] =
		requester === 'patient' ? ['letter', 'email', 'in-person', 'phone'] : ['letter', 'email'];
	const channel = pick(random, channels);
	const received = daysBefore(random, today, 2, 20);
	const knownToStaff = requester === 'patient' && channel === 'in-person' && random() < 0.5;
	const steps: DpStep[] = [];
	const step = (s: Omit<DpStep, 'maxPoints' | 'outcomes'> & { maxPoints?: number }) =>
		steps.push({ maxPoints: 2, outcomes: OUTCOMES, ...s });
	const request = requestPanel(requester, channel, patient.name, acting.name, received);
	const facts: Panel = {
		title: 'The patient',
		lines: [`${patient.name}, born ${longDate(patient.dateOfBirth)}, NHS Number ${patient.nhsNumber}.`],
		style: 'record'
	};

	// 1. Log it: is it a valid request, through this channel, from this person?
	const main = decideDisclosure({
		requester,
		channel,
		identity: { verified: false },
		record: requester === 'parent' ? { ageYears: 6 } : {},
		asks: 'record-copy',
		paperwork: {
			signedAuthority: requester === 'solicitor',
			parentalResponsibility: requester === 'parent',
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
	const id = sarIdentityEvidence({ requester, knownToStaff });
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

	// 6. Gather every part of the record.
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
	const gather = sarPartsToGather(parts);
	const sets: Record<string, string[]> = {
		'library-only': parts.filter((p) => p.location === 'Main records library').map((p) => p.id),
		'paper-only': parts.filter((p) => p.format === 'paper').map((p) => p.id),
		everything: parts.map((p) => p.id)
	};
	const gatherRight = Object.keys(sets).find(
		(k) => sets[k].length === gather.ids.length && sets[k].every((x) => gather.ids.includes(x))
	)!;
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
		input: 'choice',
		choices: gatherChoices,
		key: {
			correct: [gatherRight],
			correctText: gatherChoices.find((c) => c.id === gatherRight)!.label,
			wrong: {},
			wrongDate: 'major',
			rule: 'sar.all-parts',
			reasons: gather.reasons
		},
		hint: '“The record” means all of it, in every format and wherever it is kept (handbook 3.6, 4.7).'
	});

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
	return { steps };
}

export const subjectAccess = linearKind({
	kind: 'subject-access-request',
	machineVersion: 1,
	paramsSchema,
	build: buildSarCase
});
