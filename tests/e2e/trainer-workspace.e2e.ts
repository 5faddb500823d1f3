import type { Page } from '@playwright/test';
import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

async function trainerUnlocked(page: Page) {
	await createProfile(page, 'Ben', 'Trainer');
	await gotoReady(page, '/trainer/');
	await page.getByLabel('New PIN', { exact: true }).fill('2580');
	await page.getByLabel('Type the new PIN again').fill('2580');
	await page.getByRole('button', { name: 'Set PIN' }).click();
	await expect(page.getByTestId('unlocked-status')).toBeVisible();
}

test('a locked trainer area hides the scenario editor', async ({ page }) => {
	await createProfile(page, 'Ada', 'New starter');
	await gotoReady(page, '/trainer/scenarios/');
	await expect(page.getByTestId('trainer-locked')).toBeVisible();
	await expectNoAxeViolations(page, 'locked scenarios page');
});

test('author from scratch, fix problems shown by each field, preview with answer key, publish, trainee plays it', async ({
	page
}) => {
	// A long journey with several axe scans, on a shared two-core machine.
	test.setTimeout(180_000);
	await trainerUnlocked(page);
	await page.getByRole('link', { name: 'Write, preview and publish scenarios' }).click();
	await expect(page.getByTestId('no-scenarios')).toBeVisible();
	await expectNoAxeViolations(page, 'scenario list');
	await page.getByRole('link', { name: /Patient identification: nhs-number-check/ }).click();
	await expect(page.getByRole('heading', { name: 'Write a new scenario' })).toBeVisible();
	await expectNoAxeViolations(page, 'new scenario form');

	// Save with problems: each is listed in the summary and shown next to its field.
	await page.getByLabel('Items').fill('1');
	await page.getByRole('button', { name: 'Save draft' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Title is required');
	await expect(summary).toContainText('Briefing is required');
	await expect(summary).toContainText('Items must be at least 2 documents');
	await expect(page.locator('#field-params-items-error')).toContainText('at least 2 documents');
	await expectNoAxeViolations(page, 'form with errors');

	await page.getByLabel('Title').fill('Ward 7 letters');
	await page.getByLabel('Briefing').fill('Check **every** number.\n\n<script>window.__xss = 1</script>');
	await expect(page.getByTestId('editor-briefing-preview').locator('strong')).toHaveText('every');
	await page.getByLabel('Items').fill('4');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByTestId('editor-status')).toContainText('Draft, version 1');
	await expect(page).toHaveURL(/id=ward-7-letters/);

	// Answer key for case 7, then preview the draft as a trainee with the same case.
	await page.getByLabel('Case number').fill('7');
	await expect(page.getByTestId('answer-key').locator('tbody tr')).toHaveCount(4);
	await expectNoAxeViolations(page, 'answer key');
	await page.getByRole('link', { name: 'Preview as a trainee' }).click();
	await expect(page.getByTestId('preview-banner')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ward 7 letters');
	await expect(page.getByTestId('briefing')).toContainText('<script>window.__xss = 1</script>');
	expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
	await expectNoAxeViolations(page, 'preview');

	// Not yet on the trainees' list; publish, then it is.
	await gotoReady(page, '/scenarios/');
	await expect(page.getByTestId('scenario-card').first()).toBeVisible();
	await expect(page.getByTestId('scenario-card').filter({ hasText: 'Ward 7 letters' })).toHaveCount(0);
	await gotoReady(page, '/trainer/scenarios/edit/?id=ward-7-letters');
	await page.getByRole('button', { name: 'Save and publish' }).click();
	await expect(page.getByTestId('editor-status')).toContainText('Published, version 1');
	await page.getByLabel('Case number').fill('7');
	const link = await page.getByTestId('class-session-link').textContent();
	expect(link).toMatch(/\/play\/\?scenario=ward-7-letters&seed=7$/);
	await page.screenshot({ path: 'test-results/trainer-editor.png', fullPage: true });

	// Editing a published scenario makes version 2 as a draft; trainees still get version 1.
	await page.getByLabel('Pass mark (percent)').fill('90');
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByTestId('editor-status')).toContainText('Draft, version 2');
	await gotoReady(page, '/trainer/scenarios/');
	await expect(page.getByTestId('authored-scenarios')).toContainText('Published, version 1');
	await expect(page.getByTestId('authored-scenarios')).toContainText('Draft, version 2');

	await createProfile(page, 'Cara', 'New starter');
	await gotoReady(page, '/scenarios/');
	await page.getByRole('link', { name: 'Start Ward 7 letters' }).click();
	await expect(page.getByTestId('briefing')).toContainText(/Pass mark\s*70%/);
	await expect(page.getByTestId('preview-banner')).toHaveCount(0);

	// The class session link opens the same case for a trainee.
	await page.goto(link!.trim());
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ward 7 letters');
	await expect(page).toHaveURL(/seed=7/);
});

test('start from a built-in scenario by keyboard alone', async ({ page }) => {
	await trainerUnlocked(page);
	await gotoReady(page, '/trainer/scenarios/');
	const copy = page.getByRole('link', { name: /Copy “Spot the wrong NHS number: first go”/ });
	await copy.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Title')).toHaveValue('Spot the wrong NHS number: first go (copy)');
	await page.getByLabel('Scenario id').focus();
	await page.keyboard.type('first-go-copy');
	await page.getByRole('button', { name: 'Save and publish' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('editor-status')).toContainText('Published, version 1');
});
