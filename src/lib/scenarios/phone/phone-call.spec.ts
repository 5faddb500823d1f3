import { describe, expect, it } from 'vitest';
import {
	deceasedPatientCall,
	emergencySignpost,
	restrictedRecordCall,
	transferFor
} from '../../domain/call-handling';
import { decideDisclosure, type DisclosureRequest } from '../../domain/disclosure';
import { patientRecord } from '../../generator';
import { trustOf } from '../retrieval/common';
import type { ScenarioDefinition } from '../definition';
import { getBuiltInDefinition } from '../registry';
import { playThrough } from '../testing/play';
import { CALL_TYPES, type CallType } from './call-types';
import {
	annotatedTranscript,
	answerKey,
	completeMessage,
	bestAnswer,
	decodeStep,
	encodeStep,
	phoneCall,
	setupCall,
	stateAfter,
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

/** The domain's answer for a careful learner, chosen here from the case's flags without the kind's keyResult. */
function independentKey(c: PhoneCase): string {
	const req = independentRequest(c);
	const restricted = restrictedRecordCall({
		requester: req.requester,
		sensitive: c.facts.sensitive,
		safeguardingAlert: c.facts.safeguardingAlert
	});
	if (restricted) return restricted.decision;
	if (c.facts.deceased)
		return deceasedPatientCall({
			requester: req.requester,
			personalRepresentative: c.persona.personalRepresentative
		}).decision;
	return decideDisclosure(req).decision;
}

const careful = (c: PhoneCase): CallState => ({
	greet: 'full',
	identify: 'asked',
	check: bestAnswer(c, 'check').choice,
	found: 'ok'
});

describe('phone calls: the answer key is decideDisclosure on the call’s facts', () => {
	it('every call type, over many seeds: the key after careful checks equals the domain rules', () => {
		for (const type of CALL_TYPES) {
			for (const seed of SEEDS) {
				const c = caseOf(type, seed);
				const at = `${type} seed ${seed}`;
				if (type === 'caller-in-emergency') {
					const right = bestAnswer(c, 'signpost').choice;
					const service = emergencySignpost(c.facts.emergency!).service;
					expect(right, at).toBe(
						{ '999': 'dial-999', '111': 'nhs-111', '111-mental-health': 'nhs-111-mental-health' }[service]
					);
					expect(
						phoneCall.judge(c, encodeStep('signpost', { greet: 'full' }), { choice: right }).outcome
					).toBe('correct');
					expect(c.steps, at).toEqual(['greet', 'signpost', 'close']);
					continue;
				}
				if (!c.steps.includes('decide')) continue;
				const s = careful(c);
				const judged = phoneCall.judge(c, encodeStep('decide', s), { choice: answerKey(c, s) });
				expect(judged.outcome, at).toBe('correct');
				expect(judged.correct.values, at).toEqual([independentKey(c)]);
				const transfer = bestAnswer(c, encodeStep('transfer', { ...s, decide: answerKey(c, s) }));
				const team = transferFor({
					requester: independentRequest(c).requester,
					deceased: c.facts.deceased,
					restricted: Boolean(c.facts.sensitive || c.facts.safeguardingAlert)
				}).team;
				expect(transfer.transfer?.team ?? null, at).toBe(team);
			}
		}
	}, 120_000);

	it('every call type finds a patient whose PAS record fits it', () => {
		for (const type of CALL_TYPES)
			for (const seed of SEEDS.slice(0, 5)) {
				const c = caseOf(type, seed);
				const p = patientRecord(trustOf(c.trust), c.record.index);
				const at = `${type} seed ${seed}`;
				expect(`${p.forenames.join(' ')} ${p.surname}`, at).toBe(c.record.name);
				expect(p.deceased !== null, at).toBe(type === 'deceased-patient');
				const restricted = p.sensitive || p.alerts.some((a) => a.kind === 'safeguarding');
				expect(restricted, at).toBe(type === 'restricted-record');
			}
	}, 120_000);

	it('on every path through the checks, disclosing when the key does not allow it is a critical error', () => {
		for (const type of CALL_TYPES) {
			const c = caseOf(type, 4);
			if (!c.steps.includes('decide')) continue;
			for (const identify of ['asked', 'readout', 'skipped'])
				for (const check of phoneCall.answerOptions(c, 'check').map((a) => a.choice)) {
					const s: CallState = { greet: 'full', identify, check, found: 'ok' };
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
			'journalist',
			'deceased-patient',
			'restricted-record'
		];
		for (const type of never)
			for (const seed of SEEDS.slice(0, 4)) {
				const c = caseOf(type, seed);
				for (const identify of ['asked', 'readout', 'skipped'])
					for (const found of ['ok', 'wrong', 'none'])
						for (const check of phoneCall.answerOptions(c, 'check').map((a) => a.choice))
							expect(DISCLOSING).not.toContain(answerKey(c, { identify, check, found }));
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
		const s: CallState = { greet: 'full', identify: 'asked', check: 'lookup-switchboard', found: 'ok' };
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
		const elsewhere = phoneCall.judge(c, step, {
			choice: 'form',
			message: { ...complete.message!, sendTo: 'communications' }
		});
		expect(elsewhere.outcome).toBe('minor');
		expect(elsewhere.explanation).toContain('clinical team');
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
			found: 'ok',
			decide: 'take-message',
			missing: '',
			transfer: 'communications.warm.explain'
		};
		expect(decodeStep(encodeStep('close', s))).toEqual({ phase: 'close', state: s });
		expect(() => decodeStep('nonsense')).toThrow(RangeError);
	});
});

describe('phone calls: the PAS look-up', () => {
	it('checking with another patient’s record open is critical; with none open, major', () => {
		const c = caseOf('relative-with-consent', 2);
		const step = encodeStep('check', { greet: 'full', identify: 'asked' });
		expect(phoneCall.judge(c, step, { choice: 'lookup', patient: c.record.index }).outcome).toBe('correct');
		const wrong = phoneCall.judge(c, step, { choice: 'lookup', patient: (c.record.index + 7) % 1500 });
		expect(wrong.outcome).toBe('critical');
		expect(wrong.explanation).toContain('another patient');
		expect(phoneCall.judge(c, step, { choice: 'lookup', patient: null }).outcome).toBe('major');
	});

	it('with the wrong record open, consent on the record does not count: the key stays verify-first or safer', () => {
		for (const seed of SEEDS.slice(0, 4)) {
			const c = caseOf('relative-with-consent', seed);
			const ok = answerKey(c, { ...careful(c) });
			const wrong = answerKey(c, { ...careful(c), found: 'wrong' });
			expect(ok).toBe('disclose-within-limits');
			expect(DISCLOSING).not.toContain(wrong);
		}
	});
});

describe('phone calls: emergencies, deceased patients and restricted records', () => {
	it('an emergency is signposted at once: identity questions first are critical when a life is at risk', () => {
		for (const seed of SEEDS) {
			const c = caseOf('caller-in-emergency', seed);
			const step = encodeStep('signpost', { greet: 'full' });
			const lifeAtRisk = c.facts.emergency === 'life-threatening';
			expect(phoneCall.judge(c, step, { choice: 'identify-first' }).outcome).toBe(
				lifeAtRisk ? 'critical' : 'major'
			);
			if (lifeAtRisk) expect(phoneCall.judge(c, step, { choice: 'nhs-111' }).outcome).toBe('critical');
		}
	});

	it('a bereaved relative gets condolence, nothing on the phone, and a warm transfer to the access team', () => {
		const c = caseOf('deceased-patient', 3);
		expect(c.steps.slice(0, 2)).toEqual(['greet', 'condole']);
		const s = careful(c);
		expect(answerKey(c, s)).toBe(c.persona.personalRepresentative ? 'refer-ig-or-access-team' : 'refuse');
		expect(phoneCall.judge(c, encodeStep('decide', s), { choice: 'disclose' }).outcome).toBe('critical');
		const t = encodeStep('transfer', { ...s, decide: answerKey(c, s) });
		expect(
			phoneCall.judge(c, t, {
				choice: 'transfer',
				transfer: { team: 'access-to-records', warm: true, told: 'explain' }
			}).outcome
		).toBe('correct');
		expect(phoneCall.judge(c, t, { choice: 'no-transfer' }).outcome).toBe('major');
		expect(
			phoneCall.judge(c, encodeStep('condole', { greet: 'full' }), { choice: 'ask-what-happened' }).outcome
		).toBe('minor');
	});

	it('a restricted record is never confirmed: confirming or transferring the caller is critical', () => {
		for (const seed of SEEDS.slice(0, 4)) {
			const c = caseOf('restricted-record', seed);
			const s = careful(c);
			expect(answerKey(c, s)).toBe('take-message');
			expect(c.steps).toContain('message');
			expect(phoneCall.judge(c, encodeStep('decide', s), { choice: 'confirm-is-patient' }).outcome).toBe(
				'critical'
			);
			const t = encodeStep('transfer', { ...s, decide: 'take-message', message: 'form', missing: '' });
			expect(
				phoneCall.judge(c, t, {
					choice: 'transfer',
					transfer: { team: 'safeguarding', warm: true, told: 'explain' }
				}).outcome
			).toBe('critical');
			expect(phoneCall.judge(c, t, { choice: 'no-transfer' }).outcome).toBe('correct');
			const m = encodeStep('message', { ...s, decide: 'take-message' });
			const message = completeMessage(c);
			expect(message.sendTo).toBe(restrictedRecordCall({ requester: 'relative', sensitive: true })?.referTo);
			expect(phoneCall.judge(c, m, { choice: 'form', message }).outcome).toBe('correct');
			expect(
				phoneCall.judge(c, m, { choice: 'form', message: { ...message, sendTo: 'clinical-team' } }).outcome
			).toBe('major');
		}
	});
});

describe('phone calls: transfers', () => {
	const c = caseOf('journalist', 2);
	const s = { ...careful(c), decide: 'refuse' };
	const step = encodeStep('transfer', s);
	const judge = (a: PhoneAnswer) => phoneCall.judge(c, step, a).outcome;

	it('press go to Communications, warm, with the caller told who they are going to', () => {
		expect(
			judge({ choice: 'transfer', transfer: { team: 'communications', warm: true, told: 'explain' } })
		).toBe('correct');
		expect(
			judge({ choice: 'transfer', transfer: { team: 'communications', warm: false, told: 'nothing' } })
		).toBe('minor');
		expect(
			judge({ choice: 'transfer', transfer: { team: 'communications', warm: true, told: 'promise' } })
		).toBe('major');
		expect(judge({ choice: 'transfer', transfer: { team: 'pals', warm: true, told: 'explain' } })).toBe(
			'major'
		);
		expect(judge({ choice: 'no-transfer' })).toBe('major');
	});

	it('a caller who should be helped here is not passed on', () => {
		const p = caseOf('patient-appointment', 2);
		const ps = encodeStep('transfer', { ...careful(p), decide: 'disclose' });
		expect(phoneCall.judge(p, ps, { choice: 'no-transfer' }).outcome).toBe('correct');
		expect(
			phoneCall.judge(p, ps, {
				choice: 'transfer',
				transfer: { team: 'outpatient-appointments', warm: true, told: 'explain' }
			}).outcome
		).toBe('major');
	});
});

describe('phone calls: the debrief transcript', () => {
	it('rebuilds the whole call from the log, each learner line annotated with its decision', () => {
		for (const type of CALL_TYPES) {
			const snap = play(type, 4, () => undefined);
			const c = snap.context.case as PhoneCase;
			const lines = annotatedTranscript(c, snap.context.decisions);
			const notes = lines.filter((l) => l.note);
			expect(
				notes.map((l) => l.note!.seq),
				type
			).toEqual(snap.context.decisions.map((d) => d.seq));
			expect(
				lines.some((l) => l.who === 'caller'),
				type
			).toBe(true);
			for (const l of notes) expect(l.note!.rule.handbook, type).toMatch(/\d\.\d/);
			const last = snap.context.decisions.at(-1)!;
			expect(stateAfter(snap.context.decisions)[decodeStep(last.step).phase]).toBe(last.response.value);
		}
	}, 60_000);

	it('a blagged call shows the caller using what they were told, with the critical notes on the learner’s lines', () => {
		const snap = play('blagger-as-patient', 3, (phase) =>
			phase === 'identify' ? { choice: 'readout' } : phase === 'decide' ? { choice: 'disclose' } : undefined
		);
		const lines = annotatedTranscript(snap.context.case as PhoneCase, snap.context.decisions);
		const critical = lines.filter((l) => l.note?.outcome === 'critical');
		expect(critical.map((l) => l.phase)).toEqual(['identify', 'decide']);
		const c = snap.context.case as PhoneCase;
		const after = lines[lines.indexOf(critical[0]) + 1];
		expect(after.who).toBe('caller');
		expect(after.text).toContain(c.record.dateOfBirth);
	});
});
