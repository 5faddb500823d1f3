// The generator's public API (see README.md). Scenario code imports from here only.
export {
	GENERATOR_VERSION,
	checkSettings,
	createTrust,
	defectsOfKind,
	patientSummaries,
	patientSummary
} from './trust';
export { patientRecord, patientOtherNames, DOCUMENTS_PER_VOLUME, DEFAULT_LONG_HISTORY_SHARE } from './record';
export { DEFAULT_DEFECT_RATES } from './defects';
export { MAX_PATIENTS, terminalDigitLabel } from './identifiers';
export { displayDate } from './dates';
export { hashSeed, derive, type Rng } from './random';
export type * from './types';
export { toFhirBundle, organisationResources, patientResources, NHS_NUMBER_SYSTEM } from './fhir';
export { validateRecord, validateSummary, validateTrust } from './validate-trust';
