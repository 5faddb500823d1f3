import { expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

test('generate a trust in a Worker, page through patients and open a record by keyboard', async ({
	page
}) => {
	await gotoReady(page, '/trust/');
	await page.getByLabel('Seed').fill('e2e-seed');
	await page.getByLabel('Number of patients').selectOption('1000');
	await page.getByRole('button', { name: 'Generate trust' }).press('Enter');
	await expect(page.getByTestId('trust-status')).toContainText('Trust ready: 1,000 patients.');
	await expect(page.getByTestId('trust-overview')).toContainText('Teaching Hospitals NHS Trust');
	await expect(page.getByTestId('synthetic-marker')).toContainText('Synthetic training data');

	const table = page.getByTestId('patient-table');
	await expect(table.locator('tbody tr')).toHaveCount(25);
	await expect(table.locator('tbody tr').first().locator('td').nth(1)).toHaveText(
		/^(999 \d{3} \d{4}|Not known)$/
	);
	await expectNoAxeViolations(page, 'trust with patient table');

	await page.getByRole('button', { name: 'Next page' }).click();
	await expect(page.getByText('Page 2 of 40')).toBeVisible();
	await expect(table.locator('caption')).toContainText('Patients 26 to 50 of 1,000');

	const firstOpen = table.getByRole('button', { name: /Open record/ }).first();
	await firstOpen.focus();
	await page.keyboard.press('Enter');
	const record = page.getByTestId('patient-record');
	await expect(record.getByRole('heading', { level: 2 })).toBeFocused();
	for (const h of [
		'Demographics',
		'Contacts and what they may be told',
		'Episodes',
		'Casenote volumes and tracking'
	]) {
		await expect(record.getByRole('heading', { name: h })).toBeVisible();
	}
	await expect(record).toContainText('NHS Number');
	await expect(record).toContainText(/Volume 1 of \d/);
	await expectNoAxeViolations(page, 'patient record');

	await page.getByRole('button', { name: 'Back to the patient list' }).press('Enter');
	await expect(page.getByTestId('patient-table')).toBeVisible();
	await expect(page.getByText('Page 2 of 40')).toBeVisible();
});

test('the same seed makes the same trust, and a big trust can be cancelled', async ({ page }) => {
	await gotoReady(page, '/trust/');
	await page.getByLabel('Seed').fill('same');
	await page.getByRole('button', { name: 'Generate trust' }).click();
	await expect(page.getByTestId('trust-status')).toContainText('Trust ready');
	const firstRow = await page.getByTestId('patient-table').locator('tbody tr').first().innerText();
	await page.getByRole('button', { name: 'Generate trust' }).click();
	await expect(page.getByTestId('trust-status')).toContainText('Trust ready');
	expect(await page.getByTestId('patient-table').locator('tbody tr').first().innerText()).toBe(firstRow);

	await page.getByLabel('Number of patients').selectOption('100000');
	await page.getByRole('button', { name: 'Generate trust' }).click();
	await expect(page.getByRole('progressbar')).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('trust-status')).toContainText('Generation cancelled');
});

test('an empty seed is refused with a message that says what to do', async ({ page }) => {
	await gotoReady(page, '/trust/');
	await page.getByLabel('Seed').fill('');
	await page.getByRole('button', { name: 'Generate trust' }).click();
	await expect(page.getByText('Enter a seed: any number or word.')).toBeVisible();
	await expect(page.getByLabel('Seed')).toBeFocused();
});
