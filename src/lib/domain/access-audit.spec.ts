import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { securityActions } from './confidentiality';
import {
	auditAccess,
	judgeAccess,
	ownRecordAccess,
	type AccessVerdict,
	type KnownPerson,
	type WorkItem
} from './access-audit';

const work: WorkItem[] = [
	{ patient: 1, task: 'the clinic’s phone query', reasons: ['enquiry', 'registration'] }
];
const known: KnownPerson[] = [
	{ patient: 2, relation: 'neighbour' },
	{ patient: 3, relation: 'family' },
	{ patient: 1, relation: 'celebrity' }
];

type Row = [string, number, string, AccessVerdict, string];
const rows: Row[] = [
	['the task’s patient with a fitting reason', 1, 'enquiry', 'work-reason', 'access.need-to-know'],
	['the task’s patient with another fitting reason', 1, 'registration', 'work-reason', 'access.need-to-know'],
	[
		'the task’s patient with a reason that is not true',
		1,
		'clinic-preparation',
		'wrong-reason',
		'access.audit-trail'
	],
	['a neighbour, whatever reason is given', 2, 'enquiry', 'curiosity', 'access.need-to-know'],
	['family, with "other"', 3, 'other', 'curiosity', 'access.need-to-know'],
	['a stranger no task needed', 7, 'enquiry', 'not-needed', 'access.need-to-know']
];

describe('need-to-know from the audit trail (handbook 3.5, 4.11, 4.12)', () => {
	it.each(rows)('%s', (_, patient, reasonId, verdict, rule) => {
		const j = judgeAccess({ patient, reason: reasonId }, work, known);
		expect(j.verdict).toBe(verdict);
		expect(j.reasons[0].rule).toBe(rule);
	});

	it('a task needing the record wins over knowing the person', () => {
		expect(judgeAccess({ patient: 1, reason: 'enquiry' }, work, known).verdict).toBe('work-reason');
	});

	it('the audit asks for a self-report exactly when something was opened without a need', () => {
		expect(auditAccess([{ patient: 1, reason: 'enquiry' }], work, known).shouldReport).toBe(false);
		expect(auditAccess([{ patient: 1, reason: 'filing' }], work, known).shouldReport).toBe(false);
		const a = auditAccess(
			[
				{ patient: 1, reason: 'enquiry' },
				{ patient: 2, reason: 'enquiry' }
			],
			work,
			known
		);
		expect(a.worst).toBe('curiosity');
		expect(a.shouldReport).toBe(true);
		expect(a.reasons[0].text).toMatch(/handbook 3\.5, 4\.11, 4\.12/);
	});

	const entry = fc.record({
		patient: fc.integer({ min: 0, max: 9 }),
		reason: fc.constantFrom('enquiry', 'registration', 'filing', 'other')
	});

	it('the worst verdict is one of the entries’ verdicts, and order does not matter', () => {
		fc.assert(
			fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
				const a = auditAccess(entries, work, known);
				const b = auditAccess([...entries].reverse(), work, known);
				expect(a.worst).toBe(b.worst);
				expect(a.shouldReport).toBe(b.shouldReport);
				if (entries.length) expect(a.entries.map((e) => e.verdict)).toContain(a.worst);
				const opensKnownWithoutTask = entries.some(
					(e) => known.some((k) => k.patient === e.patient) && !work.some((w) => w.patient === e.patient)
				);
				if (opensKnownWithoutTask) expect(a.worst).toBe('curiosity');
			})
		);
	});
});

describe('your own record: a LOCAL rule, TrustRules.selfAccess (handbook 4.11, 3.5)', () => {
	const self: KnownPerson[] = [...known, { patient: 5, relation: 'self' }];
	type SelfRow = [string, 'forbidden' | 'allowed' | undefined, AccessVerdict, boolean];
	const table: SelfRow[] = [
		['the default forbids it: curiosity, to be reported', undefined, 'curiosity', true],
		['a trust that forbids it: curiosity, to be reported', 'forbidden', 'curiosity', true],
		['a trust that allows it: permitted, nothing to report', 'allowed', 'permitted-self', false]
	];

	it.each(table)('%s', (_, selfAccess, verdict, report) => {
		const settings = selfAccess ? { selfAccess } : {};
		const j = judgeAccess({ patient: 5, reason: 'enquiry' }, work, self, settings);
		expect(j.verdict).toBe(verdict);
		expect(j.reasons[0].rule).toBe('access.need-to-know');
		expect(j.reasons[0].text).toMatch(/handbook 3\.5, 4\.11/);
		expect(auditAccess([{ patient: 5, reason: 'other' }], work, self, settings).shouldReport).toBe(report);
		expect(ownRecordAccess(settings).allowed).toBe(selfAccess === 'allowed');
		expect(securityActions({ kind: 'own-record' }, settings)['look-up-own-record']).toBe(
			selfAccess === 'allowed' ? 'right' : 'unlawful-disclosure'
		);
	});

	it('the forbidden rule names the subject access route', () => {
		expect(
			ownRecordAccess()
				.reasons.map((r) => r.text)
				.join(' ')
		).toMatch(/subject access request/);
	});

	it('whatever the setting: the patient route is always right, a colleague looking for you never is', () => {
		for (const selfAccess of ['forbidden', 'allowed'] as const) {
			const t = securityActions({ kind: 'own-record' }, { selfAccess });
			expect(t['use-patient-route']).toBe('right');
			expect(t['ask-colleague-own-record']).toBe('unlawful-disclosure');
		}
	});

	const entry = fc.record({
		patient: fc.integer({ min: 0, max: 9 }),
		reason: fc.constantFrom('enquiry', 'registration', 'filing', 'other')
	});

	it('the setting changes only verdicts on the user’s own record, and only to permitted', () => {
		fc.assert(
			fc.property(fc.array(entry, { maxLength: 12 }), fc.integer({ min: 0, max: 9 }), (entries, me) => {
				const people: KnownPerson[] = [
					...known.filter((k) => k.patient !== me),
					{ patient: me, relation: 'self' }
				];
				const forbidden = auditAccess(entries, work, people);
				const allowed = auditAccess(entries, work, people, { selfAccess: 'allowed' });
				forbidden.entries.forEach((f, i) => {
					const a = allowed.entries[i];
					const ownWithoutTask = f.entry.patient === me && !work.some((w) => w.patient === me);
					if (ownWithoutTask) {
						expect(f.verdict).toBe('curiosity');
						expect(a.verdict).toBe('permitted-self');
					} else expect(a.verdict).toBe(f.verdict);
				});
				// Allowing self-access never makes a trail worse.
				if (!forbidden.shouldReport) expect(allowed.shouldReport).toBe(false);
			})
		);
	});
});
