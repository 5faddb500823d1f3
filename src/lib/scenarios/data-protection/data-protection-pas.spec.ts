// Issue 9, second part: the PAS in the subject access and desk-day kinds (need-to-know scored from the learner's own
// audit trail), the competent-teenager variant and breach grading. Answer keys are checked against the domain over
// many seeds, and known mistakes against exact rubric scores.
import { describe, expect, it } from 'vitest';
import { gradeBreach, parentRequestForChild, type ChildView, type Competence } from '../../domain';
import { patientRecord, patientSummary } from '../../generator/index';
import type { ScenarioDefinition } from '../definition';
import { getBuiltInDefinition, getKind } from '../registry';
import { playThrough } from '../testing/play';
import { judgeStep, perfectAnswer, type DpAnswer, type DpCase } from './common';
import { ageOn, currentVolume, dpTrust } from './pas-people';

const TODAY = '2026-11-25';
const SEEDS = Array.from({ length: 120 }, (_, i) => i * 104_729 + 3);

function def(id: string): ScenarioDefinition {
	const d = getBuiltInDefinition(id);
	if (!d) throw new Error(id);
	return d;
}
const sar = (level: string, seed: number) =>
	getKind('subject-access-request')!.setup(def(`subject-access-request-${level}`), seed, TODAY) as DpCase;
const desk = (level: string, seed: number) =>
	getKind('records-desk-day')!.setup(def(`records-desk-day-${level}`), seed, TODAY) as DpCase;
const stepOf = (c: DpCase, id: string) => c.steps.find((s) => s.id === id);
describe('subject access with the PAS', () => {
	it(
		'the record to find is a living patient of the right age on the PAS trust, and the key is where the PAS tracks it',
		{
			timeout: 60_000
		},
		() => {
			for (const seed of SEEDS) {
				const c = sar('realistic', seed);
				const find = stepOf(c, 'find-record');
				if (!find) {
					// Only a competent young person's refusal ends the request before the record is gathered.
					expect(stepOf(c, 'teen-decision')!.key.correct).toEqual(['refuse-parent']);
					continue;
				}
				const check = find.pas!;
				expect(check.mode).toBe('find');
				const trust = dpTrust(check.trust);
				const rec = patientRecord(trust, check.target!);
				expect(rec.deceased).toBeNull();
				const right = find.choices.find((ch) => ch.id === find.key.correct[0])!;
				expect(right.label).toBe(currentVolume(rec).tracked.label);
				expect(new Set(find.choices.map((ch) => ch.label)).size).toBe(find.choices.length);
				const s = patientSummary(trust, check.target!);
				expect(check.targetName).toContain(s.surname);
				const age = ageOn(s.dateOfBirth, TODAY);
				if (stepOf(c, 'teen-first')) expect(age >= 13 && age <= 16).toBe(true);
				else if (c.steps[0].panels[0].lines.some((l) => l.includes('who is'))) expect(age).toBeLessThan(10);
				else expect(age).toBeGreaterThanOrEqual(18);
				// The gather step lists the real record's volumes.
				const gather = stepOf(c, 'gather')!;
				expect(gather.panels[0].lines.filter((l) => l.startsWith('Paper casenotes'))).toHaveLength(
					rec.volumes.length
				);
				expect(gather.key.correct).toEqual(['everything']);
			}
		}
	);

	it(
		'at the realistic and assessment levels an adult subject has several volumes, and the gather key lists every one',
		{ timeout: 60_000 },
		() => {
			for (const level of ['realistic', 'assessment']) {
				let adults = 0;
				for (const seed of SEEDS.slice(0, 40)) {
					const c = sar(level, seed);
					const find = stepOf(c, 'find-record');
					if (!find) continue;
					const rec = patientRecord(dpTrust(find.pas!.trust), find.pas!.target!);
					const gather = stepOf(c, 'gather')!;
					const paper = gather.panels[0].lines.filter((l) => l.startsWith('Paper casenotes'));
					expect(paper).toHaveLength(rec.volumes.length);
					for (const v of rec.volumes) {
						expect(paper[v.number - 1]).toContain(`volume ${v.number} of ${v.of}`);
						expect(paper[v.number - 1]).toContain(v.tracked.label);
						expect(gather.key.correctText).toContain(`volume ${v.number} of ${v.of} (${v.tracked.label})`);
					}
					if (ageOn(rec.dateOfBirth, TODAY) < 18) continue;
					adults++;
					expect(rec.volumes.length, `${level} seed ${seed}`).toBeGreaterThanOrEqual(2);
					const current = currentVolume(rec);
					expect(find.prompt).toContain(`volume ${current.number} of ${current.of}`);
					expect(gather.key.correct).toEqual(['everything']);
					// Only the current volume is a major error under the all-parts rule, naming what was left behind.
					const partial = judgeStep(gather, { choice: 'current-only' });
					expect(partial.outcome).toBe('major');
					expect(partial.rule.id).toBe('sar.all-parts');
					expect(partial.explanation).toContain(`runs to ${rec.volumes.length} volumes`);
					expect(partial.explanation).toContain(rec.volumes[0].tracked.label);
					expect(judgeStep(gather, { choice: 'everything' }).outcome).toBe('correct');
				}
				expect(adults).toBeGreaterThan(10);
			}
		}
	);

	it('at the gentle level the gather step offers the current-volume-only answer only when there are older volumes', () => {
		for (const seed of SEEDS.slice(0, 30)) {
			const c = sar('gentle', seed);
			const find = stepOf(c, 'find-record')!;
			const rec = patientRecord(dpTrust(find.pas!.trust), find.pas!.target!);
			const ids = stepOf(c, 'gather')!.choices.map((ch) => ch.id);
			expect(ids.includes('current-only')).toBe(rec.volumes.length > 1);
		}
	});

	it('scores the audit trail: not opening the record is major; a wrong reason is minor; the right one is correct', () => {
		const c = sar('gentle', 11);
		const find = stepOf(c, 'find-record')!;
		const target = find.pas!.target!;
		const choice = find.key.correct[0];
		const judge = (a: DpAnswer) => judgeStep(find, a);
		expect(judge({ choice, opened: [{ patient: target, reason: 'enquiry' }] }).outcome).toBe('correct');
		expect(judge({ choice, opened: [{ patient: target, reason: 'other' }] }).outcome).toBe('correct');
		const none = judge({ choice, opened: [] });
		expect(none.outcome).toBe('major');
		expect(none.explanation).toContain('did not open');
		expect(none.rule.id).toBe('access.audit-trail');
		const wrongReason = judge({ choice, opened: [{ patient: target, reason: 'filing' }] });
		expect(wrongReason.outcome).toBe('minor');
		expect(wrongReason.explanation).toMatch(/real reason.*handbook 3\.5, 4\.11, 4\.12/);
		// A wrong place is major even with a perfect trail; the trail text is in the response.
		const wrongPlace = find.choices.find((ch) => ch.id !== choice)!.id;
		const j = judge({ choice: wrongPlace, opened: [{ patient: target, reason: 'enquiry', name: 'A B' }] });
		expect(j.outcome).toBe('major');
		expect(j.response.text).toContain('A B (enquiry)');
	});
});

