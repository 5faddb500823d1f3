/**
 * What a scenario step reads from the embedded PAS's audit trail (handbook 3.5): the records opened since the
 * step's screen appeared. Screens call {@link stepTrail} when they are created (the player creates a screen per
 * step) and add `opened` to the answer, so the scenario can score need-to-know.
 */
import type { TrustSettings } from '$lib/generator/types';
import { attempt } from './attempt.svelte';
import { scenarioPasSession, type PasSession } from './pas.svelte';

export interface StepTrail {
	pas: PasSession;
	/** Hospital numbers of the records opened during this step, each once, in the order first opened. */
	opened(): string[];
}

export function stepTrail(sessionKey: string, trust: TrustSettings): StepTrail {
	const pas = scenarioPasSession(attempt.row?.id ?? sessionKey, trust);
	const start = pas.audit.length;
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
