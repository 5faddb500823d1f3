/**
 * Need-to-know in phone calls (handbook 3.5, 4.11): the records opened on the PAS during each step, from its audit
 * trail, are judged with the shared need-to-know code. The caller's patient and look-alikes of what the caller gave
 * are needed; an unrelated patient, any record in an emergency, and a restricted record once its flag has been
 * seen are not. The debrief shows the finding as its own line with the rule and handbook section.
 */
import { describe, expect, it } from 'vitest';
import { patientSummaries } from '../../generator';
import type { PatientSummary } from '../../generator/types';
import type { Decision } from '../decisions';
import { NEED_TO_KNOW } from '../need-to-know';
import { trustOf } from '../retrieval/common';
import type { CallType } from './call-types';
import {
	annotatedTranscript,
	bestAnswer,
	encodeStep,
	phoneCall,
	setupCall,
	stateAfter,
	type CallState,
	type Phase,
	type PhoneAnswer,
	type PhoneCase
} from './phone-call';

const TODAY = '2026-11-25';

function caseOf(type: CallType, seed = 4): PhoneCase {
	return setupCall({ callTypes: [type], angryShare: 0, abusiveEscalates: false }, seed, TODAY);
}

function others(c: PhoneCase): PatientSummary[] {
	return patientSummaries(trustOf(c.trust)).filter((p) => p.index !== c.record.index);
}

/** A patient sharing nothing a search on the caller's details would show. */
function unrelated(c: PhoneCase): PatientSummary {
	const surname = c.record.name.split(' ').pop()!.toLowerCase();
	return others(c).find((p) => p.surname.toLowerCase() !== surname && p.dateOfBirth !== c.record.dobIso)!;
}

/** A patient a search on the caller's details also shows: the same surname or date of birth. */
function lookalike(c: PhoneCase): PatientSummary | undefined {
	const surname = c.record.name.split(' ').pop()!.toLowerCase();
	return others(c).find((p) => p.surname.toLowerCase() === surname || p.dateOfBirth === c.record.dobIso);
}

const own = (c: PhoneCase) => c.record.hospitalNumber;
const careful = (): CallState => ({
	greet: 'full',
	identify: 'asked',
	check: 'lookup',
	found: 'ok'
});

function judgeAt(c: PhoneCase, phase: Phase, s: CallState, opened: string[], a?: PhoneAnswer) {
	const step = encodeStep(phase, s);
	return phoneCall.judge(c, step, { ...(a ?? bestAnswer(c, step)), opened });
}

