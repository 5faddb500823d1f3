import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { isValidNhsNumber } from '../../src/lib/domain/nhs-number';
import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

async function trainerUnlocked(page: Page, name = 'Ben') {
	await createProfile(page, name, 'Trainer');
	await gotoReady(page, '/trainer/');
	await page.getByLabel('New PIN', { exact: true }).fill('2580');
	await page.getByLabel('Type the new PIN again').fill('2580');
	await page.getByRole('button', { name: 'Set PIN' }).click();
	await expect(page.getByTestId('unlocked-status')).toBeVisible();
}

async function publishCopy(page: Page, from: string, id: string, title: string, items?: number) {
	await gotoReady(page, `/trainer/scenarios/edit/?from=${from}`);
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Scenario id').fill(id);
	if (items) await page.getByLabel('Items').fill(String(items));
	await page.getByRole('button', { name: 'Save and publish' }).click();
	await expect(page.getByTestId('editor-status')).toContainText('Published, version 1');
}

async function keyPress(target: Locator, key = 'Enter') {
	await target.focus();
	await target.press(key);
}

/** Plays an NHS number check from the link given, by keyboard, judging each number by the Modulus 11 rule. */
async function playNumbersCheck(page: Page, link: Locator, steps: number) {
	await keyPress(link);
	await keyPress(page.getByRole('button', { name: 'Start' }));
	for (let step = 1; step <= steps; step++) {
		await expect(page.locator('#step-heading')).toHaveText(`Step ${step} of ${steps}`);
		const valid = isValidNhsNumber((await page.getByTestId('nhs-number').textContent()) ?? '');
		await keyPress(page.getByLabel(valid ? /^Accept/ : /^Reject: the number fails the check/), 'Space');
		await keyPress(page.getByRole('button', { name: 'Confirm answer' }));
		await keyPress(
			page.getByRole('button', { name: step === steps ? 'See your results' : 'Continue to the next step' })
		);
	}
	await expect(page.getByTestId('result')).toBeVisible();
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-saved', 'true');
	await gotoReady(page, '/progress/');
}

async function joinWithCode(page: Page, code: string) {
	await gotoReady(page, '/scenarios/');
	const box = page.getByLabel('Join a class session');
	await box.fill(code);
	await box.press('Enter');
}

