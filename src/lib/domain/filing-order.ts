/**
 * Shelf order for casenote folders (handbook 2.3-2.4: terminal digit, middle digit, straight numeric and
 * alphabetical), the section of the file room a number belongs to, where to search for a misfile (2.8), and the
 * order of documents inside a folder (2.1).
 */
import { parseIsoDate } from './iso-date';
import { DEFAULT_TRUST_RULES, type TrustRules } from './settings';

/** A number split for shelf filing. `tertiary` has two digits, or more for numbers over six digits. */
export interface NumberGroups {
	/** All digits, padded to at least six. */
	digits: string;
	tertiary: string;
	secondary: string;
	primary: string;
	/** "NN-NN-NN" (tertiary-secondary-primary, as written on the folder). */
	display: string;
}

/**
 * Splits a casenote number into pairs read right to left (handbook 2.3): padded to six digits with leading zeros,
 * primary = last two, secondary = the two before, tertiary = all leading digits. Spaces, dashes and slashes are
 * ignored; a letter prefix is ignored when the LOCAL setting `ignoreLetterPrefixForShelf` is on (the default).
 * @throws RangeError when no digits remain, or letters remain that the setting does not allow.
 * @example numberGroups('72248').display // '07-22-48'
 * @example numberGroups('1234567').display // '123-45-67'
 * @example numberGroups('K123456').primary // '56'
 * @example numberGroups('') // throws RangeError
 */
export function numberGroups(input: string, settings: Partial<TrustRules> = {}): NumberGroups {
	const ignorePrefix = settings.ignoreLetterPrefixForShelf ?? DEFAULT_TRUST_RULES.ignoreLetterPrefixForShelf;
	let s = typeof input === 'string' ? input.replace(/[\s\-\u2010-\u2015\u2212/]/g, '') : '';
	if (ignorePrefix) s = s.replace(/^[A-Za-z]+/, '');
	if (!/^[0-9]+$/.test(s)) {
		throw new RangeError(
			`A casenote number needs digits only (after any prefix), got ${JSON.stringify(input)}`
		);
	}
	const digits = s.padStart(6, '0');
	const n = digits.length;
	const tertiary = digits.slice(0, n - 4);
	const secondary = digits.slice(n - 4, n - 2);
	const primary = digits.slice(n - 2);
	return { digits, tertiary, secondary, primary, display: `${tertiary}-${secondary}-${primary}` };
}

/** Compares digit strings as whole numbers without losing precision on long ones. */
function compareNumeric(a: string, b: string): number {
	const x = a.replace(/^0+(?=\d)/, '');
	const y = b.replace(/^0+(?=\d)/, '');
	return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}

/** Final tie-break so that different numbers never compare equal (e.g. 0123456 and 123456). */
function tieBreak(a: NumberGroups, b: NumberGroups): number {
	return a.digits.length - b.digits.length || (a.digits < b.digits ? -1 : a.digits > b.digits ? 1 : 0);
}

/**
 * Terminal digit comparison (handbook 2.3): by primary, then secondary, then tertiary (numerically).
 * @throws RangeError as numberGroups.
 * @example compareTerminalDigit('123456', '654321') > 0 // true
 */
export function compareTerminalDigit(a: string, b: string, settings: Partial<TrustRules> = {}): number {
	const x = numberGroups(a, settings);
	const y = numberGroups(b, settings);
	return (
		compareNumeric(x.primary, y.primary) ||
		compareNumeric(x.secondary, y.secondary) ||
		compareNumeric(x.tertiary, y.tertiary) ||
		tieBreak(x, y)
	);
}

/**
 * Middle digit comparison (handbook 2.4): by the middle pair, then the first (leading) group, then the last pair.
 * For numbers over six digits the leading group is every digit before the last four (UNCERTAIN, as 2.3 step 6).
 * @throws RangeError as numberGroups.
 * @example compareMiddleDigit('010849', '990801') < 0 // true
 */
