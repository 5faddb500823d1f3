/**
 * "A day on the records desk" (family: data protection; handbook 3.5, 4.10-4.12). A sequence of everyday moments,
 * each a choice: a colleague wanting a neighbour looked up, a smartcard to borrow, a clinic list on the printer,
 * an unlocked screen, an email with identifiers in the subject to an outside address, an email sent to the wrong
 * person (then the 72-hour ICO clock), notes stolen from a car. With the PAS on the desk: a real look-up for a
 * clinic, a relative asking about family, and the temptation to check your own appointment (the learner is a
 * patient of the trust too; self-access is the LOCAL rule TrustRules.selfAccess). Verdicts come from
 * assessSecurityAction and the deadline from breachReportDeadline. Reporting a near miss is rewarded with the step's
 * extra points.
 */
import { z } from '../zod';
import {
	assessSecurityAction,
	breachReportDeadline,
	gradeBreach,
	LIKELIHOOD_SCALE,
	SEVERITY_SCALE,
	type BreachData,
	type BreachRecipient,
	type KnownPerson,
	type WorkItem,
	securityActions,
	type SecurityAction,
	type SecurityMoment,
	type SecurityVerdict,
	type TrustRules
} from '../../domain';
import { reason } from '../../domain/rules';
import type { DecisionOutcome } from '../decisions';
import type { OutcomeId } from '../outcomes';
import { randomInt, seededRandom, shuffled } from '../prng';
import type { TrustSettings } from '../../generator/types';
import {
	AUDIT_CHOICES,
	linearKind,
	longDate,
	type DpCase,
	type DpStep,
	type Panel,
	type PasCheck
} from './common';
import { daysBefore, peopleFor, pick } from './people';
import { dpTrust, dpTrustSettings, personOf, pickPatient } from './pas-people';

export const MOMENTS = [
	'colleague-lookup',
	'smartcard-borrow',
	'printout-left',
	'unlocked-screen',
	'email-external',
	'misdirected-email',
	'notes-in-car'
] as const;
/**
 * Moments that need the PAS on the desk: a real look-up for work, a relative asking about family, and your own
 * appointment.
 */
export const PAS_MOMENTS = ['work-lookup', 'family-lookup', 'own-record'] as const;
type MomentKind = (typeof MOMENTS)[number] | (typeof PAS_MOMENTS)[number];

export const paramsSchema = z.object({
	items: z
		.number({ error: 'must be a number of moments' })
		.int('must be a whole number')
		.min(2, 'must be at least 2 moments')
		.max(7, 'must be at most 7 moments'),
	/** After the misdirected email, ask for the latest time the ICO may be told (handbook 4.10). */
	breachClock: z.boolean({ error: 'must be true or false' }),
	/**
	 * The PAS is on the desk: a real look-up for a clinic, a relative asking about family, and at the end of the day
	 * the learner's own audit trail is the evidence for need-to-know (handbook 3.5, 4.11).
	 */
	pas: z.boolean({ error: 'must be true or false' }).optional(),
	/** After the misdirected email, grade the breach and decide on the ICO and telling the patient (handbook 4.10). */
	breachGrading: z.boolean({ error: 'must be true or false' }).optional(),
	/**
	 * The trust's LOCAL rule on staff opening their own record (TrustRules.selfAccess, handbook 4.11, 3.5); when
	 * left out, the default: forbidden.
	 */
	selfAccess: z
		.enum(['forbidden', 'allowed'], { error: 'must be forbidden or allowed' })
		.optional()
		.describe(
			'Your trust’s local rule on staff opening their own record on the PAS (handbook 4.11). Most trusts forbid it: leave it out for the default, forbidden.'
		)
});
export type DeskDayParams = z.infer<typeof paramsSchema>;

