import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	assignmentProgress,
	assignmentState,
	checkAssignment,
	countsAsDone,
	dueLine,
	isIsoDate,
	moveItem,
	type AttemptForStatus,
	type ItemState
} from './assignments';

const valid = {
	title: '  Week 1:   filing ',
	items: [{ definitionId: 'loose-filing-gentle' }, { definitionId: 'shelving-gentle', seed: 7 }],
	dueDate: '2026-12-04',
	doneWhen: 'passed',
	assignedProfileIds: ['p1', 'p1', 'p2']
};

let n = 0;
function attempt(over: Partial<AttemptForStatus>): AttemptForStatus {
	return {
		id: `a${n++}`,
		definitionId: 'loose-filing-gentle',
		definitionVersion: 1,
		seed: 1,
		status: 'finished',
		startedAt: '2026-11-20T10:00:00Z',
		summary: { passed: true },
		...over
	};
}

describe('checking an assignment', () => {
	it('tidies a valid one', () => {
		const result = checkAssignment(valid);
		expect(result).toEqual({
			ok: true,
			value: {
				title: 'Week 1: filing',
				items: valid.items,
				dueDate: '2026-12-04',
				doneWhen: 'passed',
				assignedProfileIds: ['p1', 'p2']
			}
		});
	});

	it('lists every problem, each tied to its field', () => {
		const result = checkAssignment({
			title: '',
			items: [{ definitionId: 'Not A Slug' }, { definitionId: 'ok', seed: -1 }],
			dueDate: '2026-02-30',
			doneWhen: 'maybe'
		});
		expect(result.ok).toBe(false);
		const fields = !result.ok ? result.problems.map((p) => p.field) : [];
		expect(fields).toEqual(['title', 'dueDate', 'doneWhen', 'items.0', 'items.1']);
	});

	it('says when a scenario is not on this PC', () => {
		const result = checkAssignment(valid, (id) => id === 'loose-filing-gentle');
		expect(!result.ok && result.problems[0]).toMatchObject({
			field: 'items.1',
			message: expect.stringContaining('not on this computer')
		});
	});

	it('needs at least one scenario', () => {
		expect(checkAssignment({ ...valid, items: [] })).toMatchObject({
			ok: false,
			problems: [{ field: 'items' }]
		});
		expect(checkAssignment(null).ok).toBe(false);
	});

	it('knows a real date', () => {
		expect(isIsoDate('2028-02-29')).toBe(true);
		expect(isIsoDate('2026-02-29')).toBe(false);
		expect(isIsoDate('4 Dec 2026')).toBe(false);
	});
});

describe("a trainee's progress on an assignment", () => {
	const assignment = { items: valid.items, doneWhen: 'passed' as const, dueDate: '2026-12-04' };

	it('is not started without attempts, and overdue after the due date', () => {
		expect(assignmentProgress(assignment, [], '2026-12-01')).toMatchObject({
			state: 'not-started',
			done: 0,
			total: 2,
			daysLeft: 3
		});
		expect(assignmentProgress(assignment, [], '2026-12-05')).toMatchObject({
			state: 'overdue',
			daysLeft: -1
		});
	});

	it('counts a passed attempt, and for a pinned case only that case', () => {
		const progress = assignmentProgress(
			assignment,
			[attempt({}), attempt({ definitionId: 'shelving-gentle', seed: 8 })],
			'2026-12-01'
		);
		expect(progress.items.map((i) => i.state)).toEqual(['done', 'not-started']);
		expect(progress.state).toBe('in-progress');
	});

	it('needs a pass when "passed" is the rule, any finish when "finished" is', () => {
		const failed = [
			attempt({ summary: { passed: false } }),
			attempt({ definitionId: 'shelving-gentle', seed: 7, summary: { passed: false } })
		];
		expect(assignmentProgress(assignment, failed, '2026-12-01').state).toBe('in-progress');
		expect(assignmentProgress({ ...assignment, doneWhen: 'finished' }, failed, '2026-12-09').state).toBe(
			'done'
		);
	});

	it('never counts a trainer preview or an abandoned attempt', () => {
		const attempts = [
			attempt({ preview: true }),
			attempt({ definitionId: 'shelving-gentle', seed: 7, status: 'abandoned', summary: null })
		];
		expect(assignmentProgress(assignment, attempts, '2026-12-01').state).toBe('not-started');
	});

	it('keeps a pinned version apart from later ones', () => {
		const pinned = {
			items: [{ definitionId: 'loose-filing-gentle', definitionVersion: 2 }],
			doneWhen: 'finished' as const
		};
		expect(assignmentProgress(pinned, [attempt({ definitionVersion: 1 })], '2026-12-01').state).toBe(
			'not-started'
		);
		expect(assignmentProgress(pinned, [attempt({ definitionVersion: 2 })], '2026-12-01').state).toBe('done');
	});
});

