/**
 * The PAS access audit (handbook 3.5, 4.11): every record opened is logged with who, when and why. A reason is
 * required before a record opens; the data protection scenarios score need-to-know from these entries, and the
 * learner can read their own trail.
 */

/** Reasons offered when opening a record. 'other' needs words. */
export const ACCESS_REASONS = [
	{ id: 'clinic-preparation', label: 'Preparing notes for a clinic' },
	{ id: 'urgent-request', label: 'Urgent request for notes (e.g. emergency department)' },
	{ id: 'missing-notes', label: 'Searching for missing notes' },
	{ id: 'registration', label: 'Registering or checking a patient' },
	{ id: 'filing', label: 'Filing documents' },
	{ id: 'tracking', label: 'Tracking notes' },
	{ id: 'enquiry', label: 'Answering an enquiry about this patient' },
	{ id: 'other', label: 'Other (say why)' }
] as const;

export type AccessReasonId = (typeof ACCESS_REASONS)[number]['id'];

export interface AuditEntry {
	seq: number;
	at: string;
	/** Session or attempt the access belongs to. */
	session: string;
	patient: number;
	hospitalNumber: string;
	/** Name as shown at the time, for the learner's own trail. */
	name: string;
	reason: AccessReasonId;
	/** Free text: required for 'other', optional detail otherwise. */
	detail: string;
	action: 'opened record' | 'tracked notes' | 'entered downtime movement';
}

/** Problems with a reason before a record may open; empty when fine. */
export function accessProblems(reason: string, detail: string): string[] {
	if (!ACCESS_REASONS.some((r) => r.id === reason))
		return ['Choose why you are opening this record: every access is logged (handbook 3.5).'];
	if (reason === 'other' && detail.trim().length < 5)
		return ['Say in a few words why you need this record: "Other" needs a reason.'];
	return [];
}

export function reasonLabel(id: AccessReasonId): string {
	return ACCESS_REASONS.find((r) => r.id === id)?.label ?? id;
}
