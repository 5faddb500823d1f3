/**
 * The simulated PAS's master patient index search (handbook 1.4-1.7, 3.1). Identifiers are looked up in exact
 * maps (an NHS number lookup is one Map.get); names go through a small vocabulary of distinct names, matched
 * exactly, by prefix, by sound-alike key and, through MiniSearch's fuzzy matching, with a typo; previous names and
 * aliases are indexed beside current names so a search on an old name still finds the patient (handbook 1.7).
 *
 * Pure and framework-free: it runs in the index Web Worker, in Node tests and in the benchmark.
 */
import MiniSearch from 'minisearch';
import type { PatientSummary, Sex } from '../generator/types';
import { digitsOnly, normaliseHospitalNumber, normaliseName, normalisePostcode, parseDob } from './normalise';
import { editDistance, phoneticKey } from './phonetic';

/** A name a patient is or was known by, beyond the current one on the summary. */
export interface OtherName {
	patient: number;
	forenames: string[];
	surname: string;
	kind: 'previous name' | 'alias';
}

export interface PasQuery {
	nhsNumber?: string;
	hospitalNumber?: string;
	surname?: string;
	forename?: string;
	/** Any common UK date form; day before month. */
	dob?: string;
	/** Full postcode, or its start (outward code). */
	postcode?: string;
	sex?: Sex;
}

/** How well a name matched, best first. */
export type NameMatch = 'exact' | 'starts with' | 'sounds like' | 'spelling close to';
const NAME_RANK: Record<NameMatch, number> = {
	exact: 4,
	'starts with': 3,
	'sounds like': 2,
	'spelling close to': 1
};

export interface PasHit {
	patient: PatientSummary;
	score: number;
	/** Plain-English reasons the row matched, e.g. 'surname sounds like "Thomson"', 'previous name Jones'. */
	matchedOn: string[];
	/** Other patients in the whole index with the same surname, first forename and date of birth. */
	sameNameAndDob: number;
	/** Other patients in this result list with the same date of birth (twins, same-DOB traps). */
	sameDobInResults: number;
	/** Other patients in this result list with the same surname and first forename. */
	sameNameInResults: number;
}

export interface PasResults {
	hits: PasHit[];
	/** Matches before the display limit. */
	total: number;
	/** Problems with the query as typed, in plain English (empty when fine). */
	problems: string[];
}

interface NameVocab {
	/** normalised name → patients holding it as a current name */
	current: Map<string, number[]>;
	/** normalised name → entries for previous names and aliases */
	other: Map<string, { patient: number; kind: OtherName['kind'] }[]>;
	/** sound-alike key → distinct normalised names */
	phonetic: Map<string, string[]>;
	/** every distinct name, sorted, for prefix search by binary search */
	sorted: string[];
	fuzzy: MiniSearch<{ id: string }>;
}

/** Most keys (NHS numbers, postcodes) belong to one patient: hold a bare number then, an array only when shared. */
export type MultiMap = Map<string, number | number[]>;

function add(map: MultiMap, key: string, value: number) {
	const had = map.get(key);
	if (had === undefined) map.set(key, value);
	else if (typeof had === 'number') map.set(key, [had, value]);
	else had.push(value);
}

/** The patients under a key, always as an array. */
export function getAll(map: MultiMap, key: string): number[] {
	const v = map.get(key);
	return v === undefined ? [] : typeof v === 'number' ? [v] : v;
}

