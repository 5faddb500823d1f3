import { describe, expect, it } from 'vitest';
import { getBuiltInDefinition } from '../registry';
import { playThrough } from '../testing/play';
import { folderCare, type FolderCareAnswer, type FolderCareCase } from './folder-care';

const TODAY = '2026-11-25';
const defs = ['folder-care-gentle', 'folder-care-realistic', 'folder-care-assessment'].map((id) =>
	getBuiltInDefinition(id)!
);

function perfect(c: FolderCareCase, stepId: string): FolderCareAnswer {
	return folderCare.answerOptions(c, stepId)[0];
}

describe('folder care: setup', () => {
	it('is the same case for the same seed', () => {
		expect(folderCare.setup(defs[1] as never, 4, TODAY)).toEqual(
			folderCare.setup(defs[1] as never, 4, TODAY)
		);
	});

	for (const d of defs) {
		it(`${d.id}: builds the tasks it asks for, each with an answer key`, () => {
			for (const seed of [1, 2, 3, 50]) {
				const c = folderCare.setup(d as never, seed, TODAY);
				const tasks = (d.params as { tasks: string[] }).tasks;
				expect(c.split !== null).toBe(tasks.includes('split-volume'));
				expect(c.merge !== null).toBe(tasks.includes('merge-temporary'));
				if (c.split) {
					expect(c.split.keyDocuments.length).toBeGreaterThan(0);
					for (const id of c.split.keyDocuments)
						expect(c.split.documents.find((x) => x.id === id)?.section).toBe('front');
				}
				if (c.merge) {
					const actions = Object.values(c.merge.truth);
					expect(actions).toContain('file');
					expect(c.merge.documents.every((x) => (x.copy ? 'destroy' : 'file') === c.merge!.truth[x.id])).toBe(
						true
					);
					expect(c.merge.temporary.hospitalNumber).toBe(c.merge.original.hospitalNumber);
				}
			}
		});
	}
});

describe('folder care: scoring', () => {
	for (const d of defs) {
		it(`${d.id}: a perfect run scores full marks`, () => {
			const end = playThrough(folderCare, d, {
				seed: 6,
				answer: (stepId, _o, snap) => perfect(snap.context.case as FolderCareCase, stepId)
			});
			expect(end.context.result).toMatchObject({ percent: 100, passed: true });
		});
	}

	it('a run with a known set of mistakes scores exactly what the rubric says', () => {
		// Old cover left unmarked (minor, 1 of 2); only the new volume tracked (minor, 1 of 2);
		// an original sheet sent for destruction (major, 0 of 2); tracking not updated on closing (minor, 1 of 2).
		const end = playThrough(folderCare, defs[2], {
			seed: 6,
			answer: (stepId, _o, snap) => {
				const c = snap.context.case as FolderCareCase;
				const p = perfect(c, stepId);
				if (p.step === 'split-label') return { ...p, closedMark: 'none' };
				if (p.step === 'split-track') return { ...p, tracked: 'new-only' };
				if (p.step === 'merge-documents') {
					const original = c.merge!.documents.find((x) => !x.copy)!;
					return { ...p, actions: { ...p.actions, [original.id]: 'destroy' } };
				}
				if (p.step === 'merge-close') return { ...p, updateTracking: false };
				return p;
			}
		});
		const r = end.context.result!;
		expect(r.possiblePoints).toBe(12);
		expect(r.points).toBe(12 - 1 - 1 - 2 - 1);
		expect(r.counts).toMatchObject({ correct: 2, minor: 3, major: 1, critical: 0 });
		const destroyed = end.context.decisions.find((x) => x.step === 'merge-documents')!;
		expect(destroyed.explanation).toMatch(/exists nowhere else/);
		expect(destroyed.rule.handbook).toBe('2.7');
	});
});
