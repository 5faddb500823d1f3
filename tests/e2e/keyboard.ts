import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Keyboard-only helpers (issue 12: "each path works by keyboard alone"). Nothing here clicks or fills: focus moves
 * with Tab (or Shift+Tab), and controls are used with Enter, Space, arrows and typed characters, as a person
 * without a mouse would.
 */

async function isFocused(target: Locator): Promise<boolean> {
	return target.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses Tab until the target has focus; Shift+Tab when `back` (for a control above the focus). */
export async function tabTo(page: Page, target: Locator, { max = 150, back = false } = {}) {
	for (let i = 0; i < max; i++) {
		if (await isFocused(target)) return;
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	await expect(target, 'reached by keyboard').toBeFocused();
}

/** Reaches a control from wherever focus is: forwards first, then backwards, wrapping through the page. */
export async function reach(page: Page, target: Locator) {
	await expect(target).toBeVisible();
	// Cheaper than a full lap: try forwards, and if the control lies behind the focus, go back.
	const behind = await target.evaluate((el) => {
		const a = document.activeElement;
		return !!a && a !== document.body && !!(a.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
	});
	await tabTo(page, target, { back: behind });
}

export async function press(page: Page, target: Locator, key = 'Enter') {
	await reach(page, target);
	await page.keyboard.press(key);
}

/** Selects a radio button by keyboard: Space on the first of its group, then arrows to it. */
export async function chooseRadio(page: Page, group: Locator, index: number) {
	const radios = group.getByRole('radio');
	await reach(page, radios.first());
	await page.keyboard.press('Space');
	for (let k = 0; k < index; k++) await page.keyboard.press('ArrowDown');
	await expect(radios.nth(index)).toBeChecked();
}

export async function tick(page: Page, box: Locator) {
	if (await box.isChecked()) return;
	await reach(page, box);
	await page.keyboard.press('Space');
	await expect(box).toBeChecked();
}

/** Types into a field reached by Tab; date fields take digits in the browser's own order, so 1 January is safe. */
export async function typeInto(page: Page, field: Locator, text: string) {
	await reach(page, field);
	const type = await field.getAttribute('type');
	if (type === 'date') return page.keyboard.type('01012026');
	if (type === 'datetime-local') return page.keyboard.type('010120260900A');
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type(text);
}

const SUBMIT = /^(Confirm answer|Confirm|File the sheet|Shelve the folder|Finish the shelf check)$/;

/** What changes when an answer is taken: the step heading, feedback, the debrief or an error message. */
async function screenSignature(page: Page): Promise<string> {
	return page.evaluate(() =>
		[
			document.querySelector('#step-heading')?.textContent,
			document.querySelector('#continue-button') ? 'feedback' : '',
			document.querySelector('[data-testid="debrief"]') ? 'debrief' : '',
			document.querySelector('[role="alert"]')?.textContent ?? '',
			document.querySelector('[data-testid="step"]')?.textContent?.length
		].join('|')
	);
}

async function visible(l: Locator): Promise<boolean> {
	return l.isVisible().catch(() => false);
}

/**
 * Answers whatever step the player shows, by keyboard, for any scenario family: identification, filing,
 * retrieval, data protection and phone. It need not answer well, only move on: it takes the way out each screen
 * offers ("I cannot find this patient", "set it aside", the first place on a shelf), picks the first option of every
 * question, and types placeholder text into fields. Returns once the screen has moved on.
 */
export async function answerStepByKeyboard(page: Page) {
	const step = page.getByTestId('step');
	const before = await screenSignature(page);
	const button = (name: string | RegExp) =>
		step.getByRole('button', { name, exact: typeof name === 'string' });

	const cont = page.locator('#continue-button');
	if (await visible(cont)) return press(page, cont);

	// Retrieval: the way out when the patient is not found (no PAS search needed to finish).
	for (const name of ['I cannot find this patient on the PAS', 'Yes, register a new patient']) {
		if (await visible(button(name))) return press(page, button(name));
	}
	if (await visible(button('No record found: register a new patient'))) {
		await press(page, button('No record found: register a new patient'));
		return press(page, button('Yes, register a new patient'));
	}

	// Loose filing, first part: set the sheet aside with a reason (filing needs the folder opened first).
	const setAside = step.getByLabel('Do not file it: set it aside to return to the sender');
	if (await visible(setAside)) {
		await tick(page, setAside);
		await tick(page, step.getByLabel('An identifier is missing from the sheet'));
	}
	// Shelving and loose filing, placing: a bay or section, then the first place in it.
	const bay = step.locator('.app-bay-button');
	if (
		(await visible(bay.first())) &&
		(await step.locator('.app-bay-button[aria-pressed="true"]').count()) === 0
	)
		await press(page, bay.first());
	for (const name of [/^Shelve in section/, /^File in this section/]) {
		if (await visible(button(name).first())) await press(page, button(name).first());
	}
	const slot = step.locator('.app-slot__button');
	if (await visible(slot.first())) await press(page, slot.first());

	// Any question still unanswered: the first option of each radio group, placeholder text in empty fields.
	const names = await step
		.locator('input[type="radio"]:visible')
		.evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
	for (const name of names) {
		const group = step.locator(`input[type="radio"][name="${name}"]`);
		if ((await group.evaluateAll((els) => els.some((e) => (e as HTMLInputElement).checked))) === false) {
			await reach(page, group.first());
			await page.keyboard.press('Space');
		}
	}
	const fields = step.locator(
		'form input[type="text"]:visible, form input[type="date"]:visible, form input[type="datetime-local"]:visible, form input[type="tel"]:visible, form textarea:visible'
	);
	for (let i = 0; i < (await fields.count()); i++) {
		const f = fields.nth(i);
		if ((await f.inputValue()) === '' && !(await f.evaluate((el) => el.closest('[data-testid^="pas"]'))))
			await typeInto(page, f, 'Test');
	}

	const submit = button(SUBMIT);
	if (await visible(submit.first())) await press(page, submit.first());
	await expect
		.poll(() => screenSignature(page), { message: `the step moved on (was ${before})`, timeout: 5_000 })
		.not.toBe(before);

	// A screen that refused the answer asks for something the generic pass did not give: tick the first box
	// of each unticked checkbox group and try again.
	const error = step.getByRole('alert');
	if (await visible(error)) {
		const boxes = step.locator('input[type="checkbox"]:visible');
		for (let i = 0; i < (await boxes.count()); i++) await tick(page, boxes.nth(i));
		if (await visible(submit.first())) await press(page, submit.first());
	}
}

/** Plays from the briefing to the debrief by keyboard alone. */
export async function playToDebriefByKeyboard(page: Page, maxSteps = 80) {
	await press(page, page.getByRole('button', { name: 'Start' }));
	const debrief = page.getByTestId('debrief');
	for (let i = 0; i < maxSteps; i++) {
		if (await visible(debrief)) return;
		await expect(page.getByTestId('step').or(debrief)).toBeVisible();
		if (await visible(debrief)) return;
		await answerStepByKeyboard(page);
	}
	await expect(debrief).toBeVisible();
}
