/**
 * One running simulated PAS: the trust it is on, the search, the open record, casenote tracking (live and
 * downtime) and the access audit. The standalone practice PAS (/pas/) and scenario screens each create their
 * own session with {@link createPasSession}. The practice PAS passes the edits stored with the profile's trust and
 * a `persist` callback, so its trail survives reloads and backups; a scenario does the same with its attempt
 * through `scenarioPasSession` (pas-trail.ts).
 *
 * The index lives in a Web Worker in the browser; where no Worker exists (unit tests) the same service runs here.
 */
import type {
	CasenoteVolume,
	Organisation,
	PatientRecord,
	PatientSummary,
	TrackedLocation,
	TrustSettings
} from '$lib/generator/types';
import { accessProblems, type AccessReasonId, type AuditEntry } from '$lib/pas/audit';
import type { PasQuery, PasResults } from '$lib/pas/search-index';
import type { TrustEdit, TrustEditState } from '$lib/pas/replay';
import { PasService, type PasRequest, type PasResponse } from '$lib/pas/service';
import {
	currentLocation,
	lastLedgerMove,
	libraryLocation,
	trackMovement,
	trackingProblems,
	type PaperMovement,
	type TrackingEntry
} from '$lib/pas/tracking';

type Pending = { resolve: (m: PasResponse) => void; reject: (e: Error) => void };

interface Backend {
	send(m: PasRequest): void;
	stop(): void;
}

export interface PasSessionOptions {
	settings: TrustSettings;
	/** Attempt id or 'practice-…': audit and tracking are stored under it. */
	session: string;
	/** The learner's name for "moved by" (defaults to 'You (trainee)'). */
	user?: string;
	/** Injected clock, for tests. */
	now?: () => Date;
	/** Run in this thread even when Workers exist (tests). */
	inline?: boolean;
	/** The learner's trail so far, replayed from stored edits; a new session starts empty. */
	edits?: TrustEditState;
	/**
	 * Called with every edit as it happens, to store it. Without it the trail lives only as long as the session.
	 * A rejected promise sets `saveProblem`; the PAS keeps working in memory.
	 */
	persist?: (edit: TrustEdit) => Promise<void>;
}

export class PasSession {
	readonly session: string;
	readonly settings: TrustSettings;
	user: string;
	status = $state<'loading' | 'ready' | 'error'>('loading');
	error = $state('');
	patients = $state(0);
	organisation = $state.raw<Organisation | null>(null);
	today = $state('');
	generateMs = $state(0);
	buildMs = $state(0);
	namesIndexed = $state(0);

	query = $state<PasQuery>({});
	results = $state.raw<PasResults | null>(null);
	searching = $state(false);
	searchMs = $state(0);
	/** Searches answered so far (lets tests and the browser benchmark wait for a new answer). */
	searchCount = $state(0);

	record = $state.raw<PatientRecord | null>(null);
	recordLookalikes = $state.raw<PatientSummary[]>([]);
	/** The patient waiting for a reason before the record opens. */
	pendingOpen = $state.raw<PatientSummary | null>(null);

	audit = $state.raw<AuditEntry[]>([]);
	ledger = $state.raw<TrackingEntry[]>([]);
	paper = $state.raw<PaperMovement[]>([]);
	downtime = $state(false);
	/** Set when an edit could not be stored: what went wrong and what to do. */
	saveProblem = $state('');

	#backend: Backend;
	// Not reactive on purpose: requests in flight are bookkeeping, never rendered.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#pending = new Map<number, Pending>();
	#nextId = 1;
	#now: () => Date;
	#persist: PasSessionOptions['persist'];
	#ready: Promise<void>;
	#readyResolve!: () => void;

	constructor(o: PasSessionOptions) {
		this.session = o.session;
		this.settings = o.settings;
		this.user = o.user ?? 'You (trainee)';
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
		this.#now = o.now ?? (() => new Date());
		this.#persist = o.persist;
		this.#ready = new Promise((r) => (this.#readyResolve = r));
		if (o.edits) {
			this.audit = o.edits.audit;
			this.ledger = o.edits.ledger;
			this.paper = o.edits.paper;
			this.downtime = o.edits.downtime;
		}
		this.#backend = o.inline || typeof Worker === 'undefined' ? this.#inline() : this.#worker();
		this.#backend.send({ type: 'open', settings: o.settings });
	}

