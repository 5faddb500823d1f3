import {
	clearCohort,
	cohortFileHashes,
	cohortFileRow,
	listCohortAssignments,
	listCohortFiles,
	MAX_COHORT_FILES_PER_IMPORT,
	readCohortAttempts,
	removeCohortFile,
	saveCohortFiles,
	verifyProgressFile,
	type CohortFileRow,
	type StoredCohortFile
} from '$lib/db/cohort';
import type { RecordsRoomDb } from '$lib/db/database';
import {
	filterAttempts,
	filtersSet,
	mergeCohort,
	mergeTrainees,
	NO_FILTERS,
	summariseAttempts,
	summariseFiles,
	toCsv,
	type CohortAssignment,
	type CohortAttempt,
	type CohortFilters,
	type CohortTable,
	type MergedCohort
} from '$lib/trainer/cohort';
import type { VerifyRequest, VerifyResponse } from '$lib/workers/cohort-verify.worker';
import { app } from './app.svelte';
import { downloadBlob } from './download';
import { describeError } from './errors';

export interface ImportReport {
	added: { fileName: string; trainees: string[]; attempts: number }[];
	duplicates: string[];
	refused: { fileName: string; problem: string }[];
	/** Set when the whole import was refused (too many files, storage failure). */
	problem: string | null;
}

type Verified = Awaited<ReturnType<typeof verifyProgressFile>>;

const NO_OWNER = 'Unlock the trainer area with your PIN to see your cohort.';
const UNREADABLE_FILE = 'The file could not be read. Try choosing it again.';
/**
 * The cohort dashboard's state (issue 11): the imported files, the filters and the figures derived from them.
 * Figures are derived, never stored, so removing a file or changing a filter can never leave a stale total.
 */
class CohortState {
	files = $state.raw<CohortFileRow[]>([]);
	assignments = $state.raw<CohortAssignment[]>([]);
	filters = $state<CohortFilters>({ ...NO_FILTERS });
	loaded = $state(false);
	/**
	 * The trainer whose cohort this is. Each trainer on a computer has their own, so loading for another profile
	 * starts again from nothing rather than showing the previous trainer's files.
	 */
	ownerId = $state<string | undefined>(undefined);
	/** Files checked so far in the import under way, or null when none is running. */
	progress = $state<{ done: number; total: number } | null>(null);
	report = $state.raw<ImportReport | null>(null);
	/** Milliseconds the last import took, from the first byte read to the last row written (the benchmark reads it). */
	lastImportMs = $state<number | null>(null);
	/** When the last import finished (`performance.now()`), so the benchmark can time the dashboard's first paint. */
	lastImportEnd = $state<number | null>(null);
	/** Where those milliseconds went: checking and reading files, then storing them. */
	lastImportPhases = $state.raw<Record<string, number> | null>(null);

	trainees = $derived(mergeTrainees(this.files));
	/** Every attempt, merged: reading them all is needed only for a filter or a trainee's page. */
	merged = $derived(this.#merge(this.files));
	attempts = $derived(filterAttempts(this.merged.attempts, this.filters, this.assignments));
	/** Unfiltered, the tables are added up from the files' parts, without reading their attempts. */
	summary = $derived(
		filtersSet(this.filters)
			? summariseAttempts(this.trainees, this.attempts)
			: summariseFiles(this.files, (f) => this.attemptsOf(f))
	);

	#mergedFor: { files: CohortFileRow[]; merged: MergedCohort } | null = null;

	/** Merged once per list of files, by the derived or ahead of time when the browser is idle. */
	#merge(files: CohortFileRow[]): MergedCohort {
		if (this.#mergedFor?.files !== files) {
			const content = files.map((f) => ({ trainees: f.trainees, attempts: this.attemptsOf(f) }));
			this.#mergedFor = { files, merged: mergeCohort(content) };
		}
		return this.#mergedFor.merged;
	}

	/** Attempts already read, by row: reading is the slow part, and a row's bytes never change. */
	#read = new WeakMap<CohortFileRow, CohortAttempt[]>();
	/** Bumped whenever the files change, so reading ahead for an older list stops. */
	#generation = 0;

	/** A file's attempts, read from its bytes the first time they are needed. */
	attemptsOf(row: CohortFileRow): CohortAttempt[] {
		let attempts = this.#read.get(row);
		if (!attempts) {
			try {
				attempts = readCohortAttempts(row);
			} catch (err) {
				// The importer stores only bytes it has read; this would be a damaged database.
				console.error(`Cohort file ${row.fileName} could not be read:`, err);
				attempts = [];
			}
			this.#read.set(row, attempts);
		}
		return attempts;
	}