export interface PasIndex {
	patients: PatientSummary[];
	byNhs: MultiMap;
	byHospital: Map<string, number>;
	byDob: MultiMap;
	byPostcode: MultiMap;
	/** sorted distinct normalised postcodes, for outward-code and partial searches */
	postcodes: string[];
	surnames: NameVocab;
	forenames: NameVocab;
	/** patient → previous names and aliases (only for patients that have any) */
	otherNames: Map<number, OtherName[]>;
	/** Normalised current names per patient, so a candidate check never re-normalises. */
	normSurname: string[];
	normForenames: string[][];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function emptyVocab(): NameVocab {
	return {
		current: new Map(),
		other: new Map(),
		phonetic: new Map(),
		sorted: [],
		fuzzy: new MiniSearch({ fields: ['id'], idField: 'id', tokenize: (s) => [s] })
	};
}

function finishVocab(v: NameVocab) {
	const all = new Set<string>([...v.current.keys(), ...v.other.keys()]);
	v.sorted = [...all].sort();
	v.phonetic.clear();
	for (const name of v.sorted) push(v.phonetic, phoneticKey(name), name);
	v.fuzzy.removeAll();
	v.fuzzy.addAll(v.sorted.map((id) => ({ id })));
}

/**
 * Builds the index from patient summaries (and, optionally, previous names and aliases). 100,000 summaries take
 * a few hundred milliseconds: the name vocabulary is a few thousand distinct names, not one entry per patient.
 * @example const index = buildPasIndex(patientSummaries(trust));
 */
export function buildPasIndex(patients: PatientSummary[], otherNames: OtherName[] = []): PasIndex {
	const index: PasIndex = {
		patients: [],
		byNhs: new Map(),
		byHospital: new Map(),
		byDob: new Map(),
		byPostcode: new Map(),
		postcodes: [],
		surnames: emptyVocab(),
		forenames: emptyVocab(),
		otherNames: new Map(),
		normSurname: [],
		normForenames: []
	};
	// Names repeat a great deal (a few thousand distinct names over 100,000 patients): normalise each once.
	const cache = new Map<string, string>();
	const norm = (name: string) => {
		let n = cache.get(name);
		if (n === undefined) {
			n = normaliseName(name);
			cache.set(name, n);
		}
		return n;
	};
	for (const p of patients) {
		index.patients[p.index] = p;
		if (p.nhsNumber) add(index.byNhs, p.nhsNumber, p.index);
		// Generated identifiers are already upper case with one space in a postcode: skip the regex per patient.
		index.byHospital.set(p.hospitalNumber, p.index);
		add(index.byDob, p.dateOfBirth, p.index);
		add(index.byPostcode, p.postcode.replace(' ', '').toUpperCase(), p.index);
		const surname = norm(p.surname);
		const forenames = p.forenames.map(norm);
		index.normSurname[p.index] = surname;
		index.normForenames[p.index] = forenames;
		push(index.surnames.current, surname, p.index);
		for (const f of forenames) push(index.forenames.current, f, p.index);
	}
	index.postcodes = [...index.byPostcode.keys()].sort();
	addOtherNames(index, otherNames, false);
	finishVocab(index.surnames);
	finishVocab(index.forenames);
	return index;
}

/**
 * Adds previous names and aliases after the main build (the worker collects them in the background, because they
 * come from full records). Call with `refresh` false only when you finish the vocabularies yourself.
 */
export function addOtherNames(index: PasIndex, names: OtherName[], refresh = true) {
	for (const n of names) {
		push(index.otherNames, n.patient, n);
		push(index.surnames.other, normaliseName(n.surname), { patient: n.patient, kind: n.kind });
		for (const f of n.forenames)
			push(index.forenames.other, normaliseName(f), { patient: n.patient, kind: n.kind });
	}
	if (refresh && names.length) {
		finishVocab(index.surnames);
		finishVocab(index.forenames);
	}
}

/** Splits an alias written as one string ('Peggy Smith', 'CHEN Wei') into forenames and surname. */
export function splitAlias(name: string, kind: 'known as' | 'family name first') {
	const parts = name.trim().split(/\s+/);
	if (kind === 'family name first') return { surname: parts[0], forenames: parts.slice(1) };
	return { surname: parts[parts.length - 1], forenames: parts.slice(0, -1) };
}

function lowerBound(sorted: string[], prefix: string): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid] < prefix) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Distinct vocabulary names matching what was typed, each with how well it matched. */
function matchVocab(v: NameVocab, typed: string): Map<string, NameMatch> {
	const q = normaliseName(typed);
	const out = new Map<string, NameMatch>();
	if (!q) return out;
	const better = (name: string, m: NameMatch) => {
		const had = out.get(name);
		if (!had || NAME_RANK[m] > NAME_RANK[had]) out.set(name, m);
	};
	if (v.current.has(q) || v.other.has(q)) better(q, 'exact');
	for (let i = lowerBound(v.sorted, q); i < v.sorted.length && v.sorted[i].startsWith(q); i++)
		better(v.sorted[i], 'starts with');
	if (q.length >= 2) {
		for (const name of v.phonetic.get(phoneticKey(q)) ?? []) better(name, 'sounds like');
	}
	if (q.length >= 4) {
		const fuzz = q.length >= 8 ? 2 : 1;
		// MiniSearch counts a swap of two letters as two edits; allow one more there, then check with swaps as one.
		for (const r of v.fuzzy.search(q, { fuzzy: fuzz + 1, prefix: false })) {
			if (editDistance(q, r.id, fuzz) <= fuzz) better(r.id, 'spelling close to');
		}
	}
	return out;
}

