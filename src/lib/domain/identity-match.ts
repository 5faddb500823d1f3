/**
 * Positive patient identification (handbook 1.6-1.7, 2.2, 6.2): compares the identifiers on a document, a
 * request or a caller's answers with a record, after normalising case, spacing, name order and date formats, and
 * names the classic traps (same name different date of birth, day/month swap, twins, alias or previous name,
 * miskeyed number).
 */
import { parseIsoDate, toIso } from './iso-date';
import { classifyNhsNumberError, normaliseNhsNumber } from './nhs-number';
import { normaliseHospitalNumber } from './other-identifiers';
import { reason, type Reason } from './rules';
import { DEFAULT_TRUST_RULES, type TrustRules } from './settings';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_DISPLAY = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Reads a date as people write it in the UK: ISO (1987-03-04), day first with / - or . (04/03/1987, 4.3.1987),
 * or with a month name (04-Mar-1987, 4 March 1987, 4 Sept 1987). Returns ISO, or null when it is not a real date.
 * Never throws.
 * @example parseUkDate('04-Mar-1987') // '1987-03-04'
 * @example parseUkDate('4/3/1987') // '1987-03-04'
 * @example parseUkDate('4 September 1987') // '1987-09-04'
 * @example parseUkDate('31/02/1987') // null
 */
export function parseUkDate(input: unknown): string | null {
	if (typeof input !== 'string') return null;
	const s = input.trim().toLowerCase().replace(/\s+/g, ' ');
	const iso = parseIsoDate(s);
	if (iso) return toIso(iso);
	let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
	if (m) {
		const d = parseIsoDate(`${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`);
		return d ? toIso(d) : null;
	}
	m = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]+)\.?,?[ -](\d{4})$/.exec(s);
	if (m) {
		const month = MONTHS.indexOf(m[2].slice(0, 3));
		const word = m[2];
		const full = [
			'january',
			'february',
			'march',
			'april',
			'may',
			'june',
			'july',
			'august',
			'september',
			'october',
			'november',
			'december'
		][month];
		if (month < 0 || !(word.length === 3 || word === 'sept' || word === full)) return null;
		const d = parseIsoDate(`${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`);
		return d ? toIso(d) : null;
	}
	return null;
}

/**
 * A date of birth in the wristband display DD-Mmm-YYYY (handbook 1.6), which cannot be read with day and month
 * swapped. '' when the input is not a date.
 * @example formatDateOfBirth('1987-03-04') // '04-Mar-1987'
 */
export function formatDateOfBirth(input: string): string {
	const iso = parseUkDate(input);
	if (!iso) return '';
	const [y, m, d] = iso.split('-');
	return `${d}-${MONTH_DISPLAY[Number(m) - 1]}-${y}`;
}

/**
 * A name in the wristband display: surname in capitals, then forenames in title case (handbook 1.6).
 * @example formatPatientName('smith', 'john paul') // 'SMITH John Paul'
 */
