import type { Locator, Page } from '@playwright/test';
import { isValidNhsNumber } from '../../src/lib/domain/nhs-number';
import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

/** The right answer for the document on screen, worked out with the domain rule (what a careful learner does). */
async function rightChoice(page: Page): Promise<RegExp> {
	const number = (await page.getByTestId('nhs-number').textContent()) ?? '';
	return isValidNhsNumber(number) ? /^Accept/ : /^Reject: the number fails the check/;
}

async function stepNumber(page: Page): Promise<number> {
	const text = (await page.locator('#step-heading').textContent()) ?? '';
	return Number(/Step (\d+)/.exec(text)?.[1]);
}

test('play a scenario, reload mid-way, resume where you were, finish and read the debrief', async ({
	page
}) => {
	await createProfile(page, 'Priya');
	await gotoReady(page, '/play/?scenario=nhs-number-check-gentle&seed=7');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spot the wrong NHS number: first go');
	await expect(page.getByTestId('briefing')).toContainText('Modulus 11');
	await expect(page.getByTestId('briefing-outcomes')).toContainText('Use unique identifiers');
	await expect(page).toHaveURL(/attempt=/);
	await expectNoAxeViolations(page, 'briefing');
	await page.getByRole('button', { name: 'Start' }).click();

	// The same seed gives the same tray: remember the first number to check it after the reload.
	const first = await page.getByTestId('nhs-number').textContent();
	for (let i = 0; i < 2; i++) {
		await page.getByLabel(await rightChoice(page)).check();
		await page.getByRole('button', { name: 'Confirm answer' }).click();
		await expect(page.getByTestId('feedback')).toContainText('Correct');
		await expect(page.getByTestId('feedback')).toContainText('handbook 1.2');
		if (i === 0) await expectNoAxeViolations(page, 'feedback');
		await page.getByRole('button', { name: 'Continue to the next step' }).click();
	}
	await expect(page.locator('#step-heading')).toHaveText('Step 3 of 5');
	const third = await page.getByTestId('nhs-number').textContent();

	// The player says when every answer has reached storage; a reload after that loses nothing.
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-saved', 'true');
	await page.reload();
	await expect(page.locator('main[data-app-ready="true"]')).toBeVisible();
	await expect(page.getByTestId('resumed')).toContainText('Welcome back');
	await expect(page.locator('#step-heading')).toHaveText('Step 3 of 5');
	await expect(page.getByTestId('nhs-number')).toHaveText(third!);

	// The scenarios page offers to resume too.
	await gotoReady(page, '/scenarios/');
	await expect(page.getByTestId('in-progress')).toContainText('Spot the wrong NHS number: first go');
	await page.getByRole('link', { name: 'Resume Spot the wrong NHS number: first go' }).click();
	await expect(page.locator('#step-heading')).toHaveText('Step 3 of 5');

	// A hint costs a point and is shown.
	await page.getByRole('button', { name: /Show a hint/ }).click();
	await expect(page.getByTestId('hint')).toContainText('×10');

	// Deliberately get one wrong: accept whatever is shown when it fails, reject when it passes.
	while ((await stepNumber(page)) <= 5) {
		const step = await stepNumber(page);
		const right = await rightChoice(page);
		const wrong = right.source.startsWith('^Accept') ? /^Reject/ : /^Accept/;
		await page.getByLabel(step === 3 ? wrong : right).check();
		await page.getByRole('button', { name: 'Confirm answer' }).click();
		if (step === 3) await expect(page.getByTestId('feedback')).toContainText(/error/);
		if (step === 5) {
			await page.getByRole('button', { name: 'See your results' }).click();
			break;
		}
		await page.getByRole('button', { name: 'Continue to the next step' }).click();
	}

	const debrief = page.getByTestId('debrief');
	await expect(debrief.getByTestId('result')).toContainText('%');
	await expect(debrief.getByTestId('decision')).toHaveCount(5);
	await expect(debrief).toContainText('What should have happened');
	await expect(debrief).toContainText('handbook 1.2');
	await expect(debrief).toContainText('taken off for hints');
	await expect(page.getByTestId('path-recap').locator('li')).toHaveCount(5);
	await expect(page.locator('#debrief-heading')).toBeFocused();
	await expectNoAxeViolations(page, 'debrief');

	// Reload on the debrief: the finished attempt opens on its results.
	// The player says when every answer has reached storage; a reload after that loses nothing.
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-saved', 'true');
	await page.reload();
	await expect(page.getByTestId('debrief')).toBeVisible();

	// Try the same case again: the first document is the same.
	await page.getByRole('button', { name: 'Try the same case again' }).click();
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByTestId('nhs-number')).toHaveText(first!);
	await gotoReady(page, '/scenarios/');
	await expect(page.getByTestId('recent-results')).toContainText('Spot the wrong NHS number: first go');
});

