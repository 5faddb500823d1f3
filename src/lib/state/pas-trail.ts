/**
 * The PAS embedded in a scenario, and what a step reads from its audit trail (handbook 3.5). The trail is stored
 * with the attempt as it happens and replayed when the attempt resumes (docs/adr/0003), each edit tagged with the
 * step it was made in, so a reload in the middle of a step keeps that step's look-ups and tracking. Screens call
 * {@link stepTrail} when they are created (the player creates a screen per step) and add `opened` to the answer,
 * so the scenario can score need-to-know.
 */
import type { TrustSettings } from '$lib/generator/types';
import { replayEdits } from '$lib/pas/replay';
import { attempt } from './attempt.svelte';
import { createPasSession, type PasSession } from './pas.svelte';

let shared: {
	key: string;
	session: PasSession;
	/** The attempt's answer count when each audit entry was made, in line with `audit`; null with no attempt. */
	auditSteps: number[] | null;
} | null = null;

/**
 * The PAS a scenario's screens share across its steps: the player re-creates a screen at every step, but the
 * learner's search, audit trail and tracking must carry on. One scenario PAS runs at a time; asking for another
 * key stops the previous one. Keyed by the running attempt's id, it starts from the attempt's stored trail and
 * stores each new edit with it; any other key (no attempt yet) keeps its trail in memory.
 */
export function scenarioPasSession(key: string, settings: TrustSettings): PasSession {
	const k = `${key}|${JSON.stringify(settings)}`;
	if (shared?.key === k) return shared.session;
	shared?.session.stop();
	if (attempt.row?.id !== key) {
		shared = { key: k, session: createPasSession({ settings, session: key }), auditSteps: null };
		return shared.session;
	}
	const stored = attempt.pasEdits;
	const auditSteps = stored.filter((e) => e.type === 'audit.open').map((e) => e.step ?? 0);
	const session = createPasSession({
		settings,
		session: key,
		edits: stored.length ? replayEdits(stored) : undefined,
		persist: (edit) => {
			const step = attempt.pasStep;
			// The session calls persist straight after logging, so this stays in line with its audit trail.
			if (edit.type === 'audit.open') auditSteps.push(step);
			return attempt.row?.id === key ? attempt.savePasEdit(edit, step) : Promise.resolve();
		}
	});
	shared = { key: k, session, auditSteps };
	return session;
}

/**
 * Where the current step's entries begin in a scenario PAS's audit trail: after every entry of an earlier step,
 * stored ones included. Without an attempt, the trail's length now (right when called as the step's screen is made).
 */
export function stepAuditStart(pas: PasSession): number {
	if (shared?.session !== pas || !shared.auditSteps) return pas.audit.length;
	const step = attempt.pasStep;
	return shared.auditSteps.filter((s) => s < step).length;
}

/** For tests: stop and forget the scenario PAS, as a reload would. */
export function resetScenarioPas() {
	shared?.session.stop();
	shared = null;
}

export interface StepTrail {
	pas: PasSession;
	/** Hospital numbers of the records opened during this step, each once, in the order first opened. */
	opened(): string[];
}

export function stepTrail(sessionKey: string, trust: TrustSettings): StepTrail {
	const pas = scenarioPasSession(attempt.row?.id ?? sessionKey, trust);
	const start = stepAuditStart(pas);
	return {
		pas,
		opened: () => [
			...new Set(
				pas.audit
					.slice(start)
					.filter((e) => e.action === 'opened record')
					.map((e) => e.hospitalNumber)
			)
		]
	};
}
