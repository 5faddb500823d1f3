/**
 * Assignments (issue 11): an ordered set of scenarios a trainer sets for trainees, with an optional due date and
 * a rule for what counts as done. This module is pure: it checks what a trainer typed (or a pack carried) and
 * works out a trainee's progress from their attempts. Storage is in $lib/db/assignments.ts.
 */
import type { AssignmentItem, DoneWhen } from '$lib/db/assignments';

export const ASSIGNMENT_LIMITS = { title: 120, items: 50, profiles: 500 } as const;
const MAX_SEED = 2 ** 31 - 1;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What a trainer sets; the repository adds id, owner and dates. */
export interface AssignmentInput {
	title: string;
	items: AssignmentItem[];
	dueDate?: string;
	doneWhen: DoneWhen;
	assignedProfileIds: string[];
}

/** A problem tied to a form field ("title", "dueDate", "items", "items.2", "doneWhen", "assignedProfileIds"). */
export interface AssignmentProblem {
	field: string;
	message: string;
}

export type AssignmentCheck =
	{ ok: true; value: AssignmentInput } | { ok: false; problems: AssignmentProblem[] };

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A real calendar date written YYYY-MM-DD.
 * @example isIsoDate('2026-02-29') // false
 */
export function isIsoDate(text: unknown): text is string {
	if (typeof text !== 'string') return false;
	const m = ISO_DATE.exec(text);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === text;
}

/**
 * Checks an assignment, listing every problem in plain English. Never throws, whatever it is given.
 * @param isKnownScenario whether a scenario id can be played on this PC (built in or authored here).
 * @example checkAssignment({ title: 'Week 1', items: [{ definitionId: 'a' }], doneWhen: 'finished', assignedProfileIds: [] }).ok // true
 */
export function checkAssignment(raw: unknown, isKnownScenario?: (id: string) => boolean): AssignmentCheck {
	const problems: AssignmentProblem[] = [];
	if (!isRecord(raw))
		return { ok: false, problems: [{ field: 'title', message: 'This is not an assignment.' }] };
	const title = typeof raw.title === 'string' ? raw.title.replace(/\s+/g, ' ').trim() : '';
	if (!title) problems.push({ field: 'title', message: 'Enter a title, for example "Week 1: filing".' });
	else if ([...title].length > ASSIGNMENT_LIMITS.title)
		problems.push({
			field: 'title',
			message: `Title must be ${ASSIGNMENT_LIMITS.title} characters or fewer.`
		});
	else if (/\p{Cc}/u.test(title))
		problems.push({
			field: 'title',
			message: 'Title can only contain letters, numbers, spaces and punctuation.'
		});

	let dueDate: string | undefined;
	if (raw.dueDate !== undefined && raw.dueDate !== null && raw.dueDate !== '') {
		if (isIsoDate(raw.dueDate)) dueDate = raw.dueDate;
		else
			problems.push({
				field: 'dueDate',
				message: 'Enter the due date as a real date, for example 2026-12-04.'
			});
	}

	const doneWhen = raw.doneWhen;
	if (doneWhen !== 'finished' && doneWhen !== 'passed') {
		problems.push({ field: 'doneWhen', message: 'Choose what counts as done: finished, or passed.' });
	}

	const items: AssignmentItem[] = [];
	if (!Array.isArray(raw.items) || raw.items.length === 0) {
		problems.push({ field: 'items', message: 'Add at least one scenario to the assignment.' });
	} else if (raw.items.length > ASSIGNMENT_LIMITS.items) {
		problems.push({
			field: 'items',
			message: `An assignment can hold at most ${ASSIGNMENT_LIMITS.items} scenarios. Split it into two.`
		});
	} else {
		raw.items.forEach((item: unknown, i: number) => {
			const field = `items.${i}`;
			const n = i + 1;
			if (!isRecord(item) || typeof item.definitionId !== 'string' || !SLUG.test(item.definitionId)) {
				problems.push({ field, message: `Scenario ${n} does not name a scenario.` });
				return;
			}
			if (isKnownScenario && !isKnownScenario(item.definitionId)) {
				problems.push({
					field,
					message: `Scenario ${n} ("${item.definitionId}") is not on this computer. Import the scenario pack it came in, or remove it.`
				});
			}
			const out: AssignmentItem = { definitionId: item.definitionId };
			if (item.definitionVersion !== undefined && item.definitionVersion !== null) {
				const v = item.definitionVersion;
				if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1_000_000)
					problems.push({ field, message: `Scenario ${n} has a version that is not a whole number from 1.` });
				else out.definitionVersion = v;
			}
			if (item.seed !== undefined && item.seed !== null) {
				const s = item.seed;
				if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s > MAX_SEED)
					problems.push({
						field,
						message: `Scenario ${n} has a case number that is not a whole number from 0.`
					});
				else out.seed = s;
			}
			items.push(out);
		});
	}

	const assigned: string[] = [];
	if (raw.assignedProfileIds !== undefined) {
		const ids = raw.assignedProfileIds;
		if (
			!Array.isArray(ids) ||
			ids.length > ASSIGNMENT_LIMITS.profiles ||
			!ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 100)
		) {
			problems.push({
				field: 'assignedProfileIds',
				message: 'The list of trainees is damaged. Choose them again.'
			});
		} else assigned.push(...new Set(ids as string[]));
	}

	if (problems.length > 0) return { ok: false, problems };
	return {
		ok: true,
		value: {
			title,
			items,
			...(dueDate ? { dueDate } : {}),
			doneWhen: doneWhen as DoneWhen,
			assignedProfileIds: assigned
		}
	};
}

