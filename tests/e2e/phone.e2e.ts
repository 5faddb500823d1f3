import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { CallType } from '../../src/lib/scenarios/phone/call-types';
import { paramsSchema, setupCall, type PhoneCase } from '../../src/lib/scenarios/phone/phone-call';
import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

// The player sets the case up with the browser's date; the test works out the same case to find the patient.
const TODAY = new Date().toISOString().slice(0, 10);
test.describe.configure({ timeout: 180_000 });

function paramsOf(definitionId: string) {
	const raw = JSON.parse(readFileSync(`src/lib/scenarios/definitions/${definitionId}.json`, 'utf8'));
	return paramsSchema.parse(raw.params);
}

/** The first seed whose call, under this built-in definition, is of the given type (the type depends only on the seed). */
function seedFor(definitionId: string, type: CallType): number {
	const params = paramsOf(definitionId);
	for (let seed = 1; seed < 500; seed++) {
		if (setupCall(params, seed, TODAY).callType === type) return seed;
	}
	throw new Error(`No seed gives ${type} in ${definitionId}`);
}

function caseFor(definitionId: string, seed: number): PhoneCase {
	return setupCall(paramsOf(definitionId), seed, TODAY);
}

async function tabUntil(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
	for (let i = 0; i < 120; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press(key);
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

/** Looks the call's patient up on the embedded PAS by NHS number and opens the record (reason: enquiry). */
async function openOnPas(page: Page, c: PhoneCase) {
	await expect(page.getByTestId('pas-status')).toContainText('patients', { timeout: 60_000 });
	await page.locator('#pas-nhs').fill(c.record.nhsNumber!);
	await page.locator('#pas-nhs').press('Enter');
	await page.getByTestId('pas-result-row').first().getByRole('button').click();
	await page.getByRole('button', { name: 'Open record', exact: true }).click();
	await expect(page.getByTestId('pas-record')).toBeVisible();
}

const GOOD_APPOINTMENT_CALL = [
	/^“Good morning, Health Records/,
	/^“So I can help/,
	/^Put the caller on hold/,
	/^Give them what they asked for/,
	'keep the call',
	/^Explain what happens next/
] as const;

test('a good call about an appointment, by keyboard alone, with the PAS look-up, axe on the call screen and debrief', async ({
	page
}) => {
	await createProfile(page, 'Kay');
	const seed = seedFor('phone-call-gentle', 'patient-appointment');
	const c = caseFor('phone-call-gentle', seed);
	await gotoReady(page, `/play/?scenario=phone-call-gentle&seed=${seed}`);
	await tabUntil(page, page.getByRole('button', { name: 'Start' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('call-status')).toContainText('Incoming call');
	await expect(page.getByTestId('pas')).toHaveCount(0);
	for (const label of GOOD_APPOINTMENT_CALL) {
		if (label === 'keep the call') {
			// Transferring is its own action, with the directory; this caller is helped here.
			await tabUntil(page, page.getByTestId('keep-call'));
			await expectNoAxeViolations(page, 'transfer form');
			await page.keyboard.press('Enter');
		} else {
			const options = page.getByTestId('call-form').getByRole('radio');
			const labels = await page.getByTestId('call-form').locator('label').allTextContents();
			const index = labels.findIndex((l) => label.test(l.trim()));
			expect(index, `option for ${label}`).toBeGreaterThanOrEqual(0);
			if (/Put the caller on hold/.test(label.source)) {
				// Search the PAS by keyboard: '/' jumps to the search, Enter searches, opens with the reason given.
				await expect(page.getByTestId('pas-status')).toContainText('patients', { timeout: 60_000 });
				await page.keyboard.press('/');
				await expect(page.locator('#pas-surname')).toBeFocused();
				await tabUntil(page, page.locator('#pas-nhs'));
				await page.keyboard.type(c.record.nhsNumber!);
				await page.keyboard.press('Enter');
				const open = page.getByTestId('pas-result-row').first().getByRole('button');
				await tabUntil(page, open);
				await page.keyboard.press('Enter');
				await expect(page.getByTestId('pas-reason')).toBeVisible();
				await tabUntil(page, page.getByRole('button', { name: 'Open record', exact: true }));
				await page.keyboard.press('Enter');
				await expect(page.getByTestId('pas-record')).toContainText(c.record.hospitalNumber);
				await expectNoAxeViolations(page, 'call screen with the PAS record open');
				// Back up to the call's options.
				await tabUntil(page, options.last(), 'Shift+Tab');
				await page.keyboard.press('ArrowDown');
			} else {
				await tabUntil(page, options.first());
				await page.keyboard.press('Space');
				for (let k = 0; k < index; k++) await page.keyboard.press('ArrowDown');
			}
			await expect(options.nth(index)).toBeChecked();
			await tabUntil(page, page.getByRole('button', { name: 'Confirm', exact: true }));
			await page.keyboard.press('Enter');
		}
		await expect(page.getByTestId('feedback')).toContainText('Correct');
		await expect(page.locator('#continue-button')).toBeFocused();
		await page.keyboard.press('Enter');
	}
	await expect(page.getByTestId('result')).toContainText('Passed: 100%');
	await expect(page.getByTestId('debrief').getByTestId('decision')).toHaveCount(6);
	const transcript = page.getByTestId('debrief-transcript');
	await expect(transcript.getByTestId('line-note')).toHaveCount(6);
	await expect(transcript).toContainText('Keep the call: no transfer');
	await expectNoAxeViolations(page, 'debrief with the call transcript');
	console.log(`GOOD CALL (seed ${seed})\n${await transcript.innerText()}`);
});

test('a caller posing as the patient: reading the details out and giving the appointment is a critical error', async ({
	page
}) => {
	await createProfile(page, 'Bea');
	const seed = seedFor('phone-call-realistic', 'blagger-as-patient');
	const c = caseFor('phone-call-realistic', seed);
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
	// Choosing to check the record with none open is refused by the form, with what to do next.
	await say(page, /^Put the caller on hold/);
	await expect(page.getByTestId('call-form').getByRole('alert')).toContainText(
		'No record is open on the PAS'
	);
	await openOnPas(page, c);
	await say(page, /^Put the caller on hold/);
	await continueOn(page);
	await say(page, /^Give them what they asked for/);
	await expect(page.getByTestId('feedback')).toContainText('Critical error');
	await expect(page.getByTestId('feedback')).toContainText('not verified');
	await continueOn(page);
	await expect(page.getByTestId('transcript')).toContainText('which address have you got');
	await page.getByTestId('keep-call').click();
	// Keeping the call is right, and the words fit a caller who was never verified.
	await expect(page.getByTestId('feedback')).toContainText('identity is not confirmed');
	await continueOn(page);
	await say(page, /^Explain what happens next/);
	await page.getByRole('button', { name: 'See your results' }).click();
	await expect(page.getByTestId('debrief')).toContainText('Critical error');
	const transcript = page.getByTestId('debrief-transcript');
	await expect(transcript.locator('[data-who="caller"]')).toContainText([/Yes, that’s me/]);
	console.log(`BLAGGED CALL (seed ${seed})\n${await transcript.innerText()}`);
});

test('a relative without consent: the PAS shows no consent; take a complete message on the message form', async ({
	page
}) => {
	await createProfile(page, 'Max');
	const seed = seedFor('phone-call-gentle', 'relative-without-consent');
	const c = caseFor('phone-call-gentle', seed);
	await gotoReady(page, `/play/?scenario=phone-call-gentle&seed=${seed}`);
	await page.getByRole('button', { name: 'Start' }).click();
	for (const label of [/^“Good morning/, /^“So I can help/]) {
		await say(page, label);
		await continueOn(page);
	}
	await openOnPas(page, c);
	await expect(page.getByTestId('pas-record')).toContainText('Nothing: no consent recorded');
	await say(page, /^Put the caller on hold/);
	await continueOn(page);
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
	await form.getByLabel('Send to').selectOption('clinical-team');
	await expectNoAxeViolations(page, 'message form');
	await say(page, /^Fill in the message form/);
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await continueOn(page);
	await page.getByTestId('keep-call').click();
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await continueOn(page);
	await say(page, /^Explain what happens next/);
	await page.getByRole('button', { name: 'See your results' }).click();
	await expect(page.getByTestId('result')).toContainText('Passed: 100%');
});

test('a journalist is transferred, warm, to Communications from the directory; a missing team is explained', async ({
	page
}) => {
	await createProfile(page, 'Jo');
	const seed = seedFor('phone-call-gentle', 'journalist');
	const c = caseFor('phone-call-gentle', seed);
	await gotoReady(page, `/play/?scenario=phone-call-gentle&seed=${seed}`);
	await page.getByRole('button', { name: 'Start' }).click();
	for (const label of [/^“Good morning/, /^“So I can help/]) {
		await say(page, label);
		await continueOn(page);
	}
	await openOnPas(page, c);
	await say(page, /^Put the caller on hold/);
	await continueOn(page);
	await say(page, /^“I’m sorry, I can’t give out any information on the phone/);
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await continueOn(page);
	const form = page.getByTestId('transfer-form');
	await form.getByRole('button', { name: 'Transfer the call' }).click();
	await expect(form.getByRole('alert')).toContainText('Choose the team');
	await form.getByLabel('Team (from the directory)').selectOption('communications');
	await form.getByLabel(/Warm transfer/).check();
	await form.getByLabel(/^“I’m going to put you through/).check();
	await form.getByRole('button', { name: 'Transfer the call' }).click();
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await continueOn(page);
	await expect(page.getByTestId('transcript')).toContainText('Communications (press office)');
	await say(page, /^Explain what happens next/);
	await page.getByRole('button', { name: 'See your results' }).click();
	await expect(page.getByTestId('result')).toContainText('Passed: 100%');
});

test('a caller in an emergency is sent to 999 or 111 at once, with no identity questions; opening the record afterwards is marked for need-to-know', async ({
	page
}) => {
	await createProfile(page, 'Em');
	const seed = seedFor('phone-call-gentle', 'caller-in-emergency');
	const c = caseFor('phone-call-gentle', seed);
	await gotoReady(page, `/play/?scenario=phone-call-gentle&seed=${seed}`);
	await page.getByRole('button', { name: 'Start' }).click();
	await say(page, /^“Good morning/);
	await continueOn(page);
	await expect(page.getByTestId('pas')).toHaveCount(0);
	const right =
		c.facts.emergency === 'life-threatening'
			? /^“Please hang up now and dial 999/
			: c.facts.emergency === 'mental-health-crisis'
				? /^“Please ring NHS 111 and choose the mental health option/
				: /^“Please ring NHS 111 now/;
	await expectNoAxeViolations(page, 'emergency call');
	await say(page, right);
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await continueOn(page);
	// The call needed no record: looking the patient up now is access without a need (handbook 3.5, 4.11).
	await openOnPas(page, c);
	await say(page, /^Record the call in the call log and tell your manager/);
	await expect(page.getByTestId('feedback')).toContainText('access.need-to-know');
	await page.getByRole('button', { name: 'See your results' }).click();
	await expect(page.getByTestId('result')).not.toContainText('100%');
	const audit = page.getByTestId('debrief-transcript').getByTestId('need-to-know-note');
	await expect(audit).toContainText(c.record.hospitalNumber);
	await expect(audit).toContainText('handbook 3.5, 4.11');
	await expectNoAxeViolations(page, 'debrief with a need-to-know line');
});

test('a restricted record: the PAS shows the flag; nothing is confirmed and the message goes to safeguarding', async ({
	page
}) => {
	await createProfile(page, 'Ro');
	const seed = seedFor('phone-call-realistic', 'restricted-record');
	const c = caseFor('phone-call-realistic', seed);
	await gotoReady(page, `/play/?scenario=phone-call-realistic&seed=${seed}`);
	await page.getByRole('button', { name: 'Start' }).click();
	for (const label of [/^“Good morning/, /^“So I can help/]) {
		await say(page, label);
		await continueOn(page);
	}
	await openOnPas(page, c);
	await expect(page.getByTestId('pas-record')).toContainText(/Sensitive \(S flag\)|Safeguarding concern/);
	await say(page, /^Put the caller on hold/);
	await continueOn(page);
	await say(page, /^“I can’t confirm whether/);
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await continueOn(page);
	const form = page.getByTestId('message-form');
	await form.getByLabel('Caller’s name').fill(c.persona.claimedName);
	await form.getByLabel('Relationship to the patient, or role').fill('Says they are a relative');
	await form.getByLabel('Call-back number').fill(c.persona.givenNumber);
	await form.getByLabel('Patient (name and hospital number only)').fill(c.record.hospitalNumber);
	await form.getByLabel('Message').fill('Caller asked whether the patient is here and when they are due.');
	await form.getByLabel('Urgency').selectOption('urgent');
	await form.getByLabel('Send to').selectOption('safeguarding');
	await say(page, /^Fill in the message form/);
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await continueOn(page);
	await page.getByTestId('keep-call').click();
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await continueOn(page);
	await say(page, /^Explain what happens next/);
	await page.getByRole('button', { name: 'See your results' }).click();
	await expect(page.getByTestId('result')).toContainText('Passed: 100%');
});

test('a patient who has died: condolence first, the PAS shows the death, nothing on the phone, warm transfer to the access team', async ({
	page
}) => {
	await createProfile(page, 'Di');
	const seed = seedFor('phone-call-realistic', 'deceased-patient');
	const c = caseFor('phone-call-realistic', seed);
	await gotoReady(page, `/play/?scenario=phone-call-realistic&seed=${seed}`);
	await page.getByRole('button', { name: 'Start' }).click();
	for (const label of [/^“Good morning/, /^“I’m so sorry for your loss/, /^“So I can help/]) {
		await say(page, label);
		await expect(page.getByTestId('feedback')).toContainText('Correct');
		await continueOn(page);
	}
	await openOnPas(page, c);
	await expect(page.getByTestId('pas-record')).toContainText('Deceased');
	await say(page, /^Put the caller on hold/);
	await continueOn(page);
	await say(
		page,
		c.persona.personalRepresentative ? /^“This needs to come in writing/ : /^“I’m sorry, I can’t give out/
	);
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await continueOn(page);
	const form = page.getByTestId('transfer-form');
	await form.getByLabel('Team (from the directory)').selectOption('access-to-records');
	await form.getByLabel(/Warm transfer/).check();
	await form.getByLabel(/^“I’m going to put you through/).check();
	await form.getByRole('button', { name: 'Transfer the call' }).click();
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
	const c = caseFor('phone-call-gentle', seed);
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
			const last = label === GOOD_APPOINTMENT_CALL.at(-1);
			if (last) transcripts.push(await page.getByTestId('transcript').innerText());
			if (label === 'keep the call') await page.getByTestId('keep-call').click();
			else {
				if (/Put the caller on hold/.test(label.source)) await openOnPas(page, c);
				await say(page, label);
			}
			if (last) await page.getByRole('button', { name: 'See your results' }).click();
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
