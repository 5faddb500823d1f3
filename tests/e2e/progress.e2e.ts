import type { Page } from '@playwright/test';
import { isValidNhsNumber } from '../../src/lib/domain/nhs-number';
import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

/** Plays the gentle NHS number scenario to the end, getting `wrong` answers wrong on purpose. */
async function playGentle(page: Page, seed: number, wrong: number[] = []) {
	await gotoReady(page, `/play/?scenario=nhs-number-check-gentle&seed=${seed}`);
	await page.getByRole('button', { name: 'Start' }).click();
	for (let step = 1; ; step++) {
		const number = (await page.getByTestId('nhs-number').textContent()) ?? '';
		const accept = isValidNhsNumber(number) !== wrong.includes(step);
		await page
			.getByLabel(accept ? /^Accept/ : /^Reject/)
			.first()
			.check();
		await page.getByRole('button', { name: 'Confirm answer' }).click();
		const finish = page.getByRole('button', { name: 'See your results' });
		if (await finish.isVisible()) {
			await finish.click();
			break;
		}
		await page.getByRole('button', { name: 'Continue to the next step' }).click();
	}
	await expect(page.getByTestId('debrief')).toBeVisible();
}

test('the dashboard shows attempts, scores, outcomes and what to do next, and survives backup and restore', async ({
	page
}, testInfo) => {
	await createProfile(page, 'Rui');
	await gotoReady(page, '/progress/');
	await expect(page.getByTestId('no-attempts')).toBeVisible();
	await expect(page.getByTestId('try-next')).toContainText('Spot the wrong NHS number: first go');

	await playGentle(page, 11);
	await playGentle(page, 12, [1, 2, 3, 4, 5]);

	await gotoReady(page, '/progress/');
	await expect(page.getByTestId('history-row')).toHaveCount(2);
	await expect(page.getByTestId('history-table')).toContainText('Passed');
	await expect(page.getByTestId('history-table')).toContainText('Not passed');
	await expect(page.getByText(/Covered/).first()).toBeVisible();
	// With other families' scenarios in the catalogue, "next" is any scenario not yet passed.
	await expect(page.getByTestId('try-next')).not.toContainText('Spot the wrong NHS number: first go');
	await expectNoAxeViolations(page, 'dashboard with attempts');
	const before = await page.locator('main').innerText();

	// Back up, wipe, restore: the dashboard reads the same.
	await gotoReady(page, '/your-data/');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export progress to a file' }).click();
	const path = testInfo.outputPath('progress.json');
	await (await download).saveAs(path);
	await page.evaluate(
		() =>
			new Promise((r) => {
				const d = indexedDB.deleteDatabase('records-room');
				d.onsuccess = d.onerror = d.onblocked = r;
			})
	);
	await gotoReady(page, '/your-data/');
	await page.getByLabel('Choose a Records Room progress file').setInputFiles(path);
	await expect(page.getByTestId('import-preview')).toContainText(
		'2 scenario attempts and their results: 2 new'
	);
	await page.getByRole('button', { name: 'Import and add' }).click();
	await expect(page.getByTestId('import-status')).toContainText('Imported progress for Rui');
	await gotoReady(page, '/progress/');
	await expect(page.getByTestId('history-row')).toHaveCount(2);
	expect(await page.locator('main').innerText()).toBe(before);

	// Open a debrief again from the history.
	await page
		.getByRole('link', { name: /Open debrief/ })
		.first()
		.click();
	await expect(page.getByTestId('debrief')).toBeVisible();
});

test('delete an attempt from the history, with confirmation, by keyboard alone', async ({ page }) => {
	await createProfile(page, 'Sol');
	await playGentle(page, 21);
	await gotoReady(page, '/progress/');
	const del = page.getByRole('button', { name: /^Delete attempt at/ });
	await del.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Delete this attempt and its feedback?')).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Yes, delete' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('no-attempts')).toBeVisible();
	await expectNoAxeViolations(page, 'dashboard after delete');
});
