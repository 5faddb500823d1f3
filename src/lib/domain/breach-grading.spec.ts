import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeBreach, type BreachData, type BreachRecipient } from './breach-grading';

type Row = [string, BreachRecipient, BreachData, boolean, number, number, boolean, boolean];

// [case, recipient, data, vulnerable, likelihood, severity, report to ICO, tell the patient]
const rows: Row[] = [
	['recalled unread, clinic letter', 'recovered-unread', 'clinical', false, 1, 3, false, false],
	['NHS colleague deleted it, clinic letter', 'trusted-deleted', 'clinical', false, 2, 3, false, false],
	['outside address, no reply, appointment only', 'unknown', 'appointment', false, 3, 2, true, false],
	[
		'outside address, no reply, contact details only',
		'unknown',
		'contact-details',
		false,
		3,
		1,
		false,
		false
	],
	['outside address, no reply, clinic letter', 'unknown', 'clinical', false, 3, 3, true, false],
	['outside address, no reply, clinic letter about a child', 'unknown', 'clinical', true, 3, 4, true, true],
	[
		'letter to the wrong household, sexual health',
		'wrong-household',
		'sensitive-clinical',
		false,
		4,
		4,
		true,
		true
	],
	[
		'read by a stranger, mental health, vulnerable',
		'read-by-stranger',
		'sensitive-clinical',
		true,
		5,
		5,
		true,
		true
	],
	['read by a stranger, contact details', 'read-by-stranger', 'contact-details', false, 5, 1, false, false]
];

describe('grading a breach (handbook 4.10)', () => {
	it.each(rows)('%s', (_, recipient, data, vulnerable, likelihood, severity, ico, tell) => {
		const g = gradeBreach({ recipient, data, vulnerable });
		expect([g.likelihood, g.severity, g.notifyIco, g.tellIndividuals]).toEqual([
			likelihood,
			severity,
			ico,
			tell
		]);
		expect(g.reasons.map((r) => r.rule)).toEqual([
			'breach.grading',
			ico ? 'breach.ico-72-hours' : 'breach.record-decision',
			'breach.tell-individuals'
		]);
	});

	it('the thresholds are configurable (UNCERTAIN grid)', () => {
		const facts = { recipient: 'unknown', data: 'appointment', vulnerable: false } as const;
		expect(gradeBreach(facts).notifyIco).toBe(true);
		expect(gradeBreach(facts, { icoSeverity: 3 }).notifyIco).toBe(false);
	});

	const facts = fc.record({
		recipient: fc.constantFrom<BreachRecipient>(
			'recovered-unread',
			'trusted-deleted',
			'unknown',
			'wrong-household',
			'read-by-stranger'
		),
		data: fc.constantFrom<BreachData>('contact-details', 'appointment', 'clinical', 'sensitive-clinical'),
		vulnerable: fc.boolean()
	});

	it('grades stay on the 1-5 scales; a high risk is always also reported to the ICO', () => {
		fc.assert(
			fc.property(facts, (f) => {
				const g = gradeBreach(f);
				expect(g.likelihood).toBeGreaterThanOrEqual(1);
				expect(g.likelihood).toBeLessThanOrEqual(5);
				expect(g.severity).toBeGreaterThanOrEqual(1);
				expect(g.severity).toBeLessThanOrEqual(5);
				if (g.tellIndividuals) expect(g.notifyIco).toBe(true);
			})
		);
	});

	it('a vulnerable person never lowers the grade or turns a report into no report', () => {
		fc.assert(
			fc.property(facts, (f) => {
				const plain = gradeBreach({ ...f, vulnerable: false });
				const vuln = gradeBreach({ ...f, vulnerable: true });
				expect(vuln.severity).toBeGreaterThanOrEqual(plain.severity);
				if (plain.notifyIco) expect(vuln.notifyIco).toBe(true);
				if (plain.tellIndividuals) expect(vuln.tellIndividuals).toBe(true);
			})
		);
	});

	it('unknown facts grade as the worse case rather than throwing', () => {
		const g = gradeBreach({ recipient: 'nope', data: 'nope', vulnerable: false } as never);
		expect(g.likelihood).toBe(3);
		expect(g.notifyIco).toBe(true);
	});
});