export function compareMiddleDigit(a: string, b: string, settings: Partial<TrustRules> = {}): number {
	const x = numberGroups(a, settings);
	const y = numberGroups(b, settings);
	return (
		compareNumeric(x.secondary, y.secondary) ||
		compareNumeric(x.tertiary, y.tertiary) ||
		compareNumeric(x.primary, y.primary) ||
		tieBreak(x, y)
	);
}

/**
 * Numbers in terminal digit shelf order, each as "NN-NN-NN" (handbook 2.3). Duplicates are kept.
 * @throws RangeError when an entry has no digits (see numberGroups).
 * @example terminalDigitOrder(['123456', '654321', '223456', '123356', '003456', '999999', '000000']) // ['00-00-00', '65-43-21', '12-33-56', '00-34-56', '12-34-56', '22-34-56', '99-99-99']
 * @example terminalDigitOrder(['72248']) // ['07-22-48']
 */
export function terminalDigitOrder(numbers: string[]): string[] {
	return [...numbers].sort((a, b) => compareTerminalDigit(a, b)).map((n) => numberGroups(n).display);
}

/**
 * Numbers in middle digit shelf order, each as "NN-NN-NN" (handbook 2.4).
 * @throws RangeError when an entry has no digits (see numberGroups).
 * @example middleDigitOrder(['010849', '990801', '020800', '010750']) // ['01-07-50', '01-08-49', '02-08-00', '99-08-01']
 */
export function middleDigitOrder(numbers: string[]): string[] {
	return [...numbers].sort((a, b) => compareMiddleDigit(a, b)).map((n) => numberGroups(n).display);
}

/**
 * Numbers in straight (consecutive) numeric order, each as "NN-NN-NN" (handbook 2.4).
 * @throws RangeError when an entry has no digits (see numberGroups).
 * @example straightNumericOrder(['123456', '72248', '654321']) // ['07-22-48', '12-34-56', '65-43-21']
 */
export function straightNumericOrder(numbers: string[]): string[] {
	const groups = numbers.map((n) => numberGroups(n));
	return groups.sort((x, y) => compareNumeric(x.digits, y.digits) || tieBreak(x, y)).map((g) => g.display);
}

export type NumericFilingSystem = 'terminal-digit' | 'middle-digit' | 'straight-numeric';

/**
 * The file-room section a number is shelved in (handbook 2.3): the primary pair for terminal digit, the middle
 * pair for middle digit, and the block of 100 (all but the last two digits) for straight numeric.
 * @throws RangeError as numberGroups.
 * @example shelfSectionFor('34-63-71') // '71'
 * @example shelfSectionFor('01-08-49', 'middle-digit') // '08'
 * @example shelfSectionFor('123456', 'straight-numeric') // '1234'
 */
export function shelfSectionFor(
	number: string,
	system: NumericFilingSystem = 'terminal-digit',
	settings: Partial<TrustRules> = {}
): string {
	const g = numberGroups(number, settings);
	if (system === 'middle-digit') return g.secondary;
	if (system === 'straight-numeric') return g.digits.slice(0, -2);
	return g.primary;
}

/**
 * Where else to look when a folder is not in its place (handbook 2.8, 1.7): numbers made by swapping two
 * neighbouring digits, then the neighbouring tertiary and secondary slots in the same section. Each as
 * "NN-NN-NN", without the number itself or duplicates.
 * @throws RangeError as numberGroups.
 * @example misfileSearchCandidates('12-34-56').slice(0, 3) // ['21-34-56', '13-24-56', '12-43-56']
 */
