import { writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { INDUCTION_MODULES, type InductionModule } from '../../src/lib/learning/induction';
import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';
import { pdfPageTexts } from './pdf';

const first = INDUCTION_MODULES[0];

function optionLabel(m: InductionModule, qi: number, optionId: string) {
	return m.questions[qi].options.find((o) => o.id === optionId)!.text;
}

async function answerCorrectly(page: Page, m: InductionModule) {
	const questions = page.getByTestId('knowledge-question');
	for (const [qi, q] of m.questions.entries()) {
		const box = questions.nth(qi);
		await box.getByLabel(optionLabel(m, qi, q.answer), { exact: true }).check();
		await box.getByRole('button', { name: /Check answer/ }).click();
		await expect(box.getByTestId('question-feedback')).toContainText('Correct.');
	}
}

async function tabUntil(page: Page, target: Locator, max = 80) {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

test('a new starter completes module 1, with one wrong answer, and progress survives a reload', async ({
	page
}) => {
	await createProfile(page, 'Nia', 'New starter');
	await gotoReady(page, '/learn/');
	await expect(page.getByTestId('route-progress')).toContainText('completed 0 of 7 modules');
	await expect(page.getByTestId('module-row')).toHaveCount(INDUCTION_MODULES.length);
	await page.getByTestId('continue-link').click();
	await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
	await expect(page.getByTestId('no-profile-notice')).toHaveCount(0);

	// Reading: a glossary term in the text explains itself when selected.
	const term = page.locator('[data-glossary-term="casenotes"]').first();
	await term.click();
	await expect(term).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByTestId('glossary-definition').filter({ visible: true })).toContainText(
		"The paper folder holding one patient's hospital record"
	);

	// Completing too early is refused with a reason.
	await page.getByRole('button', { name: 'Mark as complete' }).click();
	await expect(page.getByRole('alert')).toContainText('Answer every question');

	// One wrong answer first: feedback with the explanation and handbook section.
	const q1 = page.getByTestId('knowledge-question').first();
	const wrong = first.questions[0].options.find((o) => o.id !== first.questions[0].answer)!;
	await q1.getByLabel(wrong.text, { exact: true }).check();
	await q1.getByRole('button', { name: /Check answer/ }).click();
	const feedback = q1.getByTestId('question-feedback');
	await expect(feedback).toHaveAttribute('aria-live', 'polite');
	await expect(feedback).toContainText('Not quite.');
	await expect(feedback).toContainText(first.questions[0].explanation);
	await expect(feedback).toContainText(`handbook ${first.questions[0].sections.join(', ')}`);
	await expectNoAxeViolations(page, 'module with a term open and wrong-answer feedback');

	await answerCorrectly(page, first);
	await expect(page.getByTestId('check-score')).toContainText(
		`${first.questions.length} of ${first.questions.length}`
	);
	await page.getByRole('button', { name: 'Mark as complete' }).click();
	await expect(page.getByTestId('module-complete')).toContainText('You completed this module');
	await expect(page.getByTestId('complete-announcer')).toContainText(`${first.title} marked as complete`);
	await expect(page.getByRole('link', { name: `Next module: ${INDUCTION_MODULES[1].title}` })).toBeVisible();

	await page.reload();
	await expect(page.locator('main[data-app-ready="true"]')).toBeVisible();
	await expect(page.getByTestId('module-complete')).toBeVisible();
	await gotoReady(page, '/learn/');
	await expect(page.getByTestId('route-progress')).toContainText('completed 1 of 7 modules');
	await expect(page.getByTestId('module-status').first()).toHaveText('Completed');
	await expect(page.getByTestId('continue-link')).toContainText(INDUCTION_MODULES[1].title);
	await gotoReady(page, '/');
	await expect(page.getByTestId('learn-card')).toContainText('You have completed 1 of 7');
});

test('a glossary term is explained and hidden again with the keyboard alone', async ({ page }) => {
	await gotoReady(page, `/learn/module/?id=${first.id}`);
	const term = page.locator('[data-glossary-term]').first();
	await tabUntil(page, term);
	await expect(term).toHaveAttribute('aria-expanded', 'false');
	await page.keyboard.press('Enter');
	await expect(term).toHaveAttribute('aria-expanded', 'true');
	const definitionId = await term.getAttribute('aria-controls');
	await expect(page.locator(`[id="${definitionId}"]`)).toBeVisible();
	// Tab reaches the glossary link inside the explanation, and Escape from there closes it.
	await page.keyboard.press('Tab');
	await expect(page.locator(`[id="${definitionId}"] a`)).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(term).toHaveAttribute('aria-expanded', 'false');
	await expect(term).toBeFocused();
	await expect(page.locator(`[id="${definitionId}"]`)).toBeHidden();
	await page.keyboard.press('Space');
	await expect(term).toHaveAttribute('aria-expanded', 'true');
});

test('the glossary lists terms A-Z, filters them, and links to each term by anchor', async ({ page }) => {
	await gotoReady(page, '/glossary/');
	const count = await page.getByTestId('glossary-entry').count();
	expect(count).toBeGreaterThan(90);
	await expect(page.getByRole('navigation', { name: 'Glossary A to Z' })).toBeVisible();
	await page.getByLabel('Filter terms').fill('tracer');
	await expect(page.getByTestId('glossary-entry').first()).toContainText('Tracer card');
	await expect(page.getByTestId('glossary-count')).toContainText(`of ${count} terms`);
	await page.getByLabel('Filter terms').fill('PAS');
	await expect(page.getByTestId('glossary-entry').first()).toContainText('Patient Administration System');
	await page.getByLabel('Filter terms').fill('qqqq');
	await expect(page.getByTestId('glossary-entry')).toHaveCount(0);
	await expect(page.getByTestId('glossary-count')).toContainText('No terms match "qqqq"');
	await expectNoAxeViolations(page, 'glossary with no matches');
	await page.getByLabel('Filter terms').fill('');
	await expect(page.getByTestId('glossary-entry')).toHaveCount(count);

	await gotoReady(page, '/glossary/#term-pas');
	await expect(page.locator('#term-pas')).toBeInViewport();
	await expect(page.locator('#term-pas')).toContainText('PAS');
});

test('keyboard only: start the route, answer the check and mark module 1 complete', async ({ page }) => {
	await createProfile(page, 'Kit', 'New starter');
	await gotoReady(page, '/learn/');
	await tabUntil(page, page.getByTestId('continue-link'));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
	await expect(page.locator('main[data-app-ready="true"]')).toBeVisible();

	for (const [qi, q] of first.questions.entries()) {
		const box = page.getByTestId('knowledge-question').nth(qi);
		const firstRadio = box.getByRole('radio').first();
		await tabUntil(page, firstRadio);
		// Arrow keys move through a radio group and select as they go.
		const target = q.options.findIndex((o) => o.id === q.answer);
		await page.keyboard.press('Space');
		for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
		await expect(box.getByRole('radio').nth(target)).toBeChecked();
		await page.keyboard.press('Enter');
		await expect(box.getByTestId('question-feedback')).toContainText('Correct.');
	}
	await tabUntil(page, page.getByRole('button', { name: 'Mark as complete' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('module-complete')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Finish this module' })).toBeFocused();
});

test('without a profile the content is readable but the page says progress is not kept', async ({ page }) => {
	await gotoReady(page, '/learn/');
	await expect(page.getByTestId('no-profile-notice')).toContainText('your progress will not be kept');
	await expect(page.getByTestId('no-profile-notice').getByRole('link')).toHaveAttribute(
		'href',
		/\/profiles\/$/
	);
	await gotoReady(page, `/learn/module/?id=${first.id}`);
	await expect(page.getByTestId('no-profile-notice')).toBeVisible();
	await answerCorrectly(page, first);
	await page.getByRole('button', { name: 'Mark as complete' }).click();
	await expect(page.getByTestId('module-finished-unsaved')).toContainText('not kept');
	await gotoReady(page, '/learn/certificate/');
	await expect(page.getByTestId('certificate')).toHaveCount(0);
	await expect(page.getByTestId('no-profile-notice')).toBeVisible();
});

test('an unknown module id says so and links back to the route', async ({ page }) => {
	await gotoReady(page, '/learn/module/?id=no-such-module');
	await expect(page.getByTestId('module-not-found')).toContainText('no-such-module');
	await expectNoAxeViolations(page, 'module not found');
});

test('completing every module gives a printable certificate marked synthetic', async ({ page }, testInfo) => {
	test.setTimeout(120_000);
	await createProfile(page, 'Rowan Example', 'New starter');
	await gotoReady(page, '/learn/certificate/');
	await expect(page.getByTestId('certificate-not-ready')).toContainText('completed 0 of 7');
	for (const m of INDUCTION_MODULES) {
		await gotoReady(page, `/learn/module/?id=${m.id}`);
		await answerCorrectly(page, m);
		await page.getByRole('button', { name: 'Mark as complete' }).click();
		await expect(page.getByTestId('module-complete')).toBeVisible();
	}
	await page.getByRole('link', { name: 'View your certificate' }).click();
	const cert = page.getByTestId('certificate');
	await expect(cert).toBeVisible();
	await expect(page.getByTestId('certificate-name')).toHaveText('Rowan Example');
	await expect(page.getByTestId('certificate-date')).not.toBeEmpty();
	for (const m of INDUCTION_MODULES) await expect(cert).toContainText(m.title);
	await expect(page.getByTestId('certificate-synthetic')).toContainText(
		'All records used in training were synthetic'
	);
	await expectNoAxeViolations(page, 'certificate');

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.nhsuk-header')).toBeHidden();
	await expect(page.locator('.nhsuk-footer')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(page.getByTestId('synthetic-marker')).toBeVisible();
	await expect(cert).toBeVisible();
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	writeFileSync(testInfo.outputPath('certificate.pdf'), pdf);
	if (process.env.CERT_PDF_OUT) writeFileSync(process.env.CERT_PDF_OUT, pdf);
	expect(pdf.byteLength).toBeGreaterThan(10_000);
	// Every printed page carries the marking at its foot (a page margin box, so it is in the PDF's text).
	const pages = pdfPageTexts(pdf).map((t) => t.replace(/\s+/g, ' '));
	expect(pages.length).toBeGreaterThanOrEqual(1);
	for (const text of pages) {
		expect(text).toContain('Synthetic training data — not real patients. Printed from Records Room.');
	}
	expect(pages[0]).toContain('Rowan Example');
});