describe('the competent-teenager variant', () => {
	it('keys come from parentRequestForChild of the facts shown, over many seeds', { timeout: 60_000 }, () => {
		let teens = 0;
		const seen = new Set<string>();
		for (const seed of SEEDS) {
			const c = sar('assessment', seed);
			const first = stepOf(c, 'teen-first');
			if (!first) continue;
			teens++;
			const age = Number(/is (\d+)\./.exec(first.panels[0].lines[0])![1]);
			const pr = first.panels[0].lines[1].includes('is confirmed');
			expect(first.key.correct).toEqual([
				parentRequestForChild({
					ageYears: age,
					parentalResponsibility: pr,
					competence: 'not-assessed',
					childView: 'not-asked'
				}).action
			]);
			const decision = stepOf(c, 'teen-decision')!;
			const text = decision.panels[0].lines.join(' ');
			const competence: Competence = text.includes('they are competent')
				? 'competent'
				: text.includes('not competent')
					? 'not-competent'
					: 'not-assessed';
			const view: ChildView = text.includes('can see it') ? 'authorises' : 'objects';
			const r = parentRequestForChild({
				ageYears: age,
				parentalResponsibility: true,
				competence,
				childView: view
			});
			expect(decision.key.correct).toEqual([r.action]);
			seen.add(r.action);
			expect(Boolean(stepOf(c, 'teen-confidence'))).toBe(r.withholdConfidences);
			expect(Boolean(stepOf(c, 'find-record'))).toBe(r.action !== 'refuse-parent');
		}
		expect(teens).toBeGreaterThan(10);
		expect([...seen].sort()).toEqual(['refuse-parent', 'release-to-parent', 'release-with-authority']);
	});

	it(
		'releasing over a competent young person’s objection is critical; refusing a release is major',
		{
			timeout: 60_000
		},
		() => {
			const c = SEEDS.map((s) => sar('assessment', s)).find(
				(x) => stepOf(x, 'teen-decision')?.key.correct[0] === 'refuse-parent'
			)!;
			const step = stepOf(c, 'teen-decision')!;
			expect(judgeStep(step, { choice: 'release-with-authority' }).outcome).toBe('critical');
			expect(judgeStep(step, { choice: 'release-to-parent' }).outcome).toBe('critical');
			expect(judgeStep(step, { choice: 'ask-young-person' }).outcome).toBe('major');
			const j = judgeStep(step, { choice: 'refuse-parent' });
			expect(j.outcome).toBe('correct');
			expect(j.rule.id).toBe('sar.child-competence');
			expect(j.explanation).toMatch(/handbook 4\.7, 4\.15.*Gillick/);
		}
	);
});