	/** Resolves once the index is built and searchable. */
	whenReady(): Promise<void> {
		return this.#ready;
	}

	#worker(): Backend {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- Vite's worker URL pattern, not state
		const worker = new Worker(new URL('../workers/pas-index.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (e: MessageEvent<PasResponse>) => this.#receive(e.data);
		worker.onerror = (e) => this.#fail(e.message || 'The PAS could not start.');
		return { send: (m) => worker.postMessage(m), stop: () => worker.terminate() };
	}

	#inline(): Backend {
		let service: PasService | null = null;
		return {
			send: (m) => {
				// Answer on a later turn, as a Worker would, so callers behave the same in tests.
				queueMicrotask(() => {
					try {
						if (m.type === 'open') {
							service = new PasService(m.settings);
							service.addAllNames();
							this.#receive({
								type: 'ready',
								patients: service.trust.settings.patients,
								organisation: service.trust.organisation,
								today: service.trust.settings.today,
								generateMs: service.generateMs,
								buildMs: service.buildMs
							});
							this.#receive({ type: 'names', done: service.namesDone, total: service.namesDone });
						} else if (!service) this.#receive({ type: 'error', id: m.id, message: 'No trust loaded.' });
						else if (m.type === 'search') {
							const t = performance.now();
							const results = service.search(m.query, m.limit);
							this.#receive({ type: 'results', id: m.id, results, ms: performance.now() - t });
						} else this.#receive({ type: 'record', id: m.id, ...service.record(m.patient) });
					} catch (e) {
						this.#receive({
							type: 'error',
							id: 'id' in m ? m.id : undefined,
							message: e instanceof Error ? e.message : String(e)
						});
					}
				});
			},
			stop: () => (service = null)
		};
	}

	#fail(message: string) {
		this.status = 'error';
		this.error = message;
	}

	#receive(m: PasResponse) {
		if (m.type === 'ready') {
			this.patients = m.patients;
			this.organisation = m.organisation;
			this.today = m.today;
			this.generateMs = m.generateMs;
			this.buildMs = m.buildMs;
			this.status = 'ready';
			this.#readyResolve();
			return;
		}
		if (m.type === 'names') {
			this.namesIndexed = m.done;
			return;
		}
		if (m.type === 'error' && m.id === undefined) return this.#fail(m.message);
		const pending = this.#pending.get(m.id!);
		if (!pending) return;
		this.#pending.delete(m.id!);
		if (m.type === 'error') pending.reject(new Error(m.message));
		else pending.resolve(m);
	}

	#request(
		m: { type: 'search'; query: PasQuery; limit?: number } | { type: 'record'; patient: number }
	): Promise<PasResponse> {
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			this.#backend.send({ ...m, id } as PasRequest);
		});
	}

	/** Runs a search and keeps its results (the latest search wins if several overlap). */
	async search(query: PasQuery): Promise<PasResults> {
		await this.#ready;
		this.query = { ...query };
		this.searching = true;
		const r = (await this.#request({ type: 'search', query, limit: 50 })) as Extract<
			PasResponse,
			{ type: 'results' }
		>;
		if (this.query === query || JSON.stringify(this.query) === JSON.stringify(query)) {
			this.results = r.results;
			this.searchMs = r.ms;
			this.searchCount++;
		}
		this.searching = false;
		return r.results;
	}

	/** Asks for a reason before opening (the UI shows the reason form for `pendingOpen`). */
	requestOpen(p: PatientSummary) {
		this.pendingOpen = p;
	}

	cancelOpen() {
		this.pendingOpen = null;
	}

	/**
	 * Opens a record once a reason is given, logging the access (handbook 3.5). Returns the problems instead when
	 * the reason is missing, and opens nothing.
	 */
	async open(patient: PatientSummary, reason: AccessReasonId | '', detail = ''): Promise<string[]> {
		const problems = accessProblems(reason, detail);
		if (problems.length) return problems;
		const r = (await this.#request({ type: 'record', patient: patient.index })) as Extract<
			PasResponse,
			{ type: 'record' }
		>;
		this.#log(patient, reason as AccessReasonId, detail.trim(), 'opened record');
		this.record = r.record;
		this.recordLookalikes = r.lookalikes;
		this.pendingOpen = null;
		return [];
	}

	closeRecord() {
		this.record = null;
		this.recordLookalikes = [];
	}

	#log(p: PatientSummary, reason: AccessReasonId, detail: string, action: AuditEntry['action']) {
		this.audit = [
			...this.audit,
			{
				seq: this.audit.length + 1,
				at: this.#now().toISOString(),
				session: this.session,
				patient: p.index,
				hospitalNumber: p.hospitalNumber,
				name: `${p.forenames.join(' ')} ${p.surname}`,
				reason,
				detail,
				action
			}
		];
		this.#save({ type: 'audit.open', data: this.audit[this.audit.length - 1] });
	}

	/** Where a volume of the open record is tracked to now, including the learner's movements. */
	locationOf(volume: CasenoteVolume): TrackedLocation {
		return currentLocation(this.record?.hospitalNumber ?? '', volume, this.ledger);
	}

	/**
	 * Tracks a volume of the open record to a place (or back to the library when `to` is 'library'). In downtime the
	 * movement goes on a paper tracer card and register instead, to be entered later (handbook 2.5).
	 * Returns problems instead when something is missing.
	 */
	track(volume: CasenoteVolume, to: TrackedLocation | 'library' | null, reason: string): string[] {
		const record = this.record;
		const org = this.organisation;
		if (!record || !org) return ['Open the patient’s record first.'];
		const dest = to === 'library' ? libraryLocation(org, volume) : to;
		const request = {
			hospitalNumber: record.hospitalNumber,
			volume: volume.number,
			to: dest,
			reason,
			by: this.user
		};
		const problems = trackingProblems(request);
		if (problems.length) return problems;
		const at = this.#now().toISOString();
		if (this.downtime) {
			this.paper = [
				...this.paper,
				{ id: this.paper.length + 1, ...request, to: dest!, reason: reason.trim(), at, enteredAs: null }
			];
			this.#save({ type: 'tracking.paper', data: this.paper[this.paper.length - 1] });
		} else {
			this.ledger = trackMovement(this.ledger, request, this.locationOf(volume), at);
			this.#save({ type: 'tracking.move', data: this.ledger[this.ledger.length - 1] });
		}
		return [];
	}

	/** Enters a paper downtime movement on the PAS with the time it happened (handbook 2.5). */
	enterPaper(id: number): string[] {
		if (this.downtime) return ['The PAS is still down: enter paper movements once it is back.'];
		const card = this.paper.find((p) => p.id === id);
		if (!card || card.enteredAs !== null) return ['That movement has already been entered.'];
		const from = this.ledgerFrom(card.hospitalNumber, card.volume);
		this.ledger = trackMovement(this.ledger, card, from, card.at, 'downtime', this.#now().toISOString());
		this.paper = this.paper.map((p) => (p.id === id ? { ...p, enteredAs: this.ledger.length } : p));
		this.#save({
			type: 'tracking.paper-entered',
			data: { paperId: id, entry: this.ledger[this.ledger.length - 1] }
		});
		return [];
	}

	private ledgerFrom(hospitalNumber: string, volume: number): TrackedLocation {
		const last = [...this.ledger]
			.reverse()
			.find((e) => e.hospitalNumber === hospitalNumber && e.volume === volume);
		if (last) return last.to;
		const v =
			this.record?.hospitalNumber === hospitalNumber
				? this.record.volumes.find((x) => x.number === volume)
				: undefined;
		return v?.tracked ?? { kind: 'library', code: '', label: 'Library' };
	}

	setDowntime(on: boolean) {
		this.downtime = on;
		this.#save({ type: 'pas.downtime', data: { on } });
	}

	#save(edit: TrustEdit) {
		this.#persist?.(edit).catch(() => {
			this.saveProblem =
				'Your last change could not be saved, so it will be lost when you leave this page. Check that the browser allows Records Room to save data, then reload.';
		});
	}

	/** Stops the worker; call when the screen using this session goes away. */
	stop() {
		this.#backend.stop();
		for (const p of this.#pending.values()) p.reject(new Error('The PAS was closed.'));
		this.#pending.clear();
	}
}

/** Starts a PAS on a trust. The caller owns it and calls stop() when done. */
export function createPasSession(o: PasSessionOptions): PasSession {
	return new PasSession(o);
}

/**
 * Where the learner last tracked this hospital number's notes on a PAS session (that volume only, when given), or
 * null.
 */
export function lastTrackedTo(
	pas: PasSession,
	hospitalNumber: string,
	volume?: number
): TrackedLocation | null {
	return lastLedgerMove(pas.ledger, hospitalNumber, volume);
}
