import {
	applyImport,
	backupFileName,
	buildBackup,
	getSetting,
	planImport,
	putSetting,
	readBackupFile,
	buildTrainerFile,
	trainerFileName,
	trainerFileText,
	type BackupFile,
	type ImportPlan
} from '$lib/db';
import { app } from './app.svelte';
import { downloadJson } from './download';

/** Safari deletes script-written storage of sites unused for 7 days, so that is when we start reminding. */
export const BACKUP_REMINDER_DAYS = 7;
const LAST_BACKUP_KEY = 'lastBackupAt';
const FIRST_SAVE_KEY = 'firstSaveAt';

export type PendingImport = { backup: BackupFile; plan: ImportPlan; fileName: string; migratedFrom?: number };

class BackupState {
	lastBackupAt = $state<string | null>(null);
	firstSaveAt = $state<string | null>(null);
	persisted = $state<boolean | null>(null);
	usageBytes = $state<number | null>(null);
	quotaBytes = $state<number | null>(null);

	async refresh() {
		if (!app.db) return;
		this.lastBackupAt = (await getSetting<string>(app.db, LAST_BACKUP_KEY)) ?? null;
		this.firstSaveAt = (await getSetting<string>(app.db, FIRST_SAVE_KEY)) ?? null;
		if (typeof navigator !== 'undefined' && navigator.storage) {
			this.persisted = navigator.storage.persisted ? await navigator.storage.persisted() : null;
			const est = navigator.storage.estimate ? await navigator.storage.estimate() : undefined;
			this.usageBytes = est?.usage ?? null;
			this.quotaBytes = est?.quota ?? null;
		}
	}

	/**
	 * After the first meaningful save, ask the browser to keep our storage even when space runs low. Browsers may
	 * grant it silently (Chromium does for sites in use) or refuse; either way we show the answer on "Your data".
	 */
	async afterMeaningfulSave(now = new Date()) {
		if (!app.db) return;
		if (!this.firstSaveAt) {
			this.firstSaveAt = now.toISOString();
			await putSetting(app.db, FIRST_SAVE_KEY, this.firstSaveAt);
		}
		if (typeof navigator !== 'undefined' && navigator.storage?.persist && !this.persisted) {
			this.persisted = await navigator.storage.persist().catch(() => false);
		}
	}

	/** Days since the last backup (or since the first save, when there has never been one); null when nothing to lose. */
	daysWithoutBackup(now = new Date()): number | null {
		const since = this.lastBackupAt ?? this.firstSaveAt;
		if (!since) return null;
		return Math.floor((now.getTime() - new Date(since).getTime()) / 86_400_000);
	}

	needsReminder(now = new Date()): boolean {
		const days = this.daysWithoutBackup(now);
		return days !== null && days >= BACKUP_REMINDER_DAYS;
	}

	/** Builds the file and hands it to the browser as a download. Returns the file name. */
	async exportProgress(profileIds?: string[]): Promise<string> {
		if (!app.db) throw new Error('Saving is not available in this browser, so there is nothing to export.');
		const now = new Date();
		const file = await buildBackup(app.db, { profileIds, now, appVersion: __APP_VERSION__ });
		const name = backupFileName(file.data.profiles, now);
		downloadJson(JSON.stringify(file, null, 1), name);
		this.lastBackupAt = now.toISOString();
		await putSetting(app.db, LAST_BACKUP_KEY, this.lastBackupAt);
		return name;
	}

	/**
	 * The progress file for a trainer (ADR 0007): the active profile's results and decisions only, for the cohort
	 * dashboard. Not a backup, so the backup reminder is not reset. Returns the file name.
	 */
	async exportForTrainer(profileId: string): Promise<string> {
		if (!app.db) throw new Error('Saving is not available in this browser, so there is nothing to export.');
		const now = new Date();
		const file = await buildTrainerFile(app.db, { profileId, now, appVersion: __APP_VERSION__ });
		const name = trainerFileName(file.data.profiles[0], now);
		downloadJson(trainerFileText(file), name);
		return name;
	}

	/** Reads and checks a file; nothing is written. */
	async prepareImport(
		file: File
	): Promise<{ ok: true; pending: PendingImport } | { ok: false; problem: string }> {
		if (!app.db)
			return { ok: false, problem: 'Saving is not available in this browser, so nothing can be imported.' };
		const parsed = await readBackupFile(file);
		if (!parsed.ok) return parsed;
		const plan = await planImport(app.db, parsed.backup);
		return {
			ok: true,
			pending: { backup: parsed.backup, plan, fileName: file.name, migratedFrom: parsed.migratedFrom }
		};
	}

	async confirmImport(pending: PendingImport, mode: 'merge' | 'replace') {
		if (!app.db) throw new Error('Saving is not available in this browser.');
		const plan = await applyImport(app.db, pending.backup, mode);
		await app.refresh();
		if (!app.activeId && app.profiles.length > 0)
			await app.switchTo(pending.backup.data.profiles[0]?.id ?? app.profiles[0].id).catch(() => undefined);
		await this.afterMeaningfulSave();
		return plan;
	}

	reset() {
		this.lastBackupAt = null;
		this.firstSaveAt = null;
		this.persisted = null;
		this.usageBytes = null;
		this.quotaBytes = null;
	}
}

export const backup = new BackupState();
