import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Runs axe with the WCAG 2.0/2.1/2.2 A and AA rules and fails with a readable list of what it found. `include`
 * scans one part of the page: for a part that changed on a page another test scans whole, at a fraction of the time.
 */
export async function expectNoAxeViolations(page: Page, context = '', include?: string) {
	const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
	const results = await (include ? builder.include(include) : builder).analyze();
	const summary = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`
	);
	expect(summary, `axe violations ${context}`).toEqual([]);
}

/** Waits until the app has opened its database, so tests never race the first load. */
export async function gotoReady(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('main[data-app-ready="true"]')).toBeVisible();
}

export const test = base;
export { expect };

/** Creates a profile through the Profiles page and waits until it is the active one. */
export async function createProfile(page: Page, name: string, role = 'Apprentice') {
	await gotoReady(page, '/profiles/');
	await page.getByLabel('Display name').fill(name);
	await page.getByLabel(role, { exact: true }).check();
	await page.getByRole('button', { name: 'Create profile' }).click();
	await expect(page.getByTestId('active-profile')).toContainText(name);
}
