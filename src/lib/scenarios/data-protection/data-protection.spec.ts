import { describe, expect, it } from 'vitest';
import {
	ahraAccess,
	ahraDeadlineDetail,
	appraiseRecord,
	assessSecurityAction,
	breachReportDeadline,
	decideDisclosure,
	sarDeadlineDetail,
	type SecurityAction
} from '../../domain';
import { RULES } from '../../domain/rules';
import type { ScenarioDefinition } from '../definition';
import { getBuiltInDefinition, getKind } from '../registry';
import { playThrough } from '../testing/play';
import { judgeStep, perfectAnswer, perfectTrail, type DpAnswer, type DpCase, type DpStep } from './common';

const TODAY = '2026-11-25';
const SEEDS = Array.from({ length: 200 }, (_, i) => i * 7919 + 1);
const KINDS = [
	'subject-access-request',
	'deceased-patient-records',
	'police-and-third-parties',
	'records-desk-day',
	'retention-disposal-review'
];

function def(id: string): ScenarioDefinition {
	const d = getBuiltInDefinition(id);
	if (!d) throw new Error(id);
	return d;
}

function caseFor(kindId: string, level: string, seed: number): DpCase {
	return getKind(kindId)!.setup(def(`${kindId}-${level}`), seed, TODAY) as DpCase;
}

const dateIn = (step: DpStep, label: string): string => {
	const line = step.panels.flatMap((p) => p.lines).find((l) => l.includes(label));
	if (!line) throw new Error(`no "${label}" in ${step.id}`);
	return line;
};

describe('every data protection step is well formed and cites its rule', () => {
	for (const kindId of KINDS) {
		it(`${kindId}: answer keys name an existing rule, a principle and a handbook section`, () => {
			for (const seed of SEEDS.slice(0, 50)) {
				for (const level of ['gentle', 'realistic', 'assessment']) {
					const c = caseFor(kindId, level, seed);
					expect(c.steps.length).toBeGreaterThan(1);
					expect(new Set(c.steps.map((s) => s.id)).size).toBe(c.steps.length);
					for (const step of c.steps) {
						expect(RULES).toHaveProperty([step.key.rule]);
						if (step.input !== 'date' && step.input !== 'datetime') {
							for (const right of step.key.correct) expect(step.choices.map((ch) => ch.id)).toContain(right);
						}
						const j = judgeStep(step, perfectAnswer(step));
						expect(j.outcome, `${kindId} ${seed} ${step.id}`).toBe('correct');
						expect(j.explanation).toMatch(/handbook \d\.\d+/);
						expect(j.explanation).toMatch(
							/Principle: .*(UK GDPR|DPA 2018|Caldicott|Access to Health Records Act|Records Management Code|Access to Medical Reports|Mental Capacity|Public Records|common law|Common law|legal requirement|A legal requirement)/
						);
						expect(j.rule.text).toContain('Principle:');
					}
				}
			}
			// Each subject access case builds a small PAS trust: 150 cases take a few seconds on a shared machine.
		}, 60_000);
	}
});

