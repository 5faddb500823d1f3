import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	clinicPreparation,
	shelfWalkOrder,
	type ClinicPrepCase
} from '../../src/lib/scenarios/retrieval/clinic-preparation';
import { missingNotes, type MissingCase } from '../../src/lib/scenarios/retrieval/missing-notes';
import {
	registrationCheck,
	type RegistrationCase
} from '../../src/lib/scenarios/retrieval/registration-check';
import {
	SEND_CHOICES,
	urgentRequest,
	type UrgentCase
} from '../../src/lib/scenarios/retrieval/urgent-request';
import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

// The player sets the case up with the browser's date; the test works out the same case to know the right answers.
const TODAY = new Date().toISOString().slice(0, 10);
/** Built-in definitions are plain JSON; read them here (Playwright's loader needs import attributes for JSON). */
const getBuiltInDefinition = (id: string) =>
	JSON.parse(readFileSync(`src/lib/scenarios/definitions/${id}.json`, 'utf8')) as { id: string };
const SEED = 7;
const SHOTS = process.env.PAS_SHOTS;
test.describe.configure({ timeout: 180_000 });

async function start(page: Page, id: string, firstStepHasPas = true) {
	await createProfile(page, 'Sam');
	await gotoReady(page, `/play/?scenario=${id}&seed=${SEED}`);
	await page.getByRole('button', { name: 'Start' }).click();
	if (firstStepHasPas)
		await expect(page.getByTestId('pas-status')).toContainText('patients', { timeout: 60_000 });
}

/** Puts the pull list in shelf order with the Up buttons alone, by keyboard (no dragging). */
async function orderPullList(page: Page, c: ClinicPrepCase) {
	const target = shelfWalkOrder(c.pull).map((p) => p.hospitalNumber);
	const shown = c.pull.map((p) => p.hospitalNumber);
	await expect(page.getByTestId('pull-item')).toHaveCount(shown.length);
	await expectNoAxeViolations(page, 'clinic preparation, pull list');
	for (let i = 0; i < target.length; i++) {
		let at = shown.indexOf(target[i]);
		if (at === i) continue;
		await page.locator(`#pull-${target[i]}-up`).focus();
		while (at > i) {
			// Focus stays on the folder that moved, so Enter again moves it on up.
			await page.keyboard.press('Enter');
			await expect(page.getByTestId('pull-announcer')).toContainText(`${target[i]} moved to position ${at}`);
			[shown[at - 1], shown[at]] = [shown[at], shown[at - 1]];
			at--;
		}
	}
	await expect(page.getByTestId('pull-item').first()).toContainText(target[0]);
	await page.getByRole('button', { name: 'Confirm the pull order' }).press('Enter');
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await expect(page.getByTestId('feedback')).toContainText(/handbook 2\.3/);
	await page.locator('#continue-button').press('Enter');
	await expect(page.getByTestId('pas-status')).toContainText('patients', { timeout: 60_000 });
}

/** Finds a patient by NHS number (or surname and DOB) on the embedded PAS and opens the record, by keyboard. */
async function findAndOpen(page: Page, q: { nhs?: string | null; surname?: string; dob?: string }) {
	await page.locator('body').press('/');
	if (q.nhs) await page.locator('#pas-nhs').fill(q.nhs);
	if (q.surname) await page.locator('#pas-surname').fill(q.surname);
	if (q.dob) await page.locator('#pas-dob').fill(q.dob);
	await page.locator('#pas-surname').press('Enter');
	const row = page.getByTestId('pas-result-row').first();
	await row.getByRole('button').press('Enter');
	await page.getByRole('button', { name: 'Open record', exact: true }).press('Enter');
	await expect(page.getByTestId('pas-record')).toBeVisible();
}

async function expectCorrectAndContinue(page: Page, handbook: RegExp) {
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await expect(page.getByTestId('feedback')).toContainText(handbook);
	await page.locator('#continue-button').press('Enter');
}

