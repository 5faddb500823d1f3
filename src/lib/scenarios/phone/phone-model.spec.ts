/**
 * Model-based walk of the phone call machine (xstate/graph). The shared harness (../testing/model.ts) tells states
 * apart by step id and decision count, which for this kind merges every answer at a step into one successor. Here
 * states are told apart by the parts of the call state that change what happens next: the phase, the identity
 * check, the check made (and whether the right record was open on the PAS) and the decision. The greeting wording and the message form's completeness only change
 * words and points, never the caller's later reactions or the answer key, so states differing only in those are
 * merged: that is the bound that keeps the walk to a few hundred states per call.
 */
import { describe, expect, it } from 'vitest';
import { getAdjacencyMap } from 'xstate/graph';
import type { ScenarioDefinition } from '../definition';
import type { ScenarioSnapshot } from '../machine';
import { getBuiltInDefinition, machineFor } from '../registry';
import { eventsFor } from '../testing/model';
import type { CallType } from './call-types';
import { answerKey, decodeStep, phoneCall, type PhoneCase, type PhoneParams } from './phone-call';

function serialize(s: ScenarioSnapshot): string {
	const c = s.context;
	const { phase, state } = decodeStep(c.nextStepId ?? c.stepId);
	return JSON.stringify([
		s.value,
		decodeStep(c.stepId).phase,
		phase,
		state.calm,
		state.warn,
		state.identify,
		state.check,
		state.found,
		state.decide,
		c.decisions.length,
		c.endReason,
		s.status
	]);
}

const TYPES: CallType[] = [
	'blagger-as-patient',
	'blagger-as-gp',
	'relative-without-consent',
	'abusive-caller',
	'change-of-address',
	'gp-discharge-letter',
	'caller-in-emergency',
	'deceased-patient',
	'restricted-record'
];

describe('phone call machine: bounded model walk', () => {
	for (const type of TYPES) {
		it(`${type}: every state can finish, every final is scored, unlawful disclosure always fails`, () => {
			const base = getBuiltInDefinition('phone-call-assessment')!;
			const definition: ScenarioDefinition = { ...base, params: { ...base.params, callTypes: [type] } };
			const c = phoneCall.setup(definition as ScenarioDefinition<PhoneParams>, 3, '2026-11-25');
			const adj = getAdjacencyMap(machineFor(phoneCall), {
				input: { definition, case: c },
				events: eventsFor(phoneCall),
				serializeState: serialize
			});
			const keys = Object.keys(adj);
			let finals = 0;
			let unlawful = 0;
			for (const key of keys) {
				const { state, transitions } = adj[key as keyof typeof adj];
				if (state.status === 'done') {
					finals += 1;
					expect(typeof state.context.result?.percent).toBe('number');
					const decide = state.context.decisions.find((d) => decodeStep(d.step).phase === 'decide');
					if (decide) {
						const key = answerKey(c as PhoneCase, decodeStep(decide.step).state);
						const disclosed = ['disclose', 'disclose-within-limits', 'confirm-is-patient'].includes(
							decide.response.value
						);
						if (disclosed && !['disclose', 'disclose-within-limits'].includes(key)) {
							unlawful += 1;
							if (state.context.endReason !== 'abandoned') expect(state.context.result?.passed).toBe(false);
						}
					}
					continue;
				}
				expect(Object.values(transitions).some((t) => serialize(t.state) !== key)).toBe(true);
			}
			expect(finals).toBeGreaterThan(type === 'caller-in-emergency' ? 5 : 10);
			expect(keys.length).toBeLessThan(5000);
			if (type.startsWith('blagger')) expect(unlawful).toBeGreaterThan(0);
		}, 120_000);
	}
});
