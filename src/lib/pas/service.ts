/**
 * The PAS back end: a generated trust, its search index and records on demand, answering the messages the UI
 * sends. It runs inside the index Web Worker in the browser (src/lib/workers/pas-index.worker.ts) and directly
 * in tests. The index is built from patient summaries first (searchable at once); previous names and aliases come
 * from full records and are added in the background in chunks, so a search on an old name works once they are in.
 */
import { createTrust, patientOtherNames, patientRecord, patientSummaries } from '../generator/index';
import type { Organisation, PatientRecord, PatientSummary, Trust, TrustSettings } from '../generator/types';
import { otherNamesOf } from './other-names';
import {
	addOtherNames,
	buildPasIndex,
	lookalikes,
	searchPas,
	type PasIndex,
	type PasQuery,
	type PasResults
} from './search-index';

export type PasRequest =
	| { type: 'open'; settings: TrustSettings }
	| { type: 'search'; id: number; query: PasQuery; limit?: number }
	| { type: 'record'; id: number; patient: number };

export type PasResponse =
	| {
			type: 'ready';
			patients: number;
			organisation: Organisation;
			today: string;
			generateMs: number;
			buildMs: number;
	  }
	| { type: 'names'; done: number; total: number }
	| { type: 'results'; id: number; results: PasResults; ms: number }
	| { type: 'record'; id: number; record: PatientRecord; lookalikes: PatientSummary[] }
	| { type: 'error'; id?: number; message: string };

export class PasService {
	trust: Trust;
	index: PasIndex;
	namesDone = 0;
	generateMs: number;
	buildMs: number;

	constructor(settings: TrustSettings) {
		let t = performance.now();
		this.trust = createTrust(settings);
		const summaries = patientSummaries(this.trust);
		this.generateMs = performance.now() - t;
		t = performance.now();
		this.index = buildPasIndex(summaries);
		this.buildMs = performance.now() - t;
	}

	/** Adds previous names and aliases for the next `count` patients; returns true when all are in. */
	addNamesChunk(count: number): boolean {
		const n = this.trust.settings.patients;
		const to = Math.min(n, this.namesDone + count);
		const names = [];
		for (let i = this.namesDone; i < to; i++) names.push(...otherNamesOf(patientOtherNames(this.trust, i)));
		this.namesDone = to;
		addOtherNames(this.index, names, to === n || names.length > 0);
		return to === n;
	}

	/** Every previous name and alias at once (small trusts, tests). */
	addAllNames() {
		while (!this.addNamesChunk(5000));
	}

	search(query: PasQuery, limit?: number): PasResults {
		return searchPas(this.index, query, limit);
	}

	record(patient: number): { record: PatientRecord; lookalikes: PatientSummary[] } {
		const record = patientRecord(this.trust, patient);
		return { record, lookalikes: lookalikes(this.index, this.index.patients[patient]) };
	}
}