describe('answer keys agree with the domain rules over 200 seeds', () => {
	it('subject access: the deadline is sarDeadlineDetail of the dates shown, and the log decision is decideDisclosure', () => {
		for (const seed of SEEDS) {
			const c = caseFor('subject-access-request', 'realistic', seed);
			const step = c.steps.find((s) => s.id === 'deadline')!;
			const received = /Request received: \w+ (\d+) (\w+) (\d{4})/.exec(dateIn(step, 'Request received'))!;
			const iso = (d: string, m: string, y: string) =>
				`${y}-${String(new Date(`${m} 1, 2000`).getMonth() + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;
			const idLine = step.panels[0].lines[1];
			const idm = /arrived on \w+ (\d+) (\w+) (\d{4})/.exec(idLine);
			const extended = step.panels[0].lines[2].includes('extending');
			const expected = sarDeadlineDetail(iso(received[1], received[2], received[3]), {
				clockStarts: idm ? iso(idm[1], idm[2], idm[3]) : undefined,
				extended
			}).deadline;
			expect(step.key.correct, `seed ${seed}`).toEqual([expected]);
			const log = c.steps.find((s) => s.id === 'log')!;
			// Every main request in this kind is one the domain sends to the access team.
			expect(log.key.correct).toEqual(['log-sar']);
		}
	}, 60_000);

	it('deceased records: access comes from ahraAccess and the deadline from ahraDeadlineDetail', () => {
		const months = (m: string) => String(new Date(`${m} 1, 2000`).getMonth() + 1).padStart(2, '0');
		const iso = (s: string) => {
			const m = /(\d+) (\w+) (\d{4})/.exec(s)!;
			return `${m[3]}-${months(m[2])}-${m[1].padStart(2, '0')}`;
		};
		for (const seed of SEEDS) {
			const c = caseFor('deceased-patient-records', 'realistic', seed);
			for (const step of c.steps.filter((s) => s.id.startsWith('applicant-'))) {
				const letter = step.panels[0].lines[0];
				const paperwork = letter.includes('executor')
					? { personalRepresentative: true }
					: letter.includes('claim')
						? { claimArisingFromDeath: true }
						: {};
				expect(step.key.correct).toEqual([ahraAccess(paperwork).access]);
			}
			for (const step of c.steps.filter((s) => s.id.startsWith('deadline-'))) {
				const received = iso(dateIn(step, 'Application received'));
				const added = iso(dateIn(step, 'last added to'));
				expect(step.key.correct).toEqual([ahraDeadlineDetail(received, added).deadline]);
			}
		}
	});

	it('police and third parties: the key is decideDisclosure, and disclosing against it is critical', () => {
		const map: Record<string, string> = {
			disclose: 'disclose',
			'disclose-within-limits': 'disclose',
			'verify-first': 'call-back',
			'call-back-via-switchboard': 'call-back',
			'take-message': 'refuse',
			'refer-ig-or-access-team': 'refer',
			refuse: 'refuse'
		};
		let counted = 0;
		for (const seed of SEEDS) {
			const c = caseFor('police-and-third-parties', 'realistic', seed);
			expect(c.steps.some((s) => s.title.includes('police officer at the desk'))).toBe(true);
			for (const step of c.steps) {
				expect(step.key.correct).toHaveLength(1);
				if (step.key.correct[0] !== 'disclose') {
					expect(judgeStep(step, { choice: 'disclose' }).outcome).toBe('critical');
					counted++;
				}
			}
			const desk = c.steps.find((s) => s.title.includes('police officer at the desk'))!;
			const d = decideDisclosure({
				requester: 'police',
				channel: 'in-person',
				identity: { verified: true, method: 'photo-id' },
				record: {},
				asks: 'record-copy'
			});
			expect(desk.key.correct).toEqual([map[d.decision]]);
		}
		expect(counted).toBeGreaterThan(500);
	});

	it(
		'a day on the desk: verdicts come from assessSecurityAction; the 72-hour clock from breachReportDeadline',
		{ timeout: 60_000 },
		() => {
			for (const seed of SEEDS) {
				const c = caseFor('records-desk-day', 'realistic', seed);
				// With breach grading on, the clock is asked only when the grade makes the breach reportable.
				const clock = c.steps.find((s) => s.id === 'breach-clock');
				const ico = c.steps.find((s) => s.id === 'breach-ico')!;
				expect(ico.key.correct).toEqual([clock ? 'report-ico' : 'record-only']);
				if (clock) {
					const m = /on \w+ (\d+) (\w+) (\d{4}) at (\d{2}:\d{2})/.exec(clock.panels[0].lines[0])!;
					const month = String(new Date(`${m[2]} 1, 2000`).getMonth() + 1).padStart(2, '0');
					const aware = `${m[3]}-${month}-${m[1].padStart(2, '0')}T${m[4]}`;
					expect(clock.key.correct).toEqual([breachReportDeadline(aware)]);
				}
				const email = c.steps.find((s) => s.title.includes('wrong recipient'))!;
				const verdict = assessSecurityAction({ kind: 'misdirected-email' }, 'delete-and-say-nothing');
				expect(verdict.verdict).toBe('conceals-incident');
				expect(email.key.correct).toEqual(verdict.best);
				expect(judgeStep(email, { choice: 'delete-and-say-nothing' }).outcome).toBe('critical');
				for (const step of c.steps.filter((s) => s.id.startsWith('moment-'))) {
					for (const ch of step.choices) {
						const opened = step.pas ? perfectTrail(step.pas) : undefined;
						const outcome = judgeStep(step, { choice: ch.id as SecurityAction, opened }).outcome;
						expect(outcome === 'correct').toBe(step.key.correct.includes(ch.id));
					}
				}
			}
		}
	);

	it('retention: each record’s key is appraiseRecord of the record shown, and destroying under a hold is critical', () => {
		const seen = new Set<string>();
		for (const seed of SEEDS) {
			const c = caseFor('retention-disposal-review', 'realistic', seed);
			for (const step of c.steps) {
				const lines = step.panels[0].lines;
				const get = (label: string) => {
					const l = lines.find((x) => x.startsWith(label));
					if (!l) return undefined;
					const m = /(\d+) (\w+) (\d{4})/.exec(l)!;
					const month = String(new Date(`${m[2]} 1, 2000`).getMonth() + 1).padStart(2, '0');
					return `${m[3]}-${month}-${m[1].padStart(2, '0')}`;
				};
				const type = lines[0].startsWith('Children')
					? 'child'
					: lines[0].startsWith('Maternity')
						? 'maternity'
						: lines[0].startsWith('Mental')
							? 'mental-health'
							: 'adult';
				const reuse = lines.find((l) => l.startsWith('Tracking'));
				const a = appraiseRecord(
					{
						type,
						dateOfBirth: get('Date of birth'),
						lastSeen: get('Last seen'),
						lastChildBorn: get('Birth of last child'),
						dateOfDeath: get('Date of death'),
						reusedOn: reuse ? [get('Tracking')!] : undefined,
						legalHold: lines.some((l) => l.includes('hold notice')),
						inquiries: lines.some((l) => l.includes('Infected Blood')) ? ['infected-blood'] : undefined
					},
					TODAY,
					{ selectedForPreservation: lines.some((l) => l.includes('permanent preservation')) }
				);
				const choice = {
					destroy: 'destroy',
					'keep-until': 'keep-until',
					'keep-on-hold': 'keep-on-hold',
					'transfer-to-place-of-deposit': 'transfer'
				}[a.outcome];
				expect(step.key.correct, `seed ${seed} ${lines.join(' | ')}`).toEqual([choice]);
				expect(step.key.correctDate ?? null).toBe(a.keepUntil);
				seen.add(`${type}:${a.outcome}`);
				if (a.outcome === 'keep-on-hold')
					expect(judgeStep(step, { choice: 'destroy' }).outcome).toBe('critical');
			}
		}
		// The traps appear with the outcome that makes them traps.
		expect(seen).toContain('child:keep-until');
		expect(seen).toContain('mental-health:destroy');
		expect(seen).toContain('adult:keep-on-hold');
		expect(seen).toContain('adult:transfer-to-place-of-deposit');
	});
});

describe('judging', () => {
	const sar = caseFor('subject-access-request', 'realistic', 11);

	it('a wrong deadline is an error that shows the right date and why', () => {
		const step = sar.steps.find((s) => s.id === 'deadline')!;
		const j = judgeStep(step, { date: '2000-01-01' });
		expect(j.outcome).toBe('major');
		expect(j.explanation).toContain('the right answer is');
		expect(j.explanation).toContain('handbook 4.7');
		expect(j.explanation).toContain('UK GDPR Article 12');
	});

	it('releasing a third party’s details unredacted is critical; over-redacting a nurse is minor', () => {
		for (const seed of SEEDS.slice(0, 40)) {
			const c = caseFor('subject-access-request', 'assessment', seed);
			for (const step of c.steps.filter((s) => s.id.startsWith('entry-'))) {
				if (step.key.correct[0] === 'redact') {
					const j = judgeStep(step, { choice: 'release' });
					expect(j.outcome).toBe('critical');
					expect(j.explanation).toContain('DPA 2018 Schedule 2 Part 3');
				}
				if (step.key.rule === 'sar.health-professionals')
					expect(judgeStep(step, { choice: 'redact' }).outcome).toBe('minor');
			}
		}
	});

	it('keeping a record with the wrong date is an error naming the right date', () => {
		for (const seed of SEEDS) {
			const c = caseFor('retention-disposal-review', 'realistic', seed);
			const keep = c.steps.find((s) => s.key.correct[0] === 'keep-until');
			if (!keep) continue;
			const j = judgeStep(keep, { choice: 'keep-until', date: '2099-01-01' });
			expect(j.outcome).toBe('major');
			expect(j.explanation).toContain('must be kept until');
			return;
		}
		throw new Error('no keep-until record in 200 seeds');
	});

	it('a malformed answer is simply wrong, never a crash', () => {
		const step = sar.steps[0];
		expect(judgeStep(step, { choice: 'nonsense' } as DpAnswer).outcome).toBe('major');
	});
});

describe('whole runs through the engine', () => {
	for (const kindId of KINDS) {
		it(`${kindId}: a perfect assessment scores full marks; a perfect practice run with a hint on each step loses exactly the hint costs`, () => {
			const kind = getKind(kindId)!;
			const assessment = def(`${kindId}-assessment`);
			const end = playThrough(kind, assessment, {
				seed: 5,
				answer: (stepId, _o, snap) =>
					perfectAnswer((snap.context.case as DpCase).steps.find((s) => s.id === stepId)!)
			});
			expect(end.value).toBe('finished');
			expect(end.context.result).toMatchObject({ percent: 100, passed: true });
			const gentle = def(`${kindId}-gentle`);
			const practice = playThrough(kind, gentle, {
				seed: 5,
				hintAt: () => true,
				answer: (stepId, _o, snap) =>
					perfectAnswer((snap.context.case as DpCase).steps.find((s) => s.id === stepId)!)
			});
			const c = practice.context.case as DpCase;
			const possible = c.steps.reduce((s, x) => s + x.maxPoints, 0);
			expect(practice.context.result).toMatchObject({
				points: possible - c.steps.length,
				possiblePoints: possible,
				hintPenalty: c.steps.length
			});
		});
	}

	it('known mistakes give the exact rubric score (retention: one record destroyed under a hold)', () => {
		const kind = getKind('retention-disposal-review')!;
		const assessment = def('retention-disposal-review-assessment');
		const c = kind.setup(assessment, 5, '2026-11-25') as DpCase;
		const hold = c.steps.find((s) => s.key.correct[0] === 'keep-on-hold')!;
		const end = playThrough(kind, assessment, {
			seed: 5,
			answer: (stepId, _o, snap) => {
				const step = (snap.context.case as DpCase).steps.find((s) => s.id === stepId)!;
				return stepId === hold.id ? { choice: 'destroy' } : perfectAnswer(step);
			}
		});
		const result = end.context.result!;
		const possible = c.steps.reduce((s, x) => s + x.maxPoints, 0);
		expect(result.points).toBe(possible - hold.maxPoints);
		expect(result.criticalErrors).toHaveLength(1);
		expect(result.passed).toBe(false);
		expect(result.failReason).toContain('critical');
	});

	it('known mistakes give the exact rubric score (desk day: a near miss shredded quietly is a minor error)', () => {
		const kind = getKind('records-desk-day')!;
		const realistic = def('records-desk-day-realistic');
		for (const seed of SEEDS) {
			const c = kind.setup(realistic, seed, '2026-11-25') as DpCase;
			const printer = c.steps.find((s) => s.choices.some((ch) => ch.id === 'shred-quietly'));
			if (!printer) continue;
			const end = playThrough(kind, realistic, {
				seed,
				answer: (stepId, _o, snap) => {
					const step = (snap.context.case as DpCase).steps.find((s) => s.id === stepId)!;
					return stepId === printer.id ? { choice: 'shred-quietly' } : perfectAnswer(step);
				}
			});
			const possible = c.steps.reduce((s, x) => s + x.maxPoints, 0);
			// 3 points for reporting a near miss; a minor error earns half, rounded to a half point.
			expect(printer.maxPoints).toBe(3);
			expect(end.context.result!.points).toBe(possible - 1.5);
			expect(end.context.result!.counts.minor).toBe(1);
			return;
		}
		throw new Error('no printer moment in 200 seeds');
	});

	it('the same seed gives the same case; other seeds give other dates and people', () => {
		for (const kindId of KINDS) {
			expect(caseFor(kindId, 'realistic', 3)).toEqual(caseFor(kindId, 'realistic', 3));
			const a = JSON.stringify(caseFor(kindId, 'realistic', 3));
			const b = JSON.stringify(caseFor(kindId, 'realistic', 4));
			expect(a).not.toEqual(b);
		}
	});
});
