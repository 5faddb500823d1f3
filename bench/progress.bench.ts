/**
 * Issue 6 figures in real Chromium: the dashboard's render time with 1,000 attempts (target under 200 ms), and
 * exporting and importing a profile with 1,000 attempts through the "Your data" page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowserBench } from './browser';

const ATTEMPTS = 1000;
const EVENTS_PER_ATTEMPT = 12;

const bench = await openBrowserBench(4191);
const { page, base } = bench;
try {
	await page.goto(`${base}/profiles/`);
	await page.waitForSelector('main[data-app-ready="true"]');
	await page.getByLabel('Display name').fill('Bench');
	await page.getByLabel('Apprentice').check();
	await page.getByRole('button', { name: 'Create profile' }).click();
	await page.getByTestId('active-profile').getByText('Bench').waitFor();

	const definition = (await import('../src/lib/scenarios/definitions/nhs-number-check-realistic.json'))
		.default;
	await page.evaluate(
		async ({ n, events, definition }) => {
			const profileId = await new Promise<string>((resolve, reject) => {
				const open = indexedDB.open('records-room');
				open.onsuccess = () => {
					const tx = open.result.transaction('settings', 'readonly');
					const get = tx.objectStore('settings').get('activeProfileId');
					get.onsuccess = () => resolve(get.result.value);
					get.onerror = () => reject(get.error);
				};
			});
			const db = await new Promise<IDBDatabase>((r) => {
				const o = indexedDB.open('records-room');
				o.onsuccess = () => r(o.result);
			});
			const tx = db.transaction(['attempts', 'attemptEvents'], 'readwrite');
			for (let i = 0; i < n; i++) {
				const id = `bench-${i}`;
				const day = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 * 7).toISOString();
				const percent = (i * 37) % 101;
				tx.objectStore('attempts').put({
					id,
					profileId,
					definitionId: definition.id,
					definitionVersion: definition.version,
					definition,
					machineId: definition.kind,
					machineVersion: 1,
					seed: 1000 + i,
					today: day.slice(0, 10),
					status: 'finished',
					startedAt: day,
					updatedAt: day,
					finishedAt: day,
					eventCount: events,
					snapshot: null,
					summary: {
						percent,
						passed: percent >= 60,
						points: percent,
						possiblePoints: 100,
						criticalErrors: 0,
						rubricVersion: 1
					}
				});
				for (let seq = 0; seq < events; seq++) {
					tx.objectStore('attemptEvents').put({
						attemptId: id,
						seq,
						profileId,
						event: { type: 'learner.answer', at: day, answer: { verdict: 'accept' } }
					});
				}
			}
			await new Promise((r) => (tx.oncomplete = r));
			db.close();
		},
		{ n: ATTEMPTS, events: EVENTS_PER_ATTEMPT, definition }
	);

	const renders: number[] = [];
	for (let i = 0; i < 5; i++) {
		await page.goto(`${base}/progress/`);
		await page.getByTestId('history-table').waitFor();
		renders.push(await page.evaluate(() => performance.getEntriesByName('progress:render').at(-1)!.duration));
	}
	renders.sort((a, b) => a - b);
	console.log(
		`Dashboard with ${ATTEMPTS} attempts: median ${renders[2].toFixed(0)} ms, worst ${renders[4].toFixed(0)} ms (target < 200 ms)`
	);

	await page.goto(`${base}/your-data/`);
	await page.waitForSelector('main[data-app-ready="true"]');
	let t = performance.now();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export progress to a file' }).click();
	const file = join(mkdtempSync(join(tmpdir(), 'rr-bench-')), 'backup.json');
	await (await download).saveAs(file);
	console.log(
		`Export of ${ATTEMPTS} attempts (${ATTEMPTS * EVENTS_PER_ATTEMPT} events), click to file: ${(performance.now() - t).toFixed(0)} ms`
	);

	await page.evaluate(
		() =>
			new Promise((r) => {
				const d = indexedDB.deleteDatabase('records-room');
				d.onsuccess = d.onerror = d.onblocked = r;
			})
	);
	await page.goto(`${base}/your-data/`);
	await page.waitForSelector('main[data-app-ready="true"]');
	t = performance.now();
	await page.getByLabel('Choose a Records Room progress file').setInputFiles(file);
	await page.getByTestId('import-preview').waitFor();
	const checked = performance.now() - t;
	await page.getByRole('button', { name: 'Import and add' }).click();
	await page.getByTestId('import-status').getByText('Imported progress').waitFor();
	console.log(
		`Import: file checked and previewed in ${checked.toFixed(0)} ms, written in ${(performance.now() - t - checked).toFixed(0)} ms`
	);
} finally {
	await bench.close();
}