export function misfileSearchCandidates(number: string, settings: Partial<TrustRules> = {}): string[] {
	const g = numberGroups(number, settings);
	const out: string[] = [];
	const add = (digits: string) => {
		const d = numberGroups(digits).display;
		if (d !== g.display && !out.includes(d)) out.push(d);
	};
	for (let i = 0; i + 1 < g.digits.length; i++) {
		if (g.digits[i] !== g.digits[i + 1]) {
			add(g.digits.slice(0, i) + g.digits[i + 1] + g.digits[i] + g.digits.slice(i + 2));
		}
	}
	const width = g.tertiary.length;
	const t = Number(g.tertiary);
	const s = Number(g.secondary);
	for (const dt of [-1, 1]) {
		const nt = t + dt;
		if (nt >= 0 && String(nt).length <= width)
			add(`${String(nt).padStart(width, '0')}${g.secondary}${g.primary}`);
	}
	for (const ds of [-1, 1]) {
		const ns = s + ds;
		if (ns >= 0 && ns <= 99) add(`${g.tertiary}${String(ns).padStart(2, '0')}${g.primary}`);
	}
	return out;
}

// ---- alphabetical ---------------------------------------------------------------------------------------------

export interface NameForFiling {
	surname: string;
	/** Forenames in order, as one string ("Mary Ann") or a list. */
	forenames: string | readonly string[];
	dateOfBirth?: string;
}

