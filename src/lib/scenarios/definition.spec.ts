import { describe, expect, it } from 'vitest';
import { DefinitionError, migrateDefinition } from './definition';
import { BUILT_IN_DEFINITIONS, getBuiltInDefinition, parseDefinition } from './registry';
import { OUTCOMES } from './outcomes';

const valid = getBuiltInDefinition('nhs-number-check-gentle')!;

function problemsOf(raw: unknown) {
	try {
		parseDefinition(raw);
	} catch (e) {
		if (e instanceof DefinitionError) return e.problems;
		throw e;
	}
	throw new Error('expected a DefinitionError');
}

describe('scenario definitions', () => {
	it('loads every built-in definition, in three difficulties', () => {
		for (const kind of new Set(BUILT_IN_DEFINITIONS.map((d) => d.kind)))
			expect(
				BUILT_IN_DEFINITIONS.filter((d) => d.kind === kind).map((d) => d.difficulty),
				kind
			).toEqual(['gentle', 'realistic', 'challenging']);
		expect(getBuiltInDefinition('nhs-number-check-assessment')).toMatchObject({
			mode: 'assessment',
			timeLimitMinutes: 8
		});
	});

	it('reports every problem with a path and a plain message', () => {
		const problems = problemsOf({
			...valid,
			id: 'Bad Id',
			title: ' ',
			passMark: 140,
			mode: 'exam',
			outcomes: ['made-up']
		});
		expect(problems).toEqual(
			expect.arrayContaining([
				{
					path: 'id',
					message: 'must be lower-case letters, digits and single hyphens, e.g. "nhs-number-check"'
				},
				{ path: 'title', message: 'is required: give the scenario a short title' },
				{ path: 'passMark', message: 'must be between 0 and 100' },
				{ path: 'mode', message: 'must be practice or assessment' },
				{
					path: 'outcomes.0',
					message: 'must be an id from the outcomes catalogue (src/lib/scenarios/outcomes.ts)'
				}
			])
		);
	});

	it("checks the kind's own params with the kind's schema", () => {
		expect(problemsOf({ ...valid, params: { ...valid.params, items: 1, errorKinds: [] } })).toEqual([
			{ path: 'params.items', message: 'must be at least 2 documents' },
			{ path: 'params.errorKinds', message: 'must list at least one kind of error' }
		]);
	});

	it('refuses an unknown kind, a family that does not match, and hints in an assessment', () => {
		expect(problemsOf({ ...valid, kind: 'juggling' })[0].message).toContain(
			'"juggling" is not a known scenario kind'
		);
		expect(problemsOf({ ...valid, family: 'phone' })).toEqual([
			{ path: 'family', message: 'must be "identification" for the kind "nhs-number-check"' }
		]);
		expect(problemsOf({ ...valid, mode: 'assessment' })[0].path).toBe('hints.allowed');
	});

	it('refuses a definition from a newer release with a next step', () => {
		expect(problemsOf({ ...valid, schemaVersion: 9 })[0].message).toContain('Update Records Room');
	});

	it('migrates and runs a version 1 definition', () => {
		const v1 = {
			schemaVersion: 1,
			id: 'old-nhs-check',
			version: 3,
			family: 'identification',
			kind: 'nhs-number-check',
			name: 'Old check',
			briefing: 'Check the numbers.',
			audience: ['new-starter'],
			learningOutcomes: ['ihrim.unique-identifiers'],
			mode: 'practice',
			timeLimitSeconds: 90,
			passMarkPercent: 75,
			hintsAllowed: true,
			params: { items: 3, invalidShare: 0.5, errorKinds: ['single-digit'], askErrorKind: false }
		};
		expect(migrateDefinition(v1)).toMatchObject({
			schemaVersion: 2,
			title: 'Old check',
			timeLimitMinutes: 2
		});
		expect(parseDefinition(v1)).toMatchObject({
			schemaVersion: 2,
			title: 'Old check',
			passMark: 75,
			timeLimitMinutes: 2,
			hints: { allowed: true, cost: 0 },
			outcomes: ['ihrim.unique-identifiers'],
			difficulty: 'realistic'
		});
	});

	it('has a catalogue of outcomes with unique ids, each citing handbook sections', () => {
		expect(new Set(OUTCOMES.map((o) => o.id)).size).toBe(OUTCOMES.length);
		expect(new Set(OUTCOMES.map((o) => o.framework))).toEqual(
			new Set(['ihrim-foundation', 'dsa-l1', 'business-admin-l3', 'customer-service-l2'])
		);
		for (const o of OUTCOMES) expect(o.handbook.length).toBeGreaterThan(0);
	});
});