const OUTCOMES: Record<MomentKind, OutcomeId[]> = {
	'colleague-lookup': ['dsa.law-and-principles', 'dsa.breaches'],
	'family-lookup': ['dsa.law-and-principles', 'dsa.breaches'],
	'own-record': ['dsa.law-and-principles', 'dsa.breaches'],
	'work-lookup': ['dsa.law-and-principles', 'ihrim.positive-identification'],
	'smartcard-borrow': ['dsa.threats', 'dsa.law-and-principles'],
	'printout-left': ['dsa.breaches'],
	'unlocked-screen': ['dsa.threats', 'dsa.breaches'],
	'email-external': ['dsa.threats', 'dsa.law-and-principles'],
	'misdirected-email': ['dsa.breaches'],
	'notes-in-car': ['dsa.breaches']
};

/** How much each kind of verdict costs: hiding an incident or disclosing without a basis is critical (issue 9). */
export const SEVERITY: Record<SecurityVerdict, DecisionOutcome> = {
	right: 'correct',
	incomplete: 'minor',
	unsafe: 'major',
	'unlawful-disclosure': 'critical',
	'conceals-incident': 'critical'
};

const LABELS: Partial<Record<MomentKind, Partial<Record<SecurityAction, string>>>> = {
	'colleague-lookup': {
		'go-along': 'Look them up: it is only to check they are all right',
		'refuse-and-explain': 'Say no, and explain that nobody may look at a record without a work reason',
		'refuse-and-report': 'Say no, and report it to your manager or the IG team'
	},
	'family-lookup': {
		'look-up-yourself': 'Look her up on the PAS quickly and text back the ward',
		'ask-colleague-to-look': 'Ask a colleague who does not know her to look it up instead',
		'use-proper-route':
			'Do not look: reply that the family can phone the ward or switchboard, who will check what she wants shared'
	},
	'own-record': {
		'look-up-own-record':
			'Look yourself up on the PAS: it is your own appointment, so nobody else’s privacy is involved',
		'ask-colleague-own-record': 'Ask the colleague next to you to look it up for you',
		'use-patient-route':
			'Do not open it: ring the clinic’s appointments line like any other patient, or ask for your record with a subject access request'
	},
	'work-lookup': {
		'look-up-and-answer':
			'Find the patient on the PAS, check name, date of birth and NHS number match, and give the clinic the hospital number',
		'give-without-checking': 'Give the number of the first patient with that name on the PAS',
		'refuse-work-lookup': 'Say you cannot look at records for another department'
	},
	'smartcard-borrow': {
		'go-along': 'Leave your session open for them: it saves time',
		'refuse-and-explain': 'Say no and explain each person must use their own card',
		'refuse-and-report':
			'Say no, explain each person uses their own card, and tell your manager about the card problem'
	},
	'printout-left': {
		'collect-and-report': 'Take it to your manager and log it as a near miss on the incident system',
		'shred-quietly': 'Shred it: nobody seems to have read it',
		'leave-it': 'Leave it: whoever printed it will collect it'
	},
	'unlocked-screen': {
		'lock-and-tell': 'Lock the screen and remind your colleague when they are back',
		'leave-it': 'Leave it: they will be back in a minute',
		'read-record': 'Have a look at what they were working on'
	},
	'email-external': {
		'send-as-is': 'Send it as it is: the patient asked for it',
		'remove-identifiers-only': 'Take the name and diagnosis out of the subject line and send',
		'send-secure-no-identifiers':
			'Take identifiers out of the subject and start it with [secure] so it is encrypted (local policy allows this)'
	},
	'misdirected-email': {
		'contain-and-report':
			'Do not forward it; try to recall it, ask the recipient to delete it and confirm, and report to your manager and IG now',
		'recall-and-wait': 'Try to recall it and wait to see whether anyone complains',
		'delete-and-say-nothing': 'Delete it from your sent items and say nothing'
	},
	'notes-in-car': {
		'report-loss-now': 'Report the loss now to your manager, the IG team and the police',
		'search-first-tomorrow': 'Have a proper look at home first and report tomorrow if they do not turn up',
		'delete-and-say-nothing': 'Say nothing: the notes will probably turn up'
	}
};

/** The PAS patients a day with the PAS is built around (indexes on the desk's trust). */
interface DeskPeople {
	work: { index: number; name: string; dob: string; nhs: string };
	neighbour: { index: number; name: string; relation: 'neighbour' | 'celebrity' };
	family: { index: number; name: string };
	/** The learner's own record: in this exercise they are a patient of the trust too. */
	self: { index: number; name: string; dob: string };
}

