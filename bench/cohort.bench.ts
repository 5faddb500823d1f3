/**
 * Cohort dashboard figures in real Chromium (issue 11): importing 200 trainee progress files of 50 attempts each
 * (target: at most 3 s) and rendering the dashboard (target: at most 300 ms).
 *
 * The files are made with the real scenario machines and the real writers (src/lib/trainer/testing/
 * progress-files.ts), exactly as /your-data/ exports them, and kept in the system temp folder so later runs skip
 * the few minutes that takes. By default it imports progress files for a trainer (ADR 0007), which is what
 * trainees send; COHORT_KIND=backup imports full backups instead, for comparison. Trainer files are made from
 * cached backups when those exist (the same attempts, written by the trainer file's own writer).
 * Prints figures with the machine's load; never fails on a slow machine.
 * Run: npx tsx bench/cohort.bench.ts (COHORT_FILES and COHORT_ATTEMPTS change the size; BENCH_PORT the port).
 */
import 'fake-indexeddb/auto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordsRoomDb } from '../src/lib/db/database';
import type { BackupFile } from '../src/lib/db/backup';
import { trainerFileFromRows, trainerFileText } from '../src/lib/db/trainer-file';
import { buildProgressFile } from '../src/lib/trainer/testing/progress-files';
import { openBrowserBench } from './browser';

const FILES = Number(process.env.COHORT_FILES ?? 200);
const ATTEMPTS = Number(process.env.COHORT_ATTEMPTS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 4286);
const KIND = process.env.COHORT_KIND === 'backup' ? 'backup' : 'trainer';
const load = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');
const line = (label: string, ms: number, target?: number) =>
	console.log(
		`${label.padEnd(62)} ${ms.toFixed(0).padStart(7)} ms${target === undefined ? '' : `   target <= ${target} ms   ${ms <= target ? 'met' : 'MISSED'}`}`
	);

