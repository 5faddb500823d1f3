import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTrust, patientRecord } from '$lib/generator';
import type { TrackedLocation } from '$lib/generator/types';
import { applyEditsToRecord, replayEdits, type TrustEdit } from './replay';
import { currentLocation, lastLedgerMove, libraryLocation, trackMovement } from './tracking';

const trust = createTrust({ seed: 'replay', patients: 200, today: '2026-11-25' });
const ward: TrackedLocation = { kind: 'ward', code: 'W1', label: 'Ward 1' };
const clinic: TrackedLocation = { kind: 'clinic', code: 'C1', label: 'Clinic 1' };

function moveEdit(hospitalNumber: string, volume: number, to: TrackedLocation, at: string): TrustEdit {
	return {
		type: 'tracking.move',
		data: {
			seq: 99,
			hospitalNumber,
			volume,
			from: clinic,
			to,
			reason: 'Ward round',
			by: 'You (trainee)',
			at,
			enteredAt: at,
			mode: 'live'
		}
	};
}

describe('replaying a trust’s edits', () => {
	it('numbers audit, ledger and paper from their order and applies the downtime switch', () => {
		const card = {
			id: 7,
			hospitalNumber: '123456',
			volume: 1,
			to: ward,
			reason: 'Ward round',
			by: 'Sam',
			at: '2026-11-25T09:00:00.000Z',
			enteredAs: null
		};
		const entry = trackMovement([], card, clinic, card.at, 'downtime', '2026-11-25T10:00:00.000Z')[0];
		const state = replayEdits([
			{ type: 'pas.downtime', data: { on: true } },
			{ type: 'tracking.paper', data: card },
			{ type: 'pas.downtime', data: { on: false } },
			{ type: 'tracking.paper-entered', data: { paperId: 1, entry } },
			// Entered again from a second tab: ignored, so the ledger does not gain the move twice.
			{ type: 'tracking.paper-entered', data: { paperId: 1, entry } },
			moveEdit('123456', 1, clinic, '2026-11-25T11:00:00.000Z')
		]);
		expect(state.downtime).toBe(false);
		expect(state.paper).toEqual([{ ...card, id: 1, enteredAs: 1 }]);
		expect(state.ledger.map((e) => [e.seq, e.mode, e.to.code])).toEqual([
			[1, 'downtime', 'W1'],
			[2, 'live', 'C1']
		]);
	});

	it('skips edits of a kind this version does not know instead of failing', () => {
		const future = { type: 'pas.merge', data: {} } as unknown as TrustEdit;
		expect(replayEdits([future])).toEqual({ audit: [], ledger: [], paper: [], downtime: false });
	});

	it('applies tracking onto a generated record without touching the generated trust', () => {
		const record = patientRecord(trust, 5);
		const hn = record.hospitalNumber;
		const state = replayEdits([
			moveEdit(hn, 1, ward, '2026-11-25T09:00:00.000Z'),
			moveEdit('other', 1, clinic, '2026-11-25T09:30:00.000Z')
		]);
		const edited = applyEditsToRecord(record, state);
		expect(edited.volumes[0].tracked).toEqual(ward);
		expect(edited.volumes[0].movements.at(-1)).toMatchObject({ to: ward, by: 'You (trainee)' });
		expect(edited.volumes[0].actual).toEqual(record.volumes[0].actual);
		expect(patientRecord(trust, 5)).toEqual(record);
		// A record nobody moved is returned as it is.
		expect(applyEditsToRecord(patientRecord(trust, 6), state)).toEqual(patientRecord(trust, 6));
	});

	it('tracks each volume of a multi-volume record on its own (handbook 2.5, 2.6)', () => {
		const long = createTrust({
			seed: 'replay-volumes',
			patients: 200,
			today: '2026-11-25',
			longHistories: 1
		});
		const index = Array.from({ length: 200 }, (_, i) => i).find(
			(i) => patientRecord(long, i).volumes.length >= 3
		)!;
		const record = patientRecord(long, index);
		const hn = record.hospitalNumber;
		const oldest = record.volumes[0];
		const edits = [
			moveEdit(hn, 1, ward, '2026-11-25T09:00:00.000Z'),
			moveEdit(hn, 2, clinic, '2026-11-25T09:10:00.000Z'),
			moveEdit(hn, 1, libraryLocation(long.organisation, oldest), '2026-11-25T09:20:00.000Z')
		];
		const state = replayEdits(edits);
		const edited = applyEditsToRecord(record, state);
		expect(edited.volumes[0].tracked).toEqual(libraryLocation(long.organisation, oldest));
		expect(edited.volumes[0].movements.slice(-2).map((m) => m.to.code)).toEqual(['W1', oldest.shelf]);
		expect(edited.volumes[1].tracked).toEqual(clinic);
		expect(edited.volumes[1].movements.at(-1)!.to).toEqual(clinic);
		// Volumes nobody moved keep their generated tracking and history.
		for (const v of edited.volumes.slice(2)) expect(v).toEqual(record.volumes[v.number - 1]);
		for (const v of record.volumes)
			expect(currentLocation(hn, v, state.ledger)).toEqual(edited.volumes[v.number - 1].tracked);
		// What a retrieval step reads: the last move of the current volume, not of an older one.
		const current = record.volumes.at(-1)!.number;
		expect(lastLedgerMove(state.ledger, hn)).toEqual(libraryLocation(long.organisation, oldest));
		expect(lastLedgerMove(state.ledger, hn, 2)).toEqual(clinic);
		expect(lastLedgerMove(state.ledger, hn, current)).toBeNull();
		expect(lastLedgerMove(state.ledger, 'someone-else')).toBeNull();
	});

	it('is deterministic: the same record and edits give the same result, and tracked = the last move', () => {
		const record = patientRecord(trust, 11);
		const org = trust.organisation;
		const places = [ward, clinic, libraryLocation(org, record.volumes[0])];
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1000 })), {
					maxLength: 12
				}),
				(moves) => {
					const edits = moves.map(([p, minute]) =>
						moveEdit(
							record.hospitalNumber,
							1,
							places[p],
							new Date(Date.UTC(2026, 10, 25, 9, minute)).toISOString()
						)
					);
					const a = applyEditsToRecord(record, replayEdits(edits));
					const b = applyEditsToRecord(structuredClone(record), replayEdits(structuredClone(edits)));
					expect(a).toEqual(b);
					const ledger = replayEdits(edits).ledger;
					expect(a.volumes[0].tracked).toEqual(
						currentLocation(record.hospitalNumber, record.volumes[0], ledger)
					);
					expect(a.volumes[0].movements).toHaveLength(record.volumes[0].movements.length + moves.length);
				}
			),
			{ numRuns: 50 }
		);
	});
});
