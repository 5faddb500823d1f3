import { expect, expectNoAxeViolations, gotoReady, test } from './fixtures';

test('create a profile, reload, and it is still there and active', async ({ page }) => {
	await gotoReady(page, '/profiles/');
	await expect(page.getByTestId('no-profiles')).toBeVisible();
	await page.getByLabel('Display name').fill('Priya');
	await page.getByLabel('Apprentice').check();
	await page.getByRole('button', { name: 'Create profile' }).click();
	await expect(page.getByTestId('active-profile')).toContainText('Priya');
	await page.reload();
	await expect(page.locator('main[data-app-ready="true"]')).toBeVisible();
	await expect(page.getByTestId('active-profile')).toContainText('Priya (Apprentice)');
	await expect(page.getByTestId('profile-row')).toHaveCount(1);
});

test('validation errors are shown in plain English next to the field', async ({ page }) => {
	await gotoReady(page, '/profiles/');
	await page.getByRole('button', { name: 'Create profile' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter a display name');
	await page.getByLabel('Display name').fill('Tom');
	await page.getByRole('button', { name: 'Create profile' }).click();
	await expect(page.getByRole('alert')).toContainText('Select a role');
	await expectNoAxeViolations(page, 'with errors shown');
	await page.getByLabel('New starter').check();
	await page.getByRole('button', { name: 'Create profile' }).click();
	await expect(page.getByTestId('active-profile')).toContainText('Tom');
	await page.getByLabel('Display name').fill('TOM');
	await page.getByLabel('Trainer').check();
	await page.getByRole('button', { name: 'Create profile' }).click();
	await expect(page.getByRole('alert')).toContainText('A profile called "Tom" already exists');
});

test('switch between profiles, rename one, and delete with a confirmation that says what goes', async ({
	page
}) => {
	await gotoReady(page, '/profiles/');
	for (const [name, role] of [
		['Ada', 'New starter'],
		['Ben', 'Trainer']
	]) {
		await page.getByLabel('Display name').fill(name);
		await page.getByLabel(role, { exact: true }).check();
		await page.getByRole('button', { name: 'Create profile' }).click();
		await expect(page.getByTestId('active-profile')).toContainText(name);
	}
	await page.getByRole('button', { name: 'Switch to Ada' }).click();
	await expect(page.getByTestId('active-profile')).toContainText('Ada (New starter)');

	await page.getByRole('button', { name: 'Rename Ben' }).click();
	await page.getByLabel('New display name for Ben').fill('Benedict');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByRole('heading', { name: /Benedict/ })).toBeVisible();

	await page.getByRole('button', { name: 'Delete Ada' }).click();
	const confirm = page.getByTestId('delete-confirmation');
	await expect(confirm).toContainText('the profile "Ada" (New starter)');
	await expect(confirm).toContainText('cannot be undone');
	await expectNoAxeViolations(page, 'delete confirmation');
	await page.getByRole('button', { name: 'No, keep it' }).click();
	await expect(page.getByTestId('profile-row')).toHaveCount(2);
	await page.getByRole('button', { name: 'Delete Ada' }).click();
	await page.getByRole('button', { name: 'Yes, delete Ada' }).click();
	await expect(page.getByTestId('profile-row')).toHaveCount(1);
	await expect(page.getByTestId('active-profile')).toContainText('No profile chosen');
	await page.reload();
	await expect(page.getByTestId('profile-row')).toHaveCount(1);
});

test('the whole profile flow works with the keyboard alone', async ({ page }) => {
	await gotoReady(page, '/');
	// From the home page: skip link, then reach the profiles link by tabbing.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
	await page.keyboard.press('Enter');
	const createLink = page.getByRole('link', { name: 'Create your profile' });
	for (let i = 0; i < 10 && !(await createLink.evaluate((el) => el === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(createLink).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Profiles on this computer' })).toBeVisible();

	const name = page.getByLabel('Display name');
	await tabUntil(page, name);
	await page.keyboard.type('Kay');
	await page.keyboard.press('Tab'); // to the first role radio
	await page.keyboard.press('Space');
	await page.keyboard.press('Enter'); // submits the form from a radio
	await expect(page.getByTestId('active-profile')).toContainText('Kay (New starter)');

	await tabUntil(page, page.getByRole('button', { name: 'Rename Kay' }));
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('New display name for Kay')).toBeFocused();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('Kaye');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('active-profile')).toContainText('Kaye');

	await tabUntil(page, page.getByRole('button', { name: 'Delete Kaye' }));
	await page.keyboard.press('Enter');
	await tabUntil(page, page.getByRole('button', { name: 'Yes, delete Kaye' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('no-profiles')).toBeVisible();
});

async function tabUntil(page: import('@playwright/test').Page, target: import('@playwright/test').Locator) {
	for (let i = 0; i < 40; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}
