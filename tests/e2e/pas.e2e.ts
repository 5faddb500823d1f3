import { expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

const SHOTS = process.env.PAS_SHOTS;
// Building a 10,000-patient trust in the worker takes a few seconds on a loaded machine.
test.describe.configure({ timeout: 120_000 });

async function ready(page: import('@playwright/test').Page) {
	await gotoReady(page, '/pas/');
	await expect(page.getByTestId('pas-status')).toContainText('patients', { timeout: 30_000 });
}

test('search, open with a reason, track out and back in, audit trail: all by keyboard', async ({ page }) => {
	await ready(page);
	await page.keyboard.press('/');
	await expect(page.locator('#pas-surname')).toBeFocused();
	await page.keyboard.type('smith');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	const rows = page.getByTestId('pas-result-row');
	await expect(rows.first()).toBeVisible();
	await expect(page.locator('#pas-results-heading')).toBeFocused();
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/pas-results.png` });
	await expectNoAxeViolations(page, 'PAS results');

	// Open the first result: a reason is required first.
	await rows
		.first()
		.getByRole('button', { name: /Open record/ })
		.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('#pas-reason-heading')).toBeFocused();
	await page.getByRole('button', { name: 'Open record', exact: true }).press('Enter');
	await expect(page.getByRole('alert')).toContainText('Choose why');
	await page.getByLabel('Preparing notes for a clinic').check();
	await page.getByRole('button', { name: 'Open record', exact: true }).press('Enter');
	await expect(page.getByTestId('pas-record')).toBeVisible();
	await expect(page.locator('#pas-record-heading')).toBeFocused();
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/pas-record.png`, fullPage: true });
	await expectNoAxeViolations(page, 'PAS record');

	// Track volume 1 out to a clinic, then back in.
	await page.getByRole('button', { name: 'Track volume 1 out' }).press('Enter');
	await page.getByRole('button', { name: 'Save movement' }).press('Enter');
	await expect(page.locator('#pas-track-problems')).toContainText('Choose where');
	await page.locator('#pas-track-to').selectOption({ index: 1 });
	await page.locator('#pas-track-reason').fill('Clinic tomorrow');
	await page.getByRole('button', { name: 'Save movement' }).press('Enter');
	await expect(page.locator('#pas-track-saved')).toContainText('tracked to');
	const location = page.getByTestId('pas-volume-location').first();
	await expect(location).toContainText('Clinic');
	await page.getByRole('button', { name: 'Track volume 1 back to the library' }).press('Enter');
	await page.getByRole('button', { name: 'Save movement' }).press('Enter');
	await expect(location).toContainText('Health records library');
	await page.getByRole('button', { name: 'Movement history of volume 1' }).press('Enter');
	await expect(page.getByTestId('pas-history')).toContainText('Clinic tomorrow');

	// Audit trail lists the access with its reason.
	await page.locator('body').press('a');
	await expect(page.getByTestId('pas-audit')).toContainText('Preparing notes for a clinic');
	await expectNoAxeViolations(page, 'PAS audit');
});

test('downtime: movements go on paper and are entered later', async ({ page }) => {
	await ready(page);
	await page.locator('body').press('d');
	await page.getByLabel(/tracking module is down/).check();
	await page.getByRole('button', { name: /^Search/ }).click();
	await page.locator('#pas-dob').fill('');
	await page.locator('#pas-surname').fill('jo');
	await page.locator('#pas-surname').press('Enter');
	await page.getByTestId('pas-result-row').first().getByRole('button').click();
	await page.getByLabel('Tracking notes').check();
	await page.getByRole('button', { name: 'Open record', exact: true }).click();
	await page.getByRole('button', { name: 'Track volume 1 out' }).click();
	await page.locator('#pas-track-to').selectOption({ index: 2 });
	await page.locator('#pas-track-reason').fill('Ward round');
	await page.getByRole('button', { name: 'Write tracer card' }).click();
	await expect(page.locator('#pas-track-saved')).toContainText('paper tracer card');
	await page.locator('body').press('d');
	await expect(page.getByTestId('pas-downtime')).toContainText('1 waiting');
	await page.getByLabel(/tracking module is down/).uncheck();
	await page.getByRole('button', { name: /Enter register line 1/ }).click();
	await expect(page.getByTestId('pas-downtime')).toContainText('0 waiting');
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/pas-downtime.png`, fullPage: true });
	await expectNoAxeViolations(page, 'PAS downtime');
});

test('shortcuts list is visible on request', async ({ page }) => {
	await ready(page);
	await page.locator('body').press('?');
	await expect(page.getByTestId('pas-shortcuts')).toContainText('Go to the search');
	await expect(page.getByTestId('pas')).toContainText('Synthetic training data');
});
