import {
	clearCohort,
	cohortFileHashes,
	listCohortAssignments,
	listCohortFiles,
	MAX_COHORT_FILES_PER_IMPORT,
	removeCohortFile,
	saveCohortFiles,
	verifyProgressFile,
	type CohortFileRow
} from '$lib/db/cohort';
import type { RecordsRoomDb } from '$lib/db/database';
import {
	filterAttempts,
	mergeCohort,
	NO_FILTERS,
	summariseAttempts,
	toCsv,
	type CohortAssignment,
	type CohortFilters,
	type CohortTable
} from '$lib/trainer/cohort';
import type { VerifyRequest, VerifyResponse } from '$lib/workers/cohort-verify.worker';
import { app } from './app.svelte';
import { describeError } from './errors';

export interface ImportReport {
	added: { fileName: string; trainees: string[]; attempts: number }[];
	duplicates: string[];
	refused: { fileName: string; problem: string }[];
	/** Set when the whole import was refused (too many files, storage failure). */
	problem: string | null;
}

type Verified = Awaited<ReturnType<typeof verifyProgressFile>>;

/**
 * The cohort dashboard's state (issue 11): the imported files, the filters and the figures derived from them.
 * Figures are derived, never stored, so removing a file or changing a filter can never leave a stale total.
 */
class CohortState {
	files = $state.raw<CohortFileRow[]>([]);
	assignments = $state.raw<CohortAssignment[]>([]);
	filters = $state<CohortFilters>({ ...NO_FILTERS });
	loaded = $state(false);
	/** Files checked so far in the import under way, or null when none is running. */
	progress = $state<{ done: number; total: number } | null>(null);
	report = $state.raw<ImportReport | null>(null);
	/** Milliseconds the last import took, from the first byte read to the last row written (the benchmark reads it). */
	lastImportMs = $state<number | null>(null);

	merged = $derived(mergeCohort(this.files));
	attempts = $derived(filterAttempts(this.merged.attempts, this.filters, this.assignments));
	summary = $derived(summariseAttempts(this.merged.trainees, this.attempts));

	/** Injected by tests; the app uses the clock. */
	now: () => Date = () => new Date();

	#db(): RecordsRoomDb {
		if (!app.db) throw new Error('Saving is not available in this browser.');
		return app.db;
	}

	async load() {
		const db = this.#db();
		const [files, assignments] = await Promise.all([listCohortFiles(db), listCohortAssignments(db)]);
		this.files = files;
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
		const started = performance.now();
		const db = this.#db();
		const importedAt = this.now().toISOString();
		this.progress = { done: 0, total: chosen.length };
		try {
			const known = await cohortFileHashes(db);
			const results = await verifyAll(chosen, importedAt, known, () => {
				if (this.progress) this.progress = { done: this.progress.done + 1, total: chosen.length };
			});
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- local to this call, never rendered
			const seen = new Set<string>();
			const good: CohortFileRow[] = [];
			for (const r of results) {
				if (r.ok === 'duplicate' || (r.ok === true && seen.has(r.sha256))) {
					report.duplicates.push(r.ok === true ? r.file.fileName : r.fileName);
				} else if (r.ok === true) {
					seen.add(r.sha256);
					good.push(r.file);
					report.added.push({
						fileName: r.file.fileName,
						trainees: r.file.trainees.map((t) => t.name),
						attempts: r.file.attempts.length
					});
				} else report.refused.push({ fileName: r.fileName, problem: r.problem });
			}
			await saveCohortFiles(db, good);
			// Reading back thousands of attempts just written costs seconds; stored hashes were already skipped,
			// and the new rows are the newest, so appending them gives the order listCohortFiles would.
			this.files = this.loaded ? [...this.files, ...good] : await listCohortFiles(db);
		} catch (err) {
			app.noteStorageError(err);
			report.problem = describeError(err).message;
			report.added = [];
		} finally {
			this.progress = null;
		}
		this.lastImportMs = performance.now() - started;
		this.report = report;
		return report;
	}

	async remove(sha256: string) {
		await removeCohortFile(this.#db(), sha256);
		this.files = this.files.filter((f) => f.sha256 !== sha256);
	}

	async clear() {
		await clearCohort(this.#db());
		this.files = [];
		this.report = null;
	}

	/** Hands a table to the browser as a CSV download; returns the file name. */
	downloadCsv(table: CohortTable): string {
		const name = `records-room-cohort-${table.caption.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${this.now().toISOString().slice(0, 10)}.csv`;
		// A byte-order mark, so Excel reads the names' accents as UTF-8.
		const url = URL.createObjectURL(new Blob(['\ufeff', toCsv(table)], { type: 'text/csv;charset=utf-8' }));
		const a = document.createElement('a');
		a.href = url;
		a.download = name;
		document.body.append(a);
		a.click();
		a.remove();
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
		return name;
	}

	resetFilters() {
		this.filters = { ...NO_FILTERS };
	}

	reset() {
		this.files = [];
		this.assignments = [];
		this.filters = { ...NO_FILTERS };
		this.loaded = false;
		this.progress = null;
		this.report = null;
		this.lastImportMs = null;
	}
}

/**
 * Verifies files in a small pool of Web Workers, in the order chosen. Without workers (unit tests) it verifies
 * on this thread, one file at a time.
 */
async function verifyAll(
	files: readonly File[],
	importedAt: string,
	known: Set<string>,
	onEach: () => void
): Promise<Verified[]> {
	if (typeof Worker === 'undefined') {
		const out: Verified[] = [];
		for (const f of files) {
			out.push(await verifyProgressFile(await f.arrayBuffer(), f.name, importedAt, known));
			onEach();
		}
		return out;
	}
	const size = Math.max(1, Math.min(files.length, navigator.hardwareConcurrency || 2, 4));
	const workers = Array.from(
		{ length: size },
		() => new Worker(new URL('../workers/cohort-verify.worker.ts', import.meta.url), { type: 'module' })
	);
	const results: Verified[] = new Array(files.length);
	let next = 0;
	try {
		await Promise.all(
			workers.map(
				(worker, w) =>
					new Promise<void>((resolve, reject) => {
						let first = true;
						const send = () => {
							if (next >= files.length) return resolve();
							const job = next++;
							const request: VerifyRequest = {
								job,
								file: files[job],
								importedAt,
								known: first ? [...known] : null
							};
							first = false;
							worker.postMessage(request);
						};
						worker.onmessage = (event: MessageEvent<VerifyResponse>) => {
							results[event.data.job] = event.data.result;
							onEach();
							send();
						};
						worker.onerror = (event) => {
							event.preventDefault();
							reject(new Error(`Checking files failed in worker ${w}.`));
						};
						send();
					})
			)
		);
	} finally {
		for (const w of workers) w.terminate();
	}
	return results;
}

export const cohort = new CohortState();
