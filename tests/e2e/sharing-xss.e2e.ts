import { readFileSync } from 'node:fs';
import { XSS_CORPUS } from '../fixtures/xss-corpus';
import { createProfile, expect, gotoReady, test } from './fixtures';

const base = JSON.parse(
	readFileSync(
		new URL('../../src/lib/scenarios/definitions/nhs-number-check-gentle.json', import.meta.url),
		'utf8'
	)
);
const CHUNK = 15;

/** The whole corpus as scenario text in one unsigned pack: each payload is a title, and every one is in a briefing. */
function corpusPack() {
	const scenarios = [];
	for (let i = 0; i * CHUNK < XSS_CORPUS.length; i++) {
		const chunk = XSS_CORPUS.slice(i * CHUNK, (i + 1) * CHUNK);
		scenarios.push({
			...base,
			id: `xss-${i}`,
			title: `XSS ${i}: ${chunk[0]}`.slice(0, 120).trim(),
			briefing: chunk.join('\n\n')
		});
	}
	return {
		format: 'records-room-signed',
		formatVersion: 1,
		signature: null,
		payload: {
			kind: 'records-room-scenario-pack',
			packVersion: 1,
			synthetic: true,
			title: '<img src=x onerror=alert(1)> pack',
			exportedAt: '2026-11-26T00:00:00.000Z',
			appVersion: 'test',
			scenarios,
			assignments: [
				{
					id: 'xss-assignment',
					title: '<svg onload=alert(1)> assignment',
					items: scenarios.map((s) => ({ definitionId: s.id })),
					doneWhen: 'finished'
				}
			]
		}
	};
}

test('XSS corpus imported as scenario text in a pack, then played: no script, no dialog, no CSP violation', async ({
	page
}, testInfo) => {
	test.setTimeout(240_000);
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	// Counted per page load and collected before each navigation.
	await page.addInitScript(() => {
		const w = window as unknown as { __xss: number; __csp: string[] };
		w.__xss = 0;
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
		for (const name of ['alert', 'confirm', 'prompt'] as const) {
			const original = window[name].bind(window);
			(window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
				w.__xss++;
				return (original as (...a: unknown[]) => unknown)(...args);
			};
		}
	});
	let xss = 0;
	const csp: string[] = [];
	async function collect() {
		// Give any deferred handler (onerror, onload, autofocus) a moment to fire.
		await page.waitForTimeout(300);
		const seen = await page.evaluate(() => {
			const w = window as unknown as { __xss: number; __csp: string[] };
			return { xss: w.__xss, csp: w.__csp };
		});
		xss += seen.xss;
		csp.push(...seen.csp);
		expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBe(0);
	}

	const pack = corpusPack();
	await createProfile(page, 'Eve', 'New starter');
	await gotoReady(page, '/packs/');
	await page.getByLabel('Choose the scenario pack file').setInputFiles({
		name: 'xss-pack.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(pack))
	});
	await expect(page.getByTestId('pack-signature')).toHaveAttribute('data-status', 'unsigned');
	const n = pack.payload.scenarios.length;
	await expect(page.getByTestId('pack-plan-scenarios').locator('tbody tr')).toHaveCount(n);
	await page.getByRole('button', { name: /^Import \d+ items$/ }).click();
	await expect(page.getByTestId('pack-imported')).toBeVisible();
	await collect();

	// Titles and first paragraphs on the scenario list, the assignment on the progress page.
	await gotoReady(page, '/scenarios/');
	await expect(page.getByRole('heading', { name: /^XSS 0:/ })).toBeVisible();
	await collect();
	await gotoReady(page, '/progress/');
	await expect(page.getByTestId('my-assignment')).toContainText('<svg onload=alert(1)> assignment');
	await collect();

	// Play each one: the briefing shows every payload as text or safe markup.
	let played = 0;
	for (const s of pack.payload.scenarios) {
		await gotoReady(page, `/play/?scenario=${s.id}&seed=1`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.title);
		await expect(page.getByTestId('briefing')).toBeVisible();
		const tags = await page
			.getByTestId('briefing')
			.evaluate(
				(root) => [...root.querySelectorAll('script, iframe, object, embed, img, svg, style')].length
			);
		expect(tags, s.id).toBe(0);
		await collect();
		played++;
	}
	const summary = `${XSS_CORPUS.length} payloads in ${played} imported scenarios played; ${xss} script calls, ${dialogs.length} dialogs, ${csp.length} CSP violations`;
	testInfo.annotations.push({ type: 'xss-corpus-pack', description: summary });
	console.log(`XSS corpus via pack: ${summary}`);
	expect(played).toBe(n);
	expect(dialogs).toEqual([]);
	expect(xss).toBe(0);
	expect(csp).toEqual([]);
});
