import { emptyProgress, parseProgress, type LearningProgress } from '$lib/learning/progress';
import type { RecordsRoomDb } from './database';
import { deleteLearningRecord, getLearningRecord, putLearningRecord } from './learning-records';

/** Induction progress per profile, a profile-owned learning record (issue 12) so backups and deletion carry it. */
export async function getLearningProgress(db: RecordsRoomDb, profileId: string): Promise<LearningProgress> {
	const raw = await getLearningRecord<unknown>(db, profileId, 'induction');
	return raw === undefined ? emptyProgress() : parseProgress(raw);
}

export async function saveLearningProgress(
	db: RecordsRoomDb,
	profileId: string,
	progress: LearningProgress
): Promise<void> {
	await putLearningRecord(db, profileId, 'induction', progress);
}

export async function deleteLearningProgress(db: RecordsRoomDb, profileId: string): Promise<void> {
	await deleteLearningRecord(db, profileId, 'induction');
}
