import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

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

test('an empty seed and a share over 100% are refused with messages that say what to do', async ({
	page
}) => {
	await gotoReady(page, '/trust/');
	await page.getByLabel('Seed').fill('');
	await page.getByLabel('Patients with several casenote volumes').fill('150');
	await page.getByRole('button', { name: 'Generate trust' }).click();
	await expect(page.getByText('Enter a seed: any number or word.')).toBeVisible();
	await expect(page.getByText('The percentage must be 100 or less')).toBeVisible();
	await expect(page.getByLabel('Seed')).toBeFocused();
	await expectNoAxeViolations(page, 'trust form with errors');
});

test.describe('a profile keeps its practice trust', () => {
	// The stored default trust has 10,000 patients: building it in the Worker takes a few seconds on a busy machine.
	test.describe.configure({ timeout: 120_000 });

	test('a move and an access on the practice PAS survive a reload', async ({ page }) => {
		await createProfile(page, 'Tess');
		await gotoReady(page, '/pas/');
		await expect(page.getByTestId('pas-trust-saved')).toContainText('seed records-room');
		await expect(page.getByTestId('pas-trust-saved')).toContainText('generator version');
		await expect(page.getByTestId('pas-status')).toContainText('patients', { timeout: 30_000 });

		await page.locator('#pas-surname').fill('smith');
		await page.locator('#pas-surname').press('Enter');
		const first = page.getByTestId('pas-result-row').first();
		await first.getByRole('button', { name: /Open record/ }).click();
		await page.getByLabel('Preparing notes for a clinic').check();
		await page.getByRole('button', { name: 'Open record', exact: true }).click();
		await page.getByRole('button', { name: 'Track volume 1 out' }).click();
		await page.locator('#pas-track-to').selectOption({ index: 1 });
		await page.locator('#pas-track-reason').fill('Clinic tomorrow');
		await page.getByRole('button', { name: 'Save movement' }).click();
		await expect(page.getByTestId('pas-volume-location').first()).toContainText('Clinic');

		await page.reload();
		await expect(page.locator('main[data-app-ready="true"]')).toBeVisible();
		await expect(page.getByTestId('pas-status')).toContainText('patients', { timeout: 30_000 });
		await page.locator('body').press('a');
		const audit = page.getByTestId('pas-audit');
		await expect(audit).toContainText('Preparing notes for a clinic');
		await expect(audit).toContainText(/smith/i);

		await page.locator('body').press('s');
		await page.locator('#pas-surname').fill('smith');
		await page.locator('#pas-surname').press('Enter');
		await page
			.getByTestId('pas-result-row')
			.first()
			.getByRole('button', { name: /Open record/ })
			.click();
		await page.getByLabel('Tracking notes').check();
		await page.getByRole('button', { name: 'Open record', exact: true }).click();
		await expect(page.getByTestId('pas-volume-location').first()).toContainText('Clinic');
		await page.getByRole('button', { name: 'Movement history of volume 1' }).click();
		await expect(page.getByTestId('pas-history')).toContainText('Clinic tomorrow');
		await expectNoAxeViolations(page, 'practice PAS after reload');
	});

	test('a new trust is kept; one made by another generator version asks before it is used', async ({
		page
	}) => {
		await createProfile(page, 'Vic');
		await gotoReady(page, '/trust/');
		await expect(page.getByTestId('trust-saved')).toContainText('seed records-room');
		await page.getByLabel('Seed').fill('e2e-kept');
		await page.getByLabel('Number of patients').selectOption('1000');
		await page.getByRole('button', { name: 'Generate trust' }).click();
		await expect(page.getByTestId('trust-status')).toContainText('Trust ready: 1,000 patients.');

		await page.reload();
		await expect(page.getByTestId('trust-saved')).toContainText('seed e2e-kept');
		await expect(page.getByTestId('trust-status')).toContainText('Trust ready: 1,000 patients.');
		await page
			.getByTestId('patient-table')
			.getByRole('button', { name: /Open record/ })
			.first()
			.click();
		await expect(page.getByTestId('record-medications')).toContainText('Medications');

		// Pretend the stored trust was made by the previous generator (1.1.0: one casenote volume per patient).
		await page.evaluate(
			() =>
				new Promise<void>((done, fail) => {
					const open = indexedDB.open('records-room');
					open.onsuccess = () => {
						const tx = open.result.transaction('trusts', 'readwrite');
						const cursor = tx.objectStore('trusts').openCursor();
						cursor.onsuccess = () => {
							const c = cursor.result;
							if (!c) return;
							c.update({ ...c.value, generatorVersion: '1.1.0' });
							c.continue();
						};
						tx.oncomplete = () => {
							open.result.close();
							done();
						};
						tx.onerror = () => fail(tx.error);
					};
				})
		);
		// The PAS asks the same question before it builds anything from the old trust.
		await gotoReady(page, '/pas/');
		await expect(page.getByTestId('trust-version-choice')).toContainText('version 1.1.0');
		await expect(page.getByTestId('pas-status')).toHaveCount(0);
		await gotoReady(page, '/trust/');
		const choice = page.getByTestId('trust-version-choice');
		await expect(choice).toContainText('version 1.1.0');
		await expect(choice.getByRole('heading')).toBeFocused();
		await expect(page.getByTestId('trust-status')).toHaveText('');
		await expectNoAxeViolations(page, 'generator version choice');
		await choice.getByRole('button', { name: 'Keep using it as it is' }).click();
		await expect(page.getByTestId('trust-status')).toContainText('Trust ready: 1,000 patients.');
		await page.reload();
		await expect(page.getByTestId('trust-version-choice')).toHaveCount(0);
		await expect(page.getByTestId('trust-status')).toContainText('Trust ready: 1,000 patients.');
	});
});
