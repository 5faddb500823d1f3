/**
 * Learning outcomes a scenario can evidence, drawn from the qualifications in handbook section 7. Ids are stable
 * (they are stored in decision records and exported as xAPI), so never reuse or renumber one; add new ones.
 * Titles are paraphrased, as the handbook is.
 */

export type OutcomeFramework = 'ihrim-foundation' | 'dsa-l1' | 'business-admin-l3' | 'customer-service-l2';

export interface LearningOutcome {
	id: string;
	framework: OutcomeFramework;
	title: string;
	/** Handbook sections that hold the rules behind this outcome. */
	handbook: string[];
}

export const FRAMEWORK_LABELS: Record<OutcomeFramework, string> = {
	'ihrim-foundation': 'IHRIM Foundation Certificate (Operational Health Records)',
	'dsa-l1': 'Data Security Awareness Level 1',
	'business-admin-l3': 'Business Administrator Level 3 apprenticeship',
	'customer-service-l2': 'Customer Service Practitioner Level 2 apprenticeship'
};

export const OUTCOMES = [
	// IHRIM Foundation syllabus themes (handbook 7.1).
	{
		id: 'ihrim.unique-identifiers',
		framework: 'ihrim-foundation',
		title: 'Use unique identifiers (NHS number, H&C number, CHI) correctly',
		handbook: ['1.1', '1.2', '1.3', '1.5']
	},
	{
		id: 'ihrim.positive-identification',
		framework: 'ihrim-foundation',
		title: 'Identify patients positively before acting on a record',
		handbook: ['1.6', '1.7']
	},
	{
		id: 'ihrim.filing-methods',
		framework: 'ihrim-foundation',
		title: 'File casenotes by terminal digit, sequential and alphabetical methods',
		handbook: ['2.3', '2.4']
	},
	{
		id: 'ihrim.loose-filing',
		framework: 'ihrim-foundation',
		title: 'File loose documents into the right folder and section',
		handbook: ['2.1', '2.2']
	},
	{
		id: 'ihrim.retrieval-tracking',
		framework: 'ihrim-foundation',
		title: 'Retrieve casenotes and keep tracking up to date',
		handbook: ['2.5', '2.6', '2.7', '2.8']
	},
	{
		id: 'ihrim.registration-duplicates',
		framework: 'ihrim-foundation',
		title: 'Search before registering and eliminate double registrations',
		handbook: ['3.1', '3.2', '3.3']
	},
	{
		id: 'ihrim.data-quality',
		framework: 'ihrim-foundation',
		title: 'Keep data timely, accurate and complete',
		handbook: ['3.1', '3.2', '4.2']
	},
	{
		id: 'ihrim.retention',
		framework: 'ihrim-foundation',
		title: 'Apply retention, archiving and destruction policy',
		handbook: ['5.1', '5.2', '5.3']
	},
	// Data Security Awareness Level 1 (handbook 7.4).
	{
		id: 'dsa.law-and-principles',
		framework: 'dsa-l1',
		title: 'Know the law on confidentiality, data protection and the Caldicott principles',
		handbook: ['4.1', '4.2', '4.4', '4.5']
	},
	{
		id: 'dsa.threats',
		framework: 'dsa-l1',
		title: 'Recognise threats such as social engineering, blagging and phishing',
		handbook: ['4.11', '6.2']
	},
	{
		id: 'dsa.breaches',
		framework: 'dsa-l1',
		title: 'Recognise, avoid and report breaches and near misses',
		handbook: ['4.10', '4.12']
	},
	// Apprenticeship standards (handbook 7.3).
	{
		id: 'ba3.legal-requirements',
		framework: 'business-admin-l3',
		title: 'Follow legal and regulatory requirements, including data protection',
		handbook: ['4.1', '4.2', '4.7']
	},
	{
		id: 'ba3.records',
		framework: 'business-admin-l3',
		title: 'Keep records and documents accurately',
		handbook: ['1.1', '2.2', '3.2']
	},
	{
		id: 'cs2.enquiries',
		framework: 'customer-service-l2',
		title: 'Handle enquiries by phone and face to face following procedures',
		handbook: ['6.1', '6.2', '6.3', '6.5']
	},
	{
		id: 'cs2.difficult-customers',
		framework: 'customer-service-l2',
		title: 'Deal with difficult or abusive customers calmly',
		handbook: ['6.4']
	}
] as const satisfies readonly LearningOutcome[];

export type OutcomeId = (typeof OUTCOMES)[number]['id'];

export const OUTCOME_IDS = OUTCOMES.map((o) => o.id) as [OutcomeId, ...OutcomeId[]];

const byId = new Map<string, LearningOutcome>(OUTCOMES.map((o) => [o.id, o]));

/** The outcome with this id, or undefined for an id that is not in the catalogue. */
export function getOutcome(id: string): LearningOutcome | undefined {
	return byId.get(id);
}
