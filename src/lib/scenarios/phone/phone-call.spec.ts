import { describe, expect, it } from 'vitest';
import { decideDisclosure, type DisclosureRequest } from '../../domain/disclosure';
import type { ScenarioDefinition } from '../definition';
import { getBuiltInDefinition } from '../registry';
import { playThrough } from '../testing/play';
import { CALL_TYPES, type CallType } from './call-types';
import {
	answerKey,
	bestAnswer,
	decodeStep,
	encodeStep,
	phoneCall,
	setupCall,
	transcriptFor,
	type CallState,
	type PhoneAnswer,
	type PhoneCase
} from './phone-call';

const TODAY = '2026-11-25';
const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34];
const DISCLOSING = ['disclose', 'disclose-within-limits'];

function caseOf(type: CallType, seed: number, abusiveEscalates = false): PhoneCase {
	return setupCall({ callTypes: [type], angryShare: 0.3, abusiveEscalates }, seed, TODAY);
}

function definitionFor(type: CallType, mode: 'practice' | 'assessment' = 'practice'): ScenarioDefinition {
	const base = getBuiltInDefinition(mode === 'practice' ? 'phone-call-realistic' : 'phone-call-assessment')!;
	return { ...base, params: { ...base.params, callTypes: [type] } };
}

/** Plays a call, answering each step with `pick` (the best answer when it returns undefined). */
function play(
	type: CallType,
	seed: number,
	pick: (phase: string) => PhoneAnswer | undefined,
	mode?: 'assessment'
) {
	const def = definitionFor(type, mode);
	return playThrough(phoneCall, def, {
		seed,
		answer: (stepId, _options, snap) =>
			pick(decodeStep(stepId).phase) ?? bestAnswer(snap.context.case as PhoneCase, stepId)
	});
}

/**
 * The request a careful learner's checks produce, built here from the case's own facts without the kind's
 * `requestFor`: verified when the caller is genuine and checked the way the handbook says.
 */
function independentRequest(c: PhoneCase): DisclosureRequest {
	const p = c.persona;
	const pro = p.requester === 'gp' || p.requester === 'professional';
	const exposed = !p.genuine && pro;
	return {
		requester: exposed ? 'unknown' : p.requester,
		channel: 'phone',
		identity: {
			verified: p.genuine,
			method: pro
				? 'call-back-switchboard'
				: p.asks === 'change-of-address'
					? 'call-back-number-on-record'
					: 'positive-id'
		},
		asks: p.asks,
		record: {
			ageYears: c.facts.ageYears,
			consent: c.facts.consent,
			requesterIsNamedContact: p.namedContact && p.genuine,
			competentChild: c.facts.competentChild,
			lacksCapacity: c.facts.lacksCapacity,
			lpaType: c.facts.lpaType
		},
		paperwork: {
			parentalResponsibility: Boolean(c.facts.parentalResponsibilityOnRecord),
			registeredAuthoritySeen: Boolean(c.facts.registeredLpaOnRecord)
		}
	};
}

describe('phone calls: the answer key is decideDisclosure on the call’s facts', () => {
	it('every call type, over many seeds: the key after careful checks equals decideDisclosure', () => {
		for (const type of CALL_TYPES) {
			for (const seed of SEEDS) {
				const c = caseOf(type, seed);
				if (!c.steps.includes('decide')) continue;
				const s: CallState = { greet: 'full', identify: 'asked', check: bestAnswer(c, 'check').choice };
				const judged = phoneCall.judge(c, encodeStep('decide', s), { choice: answerKey(c, s) });
				expect(judged.outcome, `${type} seed ${seed}`).toBe('correct');
				expect(judged.correct.values, `${type} seed ${seed}`).toEqual([
					decideDisclosure(independentRequest(c)).decision
				]);
			}
		}
	}, 120_000);

	it('on every path through the checks, disclosing when the key does not allow it is a critical error', () => {
		for (const type of CALL_TYPES) {
			const c = caseOf(type, 4);
			if (!c.steps.includes('decide')) continue;
			for (const identify of ['asked', 'readout', 'skipped'])
				for (const check of phoneCall.answerOptions(c, 'check').map((a) => a.choice)) {
					const s: CallState = { greet: 'full', identify, check };
					const key = answerKey(c, s);
					const step = encodeStep('decide', s);
					expect(phoneCall.judge(c, step, { choice: key }).outcome).toBe('correct');
					for (const choice of DISCLOSING) {
						if (DISCLOSING.includes(key)) continue;
						expect(phoneCall.judge(c, step, { choice }).outcome, `${type} ${identify} ${check}`).toBe(
							'critical'
						);
					}
					if (!DISCLOSING.includes(key))
						expect(phoneCall.judge(c, step, { choice: 'confirm-is-patient' }).outcome).toBe('critical');
				}
		}
	}, 120_000);

	it('blaggers and callers with no right to information never get a disclosing key, whatever the learner did', () => {
		const never: CallType[] = [
			'blagger-as-patient',
			'blagger-as-gp',
			'police',
			'solicitor',
			'insurer',
			'journalist'
		];
		for (const type of never)
			for (const seed of SEEDS.slice(0, 4)) {
				const c = caseOf(type, seed);
				for (const identify of ['asked', 'readout', 'skipped'])
					for (const check of phoneCall.answerOptions(c, 'check').map((a) => a.choice))
						expect(DISCLOSING).not.toContain(answerKey(c, { identify, check }));
			}
	}, 60_000);
});

