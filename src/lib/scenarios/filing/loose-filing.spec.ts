import { describe, expect, it } from 'vitest';
import { getBuiltInDefinition } from '../registry';
import { playThrough } from '../testing/play';
import { trustFor } from './common';
import {
	buildLooseFilingCase,
	comparable,
	looseFiling,
	sheetAgainstFolder,
	type LooseFilingAnswer,
	type LooseFilingCase,
	type LooseFilingParams
} from './loose-filing';
import { positionInOrder } from './order';

const TODAY = '2026-11-25';
const defs = ['loose-filing-gentle', 'loose-filing-realistic', 'loose-filing-assessment'].map((id) =>
	getBuiltInDefinition(id)!
);
const assessment = defs[2];

function caseFor(id: string, seed: number): LooseFilingCase {
	const d = getBuiltInDefinition(id)!;
	return looseFiling.setup(d as never, seed, TODAY);
}

/** What a careful clerk does at each step, worked out from the answer key. */
function perfect(c: LooseFilingCase, stepId: string): LooseFilingAnswer {
	const item = c.items.find((i) => stepId.startsWith(`${i.sheet.id}-`))!;
	const t = item.truth;
	if (stepId.endsWith('-check')) {
		return t.action === 'file'
			? { step: 'check', folder: t.hospitalNumber, checked: comparable(item), decision: 'file' }
			: {
					step: 'check',
					folder: null,
					checked: comparable(item),
					decision: 'set-aside',
					reason: t.reasons[0]
				};
	}
	if (t.action !== 'file') throw new Error('no place step for a sheet that is set aside');
	return { step: 'place', section: t.section, position: t.position, fastened: true, reported: t.misfiled };
}

describe('loose filing: setup', () => {
	it('is the same tray for the same seed, and a different one for another seed', () => {
		const a = caseFor('loose-filing-realistic', 5);
		expect(caseFor('loose-filing-realistic', 5)).toEqual(a);
		const b = caseFor('loose-filing-realistic', 6);
		expect(b.items.map((i) => i.sheet.printed.name)).not.toEqual(a.items.map((i) => i.sheet.printed.name));
	});

	for (const d of defs) {
		it(`${d.id}: every variant holds the traps it asks for, with an answer key`, () => {
			const params = d.params as LooseFilingParams;
			for (const seed of [1, 2, 3, 44, 2026]) {
				const c = looseFiling.setup(d as never, seed, TODAY);
				expect(c.items).toHaveLength(params.sheets);
				for (const trap of params.traps) expect(c.items.some((i) => i.trap === trap)).toBe(true);
				for (const item of c.items) {
					if (item.truth.action === 'file') {
						const t = item.truth;
						const folder = item.folder!;
						expect(folder.cover.hospitalNumber).toBe(t.hospitalNumber);
						expect(c.patients.some((p) => p.hospitalNumber === t.hospitalNumber)).toBe(true);
						const sheets = folder.sections.find((s) => s.id === t.section)!.sheets;
						expect(positionInOrder(sheets, item.sheet.date, t.position, c.order)).toBe(true);
						// The loose sheet has been taken out of its folder.
						expect(folder.sections.flatMap((s) => s.sheets).some((s) => s.id === item.sheet.id)).toBe(false);
					} else {
						expect(item.truth.reasons.length).toBeGreaterThan(0);
						expect(item.folder).toBeNull();
					}
				}
			}
		});
	}

	it('plants traps that really are traps', () => {
		const c = caseFor('loose-filing-assessment', 9);
		const byTrap = new Map(c.items.map((i) => [i.trap, i]));
		const notHere = byTrap.get('not-on-pas')!;
		expect(c.patients.some((p) => p.hospitalNumber === notHere.sheet.printed.hospital)).toBe(false);
		const missing = byTrap.get('missing-identifier')!;
		expect(missing.sheet.printed.nhs).toBeUndefined();
		expect(missing.sheet.printed.hospital).toBeUndefined();
		const twins = byTrap.get('twins')!;
		const owner = c.patients.find(
			(p) => p.hospitalNumber === (twins.truth as { hospitalNumber: string }).hospitalNumber
		)!;
		const twin = c.patients.find((p) => p.hospitalNumber === twins.decoys[0])!;
		expect(twin.surname).toBe(owner.surname);
		expect(twin.dob).toBe(owner.dob);
		const misfile = byTrap.get('misfile-in-folder')!;
		const planted = (misfile.truth as { misfiled: string[] }).misfiled[0];
		const sheet = misfile.folder!.sections.flatMap((s) => s.sheets).find((s) => s.id === planted)!;
		expect(sheet.printedHospital).not.toBe(misfile.folder!.cover.hospitalNumber);
		const dob = byTrap.get('dob-mismatch')!;
		const dobOwner = c.patients.find(
			(p) => p.hospitalNumber === (dob.truth as { aboutHospitalNumber: string }).aboutHospitalNumber
		)!;
		expect(dob.sheet.printed.dob).not.toBe(dobOwner.dobText);
	});

	it('refuses a tray the trust cannot supply, saying what to change', () => {
		const trust = trustFor({ trust: { seed: 1, size: 200, defects: { twins: 0 } } }, 1, TODAY);
		expect(() => buildLooseFilingCase({ sheets: 3, traps: ['twins'], printing: 'tidy' }, trust, 1)).toThrow(
			/defect rate/
		);
	});
});