/** The parts of an attempt that decide progress; AttemptRow fits it. */
export interface AttemptForStatus {
	id: string;
	definitionId: string;
	definitionVersion: number;
	seed: number;
	status: string;
	startedAt: string;
	summary: { passed: boolean } | null;
	preview?: boolean;
}

export type ItemState = 'not-started' | 'started' | 'done';
export type AssignmentState = 'not-started' | 'in-progress' | 'done' | 'overdue';

export interface AssignmentProgress {
	items: { item: AssignmentItem; state: ItemState; attemptId?: string }[];
	done: number;
	total: number;
	state: AssignmentState;
	/** Whole days from today to the due date (negative when past), or null without a due date. */
	daysLeft: number | null;
}

/** Whether an attempt is of this item: same scenario, and the same case and version where the item pins them. */
function fits(item: AssignmentItem, a: AttemptForStatus): boolean {
	return (
		a.definitionId === item.definitionId &&
		(item.seed === undefined || a.seed === item.seed) &&
		(item.definitionVersion === undefined || a.definitionVersion === item.definitionVersion)
	);
}

function daysBetween(fromIso: string, toIso: string): number {
	return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/**
 * Whether one attempt meets an assignment's rule for "done": "finished" needs the attempt finished and scored,
 * whatever the score; "passed" needs it finished and at or above the scenario's pass mark. An attempt still under
 * way, abandoned or superseded is never done, and a trainer's preview never counts.
 * @example countsAsDone({ status: 'finished', summary: { passed: false } }, 'finished') // true
 * @example countsAsDone({ status: 'finished', summary: { passed: false } }, 'passed') // false
 */
export function countsAsDone(
	attempt: Pick<AttemptForStatus, 'status' | 'summary' | 'preview'>,
	doneWhen: DoneWhen
): boolean {
	if (attempt.preview || attempt.status !== 'finished' || attempt.summary === null) return false;
	return doneWhen === 'finished' || attempt.summary.passed;
}

/**
 * An assignment's state from its items' states and the days left to its due date. Done wins over overdue: work
 * finished late is still finished (the due-date line says when it was due).
 * @example assignmentState(['done', 'started'], -1) // 'overdue'
 */
export function assignmentState(items: readonly ItemState[], daysLeft: number | null): AssignmentState {
	if (items.length > 0 && items.every((s) => s === 'done')) return 'done';
	if (daysLeft !== null && daysLeft < 0) return 'overdue';
	return items.some((s) => s !== 'not-started') ? 'in-progress' : 'not-started';
}

/**
 * A trainee's progress on an assignment, from their attempts. Any attempt counts, including ones made before the
 * assignment was set; a trainer preview never does. Each item is done when one of its attempts `countsAsDone`.
 * @param today the trainee's date, YYYY-MM-DD, passed in so the result does not depend on the clock.
 * @example assignmentProgress({ items: [{ definitionId: 'a' }], doneWhen: 'finished' }, [], '2026-01-01').state // 'not-started'
 */
export function assignmentProgress(
	assignment: { items: AssignmentItem[]; doneWhen: DoneWhen; dueDate?: string },
	attempts: readonly AttemptForStatus[],
	today: string
): AssignmentProgress {
	const counted = attempts.filter((a) => !a.preview);
	const items = assignment.items.map((item) => {
		const mine = counted.filter((a) => fits(item, a));
		const done = mine.find((a) => countsAsDone(a, assignment.doneWhen));
		if (done) return { item, state: 'done' as const, attemptId: done.id };
		const started = mine.find((a) => a.status === 'in-progress' || a.status === 'finished');
		return started
			? { item, state: 'started' as const, attemptId: started.id }
			: { item, state: 'not-started' as const };
	});
	const done = items.filter((i) => i.state === 'done').length;
	const daysLeft = assignment.dueDate ? daysBetween(today, assignment.dueDate) : null;
	const state = assignmentState(
		items.map((i) => i.state),
		daysLeft
	);
	return { items, done, total: items.length, state, daysLeft };
}

const dueFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * The due-date line a trainee reads: a countdown while work is left, how late it is once overdue, and no nagging
 * once it is done.
 * @example dueLine('2026-12-04', -2, 'overdue') // 'Was due 4 December 2026 (2 days ago).'
 */
export function dueLine(
	dueDate: string | undefined,
	daysLeft: number | null,
	state: AssignmentState
): string {
	if (!dueDate || daysLeft === null) return 'No due date.';
	const when = dueFormat.format(new Date(`${dueDate}T00:00:00Z`));
	if (state === 'done') return daysLeft < 0 ? `Was due ${when}.` : `Due ${when}.`;
	if (daysLeft < 0) return `Was due ${when} (${-daysLeft} ${daysLeft === -1 ? 'day' : 'days'} ago).`;
	if (daysLeft === 0) return `Due today, ${when}.`;
	return `Due ${when} (in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}).`;
}

/**
 * Moves one item up (-1) or down (+1), for the keyboard-friendly order buttons.
 * @example moveItem(['a', 'b', 'c'], 2, -1) // ['a', 'c', 'b']
 */
export function moveItem<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
	const to = index + by;
	if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
	const out = [...list];
	[out[index], out[to]] = [out[to], out[index]];
	return out;
}
