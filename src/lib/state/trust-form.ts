import type { TrustSettings } from '$lib/generator/types';

/**
 * The /trust/ form's "Patients with several casenote volumes": the generator's `longHistories` share as a whole
 * percentage, which a trainer reads more easily than a fraction. Kept apart from the generator so the page does
 * not load it; the unit test pins the default to the generator's `DEFAULT_LONG_HISTORY_SHARE`.
 */
export const DEFAULT_LONG_HISTORIES_PERCENT = 10;

/** The share a trust was (or will be) generated with: stored trusts made before the field have none. */
export function longHistoriesOf(settings: Pick<TrustSettings, 'longHistories'>): number {
	return settings.longHistories ?? DEFAULT_LONG_HISTORIES_PERCENT / 100;
}

/** The share as the field shows it. */
export function longHistoriesPercentText(share: number): string {
	return String(Math.round(share * 100));
}

/**
 * Reads the field. A trailing "%" and spaces are allowed, since people type them; anything but a whole number
 * from 0 to 100 gets a sentence saying what to enter.
 */
export function parseLongHistoriesPercent(text: string): { share: number } | { problem: string } {
	const t = text.trim().replace(/\s*%$/, '');
	if (!t) return { problem: 'Enter a percentage from 0 to 100, for example 10' };
	if (!/^\d+$/.test(t))
		return { problem: 'Enter the percentage as a whole number from 0 to 100, for example 10' };
	const percent = Number(t);
	if (percent > 100) return { problem: 'The percentage must be 100 or less' };
	// Division, not multiplying by 0.01: 10 / 100 is exactly the generator's default 0.1, so the trust is the same.
	return { share: percent / 100 };
}