test('the assessment shows time left in words, gives no hints and no feedback until the end', async ({
	page
}) => {
	await createProfile(page, 'Sam');
	await gotoReady(page, '/play/?scenario=nhs-number-check-assessment&seed=3');
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByTestId('time-left')).toHaveText(/^[78] minutes? \d+ seconds?$/);
	await expect(page.getByRole('button', { name: /hint/ })).toHaveCount(0);
	await expectNoAxeViolations(page, 'assessment step');
	for (let i = 1; i <= 10; i++) {
		await expect(page.locator('#step-heading')).toHaveText(`Step ${i} of 10`);
		await page.getByLabel(/^Accept/).check();
		await page.getByRole('button', { name: 'Confirm answer' }).click();
		await expect(page.getByTestId('feedback')).toHaveCount(0);
	}
	await expect(page.getByTestId('result')).toContainText('Not passed');
	await expect(page.getByTestId('fail-reason')).toContainText('critical');
});

test('the player works with the keyboard alone', async ({ page }) => {
	await createProfile(page, 'Kay');
	await gotoReady(page, '/play/?scenario=nhs-number-check-gentle&seed=11');
	await tabUntil(page, page.getByRole('button', { name: 'Start' }));
	await page.keyboard.press('Enter');
	await expect(page.locator('#step-heading')).toBeFocused();
	for (let i = 0; i < 5; i++) {
		const right = await rightChoice(page);
		await tabUntil(page, page.getByLabel(/^Accept/));
		// Arrow keys move within a radio group; Space selects the first one.
		if (right.source.startsWith('^Accept')) await page.keyboard.press('Space');
		else await page.keyboard.press('ArrowDown');
		await tabUntil(page, page.getByRole('button', { name: 'Confirm answer' }));
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText('Correct');
		await expect(page.locator('#continue-button')).toBeFocused();
		await page.keyboard.press('Enter');
	}
	await expect(page.getByTestId('result')).toContainText('Passed: 100%');
});

test('opening a scenario with an unfinished attempt offers to resume it or start again', async ({ page }) => {
	await createProfile(page, 'Lee');
	await gotoReady(page, '/play/?scenario=nhs-number-check-gentle&seed=5');
	await page.getByRole('button', { name: 'Start' }).click();
	await page.getByLabel(await rightChoice(page)).check();
	await page.getByRole('button', { name: 'Confirm answer' }).click();
	await page.getByRole('button', { name: 'Continue to the next step' }).click();

	await gotoReady(page, '/play/?scenario=nhs-number-check-gentle');
	await expect(page.getByTestId('resume-offer')).toBeVisible();
	await expectNoAxeViolations(page, 'resume offer');
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(page.locator('#step-heading')).toHaveText('Step 2 of 5');

	await gotoReady(page, '/play/?scenario=nhs-number-check-gentle');
	await page.getByRole('button', { name: 'Start a new attempt' }).click();
	await expect(page.getByTestId('briefing')).toBeVisible();
	await expect(page.getByTestId('resumed')).toHaveCount(0);
	await gotoReady(page, '/scenarios/');
	await expect(page.getByTestId('in-progress').locator('li')).toHaveCount(1);
});

test('without a profile, the player asks for one first', async ({ page }) => {
	await gotoReady(page, '/play/?scenario=nhs-number-check-gentle');
	await expect(page.getByTestId('needs-profile')).toContainText('Create or choose a profile');
	await gotoReady(page, '/play/?scenario=no-such-thing');
	await expect(page.getByTestId('needs-profile')).toBeVisible();
});

async function tabUntil(page: Page, target: Locator) {
	for (let i = 0; i < 40; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}
