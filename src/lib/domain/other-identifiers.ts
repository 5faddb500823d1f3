/**
 * Identifiers other than the English NHS number (handbook 1.5): the trust's hospital (casenote) number, whose
 * format is a LOCAL setting, the Scottish CHI number and the Northern Ireland H&C number.
 */
import { parseIsoDate, toIso } from './iso-date';
import { checkDigitFor, isValidNhsNumber, normaliseNhsNumber } from './nhs-number';
import { DEFAULT_TRUST_RULES, type TrustRules } from './settings';

function hospitalFormat(settings: Partial<TrustRules>): TrustRules['hospitalNumber'] {
	return settings.hospitalNumber ?? DEFAULT_TRUST_RULES.hospitalNumber;
}

/**
 * Upper-cases and strips spaces and dashes from a typed hospital number. '' for non-strings.
 * @example normaliseHospitalNumber(' k12-34 56 ') // 'K123456'
 */
export function normaliseHospitalNumber(input: unknown): string {
	if (typeof input !== 'string') return '';
	return input.replace(/[\s\-\u2010-\u2015\u2212]/g, '').toUpperCase();
}

/**
 * True when the input matches the trust's hospital number format (handbook 1.5; LOCAL setting `hospitalNumber`,
 * default six digits and no prefix). Never throws.
 * @example isValidHospitalNumber('072248') // true
 * @example isValidHospitalNumber('72248') // false
 * @example isValidHospitalNumber('K1234567', { hospitalNumber: { prefix: 'K', minDigits: 7, maxDigits: 7 } }) // true
 */
export function isValidHospitalNumber(input: unknown, settings: Partial<TrustRules> = {}): boolean {
	const { prefix, minDigits, maxDigits } = hospitalFormat(settings);
	const s = normaliseHospitalNumber(input);
	if (!s.startsWith(prefix.toUpperCase())) return false;
	const digits = s.slice(prefix.length);
	return /^[0-9]+$/.test(digits) && digits.length >= minDigits && digits.length <= maxDigits;
}

/**
 * Makes a hospital number in the trust's format from a random source returning [0, 1) (handbook 1.5). Uniqueness
 * within the trust is the caller's job.
 * @example generateHospitalNumber(() => 0.5) // '555555'
 * @example generateHospitalNumber(() => 0, { hospitalNumber: { prefix: 'RR', minDigits: 7, maxDigits: 8 } }) // 'RR0000000'
 */
export function generateHospitalNumber(random: () => number, settings: Partial<TrustRules> = {}): string {
	const { prefix, minDigits, maxDigits } = hospitalFormat(settings);
	const pick = (n: number) => Math.min(n - 1, Math.max(0, Math.floor(random() * n) || 0));
	const length = minDigits + pick(maxDigits - minDigits + 1);
	let digits = '';
	for (let i = 0; i < length; i++) digits += String(pick(10));
	return `${prefix}${digits}`;
}

function chiDigits(input: unknown): string | null {
	const s = normaliseNhsNumber(input);
	return /^[0-9]{10}$/.test(s) ? s : null;
}

function chiDateValid(s: string): boolean {
	const dd = s.slice(0, 2);
	const mm = s.slice(2, 4);
	const yy = s.slice(4, 6);
	// The century is not in the number: a date that exists in either 19yy or 20yy is accepted.
	return parseIsoDate(`19${yy}-${mm}-${dd}`) !== null || parseIsoDate(`20${yy}-${mm}-${dd}`) !== null;
}

/**
 * True for a Scottish CHI number (handbook 1.5): 10 digits, the first six a real date as DDMMYY, and a Modulus 11
 * check digit with the NHS number's weights. Spaces and dashes are ignored. Never throws.
 * @example isValidChiNumber('010100 0014') // true
 * @example isValidChiNumber('0101001234') // false
 * @example isValidChiNumber('1503851230') // true
 * @example isValidChiNumber('3002851230') // false
 */
