/// <reference lib="webworker" />
/**
 * Generates a trust off the main thread, in batches, posting progress and stopping when cancelled. The page
 * loads this with `new Worker(new URL(...), { type: 'module' })`, so the generator never enters the first-load
 * bundle.
 */
import {
	createTrust,
	GENERATOR_VERSION,
	patientRecord,
	type PatientSummary,
	type Trust
} from '$lib/generator';
import { patientSummaries } from '$lib/generator/trust';
import { validateRecord } from '$lib/generator/validate-trust';
import type { FromWorker, ToWorker } from './generate-protocol';

const BATCH = 2000;
const RECORD_BATCH = 500;
let current: { job: number; trust: Trust } | null = null;
const cancelled = new Set<number>();

const post = (m: FromWorker) => self.postMessage(m);
// Yielding to the event loop between batches lets a 'cancel' message arrive mid-run.
const yieldToEvents = () => new Promise<void>((r) => setTimeout(r, 0));

async function generate(m: Extract<ToWorker, { type: 'generate' }>) {
	const started = performance.now();
	const trust = createTrust(m.settings);
	const { patients } = trust.settings;
	const summaries: PatientSummary[] = [];
	for (let from = 0; from < patients; from += BATCH) {
		summaries.push(...patientSummaries(trust, from, from + BATCH));
		post({ type: 'progress', job: m.job, done: summaries.length, total: patients, phase: 'index' });
		await yieldToEvents();
		if (cancelled.has(m.job)) return post({ type: 'cancelled', job: m.job });
	}
	const indexMs = performance.now() - started;
	let records = null;
	if (m.fullRecords) {
		let ms = 0;
		let problems = 0;
		let progressEvents = 0;
		for (let from = 0; from < patients; from += RECORD_BATCH) {
			const to = Math.min(patients, from + RECORD_BATCH);
			const t = performance.now();
			const built = [];
			for (let i = from; i < to; i++) built.push(patientRecord(trust, i));
			ms += performance.now() - t;
			for (const r of built) problems += validateRecord(trust, r).length;
			post({ type: 'progress', job: m.job, done: to, total: patients, phase: 'records' });
			progressEvents++;
			await yieldToEvents();
			if (cancelled.has(m.job)) return post({ type: 'cancelled', job: m.job });
		}
		records = { count: patients, ms, problems, progressEvents };
	}
	current = { job: m.job, trust };
	post({
		type: 'done',
		job: m.job,
		overview: {
			generatorVersion: GENERATOR_VERSION,
			seed: String(trust.settings.seed),
			patients,
			today: trust.settings.today,
			longHistories: trust.settings.longHistories,
			organisation: trust.organisation,
			answerKey: trust.answerKey
		},
		summaries,
		indexMs,
		records
	});
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
	const m = e.data;
	try {
		if (m.type === 'cancel') cancelled.add(m.job);
		else if (m.type === 'generate') {
			generate(m).catch((err) =>
				post({ type: 'error', job: m.job, message: err instanceof Error ? err.message : String(err) })
			);
		} else if (m.type === 'record') {
			if (!current || current.job !== m.job)
				throw new Error('That trust is no longer loaded: generate it again.');
			post({ type: 'record', job: m.job, record: patientRecord(current.trust, m.index) });
		}
	} catch (err) {
		post({ type: 'error', job: m.job, message: err instanceof Error ? err.message : String(err) });
	}
};