describe('phone calls: judging', () => {
	it('a perfect run scores full marks with no critical errors, for every call type', () => {
		for (const type of CALL_TYPES) {
			const snap = play(type, 11, () => undefined);
			expect(snap.status, type).toBe('done');
			expect(snap.context.result?.percent, type).toBe(100);
			expect(snap.context.result?.criticalErrors, type).toEqual([]);
		}
	}, 60_000);

	it('a learner blagged by a caller posing as the patient gets the critical error and fails the assessment', () => {
		const snap = play(
			'blagger-as-patient',
			3,
			(phase) =>
				phase === 'identify'
					? { choice: 'readout' }
					: phase === 'decide'
						? { choice: 'disclose' }
						: undefined,
			'assessment'
		);
		const critical = snap.context.decisions.filter((d) => d.outcome === 'critical').map((d) => d.step);
		expect(critical.map((s) => decodeStep(s).phase)).toEqual(['identify', 'decide']);
		expect(snap.context.result?.passed).toBe(false);
	});

	it('a learner who rings the number a fake GP gives, then reads the letter out, gets the critical error', () => {
		const snap = play('blagger-as-gp', 5, (phase) =>
			phase === 'check'
				? { choice: 'lookup-given-number' }
				: phase === 'decide'
					? { choice: 'disclose-within-limits' }
					: undefined
		);
		const byPhase = Object.fromEntries(
			snap.context.decisions.map((d) => [decodeStep(d.step).phase, d.outcome])
		);
		expect(byPhase.check).toBe('major');
		expect(byPhase.decide).toBe('critical');
	});

	it('the same fake GP is exposed by ringing the switchboard from the directory, and refusing is right', () => {
		const c = caseOf('blagger-as-gp', 5);
		const s: CallState = { greet: 'full', identify: 'asked', check: 'lookup-switchboard' };
		expect(answerKey(c, s)).toBe(
			decideDisclosure({ ...independentRequest(c), requester: 'unknown' }).decision
		);
		const t = transcriptFor(c, 'decide', s);
		expect(t.at(-1)?.text).toContain('no record of anyone calling');
	});

	it('confirming to a journalist that someone is a patient is a critical error', () => {
		const snap = play('journalist', 2, (phase) =>
			phase === 'decide' ? { choice: 'confirm-is-patient' } : undefined
		);
		expect(snap.context.decisions.find((d) => decodeStep(d.step).phase === 'decide')?.outcome).toBe(
			'critical'
		);
	});

	it('a message with no call-back number is marked down, and the explanation names the missing field', () => {
		const c = caseOf('message-to-pass-on', 1);
		const step = encodeStep('message', {});
		const [complete, partial, none] = phoneCall.answerOptions(c, step);
		expect(phoneCall.judge(c, step, complete).outcome).toBe('correct');
		const j = phoneCall.judge(c, step, partial);
		expect(j.outcome).toBe('minor');
		expect(j.explanation).toContain('call-back number');
		expect(phoneCall.judge(c, step, none).outcome).toBe('major');
	});

	it('an abusive caller who carries on is warned, the call ended and reported: full marks on that path', () => {
		const snap = playThrough(phoneCall, definitionFor('abusive-caller', 'assessment'), {
			seed: 9,
			answer: (stepId, _o, s) => bestAnswer(s.context.case as PhoneCase, stepId)
		});
		expect(snap.context.path.map((p) => decodeStep(p).phase)).toEqual(['greet', 'calm', 'warn', 'close']);
		expect(snap.context.result?.percent).toBe(100);
	});
});

describe('phone calls: the caller reacts to the state of the call', () => {
	it('a blagger who is read the details repeats them back; asked properly, they guess and fish', () => {
		const c = caseOf('blagger-as-patient', 6);
		const told = transcriptFor(c, 'check', { greet: 'full', identify: 'readout' }).at(-1)!.text;
		expect(told).toContain(c.record.dateOfBirth);
		const asked = transcriptFor(c, 'check', { greet: 'full', identify: 'asked' }).at(-1)!.text;
		expect(asked).not.toContain(c.record.dateOfBirth);
		expect(asked).toContain('on your screen');
	});

	it('a genuine caller asked an open question states the patient’s details', () => {
		const c = caseOf('relative-with-consent', 6);
		const line = transcriptFor(c, 'check', { greet: 'full', identify: 'asked' }).at(-1)!.text;
		expect(line).toContain(c.record.dateOfBirth);
		expect(line).toContain(c.record.postcode);
	});

	it('an abusive caller calms when acknowledged and escalates when argued with', () => {
		const c = caseOf('abusive-caller', 6);
		const calmed = transcriptFor(c, 'identify', { greet: 'full', calm: 'acknowledge' }).at(-1)!.text;
		const worse = transcriptFor(c, 'identify', { greet: 'full', calm: 'argue' }).at(-1)!.text;
		expect(calmed).toContain('sorry');
		expect(worse).toContain('offensive language');
	});

	it('step ids round-trip the call state', () => {
		const s: CallState = {
			greet: 'full',
			identify: 'asked',
			check: 'lookup',
			decide: 'take-message',
			missing: ''
		};
		expect(decodeStep(encodeStep('message', s))).toEqual({ phase: 'message', state: s });
		expect(() => decodeStep('nonsense')).toThrow(RangeError);
	});
});
