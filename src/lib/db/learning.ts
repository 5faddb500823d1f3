import { emptyProgress, parseProgress, type LearningProgress } from '$lib/learning/progress';
import type { RecordsRoomDb } from './database';
import { deleteSetting, getSetting, putSetting } from './settings';

/**
 * Induction progress per profile, kept in the settings table under `learning:<profileId>` for now (issue 12).
 * A later schema rung may move it to its own profile-owned table so backups and profile deletion include it.
 */
export function learningKey(profileId: string): string {
	return `learning:${profileId}`;
}

export async function getLearningProgress(db: RecordsRoomDb, profileId: string): Promise<LearningProgress> {
	const raw = await getSetting<unknown>(db, learningKey(profileId));
	return raw === undefined ? emptyProgress() : parseProgress(raw);
}

export async function saveLearningProgress(
	db: RecordsRoomDb,
	profileId: string,
	progress: LearningProgress
): Promise<void> {
	await putSetting(db, learningKey(profileId), progress);
}

export async function deleteLearningProgress(db: RecordsRoomDb, profileId: string): Promise<void> {
	await deleteSetting(db, learningKey(profileId));
}
