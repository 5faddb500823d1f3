/**
 * The cohort dashboard's figures (issue 11): a pure function of the progress files a trainer imported, the
 * filters, and the assignments. Nothing here reads the clock, the database or the page, so the same files always
 * give the same tables, the CSV export says exactly what the screen says, and the sums are property-tested.
 *
 * A trainee is a profile in a file, known by its profile id; an attempt is known by its attempt id. The same
 * attempt found in two files (a trainee who exported twice) counts once, the most recently saved copy winning, so
 * importing overlapping or repeated files never double counts.
 */
import type { AttemptSummary } from '$lib/db/attempts';
import type { BackupFile } from '$lib/db/backup';
import type { Decision, HintRecord } from '$lib/scenarios/decisions';
import { OUTCOMES } from '$lib/scenarios/outcomes';
import type { ScoreResult } from '$lib/scenarios/scoring';

export type CohortMode = 'practice' | 'assessment';
export type CohortStatus = 'in-progress' | 'finished' | 'abandoned' | 'superseded';

/** A decision as the debrief needs it; the offered choices are left out to keep stored files small. */
export type CohortDecision = Omit<Decision, 'choices'>;

export interface CohortAttempt {
	id: string;
	profileId: string;
	definitionId: string;
	definitionVersion: number;
	title: string;
	family: string;
	mode: CohortMode;
	/** The outcomes the scenario sets out to evidence. */
	outcomes: string[];
	status: CohortStatus;
	startedAt: string;
	updatedAt: string;
	finishedAt: string | null;
	summary: AttemptSummary | null;
	decisions: CohortDecision[];
	hints: HintRecord[];
	/** The machine's own score, for the debrief; null while in progress. */
	result: ScoreResult | null;
}

export interface CohortTrainee {
	id: string;
	name: string;
	role: string;
}

/** What is kept of one imported progress file (the `cohortFiles` row). */
export interface CohortFile {
	/**
	 * The file's key, so the same file imported twice is one row: a trainer file's data checksum (so the same
	 * progress exported twice is one file too), or the SHA-256 of a full backup's bytes.
	 */
	sha256: string;
	fileName: string;
	importedAt: string;
	exportedAt: string;
	appVersion: string;
	trainees: CohortTrainee[];
	attempts: CohortAttempt[];
	/** Attempts in the file that could not be read as attempts (left out, and said so). */
	skippedAttempts: number;
}

export interface CohortFilters {
	/** Only scenarios in this assignment; '' for all. */
	assignmentId: string;
	/** Inclusive ISO dates (YYYY-MM-DD) on the attempt's start; '' for open-ended. */
	from: string;
	to: string;
	mode: '' | CohortMode;
}

export const NO_FILTERS: CohortFilters = { assignmentId: '', from: '', to: '', mode: '' };

/**
 * Whether any filter narrows the attempts.
 * @example filtersSet(NO_FILTERS) // false
 */
export const filtersSet = (f: CohortFilters) =>
	f.assignmentId !== '' || f.from !== '' || f.to !== '' || f.mode !== '';

/** The only part of an assignment the dashboard relies on (assignments are defined by the trainer workspace). */
export interface CohortAssignment {
	id: string;
	title: string;
	items: { definitionId: string }[];
}

// ---------------------------------------------------------------------------------------------------------------
// From a verified backup file to what is kept.

type Row = Record<string, unknown>;
const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/**
 * Keeps what the dashboard needs of a checked progress file: profiles, and each attempt's summary, decisions,
 * hints and score (the case and the event log are left behind). A checksum proves a file was not changed since
 * it was written, not that its writer was Records Room, so every field is checked and odd attempts are skipped.
 * @example extractCohortFile({ data: { profiles: [], tables: {} } } as never, { sha256: 'ab', fileName: 'f.json', importedAt: '' }).attempts // []
 */
export function extractCohortFile(
	backup: Pick<BackupFile, 'data' | 'exportedAt' | 'appVersion'>,
	meta: { sha256: string; fileName: string; importedAt: string }
): CohortFile {
	const trainees = backup.data.profiles.map((p) => ({ id: p.id, name: p.name, role: p.role }));
	const ids = new Set(trainees.map((t) => t.id));
	const attempts: CohortAttempt[] = [];
	let skipped = 0;
	for (const raw of backup.data.tables.attempts ?? []) {
		// A trainer trying their own scenario on this profile is not a trainee's result (issue 11).
		if (raw.preview === true) continue;
		const a = cohortAttemptFromRow(raw);
		if (a && ids.has(a.profileId)) attempts.push(a);
		else skipped++;
	}
	return {
		sha256: meta.sha256,
		fileName: meta.fileName,
		importedAt: meta.importedAt,
		exportedAt: str(backup.exportedAt),
		appVersion: str(backup.appVersion),
		trainees,
		attempts,
		skippedAttempts: skipped
	};
}

