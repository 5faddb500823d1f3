import { describe, expect, it } from 'vitest';
import { formatDuration, summariseProgress, type AttemptForProgress } from './progress';
import { BUILT_IN_DEFINITIONS as ALL_DEFINITIONS } from './registry';

/** One family's definitions, so other families' built-ins do not change the expected suggestions. */
const BUILT_IN_DEFINITIONS = ALL_DEFINITIONS.filter((d) => d.kind === 'nhs-number-check');

const gentle = BUILT_IN_DEFINITIONS.find((d) => d.difficulty === 'gentle')!;
const realistic = BUILT_IN_DEFINITIONS.find((d) => d.difficulty === 'realistic')!;

function attempt(over: Partial<AttemptForProgress> & { id: string }): AttemptForProgress {
	return {
		definitionId: gentle.id,
		definition: gentle,
		seed: 1,
		status: 'finished',
		startedAt: '2026-11-20T10:00:00.000Z',
		updatedAt: '2026-11-20T10:10:00.000Z',
		finishedAt: '2026-11-20T10:10:00.000Z',
		summary: { percent: 80, passed: true },
		...over
	};
}

describe('summariseProgress', () => {
	it('is empty for a new learner and suggests the gentlest scenario first', () => {
		const s = summariseProgress([], BUILT_IN_DEFINITIONS);
		expect(s.totals).toEqual({ attempts: 0, finished: 0, passed: 0, inProgress: 0, timeSpentMs: 0 });
		expect(s.next).toEqual({ kind: 'start', definition: gentle });
		expect(s.outcomes.every((o) => o.evidencedBy.length === 0)).toBe(true);
	});

	it('counts attempts, best and latest scores per family, and outcomes evidenced by passes only', () => {
		const attempts = [
			attempt({
				id: 'a',
				summary: { percent: 50, passed: false },
				startedAt: '2026-11-20T09:00:00.000Z',
				finishedAt: '2026-11-20T09:05:00.000Z'
			}),
			attempt({
				id: 'b',
				summary: { percent: 90, passed: true },
				startedAt: '2026-11-21T09:00:00.000Z',
				finishedAt: '2026-11-21T09:20:00.000Z'
			}),
			attempt({
				id: 'c',
				summary: { percent: 70, passed: true },
				startedAt: '2026-11-22T09:00:00.000Z',
				finishedAt: '2026-11-22T09:02:00.000Z'
			})
		];
		const s = summariseProgress(attempts, BUILT_IN_DEFINITIONS);
		const fam = s.families.find((f) => f.family === gentle.family)!;
		expect(fam).toMatchObject({
			attempts: 3,
			scenariosAttempted: 1,
			scenariosPassed: 1,
			bestPercent: 90,
			latestPercent: 70
		});
		expect(s.totals).toMatchObject({ attempts: 3, finished: 3, passed: 2, timeSpentMs: 27 * 60_000 });
		const evidenced = s.outcomes.filter((o) => o.evidencedBy.length > 0).map((o) => o.outcome.id);
		expect(evidenced.sort()).toEqual([...gentle.outcomes].sort());
		expect(s.outcomes.find((o) => o.outcome.id === gentle.outcomes[0])!.evidencedBy).toEqual(['c', 'b']);
		expect(s.scoresOverTime.map((p) => p.percent)).toEqual([50, 90, 70]);
		expect(s.next).toEqual({ kind: 'start', definition: realistic });
	});

	it('suggests resuming an attempt in progress before anything new', () => {
		const open = attempt({ id: 'open', status: 'in-progress', finishedAt: null, summary: null });
		const s = summariseProgress([open], BUILT_IN_DEFINITIONS);
		expect(s.next).toEqual({ kind: 'resume', attempt: open });
		expect(s.totals.inProgress).toBe(1);
	});

	it('caps the time of an attempt left open in a forgotten tab', () => {
		const open = attempt({
			id: 'x',
			status: 'in-progress',
			finishedAt: null,
			summary: null,
			updatedAt: '2026-11-25T10:00:00.000Z'
		});
		expect(summariseProgress([open], []).totals.timeSpentMs).toBe(2 * 60 * 60 * 1000);
	});
});

describe('formatDuration', () => {
	it.each([
		[10_000, 'under a minute'],
		[12 * 60_000, '12 min'],
		[60 * 60_000, '1 hr'],
		[65 * 60_000, '1 hr 5 min']
	])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
