import { getLearningProgress, saveLearningProgress } from '$lib/db/learning';
import { emptyProgress, markComplete, type LearningProgress } from '$lib/learning/progress';
import { app } from './app.svelte';

/**
 * The active profile's induction progress, for the learn pages, the certificate and the home page. Progress is
 * kept per profile; with no active profile (or no storage) the content is still readable but nothing is kept.
 */
class LearningState {
	progress = $state.raw<LearningProgress>(emptyProgress());
	/** The profile the progress above belongs to; undefined when none is active. */
	profileId = $state<string | undefined>(undefined);
	loaded = $state(false);

	#loading: Promise<void> | null = null;
	#loadingFor: string | undefined;

	/** Whether marking a module complete will be remembered. */
	get canSave(): boolean {
		return Boolean(app.db && this.profileId);
	}

	/** Loads progress for the given profile (normally `app.activeId`), once per profile change. */
	load(profileId: string | undefined): Promise<void> {
		if (this.#loading && this.#loadingFor === profileId) return this.#loading;
		this.#loadingFor = profileId;
		this.#loading = this.#read(profileId);
		return this.#loading;
	}

	async #read(profileId: string | undefined) {
		const db = app.db;
		const progress = db && profileId ? await getLearningProgress(db, profileId) : emptyProgress();
		// A newer load (the profile changed meanwhile) wins.
		if (this.#loadingFor !== profileId) return;
		this.progress = progress;
		this.profileId = profileId;
		this.loaded = true;
	}

	/** Records a module as complete for the active profile. Returns false when there is nowhere to keep it. */
	async complete(moduleId: string, now = new Date()): Promise<boolean> {
		// A click that beats the first load (or follows a profile switch) must not save over the wrong progress.
		if (!this.loaded || this.profileId !== app.activeId) await this.load(app.activeId);
		const db = app.db;
		const profileId = this.profileId;
		if (!db || !profileId) return false;
		const next = markComplete(this.progress, moduleId, now);
		await saveLearningProgress(db, profileId, next);
		this.progress = next;
		app.onMeaningfulSave?.();
		return true;
	}

	/** For tests: forget everything held in memory. */
	reset() {
		this.progress = emptyProgress();
		this.profileId = undefined;
		this.loaded = false;
		this.#loading = null;
		this.#loadingFor = undefined;
	}
}

export const learning = new LearningState();
