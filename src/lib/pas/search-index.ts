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
	// Names repeat a great deal (a few hundred distinct names over 100,000 patients): normalise each once, and share
	// one forename list between patients with the same forenames, so the build allocates little per patient.
	const n = patients.length;
	index.patients = new Array<PatientSummary>(n);
	index.normSurname = new Array<string>(n);
	index.normForenames = new Array<string[]>(n);
	const cache = new Map<string, string>();
	const norm = (name: string) => {
		let v = cache.get(name);
		if (v === undefined) {
			v = normaliseName(name);
			cache.set(name, v);
		}
		return v;
	};
	const forenameLists = new Map<string, string[]>();
	for (const p of patients) {
		const i = p.index;
		index.patients[i] = p;
		if (p.nhsNumber) add(index.byNhs, p.nhsNumber, i);
		// Generated identifiers are already upper case with one space in a postcode: skip the regex per patient.
		index.byHospital.set(p.hospitalNumber, i);
		add(index.byDob, p.dateOfBirth, i);
		add(index.byPostcode, p.postcode.replace(' ', ''), i);
		const surname = norm(p.surname);
		const key = p.forenames.length === 1 ? p.forenames[0] : p.forenames.join('|');
		let forenames = forenameLists.get(key);
		if (!forenames) {
			forenames = p.forenames.map(norm);
			forenameLists.set(key, forenames);
		}
		index.normSurname[i] = surname;
		index.normForenames[i] = forenames;
		push(index.surnames.current, surname, i);
		for (const f of forenames) push(index.forenames.current, f, i);
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

type FieldMatcher = {
	/** Estimated candidates if this field drives the search. */
	size: number;
	/** Calls `visit` with each candidate patient (only on the most selective field); a patient may come twice. */
	each(visit: (i: number) => void): void;
	/**
	 * Score patient i on this field, or -1 when it does not match. Allocation-free: it runs on every candidate, which
	 * for a one-letter forename is a quarter of the index.
	 */
	score(i: number): number;
	/** Why patient i matched, in plain English; run only for the rows shown. */
	explain(i: number, reasons: string[]): void;
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
	const ranks = new Map<string, number>();
	for (const [name, m] of matches) ranks.set(name, NAME_RANK[m]);
	/** Best rank among the patient's current names (0 when none match). */
	const currentRank = (i: number) => {
		if (which === 'surname') return ranks.get(index.normSurname[i]) ?? 0;
		let r = 0;
		const names = index.normForenames[i];
		for (let k = 0; k < names.length; k++) {
			const got = ranks.get(names[k]);
			if (got !== undefined && got > r) r = got;
		}
		return r;
	};
	/** Best match among previous names and aliases, or null. */
	const otherBest = (i: number) => {
		const list = index.otherNames.get(i);
		if (!list) return null;
		let best: { rank: number; m: NameMatch; o: OtherName } | null = null;
		for (const o of list) {
			for (const n of which === 'surname' ? [o.surname] : o.forenames) {
				const m = matches.get(normaliseName(n));
				if (m && (!best || NAME_RANK[m] > best.rank)) best = { rank: NAME_RANK[m], m, o };
			}
		}
		return best;
	};
	return {
		size,
		each(visit) {
			for (const name of matches.keys()) {
				const cur = v.current.get(name);
				if (cur) for (let k = 0; k < cur.length; k++) visit(cur[k]);
				const other = v.other.get(name);
				if (other) for (let k = 0; k < other.length; k++) visit(other[k].patient);
			}
		},
		score(i) {
			const cur = currentRank(i);
			const other = index.otherNames.has(i) ? (otherBest(i)?.rank ?? 0) : 0;
			if (!cur && !other) return -1;
			return cur >= other ? cur * 10 : other * 10 - 5;
		},
		explain(i, reasons) {
			const cur = currentRank(i);
			const other = otherBest(i);
			if (cur && (!other || cur >= other.rank)) {
				const m = (Object.keys(NAME_RANK) as NameMatch[]).find((k) => NAME_RANK[k] === cur)!;
				if (m !== 'exact') reasons.push(`${which} ${m} "${typed.trim()}"`);
			} else if (other) {
				reasons.push(`${other.o.kind}: ${`${other.o.forenames.join(' ')} ${other.o.surname}`.trim()}`);
			}
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
		each(visit) {
			for (const k of keys) for (const i of getAll(index.byPostcode, k)) visit(i);
		},
		score(i) {
			const pc = normalisePostcode(index.patients[i].postcode);
			return pc === q ? 15 : pc.startsWith(q) ? 5 : -1;
		},
		explain() {}
	};
}

function listField(list: number[] | undefined, points: number): FieldMatcher {
	const set = new Set(list ?? []);
	return {
		size: set.size,
		each: (visit) => set.forEach(visit),
		score: (i) => (set.has(i) ? points : -1),
		explain() {}
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
	// Scores are kept in flat arrays and a stamp marks patients already seen: a broad search touches tens of
	// thousands of candidates, and objects or a Map per candidate cost more than the matching itself.
	const seen = seenStamp(index);
	const ids: number[] = [];
	const scores: number[] = [];
	driver.each((i) => {
		if (seen.marks[i] === seen.stamp) return;
		seen.marks[i] = seen.stamp;
		let total = 0;
		for (let k = 0; k < fields.length; k++) {
			const got = fields[k].score(i);
			if (got < 0) return;
			total += got;
		}
		if (query.sex && index.patients[i].sex !== query.sex) return;
		ids.push(i);
		scores.push(total);
	});
	const top: [number, Candidate][] = topByScore(ids, scores, limit).map(([i, score]) => {
		const matchedOn: string[] = [];
		for (const f of fields) f.explain(i, matchedOn);
		return [i, { score, matchedOn }];
	});
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
		total: ids.length,
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

interface Candidate {
	score: number;
	matchedOn: string[];
}

/** A mark per patient, reset by bumping the stamp, so no search allocates or clears an index-sized array. */
const stamps = new WeakMap<PasIndex, { marks: Uint32Array; stamp: number }>();
function seenStamp(index: PasIndex) {
	let s = stamps.get(index);
	if (!s || s.marks.length < index.patients.length) {
		s = { marks: new Uint32Array(index.patients.length), stamp: 0 };
		stamps.set(index, s);
	}
	s.stamp++;
	if (s.stamp === 0xffffffff) {
		s.marks.fill(0);
		s.stamp = 1;
	}
	return s;
}

/**
 * The best `limit` candidates as [patient, score], best score first, then lowest patient index. Scores are small
 * whole numbers, so candidates go into a bucket per score; a bucket is ordered with a native numeric sort, which
 * keeps a search that matches a quarter of the index (a one-letter forename) to a few milliseconds.
 */
function topByScore(ids: number[], scores: number[], limit: number): [number, number][] {
	const buckets = new Map<number, number[]>();
	for (let k = 0; k < ids.length; k++) push(buckets, scores[k], ids[k]);
	const out: [number, number][] = [];
	for (const score of [...buckets.keys()].sort((a, b) => b - a)) {
		const need = limit - out.length;
		if (need <= 0) break;
		const list = Int32Array.from(buckets.get(score)!).sort();
		for (let k = 0; k < list.length && k < need; k++) out.push([list[k], score]);
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
