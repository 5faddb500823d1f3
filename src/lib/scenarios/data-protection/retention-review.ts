/**
 * "Retention and disposal review" (family: data protection; handbook 5.1-5.3). A batch of records from the
 * off-site store, each with its type and dates. For each the learner decides: destroy (destruction register entry
 * and certificate), keep until a review date they enter, keep under a legal hold or inquiry moratorium, or
 * transfer to a Place of Deposit. The traps: a child record where being 17 when care ended moves the date, a record
 * that came back into use, and a mental health record of a patient who died. Every answer comes from
 * appraiseRecord (which calls retentionReview and disposalOptions); destroying under a hold is a critical error.
 */
import { z } from '../zod';
import { appraiseRecord, type AppraisalOutcome, type RetentionRecord } from '../../domain';
import type { DecisionOutcome } from '../decisions';
import type { OutcomeId } from '../outcomes';
import { randomInt, seededRandom, shuffled } from '../prng';
import { linearKind, longDate, type DpCase, type DpStep } from './common';
import { daysBefore, peopleFor, plusDays, plusYears } from './people';

export const paramsSchema = z.object({
	items: z
		.number({ error: 'must be a number of records' })
		.int('must be a whole number')
		.min(3, 'must be at least 3 records')
		.max(12, 'must be at most 12 records'),
	/** Include the three traps (17 at end of care, reuse, mental health and death). */
	traps: z.boolean({ error: 'must be true or false' }),
	/** Include a record under a legal hold or an inquiry moratorium. */
	holds: z.boolean({ error: 'must be true or false' })
});
export type RetentionParams = z.infer<typeof paramsSchema>;

const OUTCOMES: OutcomeId[] = ['ihrim.retention', 'dsa.law-and-principles'];

type Variant =
	| 'adult-due'
	| 'adult-not-due'
	| 'maternity-due'
	| 'preservation'
	| 'legal-hold'
	| 'inquiry'
	| 'child-17'
	| 'reused'
	| 'mental-health-died';

const TYPE_WORDS: Record<RetentionRecord['type'], string> = {
	adult: 'Adult hospital record',
	child: 'Children’s record (paediatrics)',
	maternity: 'Maternity record',
	'mental-health': 'Mental health record',
	oncology: 'Oncology record',
	gp: 'GP record',
	'adult-social-care': 'Adult social care record',
	'gp-deregistered': 'GP record (deregistered)',
	cjd: 'CJD record',
	'blood-transfusion': 'Transfusion record'
};

const CHOICE_FOR: Record<AppraisalOutcome, string> = {
	destroy: 'destroy',
	'keep-until': 'keep-until',
	'keep-on-hold': 'keep-on-hold',
	'transfer-to-place-of-deposit': 'transfer'
};

const CHOICES = [
	{
		id: 'destroy',
		label: 'Destroy securely: add it to the destruction register and get a certificate of destruction'
	},
	{ id: 'keep-until', label: 'Keep: it is not due yet (enter the date it is next due for review)' },
	{ id: 'keep-on-hold', label: 'Keep under the legal hold or inquiry moratorium' },
	{ id: 'transfer', label: 'Transfer to the Place of Deposit for permanent preservation' }
];

interface Built {
	record: RetentionRecord;
	notes: string[];
	preserve?: boolean;
}

function build(v: Variant, random: () => number, today: string): Built {
	const yearsAgo = (min: number, max: number) => daysBefore(random, today, min * 365 + 10, max * 365);
	switch (v) {
		case 'adult-due':
			return { record: { type: 'adult', lastSeen: yearsAgo(9, 15) }, notes: [] };
		case 'adult-not-due':
			return { record: { type: 'adult', lastSeen: yearsAgo(1, 7) }, notes: [] };
		case 'maternity-due':
			return { record: { type: 'maternity', lastChildBorn: yearsAgo(26, 30) }, notes: [] };
		case 'preservation':
			return {
				record: { type: 'adult', lastSeen: yearsAgo(10, 15) },
				notes: [
					'Appraisal note from the archivist: selected for permanent preservation (one of the first patients treated in the new heart unit).'
				],
				preserve: true
			};
		case 'legal-hold':
			return {
				record: { type: 'adult', lastSeen: yearsAgo(9, 15), legalHold: true },
				notes: [
					'Legal services: hold notice in force. A claim about this patient’s care is expected. Do not destroy.'
				]
			};
		case 'inquiry':
			return {
				record: { type: 'adult', lastSeen: yearsAgo(20, 30), inquiries: ['infected-blood'] },
				notes: [
					'Blood transfusion recorded in this admission. Flagged as relevant to the Infected Blood Inquiry.'
				]
			};
		case 'child-17': {
			// Care ended at 17; the 25th birthday has passed but the 26th has not.
			const dob = plusYears(daysBefore(random, today, 30, 300), -25);
			return {
				record: {
					type: 'child',
					dateOfBirth: dob,
					lastSeen: plusDays(plusYears(dob, 17), 30 + randomInt(random, 200))
				},
				notes: []
			};
		}
		case 'reused': {
			const lastSeen = yearsAgo(9, 14);
			return {
				record: { type: 'adult', lastSeen, reusedOn: [yearsAgo(1, 5)] },
				notes: []
			};
		}
		case 'mental-health-died': {
			const lastSeen = yearsAgo(12, 19);
			return { record: { type: 'mental-health', lastSeen, dateOfDeath: yearsAgo(10, 11) }, notes: [] };
		}
	}
}