describe('what counts as done', () => {
	const finished = { status: 'finished', summary: { passed: true } };
	const failed = { status: 'finished', summary: { passed: false } };
	// [what, attempt, rule, done?]
	const table: [string, Parameters<typeof countsAsDone>[0], 'finished' | 'passed', boolean][] = [
		['passed, rule "passed"', finished, 'passed', true],
		['passed, rule "finished"', finished, 'finished', true],
		['failed, rule "passed"', failed, 'passed', false],
		['failed, rule "finished"', failed, 'finished', true],
		['under way, rule "finished"', { status: 'in-progress', summary: null }, 'finished', false],
		['under way, rule "passed"', { status: 'in-progress', summary: null }, 'passed', false],
		['abandoned, rule "finished"', { status: 'abandoned', summary: null }, 'finished', false],
		['superseded, rule "finished"', { status: 'superseded', summary: null }, 'finished', false],
		['finished without a score', { status: 'finished', summary: null }, 'finished', false],
		['a passed trainer preview', { ...finished, preview: true }, 'passed', false],
		['a finished trainer preview', { ...failed, preview: true }, 'finished', false]
	];
	it.each(table)('%s', (_label, attempt, rule, done) => {
		expect(countsAsDone(attempt, rule)).toBe(done);
	});

	it('a pass is always a finish', () => {
		fc.assert(
			fc.property(
				fc.record({
					status: fc.constantFrom('finished', 'in-progress', 'abandoned', 'superseded'),
					summary: fc.option(fc.record({ passed: fc.boolean() }), { nil: null }),
					preview: fc.option(fc.constant(true as const), { nil: undefined })
				}),
				(a) => !countsAsDone(a, 'passed') || countsAsDone(a, 'finished')
			)
		);
	});
});

describe("an assignment's state", () => {
	// [items, days left, state]
	const table: [ItemState[], number | null, ReturnType<typeof assignmentState>][] = [
		[['not-started', 'not-started'], null, 'not-started'],
		[['not-started', 'not-started'], 3, 'not-started'],
		[['started', 'not-started'], 0, 'in-progress'],
		[['done', 'not-started'], 1, 'in-progress'],
		[['done', 'not-started'], -1, 'overdue'],
		[['not-started', 'not-started'], -5, 'overdue'],
		[['done', 'done'], 2, 'done'],
		[['done', 'done'], -1, 'done'],
		[['done', 'done'], null, 'done'],
		[[], null, 'not-started']
	];
	it.each(table)('%j with %s days left is %s', (items, daysLeft, state) => {
		expect(assignmentState(items, daysLeft)).toBe(state);
	});

	it.each([
		[undefined, null, 'not-started', 'No due date.'],
		['2026-12-04', 3, 'in-progress', 'Due 4 December 2026 (in 3 days).'],
		['2026-12-04', 1, 'not-started', 'Due 4 December 2026 (in 1 day).'],
		['2026-12-04', 0, 'in-progress', 'Due today, 4 December 2026.'],
		['2026-12-04', -1, 'overdue', 'Was due 4 December 2026 (1 day ago).'],
		['2026-12-04', -9, 'overdue', 'Was due 4 December 2026 (9 days ago).'],
		['2026-12-04', -1, 'done', 'Was due 4 December 2026.'],
		['2026-12-04', 2, 'done', 'Due 4 December 2026.']
	] as const)('due %s, %s days left, %s: "%s"', (due, daysLeft, state, line) => {
		expect(dueLine(due, daysLeft, state)).toBe(line);
	});
});

describe('ordering', () => {
	it('moves an item up or down, and ignores moves off the ends', () => {
		expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
		expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
	});
});