test('clinic preparation: find each patient, track the current volume to the clinic, by keyboard', async ({
	page
}) => {
	const def = getBuiltInDefinition('clinic-preparation-gentle')!;
	const c = clinicPreparation.setup(def as never, SEED, TODAY) as ClinicPrepCase;
	await start(page, def.id, c.pull.length === 0);
	if (c.pull.length) await orderPullList(page, c);
	for (const slot of c.slots) {
		await findAndOpen(page, {
			nhs: slot.listed.nhsNumber,
			surname: slot.listed.nhsNumber ? undefined : slot.listed.name.split(' ').pop(),
			dob: slot.listed.nhsNumber ? undefined : slot.listed.dob
		});
		if (SHOTS && slot.slot === 1) await page.screenshot({ path: `${SHOTS}/clinic-find.png`, fullPage: true });
		if (slot.slot === 1) await expectNoAxeViolations(page, 'clinic preparation, record open');
		await page.getByRole('button', { name: `This is the patient on slot ${slot.slot}` }).press('Enter');
		await expectCorrectAndContinue(page, /handbook 1\.6/);

		await page.locator('body').press('r');
		await page.getByRole('button', { name: `Track volume ${slot.volume.number} out` }).press('Enter');
		await page.locator('#pas-track-to').selectOption(`clinic:${c.clinic.code}`);
		await page.locator('#pas-track-reason').fill(`Clinic ${c.clinic.date}`);
		await page.getByRole('button', { name: 'Save movement' }).press('Enter');
		await expect(page.locator('#pas-track-saved')).toContainText('tracked to');
		await page
			.getByLabel(
				slot.volume.tracked.kind === 'library' ? /^Pull the current volume/ : /^Request the current volume/
			)
			.check();
		if (SHOTS && slot.slot === 1) await page.screenshot({ path: `${SHOTS}/clinic-get.png`, fullPage: true });
		await page.getByRole('button', { name: 'Confirm', exact: true }).press('Enter');
		await expectCorrectAndContinue(page, /handbook 2\.5/);
	}
	await expect(page.locator('#debrief-heading')).toBeVisible();
	await expectNoAxeViolations(page, 'clinic preparation debrief');
});

