/**
 * "Spot the wrong NHS number" (family: identification; handbook 1.1-1.3). A tray of documents and wristbands
 * each shows an NHS number; some are valid test-range numbers, others are a valid number with one digit wrong
 * or two neighbouring digits swapped. The learner accepts or rejects each one. Every validity rule comes from
 * $lib/domain/nhs-number: this file only builds the tray and words the feedback.
 */
import { z } from '$lib/scenarios/zod';
import { checkDigitFor, generateTestNhsNumber, isValidNhsNumber } from '../../domain/nhs-number';
import type { Choice, RuleRef } from '../decisions';
import type { Judgement, ScenarioKind, StepView } from '../kind';
import type { OutcomeId } from '../outcomes';
import { randomInt, seededRandom, shuffled } from '../prng';

export type ErrorKind = 'single-digit' | 'transposition';
export type Truth = 'valid' | ErrorKind;

export const paramsSchema = z.object({
	items: z
		.number({ error: 'must be a number of documents' })
		.int('must be a whole number')
		.min(2, 'must be at least 2 documents')
		.max(30, 'must be at most 30 documents'),
	/** Share of the tray with a wrong number, 0-1. At least one of each kind is always included. */
	invalidShare: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
	errorKinds: z
		.array(z.enum(['single-digit', 'transposition'], { error: 'must be single-digit or transposition' }))
		.min(1, 'must list at least one kind of error'),
	/** Ask, for each rejected number, what kind of error it is. */
	askErrorKind: z.boolean({ error: 'must be true or false' })
});
export type NhsCheckParams = z.infer<typeof paramsSchema>;

export const answerSchema = z.object({
	verdict: z.enum(['accept', 'reject']),
	errorKind: z.enum(['single-digit', 'transposition', 'not-sure']).optional()
});
export type NhsCheckAnswer = z.infer<typeof answerSchema>;

export interface TrayItem {
	id: string;
	document: string;
	/** The 10 digits as shown on the document. */
	shown: string;
	truth: Truth;
	/** The valid number an error was made from (the same as `shown` when valid). */
	source: string;
}

export interface NhsCheckCase {
	items: TrayItem[];
	askErrorKind: boolean;
}

export interface NhsCheckView {
	document: string;
	/** Shown in 3-3-4 groups, as on real paperwork (handbook 1.1). */
	display: string;
	askErrorKind: boolean;
}

const DOCUMENTS = [
	'Wristband',
	'Clinic letter',
	'Blood test request form',
	'Referral letter',
	'Discharge summary',
	'Appointment card',
	'X-ray request',
	'Outpatient continuation sheet'
];

const POINTS_PER_ITEM = 2;
const OUTCOMES: OutcomeId[] = ['ihrim.unique-identifiers', 'ihrim.positive-identification', 'ba3.records'];

export const MOD11_RULE: RuleRef = {
	id: 'nhs.modulus-11',
	handbook: '1.2',
	text: 'An NHS number is valid only when its tenth digit matches the Modulus 11 check digit worked out from the first nine.'
};

