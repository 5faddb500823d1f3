import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { isValidNhsNumber } from '../../src/lib/domain/nhs-number';
import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

const SCENARIO = 'Spot the wrong NHS number: first go';

async function tabUntil(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
	for (let i = 0; i < 80; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press(key);
	}
	await expect(target).toBeFocused();
}

/**
 * Plays the gentle NHS number check as a trainee would: `careful` answers each number by the Modulus 11 rule;
 * a careless trainee gets every one the wrong way round. Returns how many answers were wrong.
 */
async function playScenario(page: Page, careful: boolean): Promise<number> {
	await gotoReady(page, '/play/?scenario=nhs-number-check-gentle&seed=7');
	await page.getByRole('button', { name: 'Start' }).click();
	let wrong = 0;
	for (let step = 1; step <= 5; step++) {
		await expect(page.locator('#step-heading')).toHaveText(`Step ${step} of 5`);
		const valid = isValidNhsNumber((await page.getByTestId('nhs-number').textContent()) ?? '');
		if (!careful) wrong++;
		const reject = careful ? !valid : valid;
		await page.getByLabel(reject ? /^Reject: the number fails the check/ : /^Accept/).check();
		await page.getByRole('button', { name: 'Confirm answer' }).click();
		if (step === 5) await page.getByRole('button', { name: 'See your results' }).click();
		else await page.getByRole('button', { name: 'Continue to the next step' }).click();
	}
	await expect(page.getByTestId('result')).toBeVisible();
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-saved', 'true');
	return wrong;
}

/** Exports the active profile's full backup from "Your data" and returns the path. */
async function exportBackup(page: Page, testInfo: TestInfo, name: string): Promise<string> {
	await gotoReady(page, '/your-data/');
	await page.getByLabel(`Only ${name}`).check();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export progress to a file' }).click();
	const path = testInfo.outputPath((await download).suggestedFilename());
	await (await download).saveAs(path);
	return path;
}

/** Exports the progress file for a trainer from "Your data", by keyboard, as a trainee would; returns the path. */
async function exportForTrainer(page: Page, testInfo: TestInfo): Promise<string> {
	await gotoReady(page, '/your-data/');
	await tabUntil(page, page.getByRole('button', { name: 'Export a progress file for your trainer' }));
	const download = page.waitForEvent('download');
	await page.keyboard.press('Enter');
	const path = testInfo.outputPath((await download).suggestedFilename());
	await (await download).saveAs(path);
	await expect(page.getByTestId('trainer-export-status')).toContainText('Give it to your trainer');
	return path;
}