describe('loose filing: scoring', () => {
	for (const d of defs) {
		it(`${d.id}: a perfect run scores full marks`, () => {
			const end = playThrough(looseFiling, d, {
				seed: 11,
				answer: (stepId, _o, snap) => perfect(snap.context.case as LooseFilingCase, stepId)
			});
			const r = end.context.result!;
			expect(r.percent).toBe(100);
			expect(r.passed).toBe(true);
			expect(r.points).toBe(r.possiblePoints);
		});
	}

	it('a run with a known set of mistakes scores exactly what the rubric says', () => {
		// Mistakes: twin's sheet in the other twin's folder (critical: 0 of 2, and no place step: 2 lost),
		// DOB mismatch set aside for the wrong reason (minor: 1 of 2), misfile not reported (major: 0 of 2),
		// one clean sheet filed with only name and DOB compared (minor: 1 of 2) and left unfastened (minor: 1 of 2).
		const c0 = looseFiling.setup(assessment as never, 11, TODAY);
		const clean = c0.items.find((i) => i.trap === null && i.truth.action === 'file')!;
		const end = playThrough(looseFiling, assessment, {
			seed: 11,
			answer: (stepId, _o, snap) => {
				const c = snap.context.case as LooseFilingCase;
				const item = c.items.find((i) => stepId.startsWith(`${i.sheet.id}-`))!;
				const p = perfect(c, stepId);
				if (item.trap === 'twins' && p.step === 'check') return { ...p, folder: item.decoys[0] };
				if (item.trap === 'dob-mismatch' && p.step === 'check') return { ...p, reason: 'name-mismatch' };
				if (item.trap === 'misfile-in-folder' && p.step === 'place') return { ...p, reported: [] };
				if (item.sheet.id === clean.sheet.id && p.step === 'check') return { ...p, checked: ['name', 'dob'] };
				if (item.sheet.id === clean.sheet.id && p.step === 'place') return { ...p, fastened: false };
				return p;
			}
		});
		const r = end.context.result!;
		expect(r.possiblePoints).toBe(looseFiling.possiblePoints(c0));
		expect(r.points).toBe(r.possiblePoints - 2 - 2 - 1 - 2 - 1 - 1);
		expect(r.counts).toMatchObject({ critical: 1, major: 1, minor: 3 });
		expect(r.passed).toBe(false);
		expect(r.failReason).toMatch(/critical/);
		const critical = end.context.decisions.find((x) => x.outcome === 'critical')!;
		expect(critical.explanation).toMatch(/wrong patient's notes/);
		expect(critical.rule.handbook).toBe('1.7');
	});

	it('feedback on placing shows the section as it should have been', () => {
		const c = caseFor('loose-filing-gentle', 3);
		const item = c.items.find((i) => i.truth.action === 'file')!;
		const t = item.truth as { section: string; position: number };
		const j = looseFiling.judge(c, `${item.sheet.id}-place`, {
			step: 'place',
			section: t.section,
			position: t.position === 0 ? 1 : 0,
			fastened: true,
			reported: []
		});
		expect(j.correct.text).toContain('(this sheet)');
		expect(j.correct.text).toMatch(/newest on top/);
		const sheetsInSection = item.folder!.sections.find((s) => s.id === t.section)!.sheets.length;
		if (sheetsInSection > 0) {
			expect(j.outcome).toBe('minor');
			expect(j.explanation).toMatch(/handbook 2.1/);
		}
	});

	it('filing a sheet that should be set aside in its likely owner’s folder is major, elsewhere critical', () => {
		const c = caseFor('loose-filing-assessment', 4);
		const item = c.items.find((i) => i.trap === 'number-mismatch')!;
		const t = item.truth as { aboutHospitalNumber: string };
		const base = { step: 'check' as const, checked: comparable(item), decision: 'file' as const };
		expect(
			looseFiling.judge(c, `${item.sheet.id}-check`, { ...base, folder: t.aboutHospitalNumber }).outcome
		).toBe('major');
		const other = c.patients.find((p) => p.hospitalNumber !== t.aboutHospitalNumber)!.hospitalNumber;
		expect(looseFiling.judge(c, `${item.sheet.id}-check`, { ...base, folder: other }).outcome).toBe(
			'critical'
		);
	});

	it('the answer key agrees with the domain’s identity check (matchIdentity) on every sheet', () => {
		for (const seed of [1, 4, 9, 2026]) {
			const c = caseFor('loose-filing-assessment', seed);
			for (const item of c.items) {
				const t = item.truth;
				if (t.action === 'file') {
					expect(sheetAgainstFolder(c, item.sheet, t.hospitalNumber)?.outcome).toBe('match');
					for (const d of item.decoys)
						expect(sheetAgainstFolder(c, item.sheet, d)?.outcome, `${item.trap} decoy`).toBe('mismatch');
				} else if (t.aboutHospitalNumber) {
					expect(sheetAgainstFolder(c, item.sheet, t.aboutHospitalNumber)?.outcome, `${item.trap}`).not.toBe(
						'match'
					);
				}
			}
		}
	});

	it('names the identifiers that conflict when a sheet goes in the wrong folder', () => {
		const c = caseFor('loose-filing-assessment', 9);
		const item = c.items.find((i) => i.trap === 'twins')!;
		const j = looseFiling.judge(c, `${item.sheet.id}-check`, {
			step: 'check',
			folder: item.decoys[0],
			checked: comparable(item),
			decision: 'file'
		});
		expect(j.outcome).toBe('critical');
		expect(j.explanation).toMatch(
			/Compared with that folder, the .*(NHS number|hospital number).* not match/
		);
	});

	it('scores need-to-know from the PAS audit trail: records the sheet did not need are pointed out', () => {
		const c = caseFor('loose-filing-gentle', 3);
		const item = c.items.find((i) => i.truth.action === 'file')!;
		const t = item.truth as { hospitalNumber: string };
		const right = { step: 'check' as const, folder: t.hospitalNumber, checked: comparable(item) };
		const good = looseFiling.judge(c, `${item.sheet.id}-check`, {
			...right,
			decision: 'file',
			opened: [t.hospitalNumber]
		});
		expect(good.outcome).toBe('correct');
		const sheetSurname = (item.sheet.printed.name ?? '').toLowerCase();
		const stranger = c.patients.find(
			(p) =>
				!sheetSurname.includes(p.surname.toLowerCase()) &&
				p.hospitalNumber !== t.hospitalNumber &&
				p.dobText !== c.patients.find((x) => x.hospitalNumber === t.hospitalNumber)!.dobText
		)!;
		const nosy = looseFiling.judge(c, `${item.sheet.id}-check`, {
			...right,
			decision: 'file',
			opened: [t.hospitalNumber, stranger.hospitalNumber, stranger.hospitalNumber]
		});
		expect(nosy.outcome).toBe('minor');
		expect(nosy.rule.id).toBe('access.need-to-know');
		expect(nosy.explanation).toContain(stranger.hospitalNumber);
		expect(nosy.explanation).toMatch(/handbook 3\.5/);
	});
});
