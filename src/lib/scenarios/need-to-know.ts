/**
 * Need-to-know from the PAS audit trail (handbook 3.5, 4.11): scenarios that embed the simulated PAS receive the
 * hospital numbers of the records the learner opened during a step, and point out the ones the task did not need.
 * Opening a look-alike to compare it is part of identifying the right patient (handbook 1.7), so callers pass the
 * look-alikes as needed too. Pure: no clock, no UI.
 */
import { z } from '$lib/scenarios/zod';
import { RULES } from '../domain/rules';
import type { RuleRef } from './decisions';

/** Hospital numbers of the records opened on the PAS during the step (from its audit trail), in order. */
export const openedSchema = z.array(z.string().max(40)).max(500).optional();

/** The domain rule cited when a learner opened records the task did not need. */
export const NEED_TO_KNOW: RuleRef = {
	id: 'access.need-to-know',
	handbook: RULES['access.need-to-know'].handbook,
	text: RULES['access.need-to-know'].summary
};

/**
 * Records opened that the task did not need, each once, in the order first opened.
 * @example unneededOpens(['K1', 'K2', 'K2', 'K3'], ['K1']) // ['K2', 'K3']
 */
export function unneededOpens(opened: readonly string[] | undefined, needed: Iterable<string>): string[] {
	const ok = new Set(needed);
	const out: string[] = [];
	for (const hn of opened ?? []) if (!ok.has(hn) && !out.includes(hn)) out.push(hn);
	return out;
}

/**
 * A feedback sentence naming the records opened without need, or '' when there were none. `label` turns a
 * hospital number into words ("Ann JONES (K123456)").
 * @example needToKnowNote(['K2'], (hn) => hn) // 'You also opened K2, which this task did not need. Open only the records your work needs: every access is logged and audited (rule access.need-to-know, handbook 3.5, 4.11).'
 */
export function needToKnowNote(unneeded: readonly string[], label: (hn: string) => string): string {
	if (!unneeded.length) return '';
	const names = unneeded.map(label);
	const list =
		names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
	return `You also opened ${list}, which this task did not need. Open only the records your work needs: every access is logged and audited (rule ${NEED_TO_KNOW.id}, handbook ${NEED_TO_KNOW.handbook}).`;
}
