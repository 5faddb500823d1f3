import { tick } from 'svelte';
import { deleteAttempt, listAttempts, type AttemptRow } from '$lib/db/attempts';
import { BUILT_IN_DEFINITIONS } from '$lib/scenarios/registry';
import { summariseProgress, type ProgressSummary } from '$lib/scenarios/progress';
import { app } from './app.svelte';

/** The active profile's attempts and the summary the dashboard shows; reloaded when the profile changes. */
class ProgressState {
	attempts = $state.raw<AttemptRow[]>([]);
	summary = $state.raw<ProgressSummary | null>(null);
	loadedFor = $state<string | null>(null);
	loading = $state(false);

	async load(): Promise<void> {
		if (!app.db || !app.activeId) {
			this.attempts = [];
			this.summary = null;
			this.loadedFor = null;
			return;
		}
		this.loading = true;
		performance.mark('progress:load-start');
		try {
			const profileId = app.activeId;
			const rows = await listAttempts(app.db, profileId);
			this.attempts = rows;
			this.summary = summariseProgress(rows, BUILT_IN_DEFINITIONS);
			this.loadedFor = profileId;
			await tick();
			// Read by bench/progress.bench.ts: from reading storage to the dashboard on screen.
			performance.measure('progress:render', 'progress:load-start');
		} finally {
			this.loading = false;
		}
	}

	async remove(id: string) {
		if (!app.db) return;
		await deleteAttempt(app.db, id);
		await this.load();
	}

	reset() {
		this.attempts = [];
		this.summary = null;
		this.loadedFor = null;
	}
}

export const progress = new ProgressState();