describe('phone calls: need-to-know from the PAS audit trail', () => {
	const c = caseOf('patient-appointment');
	const s = careful();

	it.each<[string, (c: PhoneCase) => string[], 'correct' | 'minor']>([
		['the caller’s patient only', (c) => [own(c)], 'correct'],
		['the patient twice', (c) => [own(c), own(c)], 'correct'],
		['nothing opened', () => [], 'correct'],
		['an unrelated patient as well', (c) => [own(c), unrelated(c).hospitalNumber], 'minor'],
		['only an unrelated patient', (c) => [unrelated(c).hospitalNumber], 'minor']
	])('at the identity step, %s: %s', (_what, opened, outcome) => {
		const j = judgeAt(c, 'identify', { greet: 'full' }, opened(c));
		expect(j.outcome).toBe(outcome);
		if (outcome === 'minor') {
			expect(j.rule).toEqual(NEED_TO_KNOW);
			expect(j.explanation).toContain(unrelated(c).hospitalNumber);
			expect(j.explanation).toMatch(/rule access\.need-to-know, handbook 3\.5, 4\.11/);
		} else expect(j.explanation).not.toMatch(/need-to-know/);
	});

	it('look-alikes a search on the caller’s details shows are fair to open and compare', () => {
		const seeds = [4, 5, 6, 7, 8, 9, 10, 11];
		const found = seeds.map((seed) => caseOf('patient-appointment', seed)).find((x) => lookalike(x));
		expect(found).toBeDefined();
		const j = judgeAt(found!, 'check', careful(), [lookalike(found!)!.hospitalNumber, own(found!)]);
		expect(j.outcome).toBe('correct');
	});

	it('a step already wrong keeps its outcome and rule, with the need-to-know sentence added', () => {
		const j = judgeAt(c, 'decide', s, [own(c), unrelated(c).hospitalNumber], {
			choice: 'confirm-is-patient'
		});
		const plain = judgeAt(c, 'decide', s, [own(c)], { choice: 'confirm-is-patient' });
		expect(j.outcome).toBe(plain.outcome);
		expect(j.rule).toEqual(plain.rule);
		expect(j.explanation).toContain(unrelated(c).hospitalNumber);
	});

	it('an emergency needs no record: opening the patient’s is marked', () => {
		const e = caseOf('caller-in-emergency');
		expect(e.steps).toEqual(['greet', 'signpost', 'close']);
		const j = judgeAt(e, 'close', { greet: 'full', signpost: bestAnswer(e, 'signpost').choice }, [own(e)]);
		expect(j.outcome).toBe('minor');
		expect(j.rule.id).toBe('access.need-to-know');
		expect(judgeAt(e, 'close', { greet: 'full' }, []).outcome).toBe('correct');
	});

	it('a restricted record is needed to see its flag at the check, and not after', () => {
		const r = caseOf('restricted-record');
		const rs = careful();
		expect(judgeAt(r, 'check', rs, [own(r)]).outcome).toBe('correct');
		expect(judgeAt(r, 'identify', { greet: 'full' }, [own(r)]).outcome).toBe('correct');
		const later = judgeAt(r, 'decide', rs, [own(r)]);
		expect(later.outcome).toBe('minor');
		expect(later.explanation).toContain(own(r));
		// An ordinary record may be read again when deciding (consent, contacts).
		expect(judgeAt(c, 'decide', s, [own(c)]).outcome).toBe('correct');
	});

	it('the answer schema takes the trail, and a call saved without it still parses', () => {
		expect(phoneCall.answerSchema.safeParse({ choice: 'full' }).success).toBe(true);
		expect(phoneCall.answerSchema.safeParse({ choice: 'full', opened: ['123456'] }).success).toBe(true);
		expect(phoneCall.answerSchema.safeParse({ choice: 'full', opened: [7] }).success).toBe(false);
	});
});

describe('phone calls: the debrief shows need-to-know as its own line', () => {
	function decision(c: PhoneCase, seq: number, phase: Phase, s: CallState, a: PhoneAnswer): Decision {
		const step = encodeStep(phase, s);
		const j = phoneCall.judge(c, step, a);
		return {
			seq,
			step,
			prompt: '',
			choices: [],
			response: j.response,
			correct: j.correct,
			outcome: j.outcome,
			maxPoints: j.maxPoints,
			points: 0,
			outcomes: j.outcomes,
			rule: j.rule,
			explanation: j.explanation,
			timeTakenMs: 0,
			at: `${TODAY}T10:00:00Z`
		};
	}

	it('after the step that opened the record, with rule and handbook, and the step note does not repeat it', () => {
		const c = caseOf('patient-appointment');
		const stray = unrelated(c);
		const decisions = [
			decision(c, 0, 'greet', {}, { choice: 'full' }),
			decision(c, 1, 'identify', { greet: 'full' }, { choice: 'asked', opened: [stray.hospitalNumber] })
		];
		expect(stateAfter(decisions)).toEqual({ greet: 'full', identify: 'asked' });
		const lines = annotatedTranscript(c, decisions);
		const audit = lines.filter((l) => l.audit);
		expect(audit).toHaveLength(1);
		const i = lines.indexOf(audit[0]);
		expect(lines[i - 1].phase).toBe('identify');
		expect(audit[0].text).toContain(stray.hospitalNumber);
		expect(audit[0].audit!.rule.id).toBe('access.need-to-know');
		expect(audit[0].audit!.rule.handbook).toBe('3.5, 4.11');
		expect(audit[0].audit!.outcome).toBe('minor');
		expect(audit[0].audit!.explanation).toContain(stray.surname);
		expect(lines[i - 1].note!.explanation).not.toContain(stray.hospitalNumber);
		expect(lines[i - 1].note!.outcome).toBe('minor');
	});

	it('a call whose trail held only what it needed has no need-to-know line', () => {
		const c = caseOf('patient-appointment');
		const decisions = [
			decision(c, 0, 'greet', {}, { choice: 'full' }),
			decision(c, 1, 'identify', { greet: 'full' }, { choice: 'asked', opened: [own(c)] })
		];
		expect(annotatedTranscript(c, decisions).some((l) => l.audit)).toBe(false);
	});
});
