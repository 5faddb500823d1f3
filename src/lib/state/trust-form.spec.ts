import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_LONG_HISTORY_SHARE } from '$lib/generator/record';
import {
	DEFAULT_LONG_HISTORIES_PERCENT,
	longHistoriesOf,
	longHistoriesPercentText,
	parseLongHistoriesPercent
} from './trust-form';

describe('the "Patients with several casenote volumes" field', () => {
	it("defaults to the generator's default share", () => {
		expect(DEFAULT_LONG_HISTORIES_PERCENT / 100).toBe(DEFAULT_LONG_HISTORY_SHARE);
		expect(longHistoriesOf({})).toBe(DEFAULT_LONG_HISTORY_SHARE);
		expect(longHistoriesOf({ longHistories: 0.35 })).toBe(0.35);
		expect(longHistoriesPercentText(longHistoriesOf({}))).toBe('10');
	});

	it.each([
		['10', 0.1],
		['0', 0],
		['100', 1],
		[' 25 ', 0.25],
		['25%', 0.25],
		['7 %', 0.07]
	])('reads %j as the share %d', (text, share) => {
		expect(parseLongHistoriesPercent(text)).toEqual({ share });
	});

	it.each([
		['', 'Enter a percentage from 0 to 100, for example 10'],
		['   ', 'Enter a percentage from 0 to 100, for example 10'],
		['ten', 'Enter the percentage as a whole number from 0 to 100, for example 10'],
		['2.5', 'Enter the percentage as a whole number from 0 to 100, for example 10'],
		['-5', 'Enter the percentage as a whole number from 0 to 100, for example 10'],
		['0.1', 'Enter the percentage as a whole number from 0 to 100, for example 10'],
		['101', 'The percentage must be 100 or less'],
		['250%', 'The percentage must be 100 or less']
	])('refuses %j, saying what to enter', (text, problem) => {
		expect(parseLongHistoriesPercent(text)).toEqual({ problem });
	});

	it('round-trips every whole percentage through the share the generator is given', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 100 }), (percent) => {
				const read = parseLongHistoriesPercent(String(percent));
				expect(read).toEqual({ share: percent / 100 });
				expect(longHistoriesPercentText((read as { share: number }).share)).toBe(String(percent));
			})
		);
	});
});
