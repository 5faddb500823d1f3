import {
	discardDraft,
	getLatestDefinitionRow,
	listAuthoredScenarios,
	publishDraft,
	saveDraft,
	type AuthoredScenario,
	type RecordsRoomDb,
	type ScenarioDefinitionRow
} from '$lib/db';
import { app } from './app.svelte';
import { trainer } from './trainer.svelte';

export type { AuthoredScenario, ScenarioDefinitionRow };

/**
 * The trainer's scenario authoring, for the pages under /trainer/scenarios/. Every call needs the trainer area
 * unlocked, so the answer keys and drafts stay behind the PIN (deterrence, as the trainer page explains).
 */
function unlockedDb(): { db: RecordsRoomDb; profileId: string } {
	if (!trainer.unlocked || !trainer.profileId) {
		throw new Error('The trainer area is locked. Open the Trainer page and enter your PIN, then try again.');
	}
	if (!app.db) throw new Error('Saving is not available in this browser, so scenarios cannot be kept.');
	return { db: app.db, profileId: trainer.profileId };
}

/** The clock, read once per save; not reactive state. */
const now = () => new Date(Date.now());

export const authoring = {
	list(): Promise<AuthoredScenario[]> {
		return listAuthoredScenarios(unlockedDb().db);
	},
	latest(id: string): Promise<ScenarioDefinitionRow | undefined> {
		return getLatestDefinitionRow(unlockedDb().db, id);
	},
	saveDraft(raw: unknown): Promise<ScenarioDefinitionRow> {
		const { db, profileId } = unlockedDb();
		return saveDraft(db, raw, profileId, now());
	},
	publish(id: string): Promise<ScenarioDefinitionRow | undefined> {
		return publishDraft(unlockedDb().db, id, now());
	},
	discard(id: string): Promise<boolean> {
		return discardDraft(unlockedDb().db, id);
	}
};
