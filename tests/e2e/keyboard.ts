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

/**
 * How many Tab (or Shift+Tab) presses take focus from where it is to the target, counted in the page from the
 * sequential focus order (tabindex 0 and native controls, visible, enabled; one stop per radio group).
 */
async function tabDistance(target: Locator): Promise<{ presses: number; back: boolean } | null> {
	return target
		.evaluate((el) => {
			const sel = 'a[href], button, input, select, textarea, summary, [tabindex]';
			const stops = [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => {
				if (e.tabIndex < 0 || (e as HTMLInputElement).disabled || e.closest('[hidden], [inert]'))
					return false;
				if (!e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') return false;
				if (e instanceof HTMLInputElement && e.type === 'radio' && !e.checked) {
					const group = document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${e.name}"]`);
					const anyChecked = [...group].some((r) => r.checked);
					return !anyChecked && group[0] === e;
				}
				return true;
			});
			const ti = stops.indexOf(el as HTMLElement);
			if (ti < 0) return null;
			const active = document.activeElement;
			const ai = active ? stops.indexOf(active as HTMLElement) : -1;
			if (ai >= 0) return ti >= ai ? { presses: ti - ai, back: false } : { presses: ai - ti, back: true };
			// Focus on something outside the order (a heading given focus, or the page): count from its position.
			const k =
				!active || active === document.body
					? 0
					: stops.filter((s) => s.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING).length;
			return ti >= k ? { presses: ti - k + 1, back: false } : { presses: k - ti, back: true };
		})
		.catch(() => null);
}

/** Presses Tab until the target has focus (Shift+Tab when it lies behind), as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, { max = 400, back = false } = {}) {
	// Counted presses, counted again from where they land: the count does not model every stop (Chromium also
	// stops on scrollable regions that hold no control), so a second count closes the gap.
	for (let round = 0; round < 4; round++) {
		if (await isFocused(target)) return;
		const d = await tabDistance(target);
		if (!d || d.presses === 0) break;
		for (let i = 0; i < d.presses; i++) await page.keyboard.press(d.back ? 'Shift+Tab' : 'Tab');
		back = d.back;
	}
	// Still not there: step and look after each press.
	for (let i = 0; i < max; i++) {
		if (await isFocused(target)) return;
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	await expect(target, 'reached by keyboard').toBeFocused();
}

/** Reaches a control from wherever focus is, by Tab or Shift+Tab. */
export async function reach(page: Page, target: Locator) {
	await expect(target).toBeVisible();
	await tabTo(page, target);
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

/**
 * Ticks a checkbox, or selects a radio button. A radio group is one Tab stop (the checked radio, else the first),
 * so a radio is reached through its group and then the arrow keys, as a keyboard user would.
 */
export async function tick(page: Page, box: Locator) {
	if (await box.isChecked()) return;
	if ((await box.getAttribute('type')) === 'radio') {
		const name = await box.getAttribute('name');
		const group = page.locator(`input[type="radio"][name="${name}"]`);
		const checked = group.locator(':scope:checked');
		if ((await checked.count()) > 0) await reach(page, checked.first());
		else {
			await reach(page, group.first());
			await page.keyboard.press('Space');
		}
		for (let i = 0; i < 20 && !(await box.isChecked()); i++) await page.keyboard.press('ArrowDown');
	} else {
		await reach(page, box);
		await page.keyboard.press('Space');
	}
	await expect(box).toBeChecked();
}

/** Types into a field reached by Tab; date fields take digits in the browser's own order, so 1 January is safe. */
export async function typeInto(page: Page, field: Locator, text: string) {
	await reach(page, field);
	const type = await field.getAttribute('type');
	if (type === 'date') return page.keyboard.type('01012026');
	if (type === 'datetime-local') {
		// The year segment takes up to six digits, so move on to the time with the arrow key.
		await page.keyboard.type('01012026');
		await page.keyboard.press('ArrowRight');
		return page.keyboard.type('0900A');
	}
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type(text);
}

const SUBMIT =
	/^(Confirm answer|Confirm|Confirm the pull order|File the sheet|Shelve the folder|Finish the shelf check)$/;

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
 * question, and types filler text into fields. Returns once the screen has moved on.
 */
export async function answerStepByKeyboard(page: Page) {
	const step = page.getByTestId('step');
	const before = await screenSignature(page);
	const button = (name: string | RegExp) =>
		step.getByRole('button', { name, exact: typeof name === 'string' });

	const cont = page.locator('#continue-button');
	if (await visible(cont)) return press(page, cont);

	// Retrieval: the way out when the patient is not found (no PAS search needed to finish).
	for (const name of [
		'I cannot find this patient on the PAS',
		'Yes, register a new patient',
		'Keep the call (no transfer)'
	]) {
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

	// Any question still unanswered: the first option of each radio group, filler text in empty fields.
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

	// Lists with nothing chosen yet (a phone message's urgency or who it goes to): the next option, by arrow key.
	const selects = step.locator('select:visible');
	for (let i = 0; i < (await selects.count()); i++) {
		const sel = selects.nth(i);
		if ((await sel.inputValue()) === '') {
			await reach(page, sel);
			await page.keyboard.press('ArrowDown');
		}
	}

	const submit = button(SUBMIT);
	if (await visible(submit.first())) await press(page, submit.first());
	await expect
		.poll(() => screenSignature(page), { message: `the step moved on (was ${before})`, timeout: 5_000 })
		.not.toBe(before);

	// A screen that refused the answer asks for something the generic pass did not give: tick the first box
	// of each unticked checkbox group and try again.
	const error = step.getByRole('alert');
	// A phone check with no record open on the PAS: go by what the caller said instead of searching.
	const noPas = step.getByLabel('Go by what the caller has told you');
	if ((await visible(error)) && (await visible(noPas))) {
		await tick(page, noPas);
		if (await visible(submit.first())) await press(page, submit.first());
		return;
	}
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