interface Candidate {
	score: number;
	matchedOn: string[];
}

type FieldMatcher = {
	/** Estimated candidates if this field drives the search. */
	size: number;
	/** Candidate patients (only called on the most selective field). */
	candidates(): Iterable<number>;
	/** Whether patient i matches; adds score and reasons to c. */
	test(i: number, c: Candidate): boolean;
};

function nameField(
	index: PasIndex,
	which: 'surname' | 'forename',
	typed: string,
	problems: string[]
): FieldMatcher | null {
	const v = which === 'surname' ? index.surnames : index.forenames;
	const matches = matchVocab(v, typed);
	if (matches.size === 0) {
		problems.push(`No ${which} on the index is like "${typed.trim()}".`);
		return null;
	}
	let size = 0;
	for (const name of matches.keys())
		size += (v.current.get(name)?.length ?? 0) + (v.other.get(name)?.length ?? 0);
	const best = (names: Iterable<string>) => {
		let m: NameMatch | null = null;
		let on = '';
		for (const n of names) {
			const got = matches.get(n);
			if (got && (!m || NAME_RANK[got] > NAME_RANK[m])) {
				m = got;
				on = n;
			}
		}
		return m ? { m, on } : null;
	};
	return {
		size,
		*candidates() {
			for (const name of matches.keys()) {
				yield* v.current.get(name) ?? [];
				for (const o of v.other.get(name) ?? []) yield o.patient;
			}
		},
		test(i, c) {
			const cur = best(which === 'surname' ? [index.normSurname[i]] : index.normForenames[i]);
			let other: { m: NameMatch; on: string; kind: string } | null = null;
			for (const o of index.otherNames.get(i) ?? []) {
				const names = which === 'surname' ? [o.surname] : o.forenames;
				const b = best(names.map(normaliseName));
				if (b && (!other || NAME_RANK[b.m] > NAME_RANK[other.m])) other = { ...b, kind: o.kind };
			}
			if (!cur && !other) return false;
			if (cur && (!other || NAME_RANK[cur.m] >= NAME_RANK[other.m])) {
				c.score += NAME_RANK[cur.m] * 10;
				if (cur.m !== 'exact') c.matchedOn.push(`${which} ${cur.m} "${typed.trim()}"`);
			} else if (other) {
				c.score += NAME_RANK[other.m] * 10 - 5;
				const shown = index.otherNames
					.get(i)!
					.find((o) =>
						(which === 'surname' ? [o.surname] : o.forenames).some((n) => normaliseName(n) === other.on)
					);
				const label = shown ? `${shown.forenames.join(' ')} ${shown.surname}`.trim() : other.on;
				c.matchedOn.push(`${other.kind}: ${label}`);
			}
			return true;
		}
	};
}

