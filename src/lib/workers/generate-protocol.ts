/** Messages between the trust page and the generation Worker (kept apart so the page never imports the generator). */
import type {
	Defect,
	Organisation,
	PatientRecord,
	PatientSummary,
	TrustSettings
} from '$lib/generator/types';

export type ToWorker =
	| { type: 'generate'; job: number; settings: TrustSettings; fullRecords: boolean }
	| { type: 'cancel'; job: number }
	| { type: 'record'; job: number; index: number };

export interface TrustOverview {
	generatorVersion: string;
	seed: string;
	patients: number;
	today: string;
	/** The share of patients aged 50 or over with several casenote volumes it was made with. */
	longHistories: number;
	organisation: Organisation;
	answerKey: Defect[];
}

export type FromWorker =
	| { type: 'progress'; job: number; done: number; total: number; phase: 'index' | 'records' }
	| {
			type: 'done';
			job: number;
			overview: TrustOverview;
			summaries: PatientSummary[];
			indexMs: number;
			/** Set when full records were built: time spent building them, and consistency problems found. */
			records: { count: number; ms: number; problems: number; progressEvents: number } | null;
	  }
	| { type: 'cancelled'; job: number }
	| { type: 'record'; job: number; record: PatientRecord }
	| { type: 'error'; job: number; message: string };
