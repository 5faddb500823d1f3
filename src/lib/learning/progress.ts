import { INDUCTION_MODULES, type InductionModule } from './induction';

/**
 * A learner's progress through the induction route: which modules they marked complete, and when. Kept as plain
 * data so it can be stored, backed up and checked without the UI.
 */
export interface LearningProgress {
	version: 1;
	/** Module id to the ISO date-time it was marked complete. */
	completed: Record<string, string>;
}

export function emptyProgress(): LearningProgress {
	return { version: 1, completed: {} };
}

/**
 * Reads stored progress defensively: anything unreadable becomes empty progress, and entries for modules that no
 * longer exist (or with a date that does not parse) are dropped, so a renamed module never breaks the page.
 * @example parseProgress({ version: 1, completed: { filing: '2026-11-25T10:00:00.000Z' } }).completed.filing
 */
export function parseProgress(
	raw: unknown,
	modules: readonly InductionModule[] = INDUCTION_MODULES
): LearningProgress {
	const out = emptyProgress();
	if (!raw || typeof raw !== 'object') return out;
	const completed = (raw as { completed?: unknown }).completed;
	if (!completed || typeof completed !== 'object') return out;
	const known = new Set(modules.map((m) => m.id));
	for (const [id, at] of Object.entries(completed as Record<string, unknown>)) {
		if (known.has(id) && typeof at === 'string' && !Number.isNaN(Date.parse(at))) out.completed[id] = at;
	}
	return out;
}

/**
 * Marks a module complete at the given time. The first completion date is kept if it is marked again, so the
 * certificate does not move.
 * @example markComplete(emptyProgress(), 'filing', new Date('2026-11-25T10:00:00Z')).completed.filing
 */
export function markComplete(progress: LearningProgress, moduleId: string, at: Date): LearningProgress {
	if (progress.completed[moduleId]) return progress;
	return { ...progress, completed: { ...progress.completed, [moduleId]: at.toISOString() } };
}

export function isComplete(progress: LearningProgress, moduleId: string): boolean {
	return Boolean(progress.completed[moduleId]);
}

export function completedCount(
	progress: LearningProgress,
	modules: readonly InductionModule[] = INDUCTION_MODULES
): number {
	return modules.filter((m) => isComplete(progress, m.id)).length;
}

export function isRouteComplete(
	progress: LearningProgress,
	modules: readonly InductionModule[] = INDUCTION_MODULES
): boolean {
	return modules.length > 0 && completedCount(progress, modules) === modules.length;
}

/** The first module in route order not yet complete: where "continue" takes the learner. */
export function nextModule(
	progress: LearningProgress,
	modules: readonly InductionModule[] = INDUCTION_MODULES
): InductionModule | undefined {
	return modules.find((m) => !isComplete(progress, m.id));
}

/** When the route was finished: the latest completion date, or undefined while modules remain. */
export function routeCompletedAt(
	progress: LearningProgress,
	modules: readonly InductionModule[] = INDUCTION_MODULES
): string | undefined {
	if (!isRouteComplete(progress, modules)) return undefined;
	return modules
		.map((m) => progress.completed[m.id])
		.sort()
		.at(-1);
}

/**
 * Whether a knowledge check is passed: every question answered correctly (learners may retry after a wrong answer,
 * reading the explanation first).
 * @example isCheckPassed(getModule('filing')!, { q1: 'c', q2: 'c', q3: 'a', q4: 'a' }) // true
 */
export function isCheckPassed(module: InductionModule, answers: Readonly<Record<string, string>>): boolean {
	return module.questions.every((q) => answers[q.id] === q.answer);
}
