/** The retrieval family (issue 8): its kinds and built-in definitions, registered in ../registry.ts. */
import type { AnyScenarioKind } from '../kind';
import { clinicPreparation } from './clinic-preparation';
import { missingNotes } from './missing-notes';
import { registrationCheck } from './registration-check';
import { urgentRequest } from './urgent-request';
import cpGentle from '../definitions/clinic-preparation-gentle.json';
import cpRealistic from '../definitions/clinic-preparation-realistic.json';
import cpAssessment from '../definitions/clinic-preparation-assessment.json';
import urGentle from '../definitions/urgent-request-gentle.json';
import urRealistic from '../definitions/urgent-request-realistic.json';
import urAssessment from '../definitions/urgent-request-assessment.json';
import mnGentle from '../definitions/missing-notes-gentle.json';
import mnRealistic from '../definitions/missing-notes-realistic.json';
import mnAssessment from '../definitions/missing-notes-assessment.json';
import rcGentle from '../definitions/registration-check-gentle.json';
import rcRealistic from '../definitions/registration-check-realistic.json';
import rcAssessment from '../definitions/registration-check-assessment.json';

export const RETRIEVAL_KINDS: AnyScenarioKind[] = [
	clinicPreparation,
	urgentRequest,
	missingNotes,
	registrationCheck
];

export const RETRIEVAL_DEFINITIONS: unknown[] = [
	cpGentle,
	cpRealistic,
	cpAssessment,
	urGentle,
	urRealistic,
	urAssessment,
	mnGentle,
	mnRealistic,
	mnAssessment,
	rcGentle,
	rcRealistic,
	rcAssessment
];
