import { formatDateOfBirth, parseUkDate } from '../domain/identity-match';

/**
 * Turning what a clerk types into the forms the index holds. Lenient on purpose: people type dates, numbers and
 * postcodes in many ways, and a search that silently finds nothing is how duplicate registrations happen
 * (handbook 3.1).
 */

/** Digits only: '999 123 4567' → '9991234567'. */
export function digitsOnly(value: string): string {
	return value.replace(/\D/g, '');
}

/** Hospital numbers compared without spaces and case: 'k 123456' → 'K123456'. */
export function normaliseHospitalNumber(value: string): string {
	return value.replace(/\s+/g, '').toUpperCase();
}

/** Postcodes compared without spaces: 'ls6 8qt' → 'LS68QT'. */
export function normalisePostcode(value: string): string {
	return value.replace(/\s+/g, '').toUpperCase();
}

/** Names compared in lower case without accents, dots or extra spaces; hyphens and apostrophes kept. */
export function normaliseName(value: string): string {
	return value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z'\- ]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * A date of birth typed in any common UK way, as ISO 'YYYY-MM-DD', or null if it is not a real date. The date rule
 * is the domain's (day before month, handbook 1.7); the PAS only adds the clerk's shortcuts of typing eight digits
 * (04031987) or spaces (04 03 1987).
 * @example parseDob('04031987') // '1987-03-04'
 */
export function parseDob(value: string): string | null {
	const v = value.trim();
	const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(v) ?? /^(\d{1,2}) (\d{1,2}) (\d{4})$/.exec(v);
	return parseUkDate(compact ? `${compact[1]}/${compact[2]}/${compact[3]}` : v);
}

/** 'YYYY-MM-DD' as 'DD-Mmm-YYYY', the unambiguous display of the wristband standard (handbook 1.6). */
export function displayDob(isoDate: string): string {
	return formatDateOfBirth(isoDate) || isoDate;
}

/** 10 digits in 3-3-4 groups for display; anything else is shown as typed. */
export function displayNhsNumber(nhs: string | null): string {
	if (!nhs) return 'Not known';
	return /^\d{10}$/.test(nhs) ? `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}` : nhs;
}
