/**
 * Casenote tracking on the simulated PAS (handbook 2.5, 2.6, 2.7): movements the learner records are kept in a
 * ledger beside the generated record, never by editing it, so the same trust can be replayed and scored. Every
 * volume is tracked on its own (handbook 2.6). In downtime, movements go on paper tracer cards and a register and
 * are entered on the PAS later with the time they really happened (handbook 2.5).
 */
import type {
	CasenoteVolume,
	LocationKind,
	Movement,
	Organisation,
	TrackedLocation
} from '../generator/types';

export interface TrackingEntry {
	/** Sequence in the ledger, from 1. */
	seq: number;
	hospitalNumber: string;
	volume: number;
	from: TrackedLocation;
	to: TrackedLocation;
	reason: string;
	by: string;
	/** When the notes moved (ISO date-time). */
	at: string;
	/** When it was put on the PAS: later than `at` for a downtime entry. */
	enteredAt: string;
	mode: 'live' | 'downtime';
}

/** A paper tracer-card / register line written during downtime, waiting to be entered on the PAS. */
export interface PaperMovement {
	id: number;
	hospitalNumber: string;
	volume: number;
	to: TrackedLocation;
	reason: string;
	by: string;
	at: string;
	/** Set when it has been entered on the PAS. */
	enteredAs: number | null;
}

export interface TrackRequest {
	hospitalNumber: string;
	volume: number;
	to: TrackedLocation | null;
	reason: string;
	by: string;
}

export const LOCATION_KIND_LABELS: Record<
	LocationKind | 'person' | 'office' | 'emergency department',
	string
> = {
	library: 'Health records library',
	clinic: 'Clinic',
	ward: 'Ward',
	secretary: "Secretary's office",
	'off-site store': 'Off-site store',
	coding: 'Clinical coding',
	scanning: 'Scanning bureau',
	person: 'Named person',
	office: 'Office',
	'emergency department': 'Emergency department'
};

/**
 * What is wrong with a tracking request, as sentences saying what to do; empty when it can be saved. A movement
 * without a destination, a reason or a name is how notes go missing (handbook 2.5).
 */
export function trackingProblems(r: TrackRequest): string[] {
	const problems: string[] = [];
	if (!r.to || !r.to.label.trim()) problems.push('Choose where the notes are going.');
	if (!r.reason.trim())
		problems.push('Give the reason the notes are moving, for example "Clinic 26 November".');
	if (!r.by.trim()) problems.push('Give the name of the person moving the notes.');
	return problems;
}

/** Where a volume is tracked to now: the last ledger entry for it, or the generated tracking. */
export function currentLocation(
	hospitalNumber: string,
	volume: CasenoteVolume,
	ledger: readonly TrackingEntry[]
): TrackedLocation {
	let loc = volume.tracked;
	let latest = '';
	for (const e of ledger) {
		if (e.hospitalNumber === hospitalNumber && e.volume === volume.number && e.at >= latest) {
			loc = e.to;
			latest = e.at;
		}
	}
	return loc;
}

/**
 * Where the learner's ledger last put a volume of this hospital number, or null when they moved none. Give the
 * volume number to ask about that volume alone: moving an old closed volume is not moving the current one
 * (handbook 2.6: each volume is tracked separately).
 */
export function lastLedgerMove(
	ledger: readonly TrackingEntry[],
	hospitalNumber: string,
	volume?: number
): TrackedLocation | null {
	for (let i = ledger.length - 1; i >= 0; i--) {
		const e = ledger[i];
		if (e.hospitalNumber === hospitalNumber && (volume === undefined || e.volume === volume)) return e.to;
	}
	return null;
}

export interface HistoryLine extends Movement {
	reason: string;
	source: 'record' | 'live' | 'downtime';
	enteredAt: string | null;
}

/** Movement history of one volume, newest first: the generated movements plus the learner's. */
export function movementHistory(
	hospitalNumber: string,
	volume: CasenoteVolume,
	ledger: readonly TrackingEntry[]
): HistoryLine[] {
	const lines: HistoryLine[] = volume.movements.map((m) => ({
		...m,
		reason: '',
		source: 'record',
		enteredAt: null
	}));
	for (const e of ledger) {
		if (e.hospitalNumber !== hospitalNumber || e.volume !== volume.number) continue;
		lines.push({
			at: e.at,
			from: e.from,
			to: e.to,
			by: e.by,
			reason: e.reason,
			source: e.mode,
			enteredAt: e.mode === 'downtime' ? e.enteredAt : null
		});
	}
	return lines.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** Adds a movement to the ledger; throws with the problems when the request is incomplete. */
export function trackMovement(
	ledger: readonly TrackingEntry[],
	r: TrackRequest,
	from: TrackedLocation,
	at: string,
	mode: 'live' | 'downtime' = 'live',
	enteredAt = at
): TrackingEntry[] {
	const problems = trackingProblems(r);
	if (problems.length) throw new Error(problems.join(' '));
	const entry: TrackingEntry = {
		seq: ledger.length + 1,
		hospitalNumber: r.hospitalNumber,
		volume: r.volume,
		from,
		to: r.to!,
		reason: r.reason.trim(),
		by: r.by.trim(),
		at,
		enteredAt,
		mode
	};
	return [...ledger, entry];
}

/** The library shelf as a tracked location, for tracking notes back in (handbook 2.3, 2.5). */
export function libraryLocation(org: Organisation, volume: CasenoteVolume): TrackedLocation {
	return { kind: 'library', code: volume.shelf, label: `${org.library.name}, ${volume.shelf}` };
}

/** Every place notes can be tracked to on this trust, grouped for a picker. */
export function trackingDestinations(org: Organisation): { group: string; places: TrackedLocation[] }[] {
	return [
		{
			group: 'Clinics',
			places: org.clinics.map((c) => ({ kind: 'clinic', code: c.code, label: `${c.name} (${c.code})` }))
		},
		{
			group: 'Wards',
			places: org.wards.map((w) => ({ kind: 'ward', code: w.code, label: w.name }))
		},
		{
			group: 'Offices',
			places: [
				...org.clinicians.map((c) => ({
					kind: 'secretary' as const,
					code: `SEC-${c.id}`,
					label: `Secretary to ${c.title} ${c.name}`
				})),
				{ kind: 'coding', code: 'CODING', label: 'Clinical coding office' },
				{ kind: 'scanning', code: 'SCANNING', label: 'Scanning bureau' }
			]
		},
		{
			group: 'Other',
			places: [
				{ kind: 'ward', code: 'ED', label: 'Emergency department' },
				{ kind: 'off-site store', code: 'OFFSITE', label: org.offSiteStore.name }
			]
		}
	];
}
