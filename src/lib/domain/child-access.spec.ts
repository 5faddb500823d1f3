import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	parentRequestForChild,
	PARENT_REQUEST_ACTIONS,
	type ChildView,
	type Competence,
	type ParentRequestAction
} from './child-access';
import { trustRules } from './settings';

type Row = [string, number, boolean, Competence, ChildView, ParentRequestAction, boolean];

// [case, age, parental responsibility, competence, young person's view, action, withhold confidences]
const rows: Row[] = [
	[
		'no parental responsibility shown',
		14,
		false,
		'competent',
		'authorises',
		'confirm-parental-responsibility',
		false
	],
	['a 6-year-old, not assessed', 6, true, 'not-assessed', 'not-asked', 'release-to-parent', true],
	['13, not yet assessed', 13, true, 'not-assessed', 'not-asked', 'assess-competence', false],
	[
		'15, not yet assessed (objecting does not skip the judgement)',
		15,
		true,
		'not-assessed',
		'objects',
		'assess-competence',
		false
	],
	['14, competent, not yet asked', 14, true, 'competent', 'not-asked', 'ask-young-person', false],
	['14, competent, authorises', 14, true, 'competent', 'authorises', 'release-with-authority', false],
	['15, competent, objects', 15, true, 'competent', 'objects', 'refuse-parent', false],
	['13, not competent, objects', 13, true, 'not-competent', 'objects', 'release-to-parent', true],
	['16, presumed competent, not asked', 16, true, 'not-assessed', 'not-asked', 'ask-young-person', false],
	['16, presumed competent, objects', 16, true, 'not-assessed', 'objects', 'refuse-parent', false],
	['16, judged not competent', 16, true, 'not-competent', 'not-asked', 'release-to-parent', true],
	['10, judged competent, objects', 10, true, 'competent', 'objects', 'refuse-parent', false]
];

describe('a parent asking for a child’s record (handbook 4.7, 4.15)', () => {
	it.each(rows)('%s', (_, ageYears, parentalResponsibility, competence, childView, action, withhold) => {
		const r = parentRequestForChild({ ageYears, parentalResponsibility, competence, childView });
		expect(r.action).toBe(action);
		expect(r.withholdConfidences).toBe(withhold);
		expect(r.reasons.length).toBeGreaterThan(0);
		for (const reason of r.reasons) expect(reason.text).toMatch(/\(handbook 4\.\d+(, 4\.\d+)*\)\.$/);
	});

	it('in Scotland a 12-year-old is presumed competent; in England they are assessed', () => {
		const facts = {
			ageYears: 12,
			parentalResponsibility: true,
			competence: 'not-assessed',
			childView: 'objects'
		} as const;
		expect(parentRequestForChild(facts, trustRules({ nation: 'scotland' })).action).toBe('refuse-parent');
		expect(parentRequestForChild(facts).action).toBe('assess-competence');
	});

	const facts = fc.record({
		ageYears: fc.oneof(fc.integer({ min: 0, max: 17 }), fc.constant(Number.NaN)),
		parentalResponsibility: fc.boolean(),
		competence: fc.constantFrom<Competence>('competent', 'not-competent', 'not-assessed'),
		childView: fc.constantFrom<ChildView>('authorises', 'objects', 'not-asked')
	});

	it('is total and always gives a known action with a reason', () => {
		fc.assert(
			fc.property(facts, fc.integer({ min: 10, max: 18 }), (f, presumed) => {
				const r = parentRequestForChild(f, { childPresumedCompetentAge: presumed });
				expect(PARENT_REQUEST_ACTIONS).toContain(r.action);
				expect(r.reasons.length).toBeGreaterThan(0);
			})
		);
	});

	it('never releases to a parent without parental responsibility, nor over a competent young person’s objection', () => {
		fc.assert(
			fc.property(facts, (f) => {
				const r = parentRequestForChild(f);
				const releases = r.action === 'release-to-parent' || r.action === 'release-with-authority';
				if (!f.parentalResponsibility) expect(releases).toBe(false);
				if (f.competence === 'competent' && f.childView === 'objects') expect(releases).toBe(false);
				if (f.competence === 'competent') expect(r.action).not.toBe('release-to-parent');
				// What a child said in confidence is held back exactly when the parent gets the record without them.
				expect(r.withholdConfidences).toBe(r.action === 'release-to-parent');
			})
		);
	});

	it('a young person at or over the presumed age is never sent for assessment', () => {
		fc.assert(
			fc.property(facts, (f) => {
				if (f.parentalResponsibility && f.ageYears >= 16)
					expect(parentRequestForChild(f).action).not.toBe('assess-competence');
			})
		);
	});
});