describe('the desk day with the PAS', () => {
	it(
		'every PAS day starts with a real look-up, has a curiosity moment and ends with the audit review',
		{
			timeout: 60_000
		},
		() => {
			for (const seed of SEEDS) {
				for (const level of ['gentle', 'realistic', 'assessment']) {
					const c = desk(level, seed);
					expect(c.steps[0].pas?.mode).toBe('find');
					expect(c.steps.some((s) => s.pas?.mode === 'avoid')).toBe(true);
					expect(c.steps.at(-1)!.id).toBe('own-audit');
					const pasSteps = c.steps.filter((s) => s.pas);
					// The whole day shares one trust, one list of work and one list of people the learner knows.
					for (const s of pasSteps) {
						// Need-to-know is scored on every PAS step, so each one evidences the law-and-principles outcome.
						expect(s.outcomes).toContain('dsa.law-and-principles');
						expect(s.pas!.trust).toEqual(pasSteps[0].pas!.trust);
						expect(s.pas!.known).toEqual(pasSteps[0].pas!.known);
					}
					const known = pasSteps[0].pas!.known.map((k) => k.patient);
					// A neighbour or celebrity, a relative, and the learner themselves, besides the work patient.
					expect(new Set([...known, c.steps[0].pas!.target]).size).toBe(4);
				}
			}
		}
	);

	it('opening a neighbour’s, a celebrity’s, family or your own record is critical even with the right choice', () => {
		for (const seed of SEEDS.slice(0, 30)) {
			const c = desk('realistic', seed);
			for (const step of c.steps.filter((s) => s.pas?.mode === 'avoid')) {
				const right = perfectAnswer(step);
				expect(judgeStep(step, right).outcome).toBe('correct');
				for (const k of step.pas!.known) {
					const j = judgeStep(step, { ...right, opened: [{ patient: k.patient, reason: 'enquiry' }] });
					expect(j.outcome).toBe('critical');
					expect(j.rule.id).toBe('access.need-to-know');
					// Your own record breaks the trust's local rule (4.11), not s.170: its words say so.
					expect(j.explanation).toContain(k.relation === 'self' ? 'self-access' : 's.170 DPA 2018');
				}
				// A record no task needed and of no one the learner knows: major, not critical.
				const taken = new Set([
					...step.pas!.known.map((k) => k.patient),
					...step.pas!.work.map((w) => w.patient)
				]);
				const other = [597, 598, 599, 596].find((p) => !taken.has(p))!;
				const stranger = judgeStep(step, { ...right, opened: [{ patient: other, reason: 'enquiry' }] });
				expect(stranger.outcome).toBe('major');
			}
		}
	});

	it('the audit review: the right answer comes from the learner’s own trail', () => {
		const c = desk('realistic', 5);
		const audit = stepOf(c, 'own-audit')!;
		const check = audit.pas!;
		const work = { patient: check.work[0].patient, reason: 'enquiry' };
		const snoop = { patient: check.known[0].patient, reason: 'other' };
		const j = (choice: string, opened: DpAnswer['opened']) => judgeStep(audit, { choice, opened });
		expect(j('nothing-to-report', [work]).outcome).toBe('correct');
		expect(j('report-own-access', [work]).outcome).toBe('minor');
		expect(j('report-own-access', [work, snoop]).outcome).toBe('correct');
		const hidden = j('nothing-to-report', [work, snoop]);
		expect(hidden.outcome).toBe('critical');
		expect(hidden.correct.values).toEqual(['report-own-access']);
		expect(hidden.explanation).toMatch(/handbook 3\.5, 4\.11, 4\.12/);
		expect(j('nothing-to-report', [work, { patient: 598, reason: 'enquiry' }]).outcome).toBe('major');
	});

	it(
		'breach grading keys are gradeBreach of the facts shown; not logging at all is critical',
		{
			timeout: 60_000
		},
		() => {
			const grades = new Set<string>();
			for (const seed of SEEDS) {
				const c = desk('realistic', seed);
				const l = stepOf(c, 'breach-likelihood')!;
				const text = l.panels[0].lines.join(' ');
				const g = gradeBreach({
					recipient: text.includes('nhs.net')
						? 'trusted-deleted'
						: text.includes('Gmail')
							? 'unknown'
							: 'read-by-stranger',
					data: text.includes('sexual health')
						? 'sensitive-clinical'
						: text.includes('diagnosis')
							? 'clinical'
							: 'appointment',
					vulnerable: text.includes('who is 15')
				});
				expect(l.key.correct).toEqual([`l${g.likelihood}`]);
				expect(stepOf(c, 'breach-severity')!.key.correct).toEqual([`s${g.severity}`]);
				const ico = stepOf(c, 'breach-ico')!;
				expect(ico.key.correct).toEqual([g.notifyIco ? 'report-ico' : 'record-only']);
				expect(stepOf(c, 'breach-tell')!.key.correct).toEqual([
					g.tellIndividuals ? 'tell-patient' : 'no-duty'
				]);
				expect(judgeStep(ico, { choice: 'no-record' }).outcome).toBe('critical');
				expect(judgeStep(ico, { choice: ico.key.correct[0] }).explanation).toMatch(/handbook 4\.10/);
				grades.add(`${g.notifyIco}-${g.tellIndividuals}`);
			}
			expect([...grades].sort()).toEqual(['false-false', 'true-false', 'true-true']);
		}
	);
});

