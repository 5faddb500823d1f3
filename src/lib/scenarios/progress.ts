/**
 * The learner's progress at a glance (issue 6): a pure summary of a profile's attempts, so the dashboard only
 * renders and the same figures can be tested, exported and shown to a trainer.
 */
import { FAMILIES, FAMILY_LABELS, type Family, type ScenarioDefinition } from './definition';
import { OUTCOMES, type LearningOutcome } from './outcomes';

/** The fields of a stored attempt the summary reads (structurally the db's AttemptRow). */
export interface AttemptForProgress {
	id: string;
	definitionId: string;
	definition: Pick<ScenarioDefinition, 'title' | 'family' | 'mode' | 'difficulty' | 'outcomes'>;
	seed: number;
	status: 'in-progress' | 'finished' | 'abandoned' | 'superseded';
	startedAt: string;
	updatedAt: string;
	finishedAt: string | null;
	summary: { percent: number; passed: boolean; elapsedMs?: number; outcomesEvidenced?: string[] } | null;
}

export interface FamilyProgress {
	family: Family;
	label: string;
	attempts: number;
	scenariosAttempted: number;
	scenariosPassed: number;
	bestPercent: number | null;
	latestPercent: number | null;
}

export interface OutcomeProgress {
	outcome: LearningOutcome;
	/** Passed attempts that evidence this outcome, newest first. */
	evidencedBy: string[];
}

export interface ProgressSummary {
	totals: { attempts: number; finished: number; passed: number; inProgress: number; timeSpentMs: number };
	families: FamilyProgress[];
	outcomes: OutcomeProgress[];
	scoresOverTime: { attemptId: string; at: string; percent: number; passed: boolean; title: string }[];
	recent: AttemptForProgress[];
	next:
		| { kind: 'resume'; attempt: AttemptForProgress }
		| { kind: 'start'; definition: ScenarioDefinition }
		| null;
}

const DIFFICULTY_ORDER = { gentle: 0, realistic: 1, challenging: 2 } as const;

/** Time on task: the engine's own elapsed time where recorded, else start to last save (capped, for idle tabs). */
export function timeSpentMs(a: AttemptForProgress): number {
	if (a.summary?.elapsedMs !== undefined) return a.summary.elapsedMs;
	const end = a.finishedAt ?? a.updatedAt;
	const ms = Date.parse(end) - Date.parse(a.startedAt);
	return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 2 * 60 * 60 * 1000) : 0;
}

function finishedPercent(a: AttemptForProgress): number | null {
	return a.status === 'finished' && a.summary ? a.summary.percent : null;
}

/**
 * @example summariseProgress([], []).totals // { attempts: 0, finished: 0, passed: 0, inProgress: 0, timeSpentMs: 0 }
 */
export function summariseProgress(
	attempts: readonly AttemptForProgress[],
	catalogue: readonly ScenarioDefinition[]
): ProgressSummary {
	const newestFirst = [...attempts].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
	const finished = newestFirst.filter((a) => a.status === 'finished' && a.summary);
	const passed = finished.filter((a) => a.summary!.passed);

	const families: FamilyProgress[] = FAMILIES.map((family) => {
		const mine = newestFirst.filter((a) => a.definition.family === family);
		const scores = mine.map(finishedPercent).filter((p): p is number => p !== null);
		return {
			family,
			label: FAMILY_LABELS[family],
			attempts: mine.length,
			scenariosAttempted: new Set(mine.map((a) => a.definitionId)).size,
			scenariosPassed: new Set(
				mine.filter((a) => a.summary?.passed && a.status === 'finished').map((a) => a.definitionId)
			).size,
			bestPercent: scores.length ? Math.max(...scores) : null,
			latestPercent: scores.length ? scores[0] : null
		};
	});

	const outcomes: OutcomeProgress[] = OUTCOMES.map((outcome) => ({
		outcome,
		evidencedBy: passed
			.filter((a) => (a.summary!.outcomesEvidenced ?? a.definition.outcomes).includes(outcome.id))
			.map((a) => a.id)
	}));

	const scoresOverTime = [...finished]
		.sort((a, b) => (a.finishedAt ?? a.updatedAt).localeCompare(b.finishedAt ?? b.updatedAt))
		.map((a) => ({
			attemptId: a.id,
			at: a.finishedAt ?? a.updatedAt,
			percent: a.summary!.percent,
			passed: a.summary!.passed,
			title: a.definition.title
		}));

	const inProgress = newestFirst.filter((a) => a.status === 'in-progress');
	const passedIds = new Set(passed.map((a) => a.definitionId));
	const nextDefinition = [...catalogue]
		.filter((d) => !passedIds.has(d.id))
		.sort(
			(a, b) =>
				DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] ||
				FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family) ||
				a.title.localeCompare(b.title)
		)[0];

	return {
		totals: {
			attempts: attempts.length,
			finished: finished.length,
			passed: passed.length,
			inProgress: inProgress.length,
			timeSpentMs: attempts.reduce((t, a) => t + timeSpentMs(a), 0)
		},
		families,
		outcomes,
		scoresOverTime,
		recent: newestFirst.slice(0, 5),
		next: inProgress[0]
			? { kind: 'resume', attempt: inProgress[0] }
			: nextDefinition
				? { kind: 'start', definition: nextDefinition }
				: null
	};
}

/** "1 hr 5 min", "12 min", "under a minute": how people say time spent. */
export function formatDuration(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	if (minutes < 1) return 'under a minute';
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	if (h === 0) return `${m} min`;
	return m === 0 ? `${h} hr` : `${h} hr ${m} min`;
}