export function isValidChiNumber(input: unknown): boolean {
	const s = chiDigits(input);
	if (!s || !chiDateValid(s)) return false;
	const check = checkDigitFor(s.slice(0, 9));
	return check !== null && check === Number(s[9]);
}

/**
 * The sex at registration from a valid CHI number's ninth digit: even female, odd male (handbook 1.5); null when
 * the number is not a valid CHI.
 * @example chiSex('1503851230') // 'male'
 * @example chiSex('1503851222') // 'female'
 * @example chiSex('nonsense') // null
 */
export function chiSex(input: unknown): 'female' | 'male' | null {
	const s = chiDigits(input);
	if (!s || !isValidChiNumber(s)) return null;
	return Number(s[8]) % 2 === 0 ? 'female' : 'male';
}

/**
 * The date of birth in a valid CHI number, as an ISO date. The number holds only two year digits, so the
 * century is the latest one that does not put the birth after `onOrBefore` (a date passed in, because the
 * domain never reads the clock). Null when the number is not a valid CHI.
 * @example chiDateOfBirth('1503851230', '2026-11-25') // '1985-03-15'
 * @example chiDateOfBirth('1503101231', '2026-11-25') // '2010-03-15'
 * @example chiDateOfBirth('1503101231', '2009-12-31') // '1910-03-15'
 */
export function chiDateOfBirth(input: unknown, onOrBefore: string): string | null {
	const s = chiDigits(input);
	const limit = parseIsoDate(onOrBefore);
	if (!s || !limit || !isValidChiNumber(s)) return null;
	const [dd, mm, yy] = [s.slice(0, 2), s.slice(2, 4), s.slice(4, 6)];
	const limitIso = toIso(limit);
	for (let century = Math.floor(limit.y / 100); century >= Math.floor(limit.y / 100) - 2; century--) {
		const candidate = parseIsoDate(`${century}${yy}-${mm}-${dd}`);
		if (candidate && toIso(candidate) <= limitIso) return toIso(candidate);
	}
	return null;
}

/**
 * True for a Northern Ireland H&C number (handbook 1.5): valid by Modulus 11 and from the reserved block
 * 320 000 001-399 999 999 (plus check digit). Never throws.
 * @example isValidHcNumber('320 000 0015') // true
 * @example isValidHcNumber('943 476 5919') // false
 */
export function isValidHcNumber(input: unknown): boolean {
	const s = normaliseNhsNumber(input);
	if (!isValidNhsNumber(s)) return false;
	const stem = Number(s.slice(0, 9));
	return stem >= 320_000_001 && stem <= 399_999_999;
}

export type IdentifierScheme = 'nhs' | 'nhs-test' | 'hc' | 'chi';

/**
 * Which national schemes a 10-digit number could belong to (handbook 1.3, 1.5). Ranges overlap (a CHI number is
 * also a Mod 11-valid 10-digit number), so this returns every candidate, most specific first; [] when none.
 * @example possibleIdentifierSchemes('999 000 0018') // ['nhs-test']
 * @example possibleIdentifierSchemes('320 000 0015') // ['hc']
 * @example possibleIdentifierSchemes('1503851230') // ['chi']
 * @example possibleIdentifierSchemes('401 023 2137') // ['nhs']
 */
export function possibleIdentifierSchemes(input: unknown): IdentifierScheme[] {
	const s = normaliseNhsNumber(input);
	if (!isValidNhsNumber(s)) return [];
	const stem = Number(s.slice(0, 9));
	const out: IdentifierScheme[] = [];
	if (stem >= 999_000_000) out.push('nhs-test');
	if (isValidHcNumber(s)) out.push('hc');
	if (isValidChiNumber(s)) out.push('chi');
	const issued = (stem >= 300_000_000 && stem <= 499_999_999) || (stem >= 600_000_000 && stem <= 799_999_999);
	if (issued && !out.includes('hc')) out.push('nhs');
	return out;
}
