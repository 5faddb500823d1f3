// Issue 3: "no function throws on arbitrary strings except where documented". Functions documented as never
// throwing are fed arbitrary strings; those documented to throw may throw only RangeError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as d from './index';

const neverThrows: Array<[string, (s: string) => unknown]> = [
	['isValidNhsNumber', (s) => d.isValidNhsNumber(s)],
	['normaliseNhsNumber', (s) => d.normaliseNhsNumber(s)],
	['parseNhsNumber', (s) => d.parseNhsNumber(s)],
	['nhsNumberPlausibility', (s) => d.nhsNumberPlausibility(s)],
	['isPlausibleNhsNumber', (s) => d.isPlausibleNhsNumber(s)],
	['isTestRangeNhsNumber', (s) => d.isTestRangeNhsNumber(s)],
	['checkDigitFor', (s) => d.checkDigitFor(s)],
	['classifyNhsNumberError', (s) => d.classifyNhsNumberError(s, '9434765919')],
	['isValidHospitalNumber', (s) => d.isValidHospitalNumber(s)],
	['isValidChiNumber', (s) => d.isValidChiNumber(s)],
	['chiSex', (s) => d.chiSex(s)],
	['chiDateOfBirth', (s) => d.chiDateOfBirth(s, s)],
	['isValidHcNumber', (s) => d.isValidHcNumber(s)],
	['possibleIdentifierSchemes', (s) => d.possibleIdentifierSchemes(s)],
	['isBankHoliday', (s) => d.isBankHoliday(s)],
	['isWorkingDay', (s) => d.isWorkingDay(s)],
	['isDeadlineDay', (s) => d.isDeadlineDay(s)],
	['laterDate', (s) => d.laterDate(s, s)],
	['parseUkDate', (s) => d.parseUkDate(s)],
	['formatDateOfBirth', (s) => d.formatDateOfBirth(s)],
	['formatPatientName', (s) => d.formatPatientName(s, s)],
	[
		'matchIdentity',
		(s) => d.matchIdentity({ name: s, dateOfBirth: s, nhsNumber: s }, { name: s, postcode: s })
	],
	['alphabeticalKey', (s) => d.alphabeticalKey({ surname: s, forenames: s, dateOfBirth: s })],
	['sectionIndex', (s) => d.sectionIndex(s)],
	[
		'orderDocuments',
		(s) =>
			d.orderDocuments([
				{ section: s, date: s },
				{ section: 'front', date: s }
			])
	],
	['ruleById', (s) => d.ruleById(s)],
	['reason', () => d.reason('sar.one-month')]
];

const throwsRangeErrorOnly: Array<[string, (s: string) => unknown]> = [
	['formatNhsNumber', (s) => d.formatNhsNumber(s)],
	['terminalDigitOrder', (s) => d.terminalDigitOrder([s])],
	['middleDigitOrder', (s) => d.middleDigitOrder([s])],
	['straightNumericOrder', (s) => d.straightNumericOrder([s])],
	['shelfSectionFor', (s) => d.shelfSectionFor(s)],
	['misfileSearchCandidates', (s) => d.misfileSearchCandidates(s)],
	['sarDeadline', (s) => d.sarDeadline(s, { clockStarts: s })],
	['ahraDeadline', (s) => d.ahraDeadline(s, s)],
	['breachReportDeadline', (s) => d.breachReportDeadline(s)],
	['onOrNextWorkingDay', (s) => d.onOrNextWorkingDay(s)],
	['addWorkingDays', (s) => d.addWorkingDays(s, 3)],
	['workingDaysBetween', (s) => d.workingDaysBetween(s, '2026-01-01')],
	['retentionReviewDate', (s) => d.retentionReviewDate({ type: 'adult', lastSeen: s })],
	['disposalOptions', (s) => d.disposalOptions({ type: 'gp', dateOfDeath: s }, s)]
];

const inputs = fc.oneof(
	fc.string(),
	fc.string({ unit: 'grapheme' }),
	fc.stringMatching(/^[0-9 -]{0,14}$/),
	fc.date({ noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10))
);

describe('robustness on arbitrary strings (issue 3)', () => {
	it.each(neverThrows)('%s never throws', (_name, fn) => {
		fc.assert(
			fc.property(inputs, (s) => {
				fn(s);
				return true;
			})
		);
	});
	it.each(throwsRangeErrorOnly)('%s throws only RangeError', (_name, fn) => {
		fc.assert(
			fc.property(inputs, (s) => {
				try {
					fn(s);
					return true;
				} catch (e) {
					expect(e).toBeInstanceOf(RangeError);
					return true;
				}
			})
		);
	});
});
