import { describe, expect, it } from 'vitest';
import { getBuiltInDefinition, getKind } from '$lib/scenarios/registry';
import { INDUCTION_MODULES } from './induction';
import { countWords, ESTIMATE_ASSUMPTIONS, estimateModule, estimatePractice } from './time-estimate';

const TODAY = '2026-11-25';

function practiceFor(ids: readonly string[]) {
	return ids.map((id) => {
		const def = getBuiltInDefinition(id)!;
		return estimatePractice(getKind(def.kind)!, def, TODAY);
	});
}

describe('time to finish an induction module', () => {
	it('the first module, reading, questions and practice, takes a newcomer to the NHS under an hour', () => {
		const first = INDUCTION_MODULES[0];
		expect(first.practiceScenarioIds.length).toBeGreaterThan(0);
		const e = estimateModule(first, practiceFor(first.practiceScenarioIds));
		// Printed so the figure behind the claim is in the test log, with the assumptions it rests on.
		console.log(
			[
				`Module 1 "${first.title}" time estimate (${JSON.stringify(ESTIMATE_ASSUMPTIONS)}):`,
				`  reading ${e.readingWords} words: ${e.readingMinutes} min`,
				`  ${first.questions.length} questions (${e.questionWords} words): ${e.questionMinutes} min`,
				...e.practice.map(
					(p) =>
						`  practice "${p.title}": ${p.steps} steps, ${p.briefingWords}-word briefing: ${p.minutes} min`
				),
				`  margin for being new: ${e.marginMinutes} min`,
				`  total: ${e.totalMinutes} min (the route page's figure for reading and questions alone: ${first.minutes} min)`
			].join('\n')
		);
		expect(e.totalMinutes).toBeLessThan(60);
		// Even at half the reading speed it still fits.
		const slow = estimateModule(first, practiceFor(first.practiceScenarioIds), {
			...ESTIMATE_ASSUMPTIONS,
			wordsPerMinute: 100
		});
		expect(slow.totalMinutes).toBeLessThan(60);
	});

	it('the stated minutes for reading and questions are not less than the estimate without practice', () => {
		for (const m of INDUCTION_MODULES) {
			const e = estimateModule(m, [], { ...ESTIMATE_ASSUMPTIONS, marginPercent: 0 });
			expect(e.totalMinutes, m.id).toBeLessThanOrEqual(m.minutes);
		}
	});

	it('counts practice steps along a careful learner’s path', () => {
		const [p] = practiceFor(['records-desk-day-gentle']);
		expect(p.steps).toBeGreaterThan(0);
		expect(p.minutes).toBeCloseTo(
			p.briefingWords / ESTIMATE_ASSUMPTIONS.wordsPerMinute +
				(p.steps * ESTIMATE_ASSUMPTIONS.secondsPerPracticeStep) / 60,
			1
		);
	});

	it('counts words by whitespace', () => {
		expect(countWords('  The record of  care. ')).toBe(4);
		expect(countWords('')).toBe(0);
	});
});
