// The desk day's "your own record" moment (handbook 4.11, 3.5, 4.7): the learner is a patient of the trust too and
// is tempted to check their own appointment. Self-access is the LOCAL rule TrustRules.selfAccess: forbidden by
// default (use the patient route, opening it is critical), and where a trainer allows it, opening it is fine.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRUST_RULES } from '../../domain';
import { patientSummary } from '../../generator/index';
import { paramFields } from '../../trainer/param-fields';
import type { ScenarioDefinition } from '../definition';
import { getBuiltInDefinition } from '../registry';
import { judgeStep, perfectAnswer, type DpCase, type DpStep } from './common';
import { dpTrust } from './pas-people';
import { paramsSchema, recordsDeskDay, type DeskDayParams } from './records-desk-day';

const TODAY = '2026-11-25';

function deskWith(seed: number, selfAccess?: 'forbidden' | 'allowed'): DpCase {
	const base = getBuiltInDefinition('records-desk-day-realistic')! as ScenarioDefinition<DeskDayParams>;
	const params = selfAccess ? { ...base.params, selfAccess } : base.params;
	return recordsDeskDay.setup({ ...base, params }, seed, TODAY);
}

const ownStep = (c: DpCase) => c.steps.find((s) => s.title.includes('Your own appointment'));

/** The first seeds whose day has the moment (it is one of the day's shuffled moments). */
const seeds = Array.from({ length: 60 }, (_, i) => i + 1)
	.filter((seed) => ownStep(deskWith(seed)))
	.slice(0, 4);

function self(step: DpStep): number {
	return step.pas!.known.find((k) => k.relation === 'self')!.patient;
}

describe('desk day: your own record', () => {
	it('comes up in some days, with the PAS, and the brief names the learner’s own patient identity', () => {
		expect(seeds.length).toBeGreaterThan(0);
		for (const seed of seeds) {
			const step = ownStep(deskWith(seed))!;
			expect(step.pas?.mode).toBe('avoid');
			const me = patientSummary(dpTrust(step.pas!.trust), self(step));
			const text = step.panels.flatMap((p) => p.lines).join(' ');
			expect(text).toContain(me.surname);
			expect(text).toContain(me.forenames[0]);
		}
	});

	type Row = [string, 'forbidden' | 'allowed' | undefined, string, 'correct' | 'critical'];
	const rows: Row[] = [
		['default: the patient route is right', undefined, 'use-patient-route', 'correct'],
		['default: looking yourself up is critical', undefined, 'look-up-own-record', 'critical'],
		['default: asking a colleague is critical', undefined, 'ask-colleague-own-record', 'critical'],
		['forbidden: looking yourself up is critical', 'forbidden', 'look-up-own-record', 'critical'],
		['allowed: looking yourself up is right', 'allowed', 'look-up-own-record', 'correct'],
		['allowed: the patient route is still right', 'allowed', 'use-patient-route', 'correct'],
		['allowed: asking a colleague is still critical', 'allowed', 'ask-colleague-own-record', 'critical']
	];

	it.each(rows)('%s', (_, selfAccess, choice, outcome) => {
		for (const seed of seeds) {
			const step = ownStep(deskWith(seed, selfAccess))!;
			const opened = choice === 'look-up-own-record' ? [{ patient: self(step), reason: 'other' }] : [];
			const j = judgeStep(step, { choice, opened });
			expect(j.outcome, `seed ${seed}`).toBe(outcome);
			expect(j.rule.handbook).toMatch(/4\.11/);
		}
	});

	it('the trail follows the setting too: your record opened is critical by default, fine where allowed', () => {
		for (const seed of seeds) {
			for (const selfAccess of [undefined, 'allowed'] as const) {
				const c = deskWith(seed, selfAccess);
				const step = ownStep(c)!;
				const mine = { patient: self(step), reason: 'other' };
				const j = judgeStep(step, { ...perfectAnswer(step), opened: [mine] });
				expect(j.outcome).toBe(selfAccess ? 'correct' : 'critical');
				if (!selfAccess) expect(j.explanation).toContain('subject access');
				const audit = c.steps.at(-1)!;
				const work = { patient: audit.pas!.work[0].patient, reason: 'enquiry' };
				const quiet = judgeStep(audit, { choice: 'nothing-to-report', opened: [work, mine] });
				expect(quiet.outcome).toBe(selfAccess ? 'correct' : 'critical');
				if (selfAccess) expect(quiet.explanation).toContain('your own, which this trust allows');
			}
		}
	});

	it('the setting defaults to the trust rules’ default, and the trainer form offers it as a choice', () => {
		expect(DEFAULT_TRUST_RULES.selfAccess).toBe('forbidden');
		const base = getBuiltInDefinition('records-desk-day-realistic')!.params;
		expect(paramsSchema.safeParse(base).success).toBe(true);
		expect(paramsSchema.safeParse({ ...base, selfAccess: 'allowed' }).success).toBe(true);
		expect(paramsSchema.safeParse({ ...base, selfAccess: 'sometimes' }).success).toBe(false);
		const field = paramFields(paramsSchema)!.find((f) => f.key === 'selfAccess');
		expect(field).toMatchObject({ type: 'choice', options: ['forbidden', 'allowed'] });
		expect(field?.hint).toMatch(/handbook 4\.11/);
	});
});
