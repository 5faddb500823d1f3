import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { isValidNhsNumber } from '../../src/lib/domain/nhs-number';
import { canonicalJson, sha256Hex } from '../../src/lib/db/canonical';
import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

/** Plays the gentle NHS number scenario to the end, getting `wrong` steps wrong on purpose. */
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

async function tabUntil(page: Page, target: Locator, max = 60) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error('Could not reach the element by keyboard');
}

test('feedback links to the rules reference entry for the rule it cites', async ({ page }) => {
	await createProfile(page, 'Rhi');
	await gotoReady(page, '/play/?scenario=nhs-number-check-gentle&seed=5');
	await page.getByRole('button', { name: 'Start' }).click();
	await page.getByLabel(/^Accept/).check();
	await page.getByRole('button', { name: 'Confirm answer' }).click();
	const link = page.getByTestId('feedback').getByTestId('rule-link');
	await expect(link).toHaveAttribute('href', /\/rules\/#rule-nhs\.modulus-11$/);
	await link.click();
	await expect(page).toHaveURL(/\/rules\/#rule-nhs\.modulus-11$/);
	const entry = page.locator('[id="rule-nhs.modulus-11"]');
	await expect(entry).toBeInViewport();
	await expect(entry).toContainText('NHS number check digit (Modulus 11)');
	await expect(entry).toContainText('1.2');
	// LOCAL and UNCERTAIN rules are labelled as such.
	await expect(page.locator('[id="rule-nhs.test-range"]')).toContainText('Uncertain');
	await expect(page.locator('[id="rule-nhs.plausibility"]')).toContainText('Local rule');
	await expectNoAxeViolations(page, 'rules reference');
});

test("the apprentice's path: play, see the outcomes map fill in, sign off and save the evidence pack", async ({
	page
}, testInfo) => {
	await createProfile(page, 'Ama Boateng');
	await gotoReady(page, '/outcomes/');
	const outcome = page.locator('[data-outcome="ihrim.unique-identifiers"]');
	await expect(outcome).toHaveAttribute('data-status', 'not-started');
	await expect(outcome.getByRole('link', { name: 'Spot the wrong NHS number: first go' })).toBeVisible();

	await playGentle(page, 21);
	await expect(page.getByTestId('debrief').getByTestId('rule-link').first()).toBeVisible();
	await playGentle(page, 22, [1, 2, 3, 4]);

	await gotoReady(page, '/progress/');
	await page.getByRole('link', { name: 'Outcomes map' }).click();
	await expect(outcome).toHaveAttribute('data-status', 'covered');
	await expectNoAxeViolations(page, 'outcomes map with attempts');
	await outcome.getByRole('link', { name: /Spot the wrong NHS number: first go, .*100%/ }).click();
	await expect(page.getByTestId('debrief')).toBeVisible();

	await gotoReady(page, '/evidence/');
	await expect(page.getByTestId('synthetic-statement')).toContainText('synthetic training data');
	await expect(page.getByTestId('evidence-attempt')).toHaveCount(2);
	await expect(page.getByTestId('evidence-attempt').first()).toContainText('Passed: 100%');
	await expect(page.getByTestId('evidence-attempt').nth(1)).toContainText('Not passed');

	// Sign-off: a missing date is explained; then entered by keyboard alone.
	await page.getByLabel('Trainer’s name').fill('Dee Trainer');
	await page.getByRole('button', { name: 'Save sign-off' }).click();
	await expect(page.locator('#signoff-error')).toBeFocused();
	await page.getByLabel('Date of sign-off').fill('2026-11-25');
	await page.getByLabel('Comments').focus();
	await page.keyboard.type('Checks NHS numbers accurately.');
	await tabUntil(page, page.getByRole('button', { name: 'Save sign-off' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('signoff-saved')).toContainText(
		'Signed off by Dee Trainer on 25 November 2026'
	);
	await expectNoAxeViolations(page, 'evidence pack');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download as JSON' }).click();
	const file = testInfo.outputPath('evidence.json');
	await (await download).saveAs(file);
	const pack = JSON.parse(readFileSync(file, 'utf8'));
	expect(pack).toMatchObject({ format: 'records-room-evidence-pack', formatVersion: 1, synthetic: true });
	expect(pack.sha256).toBe(await sha256Hex(canonicalJson(pack.data)));
	expect(pack.data.signOff).toEqual({
		name: 'Dee Trainer',
		date: '2026-11-25',
		comments: 'Checks NHS numbers accurately.'
	});
	expect(pack.data.attempts).toHaveLength(2);
	expect(pack.data.attempts[0].decisions.length).toBeGreaterThan(0);

	// Printed, the pack keeps the synthetic statement and the sign-off and drops the buttons.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Download as JSON' })).toBeHidden();
	await expect(page.locator('.nhsuk-header')).toBeHidden();
	await expect(page.getByTestId('synthetic-statement')).toBeVisible();
	await expect(page.getByTestId('signoff')).toContainText('Dee Trainer');
	await page.pdf({ path: testInfo.outputPath('evidence.pdf'), format: 'A4', printBackground: true });
	if (process.env.EVIDENCE_PDF) {
		await page.pdf({ path: process.env.EVIDENCE_PDF, format: 'A4', printBackground: true });
	}
});

test('the mock assessment spreads across families and hands each scenario to the player and back', async ({
	page
}) => {
	await createProfile(page, 'Mo');
	await gotoReady(page, '/assessment/');
	await expect(page.getByTestId('pass-marks')).toContainText('60%');
	await expect(page.getByTestId('pass-marks')).toContainText('80%');
	await page.getByTestId('start-assessment').click();
	await expect(page.locator('#session-heading')).toBeFocused();
	await expectNoAxeViolations(page, 'mock assessment');
	// The session spreads across families; each family's screens have their own journeys, so here we check the
	// hand-over to the player and back. Marking the session is covered by src/lib/scenarios/assessment.spec.ts.
	const items = await page.getByTestId('assessment-item').count();
	expect(items).toBeGreaterThanOrEqual(2);
	await page.getByTestId('next-scenario').click();
	await expect(page.getByTestId('assessment-note')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
	await expectNoAxeViolations(page, 'assessment scenario briefing');
	await page.getByRole('link', { name: 'go back to your mock assessment' }).click();
	await expect(page.getByTestId('assessment-item')).toHaveCount(items);
	await expect(page.getByTestId('assessment-result')).toHaveCount(0);
});
