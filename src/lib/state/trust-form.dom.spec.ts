import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listStoredTrusts } from '$lib/db/trusts';
import type { FromWorker, ToWorker } from '$lib/workers/generate-protocol';
import TrustPage from '../../routes/trust/+page.svelte';
import { app } from './app.svelte';
import { practiceTrust } from './practice-trust.svelte';
import { trustBrowser } from './trust.svelte';

/**
 * Stands in for the generation Worker: the page's messages are what the generator would be given. It answers each
 * 'generate' with 'cancelled', which frees the form for the next one without building a trust.
 */
let sent: ToWorker[] = [];
class FakeWorker {
	onmessage: ((e: { data: FromWorker }) => void) | null = null;
	onerror: unknown = null;
	postMessage(m: ToWorker) {
		sent.push(m);
		if (m.type === 'generate')
			queueMicrotask(() => this.onmessage?.({ data: { type: 'cancelled', job: m.job } }));
	}
	terminate() {}
}
const generated = () =>
	sent.filter((m): m is Extract<ToWorker, { type: 'generate' }> => m.type === 'generate');

beforeEach(async () => {
	sent = [];
	vi.stubGlobal('Worker', FakeWorker);
	await app.init();
});

afterEach(async () => {
	vi.unstubAllGlobals();
	trustBrowser.reset();
	practiceTrust.reset();
	const db = app.db;
	app.reset();
	if (db) await db.delete();
});

const field = () => screen.getByLabelText('Patients with several casenote volumes');
const generate = () => fireEvent.click(screen.getByRole('button', { name: 'Generate trust' }));

describe('"Patients with several casenote volumes" on /trust/', () => {
	it('starts at 10% and passes the percentage to the generator as a share', async () => {
		render(TrustPage);
		await expect.poll(() => practiceTrust.status).toBe('unsaved');
		expect(field()).toHaveValue('10');
		expect(field()).toHaveAccessibleDescription(
			'Percentage of patients aged 50 or over whose long hospital history fills 2 to 4 casenote volumes, so trainees practise with closed and current volumes. Enter a whole number from 0 to 100. The default is 10.'
		);

		await fireEvent.input(screen.getByLabelText('Seed'), { target: { value: 'ward-round' } });
		await fireEvent.input(field(), { target: { value: '35' } });
		await generate();

		expect(generated().map((m) => m.settings)).toEqual([
			expect.objectContaining({ seed: 'ward-round', patients: 1000, longHistories: 0.35 })
		]);
	});

	it('refuses what is not a whole percentage next to the field, and generates nothing', async () => {
		render(TrustPage);
		await expect.poll(() => practiceTrust.status).toBe('unsaved');

		await fireEvent.input(field(), { target: { value: '12.5' } });
		await generate();

		const problem = 'Enter the percentage as a whole number from 0 to 100, for example 10';
		expect(screen.getByText(problem)).toBeInTheDocument();
		expect(field()).toHaveFocus();
		expect(field()).toHaveAccessibleDescription(expect.stringContaining(`Error: ${problem}`));
		expect(field().closest('.nhsuk-form-group')).toHaveClass('nhsuk-form-group--error');
		expect(generated()).toEqual([]);

		await fireEvent.input(field(), { target: { value: '101' } });
		await generate();
		expect(screen.getByText('The percentage must be 100 or less')).toBeInTheDocument();
		expect(generated()).toEqual([]);

		await fireEvent.input(field(), { target: { value: '0' } });
		await generate();
		expect(screen.queryByText('The percentage must be 100 or less')).toBeNull();
		expect(generated().map((m) => m.settings.longHistories)).toEqual([0]);
	});

	it("stores the share with the profile's trust, and shows and uses it when the page opens again", async () => {
		await app.createProfile('Tess', 'trainer');
		const first = render(TrustPage);
		await expect.poll(() => generated().length).toBe(1);
		// The profile's first trust is made with the generator's default share.
		expect(generated()[0].settings.longHistories).toBeUndefined();

		await fireEvent.input(field(), { target: { value: '40' } });
		await generate();
		await expect.poll(() => generated().length).toBe(2);
		expect(generated()[1].settings).toMatchObject({
			seed: 'records-room',
			patients: 10_000,
			longHistories: 0.4
		});
		const stored = await listStoredTrusts(app.db!, app.activeId!);
		expect(stored[0].settings.longHistories).toBe(0.4);

		first.unmount();
		render(TrustPage);
		await expect.poll(() => generated().length).toBe(3);
		expect(generated()[2].settings.longHistories).toBe(0.4);
		expect(field()).toHaveValue('40');

		// A fresh trust under a new generator version keeps the share too.
		await practiceTrust.makeFresh();
		expect(practiceTrust.stored?.settings.longHistories).toBe(0.4);
	});
});