export function formatPatientName(surname: string, forenames: string): string {
	const title = (w: string) =>
		w.replace(/(^|[\s'-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
	return `${String(surname ?? '')
		.trim()
		.toUpperCase()} ${title(
		String(forenames ?? '')
			.trim()
			.toLowerCase()
	)}`.trim();
}

interface ParsedName {
	tokens: string[];
	surname?: string;
	first?: string;
}

function nameToken(w: string): string {
	return w
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[’'`.]/g, '');
}

function tokens(s: string): string[] {
	return s
		.split(/[\s,]+/)
		.map(nameToken)
		.filter((t) => /\p{L}/u.test(t));
}

/** Reads "SMITH John", "Smith, John" or "John Smith" into tokens, guessing surname and first forename. */
function parseName(text: string | undefined, surname?: string, forenames?: string): ParsedName | null {
	if (surname !== undefined || forenames !== undefined) {
		const s = tokens(surname ?? '');
		const f = tokens(forenames ?? '');
		if (s.length + f.length === 0) return null;
		return { tokens: [...f, ...s], surname: s.join(' ') || undefined, first: f[0] };
	}
	if (typeof text !== 'string' || tokens(text).length === 0) return null;
	const t = text.trim();
	if (t.includes(',')) {
		const [sur, ...rest] = t.split(',');
		const f = tokens(rest.join(' '));
		return { tokens: [...f, ...tokens(sur)], surname: tokens(sur).join(' '), first: f[0] };
	}
	const words = t.split(/\s+/);
	const caps = (w: string) => /\p{L}{2}/u.test(w) && w === w.toUpperCase() && w !== w.toLowerCase();
	const lead = words.findIndex((w) => !caps(w));
	if (lead > 0) {
		// Wristband style: the surname is written first, in capitals.
		const s = tokens(words.slice(0, lead).join(' '));
		const f = tokens(words.slice(lead).join(' '));
		return { tokens: [...f, ...s], surname: s.join(' '), first: f[0] };
	}
	const all = tokens(t);
	return {
		tokens: all,
		surname: all.length > 1 ? all[all.length - 1] : undefined,
		first: all.length > 1 ? all[0] : undefined
	};
}

const sortedKey = (ts: string[]) => [...ts].sort().join(' ');

/** Presented name matches: same words in any order, or the record's first name and surname with middle names left out. */
function namesMatch(p: ParsedName, r: ParsedName): boolean {
	if (sortedKey(p.tokens) === sortedKey(r.tokens)) return true;
	if (p.tokens.length < 2 || !p.tokens.every((t) => r.tokens.includes(t))) return false;
	const surnameTokens = (r.surname ?? '').split(' ').filter(Boolean);
	return (
		surnameTokens.every((t) => p.tokens.includes(t)) && (r.first === undefined || p.tokens.includes(r.first))
	);
}

export interface PersonIdentifiers {
	/** A name as written, in any order or case ("SMITH John", "Smith, John", "john smith"). */
	name?: string;
	/** Or the name in parts. */
	surname?: string;
	forenames?: string;
	/** Any UK way of writing a date (see parseUkDate). */
	dateOfBirth?: string;
	nhsNumber?: string;
	hospitalNumber?: string;
	postcode?: string;
}

export interface RecordIdentifiers extends PersonIdentifiers {
	/** Known-as and previous names recorded on PAS (handbook 1.7). */
	aliases?: readonly string[];
	/** A twin or other multiple birth (handbook 1.7). */
	multipleBirth?: boolean;
}

export type IdentityField = 'name' | 'dateOfBirth' | 'nhsNumber' | 'hospitalNumber' | 'postcode';
export type IdentityTrap =
	'same-name-different-dob' | 'day-month-swap' | 'twin' | 'alias-or-previous-name' | 'number-keying-error';

export interface IdentityMatchResult {
	outcome: 'match' | 'mismatch' | 'insufficient';
	/** Fields given on both sides that agree. */
	matched: IdentityField[];
	/** Fields given on both sides that disagree. */
	conflicts: IdentityField[];
	/** Fields the presenter gave that cannot count (e.g. a surname alone), or that the record lacks. */
	unusable: IdentityField[];
	traps: IdentityTrap[];
	reasons: Reason[];
}

export interface MatchOptions {
	/** Count a known alias or previous name as a name match (enquiries); off for filing, which needs an exact match (2.2). */
	acceptAliases?: boolean;
}

const normPostcode = (s: string | undefined) =>
	typeof s === 'string' ? s.replace(/\s+/g, '').toUpperCase() : '';

/**
 * Compares presented identifiers with a record (handbook 1.6, 1.7, 2.2, 6.2). Any conflicting field gives
 * 'mismatch'; otherwise at least `minIdentifiers` agreeing fields (LOCAL, default 3) give 'match', and fewer give
 * 'insufficient'. A name counts only with a first name and surname (1.6). Never throws.
 * @example matchIdentity({ name: 'SMITH John', dateOfBirth: '04-Mar-1987', nhsNumber: '999 000 0018' }, { surname: 'Smith', forenames: 'John', dateOfBirth: '1987-03-04', nhsNumber: '9990000018' }).outcome // 'match'
 * @example matchIdentity({ name: 'John Smith', dateOfBirth: '03/04/1987' }, { name: 'John Smith', dateOfBirth: '1987-03-04' }).traps // ['day-month-swap']
 * @example matchIdentity({ name: 'John Smith', dateOfBirth: '1987-03-04' }, { name: 'John Smith', dateOfBirth: '1987-03-04' }).outcome // 'insufficient'
 */
export function matchIdentity(
	presented: PersonIdentifiers,
	record: RecordIdentifiers,
	opts: MatchOptions = {},
	settings: Partial<TrustRules> = {}
): IdentityMatchResult {
	const min = settings.minIdentifiers ?? DEFAULT_TRUST_RULES.minIdentifiers;
	const matched: IdentityField[] = [];
	const conflicts: IdentityField[] = [];
	const unusable: IdentityField[] = [];
	const traps: IdentityTrap[] = [];
	const reasons: Reason[] = [];
	const p = presented ?? {};
	const r = record ?? {};

	// Name
	const pn = parseName(p.name, p.surname, p.forenames);
	const rn = parseName(r.name, r.surname, r.forenames);
	let namesAgree = false;
	if (pn && rn) {
		if (namesMatch(pn, rn)) {
			if (pn.tokens.length >= 2) {
				matched.push('name');
				namesAgree = true;
			} else unusable.push('name');
		} else {
			const alias = (r.aliases ?? []).map((a) => parseName(a)).find((a) => a && namesMatch(pn, a));
			if (alias) {
				traps.push('alias-or-previous-name');
				reasons.push(
					reason('ppi.alias', 'The name given is a recorded alias or previous name, not the current name')
				);
				if (opts.acceptAliases && pn.tokens.length >= 2) {
					matched.push('name');
					namesAgree = true;
				} else conflicts.push('name');
			} else if (pn.tokens.length < 2 && rn.tokens.includes(pn.tokens[0])) {
				unusable.push('name');
			} else {
				conflicts.push('name');
			}
		}
		if (!pn.tokens.length || pn.tokens.length < 2) reasons.push(reason('ppi.full-name'));
	} else if (pn) unusable.push('name');

	// Date of birth
	const pd = p.dateOfBirth !== undefined ? parseUkDate(p.dateOfBirth) : null;
	const rd = r.dateOfBirth !== undefined ? parseUkDate(r.dateOfBirth) : null;
	if (p.dateOfBirth !== undefined && p.dateOfBirth !== '') {
		if (!rd) unusable.push('dateOfBirth');
		else if (pd === rd) matched.push('dateOfBirth');
		else {
			conflicts.push('dateOfBirth');
			const [y, m, d] = (pd ?? '').split('-');
			if (pd && d !== m && parseIsoDate(`${y}-${d}-${m}`) && `${y}-${d}-${m}` === rd) {
				traps.push('day-month-swap');
				reasons.push(reason('ppi.dob-transposition'));
			} else if (namesAgree) {
				traps.push('same-name-different-dob');
				reasons.push(reason('ppi.same-name'));
			}
		}
	}

	// Twins: same surname and date of birth, different first name. A first name that merely extends the other
	// (John / Johnny) reads as a nickname, so it counts as a twin only when the record is flagged a multiple birth.
	const nickname = (a = '', b = '') => a !== '' && b !== '' && (a.startsWith(b) || b.startsWith(a));
	if (
		pn &&
		rn &&
		conflicts.includes('name') &&
		!traps.includes('alias-or-previous-name') &&
		pd &&
		pd === rd &&
		pn.surname &&
		pn.surname === rn.surname &&
		(r.multipleBirth || !nickname(pn.first, rn.first))
	) {
		traps.push('twin');
		reasons.push(
			reason('ppi.twins', r.multipleBirth ? 'The record is flagged as a multiple birth' : undefined)
		);
	}

	// Numbers and postcode
	const compareNumber = (field: 'nhsNumber' | 'hospitalNumber', norm: (s: string) => string) => {
		const given = p[field];
		if (given === undefined || given === '') return;
		const a = norm(given);
		const b = r[field] !== undefined ? norm(r[field] as string) : '';
		if (!b) unusable.push(field);
		else if (a === b) matched.push(field);
		else {
			conflicts.push(field);
			const kind = classifyNhsNumberError(a, b);
			if (
				(kind === 'single-digit' || kind === 'adjacent-transposition') &&
				!traps.includes('number-keying-error')
			) {
				traps.push('number-keying-error');
				reasons.push(
					reason(
						'ppi.number-keying',
						kind === 'single-digit'
							? 'One digit of the number is wrong'
							: 'Two neighbouring digits are swapped'
					)
				);
			}
		}
	};
	compareNumber('nhsNumber', normaliseNhsNumber);
	compareNumber('hospitalNumber', normaliseHospitalNumber);
	if (p.postcode !== undefined && p.postcode !== '') {
		const a = normPostcode(p.postcode);
		const b = normPostcode(r.postcode);
		if (!b) unusable.push('postcode');
		else if (a === b) matched.push('postcode');
		else conflicts.push('postcode');
	}

	let outcome: IdentityMatchResult['outcome'];
	if (conflicts.length > 0) {
		outcome = 'mismatch';
		reasons.unshift(reason('ppi.exact-match', `These do not match the record: ${conflicts.join(', ')}`));
	} else if (matched.length >= min) {
		outcome = 'match';
		reasons.unshift(reason('ppi.three-identifiers', `${matched.length} identifiers match the record`));
	} else {
		outcome = 'insufficient';
		reasons.unshift(
			reason(
				'ppi.three-identifiers',
				`Only ${matched.length} identifier(s) match; at least ${min} are needed`
			)
		);
	}
	return { outcome, matched, conflicts, unusable, traps, reasons };
}