export function buildRetentionCase(params: RetentionParams, seed: number, today: string): DpCase {
	const random = seededRandom(seed);
	const must: Variant[] = [
		...(params.traps ? (['child-17', 'reused', 'mental-health-died'] as const) : []),
		...(params.holds ? [random() < 0.5 ? ('legal-hold' as const) : ('inquiry' as const)] : [])
	];
	const fill: Variant[] = ['adult-due', 'adult-not-due', 'maternity-due', 'preservation'];
	const variants = [...must];
	for (let i = 0; variants.length < params.items; i++)
		variants.push(fill[(i + randomInt(random, 2)) % fill.length]);
	const order = shuffled(random, variants.slice(0, Math.max(params.items, must.length)));
	const people = peopleFor(seed, today, order.length);
	const steps: DpStep[] = order.map((v, i) => {
		const { record, notes, preserve } = build(v, random, today);
		const person = people[i % people.length];
		const a = appraiseRecord(record, today, { selectedForPreservation: preserve });
		const right = CHOICE_FOR[a.outcome];
		const wrong: Partial<Record<string, DecisionOutcome>> =
			a.outcome === 'keep-on-hold'
				? { destroy: 'critical', transfer: 'major', 'keep-until': 'minor' }
				: a.outcome === 'keep-until'
					? { destroy: 'major', transfer: 'major', 'keep-on-hold': 'minor' }
					: a.outcome === 'transfer-to-place-of-deposit'
						? { destroy: 'major', 'keep-until': 'minor', 'keep-on-hold': 'minor' }
						: { 'keep-until': 'minor', 'keep-on-hold': 'minor', transfer: 'minor' };
		const lines = [
			`${TYPE_WORDS[record.type]}. Patient: ${person.forename} ${person.surname}.`,
			...(record.dateOfBirth ? [`Date of birth: ${longDate(record.dateOfBirth)}.`] : []),
			...(record.lastSeen ? [`Last seen (end of care): ${longDate(record.lastSeen)}.`] : []),
			...(record.lastChildBorn ? [`Birth of last child: ${longDate(record.lastChildBorn)}.`] : []),
			...(record.dateOfDeath ? [`Date of death: ${longDate(record.dateOfDeath)}.`] : []),
			...(record.reusedOn ?? []).map(
				(d) => `Tracking: booked out to the fracture clinic on ${longDate(d)}; the patient was seen again.`
			),
			...notes
		];
		return {
			id: `record-${i + 1}`,
			title: `Record ${i + 1} of ${order.length}`,
			prompt: `Today, ${longDate(today)}, is review day. What happens to this record?`,
			panels: [{ title: `Box ${100 + i}, off-site store`, style: 'record', lines }],
			input: 'choice-date',
			choices: CHOICES,
			dateFor: ['keep-until'],
			dateLabel: 'Next review date',
			key: {
				correct: [right],
				correctText:
					a.outcome === 'keep-until' && a.keepUntil
						? `Keep until ${longDate(a.keepUntil)}`
						: CHOICES.find((c) => c.id === right)!.label,
				correctDate: a.keepUntil ?? undefined,
				wrong,
				wrongDate: 'major',
				rule: a.reasons[0].rule,
				reasons: a.reasons
			},
			hint: 'First check for a hold or inquiry. Then work out when the retention clock started (end of care, a later visit, or death) and the period for this type of record (handbook 5.1, 5.2).',
			maxPoints: 2,
			outcomes: OUTCOMES
		};
	});
	return { steps };
}

export const retentionReviewKind = linearKind({
	kind: 'retention-disposal-review',
	machineVersion: 1,
	paramsSchema,
	build: buildRetentionCase
});
