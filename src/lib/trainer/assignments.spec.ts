import { describe, expect, it } from 'vitest';
import {
	assignmentProgress,
	checkAssignment,
	isIsoDate,
	moveItem,
	type AttemptForStatus
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

describe('ordering', () => {
	it('moves an item up or down, and ignores moves off the ends', () => {
		expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
		expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
	});
});
