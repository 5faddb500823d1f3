import { describe, expect, it } from 'vitest';
import { compareAlphabetical, compareMiddleDigit, compareTerminalDigit } from '../../domain/filing-order';
import { getBuiltInDefinition } from '../registry';
import { playThrough } from '../testing/play';
import { trustFor } from './common';
import {
	buildShelvingCase,
	shelving,
	type ShelvingAnswer,
	type ShelvingCase,
	type ShelvingParams
} from './shelving';

const TODAY = '2026-11-25';
const defs = ['shelving-gentle', 'shelving-realistic', 'shelving-assessment'].map((id) =>
	getBuiltInDefinition(id)!
);

function perfect(c: ShelvingCase, stepId: string): ShelvingAnswer {
	if (stepId === 'shelf-check') return { step: 'shelf-check', flagged: c.misfiled };
	const t = c.trolley[Number(stepId.split('-')[1]) - 1];
	return {
		step: 'shelve',
		section: t.section,
		position: t.position,
		trackingUpdated: true,
		tracerRemoved: true
	};
}

describe('shelving: setup', () => {
	it('is the same case for the same seed and another for a different seed', () => {
		const d = defs[1];
		const a = shelving.setup(d as never, 3, TODAY);
		expect(shelving.setup(d as never, 3, TODAY)).toEqual(a);
		expect(shelving.setup(d as never, 4, TODAY).trolley.map((t) => t.folder.id)).not.toEqual(
			a.trolley.map((t) => t.folder.id)
		);
	});

	for (const d of defs) {
		it(`${d.id}: the trolley, tracer cards and planted misfiles match the definition, with an answer key`, () => {
			const p = d.params as ShelvingParams;
			for (const seed of [1, 2, 3, 99]) {
				const c = shelving.setup(d as never, seed, TODAY);
				expect(c.trolley).toHaveLength(p.folders);
				expect(c.trolley.filter((t) => t.folder.tracer).length).toBe(Math.round(p.tracerShare * p.folders));
				expect(c.misfiled).toHaveLength(p.misfiledOnShelf);
				for (const id of c.misfiled) {
					const home = c.sections.find((s) => s.folders.some((f) => f.id === id))!;
					expect(c.checkSections).toContain(home.id);
					const f = home.folders.find((x) => x.id === id)!;
					expect(f.band).not.toBe(home.id);
				}
				for (const t of c.trolley) {
					expect(t.folder.band).toBe(t.section);
					const row = c.sections.find((s) => s.id === t.section)!.folders;
					const before = row[t.position - 1];
					const after = row[t.position];
					if (before)
						expect(compareTerminalDigit(before.hospitalNumber, t.folder.hospitalNumber)).toBeLessThan(0);
					if (after)
						expect(compareTerminalDigit(t.folder.hospitalNumber, after.hospitalNumber)).toBeLessThan(0);
				}
			}
		});
	}

	it('follows middle digit and alphabetical order when the trust files that way', () => {
		const trust = trustFor({ trust: { seed: 5, size: 300, defects: {} } }, 1, TODAY);
		const md = buildShelvingCase(
			{ folders: 4, system: 'middle-digit', tracerShare: 0, misfiledOnShelf: 1 },
			trust,
			1
		);
		for (const s of md.sections)
			for (let i = 1; i < s.folders.length; i++)
				if (!md.misfiled.includes(s.folders[i].id) && !md.misfiled.includes(s.folders[i - 1].id))
					expect(
						compareMiddleDigit(s.folders[i - 1].hospitalNumber, s.folders[i].hospitalNumber)
					).toBeLessThan(0);
		const al = buildShelvingCase(
			{ folders: 4, system: 'alphabetical', tracerShare: 0, misfiledOnShelf: 0 },
			trust,
			1
		);
		for (const t of al.trolley) expect(t.section).toBe(t.folder.surname[0].toUpperCase());
		for (const s of al.sections)
			for (let i = 1; i < s.folders.length; i++)
				expect(compareAlphabetical(s.folders[i - 1], s.folders[i])).toBeLessThanOrEqual(0);
	});
});

describe('shelving: scoring', () => {
	for (const d of defs) {
		it(`${d.id}: a perfect run scores full marks`, () => {
			const end = playThrough(shelving, d, {
				seed: 8,
				answer: (stepId, _o, snap) => perfect(snap.context.case as ShelvingCase, stepId)
			});
			expect(end.context.result).toMatchObject({ percent: 100, passed: true });
		});
	}

	it('a run with a known set of mistakes scores exactly what the rubric says', () => {
		const d = defs[2];
		const c0 = shelving.setup(d as never, 8, TODAY);
		const withTracer = c0.trolley.findIndex((t) => t.folder.tracer);
		const withoutTracer = c0.trolley.findIndex((t) => !t.folder.tracer);
		// folder-1: wrong section (major, 0 of 2); a tracer folder: tracer left and tracking not updated (major, 0 of 2);
		// a folder without a tracer: tracking not updated (minor, 1 of 2); shelf check: one of two misfiles found (minor, 1 of 2).
		const end = playThrough(shelving, d, {
			seed: 8,
			answer: (stepId, _o, snap) => {
				const c = snap.context.case as ShelvingCase;
				const p = perfect(c, stepId);
				if (p.step === 'shelf-check') return { ...p, flagged: [c.misfiled[0]] };
				const k = Number(stepId.split('-')[1]) - 1;
				if (k === 0) return { ...p, section: p.section === '00' ? '01' : '00' };
				if (k === withTracer) return { ...p, trackingUpdated: false, tracerRemoved: false };
				if (k === withoutTracer) return { ...p, trackingUpdated: false };
				return p;
			}
		});
		const r = end.context.result!;
		const lost = (withTracer === 0 ? 0 : 2) + (withoutTracer === 0 ? 0 : 1) + 2 + 1;
		expect(r.possiblePoints).toBe(8 * 2 + 2);
		expect(r.points).toBe(r.possiblePoints - lost);
		const wrongShelf = end.context.decisions[0];
		expect(wrongShelf.outcome).toBe('major');
		expect(wrongShelf.explanation).toMatch(/handbook 2.3/);
		expect(wrongShelf.correct.text).toContain('(this folder)');
	});
});