function momentPanels(
	kind: MomentKind,
	names: string[],
	at: string,
	flip: boolean,
	pas: DeskPeople | null
): { title: string; panels: Panel[]; moment: SecurityMoment } {
	const [patient, colleague] = names;
	const neighbour = pas?.neighbour.name ?? names[2];
	switch (kind) {
		case 'work-lookup':
			return {
				title: 'A call from the fracture clinic',
				moment: { kind },
				panels: [
					{
						title: '09:05',
						style: 'note',
						lines: [
							`The fracture clinic receptionist phones: “I need the hospital number for ${pas!.work.name}, born ${longDate(pas!.work.dob)}, NHS number ${pas!.work.nhs}, for tomorrow’s list. Can you look it up?”`
						]
					}
				]
			};
		case 'own-record':
			return {
				title: 'Your own appointment',
				moment: { kind },
				panels: [
					{
						title: 'You, as a patient',
						style: 'record',
						lines: [
							`In this exercise you are a patient of this hospital too: ${pas!.self.name}, born ${longDate(pas!.self.dob)}.`
						]
					},
					{
						title: '12:40',
						style: 'note',
						lines: [
							'A letter about your outpatient appointment is at home and you cannot remember the date. The PAS is open on your screen: looking yourself up would take ten seconds.'
						]
					}
				]
			};
		case 'family-lookup':
			return {
				title: 'A text from your cousin',
				moment: { kind },
				panels: [
					{
						title: '13:10',
						style: 'note',
						lines: [
							`Your cousin texts you: “Auntie ${pas!.family.name} was taken in by ambulance last night. You work there, can you check which ward she’s on and what’s wrong?”`
						]
					}
				]
			};
		case 'colleague-lookup': {
			const alreadyLooked = flip;
			if (pas?.neighbour.relation === 'celebrity')
				return {
					title: 'Someone in the news',
					moment: { kind, alreadyLooked },
					panels: [
						{
							title: '09:20',
							style: 'note',
							lines: alreadyLooked
								? [
										`${colleague} turns their screen to you: “Look, I found ${neighbour}, the one off the telly, came in last night! Can you see what she’s in for on yours?”`
									]
								: [
										`${colleague} whispers: “${neighbour}, the one off the telly, came into A&E last night. Go on, look her up on PAS, I want to know what happened.”`
									]
						}
					]
				};
			return {
				title: 'A favour for a colleague',
				moment: { kind, alreadyLooked },
				panels: [
					{
						title: '09:20',
						style: 'note',
						lines: alreadyLooked
							? [
									`${colleague} turns their screen to you: “I've just looked up my neighbour ${neighbour}, the ambulance was there last night. Can you find out which ward she's on?”`
								]
							: [
									`${colleague} leans over: “Could you look up my neighbour ${neighbour} on PAS? The ambulance was there last night. Just want to know she's OK.”`
								]
					}
				]
			};
		}
		case 'smartcard-borrow':
			return {
				title: 'A smartcard',
				moment: { kind },
				panels: [
					{
						title: '10:05',
						style: 'note',
						lines: [
							`${colleague} has left their smartcard at home. “Can I just use your session for ten minutes to book some appointments? I'll be careful.”`
						]
					}
				]
			};
		case 'printout-left':
			return {
				title: 'On the printer',
				moment: { kind },
				panels: [
					{
						title: '11:30',
						style: 'note',
						lines: [
							'At the shared printer in the corridor you find tomorrow’s fracture clinic list: 24 patients’ names, dates of birth and NHS numbers. Nobody is around.'
						]
					}
				]
			};
		case 'unlocked-screen':
			return {
				title: 'An unlocked screen',
				moment: { kind },
				panels: [
					{
						title: '12:15',
						style: 'note',
						lines: [
							`${colleague} has gone for lunch. Their screen is unlocked and shows ${patient}'s record, facing the waiting area.`
						]
					}
				]
			};
		case 'email-external':
			return {
				title: 'An email to a patient',
				moment: { kind },
				panels: [
					{
						title: 'Draft email',
						style: 'email',
						lines: [
							`To: ${patient.toLowerCase().replace(/[^a-z]+/g, '.')}@gmail.example`,
							`Subject: ${patient}, diabetes clinic letter`,
							'The patient asked for a copy of their clinic letter by email.'
						]
					}
				]
			};
		case 'misdirected-email':
			return {
				title: 'The wrong recipient',
				moment: { kind },
				panels: [
					{
						title: longDate(at),
						style: 'email',
						lines: [
							`You sent ${patient}'s clinic letter to an address picked by autocomplete: another person with a similar name. You noticed as soon as it went.`
						]
					}
				]
			};
		case 'notes-in-car':
			return {
				title: 'Notes on the move',
				moment: { kind },
				panels: [
					{
						title: '17:40',
						style: 'note',
						lines: [
							'You took three sets of notes to a satellite clinic. On the way home you stopped at a shop; your car was broken into and the bag with the notes is gone.'
						]
					}
				]
			};
	}
}

