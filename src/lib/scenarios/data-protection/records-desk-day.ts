/**
 * "A day on the records desk" (family: data protection; handbook 3.5, 4.10-4.12). A sequence of everyday moments,
 * each a choice: a colleague wanting a neighbour looked up, a smartcard to borrow, a clinic list on the printer,
 * an unlocked screen, an email with identifiers in the subject to an outside address, an email sent to the wrong
 * person (then the 72-hour ICO clock), notes stolen from a car. Verdicts come from assessSecurityAction and the
 * deadline from breachReportDeadline. Reporting a near miss is rewarded with the step's extra points.
 */
import { z } from '../zod';
import {
	assessSecurityAction,
	breachReportDeadline,
	securityActions,
	type SecurityAction,
	type SecurityMoment,
	type SecurityVerdict
} from '../../domain';
import { reason } from '../../domain/rules';
import type { DecisionOutcome } from '../decisions';
import type { OutcomeId } from '../outcomes';
import { randomInt, seededRandom, shuffled } from '../prng';
import { linearKind, longDate, type DpCase, type DpStep, type Panel } from './common';
import { daysBefore, peopleFor } from './people';

export const MOMENTS = [
	'colleague-lookup',
	'smartcard-borrow',
	'printout-left',
	'unlocked-screen',
	'email-external',
	'misdirected-email',
	'notes-in-car'
] as const;
type MomentKind = (typeof MOMENTS)[number];

export const paramsSchema = z.object({
	items: z
		.number({ error: 'must be a number of moments' })
		.int('must be a whole number')
		.min(2, 'must be at least 2 moments')
		.max(7, 'must be at most 7 moments'),
	/** After the misdirected email, ask for the latest time the ICO may be told (handbook 4.10). */
	breachClock: z.boolean({ error: 'must be true or false' })
});
export type DeskDayParams = z.infer<typeof paramsSchema>;

const OUTCOMES: Record<MomentKind, OutcomeId[]> = {
	'colleague-lookup': ['dsa.law-and-principles', 'dsa.breaches'],
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

function momentPanels(
	kind: MomentKind,
	names: string[],
	at: string,
	flip: boolean
): { title: string; panels: Panel[]; moment: SecurityMoment } {
	const [patient, colleague, neighbour] = names;
	switch (kind) {
		case 'colleague-lookup': {
			const alreadyLooked = flip;
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
							`You sent ${patient}'s clinic letter to an outside address picked by autocomplete: another person with a similar name. You noticed as soon as it went.`
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

export function buildDeskDayCase(params: DeskDayParams, seed: number, today: string): DpCase {
	const random = seededRandom(seed);
	const people = peopleFor(seed, today, 4).map((p) => `${p.forename} ${p.surname}`);
	const others = shuffled(
		random,
		MOMENTS.filter((m) => m !== 'misdirected-email')
	);
	const picked = others.slice(0, params.items - 1);
	const order: MomentKind[] = [...picked];
	// The misdirected email is always part of the day; it lands somewhere after the first moment.
	order.splice(1 + randomInt(random, Math.max(1, order.length)), 0, 'misdirected-email');
	const day = daysBefore(random, today, 0, 30);
	const awareAt = `${day}T${String(9 + randomInt(random, 8)).padStart(2, '0')}:${String(randomInt(random, 4) * 15).padStart(2, '0')}`;
	const steps: DpStep[] = [];
	order.forEach((kind, i) => {
		const { title, panels, moment } = momentPanels(kind, shuffled(random, people), awareAt, random() < 0.5);
		const table = securityActions(moment);
		const actions = shuffled(random, Object.keys(table) as SecurityAction[]);
		const verdict = assessSecurityAction(moment, actions[0]);
		const labels = LABELS[kind]!;
		const choices = actions.map((a) => ({ id: a, label: labels[a] ?? a }));
		const wrong: Partial<Record<string, DecisionOutcome>> = {};
		for (const a of actions) wrong[a] = SEVERITY[table[a]!];
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
			hint: 'Ask yourself: does my work need this? Would the patient expect it? If something has gone wrong, or nearly did, who needs to know? (handbook 4.10-4.12)',
			// A reported near miss earns more, because reporting is the habit this moment teaches (handbook 4.10).
			maxPoints: kind === 'printout-left' ? 3 : 2,
			outcomes: OUTCOMES[kind]
		});
		if (kind === 'misdirected-email' && params.breachClock) {
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
	});
	return { steps };
}

export const recordsDeskDay = linearKind({
	kind: 'records-desk-day',
	machineVersion: 1,
	paramsSchema,
	build: buildDeskDayCase
});
