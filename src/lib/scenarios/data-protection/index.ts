// The data protection family (issue 9; handbook 4, 5): five kinds and their built-in definitions.
import { deceasedRecords } from './deceased-records';
import { recordsDeskDay } from './records-desk-day';
import { retentionReviewKind } from './retention-review';
import { subjectAccess } from './subject-access';
import { thirdParties } from './third-parties';
import sarGentle from '../definitions/subject-access-request-gentle.json';
import sarRealistic from '../definitions/subject-access-request-realistic.json';
import sarAssessment from '../definitions/subject-access-request-assessment.json';
import ahraGentle from '../definitions/deceased-patient-records-gentle.json';
import ahraRealistic from '../definitions/deceased-patient-records-realistic.json';
import ahraAssessment from '../definitions/deceased-patient-records-assessment.json';
import policeGentle from '../definitions/police-and-third-parties-gentle.json';
import policeRealistic from '../definitions/police-and-third-parties-realistic.json';
import policeAssessment from '../definitions/police-and-third-parties-assessment.json';
import deskGentle from '../definitions/records-desk-day-gentle.json';
import deskRealistic from '../definitions/records-desk-day-realistic.json';
import deskAssessment from '../definitions/records-desk-day-assessment.json';
import retentionGentle from '../definitions/retention-disposal-review-gentle.json';
import retentionRealistic from '../definitions/retention-disposal-review-realistic.json';
import retentionAssessment from '../definitions/retention-disposal-review-assessment.json';

export const DATA_PROTECTION_KINDS = [
	subjectAccess,
	deceasedRecords,
	thirdParties,
	recordsDeskDay,
	retentionReviewKind
];

export const DATA_PROTECTION_DEFINITIONS: unknown[] = [
	sarGentle,
	sarRealistic,
	sarAssessment,
	ahraGentle,
	ahraRealistic,
	ahraAssessment,
	policeGentle,
	policeRealistic,
	policeAssessment,
	deskGentle,
	deskRealistic,
	deskAssessment,
	retentionGentle,
	retentionRealistic,
	retentionAssessment
];
