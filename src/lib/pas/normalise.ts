/**
 * Turning what a clerk types into the forms the index holds. Lenient on purpose: people type dates, numbers and
 * postcodes in many ways, and a search that silently finds nothing is how duplicate registrations happen
 * (handbook 3.1).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

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

function iso(y: number, m: number, d: number): string | null {
	if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1850 || y > 2200) return null;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCMonth() !== m - 1) return null;
	return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date of birth typed in any common UK way, as ISO 'YYYY-MM-DD', or null if it is not a real date. Day comes
 * before month (UK order, handbook 1.7): '04/03/1987' is 4 March.
 * @example parseDob('4-Mar-1987') // '1987-03-04'
 */
export function parseDob(value: string): string | null {
	const v = value.trim().toLowerCase();
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
	if (m) return iso(+m[1], +m[2], +m[3]);
	m = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(v);
	if (m) return iso(+m[3], +m[2], +m[1]);
	m = /^(\d{1,2})[/.\- ]?([a-z]{3})[a-z]*[/.\- ]?(\d{4})$/.exec(v);
	if (m) {
		const month = MONTHS.indexOf(m[2]);
		return month < 0 ? null : iso(+m[3], month + 1, +m[1]);
	}
	m = /^(\d{2})(\d{2})(\d{4})$/.exec(v);
	if (m) return iso(+m[3], +m[2], +m[1]);
	return null;
}

/** 'YYYY-MM-DD' as 'DD-Mmm-YYYY', the unambiguous display the wristband standard uses (handbook 1.6). */
export function displayDob(isoDate: string): string {
	const [y, m, d] = isoDate.split('-');
	const month = MONTHS[Number(m) - 1];
	return `${d}-${month[0].toUpperCase()}${month.slice(1)}-${y}`;
}

/** 10 digits in 3-3-4 groups for display; anything else is shown as typed. */
export function displayNhsNumber(nhs: string | null): string {
	if (!nhs) return 'Not known';
	return /^\d{10}$/.test(nhs) ? `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}` : nhs;
}
