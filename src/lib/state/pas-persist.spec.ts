import { describe, expect, it } from 'vitest';
import { createTrust, patientSummary } from '$lib/generator';
import { replayEdits, type TrustEdit } from '$lib/pas/replay';
import { createPasSession } from './pas.svelte';

const settings = { seed: 'persist', patients: 300, today: '2026-11-25' };
const surname = patientSummary(createTrust(settings), 0).surname;
let minute = 0;
const now = () => new Date(Date.UTC(2026, 10, 25, 9, minute++));

async function sessionWithTrail(stored: TrustEdit[]) {
	const pas = createPasSession({
		settings,
		session: 'practice-test',
		inline: true,
		now,
		edits: replayEdits(stored),
		persist: async (edit) => {
			// Stored as a copy, the way IndexedDB would clone it.
			stored.push(structuredClone(edit));
		}
	});
	await pas.whenReady();
	return pas;
}

describe('the practice PAS keeps its trail as stored edits', () => {
	it('stores every move, card and access, and a new session replays them to the same state', async () => {
		const stored: TrustEdit[] = [];
		const pas = await sessionWithTrail(stored);
		const patient = (await pas.search({ surname })).hits[0].patient;
		expect(await pas.open(patient, 'clinic-preparation')).toEqual([]);
		const volume = pas.record!.volumes[0];
		const clinic = { kind: 'clinic' as const, code: 'C1', label: 'Clinic 1' };
		expect(pas.track(volume, clinic, 'Clinic tomorrow')).toEqual([]);
		pas.setDowntime(true);
		expect(pas.track(volume, 'library', 'Back after clinic')).toEqual([]);
		pas.setDowntime(false);
		expect(pas.enterPaper(1)).toEqual([]);
		pas.stop();
		expect(stored.map((e) => e.type)).toEqual([
			'audit.open',
			'tracking.move',
			'pas.downtime',
			'tracking.paper',
			'pas.downtime',
			'tracking.paper-entered'
		]);

		// A reload: a fresh session from the stored edits shows the same trail and tracking.
		const again = await sessionWithTrail(stored);
		expect(again.audit).toEqual(pas.audit);
		expect(again.ledger).toEqual(pas.ledger);
		expect(again.paper).toEqual(pas.paper);
		expect(again.downtime).toBe(false);
		await again.open(patient, 'tracking');
		expect(again.locationOf(again.record!.volumes[0]).kind).toBe('library');
		expect(again.audit.map((a) => a.seq)).toEqual([1, 2]);
		again.stop();
	});

	it('a session without persist keeps its trail in memory only', async () => {
		const pas = createPasSession({ settings, session: 'attempt-1', inline: true, now });
		await pas.whenReady();
		const patient = (await pas.search({ surname })).hits[0].patient;
		await pas.open(patient, 'filing');
		expect(pas.audit).toHaveLength(1);
		pas.stop();
		const fresh = createPasSession({ settings, session: 'attempt-1', inline: true, now });
		expect(fresh.audit).toEqual([]);
		fresh.stop();
	});

	it('says so when an edit could not be stored, and keeps working', async () => {
		const pas = createPasSession({
			settings,
			session: 'practice-full',
			inline: true,
			now,
			persist: () => Promise.reject(new Error('QuotaExceededError'))
		});
		await pas.whenReady();
		pas.setDowntime(true);
		await Promise.resolve();
		await Promise.resolve();
		expect(pas.saveProblem).toContain('could not be saved');
		expect(pas.downtime).toBe(true);
		pas.stop();
	});
});
