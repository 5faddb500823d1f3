/**
 * A stored trust is seed + generator version + settings + the learner's edits (issue 4): the patients are made
 * again from the seed each time, and the edits (tracking moves, downtime tracer cards, the access audit) are
 * replayed on top. Everything here is pure and ordered only by the edits' sequence, so the same generated trust
 * and the same edits always give the same result, whatever the clock or the order rows came out of storage.
 */
import type { CasenoteVolume, PatientRecord } from '../generator/types';
import type { AuditEntry } from './audit';
import { currentLocation, type PaperMovement, type TrackingEntry } from './tracking';

/** One thing a learner did to a trust, as stored (handbook 2.5 tracking, 3.5 audit). */
export type TrustEdit =
	| { type: 'audit.open'; data: AuditEntry }
	| { type: 'tracking.move'; data: TrackingEntry }
	| { type: 'tracking.paper'; data: PaperMovement }
	| { type: 'tracking.paper-entered'; data: { paperId: number; entry: TrackingEntry } }
	| { type: 'pas.downtime'; data: { on: boolean } };

export type TrustEditType = TrustEdit['type'];

export const TRUST_EDIT_TYPES: readonly TrustEditType[] = [
	'audit.open',
	'tracking.move',
	'tracking.paper',
	'tracking.paper-entered',
	'pas.downtime'
];

/** What the edits add up to: the PAS's audit trail, tracking ledger, paper register and downtime switch. */
export interface TrustEditState {
	audit: AuditEntry[];
	ledger: TrackingEntry[];
	paper: PaperMovement[];
	downtime: boolean;
}

export const EMPTY_EDIT_STATE: TrustEditState = Object.freeze({
	audit: [],
	ledger: [],
	paper: [],
	downtime: false
}) as TrustEditState;

/**
 * Folds edits, already in their stored order, into the PAS state. Sequence numbers are given again from the
 * order, so two computers' logs merged by a backup import still number from 1 without gaps. Edits of a type this
 * version does not know (written by a newer Records Room) are skipped rather than guessed at.
 * @example replayEdits([{ type: 'pas.downtime', data: { on: true } }]).downtime // true
 */
export function replayEdits(edits: readonly TrustEdit[]): TrustEditState {
	const audit: AuditEntry[] = [];
	const ledger: TrackingEntry[] = [];
	const paper: PaperMovement[] = [];
	let downtime = false;
	for (const e of edits) {
		switch (e.type) {
			case 'audit.open':
				audit.push({ ...e.data, seq: audit.length + 1 });
				break;
			case 'tracking.move':
				ledger.push({ ...e.data, seq: ledger.length + 1 });
				break;
			case 'tracking.paper':
				paper.push({ ...e.data, id: paper.length + 1, enteredAs: null });
				break;
			case 'tracking.paper-entered': {
				const card = paper.find((p) => p.id === e.data.paperId);
				// A card entered twice (two tabs) must not put the same movement on the ledger twice.
				if (!card || card.enteredAs !== null) break;
				ledger.push({ ...e.data.entry, seq: ledger.length + 1 });
				card.enteredAs = ledger.length;
				break;
			}
			case 'pas.downtime':
				downtime = e.data.on;
				break;
		}
	}
	return { audit, ledger, paper, downtime };
}

/**
 * The generated record with the learner's tracking applied: each volume is tracked to where the ledger last put
 * it, and its movement history gains the learner's moves in time order. Where the notes really are (`actual`) is
 * left alone: tracking is what the PAS says, and only a scenario decides what physically happened.
 * @example applyEditsToRecord(record, replayEdits(edits)).volumes[0].tracked.label // 'Cardiology clinic (CARD1M)'
 */
export function applyEditsToRecord(
	record: PatientRecord,
	state: Pick<TrustEditState, 'ledger'>
): PatientRecord {
	const mine = state.ledger.filter((e) => e.hospitalNumber === record.hospitalNumber);
	if (mine.length === 0) return record;
	const volumes = record.volumes.map((v): CasenoteVolume => {
		const moves = mine.filter((e) => e.volume === v.number);
		if (moves.length === 0) return v;
		const movements = [
			...v.movements,
			...moves.map((e) => ({ at: e.at, from: e.from, to: e.to, by: e.by }))
		].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
		return { ...v, tracked: currentLocation(record.hospitalNumber, v, moves), movements };
	});
	return { ...record, volumes };
}