function postcodeField(index: PasIndex, typed: string): FieldMatcher {
	const q = normalisePostcode(typed);
	const exact = index.byPostcode.has(q);
	const keys: string[] = [];
	if (exact) keys.push(q);
	else
		for (
			let i = lowerBound(index.postcodes, q);
			i < index.postcodes.length && index.postcodes[i].startsWith(q);
			i++
		)
			keys.push(index.postcodes[i]);
	let size = 0;
	for (const k of keys) size += getAll(index.byPostcode, k).length;
	return {
		size,
		*candidates() {
			for (const k of keys) yield* getAll(index.byPostcode, k);
		},
		test(i, c) {
			const pc = normalisePostcode(index.patients[i].postcode);
			if (pc === q) c.score += 15;
			else if (pc.startsWith(q)) c.score += 5;
			else return false;
			return true;
		}
	};
}

function listField(list: number[] | undefined, score: number, reason?: string): FieldMatcher {
	const set = new Set(list ?? []);
	return {
		size: set.size,
		candidates: () => set,
		test(i, c) {
			if (!set.has(i)) return false;
			c.score += score;
			if (reason) c.matchedOn.push(reason);
			return true;
		}
	};
}

/** The first problem with a query, or a list of fields given (for "you searched for …" lines). */
export function describeQuery(q: PasQuery): string[] {
	const parts: string[] = [];
	if (q.nhsNumber?.trim()) parts.push(`NHS number ${q.nhsNumber.trim()}`);
	if (q.hospitalNumber?.trim()) parts.push(`hospital number ${q.hospitalNumber.trim()}`);
	if (q.surname?.trim()) parts.push(`surname "${q.surname.trim()}"`);
	if (q.forename?.trim()) parts.push(`forename "${q.forename.trim()}"`);
	if (q.dob?.trim()) parts.push(`date of birth ${q.dob.trim()}`);
	if (q.postcode?.trim()) parts.push(`postcode ${q.postcode.trim().toUpperCase()}`);
	if (q.sex) parts.push(q.sex);
	return parts;
}

/**
 * Searches the index. Every given field must match (they combine with AND); names match loosely, identifiers
 * exactly. Results are ranked best first and each says what it matched on and whether look-alikes exist.
 * @example searchPas(index, { surname: 'smith', dob: '04/03/1987' })
 */
