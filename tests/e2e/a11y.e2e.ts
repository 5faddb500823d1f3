import { expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

import { PAGES } from './pages';

for (const path of PAGES) {
	test(`${path} has no WCAG 2.2 AA violations and shows the synthetic marker`, async ({ page }) => {
		await gotoReady(page, path);
		await expect(page.getByTestId('synthetic-marker')).toContainText('Synthetic training data');
		await expect(page.locator('h1')).toHaveCount(1);
		await expectNoAxeViolations(page, path);
	});
}

test('no request leaves this machine (fonts included)', async ({ page }) => {
	const external: string[] = [];
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (!['localhost', '127.0.0.1'].includes(url.hostname) && url.protocol.startsWith('http'))
			external.push(r.url());
	});
	for (const path of PAGES) await gotoReady(page, path);
	expect(external).toEqual([]);
});

test('when the browser blocks storage, the app says so in plain English', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
	});
	await gotoReady(page, '/profiles/');
	await expect(page.getByTestId('storage-unavailable')).toContainText('Your work will not be saved');
	await expect(page.getByTestId('storage-unavailable')).toContainText('private or incognito window');
	await expectNoAxeViolations(page, 'storage unavailable');
});