describe('exact rubric scores for known mistakes', () => {
	it('desk day assessment: snooping on one person and hiding it at the audit is two criticals and a fail', () => {
		const kind = getKind('records-desk-day')!;
		const definition = def('records-desk-day-assessment');
		const c = kind.setup(definition, 17, TODAY) as DpCase;
		const avoid = c.steps.find((s) => s.pas?.mode === 'avoid')!;
		const snoop = { patient: avoid.pas!.known[0].patient, reason: 'other', name: 'Someone' };
		const end = playThrough(kind, definition, {
			seed: 17,
			answer: (stepId) => {
				const step = stepOf(c, stepId)!;
				if (stepId === avoid.id) return { ...perfectAnswer(step), opened: [snoop] };
				if (stepId === 'own-audit')
					return { choice: 'nothing-to-report', opened: [...perfectAnswer(step).opened!, snoop] };
				return perfectAnswer(step);
			}
		});
		const r = end.context.result!;
		// Critical earns nothing: the moment's 2 points and the audit review's 3 are lost.
		expect(r.possiblePoints - r.points).toBe(avoid.maxPoints + 3);
		expect(r.counts.critical).toBe(2);
		expect(r.passed).toBe(false);
	});

	it('desk day assessment: a snoop reported honestly at the audit is one critical, the review itself correct', () => {
		const kind = getKind('records-desk-day')!;
		const definition = def('records-desk-day-assessment');
		const c = kind.setup(definition, 17, TODAY) as DpCase;
		const avoid = c.steps.find((s) => s.pas?.mode === 'avoid')!;
		const snoop = { patient: avoid.pas!.known[0].patient, reason: 'other' };
		const end = playThrough(kind, definition, {
			seed: 17,
			answer: (stepId) => {
				const step = stepOf(c, stepId)!;
				if (stepId === avoid.id) return { ...perfectAnswer(step), opened: [snoop] };
				if (stepId === 'own-audit')
					return { choice: 'report-own-access', opened: [...perfectAnswer(step).opened!, snoop] };
				return perfectAnswer(step);
			}
		});
		const r = end.context.result!;
		expect(r.possiblePoints - r.points).toBe(avoid.maxPoints);
		expect(r.counts.critical).toBe(1);
	});

	it('subject access practice: the record never opened on the PAS is one major error on that step', () => {
		const kind = getKind('subject-access-request')!;
		const definition = def('subject-access-request-gentle');
		const c = kind.setup(definition, 11, TODAY) as DpCase;
		const end = playThrough(kind, definition, {
			seed: 11,
			answer: (stepId) => {
				const step = stepOf(c, stepId)!;
				return stepId === 'find-record' ? { ...perfectAnswer(step), opened: [] } : perfectAnswer(step);
			}
		});
		const r = end.context.result!;
		expect(r.counts.major).toBe(1);
		expect(r.counts.critical).toBe(0);
		expect(r.possiblePoints - r.points).toBe(2);
	});
});
