import { describe, expect, it } from 'vitest';
import type { Decision, DecisionOutcome } from './decisions';
import { pointsFor, RUBRIC_VERSION } from './rubric';
import { scoreAttempt, type AttemptLog } from './scoring';

function decision(
	seq: number,
	outcome: DecisionOutcome,
	outcomes: Decision['outcomes'] = ['ihrim.unique-identifiers']
): Decision {
	return {
		seq,
		step: `item-${seq + 1}`,
		prompt: 'Accept or reject?',
		choices: [],
		response: { value: 'accept', text: 'Accept' },
		correct: { values: ['accept'], text: 'Accept' },
		outcome,
		maxPoints: 2,
		points: pointsFor(outcome, 2),
		outcomes,
		rule: { id: 'r', handbook: '1.2', text: 'rule' },
		explanation: 'why',
		timeTakenMs: 1000,
		at: '2026-11-25T10:00:00.000Z'
	};
}

const practice = { mode: 'practice' as const, passMark: 70, hints: { allowed: true, cost: 1 } };
const assessment = { mode: 'assessment' as const, passMark: 70, hints: { allowed: false, cost: 0 } };

function log(outcomes: DecisionOutcome[], extra: Partial<AttemptLog> = {}): AttemptLog {
	return {
		decisions: outcomes.map((o, i) => decision(i, o)),
		hints: [],
		possiblePoints: outcomes.length * 2,
		elapsedMs: 60_000,
		endReason: 'completed',
		...extra
	};
}

describe('scoreAttempt', () => {
	it('gives full marks for a perfect run', () => {
		const r = scoreAttempt(assessment, log(Array(10).fill('correct')));
		expect(r).toMatchObject({ points: 20, possiblePoints: 20, percent: 100, passed: true, failReason: null });
		expect(r.rubricVersion).toBe(RUBRIC_VERSION);
		expect(r.byOutcome).toEqual([
			{ id: 'ihrim.unique-identifiers', title: expect.any(String), points: 20, possible: 20, decisions: 10 }
		]);
	});

	it('scores a known set of mistakes exactly as the rubric says', () => {
		// 6 correct (12) + 2 minor (2 × 1) + 1 major (0) + 1 critical (0) = 14 of 20 = 70%.
		const outcomes: DecisionOutcome[] = [
			'correct',
			'minor',
			'correct',
			'major',
			'correct',
			'critical',
			'correct',
			'minor',
			'correct',
			'correct'
		];
		const r = scoreAttempt(practice, log(outcomes));
		expect(r).toMatchObject({ points: 14, percent: 70, passed: true, criticalErrors: [5] });
		expect(r.counts).toEqual({ correct: 6, minor: 2, major: 1, critical: 1 });
		const a = scoreAttempt(assessment, log(outcomes));
		expect(a.passed).toBe(false);
		expect(a.failReason).toBe(
			'A critical error in an assessment: any critical error means a fail, whatever the score.'
		);
	});

	it('takes hint costs off, never below zero', () => {
		const hints = [1, 2, 3].map((i) => ({
			step: `item-${i}`,
			text: 'h',
			cost: 1,
			at: '2026-11-25T10:00:00.000Z'
		}));
		expect(scoreAttempt(practice, log(['correct', 'correct'], { hints })).points).toBe(1);
		expect(scoreAttempt(practice, log(['major'], { hints })).points).toBe(0);
	});

	it('counts unanswered steps as zero against the possible points', () => {
		const r = scoreAttempt(
			practice,
			log(['correct', 'correct'], { possiblePoints: 10, endReason: 'time-up' })
		);
		expect(r).toMatchObject({ percent: 40, passed: false, endReason: 'time-up', answered: 2 });
		expect(r.failReason).toBe('The score of 40% is below the pass mark of 70%.');
	});

	it('never passes an abandoned attempt', () => {
		expect(scoreAttempt(practice, log(['correct'], { endReason: 'abandoned' })).passed).toBe(false);
	});

	it('re-scores from outcomes under the current rubric, not from stored points', () => {
		const l = log(['correct', 'minor']);
		const tampered = { ...l, decisions: l.decisions.map((d) => ({ ...d, points: 99 })) };
		expect(scoreAttempt(practice, tampered).points).toBe(3);
	});

	it('splits points between outcomes a decision evidences', () => {
		const l = log([]);
		l.decisions = [
			decision(0, 'correct', ['ihrim.unique-identifiers', 'ba3.records']),
			decision(1, 'major', ['ba3.records'])
		];
		l.possiblePoints = 4;
		const by = Object.fromEntries(
			scoreAttempt(practice, l).byOutcome.map((o) => [o.id, [o.points, o.possible]])
		);
		expect(by).toEqual({ 'ihrim.unique-identifiers': [2, 2], 'ba3.records': [2, 4] });
	});
});
