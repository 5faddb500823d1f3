import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkDisposal,
	disposalOptions,
	retentionReview,
	retentionReviewDate,
	type RetentionRecord
} from './retention';

describe('retentionReviewDate (handbook 5.2 worked rules)', () => {
	it.each([
		[{ type: 'adult', lastSeen: '2018-03-31' }, '2026-03-31', '5.2 adult: last seen + 8 years'],
		[{ type: 'adult', lastSeen: '2016-02-29' }, '2024-02-29', '5.2 adult: leap day to leap day'],
		[{ type: 'adult', lastSeen: '2017-02-28' }, '2025-02-28', '5.2 adult: month end'],
		[
			{ type: 'adult', lastSeen: '2015-06-01', dateOfDeath: '2016-01-10' },
			'2024-01-10',
			'5.1 clock starts at death'
		],
		[
			{ type: 'child', dateOfBirth: '2010-05-05', lastSeen: '2020-01-01' },
			'2035-05-05',
			'5.2 child < 17: 25th birthday'
		],
		[
			{ type: 'child', dateOfBirth: '2005-06-01', lastSeen: '2022-12-01' },
			'2031-06-01',
			'5.2 child at 17: 26th birthday'
		],
		[
			{ type: 'child', dateOfBirth: '2005-06-01', lastSeen: '2022-05-31' },
			'2030-06-01',
			'5.2 day before 17th birthday: 25th'
		],
		[
			{ type: 'child', dateOfBirth: '2005-06-01', lastSeen: '2022-06-01' },
			'2031-06-01',
			'5.2 on 17th birthday: 26th'
		],
		[
			{ type: 'child', dateOfBirth: '2005-06-01', lastSeen: '2023-06-01' },
			'2031-06-01',
			'5.2 at 18: max(25th, +8) = +8'
		],
		[
			{ type: 'child', dateOfBirth: '2000-01-01', lastSeen: '2018-06-01' },
			'2026-06-01',
			'5.2 at 18: last seen + 8 later than 25th'
		],
		[
			{ type: 'child', dateOfBirth: '2004-02-29', lastSeen: '2010-01-01' },
			'2029-03-01',
			'5.2 leap-day birthday, 25th in a common year'
		],
		[{ type: 'maternity', lastChildBorn: '2001-09-15' }, '2026-09-15', '5.2 maternity: last child + 25'],
		[{ type: 'mental-health', lastSeen: '2006-01-31' }, '2026-01-31', '5.2 mental health: + 20'],
		[
			{ type: 'mental-health', lastSeen: '2010-01-01', dateOfDeath: '2012-01-01' },
			'2022-01-01',
			'5.2 mental health: death + 10 if sooner'
		],
		[
			{ type: 'mental-health', lastSeen: '2010-01-01', dateOfDeath: '2025-01-01' },
			'2030-01-01',
			'5.2 mental health: + 20 sooner'
		],
		[{ type: 'oncology', diagnosed: '1996-04-01' }, '2026-04-01', '5.2 oncology: diagnosis + 30'],
		[
			{ type: 'oncology', diagnosed: '2000-04-01', dateOfDeath: '2005-01-01' },
			'2013-01-01',
			'5.2 oncology: death + 8 if sooner'
		],
		[{ type: 'gp', dateOfDeath: '2016-11-25' }, '2026-11-25', '5.2 GP: death + 10'],
		[{ type: 'gp', dateOfDeath: '2024-02-29' }, '2034-03-01', '5.2 GP: leap-day death'],
		[{ type: 'adult', lastSeen: '2010-01-01', legalHold: true }, null, '5.2 legal hold: no review date']
	] as const)('%j → %s (%s)', (record, expected, _note) => {
		expect(retentionReviewDate({ ...record })).toBe(expected);
	});

	it.each([
		[{ type: 'gp' }, '5.2 GP needs a date of death'],
		[{ type: 'child', lastSeen: '2020-01-01' }, '5.2 child needs a date of birth'],
		[{ type: 'adult' }, '5.1 adult needs last seen or death'],
		[{ type: 'adult', lastSeen: '01/02/2020' }, '5.1 dates are ISO']
	] as const)('%j throws RangeError (%s)', (record, _note) => {
		expect(() => retentionReviewDate({ ...record })).toThrow(RangeError);
	});
});

