import type { RecordsRoomDb } from './database';

/** What a learning record holds: induction progress, the mock assessment under way, or the evidence sign-off. */
export type LearningRecordKind = 'induction' | 'assessment-session' | 'evidence-signoff';

/** One per profile and kind (issue 12). Profile-owned, so backups carry it and deleting the profile removes it. */
export interface LearningRecordRow {
	profileId: string;
	kind: LearningRecordKind;
	value: unknown;
}

/** The settings keys schema version 3 used for the same data; the version 4 upgrade moves them here. */
export const LEARNING_SETTING_PREFIXES: readonly (readonly [string, LearningRecordKind])[] = [
	['learning:', 'induction'],
	['assessment-session:', 'assessment-session'],
	['evidence-signoff:', 'evidence-signoff']
];

export async function getLearningRecord<T>(
	db: RecordsRoomDb,
	profileId: string,
	kind: LearningRecordKind
): Promise<T | undefined> {
	const row = await db.learningRecords.get([profileId, kind]);
	return row?.value as T | undefined;
}

export async function putLearningRecord(
	db: RecordsRoomDb,
	profileId: string,
	kind: LearningRecordKind,
	value: unknown
): Promise<void> {
	await db.learningRecords.put({ profileId, kind, value });
}

export async function deleteLearningRecord(
	db: RecordsRoomDb,
	profileId: string,
	kind: LearningRecordKind
): Promise<void> {
	await db.learningRecords.delete([profileId, kind]);
}
