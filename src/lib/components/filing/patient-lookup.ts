/**
 * A minimal patient lookup for the filing scenarios, behind a small interface so the simulated PAS (retrieval
 * issue) can replace it: anything with `search(query)` will do. It finds patients; it never decides whether a
 * sheet matches one (that is the learner's job, and the scenario's answer key judges it).
 */
import type { LookupPatient } from '$lib/scenarios/filing/loose-filing';

export interface PatientLookup {
	/** Patients matching a name, NHS number, hospital number or date of birth (or a mix), best first. */
	search(query: string): LookupPatient[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A typed date of birth as ISO, for "04/03/1987", "4-3-1987", "04-Mar-1987", "4 March 1987" or "1987-03-04". */
export function parseTypedDate(token: string): string | null {
	const t = token.trim().toLowerCase();
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
	if (m) return iso(+m[1], +m[2], +m[3]);
	m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
	if (m) return iso(+m[3], +m[2], +m[1]);
	m = /^(\d{1,2})[\s-]([a-z]{3,9})[\s-](\d{4})$/.exec(t);
	if (m) {
		const month = MONTHS.indexOf(m[2].slice(0, 3));
		return month < 0 ? null : iso(+m[3], month + 1, +m[1]);
	}
	return null;
}

function iso(y: number, m: number, d: number): string | null {
	if (m < 1 || m > 12 || d < 1 || d > 31) return null;
	return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const fold = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9 ]/g, ' ');

/** Lookup over an in-memory list: fine for a training trust of a few hundred patients. */
export function createMinimalLookup(patients: readonly LookupPatient[], limit = 25): PatientLookup {
	return {
		search(query) {
			const q = query.trim();
			if (!q) return [];
			// Dates may be typed with spaces ("4 March 1987"): pull them out before splitting into words.
			const dates: string[] = [];
			const rest = q.replace(
				/\b\d{1,2}[\s-][A-Za-z]{3,9}[\s-]\d{4}\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/g,
				(m) => {
					const d = parseTypedDate(m);
					if (d) dates.push(d);
					return d ? ' ' : m;
				}
			);
			const compact = rest.replace(/[\s-]/g, '');
			const numberOnly = /^[A-Za-z]{0,3}\d{5,10}$/.test(compact) ? compact.toUpperCase() : null;
			const words = numberOnly ? [] : fold(rest).split(/\s+/).filter(Boolean);
			const out = patients.filter((p) => {
				if (numberOnly) {
					const digits = numberOnly.replace(/^[A-Z]+/, '');
					if (
						p.nhs !== digits &&
						p.hospitalNumber !== numberOnly &&
						p.hospitalNumber.replace(/^[A-Z]+/, '') !== digits
					)
						return false;
				}
				if (dates.length && !dates.includes(p.dob)) return false;
				if (words.length) {
					const parts = fold(`${p.forenames} ${p.surname}`).split(/\s+/);
					if (!words.every((w) => parts.some((part) => part.startsWith(w)))) return false;
				}
				return numberOnly !== null || dates.length > 0 || words.length > 0;
			});
			return out.slice(0, limit);
		}
	};
}
