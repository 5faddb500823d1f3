import { describe, expect, it } from 'vitest';
import { buildOutcomeMap } from './outcome-map';
import { OUTCOMES } from './outcomes';
import type { AttemptForProgress } from './progress';
import { BUILT_IN_DEFINITIONS, getBuiltInDefinition } from './registry';

function attempt(
	id: string,
	definitionId: string,
	finishedAt: string,
	percent: number,
	passed: boolean,
	status: AttemptForProgress['status'] = 'finished'
): AttemptForProgress {
	const definition = getBuiltInDefinition(definitionId)!;
	return {
		id,
		definitionId,
		definition,
		seed: 1,
		status,
		startedAt: finishedAt,
		updatedAt: finishedAt,
		finishedAt: status === 'finished' ? finishedAt : null,
		summary: status === 'finished' ? { percent, passed } : null
	};
}

const entry = (map: ReturnType<typeof buildOutcomeMap>, id: string) =>
	map.flatMap((f) => f.entries).find((e) => e.outcome.id === id)!;

describe('buildOutcomeMap', () => {
	it('lists every catalogue outcome once, grouped by framework, nothing covered at first', () => {
		const map = buildOutcomeMap([], BUILT_IN_DEFINITIONS);
		expect(map.map((f) => f.framework)).toEqual([
			'ihrim-foundation',
			'dsa-l1',
			'business-admin-l3',
			'customer-service-l2'
		]);
		expect(map.reduce((n, f) => n + f.total, 0)).toBe(OUTCOMES.length);
		expect(map.every((f) => f.covered === 0)).toBe(true);
	});

	it('suggests scenarios for what is left, gentle practice first', () => {
		const e = entry(buildOutcomeMap([], BUILT_IN_DEFINITIONS), 'ihrim.unique-identifiers');
		expect(e.status).toBe('not-started');
		expect(e.suggestions[0].id).toBe('nhs-number-check-gentle');
		expect(e.suggestions.map((s) => s.id)).toContain('nhs-number-check-assessment');
	});

	it('counts only passed, finished attempts as cover, newest first, and drops suggestions once covered', () => {
		const map = buildOutcomeMap(
			[
				attempt('a', 'nhs-number-check-gentle', '2026-01-01T10:00:00Z', 100, true),
				attempt('b', 'nhs-number-check-realistic', '2026-01-02T10:00:00Z', 90, true),
				attempt('c', 'nhs-number-check-gentle', '2026-01-03T10:00:00Z', 20, false),
				attempt('d', 'nhs-number-check-gentle', '2026-01-04T10:00:00Z', 0, false, 'in-progress')
			],
			BUILT_IN_DEFINITIONS
		);
		const e = entry(map, 'ihrim.unique-identifiers');
		expect(e.status).toBe('covered');
		expect(e.coveredBy.map((r) => r.attemptId)).toEqual(['b', 'a']);
		expect(e.triedIn.map((r) => r.attemptId)).toEqual(['c']);
		expect(e.suggestions).toEqual([]);
		expect(map[0].covered).toBeGreaterThanOrEqual(1);
	});

	it('marks an outcome tried when every attempt at it failed', () => {
		const map = buildOutcomeMap(
			[attempt('c', 'nhs-number-check-gentle', '2026-01-03T10:00:00Z', 20, false)],
			BUILT_IN_DEFINITIONS
		);
		const e = entry(map, 'ihrim.unique-identifiers');
		expect(e.status).toBe('tried');
		expect(e.suggestions.length).toBeGreaterThan(0);
	});

	it('prefers the outcomes an attempt says it evidenced over its definition', () => {
		const a = attempt('x', 'nhs-number-check-gentle', '2026-01-03T10:00:00Z', 80, true);
		a.summary!.outcomesEvidenced = ['dsa.breaches'];
		const map = buildOutcomeMap([a], BUILT_IN_DEFINITIONS);
		expect(entry(map, 'dsa.breaches').status).toBe('covered');
		expect(entry(map, 'ihrim.unique-identifiers').status).toBe('not-started');
	});
});
