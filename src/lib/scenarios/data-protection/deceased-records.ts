/**
 * "A deceased patient's records" (family: data protection; handbook 4.5, 4.8). Applications arrive for the record
 * of a patient who has died: from the executor, from a relative who says they are next of kin, from someone with
 * a claim arising from the death. For each, the learner decides what the Access to Health Records Act 1990 allows,
 * then works out the deadline for the valid application. Answers come from ahraAccess and ahraDeadlineDetail.
 */
import { z } from '../zod';
import { ahraAccess, ahraDeadlineDetail, type AhraAccess, type Paperwork } from '../../domain';
import type { OutcomeId } from '../outcomes';
import { seededRandom, shuffled } from '../prng';
import { linearKind, longDate, type DpCase, type DpStep } from './common';
import { daysBefore, peopleFor } from './people';

export const paramsSchema = z.object({
	items: z
		.number({ error: 'must be a number of applications' })
		.int('must be a whole number')
		.min(1, 'must be at least 1 application')
		.max(3, 'must be at most 3 applications'),
	/** Ask for the deadline of each valid application, not just the first. */
	everyDeadline: z.boolean({ error: 'must be true or false' })
});
export type AhraParams = z.infer<typeof paramsSchema>;

const OUTCOMES: OutcomeId[] = ['dsa.law-and-principles', 'ba3.legal-requirements'];

type Applicant = 'executor' | 'next-of-kin' | 'claimant';

const LABELS: Record<AhraAccess | 'copy-now', string> = {
	'whole-record': 'Accept under the Access to Health Records Act: they may see the whole record',
	'relevant-to-claim': 'Accept under the Act, but only the information relevant to their claim',
	none: 'Explain kindly that they have no right under the Act, so nothing is released',
	'copy-now': 'Give them a copy straight away: they are family'
};

export function buildAhraCase(params: AhraParams, seed: number, today: string): DpCase {
	const random = seededRandom(seed);
	const [patient, a, b, c] = peopleFor(seed, today, 4);
	const died = daysBefore(random, today, 30, 200);
	const recentEntry = random() < 0.5;
	const order = shuffled(random, ['executor', 'next-of-kin', 'claimant'] as Applicant[]);
	const applicants = order.slice(0, params.items);
	if (params.items < 3 && !applicants.some((x) => x !== 'next-of-kin')) applicants[0] = 'executor';
	const steps: DpStep[] = [];
	const names = [a, b, c];
	let deadlines = 0;
	applicants.forEach((who, i) => {
		const person = names[i];
		const received = daysBefore(random, today, 1, 10);
		// The record was last added to shortly before the application (a post-mortem report) or long before it.
		const lastAdded = recentEntry
			? daysBefore(random, received, 3, 35)
			: daysBefore(random, received, 45, 120);
		const paperwork: Paperwork =
			who === 'executor'
				? { personalRepresentative: true }
				: who === 'claimant'
					? { claimArisingFromDeath: true }
					: {};
		const access = ahraAccess(paperwork);
		const letter =
			who === 'executor'
				? [
						`I am the executor named in the will of ${patient.name}, who died on ${longDate(died)}. I enclose a copy of the grant of probate and my photo ID. Please send me a copy of the hospital records.`
					]
				: who === 'claimant'
					? [
							`My partner ${patient.name} died on ${longDate(died)} after an operation at your hospital. I am bringing a claim for his care. Details of the claim and my ID are enclosed. Please send the records that relate to it.`
						]
					: [
							`I am ${patient.name}'s eldest child and next of kin. Mum died on ${longDate(died)}. I want to see her hospital notes. I have no other paperwork, but everyone knows I am next of kin.`
						];
		const choices = (['whole-record', 'relevant-to-claim', 'none', 'copy-now'] as const).map((id) => ({
			id,
			label: LABELS[id]
		}));
		steps.push({
			id: `applicant-${i + 1}`,
			title: `Application ${i + 1} of ${applicants.length}: ${person.name}`,
			prompt: 'What does this applicant get?',
			panels: [
				{ title: `Letter received ${longDate(received)}`, style: 'letter', lines: letter },
				{
					title: 'The record',
					style: 'record',
					lines: [
						`${patient.name}, born ${longDate(patient.dateOfBirth)}, died ${longDate(died)}.`,
						`Last entry added: ${longDate(lastAdded)}.`
					]
				}
			],
			input: 'choice',
			choices,
			key: {
				correct: [access.access],
				correctText: LABELS[access.access],
				wrong:
					access.access === 'none'
						? { 'whole-record': 'critical', 'relevant-to-claim': 'critical', 'copy-now': 'critical' }
						: access.access === 'relevant-to-claim'
							? { 'whole-record': 'critical', 'copy-now': 'critical', none: 'major' }
							: { 'relevant-to-claim': 'minor', 'copy-now': 'major', none: 'major' },
				wrongDate: 'major',
				rule: access.reasons[0].rule,
				reasons: access.reasons
			},
			hint: 'Under the Act only the personal representative, or someone with a claim arising from the death, may apply. “Next of kin” gives no right on its own (handbook 4.8).',
			maxPoints: 2,
			outcomes: OUTCOMES
		});
		if (access.access !== 'none' && (deadlines === 0 || params.everyDeadline)) {
			deadlines += 1;
			const detail = ahraDeadlineDetail(received, lastAdded);
			steps.push({
				id: `deadline-${i + 1}`,
				title: `Deadline for ${person.name}'s application`,
				prompt: 'By what date must access be given?',
				panels: [
					{
						title: 'Dates',
						style: 'form',
						lines: [
							`Application received (with everything needed): ${longDate(received)}.`,
							`The record was last added to on ${longDate(lastAdded)}.`,
							'Count the day the application arrives as day 1 (this trust’s setting).'
						]
					}
				],
				input: 'date',
				choices: [],
				dateLabel: 'Access due by',
				key: {
					correct: [detail.deadline],
					correctText: `${longDate(detail.deadline)} (${detail.days} days)`,
					wrong: {},
					wrongDate: 'major',
					rule: 'ahra.time-limit',
					reasons: detail.reasons
				},
				hint: 'Was the record added to in the 40 days before the application? Then the limit is 21 days; otherwise 40 (handbook 4.8).',
				maxPoints: 3,
				outcomes: OUTCOMES
			});
		}
	});
	if (steps.length === 0) throw new RangeError('no steps');
	return { steps };
}

export const deceasedRecords = linearKind({
	kind: 'deceased-patient-records',
	machineVersion: 1,
	paramsSchema,
	build: buildAhraCase
});
