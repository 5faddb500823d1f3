import { RecordsRoomDb } from './database';

export type StorageStatus =
	| { kind: 'ok' }
	| { kind: 'unavailable'; reason: 'no-indexeddb' | 'blocked' | 'error'; detail: string }
	| { kind: 'version-change' };

/**
 * Opens the database and says, in terms the UI can explain, whether saving works here. Private windows in some
 * browsers and locked-down trust PCs (storage disabled by policy) refuse IndexedDB: the app must say so, not fail
 * silently, because a learner would otherwise lose a morning's work on close.
 */
export async function openDatabase(
	factory: () => RecordsRoomDb = () => new RecordsRoomDb()
): Promise<{ db: RecordsRoomDb | null; status: StorageStatus }> {
	if (typeof indexedDB === 'undefined' || indexedDB === null) {
		return {
			db: null,
			status: { kind: 'unavailable', reason: 'no-indexeddb', detail: 'IndexedDB is not available.' }
		};
	}
	let db: RecordsRoomDb;
	try {
		db = factory();
		await db.open();
	} catch (err) {
		const name = (err as { name?: string })?.name ?? '';
		const detail = (err as Error)?.message ?? String(err);
		const reason = /SecurityError|InvalidStateError|MissingAPIError|UnknownError/.test(name)
			? 'blocked'
			: 'error';
		return { db: null, status: { kind: 'unavailable', reason, detail } };
	}
	return { db, status: { kind: 'ok' } };
}
