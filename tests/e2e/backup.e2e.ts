import { readFileSync, writeFileSync } from 'node:fs';
import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

test('export, wipe site data, import: everything comes back', async ({ page, context }, testInfo) => {
	await createProfile(page, 'Ada', 'Apprentice');
	await createProfile(page, 'Ben', 'Trainer');
	await gotoReady(page, '/your-data/');
	await expect(page.getByTestId('last-backup')).toContainText('not backed up');
	await page.getByLabel('Every profile on this computer (2)').check();
	const downloadPromise = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export progress to a file' }).click();
	const download = await downloadPromise;
	expect(download.suggestedFilename()).toMatch(/^records-room-progress-all-profiles-\d{4}-\d\d-\d\d\.json$/);
	const path = testInfo.outputPath('backup.json');
	await download.saveAs(path);
	const file = JSON.parse(readFileSync(path, 'utf8'));
	expect(file).toMatchObject({ format: 'records-room-progress', formatVersion: 1, synthetic: true });
	await expect(page.getByTestId('last-backup')).toContainText('Last backed up');

	// Wipe site data as "Clear browsing data" would.
	await page.evaluate(async () => {
		const dbs = await indexedDB.databases();
		await Promise.all(
			dbs.map(
				(d) =>
					new Promise((r) => {
						const req = indexedDB.deleteDatabase(d.name!);
						req.onsuccess = req.onerror = req.onblocked = r;
					})
			)
		);
	});
	await context.clearCookies();
	await gotoReady(page, '/profiles/');
	await expect(page.getByTestId('no-profiles')).toBeVisible();

	await gotoReady(page, '/your-data/');
	await page.getByLabel('Choose a Records Room progress file').setInputFiles(path);
	const preview = page.getByTestId('import-preview');
	await expect(preview).toContainText('New profile: Ada');
	await expect(preview).toContainText('New profile: Ben');
	await expectNoAxeViolations(page, 'import preview');
	await page.getByRole('button', { name: 'Import and add' }).click();
	await expect(page.getByTestId('import-status')).toContainText('Imported progress for');
	await gotoReady(page, '/profiles/');
	await expect(page.getByTestId('profile-row')).toHaveCount(2);
});

test('a damaged or foreign file is refused with a clear message and nothing changes', async ({
	page
}, testInfo) => {
	await createProfile(page, 'Cleo', 'New starter');
	await gotoReady(page, '/your-data/');
	const bad = testInfo.outputPath('not-a-backup.json');
	writeFileSync(bad, '{"format":"records-room-progress","formatVersion":7,"synthetic":true}');
	await page.getByLabel('Choose a Records Room progress file').setInputFiles(bad);
	await expect(page.getByTestId('import-error')).toContainText('newer version of Records Room');
	await expect(page.getByTestId('import-preview')).toHaveCount(0);
	await expectNoAxeViolations(page, 'import error');
	await gotoReady(page, '/profiles/');
	await expect(page.getByTestId('profile-row')).toHaveCount(1);
});

test('when another tab upgrades the database, this tab asks to reload and does not crash', async ({
	page,
	context
}) => {
	await createProfile(page, 'Dev', 'Apprentice');
	const other = await context.newPage();
	await other.goto('/your-data/');
	// Simulate a newer release in the second tab: open the same database at a higher version.
	await other.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('records-room', 10_000);
				req.onupgradeneeded = () => undefined;
				req.onsuccess = () => {
					req.result.close();
					resolve();
				};
				req.onerror = () => reject(req.error);
			})
	);
	await expect(page.getByTestId('reload-banner')).toContainText('Records Room was updated in another tab');
	await expectNoAxeViolations(page, 'reload banner');
});

test('a full disk shows an "export now" message and loses nothing already saved', async ({ page }) => {
	await createProfile(page, 'Eve', 'Apprentice');
	// Inject a quota failure into every IndexedDB write from now on.
	await page.evaluate(() => {
		const fail = function () {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		IDBObjectStore.prototype.add = fail;
		IDBObjectStore.prototype.put = fail;
	});
	await page.getByLabel('Display name').fill('Fay');
	await page.getByLabel('Trainer', { exact: true }).check();
	await page.getByRole('button', { name: 'Create profile' }).click();
	await expect(page.getByTestId('quota-banner')).toContainText('This computer is out of space');
	await expect(page.getByRole('button', { name: 'Export my progress now' })).toBeVisible();
	await page.reload();
	await expect(page.locator('main[data-app-ready="true"]')).toBeVisible();
	await expect(page.getByTestId('profile-row')).toHaveCount(1);
	await expect(page.getByTestId('active-profile')).toContainText('Eve');
});
