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

/**
 * One trainee per profile id and one attempt per attempt id, whatever files they came in; for an attempt in two
 * files the copy saved last wins. Order-independent: trainees and attempts come out sorted.
 * @example mergeCohort([]).attempts // []
 */
export function mergeCohort(files: readonly CohortFile[]): MergedCohort {
	const trainees = new Map<string, CohortTrainee>();
	const attempts = new Map<string, CohortAttempt>();
	for (const file of files) {
		for (const t of file.trainees) {
			const here = trainees.get(t.id);
			if (!here || t.name.localeCompare(here.name) < 0) trainees.set(t.id, t);
		}
		for (const a of file.attempts) {
			const key = `${a.profileId}\u0000${a.id}`;
			const here = attempts.get(key);
			if (!here || laterCopy(a, here)) attempts.set(key, a);
		}
	}
	return {
		trainees: [...trainees.values()].sort(
			(a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
		),
		attempts: [...attempts.values()].sort((a, b) =>
			a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
		)
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
	/** The prompt of the first time this step was seen (cases differ by seed, so prompts can vary). */
	examplePrompt: string;
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
	const outcomeIds = new Set(OUTCOMES.map((o) => o.id as string));
	const byTrainee = new Map<string, CohortAttempt[]>();
	const byScenario = new Map<string, CohortAttempt[]>();
	type Point = { row: DecisionPointRow; wrong: Map<string, number> };
	// Keyed by scenario, then step: 80,000 decisions must not build 80,000 key strings.
	const pointsByScenario = new Map<string, Map<string, Point>>();
	let decisions = 0;
	for (const a of attempts) {
		push(byTrainee, a.profileId, a);
		push(byScenario, a.definitionId, a);
		let steps = pointsByScenario.get(a.definitionId);
		if (!steps) pointsByScenario.set(a.definitionId, (steps = new Map()));
		for (const d of a.decisions) {
			decisions++;
			let p = steps.get(d.step);
			if (!p) {
				p = {
					row: {
						key: `${a.definitionId}\u0000${d.step}`,
						definitionId: a.definitionId,
						title: a.title,
						step: d.step,
						rule: str(d.rule.text),
						handbook: str(d.rule.handbook),
						examplePrompt: d.prompt,
						answered: 0,
						wrong: 0,
						wrongRate: 0,
						topWrong: []
					},
					wrong: new Map()
				};
				steps.set(d.step, p);
			}
			p.row.answered++;
			if (d.outcome !== 'correct') {
				p.row.wrong++;
				p.wrong.set(d.response.text, (p.wrong.get(d.response.text) ?? 0) + 1);
			}
		}
	}

	const trainees: TraineeRow[] = traineeList.map((t) => {
		const mine = byTrainee.get(t.id) ?? [];
		const finished = mine.filter(isFinished);
		const passed = finished.filter((a) => a.summary!.passed);
		const covered = new Set<string>();
		for (const a of passed)
			for (const o of a.summary!.outcomesEvidenced ?? a.outcomes) if (outcomeIds.has(o)) covered.add(o);
		const last = mine.reduce<string | null>(
			(m, a) => (m === null || a.updatedAt > m ? a.updatedAt : m),
			null
		);
		return {
			id: t.id,
			name: t.name,
			attempts: mine.length,
			finished: finished.length,
			passed: passed.length,
			passRate: rate(passed.length, finished.length),
			averagePercent: finished.length
				? Math.round((finished.reduce((s, a) => s + a.summary!.percent, 0) / finished.length) * 10) / 10
				: null,
			outcomesCovered: covered.size,
			outcomesTotal: outcomeIds.size,
			timeSpentMs: mine.reduce((s, a) => s + elapsed(a), 0),
			lastActive: last
		};
	});

	const scenarios: ScenarioRow[] = [...byScenario.entries()].map(([definitionId, list]) => {
		const finished = list.filter(isFinished);
		const passed = finished.filter((a) => a.summary!.passed).length;
		const newest = list[list.length - 1];
		return {
			definitionId,
			title: newest.title,
			mode: newest.mode,
			attempts: list.length,
			finished: finished.length,
			passed,
			trainees: new Set(list.map((a) => a.profileId)).size,
			passRate: rate(passed, finished.length),
			medianTimeMs: median(finished.map(elapsed)),
			medianPercent: median(finished.map((a) => a.summary!.percent))
		};
	});
	scenarios.sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || cmp(a.definitionId, b.definitionId));

	const decisionPoints = [...pointsByScenario.values()]
		.flatMap((steps) => [...steps.values()])
		.map(({ row, wrong }) => ({
			...row,
			wrongRate: rate(row.wrong, row.answered) ?? 0,
			topWrong: [...wrong.entries()]
				.map(([text, count]) => ({ text, count }))
				.sort((a, b) => b.count - a.count || cmp(a.text, b.text))
				.slice(0, 3)
		}));
	decisionPoints.sort((a, b) => b.wrong - a.wrong || b.wrongRate - a.wrongRate || cmp(a.key, b.key));

	return {
		totals: {
			trainees: trainees.filter((t) => t.attempts > 0).length,
			attempts: attempts.length,
			finished: attempts.filter(isFinished).length,
			passed: attempts.filter((a) => isFinished(a) && a.summary!.passed).length,
			decisions
		},
		trainees,
		scenarios,
		decisionPoints
	};
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
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