/** The desk's PAS patients: someone a clinic needs, someone the colleague is curious about, and your aunt. */
function deskPeople(random: () => number, settings: TrustSettings): DeskPeople {
	const trust = dpTrust(settings);
	const avoid = new Set<number>();
	const take = (minAge: number, maxAge: number) => {
		const i = pickPatient(random, trust, { minAge, maxAge, avoid });
		avoid.add(i);
		return i;
	};
	const w = take(18, 90);
	const n = take(25, 80);
	const f = take(55, 90);
	const me = take(18, 65);
	const work = personOf(trust, w);
	const nb = personOf(trust, n);
	const fam = personOf(trust, f);
	const own = personOf(trust, me);
	return {
		work: { index: w, name: `${work.forename} ${work.surname}`, dob: work.dateOfBirth, nhs: work.nhsNumber },
		neighbour: {
			index: n,
			name: `${nb.forename} ${nb.surname}`,
			relation: random() < 0.4 ? 'celebrity' : 'neighbour'
		},
		family: { index: f, name: `${fam.forename} ${fam.surname}` },
		self: { index: me, name: `${own.forename} ${own.surname}`, dob: own.dateOfBirth }
	};
}

const LIKELIHOOD_CHOICES = LIKELIHOOD_SCALE.map((label, i) => ({
	id: `l${i + 1}`,
	label: `${i + 1}: ${label}`
}));
const SEVERITY_CHOICES = SEVERITY_SCALE.map((label, i) => ({ id: `s${i + 1}`, label: `${i + 1}: ${label}` }));

const RECIPIENT_WORDS: Partial<Record<BreachRecipient, string>> = {
	'trusted-deleted':
		'The address was a GP practice manager’s secure nhs.net mailbox. She replied within minutes that she had deleted it unread, and confirmed in writing.',
	unknown: 'The address is a personal Gmail account. There has been no reply to your request to delete it.',
	'read-by-stranger':
		'The recipient replied: “I read this before I realised it wasn’t for me. I’ve deleted it now.”'
};
const DATA_WORDS: Record<Exclude<BreachData, 'contact-details'>, string> = {
	appointment: 'an appointment letter: name, address, clinic name and the date and time',
	clinical: 'a clinic letter with the diagnosis and treatment plan',
	'sensitive-clinical': 'a sexual health clinic letter with test results'
};

