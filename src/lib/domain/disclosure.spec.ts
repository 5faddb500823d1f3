import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ASKS,
	DECISIONS,
	decideDisclosure,
	REQUESTERS,
	type DisclosureRequest,
	type Paperwork,
	type RecordFacts
} from './disclosure';
import { RULES } from './rules';

const ok = { verified: true } as const;
const no = { verified: false } as const;
type Row = [
	string,
	Partial<DisclosureRequest> & Pick<DisclosureRequest, 'requester' | 'asks'>,
	string,
	string
];

const rows: Row[] = [
	// Patient (6.3, 4.7)
	[
		'6.2 unverified patient',
		{ requester: 'patient', asks: 'appointment-details', identity: no },
		'verify-first',
		'disclosure.verify-caller'
	],
	[
		'6.3 verified patient, own appointment',
		{ requester: 'patient', asks: 'appointment-details' },
		'disclose',
		'disclosure.patient-admin'
	],
	[
		'6.3 verified patient, results (LOCAL clinician only)',
		{ requester: 'patient', asks: 'results' },
		'take-message',
		'disclosure.results'
	],
	[
		'4.7 patient wants a copy: SAR via access team',
		{ requester: 'patient', asks: 'record-copy', identity: no },
		'refer-ig-or-access-team',
		'sar.any-channel'
	],
	[
		'3.2 verified patient changes address by phone: call back first',
		{ requester: 'patient', asks: 'change-of-address' },
		'verify-first',
		'disclosure.change-of-contact'
	],
	[
		'3.2 change of address after call-back on number on record',
		{
			requester: 'patient',
			asks: 'change-of-address',
			identity: { verified: true, method: 'call-back-number-on-record' }
		},
		'disclose',
		'disclosure.change-of-contact'
	],
	[
		'3.2 change of address in person',
		{ requester: 'patient', asks: 'change-of-address', channel: 'in-person' },
		'disclose',
		'disclosure.change-of-contact'
	],
	[
		'3.2 relative asks to change the address',
		{ requester: 'relative', asks: 'change-of-address' },
		'take-message',
		'disclosure.change-of-contact'
	],
	// Relatives and carers (6.3, 4.13)
	[
		'6.3 relative, no consent',
		{ requester: 'relative', asks: 'appointment-details' },
		'take-message',
		'disclosure.relative-no-consent'
	],
	[
		'6.3 "is X a patient?" from a relative',
		{ requester: 'relative', asks: 'is-patient' },
		'take-message',
		'disclosure.is-patient'
	],
	[
		'6.3 patient agreed callers may be told',
		{ requester: 'relative', asks: 'is-patient', record: { callersMayBeTold: true } },
		'disclose-within-limits',
		'disclosure.is-patient'
	],
	[
		'6.3 named contact with consent for appointments',
		{
			requester: 'relative',
			asks: 'appointment-details',
			record: {
				consent: { to: 'named-contacts', scope: ['appointment-details'] },
				requesterIsNamedContact: true
			}
		},
		'disclose-within-limits',
		'consent.scope'
	],
	[
		'6.3 consent covers appointments, not results',
		{
			requester: 'relative',
			asks: 'results',
			record: {
				consent: { to: 'named-contacts', scope: ['appointment-details'] },
				requesterIsNamedContact: true
			}
		},
		'take-message',
		'consent.scope'
	],
	[
		'6.3 consent names someone else',
		{
			requester: 'relative',
			asks: 'appointment-details',
			record: { consent: { to: 'named-contacts', scope: ['appointment-details'] } }
		},
		'take-message',
		'disclosure.relative-no-consent'
	],
	[
		'6.2 named contact not yet verified',
		{
			requester: 'carer',
			asks: 'appointment-details',
			identity: no,
			record: { consent: { to: 'anyone', scope: ['appointment-details'] } }
		},
		'verify-first',
		'disclosure.verify-caller'
	],
	[
		'6.3 carer for a patient lacking capacity',
		{ requester: 'carer', asks: 'appointment-details', record: { lacksCapacity: true } },
		'disclose-within-limits',
		'disclosure.best-interests'
	],
	[
		'6.3 safeguarding alert',
		{
			requester: 'relative',
			asks: 'appointment-details',
			record: { safeguardingAlert: true, consent: { to: 'anyone', scope: ['appointment-details'] } }
		},
		'refer-ig-or-access-team',
		'disclosure.safeguarding'
	],
	[
		'4.13 relative wants a copy without authority',
		{ requester: 'relative', asks: 'record-copy' },
		'refuse',
		'disclosure.no-automatic-right'
	],
	// Parents (6.3, 4.7)
	[
		'6.3 parent of a young child, PR confirmed',
		{
			requester: 'parent',
			asks: 'appointment-details',
			record: { ageYears: 6 },
			paperwork: { parentalResponsibility: true }
		},
		'disclose',
		'disclosure.parent-child'
	],
	[
		'6.3 parent, PR not confirmed',
		{ requester: 'parent', asks: 'appointment-details', record: { ageYears: 6 } },
		'verify-first',
		'disclosure.parent-child'
	],
	[
		'6.3 parent of a competent 15-year-old',
		{
			requester: 'parent',
			asks: 'results',
			record: { ageYears: 15, competentChild: true },
			paperwork: { parentalResponsibility: true }
		},
		'take-message',
		'disclosure.parent-child'
	],
	[
		'6.3 parent of a 13-year-old, competence not judged',
		{
			requester: 'parent',
			asks: 'appointment-details',
			record: { ageYears: 13 },
			paperwork: { parentalResponsibility: true }
		},
		'take-message',
		'disclosure.parent-child'
	],
	[
		'6.3 parent, competent child consents',
		{
			requester: 'parent',
			asks: 'appointment-details',
			record: { ageYears: 16, consent: { to: 'anyone', scope: ['appointment-details'] } },
			paperwork: { parentalResponsibility: true }
		},
		'disclose-within-limits',
		'consent.scope'
	],
	[
		'6.3 parent, safeguarding alert',
		{
			requester: 'parent',
			asks: 'appointment-details',
			record: { ageYears: 4, safeguardingAlert: true },
			paperwork: { parentalResponsibility: true }
		},
		'refer-ig-or-access-team',
		'disclosure.safeguarding'
	],
	[
		'4.7 parent wants a copy',
		{ requester: 'parent', asks: 'record-copy', record: { ageYears: 8 } },
		'refer-ig-or-access-team',
		'sar.child'
	],
	// Attorneys and deputies (4.7, 6.3)
	[
		'6.3 H&W attorney, registered LPA seen, patient lacks capacity',
		{
			requester: 'attorney',
			asks: 'results',
			record: { lacksCapacity: true, lpaType: 'health-and-welfare' },
			paperwork: { registeredAuthoritySeen: true }
		},
		'disclose-within-limits',
		'sar.capacity'
	],
	[
		'4.7 attorney, LPA not seen',
		{ requester: 'attorney', asks: 'results', record: { lacksCapacity: true } },
		'verify-first',
		'sar.capacity'
	],
	[
		'4.7 property and finance attorney asks about health',
		{
			requester: 'attorney',
			asks: 'results',
			record: { lacksCapacity: true, lpaType: 'property-and-financial-affairs' },
			paperwork: { registeredAuthoritySeen: true }
		},
		'refuse',
		'sar.capacity'
	],
	[
		'4.7 deputy changes the address',
		{
			requester: 'deputy',
			asks: 'change-of-address',
			channel: 'letter',
			paperwork: { registeredAuthoritySeen: true }
		},
		'disclose',
		'disclosure.change-of-contact'
	],
	// Professionals (6.2, 6.3, 4.5)
	[
		'6.2 GP on the phone, not called back',
		{ requester: 'gp', asks: 'results', identity: { verified: true, method: 'positive-id' } },
		'call-back-via-switchboard',
		'disclosure.call-back'
	],
	[
		'6.3 GP verified by switchboard call-back',
		{ requester: 'gp', asks: 'results', identity: { verified: true, method: 'call-back-switchboard' } },
		'disclose-within-limits',
		'consent.direct-care'
	],
	[
		'6.3 professional by secure email',
		{
			requester: 'professional',
			asks: 'appointment-details',
			channel: 'email',
			identity: { verified: true, method: 'secure-email' }
		},
		'disclose-within-limits',
		'consent.direct-care'
	],
	// Police (4.9)
	[
		'4.9 police on the phone',
		{ requester: 'police', asks: 'appointment-details' },
		'refuse',
		'disclosure.police'
	],
	[
		'4.9 countersigned police form',
		{
			requester: 'police',
			asks: 'record-copy',
			channel: 'letter',
			paperwork: { countersignedPoliceForm: true }
		},
		'refer-ig-or-access-team',
		'disclosure.police'
	],
	[
		'4.9 emergency, officer unverified',
		{ requester: 'police', asks: 'is-patient', identity: no, paperwork: { emergency: true } },
		'call-back-via-switchboard',
		'disclosure.call-back'
	],
	[
		'4.9 emergency, officer verified',
		{ requester: 'police', asks: 'is-patient', paperwork: { emergency: true } },
		'refer-ig-or-access-team',
		'disclosure.police-emergency'
	],
	[
		'4.9 court order',
		{ requester: 'police', asks: 'record-copy', paperwork: { courtOrder: true } },
		'refer-ig-or-access-team',
		'disclosure.court-order'
	],
	// Others (6.3, 4.13)
	[
		'6.3 solicitor on the phone',
		{ requester: 'solicitor', asks: 'record-copy' },
		'refuse',
		'disclosure.solicitor'
	],
	[
		'4.7 solicitor, written, signed authority',
		{ requester: 'solicitor', asks: 'record-copy', channel: 'letter', paperwork: { signedAuthority: true } },
		'refer-ig-or-access-team',
		'sar.signed-authority'
	],
	[
		'6.3 insurer',
		{ requester: 'insurer', asks: 'record-copy', channel: 'letter', paperwork: { signedAuthority: true } },
		'refuse',
		'sar.insurers'
	],
	['6.3 employer', { requester: 'employer', asks: 'appointment-details' }, 'refuse', 'sar.insurers'],
	['6.3 press', { requester: 'press', asks: 'is-patient' }, 'refuse', 'disclosure.press'],
	[
		'6.1 unknown caller',
		{ requester: 'unknown', asks: 'is-patient' },
		'refuse',
		'disclosure.no-automatic-right'
	],
	// Deceased (4.8, 4.13)
	[
		'4.8 next of kin of a deceased patient',
		{ requester: 'relative', asks: 'record-copy', record: { deceased: true } },
		'refuse',
		'ahra.applicants'
	],
	[
		'4.8 personal representative',
		{
			requester: 'relative',
			asks: 'record-copy',
			channel: 'letter',
			record: { deceased: true },
			paperwork: { personalRepresentative: true }
		},
		'refer-ig-or-access-team',
		'ahra.applicants'
	]
];