const STATUSES: CohortStatus[] = ['in-progress', 'finished', 'abandoned', 'superseded'];
const OUTCOME_KINDS = new Set(['correct', 'minor', 'major', 'critical']);

/**
 * What the dashboard keeps of one stored attempt row (a backup's or this browser's): the definition's title,
 * family, mode and outcomes, the summary, the decisions without their offered choices, the hints and the score.
 * Null for a row that does not read as an attempt. The trainer file's writer uses it too, so both kinds of file
 * give the dashboard the same attempts.
 * @example cohortAttemptFromRow({ id: 'a' }) // null
 */
export function cohortAttemptFromRow(raw: Row): CohortAttempt | null {
	const def = raw.definition;
	if (typeof raw.id !== 'string' || typeof raw.profileId !== 'string' || !isObject(def)) return null;
	if (typeof raw.definitionId !== 'string' || typeof raw.startedAt !== 'string') return null;
	const status = STATUSES.find((s) => s === raw.status);
	if (!status) return null;
	const mode = def.mode === 'assessment' ? 'assessment' : def.mode === 'practice' ? 'practice' : null;
	if (!mode) return null;
	const context = isObject(raw.snapshot) && isObject(raw.snapshot.context) ? raw.snapshot.context : {};
	const decisions = Array.isArray(context.decisions)
		? context.decisions.filter(isDecision).map((d) => {
				const { choices: _choices, ...rest } = d as Decision;
				return rest;
			})
		: [];
	const summary = isObject(raw.summary) && typeof raw.summary.percent === 'number' ? raw.summary : null;
	const result =
		isObject(context.result) && typeof context.result.percent === 'number' ? context.result : null;
	return {
		id: raw.id,
		profileId: raw.profileId,
		definitionId: raw.definitionId,
		definitionVersion: typeof raw.definitionVersion === 'number' ? raw.definitionVersion : 1,
		title: str(def.title, raw.definitionId),
		family: str(def.family),
		mode,
		outcomes: Array.isArray(def.outcomes) ? def.outcomes.filter((o) => typeof o === 'string') : [],
		status,
		startedAt: raw.startedAt,
		updatedAt: str(raw.updatedAt, raw.startedAt),
		finishedAt: typeof raw.finishedAt === 'string' ? raw.finishedAt : null,
		summary: summary as unknown as AttemptSummary | null,
		decisions,
		hints: Array.isArray(context.hints) ? (context.hints.filter(isObject) as unknown as HintRecord[]) : [],
		result: result as unknown as ScoreResult | null
	};
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Checks one attempt as a trainer file carries it (already in the dashboard's shape) and copies only the known
 * fields, so nothing unexpected in a file reaches the store. Null for anything that is not such an attempt.
 * @example readCohortAttempt({ id: 'a' }) // null
 */
export function readCohortAttempt(raw: unknown): CohortAttempt | null {
	if (!isObject(raw)) return null;
	const { id, profileId, definitionId, startedAt, updatedAt, finishedAt } = raw;
	if (typeof id !== 'string' || typeof profileId !== 'string' || typeof definitionId !== 'string')
		return null;
	if (typeof startedAt !== 'string' || !DATE_LIKE.test(startedAt)) return null;
	if (typeof updatedAt !== 'string' || !DATE_LIKE.test(updatedAt)) return null;
	if (finishedAt !== null && (typeof finishedAt !== 'string' || !DATE_LIKE.test(finishedAt))) return null;
	const status = STATUSES.find((s) => s === raw.status);
	const mode = raw.mode === 'assessment' || raw.mode === 'practice' ? raw.mode : null;
	if (!status || !mode) return null;
	if (typeof raw.definitionVersion !== 'number' || typeof raw.title !== 'string') return null;
	if (typeof raw.family !== 'string' || !Array.isArray(raw.outcomes)) return null;
	if (!raw.outcomes.every((o) => typeof o === 'string')) return null;
	if (!Array.isArray(raw.decisions) || !raw.decisions.every(isDecision)) return null;
	if (!Array.isArray(raw.hints) || !raw.hints.every(isObject)) return null;
	const summary = raw.summary;
	if (summary !== null && !(isObject(summary) && typeof summary.percent === 'number')) return null;
	if (summary !== null && typeof summary.passed !== 'boolean') return null;
	const result = raw.result;
	if (result !== null && !(isObject(result) && typeof result.percent === 'number')) return null;
	return {
		id,
		profileId,
		definitionId,
		definitionVersion: raw.definitionVersion,
		title: raw.title,
		family: raw.family,
		mode,
		outcomes: raw.outcomes as string[],
		status,
		startedAt,
		updatedAt,
		finishedAt: finishedAt as string | null,
		summary: summary as unknown as AttemptSummary | null,
		decisions: raw.decisions as CohortDecision[],
		hints: raw.hints as unknown as HintRecord[],
		result: result as unknown as ScoreResult | null
	};
}

/** A decision's facts; its offered choices are not needed (and trainer files leave them out). */
function isDecision(d: unknown): d is CohortDecision {
	return (
		isObject(d) &&
		typeof d.seq === 'number' &&
		typeof d.step === 'string' &&
		typeof d.prompt === 'string' &&
		OUTCOME_KINDS.has(d.outcome as string) &&
		isObject(d.response) &&
		typeof d.response.text === 'string' &&
		isObject(d.correct) &&
		typeof d.correct.text === 'string' &&
		isObject(d.rule) &&
		typeof d.maxPoints === 'number' &&
		typeof d.points === 'number'
	);
}

// ---------------------------------------------------------------------------------------------------------------
// Merging files, filtering, and the three tables.

export interface MergedCohort {
	trainees: CohortTrainee[];
	attempts: CohortAttempt[];
}

/** What merging needs of a file. */
export type CohortFileContent = Pick<CohortFile, 'trainees' | 'attempts'>;

/**
 * One trainee per profile id, whatever files they came in, sorted by name; for a profile named differently in
 * two files the name first in order wins, so the result never depends on the order of the files.
 * @example mergeTrainees([]) // []
 */
export function mergeTrainees(files: readonly Pick<CohortFile, 'trainees'>[]): CohortTrainee[] {
	const trainees = new Map<string, CohortTrainee>();
	for (const file of files)
		for (const t of file.trainees) {
			const here = trainees.get(t.id);
			if (!here || t.name.localeCompare(here.name) < 0) trainees.set(t.id, t);
		}
	return [...trainees.values()].sort(
		(a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/** An attempt's identity across files: the same attempt exported twice has the same key. */
export const attemptKey = (a: Pick<CohortAttempt, 'profileId' | 'id'>) => `${a.profileId}\u0000${a.id}`;

/**
 * One trainee per profile id and one attempt per attempt id, whatever files they came in; for an attempt in two
 * files the copy saved last wins. Order-independent: trainees and attempts come out sorted.
 * @example mergeCohort([]).attempts // []
 */
export function mergeCohort(files: readonly CohortFileContent[]): MergedCohort {
	const attempts = new Map<string, CohortAttempt>();
	for (const file of files)
		for (const a of file.attempts) {
			const key = attemptKey(a);
			const here = attempts.get(key);
			if (!here || laterCopy(a, here)) attempts.set(key, a);
		}
	return {
		trainees: mergeTrainees(files),
		attempts: [...attempts.values()].sort((a, b) => cmp(a.startedAt, b.startedAt) || cmp(a.id, b.id))
	};
}

/** The copy saved later wins; ties go to more answers, then a stable order, so the merge never depends on order. */
function laterCopy(a: CohortAttempt, b: CohortAttempt): boolean {
	if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
	if (a.decisions.length !== b.decisions.length) return a.decisions.length > b.decisions.length;
	return JSON.stringify(a) > JSON.stringify(b);
}

/**
 * Attempts that pass the filters. An assignment that no longer exists matches nothing rather than everything.
 * @example filterAttempts([], NO_FILTERS, []) // []
 */
export function filterAttempts(
	attempts: readonly CohortAttempt[],
	filters: CohortFilters,
	assignments: readonly CohortAssignment[]
): CohortAttempt[] {
	let inAssignment: Set<string> | null = null;
	if (filters.assignmentId) {
		const a = assignments.find((x) => x.id === filters.assignmentId);
		inAssignment = new Set(a ? a.items.map((i) => i.definitionId) : []);
	}
	return attempts.filter((a) => {
		if (filters.mode && a.mode !== filters.mode) return false;
		if (inAssignment && !inAssignment.has(a.definitionId)) return false;
		const day = a.startedAt.slice(0, 10);
		if (filters.from && day < filters.from) return false;
		if (filters.to && day > filters.to) return false;
		return true;
	});
}

export interface TraineeRow {
	id: string;
	name: string;
	attempts: number;
	finished: number;
	passed: number;
	/** Passed of finished, 0-100 with one decimal, or null with nothing finished. */
	passRate: number | null;
	averagePercent: number | null;
	outcomesCovered: number;
	outcomesTotal: number;
	timeSpentMs: number;
	lastActive: string | null;
}

export interface ScenarioRow {
	definitionId: string;
	title: string;
	mode: CohortMode;
	attempts: number;
	finished: number;
	passed: number;
	trainees: number;
	passRate: number | null;
	/** Median active time of finished attempts. */
	medianTimeMs: number | null;
	medianPercent: number | null;
}

export interface WrongChoice {
	text: string;
	count: number;
}

export interface DecisionPointRow {
	key: string;
	definitionId: string;
	title: string;
	step: string;
	/** The rule behind the step, with its handbook section. */
	rule: string;
	handbook: string;
	answered: number;
	wrong: number;
	wrongRate: number;
	/** The most common wrong answers, most common first (at most three). */
	topWrong: WrongChoice[];
}

export interface CohortSummary {
	totals: { trainees: number; attempts: number; finished: number; passed: number; decisions: number };
	trainees: TraineeRow[];
	scenarios: ScenarioRow[];
	decisionPoints: DecisionPointRow[];
}

const isFinished = (a: CohortAttempt) => a.status === 'finished' && a.summary !== null;
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * The middle value (mean of the two middle values for an even count), or null for none.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function elapsed(a: CohortAttempt): number {
	if (typeof a.summary?.elapsedMs === 'number') return a.summary.elapsedMs;
	const ms = Date.parse(a.finishedAt ?? a.updatedAt) - Date.parse(a.startedAt);
	return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 2 * 3_600_000) : 0;
}

/**
 * Every figure on the dashboard, from the imported files, the filters and the assignments.
 * @example summariseCohort([], NO_FILTERS, []).totals // { trainees: 0, attempts: 0, finished: 0, passed: 0, decisions: 0 }
 */
export function summariseCohort(
	files: readonly CohortFile[],
	filters: CohortFilters,
	assignments: readonly CohortAssignment[]
): CohortSummary {
	const merged = mergeCohort(files);
	const attempts = filterAttempts(merged.attempts, filters, assignments);
	return summariseAttempts(merged.trainees, attempts);
}

/** The tables for attempts already merged and filtered (the state layer caches the merge). */
export function summariseAttempts(
	traineeList: readonly CohortTrainee[],
	attempts: readonly CohortAttempt[]
): CohortSummary {
	return finishTally(traineeList, tally(attempts, false));
}

// ---------------------------------------------------------------------------------------------------------------
// Parts: what a set of attempts adds to the tables. Parts of sets with no attempt in common add up to the part of
// their union (combineParts), so each file's part is made once, by the worker that checks it, and the dashboard
// adds up 200 small parts instead of reading 10,000 attempts. Every figure is a count, a sum of whole numbers, a
// set or a list of values, so adding up in any order gives the same tables.

interface TraineePart {
	attempts: number;
	finished: number;
	passed: number;
	/** Sum of finished attempts' scores in tenths of a percent: whole numbers add up the same in any order. */
	percentTenths: number;
	covered: Set<string>;
	timeSpentMs: number;
	lastActive: string | null;
}

/** An attempt's place in the cohort's order (start time, then id): the first and last are found, not assumed. */
interface Seen {
	startedAt: string;
	id: string;
}
const inOrder = (a: Seen, b: Seen) => cmp(a.startedAt, b.startedAt) || cmp(a.id, b.id);

interface ScenarioPart {
	attempts: number;
	finished: number;
	passed: number;
	trainees: Set<string>;
	/** Finished attempts' times and scores, for the medians. */
	times: number[];
	percents: number[];
	/** The newest attempt's title and mode name the row (a scenario can be renamed between versions). */
	newest: Seen & { title: string; mode: CohortMode };
}

/** A decision point while parts are made or added up. */
interface PointCount {
	/** The first attempt that met this step, for the row's title and rule. */
	first: Seen & { title: string; rule: string; handbook: string };
	answered: number;
	wrong: number;
	wrongTexts: Map<string, number>;
}
/** By scenario, then step: 80,000 decisions must not build 80,000 key strings. */
type PointCounts = Map<string, Map<string, PointCount>>;

/**
 * Decision points as a part keeps them. A file meets a few hundred steps, each naming its scenario, rule and first
 * attempt, so as objects 200 files' parts were 26 MB to copy out of the workers and into IndexedDB. Here each text
 * is kept once and a point is a row of numbers: the columns are POINT's, then the wrong answers as pairs of text
 * and count.
 */
export interface PointTable {
	texts: string[];
	rows: number[][];
}
const POINT = {
	definition: 0,
	step: 1,
	startedAt: 2,
	id: 3,
	title: 4,
	rule: 5,
	handbook: 6,
	answered: 7,
	wrong: 8,
	wrongTexts: 9
} as const;

function encodePoints(points: PointCounts): PointTable {
	const texts: string[] = [];
	const index = new Map<string, number>();
	const t = (text: string) => {
		let i = index.get(text);
		if (i === undefined) {
			index.set(text, (i = texts.length));
			texts.push(text);
		}
		return i;
	};
	const rows: number[][] = [];
	for (const [definitionId, steps] of points)
		for (const [step, p] of steps) {
			const row = [
				t(definitionId),
				t(step),
				t(p.first.startedAt),
				t(p.first.id),
				t(p.first.title),
				t(p.first.rule),
				t(p.first.handbook),
				p.answered,
				p.wrong
			];
			for (const [text, n] of p.wrongTexts) row.push(t(text), n);
			rows.push(row);
		}
	return { texts, rows };
}

/** Adds a part's points into `into`; the part is not changed. */
function addPoints(into: PointCounts, { texts, rows }: PointTable) {
	for (const row of rows) {
		const definitionId = texts[row[POINT.definition]];
		const step = texts[row[POINT.step]];
		const seen = { startedAt: texts[row[POINT.startedAt]], id: texts[row[POINT.id]] };
		let steps = into.get(definitionId);
		if (!steps) into.set(definitionId, (steps = new Map()));
		let p = steps.get(step);
		// The first attempt's texts are looked up only when this row's attempt is the first so far.
		if (!p || inOrder(seen, p.first) < 0) {
			const first = {
				...seen,
				title: texts[row[POINT.title]],
				rule: texts[row[POINT.rule]],
				handbook: texts[row[POINT.handbook]]
			};
			if (p) p.first = first;
			else steps.set(step, (p = { first, answered: 0, wrong: 0, wrongTexts: new Map() }));
		}
		p.answered += row[POINT.answered];
		p.wrong += row[POINT.wrong];
		for (let i = POINT.wrongTexts; i < row.length; i += 2) {
			const text = texts[row[i]];
			p.wrongTexts.set(text, (p.wrongTexts.get(text) ?? 0) + row[i + 1]);
		}
	}
}

/** Bumped whenever what a part holds or means changes: stored parts of another version are made again. */
export const SUMMARY_PART_VERSION = 1;

export interface SummaryPart {
	/** Every attempt's key, so parts that share an attempt are never added up (see summariseFiles). */
	keys: string[];
	attempts: number;
	finished: number;
	passed: number;
	decisions: number;
	trainees: Map<string, TraineePart>;
	scenarios: Map<string, ScenarioPart>;
	points: PointTable;
}

/** A part while it is made or added up, its points as maps (encoded only to be kept or sent). */
type Tally = Omit<SummaryPart, 'points'> & { points: PointCounts };

const emptyTally = (): Tally => ({
	keys: [],
	attempts: 0,
	finished: 0,
	passed: 0,
	decisions: 0,
	trainees: new Map(),
	scenarios: new Map(),
	points: new Map()
});

/**
 * What these attempts add to the dashboard's tables. The attempts must be distinct (merged); their order does not
 * matter.
 * @example summaryPart([]).attempts // 0
 */
export function summaryPart(attempts: readonly CohortAttempt[]): SummaryPart {
	const t = tally(attempts, true);
	return { ...t, points: encodePoints(t.points) };
}

/** The tally of these attempts; `keys` false leaves their keys out, when nothing will be added to it. */
function tally(attempts: readonly CohortAttempt[], keys: boolean): Tally {
	const outcomeIds = new Set(OUTCOMES.map((o) => o.id as string));
	const part = emptyTally();
	const points = part.points;
	for (const a of attempts) {
		const done = isFinished(a);
		const passed = done && a.summary!.passed;
		const time = elapsed(a);
		if (keys) part.keys.push(attemptKey(a));
		part.attempts++;
		if (done) part.finished++;
		if (passed) part.passed++;

		let t = part.trainees.get(a.profileId);
		if (!t) {
			t = {
				attempts: 0,
				finished: 0,
				passed: 0,
				percentTenths: 0,
				covered: new Set(),
				timeSpentMs: 0,
				lastActive: null
			};
			part.trainees.set(a.profileId, t);
		}
		t.attempts++;
		t.timeSpentMs += time;
		if (t.lastActive === null || a.updatedAt > t.lastActive) t.lastActive = a.updatedAt;
		if (done) {
			t.finished++;
			t.percentTenths += Math.round(a.summary!.percent * 10);
		}
		if (passed) {
			t.passed++;
			for (const o of a.summary!.outcomesEvidenced ?? a.outcomes) if (outcomeIds.has(o)) t.covered.add(o);
		}

		let sc = part.scenarios.get(a.definitionId);
		if (!sc) {
			sc = {
				attempts: 0,
				finished: 0,
				passed: 0,
				trainees: new Set(),
				times: [],
				percents: [],
				newest: { startedAt: a.startedAt, id: a.id, title: a.title, mode: a.mode }
			};
			part.scenarios.set(a.definitionId, sc);
		} else if (inOrder(sc.newest, a) < 0)
			sc.newest = { startedAt: a.startedAt, id: a.id, title: a.title, mode: a.mode };
		sc.attempts++;
		sc.trainees.add(a.profileId);
		if (done) {
			sc.finished++;
			sc.times.push(time);
			sc.percents.push(a.summary!.percent);
		}
		if (passed) sc.passed++;

		let steps = points.get(a.definitionId);
		if (!steps) points.set(a.definitionId, (steps = new Map()));
		for (const d of a.decisions) {
			part.decisions++;
			let p = steps.get(d.step);
			if (!p || inOrder(a, p.first) < 0) {
				const first = {
					startedAt: a.startedAt,
					id: a.id,
					title: a.title,
					rule: str(d.rule.text),
					handbook: str(d.rule.handbook)
				};
				if (p) p.first = first;
				else steps.set(d.step, (p = { first, answered: 0, wrong: 0, wrongTexts: new Map() }));
			}
			p.answered++;
			if (d.outcome !== 'correct') {
				p.wrong++;
				p.wrongTexts.set(d.response.text, (p.wrongTexts.get(d.response.text) ?? 0) + 1);
			}
		}
	}
	return part;
}

/**
 * The part of the union of attempt sets with no attempt in common. The parts given are not changed.
 * @example combineParts([summaryPart([]), summaryPart([])]).attempts // 0
 */
export function combineParts(parts: readonly SummaryPart[]): SummaryPart {
	const t = addUp(parts, true);
	return { ...t, points: encodePoints(t.points) };
}

function addUp(parts: readonly SummaryPart[], keys: boolean): Tally {
	const out = emptyTally();
	for (const part of parts) {
		addPoints(out.points, part.points);
		if (keys) for (const k of part.keys) out.keys.push(k);
		out.attempts += part.attempts;
		out.finished += part.finished;
		out.passed += part.passed;
		out.decisions += part.decisions;
		for (const [id, t] of part.trainees) {
			const o = out.trainees.get(id);
			if (!o) out.trainees.set(id, { ...t, covered: new Set(t.covered) });
			else {
				o.attempts += t.attempts;
				o.finished += t.finished;
				o.passed += t.passed;
				o.percentTenths += t.percentTenths;
				for (const c of t.covered) o.covered.add(c);
				o.timeSpentMs += t.timeSpentMs;
				if (o.lastActive === null || (t.lastActive !== null && t.lastActive > o.lastActive))
					o.lastActive = t.lastActive;
			}
		}
		for (const [id, sc] of part.scenarios) {
			const o = out.scenarios.get(id);
			if (!o)
				out.scenarios.set(id, {
					...sc,
					trainees: new Set(sc.trainees),
					times: [...sc.times],
					percents: [...sc.percents]
				});
			else {
				o.attempts += sc.attempts;
				o.finished += sc.finished;
				o.passed += sc.passed;
				for (const p of sc.trainees) o.trainees.add(p);
				for (const x of sc.times) o.times.push(x);
				for (const x of sc.percents) o.percents.push(x);
				if (inOrder(o.newest, sc.newest) < 0) o.newest = sc.newest;
			}
		}
	}
	return out;
}

/**
 * The dashboard's tables from a part: a row for every trainee listed (with or without attempts), every scenario
 * and every decision point, sorted as the screen shows them.
 */
export function finishSummary(traineeList: readonly CohortTrainee[], part: SummaryPart): CohortSummary {
	const points: PointCounts = new Map();
	addPoints(points, part.points);
	return finishTally(traineeList, { ...part, points });
}

function finishTally(traineeList: readonly CohortTrainee[], part: Tally): CohortSummary {
	const outcomesTotal = new Set(OUTCOMES.map((o) => o.id as string)).size;
	const trainees: TraineeRow[] = traineeList.map((t) => {
		const p = part.trainees.get(t.id);
		return {
			id: t.id,
			name: t.name,
			attempts: p?.attempts ?? 0,
			finished: p?.finished ?? 0,
			passed: p?.passed ?? 0,
			passRate: rate(p?.passed ?? 0, p?.finished ?? 0),
			averagePercent: p?.finished ? Math.round(p.percentTenths / p.finished) / 10 : null,
			outcomesCovered: p?.covered.size ?? 0,
			outcomesTotal,
			timeSpentMs: p?.timeSpentMs ?? 0,
			lastActive: p?.lastActive ?? null
		};
	});

	const scenarios: ScenarioRow[] = [...part.scenarios.entries()].map(([definitionId, sc]) => ({
		definitionId,
		title: sc.newest.title,
		mode: sc.newest.mode,
		attempts: sc.attempts,
		finished: sc.finished,
		passed: sc.passed,
		trainees: sc.trainees.size,
		passRate: rate(sc.passed, sc.finished),
		medianTimeMs: median(sc.times),
		medianPercent: median(sc.percents)
	}));
	scenarios.sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || cmp(a.definitionId, b.definitionId));

	const decisionPoints: DecisionPointRow[] = [];
	for (const [definitionId, steps] of part.points)
		for (const [step, p] of steps)
			decisionPoints.push({
				key: `${definitionId}\u0000${step}`,
				definitionId,
				title: p.first.title,
				step,
				rule: p.first.rule,
				handbook: p.first.handbook,
				answered: p.answered,
				wrong: p.wrong,
				wrongRate: rate(p.wrong, p.answered) ?? 0,
				topWrong: [...p.wrongTexts.entries()]
					.map(([text, count]) => ({ text, count }))
					.sort((a, b) => b.count - a.count || cmp(a.text, b.text))
					.slice(0, 3)
			});
	decisionPoints.sort((a, b) => b.wrong - a.wrong || b.wrongRate - a.wrongRate || cmp(a.key, b.key));

	return {
		totals: {
			trainees: trainees.filter((t) => t.attempts > 0).length,
			attempts: part.attempts,
			finished: part.finished,
			passed: part.passed,
			decisions: part.decisions
		},
		trainees,
		scenarios,
		decisionPoints
	};
}

/** What summariseFiles needs of an imported file: its trainees and the part its check made. */
export interface PartedFile {
	trainees: CohortTrainee[];
	part: SummaryPart;
}

/**
 * The unfiltered tables for imported files, from the parts made when they were checked, so the dashboard appears
 * without reading every attempt. Files that share an attempt (a trainee who exported twice), or repeat one, are
 * merged attempt by attempt as mergeCohort does; only they are read, through `attemptsOf`. Always equal to
 * summariseCohort(files, NO_FILTERS, []) (a property test holds it to that).
 */
export function summariseFiles<F extends PartedFile>(
	files: readonly F[],
	attemptsOf: (file: F) => CohortAttempt[]
): CohortSummary {
	const owner = new Map<string, number>();
	const shared = new Set<number>();
	files.forEach((f, i) => {
		for (const k of f.part.keys) {
			const o = owner.get(k);
			if (o === undefined) owner.set(k, i);
			else shared.add(o).add(i);
		}
	});
	const parts = files.filter((_, i) => !shared.has(i)).map((f) => f.part);
	if (shared.size) {
		const overlapping = [...shared].map((i) => ({
			trainees: files[i].trainees,
			attempts: attemptsOf(files[i])
		}));
		parts.push(summaryPart(mergeCohort(overlapping).attempts));
	}
	return finishTally(mergeTrainees(files), addUp(parts, false));
}

function cmp(a: string, b: string) {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A trainee's outcome coverage: each outcome with the passed attempts that evidence it.
 * @example traineeOutcomes([]).every((o) => o.evidencedBy.length === 0) // true
 */
export function traineeOutcomes(attempts: readonly CohortAttempt[]) {
	return OUTCOMES.map((outcome) => ({
		outcome,
		evidencedBy: attempts
			.filter((a) => isFinished(a) && a.summary!.passed)
			.filter((a) => (a.summary!.outcomesEvidenced ?? a.outcomes).includes(outcome.id))
			.map((a) => a.id)
	}));
}

// ---------------------------------------------------------------------------------------------------------------
// Tables as the screen shows them, and as CSV.

export interface CohortTable {
	caption: string;
	headers: string[];
	rows: (string | number)[][];
}

const pct = (v: number | null) => (v === null ? '' : v);
const minutes = (ms: number | null) => (ms === null ? '' : Math.round(ms / 6000) / 10);

/** The trainees table, as shown and exported. */
export function traineeTable(s: CohortSummary): CohortTable {
	return {
		caption: 'Trainees',
		headers: [
			'Trainee',
			'Attempts',
			'Finished',
			'Passed',
			'Pass rate (%)',
			'Average score (%)',
			'Outcomes covered',
			'Outcomes in total',
			'Time spent (min)',
			'Last active'
		],
		rows: s.trainees.map((t) => [
			t.name,
			t.attempts,
			t.finished,
			t.passed,
			pct(t.passRate),
			pct(t.averagePercent),
			t.outcomesCovered,
			t.outcomesTotal,
			minutes(t.timeSpentMs),
			t.lastActive ? t.lastActive.slice(0, 10) : ''
		])
	};
}

/** The scenarios table, as shown and exported. */
export function scenarioTable(s: CohortSummary): CohortTable {
	return {
		caption: 'Scenarios',
		headers: [
			'Scenario',
			'Mode',
			'Trainees',
			'Attempts',
			'Finished',
			'Passed',
			'Pass rate (%)',
			'Median score (%)',
			'Median time (min)'
		],
		rows: s.scenarios.map((r) => [
			r.title,
			r.mode,
			r.trainees,
			r.attempts,
			r.finished,
			r.passed,
			pct(r.passRate),
			pct(r.medianPercent),
			minutes(r.medianTimeMs)
		])
	};
}

/** The decision points table, as shown and exported. */
export function decisionTable(s: CohortSummary): CohortTable {
	return {
		caption: 'Decision points',
		headers: [
			'Scenario',
			'Step',
			'Rule',
			'Handbook',
			'Answered',
			'Wrong',
			'Wrong (%)',
			'Most common wrong choice',
			'Times chosen',
			'Second',
			'Times chosen',
			'Third',
			'Times chosen'
		],
		rows: s.decisionPoints.map((d) => [
			d.title,
			d.step,
			d.rule,
			d.handbook,
			d.answered,
			d.wrong,
			d.wrongRate,
			...[0, 1, 2].flatMap((i) => (d.topWrong[i] ? [d.topWrong[i].text, d.topWrong[i].count] : ['', '']))
		])
	};
}

/**
 * One CSV cell. Text a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) gets a
 * leading apostrophe, so a trainee's name or an imported title can never become a formula (CSV injection).
 * @example csvCell('=1+1') // "'=1+1"
 */
export function csvCell(value: string | number): string {
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let text = value;
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A table as CSV (RFC 4180, CRLF line ends), with the synthetic-data marker as the first line.
 * @example toCsv({ caption: 'T', headers: ['a'], rows: [[1]] }).split('\r\n')[1] // 'a'
 */
export function toCsv(table: CohortTable): string {
	const lines = [
		[csvCell(`${table.caption} (synthetic training data, not real patients)`)],
		table.headers.map(csvCell),
		...table.rows.map((r) => r.map(csvCell))
	];
	return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