test('import real trainee exports, read the figures, drill down, filter and export CSV by keyboard', async ({
	page
}, testInfo) => {
	// Two scenarios played through the UI, two exports and eight axe scans: minutes on a loaded machine.
	test.setTimeout(300_000);
	// Two trainees play the same case on this PC and each exports their own file.
	await createProfile(page, 'Ada Okafor', 'Apprentice');
	expect(await playScenario(page, true)).toBe(0);
	const adaFile = await exportForTrainer(page, testInfo);
	expect(adaFile).toMatch(/records-room-for-trainer-ada-okafor-\d{4}-\d{2}-\d{2}\.json$/);
	await expectNoAxeViolations(page, 'your data after the trainer export');
	// The trainer file is not a backup: restoring it is refused with a plain reason and nothing changes.
	await page.getByLabel('Choose a Records Room progress file').setInputFiles(adaFile);
	await expect(page.getByTestId('import-error')).toContainText('progress file for your trainer');
	await expect(page.getByTestId('import-error')).toContainText('not a backup');
	await expect(page.getByTestId('import-preview')).toHaveCount(0);
	// Only results and decisions travel: no cases, saved snapshots or event logs.
	const adaText = readFileSync(adaFile, 'utf8');
	for (const left of ['"case"', '"snapshot"', '"event"', '"choices"']) expect(adaText).not.toContain(left);
	await createProfile(page, 'Ben Price', 'New starter');
	expect(await playScenario(page, false)).toBe(5);
	const benFile = await exportForTrainer(page, testInfo);
	const benBackup = await exportBackup(page, testInfo, 'Ben Price');

	// A third file was edited after export (the name changed): its checksum no longer matches.
	const tampered = testInfo.outputPath('tampered-progress.json');
	writeFileSync(tampered, readFileSync(adaFile, 'utf8').replace('"Ada Okafor"', '"Ada Okafor-Smith"'));
	const foreign = testInfo.outputPath('class-list.json');
	writeFileSync(foreign, JSON.stringify({ format: 'class-list', names: ['Ada'] }));

	// The trainer opens the dashboard behind the PIN.
	await createProfile(page, 'Tess Trainer', 'Trainer');
	await gotoReady(page, '/trainer/');
	await page.getByLabel('New PIN', { exact: true }).fill('2580');
	await page.getByLabel('Type the new PIN again').fill('2580');
	await page.getByRole('button', { name: 'Set PIN' }).click();
	await expect(page.getByTestId('unlocked-status')).toBeVisible();
	await tabUntil(page, page.getByRole('link', { name: 'Cohort dashboard' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Cohort dashboard' })).toBeVisible();
	await expect(page.getByTestId('cohort-empty')).toBeVisible();
	await expectNoAxeViolations(page, 'empty dashboard');

	// The file chooser is the browser's own dialog: reach the control by keyboard, then hand it the files.
	const picker = page.getByLabel("Choose trainees' progress files");
	await tabUntil(page, picker);
	await picker.setInputFiles([adaFile, benFile, tampered, foreign]);
	const report = page.getByTestId('cohort-import-report');
	await expect(report).toBeFocused();
	await expect(page.getByTestId('cohort-import-result')).toContainText('2 files added (2 attempts)');
	await expect(page.getByTestId('cohort-import-result')).toContainText('2 files were refused');
	const refused = page.getByTestId('cohort-import-refused');
	await expect(refused).toContainText('tampered-progress.json');
	await expect(refused).toContainText('changed or damaged since it was exported');
	await expect(refused).toContainText('class-list.json');
	await expect(refused).toContainText('not a Records Room progress file');
	await expect(page.getByTestId('cohort-announcer')).toContainText('2 added, 0 already here, 2 refused');
	await expectNoAxeViolations(page, 'import report');

	// Importing the same file again does not double count; nor does Ben's full backup, which is still accepted.
	await picker.setInputFiles([benFile]);
	await expect(page.getByTestId('cohort-import-result')).toContainText('already imported');
	await picker.setInputFiles([benBackup]);
	await expect(page.getByTestId('cohort-import-result')).toContainText('1 file added (1 attempt)');
	await expect(page.getByTestId('cohort-totals')).toHaveText(
		'2 trainees with attempts, 2 attempts (2 finished, 1 passed).'
	);

	// Trainees: Ada passed with every outcome the case evidences; Ben did not pass.
	const table = page.getByTestId('cohort-table');
	const views = page.getByRole('navigation', { name: 'Dashboard views' });
	const row = (name: string) => table.getByRole('row').filter({ hasText: name });
	await expect(row('Ada Okafor').getByRole('cell').nth(2)).toHaveText('1');
	await expect(row('Ada Okafor').getByRole('cell').nth(3)).toHaveText('100');
	await expect(row('Ben Price').getByRole('cell').nth(2)).toHaveText('0');
	await expect(page.getByTestId('trainee-scores-description')).toContainText('2 trainees');
	await expectNoAxeViolations(page, 'trainees view');

	// Scenarios, by keyboard.
	await tabUntil(page, views.getByRole('link', { name: 'Scenarios' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('cohort-view')).toHaveAttribute('data-view', 'scenarios');
	const scenarioRow = table.getByRole('row').filter({ hasText: SCENARIO });
	await expect(scenarioRow.getByRole('cell').nth(1)).toHaveText('2'); // trainees
	await expect(scenarioRow.getByRole('cell').nth(5)).toHaveText('50'); // pass rate
	await expect(page.getByTestId('scenario-pass-description')).toContainText(`${SCENARIO}, 50%`);
	await expectNoAxeViolations(page, 'scenarios view');

	// Decision points: each of the five steps answered twice, wrong once (Ben's), with Ben's choice named.
	await tabUntil(page, views.getByRole('link', { name: 'Decision points' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('cohort-view')).toHaveAttribute('data-view', 'decisions');
	await expect(table.getByRole('row')).toHaveCount(1 + 5);
	for (let i = 1; i <= 5; i++) {
		const cells = table.getByRole('row').nth(i).getByRole('cell');
		await expect(cells.nth(3)).toHaveText('2'); // answered
		await expect(cells.nth(4)).toHaveText('1'); // wrong
		await expect(cells.nth(6)).toHaveText(/^(Accept|Reject)/); // the wrong choice
	}
	await expectNoAxeViolations(page, 'decision points view');

	// CSV of the table on screen.
	await tabUntil(page, page.getByRole('button', { name: 'Download this table as CSV' }));
	const download = page.waitForEvent('download');
	await page.keyboard.press('Enter');
	const csvPath = testInfo.outputPath('decisions.csv');
	await (await download).saveAs(csvPath);
	const csv = readFileSync(csvPath, 'utf8')
		.replace(/^\ufeff/, '')
		.split('\r\n');
	expect(csv[0]).toContain('synthetic training data');
	expect(csv[1]).toMatch(/^Scenario,Step,Rule,Handbook,Answered,Wrong/);
	expect(csv.filter((l) => l.startsWith(SCENARIO))).toHaveLength(5);

	// Filter: assessment only leaves nothing; clearing brings the figures back.
	await tabUntil(page, page.getByLabel('Mode'), 'Shift+Tab');
	await page.getByLabel('Mode').selectOption('assessment');
	await expect(page.getByTestId('cohort-totals')).toContainText('0 attempts');
	await tabUntil(page, page.getByRole('button', { name: 'Clear filters' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('cohort-totals')).toContainText('2 attempts (2 finished, 1 passed)');
	await page.getByLabel('Started on or after').fill('2099-01-01');
	await expect(page.getByTestId('cohort-totals')).toContainText('0 attempts');
	await page.getByRole('button', { name: 'Clear filters' }).click();

	// Drill down to Ben's debrief.
	await tabUntil(page, views.getByRole('link', { name: 'Trainees' }), 'Shift+Tab');
	await page.keyboard.press('Enter');
	await tabUntil(page, table.getByRole('link', { name: 'Ben Price' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('trainee-heading')).toHaveText('Ben Price');
	await expect(page.getByTestId('trainee-outcomes')).toContainText('Not yet');
	await tabUntil(
		page,
		page.getByTestId('trainee-attempts').getByRole('link', { name: new RegExp(SCENARIO) })
	);
	await page.keyboard.press('Enter');
	const debrief = page.getByTestId('debrief');
	await expect(debrief.getByRole('heading', { name: "Ben Price's results" })).toBeVisible();
	await expect(debrief.getByTestId('result')).toContainText('Not passed');
	await expect(debrief.getByTestId('decision')).toHaveCount(5);
	await expect(debrief).toContainText('handbook 1.2');
	await expect(debrief.getByRole('button', { name: 'Try the same case again' })).toHaveCount(0);
	await expectNoAxeViolations(page, 'trainee debrief');

	// Back to the cohort: remove a file, then clear.
	await page.getByRole('link', { name: 'Back to the whole cohort' }).click();
	await page.getByRole('button', { name: /^Remove records-room-for-trainer-ben-price/ }).click();
	await page.getByRole('button', { name: /^Remove records-room-progress-ben-price/ }).click();
	await expect(page.getByTestId('cohort-totals')).toContainText('1 trainee with attempts, 1 attempt');

	// Another trainer on this computer has a cohort of their own: Tess's file is not theirs to see or clear.
	await createProfile(page, 'Theo Trainer', 'Trainer');
	await gotoReady(page, '/trainer/');
	await page.getByLabel('New PIN', { exact: true }).fill('1357');
	await page.getByLabel('Type the new PIN again').fill('1357');
	await page.getByRole('button', { name: 'Set PIN' }).click();
	await expect(page.getByTestId('unlocked-status')).toBeVisible();
	await gotoReady(page, '/trainer/cohort/');
	await expect(page.getByTestId('cohort-owner')).toContainText(
		'another trainer on this computer has their own'
	);
	await expect(page.getByTestId('cohort-empty')).toBeVisible();
	await gotoReady(page, '/profiles/');
	await page.getByRole('button', { name: 'Switch to Tess Trainer' }).click();
	await expect(page.getByTestId('active-profile')).toContainText('Tess Trainer');
	await gotoReady(page, '/trainer/');
	await page.getByLabel('PIN', { exact: true }).fill('2580');
	await page.getByRole('button', { name: 'Unlock' }).click();
	await expect(page.getByTestId('unlocked-status')).toBeVisible();
	await gotoReady(page, '/trainer/cohort/');
	await expect(page.getByTestId('cohort-totals')).toContainText('1 trainee with attempts, 1 attempt');

	await page.getByRole('button', { name: 'Clear the cohort' }).click();
	await expectNoAxeViolations(page, 'clear confirmation');
	await page.getByRole('button', { name: 'Yes, clear the cohort' }).click();
	await expect(page.getByTestId('cohort-empty')).toBeVisible();
});

test('the dashboard stays locked without the trainer PIN', async ({ page }) => {
	await createProfile(page, 'Cara', 'Apprentice');
	await gotoReady(page, '/trainer/cohort/');
	await expect(page.getByTestId('trainer-locked')).toBeVisible();
	await expect(page.getByLabel("Choose trainees' progress files")).toHaveCount(0);
});
