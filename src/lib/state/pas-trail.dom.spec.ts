import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTrust, patientSummary } from '$lib/generator';
import type { PatientSummary } from '$lib/generator/types';
import { getBuiltInDefinition, parseDefinition } from '$lib/scenarios/registry';
import type { UrgentCase, UrgentView } from '$lib/scenarios/retrieval/urgent-request';
import { app } from './app.svelte';
import { attempt } from './attempt.svelte';
import { lastTrackedTo } from './pas.svelte';
import { resetScenarioPas, stepTrail } from './pas-trail';

vi.setConfig({ testTimeout: 60_000 });

const ED = { kind: 'ward' as const, code: 'ED', label: 'Emergency department' };

beforeEach(async () => {
	await app.init();
});

afterEach(async () => {
	const db = app.db;
	// A save still on its way would put the attempt's row back after the reset.
	await attempt.flush();
	resetScenarioPas();
	attempt.reset();
	app.reset();
	if (db) await db.delete();
});

/** What the step's screen does when the player makes it. */
function screenTrail() {
	const view = attempt.view as unknown as { data: UrgentView };
	return stepTrail(view.data.sessionKey, view.data.trust);
}

/** A reload: everything in memory goes; the attempt and its PAS come back from IndexedDB alone. */
async function reload(profileId: string) {
	await attempt.flush();
	const id = attempt.row!.id;
	resetScenarioPas();
	attempt.reset();
	expect(await attempt.resume(app.db!, id, profileId)).toBe(true);
	const trail = screenTrail();
	await trail.pas.whenReady();
	return trail;
}

function lastDecision() {
	const d = attempt.snapshot!.context.decisions;
	return d[d.length - 1];
}

describe('a scenario PAS trail is stored with the attempt', () => {
	it('a reload in the middle of a step keeps its look-ups, tracking and need-to-know marking', async () => {
		const profile = await app.createProfile('Robin', 'apprentice');
		const base = getBuiltInDefinition('urgent-request-gentle')!;
		const definition = parseDefinition({ ...base, params: { ...base.params, trustSize: 500 } });
		await attempt.start(app.db!, profile.id, definition, 11);
		attempt.send({ type: 'learner.start' });
		const c = attempt.snapshot!.context.case as UrgentCase;
		const call = c.calls[0];
		const trust = createTrust(c.trust);
		const patient = patientSummary(trust, call.patient.index);
		// Someone the call gives no reason to open: no shared surname or date of birth.
		let stranger: PatientSummary | undefined;
		for (let i = 0; !stranger; i++) {
			const p = patientSummary(trust, i);
			if (p.surname !== patient.surname && p.dateOfBirth !== patient.dateOfBirth) stranger = p;
		}

		// Step 1 (find): open the caller's patient and a stranger, then reload before answering.
		const find = screenTrail();
		await find.pas.whenReady();
		expect(await find.pas.open(patient, 'urgent-request')).toEqual([]);
		expect(await find.pas.open(stranger, 'urgent-request')).toEqual([]);
		const auditBefore = find.pas.audit;
		expect(find.opened()).toEqual([patient.hospitalNumber, stranger.hospitalNumber]);

		const afterReload = await reload(profile.id);
		expect(afterReload.pas).not.toBe(find.pas);
		expect(afterReload.pas.audit).toEqual(auditBefore);
		expect(afterReload.opened()).toEqual([patient.hospitalNumber, stranger.hospitalNumber]);
		attempt.send({
			type: 'learner.answer',
			answer: { patient: patient.index, opened: afterReload.opened() }
		});
		expect(lastDecision().outcome).toBe('minor');
		expect(lastDecision().explanation).toContain(`You also opened ${stranger.forenames.join(' ')}`);
		attempt.send({ type: 'learner.continue' });

		// Step 2 (send): the earlier step's look-ups are not this step's, before or after a reload.
		const send = screenTrail();
		expect(send.pas).toBe(afterReload.pas);
		expect(send.opened()).toEqual([]);
		expect(await send.pas.open(patient, 'urgent-request')).toEqual([]);
		const volume = send.pas.record!.volumes.find((v) => v.number === call.volume)!;
		expect(send.pas.track(volume, ED, 'Patient in resus')).toEqual([]);

		const again = await reload(profile.id);
		expect(again.pas.audit).toEqual(send.pas.audit);
		expect(again.pas.ledger).toEqual(send.pas.ledger);
		expect(again.opened()).toEqual([patient.hospitalNumber]);
		expect(lastTrackedTo(again.pas, patient.hospitalNumber)?.code).toBe('ED');
		const right =
			call.tracked.kind === 'library'
				? 'pull-and-send'
				: call.tracked.kind === 'off-site store'
					? 'urgent-offsite-request'
					: 'ask-holder-to-send';
		attempt.send({
			type: 'learner.answer',
			answer: { action: right, trackedTo: 'ed', opened: again.opened() }
		});
		expect(lastDecision().outcome).toBe('correct');
	});

	it('stores nothing for a PAS no attempt owns, and keeps it per step in memory', async () => {
		const trail = stepTrail('no-attempt', { seed: 'loose', patients: 500, today: '2026-11-25' });
		await trail.pas.whenReady();
		const p = patientSummary(createTrust({ seed: 'loose', patients: 500, today: '2026-11-25' }), 3);
		await trail.pas.open(p, 'filing');
		expect(trail.opened()).toEqual([p.hospitalNumber]);
		const next = stepTrail('no-attempt', { seed: 'loose', patients: 500, today: '2026-11-25' });
		expect(next.pas).toBe(trail.pas);
		expect(next.opened()).toEqual([]);
		expect(await app.db!.trustEvents.count()).toBe(0);
	});
});