test('export a signed pack, check it and import it on another computer, then join its class session by code', async ({
	page,
	browser
}, testInfo) => {
	test.setTimeout(180_000);
	await trainerUnlocked(page);
	await publishCopy(page, 'nhs-number-check-gentle', 'ward-7-letters', 'Ward 7 letters');

	// The trainer's class code for case 42 of the new scenario.
	await gotoReady(page, '/trainer/');
	await page.getByRole('link', { name: 'Run a class session' }).click();
	await page.getByLabel('Scenario').selectOption('ward-7-letters');
	await page.getByLabel('Case number').fill('42');
	await expect(page.getByTestId('class-link')).toContainText('/play/?scenario=ward-7-letters&seed=42');
	const code = (await page.getByTestId('class-code').textContent())!.trim();
	expect(code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/);
	await expectNoAxeViolations(page, 'class session page');

	// An assignment to go with it.
	await gotoReady(page, '/trainer/assignments/');
	await page.getByRole('button', { name: 'Set a new assignment' }).click();
	await page.getByLabel('Title').fill('Ward 7 practice');
	await page.getByLabel('Due date (optional)').fill('2099-01-15');
	await page.getByLabel('Scenario to add').selectOption('ward-7-letters');
	await page.getByRole('button', { name: 'Add scenario' }).click();
	await page.getByRole('button', { name: 'Save assignment' }).click();
	await expect(page.getByTestId('assignment-list')).toContainText('Not set for anyone yet');

	// Export, signed with the trainer's key.
	await gotoReady(page, '/trainer/packs/');
	const fingerprint = (await page.getByTestId('own-fingerprint').textContent())!.trim();
	await page.getByLabel('Name of the pack').fill('Induction week 1');
	await page.getByLabel(/Ward 7 letters/).check();
	await page.getByLabel('Ward 7 practice').check();
	await expectNoAxeViolations(page, 'export form');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export signed pack' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(
		/^records-room-pack-induction-week-1-\d{4}-\d{2}-\d{2}\.json$/
	);
	const packPath = testInfo.outputPath('pack.json');
	await download.saveAs(packPath);
	await expect(page.getByTestId('pack-exported')).toContainText('1 scenario and 1 assignment');

	// Another computer: a fresh browser with a fresh trainee profile.
	const other = await browser.newContext();
	const trainee = await other.newPage();
	await createProfile(trainee, 'Cara', 'New starter');

	// Before the pack, the code names a scenario this computer does not have, and says what to do.
	await joinWithCode(trainee, code);
	await expect(trainee.getByTestId('class-code-error')).toContainText('not on this computer');
	await expect(trainee.getByTestId('class-code-error')).toContainText('scenario pack');
	await expectNoAxeViolations(trainee, 'class code error');

	// A tampered copy is shown as changed and refused.
	const tampered = testInfo.outputPath('tampered.json');
	writeFileSync(tampered, readFileSync(packPath, 'utf8').replace('"passMark": 60', '"passMark": 10'));
	await gotoReady(trainee, '/packs/');
	await trainee.getByLabel('Choose the scenario pack file').setInputFiles(tampered);
	await expect(trainee.getByTestId('pack-signature')).toHaveAttribute('data-status', 'changed');
	await expect(trainee.getByRole('alert')).toContainText('changed after it was signed');
	await expect(trainee.getByTestId('pack-fingerprint')).toContainText(fingerprint);
	await expect(trainee.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	await expectNoAxeViolations(trainee, 'tampered pack');

	// The real pack: signed by Ben, unchanged, and what it adds is listed before anything is written.
	await trainee.getByLabel('Choose the scenario pack file').setInputFiles(packPath);
	const signature = trainee.getByTestId('pack-signature');
	await expect(signature).toHaveAttribute('data-status', 'valid');
	await expect(signature).toContainText('Signed, not changed');
	await expect(trainee.getByTestId('pack-signer')).toHaveText('Ben');
	await expect(trainee.getByTestId('pack-fingerprint')).toContainText(fingerprint);
	await expect(trainee.getByTestId('pack-plan-scenarios')).toContainText('Ward 7 letters');
	await expect(trainee.getByTestId('pack-plan-scenarios')).toContainText('Will be added');
	await expect(trainee.getByTestId('pack-plan-assignments')).toContainText('Will be added, and set for Cara');
	await expectNoAxeViolations(trainee, 'pack check');
	const importButton = trainee.getByRole('button', { name: 'Import 2 items' });
	await importButton.focus();
	await trainee.keyboard.press('Enter');
	await expect(trainee.getByTestId('pack-imported')).toContainText(
		'Added or updated 1 scenario and 1 assignment'
	);
	await expectNoAxeViolations(trainee, 'pack imported');

	await gotoReady(trainee, '/progress/');
	await expect(trainee.getByTestId('my-assignment')).toContainText('Ward 7 practice');
	await expect(trainee.getByTestId('my-assignment')).toContainText('Due 15 January 2099');

	// Importing the same pack again changes nothing.
	await gotoReady(trainee, '/packs/');
	await trainee.getByLabel('Choose the scenario pack file').setInputFiles(packPath);
	await expect(trainee.getByTestId('pack-plan-scenarios')).toContainText('Already here: no change');
	await expect(trainee.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();

	// A mistyped code is caught; the right one, typed sloppily, opens the same case.
	const typo = code.slice(0, 4) + (code[4] === '7' ? '8' : '7') + code.slice(5);
	await joinWithCode(trainee, typo);
	await expect(trainee.getByTestId('class-code-error')).toContainText('typing mistake');
	await joinWithCode(trainee, ` ${code.toLowerCase().replace(/-/g, ' ')} `);
	await expect(trainee).toHaveURL(/\/play\/\?scenario=ward-7-letters&seed=42/);
	await expect(trainee.getByRole('heading', { level: 1 })).toHaveText('Ward 7 letters');
	await other.close();
});

test('a class code for a built-in scenario works by keyboard alone', async ({ page }) => {
	await trainerUnlocked(page);
	await gotoReady(page, '/trainer/class/');
	await page.getByLabel('Scenario').selectOption('loose-filing-gentle');
	await page.getByLabel('Case number').fill('7');
	const code = (await page.getByTestId('class-code').textContent())!.trim();
	await createProfile(page, 'Dev', 'Apprentice');
	await gotoReady(page, '/scenarios/');
	await page.getByLabel('Join a class session').focus();
	await page.keyboard.type(code);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/scenario=loose-filing-gentle&seed=7/);
});