/** 3-3-4 groups for display. formatNhsNumber refuses invalid numbers on purpose; this tray must show them. */
export function groupDigits(digits: string): string {
	return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** Changes one digit after the 999 prefix (so the number still looks like a test number). */
function singleDigitError(random: () => number, valid: string): string {
	for (;;) {
		const pos = 3 + randomInt(random, 7);
		const old = Number(valid[pos]);
		const replacement = (old + 1 + randomInt(random, 9)) % 10;
		const wrong = valid.slice(0, pos) + replacement + valid.slice(pos + 1);
		if (!isValidNhsNumber(wrong)) return wrong;
	}
}

/** Swaps two neighbouring, different digits after the prefix; null if every swap happens to pass the check. */
function transpositionError(random: () => number, valid: string): string | null {
	const positions = shuffled(
		random,
		[3, 4, 5, 6, 7, 8].filter((p) => valid[p] !== valid[p + 1])
	);
	for (const p of positions) {
		const wrong = valid.slice(0, p) + valid[p + 1] + valid[p] + valid.slice(p + 2);
		if (!isValidNhsNumber(wrong)) return wrong;
	}
	return null;
}

export function buildTray(params: NhsCheckParams, seed: number): NhsCheckCase {
	const random = seededRandom(seed);
	const n = params.items;
	const invalid = Math.min(n - 1, Math.max(1, Math.round(n * params.invalidShare)));
	const truths: Truth[] = [];
	for (let i = 0; i < n; i++) {
		truths.push(i < invalid ? params.errorKinds[i % params.errorKinds.length] : 'valid');
	}
	const seen = new Set<string>();
	const items: TrayItem[] = [];
	for (const truth of shuffled(random, truths)) {
		let source: string;
		let shown: string;
		let kind = truth;
		do {
			source = generateTestNhsNumber(random);
			shown = source;
			if (kind === 'transposition') {
				const t = transpositionError(random, source);
				if (t === null) kind = 'single-digit';
				else shown = t;
			}
			if (kind === 'single-digit') shown = singleDigitError(random, source);
		} while (seen.has(shown));
		seen.add(shown);
		items.push({
			id: `item-${items.length + 1}`,
			document: DOCUMENTS[randomInt(random, DOCUMENTS.length)],
			shown,
			truth: kind,
			source
		});
	}
	return { items, askErrorKind: params.askErrorKind };
}

function itemOf(c: NhsCheckCase, stepId: string): TrayItem {
	const item = c.items.find((i) => i.id === stepId);
	if (!item) throw new RangeError(`No tray item ${stepId}`);
	return item;
}

function choicesFor(c: NhsCheckCase): Choice[] {
	if (!c.askErrorKind)
		return [
			{ id: 'accept', label: 'Accept: the number passes the check' },
			{ id: 'reject', label: 'Reject: the number fails the check' }
		];
	return [
		{ id: 'accept', label: 'Accept: the number passes the check' },
		{ id: 'reject-single-digit', label: 'Reject: one digit is wrong' },
		{ id: 'reject-transposition', label: 'Reject: two neighbouring digits are swapped' },
		{ id: 'reject-not-sure', label: 'Reject: fails the check, not sure why' }
	];
}

function responseId(c: NhsCheckCase, a: NhsCheckAnswer): string {
	if (a.verdict === 'accept') return 'accept';
	return c.askErrorKind ? `reject-${a.errorKind ?? 'not-sure'}` : 'reject';
}

function whyInvalid(item: TrayItem): string {
	const stem = item.shown.slice(0, 9);
	const expected = checkDigitFor(stem);
	const check =
		expected === null
			? `The first nine digits, ${groupDigits(item.shown).slice(0, 11)}, leave a remainder of 1, so no check digit is possible and no such number is ever issued.`
			: `The first nine digits give a check digit of ${expected}, but this number ends in ${item.shown[9]}.`;
	const how =
		item.truth === 'transposition'
			? `It is ${groupDigits(item.source)} with two neighbouring digits swapped.`
			: `It is ${groupDigits(item.source)} with one digit wrong.`;
	return `${check} ${how}`;
}

export const nhsNumberCheck: ScenarioKind<NhsCheckParams, NhsCheckCase, NhsCheckAnswer, NhsCheckView> = {
	kind: 'nhs-number-check',
	family: 'identification',
	machineVersion: 1,
	paramsSchema,
	answerSchema,
	setup: (definition, seed) => buildTray(definition.params, seed),
	firstStep: (c) => c.items[0].id,
	view(c, stepId): StepView<NhsCheckView> {
		const item = itemOf(c, stepId);
		const index = c.items.indexOf(item);
		return {
			id: item.id,
			index,
			total: c.items.length,
			prompt: `${item.document}: NHS Number ${groupDigits(item.shown)}. Accept or reject it?`,
			choices: choicesFor(c),
			data: { document: item.document, display: groupDigits(item.shown), askErrorKind: c.askErrorKind }
		};
	},
	judge(c, stepId, answer): Judgement {
		const item = itemOf(c, stepId);
		const valid = isValidNhsNumber(item.shown);
		const chosen = choicesFor(c).find((ch) => ch.id === responseId(c, answer));
		const response = { value: responseId(c, answer), text: chosen?.label ?? responseId(c, answer) };
		const base = { response, maxPoints: POINTS_PER_ITEM, outcomes: OUTCOMES, rule: MOD11_RULE };
		if (valid) {
			const correct = { values: ['accept'], text: 'Accept: the number passes the Modulus 11 check' };
			return answer.verdict === 'accept'
				? {
						...base,
						correct,
						outcome: 'correct',
						explanation: `${groupDigits(item.shown)} passes the Modulus 11 check, so it can be accepted (handbook 1.2).`
					}
				: {
						...base,
						correct,
						outcome: 'minor',
						explanation: `${groupDigits(item.shown)} passes the Modulus 11 check (handbook 1.2). Rejecting a good number sends the document back and delays the patient's care: work the check again before rejecting.`
					};
		}
		const rightValue = c.askErrorKind ? `reject-${item.truth}` : 'reject';
		const correct = {
			values: [rightValue],
			text:
				item.truth === 'transposition' && c.askErrorKind
					? 'Reject: two neighbouring digits are swapped'
					: item.truth === 'single-digit' && c.askErrorKind
						? 'Reject: one digit is wrong'
						: 'Reject: the number fails the Modulus 11 check'
		};
		if (answer.verdict === 'accept') {
			return {
				...base,
				correct,
				outcome: 'critical',
				explanation: `${whyInvalid(item)} Accepting a number that fails the check can attach this document to the wrong patient's record (handbook 1.2, 1.7). Reject it and get the number checked against PDS (handbook 1.4).`
			};
		}
		const kindRight = !c.askErrorKind || answer.errorKind === item.truth;
		return {
			...base,
			correct,
			outcome: kindRight ? 'correct' : 'minor',
			explanation: kindRight
				? `Right to reject it. ${whyInvalid(item)} (handbook 1.2)`
				: `Right to reject it, but the kind of error was not spotted. ${whyInvalid(item)} (handbook 1.2)`
		};
	},
	next(c, stepId) {
		const i = c.items.findIndex((it) => it.id === stepId);
		return i >= 0 && i + 1 < c.items.length ? c.items[i + 1].id : null;
	},
	hint(c, stepId) {
		const item = itemOf(c, stepId);
		const weights = [10, 9, 8, 7, 6, 5, 4, 3, 2];
		const products = weights.map((w, i) => `${item.shown[i]}×${w}`).join(' + ');
		return `Multiply each of the first nine digits by 10, 9, 8 … 2: ${products}. Add them up, divide by 11 and take the remainder away from 11 (11 means 0; 10 means no valid number). Compare the answer with the last digit, ${item.shown[9]} (handbook 1.2).`;
	},
	possiblePoints: (c) => c.items.length * POINTS_PER_ITEM,
	answerOptions: (c) =>
		c.askErrorKind
			? [
					{ verdict: 'accept' },
					{ verdict: 'reject', errorKind: 'single-digit' },
					{ verdict: 'reject', errorKind: 'transposition' },
					{ verdict: 'reject', errorKind: 'not-sure' }
				]
			: [{ verdict: 'accept' }, { verdict: 'reject' }]
};