	/**
	 * Reads every file's attempts a few at a time once the dashboard is on screen, then merges them, so a filter or
	 * a trainee's page later does not wait for that.
	 */
	#readAhead() {
		const generation = ++this.#generation;
		const rows = this.files;
		let next = 0;
		const slice = () => {
			if (generation !== this.#generation) return;
			const until = performance.now() + 8;
			while (next < rows.length && performance.now() < until) this.attemptsOf(rows[next++]);
			if (next < rows.length) setTimeout(slice, 0);
			// Then the merge a filter or a trainee's page starts from, in a task of its own.
			else setTimeout(() => generation === this.#generation && this.#merge(rows), 0);
		};
		const afterPaint = globalThis.requestAnimationFrame ?? ((f: () => void) => setTimeout(f, 0));
		afterPaint(() => setTimeout(slice, 0));
	}

	#setFiles(files: CohortFileRow[]) {
		this.files = files;
		this.#readAhead();
	}

	/** Injected by tests; the app uses the clock. */
	now: () => Date = () => new Date();

	#db(): RecordsRoomDb {
		if (!app.db) throw new Error('Saving is not available in this browser.');
		return app.db;
	}

	#owner(): string {
		if (!this.ownerId) throw new Error(NO_OWNER);
		return this.ownerId;
	}

	/** Loads this trainer's cohort; another trainer's, loaded before, is dropped first. */
	async load(ownerProfileId: string) {
		if (ownerProfileId !== this.ownerId) {
			this.reset();
			this.ownerId = ownerProfileId;
		}
		const db = this.#db();
		const [files, assignments] = await Promise.all([
			listCohortFiles(db, ownerProfileId),
			listCohortAssignments(db)
		]);
		// The profile changed while reading: those files are the previous trainer's.
		if (this.ownerId !== ownerProfileId) return;
		this.#setFiles(files);
		this.assignments = assignments;
		this.loaded = true;
	}

	/**
	 * Checks every chosen file (in Web Workers where the browser has them), then stores the good ones in one
	 * transaction. A refused file is named with its reason; it never stops the others.
	 */
	async importFiles(chosen: readonly File[]): Promise<ImportReport> {
		const report: ImportReport = { added: [], duplicates: [], refused: [], problem: null };
		if (chosen.length > MAX_COHORT_FILES_PER_IMPORT) {
			report.problem = `You chose ${chosen.length} files. Import at most ${MAX_COHORT_FILES_PER_IMPORT} at a time: choose fewer, then import the rest afterwards.`;
			this.report = report;
			return report;
		}
		const owner = this.ownerId;
		if (!owner) {
			report.problem = NO_OWNER;
			this.report = report;
			return report;
		}
		const started = performance.now();
		const db = this.#db();
		const importedAt = this.now().toISOString();
		this.progress = { done: 0, total: chosen.length };
		try {
			const known = await cohortFileHashes(db, owner);
			const results = await verifyAll(chosen, importedAt, known, () => {
				if (this.progress) this.progress = { done: this.progress.done + 1, total: chosen.length };
			});
			const checked = performance.now();
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to this call, never rendered
			const seen = new Set<string>();
			const good: StoredCohortFile[] = [];
			const fresh: CohortFileRow[] = [];
			for (const r of results) {
				if (r.ok === 'duplicate' || (r.ok === true && seen.has(r.sha256))) {
					report.duplicates.push(r.ok === true ? r.file.fileName : r.fileName);
				} else if (r.ok === true) {
					seen.add(r.sha256);
					good.push(r.file);
					fresh.push(cohortFileRow(r.file));
				} else report.refused.push({ fileName: r.fileName, problem: r.problem });
			}
			await saveCohortFiles(db, owner, good);
			// Reading back thousands of attempts just written costs seconds; stored hashes were already skipped,
			// and the new rows are the newest, so appending them gives the order listCohortFiles would.
			const files = !this.loaded ? null : fresh.length ? [...this.files, ...fresh] : this.files;
			for (const f of fresh) {
				report.added.push({
					fileName: f.fileName,
					trainees: f.trainees.map((t) => t.name),
					attempts: f.attemptCount
				});
			}
			const shown = files ?? (await listCohortFiles(db, owner));
			// Stored for the trainer who imported them; the dashboard shows them only while it is theirs.
			if (this.ownerId === owner) this.#setFiles(shown);
			this.lastImportPhases = { 'check and read': checked - started, store: performance.now() - checked };
		} catch (err) {
			// The page says it in plain English; the cause goes to the console for whoever investigates.
			console.error('Cohort import failed:', err);
			app.noteStorageError(err);
			report.problem = describeError(err).message;
			report.added = [];
		} finally {
			this.progress = null;
		}
		this.lastImportEnd = performance.now();
		this.lastImportMs = this.lastImportEnd - started;
		if (this.ownerId === owner) this.report = report;
		return report;
	}

	async remove(sha256: string) {
		const owner = this.#owner();
		await removeCohortFile(this.#db(), owner, sha256);
		if (this.ownerId === owner) this.#setFiles(this.files.filter((f) => f.sha256 !== sha256));
	}

	async clear() {
		const owner = this.#owner();
		await clearCohort(this.#db(), owner);
		if (this.ownerId !== owner) return;
		this.#setFiles([]);
		this.report = null;
	}

	/** Hands a table to the browser as a CSV download; returns the file name. */
	downloadCsv(table: CohortTable): string {
		const name = `records-room-cohort-${table.caption.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${this.now().toISOString().slice(0, 10)}.csv`;
		// A byte-order mark, so Excel reads the names' accents as UTF-8.
		downloadBlob(new Blob(['\ufeff', toCsv(table)], { type: 'text/csv;charset=utf-8' }), name);
		return name;
	}

	resetFilters() {
		this.filters = { ...NO_FILTERS };
	}

	reset() {
		this.#generation++;
		this.#mergedFor = null;
		this.files = [];
		this.assignments = [];
		this.filters = { ...NO_FILTERS };
		this.loaded = false;
		this.ownerId = undefined;
		this.progress = null;
		this.report = null;
		this.lastImportMs = null;
		this.lastImportEnd = null;
		this.lastImportPhases = null;
	}
}

/** What verifyAll needs of a worker; tests give it a stand-in that answers out of order. */
export interface VerifyWorker {
	postMessage(message: VerifyRequest, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<VerifyResponse>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	terminate(): void;
}

const browserWorker = (): VerifyWorker =>
	new Worker(new URL('../workers/cohort-verify.worker.ts', import.meta.url), { type: 'module' });

/**
 * Verifies files in a small pool of Web Workers, two files in hand per worker, and returns a result for every
 * file, in the order chosen. Without workers (unit tests) it verifies on this thread, one file at a time.
 */
export async function verifyAll(
	files: readonly File[],
	importedAt: string,
	known: Set<string>,
	onEach: (result: Verified, index: number) => void,
	makeWorker: (() => VerifyWorker) | null = typeof Worker === 'undefined' ? null : browserWorker,
	poolSize = Math.min(globalThis.navigator?.hardwareConcurrency || 2, 4)
): Promise<Verified[]> {
	if (!makeWorker) {
		const out: Verified[] = [];
		for (const [i, f] of files.entries()) {
			out.push(await verifyProgressFile(await f.arrayBuffer(), f.name, importedAt, known));
			onEach(out[i], i);
		}
		return out;
	}
	const workers = Array.from({ length: Math.max(1, Math.min(files.length, poolSize)) }, makeWorker);
	const results: Verified[] = new Array(files.length);
	let next = 0;
	try {
		await Promise.all(
			workers.map(
				(worker, w) =>
					new Promise<void>((resolve, reject) => {
						let first = true;
						/**
						 * Files this worker has taken and not yet answered, counted from the moment one is taken: a
						 * file still being read is in hand too, or the worker could finish while it is being read and
						 * leave that file without a result (the import then failed as a whole).
						 */
						let inHand = 0;
						const settle = (job: number, result: Verified) => {
							results[job] = result;
							inHand--;
							onEach(result, job);
						};
						// The bytes are read here and handed over: cloning a File into a worker makes this thread
						// wait on the disk for each one.
						const send = async (): Promise<void> => {
							if (next >= files.length) {
								if (inHand === 0) resolve();
								return;
							}
							const job = next++;
							inHand++;
							let bytes: ArrayBuffer;
							try {
								bytes = await files[job].arrayBuffer();
							} catch {
								settle(job, { ok: false, fileName: files[job].name, problem: UNREADABLE_FILE });
								return send();
							}
							const request: VerifyRequest = {
								job,
								bytes,
								fileName: files[job].name,
								importedAt,
								known: first ? [...known] : null
							};
							first = false;
							worker.postMessage(request, [bytes]);
						};
						worker.onmessage = (event) => {
							settle(event.data.job, event.data.result);
							send().catch(reject);
						};
						worker.onerror = (event) => {
							event.preventDefault();
							reject(new Error(`Checking files failed in worker ${w}: ${event.message || 'no detail'}.`));
						};
						send().then(send).catch(reject);
					})
			)
		);
	} finally {
		for (const w of workers) w.terminate();
	}
	const missing = results.findIndex((r) => r === undefined);
	if (missing !== -1 || results.length !== files.length)
		throw new Error(`Checking files lost the result for file ${missing + 1} of ${files.length}.`);
	return results;
}

export const cohort = new CohortState();