test('a trainer sets an ordered assignment; the trainee sees it with its due date and status', async ({
	page
}) => {
	test.setTimeout(120_000);
	await createProfile(page, 'Cara', 'New starter');
	await trainerUnlocked(page);
	await gotoReady(page, '/trainer/');
	await page.getByRole('link', { name: 'Set assignments' }).click();
	await expect(page.getByTestId('no-assignments')).toBeVisible();
	await page.getByRole('button', { name: 'Set a new assignment' }).click();
	await expect(page.getByLabel('Title')).toBeFocused();
	await page.keyboard.type('Week 1: identification');
	await page.getByLabel('Due date (optional)').fill('2099-12-04');
	await page.getByLabel('Finished, whatever the score').check();
	const add = page.getByLabel('Scenario to add');
	await add.selectOption('nhs-number-check-gentle');
	await page.getByRole('button', { name: 'Add scenario' }).click();
	await add.selectOption('loose-filing-gentle');
	await page.getByRole('button', { name: 'Add scenario' }).click();
	await page.getByRole('spinbutton', { name: /Case number for Spot the wrong NHS number/ }).fill('5');
	// Reorder by keyboard: the filing scenario moves to the top, and focus stays with it.
	await page.getByRole('button', { name: /Move up .*filing/i }).focus();
	await page.keyboard.press('Enter');
	const items = page.getByTestId('assignment-items').locator('li');
	await expect(items.first()).toContainText(/filing/i);
	await expect(page.getByTestId('assignment-announcer')).toContainText('moved to position 1');
	await page.getByLabel('Cara').check();
	await expectNoAxeViolations(page, 'assignment form');
	await page.getByRole('button', { name: 'Save assignment' }).click();
	await expect(page.getByTestId('assignment-list')).toContainText('Week 1: identification');
	await expect(page.getByTestId('assignment-list')).toContainText('Set for Cara');
	await expectNoAxeViolations(page, 'assignment list');

	// An empty save explains itself next to the fields.
	await page.getByRole('button', { name: 'Set a new assignment' }).click();
	await page.getByRole('button', { name: 'Save assignment' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter a title');
	await expect(page.getByRole('alert')).toContainText('Add at least one scenario');
	await page.getByRole('button', { name: 'Cancel' }).click();

	await gotoReady(page, '/profiles/');
	await page.getByRole('button', { name: 'Switch to Cara' }).click();
	await expect(page.getByTestId('active-profile')).toContainText('Cara');
	await gotoReady(page, '/progress/');
	const card = page.getByTestId('my-assignment');
	await expect(card).toContainText('Week 1: identification');
	await expect(card).toContainText('Not started');
	await expect(card).toContainText('Due 4 December 2099');
	await expect(card).toContainText('0 of 2 done');
	await expect(card.locator('li').first()).toContainText(/filing/i);
	await expect(card.getByRole('link', { name: /Spot the wrong NHS number/ })).toHaveAttribute(
		'href',
		/scenario=nhs-number-check-gentle&seed=5/
	);
	await expectNoAxeViolations(page, 'trainee assignments');
});

test('a trainee plays an assignment to done; it shows as overdue while work is left after the due date', async ({
	page
}) => {
	test.setTimeout(120_000);
	// The browser's clock, fixed at midday so the local date is the same in any time zone a runner uses.
	await page.clock.setFixedTime('2026-12-10T12:00:00Z');
	await createProfile(page, 'Cara', 'New starter');
	await trainerUnlocked(page);
	await publishCopy(page, 'nhs-number-check-gentle', 'two-numbers-a', 'Two numbers: A', 2);
	await publishCopy(page, 'nhs-number-check-gentle', 'two-numbers-b', 'Two numbers: B', 2);

	await gotoReady(page, '/trainer/assignments/');
	await page.getByRole('button', { name: 'Set a new assignment' }).click();
	await page.getByLabel('Title').fill('Numbers, then more numbers');
	await page.getByLabel('Due date (optional)').fill('2026-12-11');
	await page.getByLabel('Passed (at or above its pass mark)').check();
	for (const id of ['two-numbers-a', 'two-numbers-b']) {
		await page.getByLabel('Scenario to add').selectOption(id);
		await page.getByRole('button', { name: 'Add scenario' }).click();
	}
	await page.getByLabel('Cara').check();
	await page.getByRole('button', { name: 'Save assignment' }).click();
	await expect(page.getByTestId('assignment-list')).toContainText('done when passed. Set for Cara.');

	await gotoReady(page, '/profiles/');
	await page.getByRole('button', { name: 'Switch to Cara' }).click();
	await gotoReady(page, '/progress/');
	const card = page.getByTestId('my-assignment');
	const items = card.locator('li');
	await expect(card).toHaveAttribute('data-state', 'not-started');
	await expect(card).toContainText('Due 11 December 2026 (in 1 day). 0 of 2 done.');
	await expect(card).toContainText('counts as done when you have passed it');

	await playNumbersCheck(page, card.getByRole('link', { name: 'Two numbers: A' }), 2);
	await expect(items.nth(0)).toHaveAttribute('data-state', 'done');
	await expect(items.nth(1)).toHaveAttribute('data-state', 'not-started');
	await expect(card).toHaveAttribute('data-state', 'in-progress');

	// The due date passes with one scenario left.
	await page.clock.setFixedTime('2026-12-12T12:00:00Z');
	await page.reload();
	await expect(card).toHaveAttribute('data-state', 'overdue');
	await expect(card.locator('.nhsuk-tag')).toHaveText('Overdue');
	await expect(card).toContainText('Was due 11 December 2026 (1 day ago). 1 of 2 done.');
	// The whole page is scanned in the test above; the card's new states are scanned here.
	await expectNoAxeViolations(page, 'overdue assignment', '[data-testid="my-assignments"]');

	await playNumbersCheck(page, card.getByRole('link', { name: 'Two numbers: B' }), 2);
	await expect(items.nth(1)).toHaveAttribute('data-state', 'done');
	await expect(card).toHaveAttribute('data-state', 'done');
	await expect(card.locator('.nhsuk-tag')).toHaveText('Done');
	await expect(card).toContainText('Was due 11 December 2026. 2 of 2 done.');
	await expectNoAxeViolations(page, 'assignment done', '[data-testid="my-assignments"]');
});

test("a trainer's preview is marked as one and left out of progress", async ({ page }) => {
	await trainerUnlocked(page);
	await publishCopy(page, 'nhs-number-check-gentle', 'ward-9-letters', 'Ward 9 letters');
	await expect(page.getByTestId('editor-class-code')).toHaveText(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/);
	await page.getByRole('link', { name: 'Preview as a trainee' }).click();
	await expect(page.getByTestId('preview-banner')).toContainText('does not count towards');
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(page.getByTestId('briefing')).toHaveCount(0);
	await gotoReady(page, '/progress/');
	await expect(page.getByTestId('no-attempts')).toBeVisible();
});