describe('retentionReview (handbook 5.1-5.3 and settings)', () => {
	it.each([
		[{ type: 'adult-social-care', lastSeen: '2018-01-01' }, {}, '2026-01-01', '5.2 adult social care'],
		[
			{ type: 'gp-deregistered', dateOfBirth: '1950-01-01' },
			{},
			'2050-01-01',
			'5.2 deregistered: 100 years (UNCERTAIN)'
		],
		[{ type: 'cjd', diagnosed: '2000-01-01' }, {}, '2030-01-01', '5.2 CJD (UNCERTAIN)'],
		[
			{ type: 'blood-transfusion', transfused: '2000-01-01' },
			{},
			'2030-01-01',
			'5.2 transfusion (UNCERTAIN)'
		],
		[
			{ type: 'adult', lastSeen: '2010-01-01', reusedOn: ['2015-06-01'] },
			{},
			'2023-06-01',
			'5.1 reset when reused'
		],
		[
			{ type: 'adult', lastSeen: '2010-01-01', reusedOn: ['2009-06-01'] },
			{},
			'2018-01-01',
			'5.1 earlier contact does not shorten'
		],
		[
			{ type: 'maternity', lastChildBorn: '2000-01-01', reusedOn: ['2003-03-03'] },
			{},
			'2028-03-03',
			'5.1 another birth resets'
		],
		[
			{ type: 'adult', lastSeen: '2018-03-31' },
			{ retentionRoundToYearEnd: true },
			'2026-12-31',
			'5.1 LOCAL year-end rounding'
		],
		[
			{ type: 'mental-health', lastSeen: '2010-01-01', dateOfDeath: '2012-01-01' },
			{ mentalHealthDeathRule: 'later' },
			'2030-01-01',
			'5.2 setting: later'
		],
		[
			{ type: 'oncology', diagnosed: '2000-04-01', dateOfDeath: '2005-01-01' },
			{ oncologyDeathRule: 'later' },
			'2030-04-01',
			'5.2 setting: later'
		],
		[
			{ type: 'child', dateOfBirth: '2010-01-01', lastSeen: '2012-01-01', dateOfDeath: '2012-01-01' },
			{},
			'2035-01-01',
			'5.2 child died: rule off by default'
		],
		[
			{ type: 'child', dateOfBirth: '2010-01-01', lastSeen: '2012-01-01', dateOfDeath: '2012-01-01' },
			{ childDeathRule: true },
			'2020-01-01',
			'5.2 child died: older rule (UNCERTAIN)'
		]
	] as const)('%j %j → %s (%s)', (record, settings, expected, _note) => {
		expect(retentionReview({ ...record } as RetentionRecord, { ...settings }).reviewDate).toBe(expected);
	});

	it('applies inquiry moratoria only to records they cover (5.3)', () => {
		expect(retentionReview({ type: 'adult', lastSeen: '2019-12-31', inquiries: ['covid-19'] }).onHold).toBe(
			false
		);
		expect(
			retentionReview({ type: 'adult', lastSeen: '2020-01-01', inquiries: ['covid-19'] }).reviewDate
		).toBeNull();
		expect(
			retentionReview({
				type: 'child',
				dateOfBirth: '1980-01-01',
				lastSeen: '1990-01-01',
				inquiries: ['iicsa']
			}).onHold
		).toBe(true);
		expect(
			retentionReview({ type: 'adult', lastSeen: '2019-01-01', inquiries: ['not-a-listed-inquiry'] }).onHold
		).toBe(false);
		expect(
			retentionReview({ type: 'adult', lastSeen: '2019-01-01', inquiries: ['iicsa'] }, { moratoria: [] })
				.onHold
		).toBe(false);
	});

	it('reasons cite handbook section 5', () => {
		const r = retentionReview({
			type: 'adult',
			lastSeen: '2010-01-01',
			reusedOn: ['2015-01-01'],
			legalHold: true
		});
		expect(r.rules).toEqual(['retention.reset-on-reuse', 'retention.adult', 'retention.legal-hold']);
		expect(r.reasons.every((x) => /handbook 5\./.test(x.text))).toBe(true);
		expect(r.scheduleDate).toBe('2023-01-01');
	});

	it('is never before the clock start, and reuse never brings it earlier (property)', () => {
		const date = fc
			.date({ min: new Date('1950-01-01'), max: new Date('2080-01-01'), noInvalidDate: true })
			.map((d) => d.toISOString().slice(0, 10));
		fc.assert(
			fc.property(
				date,
				date,
				fc.constantFrom('adult', 'mental-health', 'maternity' as const),
				(seen, again, type) => {
					const base = retentionReview({ type, lastSeen: seen, lastChildBorn: seen }).reviewDate!;
					const reused = retentionReview({
						type,
						lastSeen: seen,
						lastChildBorn: seen,
						reusedOn: [again]
					}).reviewDate!;
					return base > seen && reused >= base;
				}
			)
		);
	});
});

describe('disposal (handbook 5.3)', () => {
	const due = { type: 'adult', lastSeen: '2010-01-01' } as const;
	const notDue = { type: 'adult', lastSeen: '2020-01-01' } as const;
	const held = { type: 'adult', lastSeen: '2010-01-01', legalHold: true } as const;
	it.each([
		[due, { outcome: 'destroy-with-certificate', certificate: true }, true, 'retention.destroy-certificate'],
		[due, { outcome: 'destroy-with-certificate' }, false, 'retention.destroy-certificate'],
		[
			due,
			{ outcome: 'retain-with-reason', justification: 'Ongoing litigation expected' },
			true,
			'retention.retain-reason'
		],
		[due, { outcome: 'retain-with-reason', justification: '  ' }, false, 'retention.retain-reason'],
		[due, { outcome: 'transfer-to-place-of-deposit' }, true, 'retention.place-of-deposit'],
		[notDue, { outcome: 'destroy-with-certificate', certificate: true }, false, 'retention.minimums'],
		[notDue, { outcome: 'transfer-to-place-of-deposit' }, false, 'retention.minimums'],
		[notDue, { outcome: 'retain-with-reason' }, true, 'retention.minimums'],
		[held, { outcome: 'destroy-with-certificate', certificate: true }, false, 'retention.legal-hold'],
		[held, { outcome: 'retain-with-reason' }, true, 'retention.legal-hold']
	] as const)('%j %j allowed=%s (%s)', (record, decision, allowed, rule) => {
		const r = checkDisposal(record, '2026-11-25', decision);
		expect(r.allowed).toBe(allowed);
		expect(r.reasons.map((x) => x.rule)).toContain(rule);
	});
	it('offers only retention before the review date or under a hold', () => {
		expect(disposalOptions(notDue, '2026-11-25').options).toEqual(['retain-with-reason']);
		expect(disposalOptions(held, '2026-11-25').options).toEqual(['retain-with-reason']);
		expect(disposalOptions(due, '2018-01-01').due).toBe(true);
		expect(disposalOptions(due, '2017-12-31').due).toBe(false);
	});
});