/** Grading the misdirected email, the ICO decision and telling the patient (handbook 4.10): keys from gradeBreach. */
function breachSteps(
	random: () => number,
	patient: string,
	awareAt: string
): { steps: DpStep[]; notify: boolean } {
	const recipient = pick(random, ['trusted-deleted', 'unknown', 'read-by-stranger'] as const);
	const data = pick(random, ['appointment', 'clinical', 'sensitive-clinical'] as const);
	const vulnerable = random() < 0.3;
	const g = gradeBreach({ recipient, data, vulnerable });
	const facts: Panel = {
		title: 'Incident log: what is known',
		style: 'form',
		lines: [
			`Aware: ${longDate(awareAt)}. What went: ${DATA_WORDS[data]}, about ${patient}${vulnerable ? ', who is 15' : ''}.`,
			RECIPIENT_WORDS[recipient]!
		]
	};
	const near = (n: number, id: string): DecisionOutcome =>
		Math.abs(Number(id.slice(1)) - n) === 1 ? 'minor' : 'major';
	const scaleWrong = (n: number, prefix: string) =>
		Object.fromEntries(
			[1, 2, 3, 4, 5].filter((k) => k !== n).map((k) => [`${prefix}${k}`, near(n, `${prefix}${k}`)])
		);
	const hint =
		'Grade what is known now: who has it and will they misuse it (likelihood), and how much harm it could do (severity). Health data and vulnerable people raise severity a level (handbook 4.10).';
	const outcomes: OutcomeId[] = ['dsa.breaches'];
	const icoChoices = [
		{
			id: 'report-ico',
			label: 'Report it to the ICO through the DSPT incident reporting tool within 72 hours'
		},
		{
			id: 'record-only',
			label: 'Do not report it to the ICO: record it on the incident log with the reasons'
		},
		{ id: 'no-record', label: 'Nothing more: it has been contained, so there is nothing to log' }
	];
	const tellChoices = [
		{ id: 'tell-patient', label: 'Tell the patient without undue delay what happened and what they can do' },
		{ id: 'no-duty', label: 'There is no duty to tell the patient: the risk to them is not high' }
	];
	const icoRight = g.notifyIco ? 'report-ico' : 'record-only';
	const tellRight = g.tellIndividuals ? 'tell-patient' : 'no-duty';
	const steps: DpStep[] = [
		{
			id: 'breach-likelihood',
			title: 'Grading the breach: likelihood',
			prompt: 'How likely is it that the information will be misused or cause harm? (DSPT scale)',
			panels: [facts],
			input: 'choice',
			choices: LIKELIHOOD_CHOICES,
			key: {
				correct: [`l${g.likelihood}`],
				correctText: LIKELIHOOD_CHOICES[g.likelihood - 1].label,
				wrong: scaleWrong(g.likelihood, 'l'),
				wrongDate: 'major',
				rule: 'breach.grading',
				reasons: g.reasons.slice(0, 1)
			},
			hint,
			maxPoints: 2,
			outcomes
		},
		{
			id: 'breach-severity',
			title: 'Grading the breach: severity',
			prompt: 'How severe could the effect on the patient be? (DSPT scale)',
			panels: [facts],
			input: 'choice',
			choices: SEVERITY_CHOICES,
			key: {
				correct: [`s${g.severity}`],
				correctText: SEVERITY_CHOICES[g.severity - 1].label,
				wrong: scaleWrong(g.severity, 's'),
				wrongDate: 'major',
				rule: 'breach.grading',
				reasons: g.reasons.slice(0, 1)
			},
			hint,
			maxPoints: 2,
			outcomes
		},
		{
			id: 'breach-ico',
			title: 'Telling the ICO',
			prompt: `Graded likelihood ${g.likelihood}, severity ${g.severity}. What does the IG team do about the ICO?`,
			panels: [facts],
			input: 'choice',
			choices: icoChoices,
			key: {
				correct: [icoRight],
				correctText: icoChoices.find((c) => c.id === icoRight)!.label,
				// Not logging a breach at all hides it: critical (issue 9). Over-reporting is a small matter.
				wrong: g.notifyIco
					? { 'record-only': 'major', 'no-record': 'critical' }
					: { 'report-ico': 'minor', 'no-record': 'critical' },
				wrongDate: 'major',
				rule: g.reasons[1].rule,
				reasons: g.reasons.slice(0, 2)
			},
			hint: 'Likely or worse, with at least a minor adverse effect, goes to the ICO within 72 hours. Every breach is logged either way (handbook 4.10).',
			maxPoints: 3,
			outcomes
		},
		{
			id: 'breach-tell',
			title: 'Telling the patient',
			prompt: 'Must the patient be told?',
			panels: [facts],
			input: 'choice',
			choices: tellChoices,
			key: {
				correct: [tellRight],
				correctText: tellChoices.find((c) => c.id === tellRight)!.label,
				wrong: g.tellIndividuals ? { 'no-duty': 'major' } : { 'tell-patient': 'minor' },
				wrongDate: 'major',
				rule: 'breach.tell-individuals',
				reasons: [g.reasons[0], g.reasons[2]]
			},
			hint: 'People must be told when the risk to them is high: a serious or worse effect that is likely to happen (handbook 4.10).',
			maxPoints: 2,
			outcomes
		}
	];
	return { steps, notify: g.notifyIco };
}

