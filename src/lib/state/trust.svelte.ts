import type { PatientRecord, PatientSummary, TrustSettings } from '$lib/generator/types';
import type { FromWorker, ToWorker, TrustOverview } from '$lib/workers/generate-protocol';

export { todayIso } from './clock';

export type TrustStatus = 'idle' | 'generating' | 'ready' | 'cancelled' | 'error';

export const TRUST_SIZES = [1_000, 10_000, 100_000] as const;
export const PAGE_SIZE = 25;

/**
 * The trust browser's state: one generation Worker, the summaries of the generated trust, the page of the table
 * and the open record. The generator runs only inside the Worker.
 */
class TrustBrowser {
	status = $state<TrustStatus>('idle');
	progress = $state({ done: 0, total: 0, phase: 'index' as 'index' | 'records' });
	overview = $state.raw<TrustOverview | null>(null);
	summaries = $state.raw<PatientSummary[]>([]);
	indexMs = $state(0);
	records = $state.raw<{ count: number; ms: number; problems: number; progressEvents: number } | null>(null);
	page = $state(1);
	record = $state.raw<PatientRecord | null>(null);
	error = $state('');

	pageCount = $derived(Math.max(1, Math.ceil(this.summaries.length / PAGE_SIZE)));
	pageRows = $derived(this.summaries.slice((this.page - 1) * PAGE_SIZE, this.page * PAGE_SIZE));

	#worker: Worker | null = null;
	#job = 0;
	#recordWaiters = new Map<number, (r: PatientRecord) => void>();

	#ensureWorker(): Worker {
		if (this.#worker) return this.#worker;
		const w = new Worker(new URL('../workers/generate.worker.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<FromWorker>) => this.#receive(e.data);
		w.onerror = () => {
			this.status = 'error';
			this.error = 'The generator stopped unexpectedly. Reload the page and try again.';
		};
		this.#worker = w;
		return w;
	}

	#send(m: ToWorker) {
		this.#ensureWorker().postMessage(m);
	}

	#receive(m: FromWorker) {
		if (m.job !== this.#job) return;
		if (m.type === 'progress') this.progress = { done: m.done, total: m.total, phase: m.phase };
		else if (m.type === 'done') {
			this.overview = m.overview;
			this.summaries = m.summaries;
			this.indexMs = m.indexMs;
			this.records = m.records;
			this.page = 1;
			this.status = 'ready';
		} else if (m.type === 'cancelled') this.status = 'cancelled';
		else if (m.type === 'record') {
			this.record = m.record;
			this.#recordWaiters.get(m.record.index)?.(m.record);
			this.#recordWaiters.delete(m.record.index);
		} else if (m.type === 'error') {
			this.status = 'error';
			this.error = `${m.message}`;
		}
	}

	/** Generates in the Worker from exactly these settings (as stored with the trust, when it is kept). */
	generate(settings: TrustSettings, fullRecords = false) {
		this.#job++;
		this.status = 'generating';
		this.error = '';
		this.record = null;
		this.records = null;
		this.progress = { done: 0, total: settings.patients, phase: 'index' };
		this.#send({ type: 'generate', job: this.#job, settings: { ...settings }, fullRecords });
	}

	cancel() {
		if (this.status !== 'generating') return;
		this.#send({ type: 'cancel', job: this.#job });
	}

	/** Asks the Worker for one full record; resolves when it arrives. */
	open(index: number): Promise<PatientRecord> {
		return new Promise((resolve) => {
			this.#recordWaiters.set(index, resolve);
			this.#send({ type: 'record', job: this.#job, index });
		});
	}

	close() {
		this.record = null;
	}

	goToPage(n: number) {
		this.page = Math.min(this.pageCount, Math.max(1, n));
	}

	/** For tests: back to a blank state, with the Worker stopped. */
	reset() {
		this.#worker?.terminate();
		this.#worker = null;
		this.#job++;
		this.status = 'idle';
		this.overview = null;
		this.summaries = [];
		this.record = null;
		this.records = null;
		this.page = 1;
		this.error = '';
	}
}

export const trustBrowser = new TrustBrowser();
