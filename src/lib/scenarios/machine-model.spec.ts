import { describe, expect, it } from 'vitest';
import { BUILT_IN_DEFINITIONS, getKind, listKinds, machineFor } from './registry';
import { checkMachineModel } from './testing/model';

describe('model-based walk of every scenario machine (xstate/graph)', () => {
	it('has at least one built-in definition for every registered kind', () => {
		for (const kind of listKinds()) {
			expect(BUILT_IN_DEFINITIONS.some((d) => d.kind === kind.kind)).toBe(true);
		}
	});

	for (const definition of BUILT_IN_DEFINITIONS) {
		it(`${definition.id}: every reachable state can finish, and every final state has a score`, () => {
			const kind = getKind(definition.kind)!;
			for (const seed of [1, 2026]) {
				const report = checkMachineModel(machineFor(kind), kind, definition, seed);
				expect(report.deadEnds).toEqual([]);
				expect(report.cannotFinish).toEqual([]);
				expect(report.finalsWithoutScore).toEqual([]);
				expect(report.finals).toBeGreaterThan(1);
				expect(report.shortestPathsToFinal).toBe(report.finals);
				const p = definition.params;
				expect(report.states).toBeGreaterThan(
					(p.items ?? p.sheets ?? p.folders ?? (p.tasks as unknown[] | undefined)?.length ?? 1) as number
				);
			}
		}, 60_000);
	}
});
