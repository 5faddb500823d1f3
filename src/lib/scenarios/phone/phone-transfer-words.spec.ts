/**
 * The transfer step's feedback must fit what happened in the call (issue: "Keep the call" after a blagger read
 * "can be helped on this call"). Table-driven over every call type and every way the call can stand at the
 * transfer (identity check, the check made, which record was open, the learner's decision), for each transfer
 * answer: the words never say a caller was or could be helped when the call's decision withholds, never call an
 * unverified or fake caller helped, and a refused or unverified caller's "keep the call" names why.
 */
import { describe, expect, it } from 'vitest';
import { DECISIONS } from '../../domain/disclosure';
import { CALL_TYPES, type CallType } from './call-types';
import {
	answerKey,
	encodeStep,
	keyResult,
	phoneCall,
	setupCall,
	transferKey,
	type CallState,
	type PhoneAnswer,
	type PhoneCase
} from './phone-call';

const TODAY = '2026-11-25';
const DISCLOSING = new Set<string>(['disclose', 'disclose-within-limits']);
const HELPED = /\b(can|could|was|were) be(en)? helped\b|helped on this call|was given what/i;

/** Words that must appear when keeping the call is right, for each decision the call reached. */
const KEEP_SAYS: Partial<Record<(typeof DECISIONS)[number], RegExp>> = {
	'verify-first': /identity is not confirmed/,
	'call-back-via-switchboard': /not confirmed/,
	refuse: /cannot be given information/,
	'take-message': /message/,
	disclose: /can be helped/,
	'disclose-within-limits': /can be helped/
};

function caseOf(type: CallType, seed: number): PhoneCase {
	return setupCall({ callTypes: [type], angryShare: 0, abusiveEscalates: false }, seed, TODAY);
}

describe('phone calls: transfer feedback fits the call (call types × outcomes)', () => {
	it('never contradicts the decision, the identity check or who the caller really is', () => {
		let checked = 0;
		for (const type of CALL_TYPES)
			for (const seed of [2]) {
				const c = caseOf(type, seed);
				if (!c.steps.includes('transfer')) continue;
				for (const identify of ['asked', 'readout', 'skipped'])
					for (const check of [
						'lookup',
						'lookup-switchboard',
						'lookup-given-number',
						'lookup-record-number',
						'none'
					])
						for (const found of ['ok', 'wrong', 'none'])
							for (const decide of [...DECISIONS, 'confirm-is-patient']) {
								const s: CallState = { greet: 'full', identify, check, found, decide };
								const key = answerKey(c, s);
								const { verified } = keyResult(c, s);
								const team = transferKey(c, s).team;
								const step = encodeStep('transfer', s);
								const answers: PhoneAnswer[] = [
									{ choice: 'no-transfer' },
									{
										choice: 'transfer',
										transfer: { team: team ?? 'pals', warm: true, told: 'explain' }
									}
								];
								for (const a of answers) {
									const j = phoneCall.judge(c, step, a);
									const at = `${type} seed ${seed} ${identify}/${check}/${found}/${decide} → ${a.choice}: ${j.explanation}`;
									checked += 1;
									const withheld = !DISCLOSING.has(key);
									if (withheld || !verified || !c.persona.genuine)
										expect(j.explanation, at).not.toMatch(HELPED);
									if (!c.persona.genuine) expect(j.explanation, at).not.toMatch(/entitled/);
									expect(j.rule.handbook, at).toMatch(/\d\.\d/);
									if (a.choice === 'no-transfer' && team === null) {
										expect(j.outcome, at).toBe('correct');
										expect(j.explanation, at).toMatch(/^Right: no transfer\./);
										const says = KEEP_SAYS[key];
										const restricted =
											j.rule.id === 'call.restricted-record' ||
											/confirm the patient is known/.test(j.explanation);
										if (says && !restricted) expect(j.explanation, at).toMatch(says);
									}
									if (a.choice === 'transfer' && team === null && withheld)
										expect(j.explanation, at).not.toMatch(/wastes their time/);
								}
							}
			}
		expect(checked).toBeGreaterThan(10_000);
	}, 120_000);

	it('after a blagger posing as the patient, keeping the call says the caller was not verified', () => {
		const c = caseOf('blagger-as-patient', 3);
		const s: CallState = {
			greet: 'full',
			identify: 'asked',
			check: 'lookup',
			found: 'ok',
			decide: 'verify-first'
		};
		const j = phoneCall.judge(c, encodeStep('transfer', s), { choice: 'no-transfer' });
		expect(j.outcome).toBe('correct');
		expect(j.explanation).toContain('identity is not confirmed');
		expect(j.explanation).not.toMatch(/helped/);
	});

	it('a fake GP exposed through the switchboard is refused, and keeping the call says so', () => {
		const c = caseOf('blagger-as-gp', 3);
		const s: CallState = {
			greet: 'full',
			identify: 'asked',
			check: 'lookup-switchboard',
			found: 'ok',
			decide: 'refuse'
		};
		const j = phoneCall.judge(c, encodeStep('transfer', s), { choice: 'no-transfer' });
		expect(j.outcome).toBe('correct');
		expect(j.explanation).not.toMatch(/helped/);
	});

	it('a genuine patient turned away at the decision is told, at the transfer, they could have been helped here', () => {
		const c = caseOf('patient-appointment', 2);
		const s: CallState = { greet: 'full', identify: 'asked', check: 'lookup', found: 'ok', decide: 'refuse' };
		expect(answerKey(c, s)).toMatch(/disclose/);
		const j = phoneCall.judge(c, encodeStep('transfer', s), { choice: 'no-transfer' });
		expect(j.outcome).toBe('correct');
		expect(j.explanation).toMatch(/entitled to help on this call/);
	});
});
