/**
 * Need-to-know from the PAS audit trail (handbook 3.5, 4.11): scenarios that embed the simulated PAS receive the
 * hospital numbers of the records the learner opened during a step, and point out the ones the task did not need.
 * Opening a look-alike to compare it is part of identifying the right patient (handbook 1.7), so callers pass the
 * look-alikes as needed too. Pure: no clock, no UI.
 */
import { z } from '$lib/scenarios/zod';
import { RULES } from '../domain/rules';
import { patientSummaries, patientSummary } from '../generator/index';
import type { PatientSummary, Trust } from '../generator/types';
import type { DecisionOutcome, RuleRef } from './decisions';
import type { Judgement } from './kind';

/** Hospital numbers of the records opened on the PAS during the step (from its audit trail), in order. */
export const openedSchema = z.array(z.string().max(40)).max(500).optional();

/** The domain rule cited when a learner opened records the task did not need. */
export const NEED_TO_KNOW: RuleRef = {
	id: 'access.need-to-know',
	handbook: RULES['access.need-to-know'].handbook,
	text: RULES['access.need-to-know'].summary
};

/** How much a record opened without need costs a step that was otherwise right, in every family. */
export const NEED_TO_KNOW_OUTCOME: DecisionOutcome = 'minor';

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

/**
 * A step's judgement with need-to-know added: the records opened without need are named, and a step otherwise
 * right becomes a minor error under rule access.need-to-know (a step already wrong keeps its outcome and rule).
 * Every family that embeds the PAS marks unneeded access with this one severity.
 */
export function markNeedToKnow(
	j: Judgement,
	unneeded: readonly string[],
	label: (hn: string) => string
): Judgement {
	if (!unneeded.length) return j;
	const downgrade = j.outcome === 'correct';
	return {
		...j,
		outcome: downgrade ? NEED_TO_KNOW_OUTCOME : j.outcome,
		rule: downgrade ? NEED_TO_KNOW : j.rule,
		explanation: `${j.explanation} ${needToKnowNote(unneeded, label)}`
	};
}

// Hospital number to patient summary, per trust: need-to-know looks up the records the learner opened.
const byHospitalNumber = new WeakMap<Trust, Map<string, PatientSummary>>();
function summaryOf(trust: Trust, hospitalNumber: string): PatientSummary | undefined {
	let m = byHospitalNumber.get(trust);
	if (!m) {
		m = new Map(patientSummaries(trust).map((p) => [p.hospitalNumber, p]));
		byHospitalNumber.set(trust, m);
	}
	return m.get(hospitalNumber);
}

/** "Ann JONES (K123456)": a record opened on the PAS, as feedback names it. */
export function openedLabel(trust: Trust, hospitalNumber: string): string {
	const p = summaryOf(trust, hospitalNumber);
	return p ? `${p.forenames.join(' ')} ${p.surname} (${hospitalNumber})` : hospitalNumber;
}

/** Details a task gives to go on: patients who share a surname or date of birth with them are fair to open. */
export interface Presented {
	surname?: string;
	/** ISO date of birth. */
	dob?: string;
	/** Casenote numbers worth checking, digits only padded to six (e.g. transposed-number candidates, 2.8). */
	numbers?: readonly string[];
}

const digitsOf = (hn: string) => hn.replace(/\D/g, '').padStart(6, '0');

/**
 * The records opened during a step that the task did not need, each once. `needed` are the task's patients (and
 * planted look-alikes); anyone sharing a surname or date of birth with them or with `presented` is a candidate a
 * search shows, and opening them to compare is part of identification (handbook 1.7), so they count as needed.
 */
export function unneededOnTrust(
	trust: Trust,
	opened: readonly string[] | undefined,
	needed: readonly number[],
	presented: readonly Presented[] = []
): string[] {
	if (!opened?.length) return [];
	const alike: Presented[] = [
		...presented,
		...needed.map((i) => {
			const p = patientSummary(trust, i);
			return { surname: p.surname, dob: p.dateOfBirth };
		})
	];
	const fold = (s: string | undefined) => (s ?? '').trim().toLowerCase();
	const fair = opened.filter((hn) => {
		const p = summaryOf(trust, hn);
		if (!p) return false;
		if (needed.includes(p.index)) return true;
		return alike.some(
			(a) =>
				(a.surname && fold(a.surname) === fold(p.surname)) ||
				(a.dob && a.dob === p.dateOfBirth) ||
				a.numbers?.includes(digitsOf(p.hospitalNumber))
		);
	});
	return unneededOpens(opened, fair);
}

/**
 * Need-to-know from the PAS audit trail (handbook 3.5, 4.11) for a step run on `trust`: the records opened that
 * the task did not need (see {@link unneededOnTrust}) are named, and a step otherwise right becomes a minor error.
 */
export function withNeedToKnow(
	trust: Trust,
	j: Judgement,
	opened: readonly string[] | undefined,
	needed: readonly number[],
	presented: readonly Presented[] = []
): Judgement {
	const extra = unneededOnTrust(trust, opened, needed, presented);
	return markNeedToKnow(j, extra, (hn) => openedLabel(trust, hn));
}
