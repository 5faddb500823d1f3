import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { INDUCTION_MODULES } from '../../src/lib/learning/induction';
import { expect, expectNoAxeViolations, gotoReady, test } from './fixtures';
import { chooseRadio, playToDebriefByKeyboard, press, reach, typeInto } from './keyboard';
import { HAS_POPPLER, pdfPageTexts, pdfPageTextsBuiltIn, pdfToPngs } from './pdf';

// Issue 12, "done when": each path works end to end for its audience by keyboard alone, with axe on every page
// reached, and the evidence pack prints with the synthetic marking on every page.
test.describe.configure({ timeout: 240_000 });

const MARKING = 'Synthetic training data — not real patients. Printed from Records Room.';
const first = INDUCTION_MODULES[0];

/** Creates a profile on the Profiles page by keyboard alone. */
async function createProfileByKeyboard(page: Page, name: string, role: 'New starter' | 'Apprentice') {
	await gotoReady(page, '/profiles/');
	await typeInto(page, page.getByLabel('Display name'), name);
	await chooseRadio(page, page.getByRole('group', { name: 'Your role' }), role === 'New starter' ? 0 : 1);
	await press(page, page.getByRole('button', { name: 'Create profile' }));
	await expect(page.getByTestId('active-profile')).toContainText(name);
}

test('a new starter completes module 1 (reading, knowledge check, practice) by keyboard alone', async ({
	page
}) => {
	await createProfileByKeyboard(page, 'Nia Keys', 'New starter');

	// Home: the induction's progress is where a new starter lands.
	await gotoReady(page, '/');
	const summary = page.getByTestId('induction-summary');
	await expect(summary.getByTestId('induction-count')).toHaveText('0 of 7 modules done.');
	await expect(summary.getByTestId('induction-next')).toContainText(first.title);
	await expectNoAxeViolations(page, 'home with induction progress');
	await press(page, summary.getByRole('link', { name: first.title }));
	await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();

	// Reading: the estimate is shown, and a glossary term opens with Enter.
	await expect(page.getByTestId('module-estimate')).toContainText(/About \d+ minutes in all: reading/);
	const term = page.locator('button[data-glossary-term]').first();
	await press(page, term);
	await expect(term).toHaveAttribute('aria-expanded', 'true');
	await expectNoAxeViolations(page, 'module 1 with a term open');

	// Knowledge check: each answer chosen with Space and arrows, checked with Enter.
	const questions = page.getByTestId('knowledge-question');
	for (const [qi, q] of first.questions.entries()) {
		const box = questions.nth(qi);
		await chooseRadio(
			page,
			box,
			q.options.findIndex((o) => o.id === q.answer)
		);
		await press(page, box.getByRole('button', { name: /Check answer/ }));
		await expect(box.getByTestId('question-feedback')).toContainText('Correct.');
	}
	await press(page, page.getByRole('button', { name: 'Mark as complete' }));
	await expect(page.getByTestId('module-complete')).toContainText('You completed this module');
	await expect(page.locator('#finish-heading')).toBeFocused();

	// Practice: the module's gentle scenario, played to its debrief.
	const practice = page.getByTestId('practise-this').getByRole('link').first();
	await press(page, practice);
	await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
	await expectNoAxeViolations(page, 'practice briefing');
	await playToDebriefByKeyboard(page);
	await expect(page.getByTestId('result')).toContainText(/(Passed|Not passed): \d+(\.\d+)?%/);
	await expectNoAxeViolations(page, 'practice debrief');

	// The dashboard shows the route's progress and where to go next.
	await gotoReady(page, '/progress/');
	const dash = page.getByTestId('induction-summary');
	await expect(dash.getByTestId('induction-count')).toHaveText('1 of 7 modules done.');
	await expect(dash.getByTestId('induction-next')).toContainText(INDUCTION_MODULES[1].title);
	await expectNoAxeViolations(page, 'progress with induction');

	// Deleting the profile would remove the induction progress, and the confirmation says so.
	await gotoReady(page, '/profiles/');
	await press(page, page.getByRole('button', { name: 'Delete Nia Keys' }));
	const confirm = page.getByTestId('delete-confirmation');
	await expect(confirm).toContainText('1 learning record: induction progress');
	await expectNoAxeViolations(page, 'delete confirmation');
	await press(page, confirm.getByRole('button', { name: 'No, keep it' }));
	await expect(page.getByTestId('delete-confirmation')).toHaveCount(0);
});

