import type { RecordsRoomDb } from './database';

/** What a learning record holds: induction progress, the mock assessment under way, or the evidence sign-off. */
export type LearningRecordKind = 'induction' | 'assessment-session' | 'evidence-signoff';

/** One per profile and kind (issue 12). Profile-owned, so backups carry it and deleting the profile removes it. */
export interface LearningRecordRow {
	profileId: string;
	kind: LearningRecordKind;
	value: unknown;
	/**
	 * When the row was last written. A backup merged in from another computer keeps whichever copy is newer
	 * (backup.ts reads `updatedAt`); rows moved from settings by the version 4 upgrade have none, so any later copy
	 * wins over them.
	 */
	updatedAt?: string;
}

const KIND_WORDS: Record<LearningRecordKind, string> = {
	induction: 'induction progress',
	'assessment-session': 'a mock assessment under way',
	'evidence-signoff': 'a trainer\u2019s evidence sign-off'
};

/**
 * Says which learning records a profile holds, for the delete-profile confirmation: only the kinds present,
 * in a fixed order, so the person sees exactly what will go.
 */
export function describeLearningRecords(rows: readonly { kind?: unknown }[]): string {
	const kinds = (Object.keys(KIND_WORDS) as LearningRecordKind[]).filter((k) =>
		rows.some((r) => r.kind === k)
	);
	const words = kinds.map((k) => KIND_WORDS[k]);
	const list = words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
	return `${rows.length} ${rows.length === 1 ? 'learning record' : 'learning records'}: ${list}`;
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
	value: unknown,
	at: Date = new Date()
): Promise<void> {
	await db.learningRecords.put({ profileId, kind, value, updatedAt: at.toISOString() });
}

export async function deleteLearningRecord(
	db: RecordsRoomDb,
	profileId: string,
	kind: LearningRecordKind
): Promise<void> {
	await db.learningRecords.delete([profileId, kind]);
}