// ---- Files: real exports, cached on disk.
const dir = join(tmpdir(), `records-room-cohort-bench-${FILES}x${ATTEMPTS}`);
const trainerDir = join(tmpdir(), `records-room-cohort-bench-trainer-${FILES}x${ATTEMPTS}`);
mkdirSync(dir, { recursive: true });
mkdirSync(trainerDir, { recursive: true });
const names = ['Ada', 'Ben', 'Cara', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jo'];
const surnames = ['Okafor', 'Price', 'Singh', 'Evans', 'Nowak', 'Hughes', 'Begum', 'Walsh', 'Reid', 'Kerr'];
const paths: string[] = [];
const t0 = performance.now();
let made = 0;
const maker = new RecordsRoomDb('cohort-bench-maker');
await maker.open();
for (let i = 0; i < FILES; i++) {
	const path = join(dir, `progress-${String(i).padStart(3, '0')}.json`);
	const trainerPath = join(trainerDir, `for-trainer-${String(i).padStart(3, '0')}.json`);
	paths.push(KIND === 'backup' ? path : trainerPath);
	if (KIND === 'trainer' && !existsSync(trainerPath) && existsSync(path)) {
		const backup = JSON.parse(readFileSync(path, 'utf8')) as BackupFile;
		const file = await trainerFileFromRows(backup.data.profiles, backup.data.tables.attempts ?? [], {
			now: new Date(backup.exportedAt),
			appVersion: backup.appVersion
		});
		writeFileSync(trainerPath, trainerFileText(file));
		made++;
		continue;
	}
	if (existsSync(path) && existsSync(trainerPath)) continue;
	const { text, trainerText } = await buildProgressFile(
		maker,
		{
			name: `${names[i % 10]} ${surnames[Math.floor(i / 10) % 10]} ${Math.floor(i / 100) + 1}`,
			seed: 1000 + i,
			attempts: ATTEMPTS,
			skill: 0.35 + ((i * 37) % 60) / 100,
			from: new Date(Date.UTC(2026, 8, 1) + (i % 30) * 86_400_000).toISOString()
		},
		// A pool of cases and answer patterns per scenario keeps generation to minutes, not hours.
		{ now: new Date('2026-11-25T12:00:00.000Z'), appVersion: 'bench', caseSeeds: 6, policies: 4 }
	);
	writeFileSync(path, text);
	writeFileSync(trainerPath, trainerText);
	made++;
	if (made % 20 === 0)
		console.log(`  made ${made} files (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}
await maker.delete();
const bytes = paths.reduce((n, p) => n + statSync(p).size, 0);
console.log(
	`${FILES} ${KIND === 'backup' ? 'full backups' : 'progress files for a trainer'}, ${ATTEMPTS} attempts each, ${(bytes / 1024 / 1024).toFixed(1)} MB in all (${made} made now, ${FILES - made} from ${KIND === 'backup' ? dir : trainerDir})`
);

// ---- The browser. A port already answering is another checkout's server: measuring that would be meaningless.
const busy = await fetch(`http://localhost:${PORT}/`).then(
	() => true,
	() => false
);
if (busy) throw new Error(`Port ${PORT} is in use by another server: set BENCH_PORT to a free port.`);
const bench = await openBrowserBench(PORT);
const { page, base } = bench;
page.on('console', (m) => {
	if (m.type() === 'error') console.log(`  page console: ${m.text()}`);
});
try {
	console.log(`Chromium ${bench.browser.version()}, ${cpus().length} cores, load before: ${load()}`);
	await page.goto(`${base}/profiles/`);
	await page.waitForSelector('main[data-app-ready="true"]');
	await page.getByLabel('Display name').fill('Bench Trainer');
	await page.getByLabel('Trainer', { exact: true }).check();
	await page.getByRole('button', { name: 'Create profile' }).click();
	await page.getByTestId('active-profile').getByText('Bench Trainer').waitFor();
	await page.goto(`${base}/trainer/`);
	await page.getByLabel('New PIN', { exact: true }).fill('2580');
	await page.getByLabel('Type the new PIN again').fill('2580');
	await page.getByRole('button', { name: 'Set PIN' }).click();
	await page.getByTestId('unlocked-status').waitFor();
	await page.getByRole('link', { name: 'Cohort dashboard' }).click();
	await page.getByTestId('cohort-empty').waitFor();

	// Import: the page times importFiles from the first byte read to the last row written and the list re-read.
	const wall0 = Date.now();
	// In the page: the moment the trainees table is first painted after the import. It is looked for at every
	// frame; the frame that has it is painted after the frame callbacks, so the time is read in a task queued
	// from that callback, which runs once the frame is done.
	const painted = page.evaluate(async () => {
		for (;;) {
			const found = await new Promise<number | null>((r) =>
				requestAnimationFrame(() =>
					document.querySelector('[data-testid="cohort-table"]')
						? setTimeout(() => r(performance.now()), 0)
						: r(null)
				)
			);
			if (found !== null) return found;
		}
	});
	await page.getByLabel("Choose trainees' progress files").setInputFiles(paths);
	const report = page.getByTestId('cohort-import-report');
	await report.waitFor({ timeout: 600_000 });
	const wall = Date.now() - wall0;
	await page
		.getByTestId('cohort-table')
		.waitFor()
		.catch(async (e) => {
			// Say what the page reported (files refused, and why) rather than only that the table never came.
			console.log(`  the dashboard did not appear; the import said: ${(await report.textContent())?.trim()}`);
			throw e;
		});
	const importMs = Number(await report.getAttribute('data-import-ms'));
	console.log(`  ${(await page.getByTestId('cohort-import-result').textContent())?.trim()}`);
	console.log(`  ${(await page.getByTestId('cohort-totals').textContent())?.trim()}`);
	line(`import ${FILES} files (check, extract, store), in the page`, importMs, 3000);
	console.log(`  of which: ${await report.getAttribute('data-import-phases')}`);
	line(
		'dashboard render: first paint after the import',
		(await painted) - Number(await report.getAttribute('data-import-end')),
		300
	);
	line('import, wall clock from choosing files to the report on screen', wall);
	console.log(`load after import: ${load()}`);

	// Render: from a click to the new view painted (measured in the page: click, then two animation frames).
	const renderOnce = (selector: string, view: string) =>
		page.evaluate(
			async ({ selector, view }) => {
				const t = performance.now();
				(document.querySelector(selector) as HTMLElement).click();
				for (let i = 0; i < 400; i++) {
					await new Promise((r) => requestAnimationFrame(() => r(null)));
					if (document.querySelector(`[data-view="${view}"] [data-testid="cohort-table"]`)) break;
				}
				await new Promise((r) => requestAnimationFrame(() => r(null)));
				return performance.now() - t;
			},
			{ selector, view }
		);
	const views: [string, string][] = [
		['scenarios', 'a[href$="view=scenarios"]'],
		['decisions', 'a[href$="view=decisions"]'],
		['trainees', 'a[href$="view=trainees"]']
	];
	for (const [view, selector] of views) {
		const times: number[] = [];
		for (let k = 0; k < 3; k++) {
			times.push(await renderOnce(selector, view));
			await renderOnce(views.find(([v]) => v !== view)![1], views.find(([v]) => v !== view)![0]);
		}
		line(`dashboard render: switch to "${view}" view (best of 3)`, Math.min(...times), 300);
	}
	// A filter summarises the filtered attempts in full (parts serve only the unfiltered tables): timed for each
	// mode and back to all, three rounds, so one garbage collection does not pass for the usual figure.
	const filterOnce = (mode: string) =>
		page.evaluate(async (mode) => {
			const select = document.getElementById('filter-mode') as HTMLSelectElement;
			const t = performance.now();
			select.value = mode;
			select.dispatchEvent(new Event('change', { bubbles: true }));
			await new Promise((r) => requestAnimationFrame(() => r(null)));
			await new Promise((r) => requestAnimationFrame(() => r(null)));
			return performance.now() - t;
		}, mode);
	const filterTimes: number[] = [];
	for (let k = 0; k < 3; k++)
		for (const mode of ['assessment', 'practice', '']) filterTimes.push(await filterOnce(mode));
	const sorted = [...filterTimes].sort((a, b) => a - b);
	line('dashboard render: change the mode filter (median of 9)', sorted[4], 300);
	line('dashboard render: change the mode filter (slowest of 9)', sorted[8], 300);

	// Cold open: navigation start to the trainees table on screen, incl. reading every stored file.
	await page.reload();
	await page.getByTestId('cohort-table').waitFor({ timeout: 120_000 });
	const cold = await page.evaluate(() => performance.now());
	line('cold open: page load to the dashboard table (reads all stored files)', cold);
	console.log(`load at end: ${load()}`);
} finally {
	await bench.close();
}
