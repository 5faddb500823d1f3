import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	DEFAULT_PASS_MARKS,
	parsePassMarks,
	pickAssessmentItems,
	scoreAssessment,
	totalTimeLimitMinutes,
	type AssessmentItem
} from './assessment';
import type { ScenarioDefinition } from './definition';
import { BUILT_IN_DEFINITIONS } from './registry';

const base = BUILT_IN_DEFINITIONS.find((d) => d.mode === 'assessment')!;
const fake = (
	id: string,
	family: ScenarioDefinition['family'],
	mode: 'practice' | 'assessment' = 'assessment'
) => ({ ...base, id, family, mode, title: id }) as ScenarioDefinition;
const CATALOGUE = [
	fake('f1', 'filing'),
	fake('f2', 'filing'),
	fake('f3', 'filing'),
	fake('r1', 'retrieval'),
	fake('d1', 'data-protection'),
	fake('p1', 'phone'),
	fake('p2', 'phone', 'practice')
];

describe('pickAssessmentItems', () => {
	it('is the same for the same seed and takes only assessment-mode scenarios', () => {
		const a = pickAssessmentItems(CATALOGUE, 4, 42);
		expect(pickAssessmentItems(CATALOGUE, 4, 42)).toEqual(a);
		expect(a.map((i) => i.definitionId)).not.toContain('p2');
	});

	it('spreads the mix across families before repeating one', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
				const items = pickAssessmentItems(CATALOGUE, 4, seed);
				expect(items).toHaveLength(4);
				expect(new Set(items.map((i) => i.family)).size).toBe(4);
				expect(new Set(items.map((i) => i.definitionId)).size).toBe(4);
			})
		);
	});

	it('gives fewer items when there are fewer assessment scenarios, and works with the built-ins', () => {
		expect(pickAssessmentItems(CATALOGUE, 10, 1)).toHaveLength(6);
		const builtIn = pickAssessmentItems(BUILT_IN_DEFINITIONS, 4, 7);
		expect(builtIn.length).toBeGreaterThanOrEqual(1);
		expect(builtIn.every((i) => Number.isInteger(i.seed) && i.seed >= 0)).toBe(true);
	});

	it('marks data protection scenarios as data security', () => {
		const items = pickAssessmentItems(CATALOGUE, 6, 3);
		expect(items.find((i) => i.definitionId === 'd1')?.dataSecurity).toBe(true);
		expect(items.find((i) => i.definitionId === 'f1')?.dataSecurity).toBe(false);
	});
});

describe('scoreAssessment', () => {
	const item = (dataSecurity: boolean, t: number | null = 10): AssessmentItem => ({
		definitionId: 'x',
		title: 'x',
		family: 'filing',
		seed: 1,
		dataSecurity,
		timeLimitMinutes: t
	});

	it('passes at the handbook defaults: 60% overall and 80% on data security', () => {
		const r = scoreAssessment(
			[item(false), item(true)],
			[
				{ points: 4, possiblePoints: 10, criticalErrors: 0 },
				{ points: 8, possiblePoints: 10, criticalErrors: 0 }
			],
			DEFAULT_PASS_MARKS
		);
		expect(r).toMatchObject({ complete: true, percent: 60, dataSecurityPercent: 80, passed: true });
	});

	it('fails on the data security mark, a critical error, or an unfinished scenario, saying why', () => {
		const items = [item(false), item(true)];
		const low = scoreAssessment(
			items,
			[
				{ points: 10, possiblePoints: 10, criticalErrors: 0 },
				{ points: 7, possiblePoints: 10, criticalErrors: 0 }
			],
			DEFAULT_PASS_MARKS
		);
		expect(low.passed).toBe(false);
		expect(low.reasons.join(' ')).toMatch(/data security/);
		const crit = scoreAssessment(
			items,
			[
				{ points: 10, possiblePoints: 10, criticalErrors: 1 },
				{ points: 10, possiblePoints: 10, criticalErrors: 0 }
			],
			DEFAULT_PASS_MARKS
		);
		expect(crit.passed).toBe(false);
		const partial = scoreAssessment(
			items,
			[{ points: 10, possiblePoints: 10, criticalErrors: 0 }, null],
			DEFAULT_PASS_MARKS
		);
		expect(partial.complete).toBe(false);
		expect(partial.passed).toBe(false);
	});

	it('uses the trainer’s pass marks', () => {
		const r = scoreAssessment([item(false)], [{ points: 6, possiblePoints: 10, criticalErrors: 0 }], {
			overall: 70,
			dataSecurity: 80
		});
		expect(r.passed).toBe(false);
	});

	it('adds up time limits and checks stored pass marks', () => {
		expect(totalTimeLimitMinutes([item(false, 10), item(true, 5), item(false, null)])).toBe(15);
		expect(totalTimeLimitMinutes([item(false, null)])).toBeNull();
		expect(parsePassMarks({ overall: 70, dataSecurity: 'x' })).toEqual({ overall: 70, dataSecurity: 80 });
		expect(parsePassMarks(null)).toEqual(DEFAULT_PASS_MARKS);
		expect(parsePassMarks({ overall: 101 })).toEqual(DEFAULT_PASS_MARKS);
	});
});
