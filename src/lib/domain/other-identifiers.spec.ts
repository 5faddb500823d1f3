import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigitFor } from './nhs-number';
import {
	chiDateOfBirth,
	chiSex,
	generateHospitalNumber,
	isValidChiNumber,
	isValidHcNumber,
	isValidHospitalNumber,
	possibleIdentifierSchemes
} from './other-identifiers';

describe('hospital number (handbook 1.5, LOCAL format)', () => {
	const kFormat = { hospitalNumber: { prefix: 'K', minDigits: 6, maxDigits: 8 } };
	it.each([
		['123456', {}, true, '1.5 default six digits'],
		['12 34 56', {}, true, '1.5 typed with spaces'],
		['1234567', {}, false, '1.5 too long for the default'],
		['K1234567', kFormat, true, '1.5 prefix format'],
		['k-123456', kFormat, true, '1.5 lower-case prefix typed'],
		['123456', kFormat, false, '1.5 missing prefix'],
		['K12345', kFormat, false, '1.5 too short'],
		['', {}, false, '1.5 empty']
	])('%s valid=%s (%s)', (input, settings, expected, _note) => {
		expect(isValidHospitalNumber(input, settings)).toBe(expected);
	});
	it('generates only numbers in the trust format (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
					minLength: 12,
					maxLength: 12
				}),
				(values) => {
					let i = 0;
					const n = generateHospitalNumber(() => values[i++ % values.length], kFormat);
					return isValidHospitalNumber(n, kFormat);
				}
			)
		);
	});
});

describe('CHI number (handbook 1.5)', () => {
	it.each([
		['1503851230', true, 'male', '1.5 valid, odd ninth digit'],
		['1503851222', true, 'female', '1.5 valid, even ninth digit'],
		['150385 1230', true, 'male', '1.5 typed with a space'],
		['1503851231', false, null, '1.5 wrong check digit'],
		['3002851230', false, null, '1.5 30 February is not a date'],
		['2902001234', false, null, '1.5 29 February 2000 is a date, but check digit wrong'],
		['150385123', false, null, '1.5 nine digits']
	])('%s valid=%s sex=%s (%s)', (input, valid, sex, _note) => {
		expect(isValidChiNumber(input)).toBe(valid);
		expect(chiSex(input)).toBe(sex);
	});
	it('accepts 29 February only in years that could be leap (1.5)', () => {
		const withCheck = (stem: string) => `${stem}${checkDigitFor(stem) ?? ''}`;
		const feb29of00 = [withCheck('290200123'), withCheck('290200124'), withCheck('290200125')].find(
			(n) => n.length === 10
		);
		expect(feb29of00 && isValidChiNumber(feb29of00)).toBe(true);
		const feb29of01 = ['290201123', '290201124', '290201125'].map(withCheck).find((n) => n.length === 10);
		expect(feb29of01 && isValidChiNumber(feb29of01)).toBe(false);
	});
	it('reads the date of birth with the century before a given date', () => {
		expect(chiDateOfBirth('1503851230', '2026-11-25')).toBe('1985-03-15');
		expect(chiDateOfBirth('1503851230', 'not a date')).toBeNull();
	});
	it('never throws on arbitrary input (property)', () => {
		fc.assert(
			fc.property(
				fc.string(),
				(s) => (typeof isValidChiNumber(s) === 'boolean' && chiDateOfBirth(s, s) === null) || true
			)
		);
	});
});

describe('H&C number and scheme detection (handbook 1.3, 1.5)', () => {
	it.each([
		['320 000 0015', true, ['hc'], '1.5 start of the NI block'],
		['320 000 0007', false, ['nhs'], '1.3 320 000 000 is just outside the NI block: an English 3xx number'],
		['999 000 0018', false, ['nhs-test'], '1.3 test range'],
		['401 023 2137', false, ['nhs'], '1.3 issued range'],
		['1503851230', false, ['chi'], '1.5 CHI'],
		['943 476 5919', false, [], '1.3 valid but in no known range'],
		['987 654 4321', false, [], '1.2 fails Mod 11']
	])('%s H&C=%s schemes=%j (%s)', (input, hc, schemes) => {
		expect(isValidHcNumber(input)).toBe(hc);
		expect(possibleIdentifierSchemes(input)).toEqual(schemes);
	});
});
