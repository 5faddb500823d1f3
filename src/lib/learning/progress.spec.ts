import { describe, expect, it } from 'vitest';
import { getModule, INDUCTION_MODULES } from './induction';
import {
	completedCount,
	emptyProgress,
	isCheckPassed,
	isComplete,
	isRouteComplete,
	markComplete,
	nextModule,
	parseProgress,
	routeCompletedAt
} from './progress';

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9));

describe('learning progress', () => {
	it('starts empty and points at the first module', () => {
		const p = emptyProgress();
		expect(completedCount(p)).toBe(0);
		expect(nextModule(p)?.id).toBe(INDUCTION_MODULES[0].id);
		expect(isRouteComplete(p)).toBe(false);
		expect(routeCompletedAt(p)).toBeUndefined();
	});

	it('marks modules complete without changing the first completion date', () => {
		const p1 = markComplete(emptyProgress(), 'filing', day(1));
		const p2 = markComplete(p1, 'filing', day(5));
		expect(p2.completed.filing).toBe(day(1).toISOString());
		expect(isComplete(p2, 'filing')).toBe(true);
		expect(isComplete(p2, 'phone-calls')).toBe(false);
	});

	it('is complete when every module is, dated by the last one finished', () => {
		let p = emptyProgress();
		INDUCTION_MODULES.forEach((m, i) => (p = markComplete(p, m.id, day(10 - i))));
		expect(isRouteComplete(p)).toBe(true);
		expect(nextModule(p)).toBeUndefined();
		expect(routeCompletedAt(p)).toBe(day(10).toISOString());
		expect(isRouteComplete(emptyProgress(), [])).toBe(false);
	});

	it('reads stored progress defensively', () => {
		expect(parseProgress(undefined)).toEqual(emptyProgress());
		expect(parseProgress('junk')).toEqual(emptyProgress());
		expect(parseProgress({ completed: 3 })).toEqual(emptyProgress());
		const p = parseProgress({
			version: 1,
			completed: { filing: day(2).toISOString(), retired: day(2).toISOString(), 'phone-calls': 'not a date' }
		});
		expect(p.completed).toEqual({ filing: day(2).toISOString() });
	});

	it('passes a knowledge check only when every answer is right', () => {
		const m = getModule('filing')!;
		const right = Object.fromEntries(m.questions.map((q) => [q.id, q.answer]));
		expect(isCheckPassed(m, right)).toBe(true);
		expect(isCheckPassed(m, { ...right, q1: 'a' })).toBe(false);
		expect(isCheckPassed(m, {})).toBe(false);
	});
});
