/**
 * The registry of scenario kinds and the built-in definitions. A new kind is added in one line in KINDS; its
 * definitions are JSON files in ./definitions listed in BUILT_IN_DEFINITIONS (see README.md).
 */
import { DefinitionError, parseDefinitionFrame, problemsFrom, type ScenarioDefinition } from './definition';
import { DATA_PROTECTION_DEFINITIONS, DATA_PROTECTION_KINDS } from './data-protection';
import { nhsNumberCheck } from './identification/nhs-number-check';
import { looseFiling } from './filing/loose-filing';
import { shelving } from './filing/shelving';
import { folderCare } from './filing/folder-care';
import type { AnyScenarioKind } from './kind';
import { phoneCall } from './phone/phone-call';
import { createScenarioMachine, type ScenarioMachine } from './machine';
import gentle from './definitions/nhs-number-check-gentle.json';
import realistic from './definitions/nhs-number-check-realistic.json';
import assessment from './definitions/nhs-number-check-assessment.json';
import { RETRIEVAL_DEFINITIONS, RETRIEVAL_KINDS } from './retrieval';
import looseFilingGentle from './definitions/loose-filing-gentle.json';
import looseFilingRealistic from './definitions/loose-filing-realistic.json';
import looseFilingAssessment from './definitions/loose-filing-assessment.json';
import shelvingGentle from './definitions/shelving-gentle.json';
import shelvingRealistic from './definitions/shelving-realistic.json';
import shelvingAssessment from './definitions/shelving-assessment.json';
import folderCareGentle from './definitions/folder-care-gentle.json';
import folderCareRealistic from './definitions/folder-care-realistic.json';
import folderCareAssessment from './definitions/folder-care-assessment.json';

import phoneGentle from './definitions/phone-call-gentle.json';
import phoneRealistic from './definitions/phone-call-realistic.json';
import phoneAssessment from './definitions/phone-call-assessment.json';

const KINDS: AnyScenarioKind[] = [
	nhsNumberCheck,
	...RETRIEVAL_KINDS,
	looseFiling,
	shelving,
	folderCare,
	...DATA_PROTECTION_KINDS,
	phoneCall
];

const kinds = new Map<string, AnyScenarioKind>(KINDS.map((k) => [k.kind, k]));
const machines = new Map<string, ScenarioMachine>();

export function listKinds(): AnyScenarioKind[] {
	return [...kinds.values()];
}

export function getKind(kind: string): AnyScenarioKind | undefined {
	return kinds.get(kind);
}

/** The machine for a kind, built once and shared (machines are stateless descriptions). */
export function machineFor(kind: AnyScenarioKind): ScenarioMachine {
	let m = machines.get(kind.kind);
	if (!m) {
		m = createScenarioMachine(kind) as unknown as ScenarioMachine;
		machines.set(kind.kind, m);
	}
	return m;
}

/**
 * Migrates and validates a whole definition: the shared frame, then the kind's own params.
 * Throws DefinitionError listing every problem with a path and a plain-English message.
 */
export function parseDefinition(raw: unknown): ScenarioDefinition {
	const def = parseDefinitionFrame(raw);
	const kind = kinds.get(def.kind);
	if (!kind) {
		throw new DefinitionError(
			[
				{
					path: 'kind',
					message: `"${def.kind}" is not a known scenario kind. Known kinds: ${[...kinds.keys()].join(', ')}.`
				}
			],
			def.id
		);
	}
	if (kind.family !== def.family) {
		throw new DefinitionError(
			[{ path: 'family', message: `must be "${kind.family}" for the kind "${kind.kind}"` }],
			def.id
		);
	}
	const params = kind.paramsSchema.safeParse(def.params);
	if (!params.success) throw new DefinitionError(problemsFrom(params.error, 'params'), def.id);
	return { ...def, params: params.data as Record<string, unknown> };
}

/** Built-in scenarios, validated at load so a broken file fails the tests rather than a learner. */
export const BUILT_IN_DEFINITIONS: readonly ScenarioDefinition[] = [
	gentle,
	realistic,
	assessment,
	...RETRIEVAL_DEFINITIONS,
	looseFilingGentle,
	looseFilingRealistic,
	looseFilingAssessment,
	shelvingGentle,
	shelvingRealistic,
	shelvingAssessment,
	folderCareGentle,
	folderCareRealistic,
	folderCareAssessment,
	...DATA_PROTECTION_DEFINITIONS,
	phoneGentle,
	phoneRealistic,
	phoneAssessment
].map(parseDefinition);

export function getBuiltInDefinition(id: string): ScenarioDefinition | undefined {
	return BUILT_IN_DEFINITIONS.find((d) => d.id === id);
}