export function searchPas(index: PasIndex, query: PasQuery, limit = 100): PasResults {
	const problems: string[] = [];
	const fields: FieldMatcher[] = [];
	const nhs = query.nhsNumber?.trim();
	if (nhs) {
		const d = digitsOnly(nhs);
		if (d.length !== 10) problems.push(`An NHS number has 10 digits; "${nhs}" has ${d.length}.`);
		else fields.push(listField(getAll(index.byNhs, d), 100));
	}
	const hosp = query.hospitalNumber?.trim();
	if (hosp) {
		const h = normaliseHospitalNumber(hosp);
		let hit = index.byHospital.get(h);
		// Clerks often leave off the letter prefix: try the digits with each prefix in use.
		if (hit === undefined && /^\d+$/.test(h)) {
			const sample = index.patients.find(Boolean)?.hospitalNumber ?? '';
			const prefix = sample.replace(/\d.*$/, '');
			hit = index.byHospital.get(prefix + h);
		}
		fields.push(listField(hit === undefined ? [] : [hit], 100));
	}
	const dobText = query.dob?.trim();
	if (dobText) {
		const dob = parseDob(dobText);
		if (!dob) problems.push(`"${dobText}" is not a date: type it as day, month, year, e.g. 04/03/1987.`);
		else fields.push(listField(getAll(index.byDob, dob), 30));
	}
	if (query.postcode?.trim()) fields.push(postcodeField(index, query.postcode));
	for (const which of ['surname', 'forename'] as const) {
		const typed = query[which]?.trim();
		if (!typed) continue;
		const f = nameField(index, which, typed, problems);
		if (f) fields.push(f);
		else fields.push(listField([], 0));
	}
	if (fields.length === 0) {
		if (!problems.length && !query.sex)
			problems.push('Type at least one thing to search on: a number, a name, a date of birth or a postcode.');
		else if (!problems.length)
			problems.push('Sex alone matches half the index: add a name or date of birth.');
		return { hits: [], total: 0, problems };
	}
	const driver = fields.reduce((a, b) => (b.size < a.size ? b : a));
	const found = new Map<number, Candidate>();
	for (const i of driver.candidates()) {
		if (found.has(i)) continue;
		const c: Candidate = { score: 0, matchedOn: [] };
		let ok = true;
		for (const f of fields) {
			if (!f.test(i, c)) {
				ok = false;
				break;
			}
		}
		if (ok && query.sex && index.patients[i].sex !== query.sex) ok = false;
		if (ok) found.set(i, c);
	}
	const top = topByScore(found, limit);
	const dobCount = new Map<string, number>();
	const nameCount = new Map<string, number>();
	const nameKey = (p: PatientSummary) =>
		`${index.normSurname[p.index]}|${index.normForenames[p.index][0] ?? ''}`;
	for (const [i] of top) {
		const p = index.patients[i];
		dobCount.set(p.dateOfBirth, (dobCount.get(p.dateOfBirth) ?? 0) + 1);
		nameCount.set(nameKey(p), (nameCount.get(nameKey(p)) ?? 0) + 1);
	}
	return {
		total: found.size,
		problems,
		hits: top.map(([i, c]) => {
			const p = index.patients[i];
			return {
				patient: p,
				score: c.score,
				matchedOn: c.matchedOn,
				sameNameAndDob: lookalikes(index, p).length,
				sameDobInResults: (dobCount.get(p.dateOfBirth) ?? 1) - 1,
				sameNameInResults: (nameCount.get(nameKey(p)) ?? 1) - 1
			};
		})
	};
}

/**
 * The best `limit` candidates, best score first, then lowest index. Scores are small whole numbers, so a bucket
 * pass keeps a search that matches half the index (a one-letter forename) linear rather than sorting 50,000 rows.
 */
function topByScore(found: Map<number, Candidate>, limit: number): [number, Candidate][] {
	const buckets = new Map<number, [number, Candidate][]>();
	for (const entry of found) push(buckets, entry[1].score, entry);
	const out: [number, Candidate][] = [];
	for (const score of [...buckets.keys()].sort((a, b) => b - a)) {
		const list = buckets.get(score)!;
		if (list.length > 1) list.sort((a, b) => a[0] - b[0]);
		for (const e of list) {
			if (out.length >= limit) return out;
			out.push(e);
		}
	}
	return out;
}

/**
 * Other patients on the index with the same surname, first forename and date of birth as p: the people a
 * name-and-DOB check cannot tell apart (handbook 1.7). Only a unique number separates them.
 */
export function lookalikes(index: PasIndex, p: PatientSummary): PatientSummary[] {
	const s = index.normSurname[p.index];
	const f = index.normForenames[p.index][0] ?? '';
	return getAll(index.byDob, p.dateOfBirth)
		.filter((j) => j !== p.index && index.normSurname[j] === s && (index.normForenames[j][0] ?? '') === f)
		.map((j) => index.patients[j]);
}

/** Exact NHS number lookup: the patients holding it (two only for an unresolved duplicate, handbook 3.3). */
export function findByNhsNumber(index: PasIndex, nhs: string): PatientSummary[] {
	return getAll(index.byNhs, digitsOnly(nhs)).map((i) => index.patients[i]);
}
