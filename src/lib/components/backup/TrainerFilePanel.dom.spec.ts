import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '$lib/state/app.svelte';
import { backup } from '$lib/state/backup.svelte';
import TrainerFilePanel from './TrainerFilePanel.svelte';

beforeEach(async () => {
	await app.init();
});

afterEach(async () => {
	vi.restoreAllMocks();
	const db = app.db;
	app.reset();
	if (db) await db.delete();
});

describe('the progress file for a trainer', () => {
	it('names whose results it holds before and after the export, on a computer people share', async () => {
		await app.createProfile('Ada Okafor', 'apprentice');
		const cara = await app.createProfile('Cara', 'new-starter');
		const exportForTrainer = vi
			.spyOn(backup, 'exportForTrainer')
			.mockResolvedValue('records-room-for-trainer-cara-2026-11-26.json');
		render(TrainerFilePanel);

		const whose = screen.getByTestId('trainer-file-whose');
		expect(whose).toHaveTextContent('This file will hold the results of Cara only: the profile in use now.');
		expect(whose).toHaveTextContent('If you are not Cara, switch to your own profile first.');
		expect(screen.getByRole('link', { name: 'switch to your own profile' })).toHaveAttribute(
			'href',
			expect.stringMatching(/\/profiles\/$/)
		);
		const button = screen.getByRole('button', {
			name: "Export a progress file for your trainer with Cara's results"
		});

		await fireEvent.click(button);
		expect(exportForTrainer).toHaveBeenCalledWith(cara.id);
		await expect
			.poll(() => screen.getByTestId('trainer-export-status').textContent)
			.toBe(
				"Saved records-room-for-trainer-cara-2026-11-26.json to your downloads: Cara's results. Give it to your trainer (shared drive, email or USB stick)."
			);
	});

	it('does not offer to switch when this is the only profile', async () => {
		await app.createProfile('Dev', 'apprentice');
		render(TrainerFilePanel);
		expect(screen.getByTestId('trainer-file-whose')).toHaveTextContent('the results of Dev only');
		expect(screen.queryByRole('link', { name: 'switch to your own profile' })).toBeNull();
	});

	it('asks for a profile first when none is chosen', () => {
		render(TrainerFilePanel);
		expect(screen.queryByRole('button')).toBeNull();
		expect(screen.getByText(/Choose your profile first/)).toBeInTheDocument();
	});
});
