import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { CallType } from '../../src/lib/scenarios/phone/call-types';
import { paramsSchema, setupCall } from '../../src/lib/scenarios/phone/phone-call';
import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

/** The first seed whose call, under this built-in definition, is of the given type (the type depends only on the seed). */
function seedFor(definitionId: string, type: CallType): number {
	const raw = JSON.parse(readFileSync(`src/lib/scenarios/definitions/${definitionId}.json`, 'utf8'));
	const params = paramsSchema.parse(raw.params);
	for (let seed = 1; seed < 500; seed++) {
		if (setupCall({ ...params, callTypes: params.callTypes }, seed, '2026-11-25').callType === type)
			return seed;
	}
	throw new Error(`No seed gives ${type} in ${definitionId}`);
}

async function tabUntil(page: Page, target: Locator) {
	for (let i = 0; i < 80; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

/** Picks the option whose label matches and confirms it (mouse). */
async function say(page: Page, label: RegExp) {
	await page.getByTestId('call-form').getByLabel(label).check();
	await page.getByRole('button', { name: 'Confirm', exact: true }).click();
}

async function continueOn(page: Page) {
	await page.locator('#continue-button').click();
}

const GOOD_APPOINTMENT_CALL = [
	/^“Good morning, Health Records/,
	/^“So I can help/,
	/^Put the caller on hold/,
	/^Give them what they asked for/,
	/^Explain what happens next/
];

test('a good call about an appointment, by keyboard alone, with axe on the call screen and debrief', async ({
	page
}) => {
	await createProfile(page, 'Kay');
	const seed = seedFor('phone-call-gentle', 'patient-appointment');
	await gotoReady(page, `/play/?scenario=phone-call-gentle&seed=${seed}`);
	await tabUntil(page, page.getByRole('button', { name: 'Start' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('call-status')).toContainText('Incoming call');
	await expect(page.getByTestId('record-not-open')).toBeVisible();
	for (const [i, label] of GOOD_APPOINTMENT_CALL.entries()) {
		const options = page.getByTestId('call-form').getByRole('radio');
		const labels = await page.getByTestId('call-form').locator('label').allTextContents();
		const index = labels.findIndex((l) => label.test(l.trim()));
		expect(index, `option for ${label}`).toBeGreaterThanOrEqual(0);
		await tabUntil(page, options.first());
		await page.keyboard.press('Space');
		for (let k = 0; k < index; k++) await page.keyboard.press('ArrowDown');
		await expect(options.nth(index)).toBeChecked();
		if (i === 3) {
			// The record is open after the look-up: the caller's stated details can be compared with it.
			await expect(page.getByTestId('record-panel')).toContainText('Date of birth');
			await expectNoAxeViolations(page, 'call screen with the record open');
		}
		await tabUntil(page, page.getByRole('button', { name: 'Confirm', exact: true }));
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback')).toContainText('Correct');
		await expect(page.locator('#continue-button')).toBeFocused();
		await page.keyboard.press('Enter');
	}
	await expect(page.getByTestId('result')).toContainText('Passed: 100%');
	await expect(page.getByTestId('debrief').getByTestId('decision')).toHaveCount(5);
	await expectNoAxeViolations(page, 'debrief');
});

test('a caller posing as the patient: reading the details out and giving the appointment is a critical error', async ({
	page
}) => {
	await createProfile(page, 'Bea');
	const seed = seedFor('phone-call-realistic', 'blagger-as-patient');
	await gotoReady(page, `/play/?scenario=phone-call-realistic&seed=${seed}`);
	await page.getByRole('button', { name: 'Start' }).click();
	await say(page, /^“Good morning/);
	await continueOn(page);
	await say(page, /^“Let me find them… is that/);
	await expect(page.getByTestId('feedback')).toContainText('Critical error');
	await continueOn(page);
	// The blagger repeats back what they were told.
	await expect(page.getByTestId('transcript').locator('[data-who="caller"]').last()).toContainText(
		'Yes, that’s me'
	);
	await say(page, /^Put the caller on hold/);
	await continueOn(page);
	await say(page, /^Give them what they asked for/);
	await expect(page.getByTestId('feedback')).toContainText('Critical error');
	await expect(page.getByTestId('feedback')).toContainText('not verified');
	await continueOn(page);
	await expect(page.getByTestId('transcript')).toContainText('which address have you got');
	await say(page, /^Explain what happens next/);
	await page.getByRole('button', { name: 'See your results' }).click();
	await expect(page.getByTestId('debrief')).toContainText('Critical error');
});

test('a relative without consent: take a complete message on the message form', async ({ page }) => {
	await createProfile(page, 'Max');
	const seed = seedFor('phone-call-gentle', 'relative-without-consent');
	await gotoReady(page, `/play/?scenario=phone-call-gentle&seed=${seed}`);
	await page.getByRole('button', { name: 'Start' }).click();
	for (const label of [/^“Good morning/, /^“So I can help/, /^Put the caller on hold/]) {
		await say(page, label);
		await continueOn(page);
	}
	await expect(page.getByTestId('record-contacts')).toContainText('no consent recorded');
	await say(page, /^“I can’t confirm whether/);
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await continueOn(page);
	const form = page.getByTestId('message-form');
	await form.getByLabel('Caller’s name').fill('Caller');
	await form.getByLabel('Relationship to the patient, or role').fill('Wife');
	await form.getByLabel('Call-back number').fill('07700 900123');
	await form.getByLabel('Patient (name and hospital number only)').fill('See record');
	await form.getByLabel('Message').fill('Wants to know if her husband was admitted.');
	await form.getByLabel('Urgency').selectOption('routine');
	await expectNoAxeViolations(page, 'message form');
	await say(page, /^Fill in the message form/);
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await continueOn(page);
	await say(page, /^Explain what happens next/);
	await page.getByRole('button', { name: 'See your results' }).click();
	await expect(page.getByTestId('result')).toContainText('Passed: 100%');
});

test('with no speech synthesis nothing changes: same captions, same call, same result', async ({
	browser
}) => {
	const seed = seedFor('phone-call-gentle', 'patient-appointment');
	const transcripts: string[] = [];
	const spoken: string[][] = [];
	for (const withSpeech of [true, false]) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.addInitScript((on) => {
			const w = window as unknown as Record<string, unknown>;
			if (!on) {
				delete w.speechSynthesis;
				delete w.SpeechSynthesisUtterance;
				return;
			}
			// A recording stand-in, so the test hears what would be spoken without a sound device.
			const said: string[] = [];
			w.__said = said;
			// The browser's own property is read-only: redefine it rather than assign.
			Object.defineProperty(window, 'speechSynthesis', {
				configurable: true,
				value: { speak: (u: { text: string }) => said.push(u.text), cancel: () => {} }
			});
			w.SpeechSynthesisUtterance = class {
				lang = '';
				constructor(public text: string) {}
			};
		}, withSpeech);
		await createProfile(page, withSpeech ? 'Ann' : 'Bo');
		await gotoReady(page, `/play/?scenario=phone-call-gentle&seed=${seed}`);
		await page.getByRole('button', { name: 'Start' }).click();
		const toggle = page.getByLabel(/read the caller’s lines aloud/);
		if (withSpeech) await toggle.check();
		else await expect(toggle).toHaveCount(0);
		for (const label of GOOD_APPOINTMENT_CALL) {
			if (label === GOOD_APPOINTMENT_CALL.at(-1))
				transcripts.push(await page.getByTestId('transcript').innerText());
			await say(page, label);
			if (label === GOOD_APPOINTMENT_CALL.at(-1))
				await page.getByRole('button', { name: 'See your results' }).click();
			else await continueOn(page);
		}
		await expect(page.getByTestId('result')).toContainText('Passed: 100%');
		spoken.push(
			withSpeech ? await page.evaluate(() => (window as unknown as { __said: string[] }).__said) : []
		);
		await context.close();
	}
	expect(transcripts[1]).toEqual(transcripts[0]);
	// Speech, when on, says the caller's lines: the same words as the captions.
	expect(spoken[0].length).toBeGreaterThan(0);
	for (const line of spoken[0]) expect(transcripts[0]).toContain(line);
});
