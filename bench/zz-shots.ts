import { openBrowserBench } from './browser';
const bench = await openBrowserBench(4297);
const { page, base } = bench;
await page.setViewportSize({ width: 1280, height: 900 });
try {
	await page.goto(`${base}/profiles/`);
	await page.waitForSelector('main[data-app-ready="true"]');
	await page.getByLabel('Display name').fill('Zoë Ó Briain');
	await page.getByLabel('Apprentice', { exact: true }).check();
	await page.getByRole('button', { name: 'Create profile' }).click();
	await page.getByTestId('active-profile').getByText('Zoë').waitFor();
	await page.goto(`${base}/your-data/`);
	await page.waitForSelector('main[data-app-ready="true"]');
	await page.getByTestId('trainer-file-whose').scrollIntoViewIfNeeded();
	await page.screenshot({ path: '/tmp/shots/your-data.png', fullPage: true });
	await page.goto(`${base}/trust/`);
	await page.waitForSelector('main[data-app-ready="true"]');
	await page.getByLabel('Seed').fill('e2e-seed');
	await page.getByLabel('Number of patients').selectOption('1000');
	await page.getByRole('button', { name: 'Generate trust' }).click();
	await page.getByTestId('trust-status').getByText('Trust ready').waitFor();
	for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Next page' }).click();
	await page.getByTestId('patient-table').getByRole('button', { name: /Open record/ }).nth(10).click();
	const rec = page.getByTestId('patient-record');
	await rec.getByRole('heading', { name: 'Casenote volumes and tracking' }).scrollIntoViewIfNeeded();
	await rec.getByRole('heading', { name: 'Casenote volumes and tracking' }).screenshot({ path: '/tmp/shots/x.png' });
	await page.screenshot({ path: '/tmp/shots/trust-volumes.png' });
} finally {
	await bench.close();
}