test('urgent request: the wrong action gets feedback naming the rule', async ({ page }) => {
	const def = getBuiltInDefinition('urgent-request-gentle')!;
	const c = urgentRequest.setup(def as never, SEED, TODAY) as UrgentCase;
	const call = c.calls[0];
	await start(page, def.id);
	await expect(page.getByRole('heading', { name: /Phone call/ })).toBeVisible();
	await findAndOpen(page, {
		hospitalNumber: undefined,
		nhs: call.patient.nhsNumber,
		surname: call.patient.nhsNumber ? undefined : call.patient.name.split(' ').pop(),
		dob: call.patient.nhsNumber ? undefined : call.patient.dob
	} as never);
	await page.getByRole('button', { name: 'This is the patient the ED wants' }).click();
	await expectCorrectAndContinue(page, /handbook 1\.6/);
	// Make up a temporary folder without tracking: two mistakes, named in the feedback.
	await page.getByLabel(/^Make up a temporary folder now/).check();
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/urgent-send.png`, fullPage: true });
	await page.getByRole('button', { name: 'Confirm', exact: true }).click();
	await expect(page.getByTestId('feedback')).toContainText('handbook 2.7');
	await expect(page.getByTestId('feedback')).toContainText('handbook 2.5');
	await expectNoAxeViolations(page, 'urgent request feedback');
});

test('urgent request: a reload in the middle of a step keeps the PAS trail, so the answer stands', async ({
	page
}) => {
	const def = getBuiltInDefinition('urgent-request-gentle')!;
	const c = urgentRequest.setup(def as never, SEED, TODAY) as UrgentCase;
	const call = c.calls[0];
	await start(page, def.id);
	await findAndOpen(page, {
		nhs: call.patient.nhsNumber,
		surname: call.patient.nhsNumber ? undefined : call.patient.name.split(' ').pop(),
		dob: call.patient.nhsNumber ? undefined : call.patient.dob
	});
	await page.getByRole('button', { name: 'This is the patient the ED wants' }).click();
	await expectCorrectAndContinue(page, /handbook 1\.6/);

	// Track the current volume to the ED, then reload before answering.
	await page.locator('body').press('r');
	await page.getByRole('button', { name: `Track volume ${call.volume} out` }).click();
	await page.locator('#pas-track-to').selectOption('ward:ED');
	await page.locator('#pas-track-reason').fill('Patient in resus');
	await page.getByRole('button', { name: 'Save movement' }).click();
	await expect(page.locator('#pas-track-saved')).toContainText('tracked to');
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-saved', 'true');
	await page.reload();
	await expect(page.getByTestId('resumed')).toContainText('Welcome back');
	await expect(page.getByTestId('pas-status')).toContainText('patients', { timeout: 60_000 });
	await page.locator('body').press('a');
	await expect(page.getByTestId('pas-audit')).toContainText(call.patient.hospitalNumber);

	// No second look-up: the tracking saved before the reload is what the answer is judged on.
	const right =
		call.tracked.kind === 'library'
			? 'pull-and-send'
			: call.tracked.kind === 'off-site store'
				? 'urgent-offsite-request'
				: 'ask-holder-to-send';
	await page.getByLabel(SEND_CHOICES.find((x) => x.id === right)!.label).check();
	await page.getByRole('button', { name: 'Confirm', exact: true }).click();
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	await expectNoAxeViolations(page, 'urgent request, answered after a reload');
});

test('missing notes: the procedure in order', async ({ page }) => {
	const def = getBuiltInDefinition('missing-notes-gentle')!;
	const c = missingNotes.setup(def as never, SEED, TODAY) as MissingCase;
	await start(page, def.id);
	await expect(page.getByTestId('task-facts')).toContainText(c.items[0].patient.hospitalNumber);
	for (const label of [
		/^Check the tracking history/,
		/^The tracked place/,
		/^A search log/,
		/^Track them on the PAS/
	]) {
		await page.getByLabel(label).check();
		await page.getByRole('button', { name: 'Confirm', exact: true }).press('Enter');
		await expectCorrectAndContinue(page, /handbook 2\.[58]/);
	}
	await expect(page.locator('#debrief-heading')).toBeVisible();
});

test('registration check: find the misspelt patient, register the new one', async ({ page }) => {
	const def = getBuiltInDefinition('registration-check-gentle')!;
	const c = registrationCheck.setup(def as never, SEED, TODAY) as RegistrationCase;
	await start(page, def.id);
	for (const r of c.referrals) {
		const surname = r.written.name.split(' ').pop()!;
		if (r.kind === 'new') {
			await page.locator('body').press('/');
			await page.locator('#pas-surname').fill(surname);
			await page.locator('#pas-dob').fill(r.written.dob);
			await page.locator('#pas-dob').press('Enter');
			await expect(page.getByTestId('pas-results')).toContainText('No patients found');
			await page.getByRole('button', { name: 'No record found: register a new patient' }).click();
			await page.getByRole('button', { name: 'Yes, register a new patient' }).click();
			await expectCorrectAndContinue(page, /handbook 3\.1/);
		} else {
			await findAndOpen(page, { surname, dob: r.written.dob });
			await expect(page.getByTestId('pas-record-hospital-number')).toHaveText(
				(await import('../../src/lib/scenarios/retrieval/common')).card(
					(await import('../../src/lib/scenarios/retrieval/common')).trustOf(c.trust),
					r.existing[0]
				).hospitalNumber
			);
			if (SHOTS) await page.screenshot({ path: `${SHOTS}/registration.png`, fullPage: true });
			await page.getByRole('button', { name: 'This is the referred patient: use this record' }).click();
			await expectCorrectAndContinue(page, /handbook 3\.1/);
		}
	}
	await expect(page.locator('#debrief-heading')).toBeVisible();
});
