import type { RecordsRoomDb } from './database';

export interface SettingRow {
	key: string;
	value: unknown;
}

export async function getSetting<T>(db: RecordsRoomDb, key: string): Promise<T | undefined> {
	const row = await db.settings.get(key);
	return row?.value as T | undefined;
}

export async function putSetting(db: RecordsRoomDb, key: string, value: unknown): Promise<void> {
	await db.settings.put({ key, value });
}

export async function deleteSetting(db: RecordsRoomDb, key: string): Promise<void> {
	await db.settings.delete(key);
}