test('an apprentice runs a whole mock assessment by keyboard alone', async ({ page }) => {
	await createProfileByKeyboard(page, 'Ade Keys', 'Apprentice');
	await gotoReady(page, '/assessment/');
	await expect(page.getByTestId('pass-marks')).toContainText('60%');
	await expect(page.getByTestId('pass-marks')).toContainText('80%');
	await press(page, page.getByTestId('start-assessment'));
	await expect(page.locator('#session-heading')).toBeFocused();
	await expectNoAxeViolations(page, 'mock assessment started');
	const items = page.getByTestId('assessment-item');
	const count = await items.count();
	expect(count).toBeGreaterThanOrEqual(2);
	const families = new Set<string>();

	for (let i = 0; i < count; i++) {
		families.add((await items.nth(i).locator('.nhsuk-body-s').textContent()) ?? '');
		await press(page, page.getByTestId('next-scenario'));
		await expect(page.getByTestId('assessment-note')).toBeVisible();
		await expectNoAxeViolations(page, `assessment scenario ${i + 1} briefing`);
		await playToDebriefByKeyboard(page);
		await expect(page.getByTestId('result')).toContainText(/(Passed|Not passed): \d+(\.\d+)?%/);
		if (i === 0) await expectNoAxeViolations(page, 'assessment scenario debrief');
		await press(page, page.getByRole('link', { name: 'go back to your mock assessment' }));
		await expect(page.locator('main[data-app-ready="true"]')).toBeVisible();
		await expect(items.nth(i)).toContainText('%');
	}
	// The mix spans families, and the result page gives the overall and data security marks against the pass marks.
	expect(families.size).toBe(count);
	const result = page.getByTestId('assessment-result');
	await expect(result).toContainText(/(Passed|Not passed): \d+(\.\d)?%/);
	await expect(result).toContainText(/\d+ of \d+ points overall/);
	await expect(
		page.getByText('Pass marks for this attempt: 60% overall, 80% on data security.')
	).toBeVisible();
	const passed = /Passed/.test((await result.locator('.nhsuk-heading-l').textContent()) ?? '');
	if (!passed) await expect(result.getByRole('listitem').first()).toBeVisible();
	await expectNoAxeViolations(page, 'mock assessment result');
});

test('the evidence pack by keyboard alone, printed with the synthetic marking on every page', async ({
	page
}, testInfo) => {
	await createProfileByKeyboard(page, 'Ama Keys', 'Apprentice');
	await gotoReady(page, '/play/?scenario=nhs-number-check-gentle&seed=21');
	await playToDebriefByKeyboard(page);

	await gotoReady(page, '/evidence/');
	await expect(page.getByTestId('evidence-attempt')).toHaveCount(1);
	await expectNoAxeViolations(page, 'evidence pack');
	await typeInto(page, page.getByLabel('Trainer’s name'), 'Dee Trainer');
	await typeInto(page, page.getByLabel('Date of sign-off'), '2026-01-01');
	await typeInto(page, page.getByLabel('Comments'), 'Checked by keyboard.');
	await press(page, page.getByRole('button', { name: 'Save sign-off' }));
	await expect(page.getByTestId('signoff-saved')).toContainText(
		'Signed off by Dee Trainer on 1 January 2026'
	);
	const download = page.waitForEvent('download');
	await press(page, page.getByRole('button', { name: 'Download as JSON' }));
	const pack = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
	expect(pack).toMatchObject({ synthetic: true, data: { signOff: { name: 'Dee Trainer' } } });
	await expectNoAxeViolations(page, 'evidence pack signed off');

	// Printed: every page carries the marking in its foot, page one also the banner and the statement.
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	const pages = pdfPageTexts(pdf).map((t) => t.replace(/\s+/g, ' '));
	console.log(
		`Evidence pack PDF: ${pages.length} pages (text read with ${HAS_POPPLER ? 'pdftotext' : 'the built-in reader'})`
	);
	expect(pages.length).toBeGreaterThanOrEqual(2);
	for (const [i, text] of pages.entries()) expect(text, `page ${i + 1}`).toContain(MARKING);
	// The reader used where poppler is missing (CI) finds the same pages and markings.
	const builtIn = pdfPageTextsBuiltIn(pdf).map((t) => t.replace(/\s+/g, ' '));
	expect(builtIn).toHaveLength(pages.length);
	for (const [i, text] of builtIn.entries())
		expect(text, `page ${i + 1}, built-in reader`).toContain(MARKING);
	expect(pages[0]).toContain('All patients, records and cases in this evidence pack are synthetic');
	expect(pages.join(' ')).toContain('Dee Trainer');
	expect(pages.join(' ')).not.toContain('Download as JSON');

	const dir = testInfo.outputPath('evidence-pages');
	mkdirSync(dir, { recursive: true });
	const pngs = pdfToPngs(pdf, dir);
	console.log(`Evidence pack pages as PNG: ${pngs.join(', ') || 'none (pdftoppm not installed)'}`);
	if (pngs.length && process.env.EVIDENCE_PAGE_PNG) copyFileSync(pngs[0], process.env.EVIDENCE_PAGE_PNG);
	if (process.env.EVIDENCE_PDF) writeFileSync(process.env.EVIDENCE_PDF, pdf);
	// Keyboard reach of the print button, last: it opens the browser's print dialogue, which a test cannot close.
	await page.emulateMedia({ media: 'screen' });
	await reach(page, page.getByRole('button', { name: 'Print or save as PDF' }));
});

