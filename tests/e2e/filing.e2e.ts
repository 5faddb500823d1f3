import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { ScenarioDefinition } from '../../src/lib/scenarios/definition';
import { comparable, looseFiling, type LooseFilingCase } from '../../src/lib/scenarios/filing/loose-filing';
import { shelving, type ShelvingCase } from '../../src/lib/scenarios/filing/shelving';
import { folderCare } from '../../src/lib/scenarios/filing/folder-care';
import { createProfile, expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

// Whole trays with axe scans take about a minute on a busy 2-core machine.
test.describe.configure({ timeout: 150_000 });

// The player dates an attempt with the real day; the case is rebuilt here the same way to know the right answers.
const today = () => new Date().toISOString().slice(0, 10);

// Definitions are read as files: Playwright's loader does not take the registry's JSON imports.
function definition(id: string): ScenarioDefinition<never> {
	return JSON.parse(readFileSync(`src/lib/scenarios/definitions/${id}.json`, 'utf8'));
}
function looseCase(id: string, seed: number): LooseFilingCase {
	return looseFiling.setup(definition(id), seed, today());
}
function shelvingCase(id: string, seed: number): ShelvingCase {
	return shelving.setup(definition(id), seed, today());
}

/** Clicks with the mouse, or focuses and presses a key (keyboard-only runs never click). */
async function activate(el: Locator, keyboard: boolean, key = 'Enter') {
	if (!keyboard) return el.click();
	await el.focus();
	await el.press(key);
}

async function tick(el: Locator, keyboard: boolean) {
	if (!keyboard) return el.check();
	await el.focus();
	await el.press('Space');
	await expect(el).toBeChecked();
}

/** HTML drag and drop, event by event (the same events a mouse drag fires in the browser). */
async function drag(page: Page, from: Locator, to: Locator) {
	const data = await page.evaluateHandle(() => new DataTransfer());
	await from.dispatchEvent('dragstart', { dataTransfer: data });
	await to.dispatchEvent('dragover', { dataTransfer: data });
	await to.dispatchEvent('drop', { dataTransfer: data });
	await from.dispatchEvent('dragend', { dataTransfer: data });
}

/**
 * Finds the patient on the embedded PAS by hospital number, opens the record (the reason defaults to filing) and
 * takes out the folder.
 */
async function takeOutFolder(page: Page, hospitalNumber: string, keyboard: boolean) {
	await expect(page.getByTestId('pas-status')).toContainText('patients', { timeout: 60_000 });
	const box = page.locator('#pas-hosp');
	if (keyboard) {
		await box.focus();
		await page.keyboard.type(hospitalNumber);
		await page.keyboard.press('Enter');
	} else {
		await box.fill(hospitalNumber);
		await page.locator('.app-pas-search button[type="submit"]').click();
	}
	const row = page.getByTestId('pas-result-row').filter({ hasText: hospitalNumber });
	await activate(row.getByRole('button', { name: /^Open record of/ }), keyboard);
	await activate(page.getByRole('button', { name: 'Open record', exact: true }), keyboard);
	await activate(page.getByRole('button', { name: 'Take out this patient’s folder' }), keyboard);
	await expect(page.getByTestId('filing-announcer')).toContainText('Folder opened');
}

async function continueOn(page: Page, keyboard: boolean) {
	await expect(page.getByTestId('feedback')).toContainText('Correct');
	// Every answer must reach IndexedDB (a state proxy in an answer cannot be stored).
	await expect(page.getByTestId('save-error')).toHaveCount(0);
	await activate(page.getByRole('button', { name: /Continue to the next step|See your results/ }), keyboard);
}

async function playLooseFiling(page: Page, keyboard: boolean, axe: boolean) {
	const seed = 7;
	const c = looseCase('loose-filing-gentle', seed);
	await gotoReady(page, `/play/?scenario=loose-filing-gentle&seed=${seed}`);
	await activate(page.getByRole('button', { name: 'Start' }), keyboard);
	for (const [k, item] of c.items.entries()) {
		await expect(page.getByTestId('step-prompt')).toContainText(`Sheet ${k + 1} of ${c.items.length}`);
		const sheet = page.getByTestId('paper-sheet');
		await expect(sheet).toContainText('Synthetic training data');
		const t = item.truth;
		if (t.action === 'file') {
			await takeOutFolder(page, t.hospitalNumber, keyboard);
			await expect(page.getByTestId('folder-cover')).toContainText(t.hospitalNumber);
			const labels: Record<string, string> = {
				name: 'Full name',
				dob: 'Date of birth',
				nhs: 'NHS number',
				hospital: 'Hospital number'
			};
			for (const f of comparable(item))
				await tick(page.getByRole('checkbox', { name: labels[f], exact: true }), keyboard);
			await tick(page.getByLabel('File it in the folder I opened'), keyboard);
		} else {
			await tick(page.getByLabel('Do not file it: set it aside to return to the sender'), keyboard);
			await tick(page.getByLabel('An identifier is missing from the sheet'), keyboard);
		}
		if (axe && k === 0) await expectNoAxeViolations(page, 'loose filing: check step');
		await activate(page.getByRole('button', { name: 'Confirm' }), keyboard);
		await continueOn(page, keyboard);
		if (t.action !== 'file') continue;

		const section = c.sections.find((s) => s.id === t.section)!;
		await activate(
			page.getByRole('button', { name: new RegExp(`^File in this section\\W+${section.title}$`) }),
			keyboard
		);
		await expect(page.getByTestId('filing-announcer')).toContainText(`Section chosen: ${section.title}`);
		await activate(
			page.locator(`[data-testid="section-${t.section}"] .app-slot__button`).nth(t.position),
			keyboard
		);
		await expect(page.getByTestId('placed-sheet')).toBeVisible();
		for (const id of t.misfiled) {
			const row = item.folder!.sections.flatMap((s) => s.sheets).find((s) => s.id === id)!;
			await activate(
				page.getByRole('button', {
					name: new RegExp(`^Not this patient’s\\?\\W+${row.title.replace(/[()]/g, '.')} ${row.dateText}$`)
				}),
				keyboard
			);
		}
		await tick(page.getByLabel('Hole-punched and fastened on the prongs'), keyboard);
		if (axe && k === 0) await expectNoAxeViolations(page, 'loose filing: place step');
		await activate(page.getByRole('button', { name: 'File the sheet' }), keyboard);
		if (axe && k === 0) await expectNoAxeViolations(page, 'loose filing: feedback');
		await continueOn(page, keyboard);
	}
	await expect(page.getByTestId('result')).toHaveText('Passed: 100%');
	if (axe) await expectNoAxeViolations(page, 'loose filing: debrief');
}

async function playShelving(page: Page, keyboard: boolean, axe: boolean) {
	const seed = 5;
	const c = shelvingCase('shelving-gentle', seed);
	await gotoReady(page, `/play/?scenario=shelving-gentle&seed=${seed}`);
	await activate(page.getByRole('button', { name: 'Start' }), keyboard);
	for (const [k, t] of c.trolley.entries()) {
		await expect(page.getByTestId('folder-label')).toHaveText(t.folder.label);
		await tick(page.getByLabel('Book the folder back into the library on the tracking system'), keyboard);
		await expect(page.getByTestId('tracking-status')).toContainText('Health records library');
		const bay = c.sections.find((s) => s.id === t.section)!.bay;
		await activate(page.getByRole('button', { name: new RegExp(`^Bay ${bay}:`) }), keyboard);
		await activate(page.getByRole('button', { name: `Shelve in section ${t.section}` }), keyboard);
		await activate(
			page.locator(`[data-testid="row-${t.section}"] .app-slot__button`).nth(t.position),
			keyboard
		);
		await expect(page.getByTestId('placed-folder')).toBeVisible();
		if (t.folder.tracer)
			await activate(page.getByRole('button', { name: 'Take out the tracer card' }), keyboard);
		if (axe && k === 0) await expectNoAxeViolations(page, 'shelving: shelve step');
		await activate(page.getByRole('button', { name: 'Shelve the folder' }), keyboard);
		await continueOn(page, keyboard);
	}
	for (const id of c.misfiled) {
		const f = c.sections.flatMap((s) => s.folders).find((x) => x.id === id)!;
		await activate(page.getByRole('button', { name: new RegExp(`^${f.label}`) }), keyboard);
	}
	if (axe) await expectNoAxeViolations(page, 'shelving: shelf check');
	await activate(page.getByRole('button', { name: 'Finish the shelf check' }), keyboard);
	await continueOn(page, keyboard);
	await expect(page.getByTestId('result')).toHaveText('Passed: 100%');
}

test('loose filing with the mouse: a perfect tray scores 100%, axe on every screen', async ({ page }) => {
	await createProfile(page, 'Sam', 'New starter');
	await playLooseFiling(page, false, true);
});

test('loose filing with the keyboard alone', async ({ page }) => {
	await createProfile(page, 'Sam', 'New starter');
	await playLooseFiling(page, true, false);
});

test('loose filing: a sheet can be dragged into the folder', async ({ page }) => {
	await createProfile(page, 'Sam', 'New starter');
	const c = looseCase('loose-filing-gentle', 7);
	const item = c.items.find((i) => i.truth.action === 'file')!;
	await gotoReady(page, '/play/?scenario=loose-filing-gentle&seed=7');
	await page.getByRole('button', { name: 'Start' }).click();
	for (const i of c.items) {
		if (i === item) break;
		// Set earlier sheets aside to reach a filing step quickly (practice feedback says why).
		await page.getByLabel('Do not file it: set it aside to return to the sender').check();
		await page.getByLabel('An identifier is missing from the sheet').check();
		await page.getByRole('button', { name: 'Confirm' }).click();
		await page.getByRole('button', { name: /Continue/ }).click();
	}
	const t = item.truth as { hospitalNumber: string; section: string };
	await takeOutFolder(page, t.hospitalNumber, false);
	await page.getByLabel('File it in the folder I opened').check();
	await page.getByRole('button', { name: 'Confirm' }).click();
	await page.getByRole('button', { name: /Continue/ }).click();
	await drag(page, page.locator('.app-place__drag'), page.getByTestId(`section-${t.section}`));
	await expect(page.getByTestId('filing-announcer')).toContainText('Section chosen');
	await drag(
		page,
		page.locator('.app-place__drag'),
		page.locator(`[data-testid="section-${t.section}"] .app-slot__button`).first()
	);
	await expect(page.getByTestId('placed-sheet')).toBeVisible();
});

test('shelving with the mouse: a perfect trolley scores 100%, axe on every screen', async ({ page }) => {
	await createProfile(page, 'Sam', 'New starter');
	await playShelving(page, false, true);
});

test('shelving with the keyboard alone', async ({ page }) => {
	await createProfile(page, 'Sam', 'New starter');
	await playShelving(page, true, false);
});

async function playFolderCare(page: Page, keyboard: boolean, axe: boolean) {
	const seed = 3;
	const c = folderCare.setup(definition('folder-care-realistic'), seed, today());
	await gotoReady(page, `/play/?scenario=folder-care-realistic&seed=${seed}`);
	await activate(page.getByRole('button', { name: 'Start' }), keyboard);
	const confirm = async (name: string) => {
		if (axe) await expectNoAxeViolations(page, `folder care: ${name}`);
		await activate(page.getByRole('button', { name: 'Confirm' }), keyboard);
		await continueOn(page, keyboard);
	};
	await tick(page.getByLabel(/^CLOSED .*: see Volume/), keyboard);
	await tick(
		page.getByLabel(new RegExp(`^Volume ${c.split!.volume + 1} of ${c.split!.volume + 1}$`)),
		keyboard
	);
	await confirm('labels');
	for (const docId of c.split!.keyDocuments) await tick(page.locator(`[id$="-doc-${docId}"]`), keyboard);
	await confirm('carry forward');
	await tick(page.getByLabel('Book each volume onto tracking separately'), keyboard);
	await confirm('tracking');
	for (const label of ['Full name', 'Date of birth', 'NHS number', 'Hospital number'])
		await tick(page.getByLabel(label, { exact: true }), keyboard);
	await tick(page.getByLabel('Same patient: merge the temporary folder into the original'), keyboard);
	await confirm('identity');
	for (const doc of c.merge!.documents)
		await tick(page.locator(`[id$="-${doc.id}-${doc.copy ? 'destroy' : 'file'}"]`), keyboard);
	await confirm('temporary sheets');
	await tick(page.getByLabel('Retire the empty temporary folder'), keyboard);
	await tick(page.getByLabel(/^Update tracking/), keyboard);
	await activate(page.getByRole('button', { name: 'Confirm' }), keyboard);
	await continueOn(page, keyboard);
	await expect(page.getByTestId('result')).toHaveText('Passed: 100%');
}

test('folder care with the mouse: a perfect run scores 100%, axe on every screen', async ({ page }) => {
	await createProfile(page, 'Sam', 'New starter');
	await playFolderCare(page, false, true);
});

test('folder care with the keyboard alone', async ({ page }) => {
	await createProfile(page, 'Sam', 'New starter');
	await playFolderCare(page, true, false);
});