describe('decideDisclosure (handbook 3.2, 4.5-4.13, 6.1-6.5)', () => {
	it.each(rows)('%s → %s', (_label, partial, decision, rule) => {
		const req: DisclosureRequest = { channel: 'phone', identity: ok, record: {}, ...partial };
		const r = decideDisclosure(req);
		expect(r.decision).toBe(decision);
		expect(r.reasons.map((x) => x.rule)).toContain(rule);
	});

	it('adds S-flag and secure email limits when disclosing (3.2, 4.11)', () => {
		const r = decideDisclosure({
			requester: 'professional',
			channel: 'email',
			identity: { verified: true, method: 'secure-email' },
			record: { sensitive: true },
			asks: 'appointment-details'
		});
		expect(r.reasons.map((x) => x.rule)).toEqual(
			expect.arrayContaining(['disclosure.s-flag', 'disclosure.secure-email', 'disclosure.record-call'])
		);
		expect(r.limits).toHaveLength(3);
	});

	it('follows LOCAL settings', () => {
		const patientResults: DisclosureRequest = {
			requester: 'patient',
			channel: 'phone',
			identity: ok,
			record: {},
			asks: 'results'
		};
		expect(decideDisclosure(patientResults, { resultsGivenBy: 'admin-may-give' }).decision).toBe('disclose');
		const child12 = {
			requester: 'parent',
			channel: 'phone',
			identity: ok,
			record: { ageYears: 12 },
			asks: 'appointment-details',
			paperwork: { parentalResponsibility: true }
		} as const;
		expect(decideDisclosure(child12, { parentYoungChildUnderAge: 13 }).decision).toBe('disclose');
		expect(decideDisclosure(child12, { nation: 'scotland' }).decision).toBe('take-message');
		const change = {
			requester: 'patient',
			channel: 'phone',
			identity: ok,
			record: {},
			asks: 'change-of-address'
		} as const;
		expect(decideDisclosure(change, { changeOfContactNeedsCallBack: false }).decision).toBe('disclose');
	});

	it('always decides, with reasons that cite known rules and handbook sections (property)', () => {
		const facts = fc.record(
			{
				consent: fc.record({
					to: fc.constantFrom('named-contacts', 'anyone' as const),
					scope: fc.subarray([...ASKS])
				}),
				requesterIsNamedContact: fc.boolean(),
				sensitive: fc.boolean(),
				ageYears: fc.integer({ min: 0, max: 110 }),
				competentChild: fc.boolean(),
				lacksCapacity: fc.boolean(),
				safeguardingAlert: fc.boolean(),
				deceased: fc.boolean(),
				callersMayBeTold: fc.boolean(),
				lpaType: fc.constantFrom('health-and-welfare', 'property-and-financial-affairs' as const)
			},
			{ requiredKeys: [] }
		) as fc.Arbitrary<RecordFacts>;
		const paperwork = fc.record(
			{
				signedAuthority: fc.boolean(),
				countersignedPoliceForm: fc.boolean(),
				courtOrder: fc.boolean(),
				emergency: fc.boolean(),
				parentalResponsibility: fc.boolean(),
				registeredAuthoritySeen: fc.boolean(),
				personalRepresentative: fc.boolean(),
				claimArisingFromDeath: fc.boolean()
			},
			{ requiredKeys: [] }
		) as fc.Arbitrary<Paperwork>;
		fc.assert(
			fc.property(
				fc.constantFrom(...REQUESTERS),
				fc.constantFrom('phone', 'in-person', 'letter', 'email' as const),
				fc.boolean(),
				fc.constantFrom(
					undefined,
					'positive-id',
					'photo-id',
					'call-back-switchboard',
					'call-back-number-on-record',
					'secure-email',
					'known-to-staff' as const
				),
				facts,
				fc.constantFrom(...ASKS),
				paperwork,
				(requester, channel, verified, method, record, asks, paper) => {
					const r = decideDisclosure({
						requester,
						channel,
						identity: { verified, method },
						record,
						asks,
						paperwork: paper
					});
					return (
						DECISIONS.includes(r.decision) &&
						r.reasons.length > 0 &&
						r.reasons.every((x) => x.rule in RULES && /\(handbook \d\.\d+/.test(x.text)) &&
						// Nothing is ever disclosed to the press, insurers, employers or unknown callers (6.3).
						(!['press', 'insurer', 'employer', 'unknown'].includes(requester) ||
							r.decision === 'refuse' ||
							paper.courtOrder === true) &&
						// An unverified caller is never told anything directly (6.2).
						(verified ||
							!(r.decision === 'disclose' || r.decision === 'disclose-within-limits') ||
							channel !== 'phone' ||
							record.callersMayBeTold === true)
					);
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('does not throw on malformed input', () => {
		expect(decideDisclosure({} as DisclosureRequest).decision).toBe('take-message');
	});
});
