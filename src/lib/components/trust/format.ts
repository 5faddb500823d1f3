import { formatNhsNumber } from '$lib/domain/nhs-number';
import { displayDate } from '$lib/generator/dates';

/** NHS number in 3-3-4 groups, or a plain statement when PAS has none (handbook 1.1, 1.4). */
export function nhsDisplay(n: string | null): string {
	return n ? formatNhsNumber(n) : 'Not known';
}

/** Surname in capitals, then forenames: the wristband order (handbook 1.6). */
export function patientName(p: { surname: string; forenames: string[]; title?: string }): string {
	return `${p.surname.toUpperCase()}, ${p.forenames.join(' ')}${p.title ? ` (${p.title})` : ''}`;
}

/** DD-Mmm-YYYY, which cannot be misread as a US date (handbook 1.7). */
export function dateDisplay(iso: string | null): string {
	return iso ? displayDate(iso) : '';
}

export const SECTION_LABELS: Record<string, string> = {
	front: 'Front: alerts and legal',
	correspondence: 'Correspondence',
	'clinical-notes': 'Clinical notes',
	results: 'Results',
	operations: 'Operations',
	nursing: 'Nursing',
	'drug-charts': 'Drug charts',
	consent: 'Consent',
	specialty: 'Specialty (ED cards, maternity)',
	miscellaneous: 'Miscellaneous'
};

export const SCOPE_LABELS: Record<string, string> = {
	appointments: 'Appointments',
	results: 'Results',
	'general-condition': 'General condition',
	'full-record': 'Full record',
	'collect-letters': 'May collect letters'
};