// The helper above must cope with every kind the mock assessment can pick, whichever the session's seed draws.
// One kind per family runs always; KB_ALL_KINDS=1 runs all fourteen assessment scenarios (about six minutes: all
// passed on 2026-11-26).
const ONE_PER_FAMILY = [
	'nhs-number-check-assessment',
	'folder-care-assessment',
	'registration-check-assessment',
	'police-and-third-parties-assessment',
	'phone-call-assessment'
];
const ASSESSMENT_IDS = process.env.KB_ALL_KINDS
	? readdirSync('src/lib/scenarios/definitions')
			.filter((f) => f.endsWith('-assessment.json'))
			.map((f) => f.replace(/\.json$/, ''))
	: ONE_PER_FAMILY;
for (const id of ASSESSMENT_IDS) {
	test(`keyboard alone finishes ${id}`, async ({ page }) => {
		await createProfileByKeyboard(page, 'Kit Keys', 'Apprentice');
		await gotoReady(page, `/play/?scenario=${id}&seed=3`);
		await expectNoAxeViolations(page, `${id} briefing`);
		await playToDebriefByKeyboard(page);
		await expect(page.getByTestId('result')).toContainText(/(Passed|Not passed): \d+(\.\d+)?%/);
	});
}

test('the grouped main menu works by keyboard, closes with Escape, and fits 320 px', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await gotoReady(page, '/outcomes/');
	const nav = page.getByRole('navigation', { name: 'Main menu' });
	const progress = nav.getByRole('button', { name: 'Progress' });
	// The group holding the current page is marked as current.
	await expect(progress).toHaveAttribute('aria-current', 'true');
	await expect(progress).toHaveAttribute('aria-expanded', 'false');
	await press(page, progress);
	await expect(progress).toHaveAttribute('aria-expanded', 'true');
	const here = nav.getByRole('link', { name: 'Outcomes map' });
	await expect(here).toHaveAttribute('aria-current', 'page');
	// Nothing runs off a 320 px screen, with the menu open.
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectNoAxeViolations(page, 'main menu open at 320 px');
	await page.keyboard.press('Tab');
	await expect(nav.getByRole('link', { name: 'Your progress' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(progress).toBeFocused();
	await expect(progress).toHaveAttribute('aria-expanded', 'false');
	await expect(here).toBeHidden();

	// Another group by keyboard, and a link in it followed with Enter.
	const learn = nav.getByRole('button', { name: 'Learn' });
	await press(page, learn);
	await press(page, nav.getByRole('link', { name: 'Glossary' }));
	await expect(page).toHaveURL(/\/glossary\/$/);
	await expect(learn).toHaveAttribute('aria-expanded', 'false');
	await expect(learn).toHaveAttribute('aria-current', 'true');
	await expectNoAxeViolations(page, 'glossary at 320 px');
});