function filingWord(s: string, settings: Partial<TrustRules>, isSurname: boolean): string {
	const mcAsMac = settings.alphabeticalMcAsMac ?? DEFAULT_TRUST_RULES.alphabeticalMcAsMac;
	const hyphen = settings.alphabeticalHyphen ?? DEFAULT_TRUST_RULES.alphabeticalHyphen;
	let w = (typeof s === 'string' ? s : '')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[’'`.]/g, '');
	w = hyphen === 'one-word' ? w.replace(/-/g, '') : w.replace(/-/g, ' ');
	w = w
		.replace(/[^a-z ]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	if (isSurname && mcAsMac) w = w.replace(/^mc/, 'mac');
	return w;
}

/**
 * The alphabetical filing key (handbook 2.4): surname, first forename, further forenames, date of birth.
 * Accents, apostrophes and case are ignored (O'Brien files as OBRIEN); Mc/Mac and hyphens follow the LOCAL
 * settings `alphabeticalMcAsMac` (off: as spelt) and `alphabeticalHyphen` (one word). Never throws.
 * @example alphabeticalKey({ surname: "O'Brien", forenames: 'Seán' }) // ['obrien', 'sean', '', '']
 * @example alphabeticalKey({ surname: 'McDonald', forenames: 'Amy' }, { alphabeticalMcAsMac: true })[0] // 'macdonald'
 */
export function alphabeticalKey(person: NameForFiling, settings: Partial<TrustRules> = {}): string[] {
	const names = Array.isArray(person.forenames)
		? [...person.forenames]
		: String(person.forenames ?? '')
				.split(/\s+/)
				.filter(Boolean);
	const words = names.map((n) => filingWord(n, settings, false)).filter(Boolean);
	const dob = parseIsoDate(person.dateOfBirth);
	return [
		filingWord(person.surname, settings, true),
		words[0] ?? '',
		words.slice(1).join(' '),
		dob ? (person.dateOfBirth as string).trim() : ''
	];
}

/**
 * Alphabetical comparison by alphabeticalKey; "nothing before something", so SMITH John files before SMITH John
 * Paul. Never throws.
 * @example compareAlphabetical({ surname: 'Smith', forenames: 'John' }, { surname: 'Smith', forenames: 'John Paul' }) < 0 // true
 */
export function compareAlphabetical(
	a: NameForFiling,
	b: NameForFiling,
	settings: Partial<TrustRules> = {}
): number {
	const x = alphabeticalKey(a, settings);
	const y = alphabeticalKey(b, settings);
	for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
	return 0;
}

/**
 * People (or folders) in alphabetical filing order (handbook 2.4); a sorted copy, stable for equal keys.
 * @example alphabeticalOrder([{ surname: 'Macdonald', forenames: 'B' }, { surname: 'McDonald', forenames: 'A' }, { surname: 'Mabey', forenames: 'C' }]).map((p) => p.surname) // ['Mabey', 'Macdonald', 'McDonald']
 * @example alphabeticalOrder([{ surname: 'McDonald', forenames: 'A' }, { surname: 'Macdonald', forenames: 'B' }], { alphabeticalMcAsMac: true }).map((p) => p.forenames) // ['A', 'B']
 */
export function alphabeticalOrder<T extends NameForFiling>(
	people: readonly T[],
	settings: Partial<TrustRules> = {}
): T[] {
	return [...people].sort((a, b) => compareAlphabetical(a, b, settings));
}

// ---- documents within a folder ------------------------------------------------------------------------------

export interface CasenoteDocument {
	/** A section id from the trust's `casenoteSections` (handbook 2.1). */
	section: string;
	/** ISO date of the document. */
	date: string;
	id?: string;
}

/**
 * Position of a section in the folder (0 = front), or -1 when the trust has no such section (handbook 2.1).
 * @example sectionIndex('correspondence') // 1
 * @example sectionIndex('unknown') // -1
 */
export function sectionIndex(section: string, settings: Partial<TrustRules> = {}): number {
	const sections = settings.casenoteSections ?? DEFAULT_TRUST_RULES.casenoteSections;
	return sections.findIndex((s) => s.id === section);
}

/**
 * Compares two documents for their place in a folder (handbook 2.1): by section in the trust's order, then by date
 * (newest first by default, LOCAL `withinSectionOrder`), then by id. Unknown sections and unreadable dates go
 * last. Never throws.
 * @example compareDocuments({ section: 'correspondence', date: '2026-01-02' }, { section: 'correspondence', date: '2026-03-04' }) > 0 // true
 */
export function compareDocuments(
	a: CasenoteDocument,
	b: CasenoteDocument,
	settings: Partial<TrustRules> = {}
): number {
	const order = settings.withinSectionOrder ?? DEFAULT_TRUST_RULES.withinSectionOrder;
	const idx = (d: CasenoteDocument) => {
		const i = sectionIndex(d.section, settings);
		return i < 0 ? Number.MAX_SAFE_INTEGER : i;
	};
	const bySection = idx(a) - idx(b);
	if (bySection !== 0) return bySection;
	const da = parseIsoDate(a.date) ? a.date.trim() : null;
	const db = parseIsoDate(b.date) ? b.date.trim() : null;
	if (da !== db) {
		if (da === null) return 1;
		if (db === null) return -1;
		const cmp = da < db ? -1 : 1;
		return order === 'newest-first' ? -cmp : cmp;
	}
	return (a.id ?? '').localeCompare(b.id ?? '');
}

/**
 * Documents in the order they belong in the folder (handbook 2.1); a sorted copy.
 * @example orderDocuments([{ section: 'investigations', date: '2026-01-01' }, { section: 'front', date: '2020-05-05' }]).map((d) => d.section) // ['front', 'investigations']
 */
export function orderDocuments<T extends CasenoteDocument>(
	docs: readonly T[],
	settings: Partial<TrustRules> = {}
): T[] {
	return [...docs].sort((a, b) => compareDocuments(a, b, settings));
}

/**
 * Indexes of documents that are out of place relative to the one before them, for marking a learner's filing
 * (handbook 2.1, 2.2). An empty list means the folder is in order.
 * @example misplacedDocuments([{ section: 'correspondence', date: '2026-01-01' }, { section: 'correspondence', date: '2026-02-01' }]) // [1]
 */
export function misplacedDocuments(
	docs: readonly CasenoteDocument[],
	settings: Partial<TrustRules> = {}
): number[] {
	const out: number[] = [];
	for (let i = 1; i < docs.length; i++) if (compareDocuments(docs[i - 1], docs[i], settings) > 0) out.push(i);
	return out;
}
