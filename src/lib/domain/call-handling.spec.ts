import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	deceasedPatientCall,
	EMERGENCY_SITUATIONS,
	emergencySignpost,
	isRestrictedRecord,
	restrictedRecordCall,
	transferFor
} from './call-handling';
import { decideDisclosure, DECISIONS, REQUESTERS, type Decision } from './disclosure';

const requester = fc.constantFrom(...REQUESTERS);

describe('emergencySignpost (handbook 6.4, 4.9)', () => {
	it('sends a life-threatening emergency to 999, urgent problems to 111, a crisis to the 111 mental health option', () => {
		expect(emergencySignpost('life-threatening').service).toBe('999');
		expect(emergencySignpost('urgent-not-life-threatening').service).toBe('111');
		expect(emergencySignpost('mental-health-crisis').service).toBe('111-mental-health');
	});

	it('never puts an identity check first, and cites the handbook', () => {
		for (const s of EMERGENCY_SITUATIONS) {
			const r = emergencySignpost(s);
			expect(r.identityCheckFirst).toBe(false);
			expect(r.reasons.map((x) => x.rule)).toEqual(['call.emergency-signpost', 'call.no-identity-gate']);
			expect(r.reasons[0].text).toMatch(/\(handbook 6\.4, 4\.9\)\.$/);
		}
	});
});

describe('deceasedPatientCall (handbook 4.8)', () => {
	it('refers a personal representative or claimant to the access team, refuses anyone else, always with condolence', () => {
		expect(deceasedPatientCall({ requester: 'relative', personalRepresentative: true }).decision).toBe(
			'refer-ig-or-access-team'
		);
		expect(deceasedPatientCall({ requester: 'relative', claimArisingFromDeath: true }).decision).toBe(
			'refer-ig-or-access-team'
		);
		const nextOfKin = deceasedPatientCall({ requester: 'relative' });
		expect(nextOfKin.decision).toBe('refuse');
		expect(nextOfKin.condolence).toBe(true);
		expect(nextOfKin.reasons.map((r) => r.rule)).toContain('ahra.applicants');
		expect(nextOfKin.reasons.at(-1)?.rule).toBe('call.condolence');
	});

	it('never discloses on the phone, whoever calls and whatever they claim', () => {
		fc.assert(
			fc.property(requester, fc.boolean(), fc.boolean(), (who, pr, claim) => {
				const d = deceasedPatientCall({
					requester: who,
					personalRepresentative: pr,
					claimArisingFromDeath: claim
				}).decision;
				expect(['disclose', 'disclose-within-limits']).not.toContain(d);
			})
		);
	});
});

describe('restrictedRecordCall (handbook 3.2, 6.2, 6.3)', () => {
	it('never confirms the patient to a third party: take a message, refer to safeguarding', () => {
		fc.assert(
			fc.property(
				requester.filter((r) => r !== 'patient'),
				fc.boolean(),
				(who, sensitive) => {
					const r = restrictedRecordCall({ requester: who, sensitive, safeguardingAlert: !sensitive });
					expect(r?.decision).toBe('take-message');
					expect(r?.confirmKnown).toBe(false);
					expect(r?.referTo).toBe('safeguarding');
					expect(r?.reasons[0].rule).toBe('call.restricted-record');
				}
			)
		);
	});

	it('does not apply to the patient, or to a record with no flags', () => {
		expect(restrictedRecordCall({ requester: 'patient', sensitive: true })).toBeNull();
		expect(restrictedRecordCall({ requester: 'relative' })).toBeNull();
		expect(isRestrictedRecord({ requester: 'press', safeguardingAlert: true })).toBe(true);
	});

	it('is stricter than the ordinary decision: where decideDisclosure would disclose to a consented relative, this does not', () => {
		const ordinary = decideDisclosure({
			requester: 'relative',
			channel: 'phone',
			identity: { verified: true, method: 'positive-id' },
			asks: 'appointment-details',
			record: {
				sensitive: true,
				requesterIsNamedContact: true,
				consent: { to: 'named-contacts', scope: ['appointment-details'] }
			}
		});
		expect(ordinary.decision).toBe('disclose-within-limits');
		expect(restrictedRecordCall({ requester: 'relative', sensitive: true })?.decision).toBe('take-message');
	});
});

describe('transferFor (handbook 6.1, 6.3, 4.8, 4.9)', () => {
	it('names the team for callers another team deals with', () => {
		expect(transferFor({ requester: 'press' }).team).toBe('communications');
		expect(transferFor({ requester: 'police' }).team).toBe('information-governance');
		expect(transferFor({ requester: 'solicitor' }).team).toBe('access-to-records');
		expect(transferFor({ requester: 'insurer' }).team).toBe('access-to-records');
		expect(transferFor({ requester: 'relative', deceased: true }).team).toBe('access-to-records');
	});

	it('keeps callers who can be helped here, and never transfers in an emergency or about a restricted record', () => {
		for (const who of ['patient', 'relative', 'carer', 'parent', 'attorney', 'gp', 'professional'] as const)
			expect(transferFor({ requester: who }).team, who).toBeNull();
		fc.assert(
			fc.property(requester, fc.boolean(), (who, deceased) => {
				expect(transferFor({ requester: who, deceased, emergency: true }).team).toBeNull();
				if (who !== 'patient')
					expect(transferFor({ requester: who, deceased, restricted: true }).team).toBeNull();
			})
		);
	});

	it('the reason for keeping a call fits the call’s decision (refused, not verified, a message)', () => {
		const table: [Decision, RegExp][] = [
			['disclose', /can be helped/],
			['disclose-within-limits', /can be helped/],
			['take-message', /message/],
			['verify-first', /identity is not confirmed/],
			['call-back-via-switchboard', /not confirmed/],
			['refer-ig-or-access-team', /in writing/],
			['refuse', /cannot be given information/]
		];
		for (const [decision, says] of table) {
			const t = transferFor({ requester: 'patient', decision });
			expect(t.team, decision).toBeNull();
			expect(t.reasons[0].text, decision).toMatch(says);
		}
		fc.assert(
			fc.property(requester, fc.constantFrom(...DECISIONS), fc.boolean(), (who, decision, deceased) => {
				const t = transferFor({ requester: who, decision, deceased });
				const withheld = decision !== 'disclose' && decision !== 'disclose-within-limits';
				if (withheld) for (const r of t.reasons) expect(r.text).not.toMatch(/helped/);
				// The decision changes the words only, never the team.
				expect(t.team).toBe(transferFor({ requester: who, deceased }).team);
			})
		);
	});

	it('every answer cites a rule with its handbook section', () => {
		fc.assert(
			fc.property(requester, fc.boolean(), fc.boolean(), fc.boolean(), (who, e, d, r) => {
				const t = transferFor({ requester: who, emergency: e, deceased: d, restricted: r });
				expect(t.reasons.length).toBeGreaterThan(0);
				for (const x of t.reasons) expect(x.text).toMatch(/\(handbook [\d., ]+\)\.$/);
			})
		);
	});
});