export function buildDeskDayCase(params: DeskDayParams, seed: number, today: string): DpCase {
	const random = seededRandom(seed);
	const people = peopleFor(seed, today, 4).map((p) => `${p.forename} ${p.surname}`);
	const settings = params.pas ? dpTrustSettings('dp-desk', seed, today) : null;
	const desk = settings ? deskPeople(random, settings) : null;
	let order: MomentKind[];
	if (desk) {
		// With the PAS: the day starts with a real look-up and always has a temptation to look without a need.
		const pool = shuffled(random, [
			...MOMENTS.filter((m) => m !== 'misdirected-email'),
			'family-lookup' as const,
			'own-record' as const
		]);
		const picked: MomentKind[] = pool.slice(0, Math.max(1, params.items - 2));
		if (!picked.some((m) => m === 'colleague-lookup' || m === 'family-lookup' || m === 'own-record'))
			picked[picked.length - 1] = random() < 0.5 ? 'colleague-lookup' : 'family-lookup';
		order = ['work-lookup', ...picked];
	} else {
		const others = shuffled(
			random,
			MOMENTS.filter((m) => m !== 'misdirected-email')
		);
		order = others.slice(0, params.items - 1);
	}
	// The misdirected email is always part of the day; it lands somewhere after the first moment.
	order.splice(1 + randomInt(random, Math.max(1, order.length)), 0, 'misdirected-email');
	const day = daysBefore(random, today, 0, 30);
	const awareAt = `${day}T${String(9 + randomInt(random, 8)).padStart(2, '0')}:${String(randomInt(random, 4) * 15).padStart(2, '0')}`;
	const work: WorkItem[] = desk
		? [
				{
					patient: desk.work.index,
					task: 'the fracture clinic’s request',
					reasons: ['enquiry', 'clinic-preparation']
				}
			]
		: [];
	const known: KnownPerson[] = desk
		? [
				{ patient: desk.neighbour.index, relation: desk.neighbour.relation },
				{ patient: desk.family.index, relation: 'family' },
				{ patient: desk.self.index, relation: 'self' }
			]
		: [];
	// The trust's LOCAL rules this day depends on: only self-access so far (handbook 4.11).
	const rules: Partial<TrustRules> = params.selfAccess ? { selfAccess: params.selfAccess } : {};
	const pasCheck = (mode: PasCheck['mode']): PasCheck | undefined =>
		settings
			? {
					mode,
					trust: settings,
					defaultReason: mode === 'find' ? 'enquiry' : '',
					...(mode === 'find' ? { target: desk!.work.index, targetName: desk!.work.name } : {}),
					work,
					known,
					rules
				}
			: undefined;
	const steps: DpStep[] = [];
	order.forEach((kind, i) => {
		const { title, panels, moment } = momentPanels(
			kind,
			shuffled(random, people),
			awareAt,
			random() < 0.5,
			desk
		);
		const table = securityActions(moment, rules);
		const actions = shuffled(random, Object.keys(table) as SecurityAction[]);
		const verdict = assessSecurityAction(moment, actions[0], rules);
		const labels = LABELS[kind]!;
		const choices = actions.map((a) => ({ id: a, label: labels[a] ?? a }));
		const wrong: Partial<Record<string, DecisionOutcome>> = {};
		for (const a of actions) wrong[a] = SEVERITY[table[a]!];
		const lookup =
			kind === 'work-lookup' ||
			kind === 'family-lookup' ||
			kind === 'colleague-lookup' ||
			kind === 'own-record';
		steps.push({
			id: `moment-${i + 1}`,
			title: `Moment ${i + 1}: ${title}`,
			prompt: 'What do you do?',
			panels,
			input: 'choice',
			choices,
			key: {
				correct: verdict.best,
				correctText: verdict.best.map((a) => labels[a]).join(', or: '),
				wrong,
				wrongDate: 'major',
				rule: verdict.reasons[0].rule,
				reasons: verdict.reasons
			},
			hint:
				kind === 'work-lookup'
					? 'This one is real work: look the patient up, match three identifiers including the NHS number, and give the reason for opening the record (handbook 1.6, 3.5).'
					: kind === 'own-record'
						? 'Your own record is a local rule: what does this trust allow? Most do not let staff look themselves up, and every patient can ask the clinic or make a subject access request (handbook 4.7, 4.11).'
						: 'Ask yourself: does my work need this? Would the patient expect it? If something has gone wrong, or nearly did, who needs to know? (handbook 4.10-4.12)',
			// A reported near miss earns more, because reporting is the habit this moment teaches (handbook 4.10).
			maxPoints: kind === 'printout-left' ? 3 : 2,
			outcomes: OUTCOMES[kind],
			...(lookup && settings ? { pas: pasCheck(kind === 'work-lookup' ? 'find' : 'avoid') } : {})
		});
		if (kind === 'misdirected-email') {
			const breach = params.breachGrading ? breachSteps(random, people[0], awareAt) : null;
			if (breach) steps.push(...breach.steps);
			if (params.breachClock && (!breach || breach.notify)) {
				const due = breachReportDeadline(awareAt);
				steps.push({
					id: 'breach-clock',
					title: 'The 72-hour clock',
					prompt:
						'The IG team judges the breach likely to risk the patient’s rights, so the ICO must be told. What is the latest date and time for that report?',
					panels: [
						{
							title: 'Incident log',
							style: 'form',
							lines: [`The trust became aware of the breach on ${longDate(awareAt)} (UK time).`]
						}
					],
					input: 'datetime',
					choices: [],
					dateLabel: 'Report to the ICO by (date and time)',
					key: {
						correct: [due],
						correctText: longDate(due),
						wrong: {},
						wrongDate: 'major',
						rule: 'breach.ico-72-hours',
						reasons: [
							reason('breach.ico-72-hours'),
							reason('breach.ico-72-hours', `From ${longDate(awareAt)} that is ${longDate(due)}`)
						]
					},
					hint: 'Count 72 hours straight on from the moment the trust became aware: weekends and nights count (handbook 4.10).',
					maxPoints: 3,
					outcomes: ['dsa.breaches']
				});
			}
		}
	});
	if (settings)
		steps.push({
			id: 'own-audit',
			title: 'End of the day: your own audit trail',
			prompt:
				'The IG team audits every record opened today. Look at your own trail on the PAS (the Audit trail tab). Is there anything you must report?',
			panels: [
				{
					title: '17:00',
					style: 'note',
					lines: [
						'Before you go home, check what the PAS logged against your smartcard today: each record you opened, when, and the reason you gave.'
					]
				}
			],
			input: 'choice',
			choices: AUDIT_CHOICES,
			key: {
				// The right answer is worked out from the learner's own trail when they answer (see judgeStep).
				correct: ['nothing-to-report'],
				correctText: AUDIT_CHOICES[0].label,
				wrong: { 'report-own-access': 'minor' },
				wrongDate: 'major',
				rule: 'access.audit-trail',
				reasons: [reason('access.audit-trail')]
			},
			hint: 'Open the Audit trail tab. For each record: which task needed it? If none did, say so now (handbook 3.5, 4.12).',
			maxPoints: 3,
			outcomes: ['dsa.law-and-principles', 'dsa.breaches'],
			pas: pasCheck('audit')
		});
	return { steps };
}

export const recordsDeskDay = linearKind({
	kind: 'records-desk-day',
	machineVersion: 2,
	paramsSchema,
	build: buildDeskDayCase
});
