/**
 * The numbered sections of the domain handbook (docs shared with the team as handbook.md), so that learning
 * content can cite them and a test can prove every citation points at a real section. The app must not read the
 * handbook file at run time or test time, so the list is kept here: when the handbook gains or renumbers a section,
 * update this list and the tests will show which citations need to move.
 */
export const HANDBOOK_SECTIONS = {
	'1': 'Patient identification',
	'1.1': 'NHS number: format',
	'1.2': 'NHS number: the Modulus 11 check',
	'1.3': 'Number ranges and the test range',
	'1.4': 'Personal Demographics Service and NHS number verification',
	'1.5': 'Other identifiers',
	'1.6': 'Positive patient identification',
	'1.7': 'Misidentification risks and controls',
	'2': 'Paper casenote management',
	'2.1': 'The folder',
	'2.2': 'Loose filing',
	'2.3': 'Terminal digit filing',
	'2.4': 'Middle digit, straight numeric and alphabetical filing',
	'2.5': 'Casenote tracking',
	'2.6': 'Multiple volumes',
	'2.7': 'Temporary notes',
	'2.8': 'Missing notes procedure',
	'2.9': 'Misfiling and its risks',
	'3': 'Electronic and hybrid records',
	'3.1': 'Registration',
	'3.2': 'Demographic updates',
	'3.3': 'Duplicate records and merges',
	'3.4': 'Scanning and electronic document management',
	'3.5': 'Audit trails and access control',
	'3.6': 'Hybrid records',
	'4': 'Data protection and confidentiality',
	'4.1': 'Legal framework',
	'4.2': 'UK GDPR principles',
	'4.3': 'Special category data',
	'4.4': 'The eight Caldicott Principles',
	'4.5': 'Common law duty of confidentiality and consent',
	'4.6': 'National Data Opt-out',
	'4.7': 'Subject access requests',
	'4.8': 'Access to Health Records Act 1990',
	'4.9': 'Disclosure to the police',
	'4.10': 'Personal data breaches',
	'4.11': 'Secure email, clear desk and screen, smartcards, need-to-know',
	'4.12': 'Common scenarios that go wrong',
	'4.13': 'Disclosure quick reference',
	'4.14': 'Records accuracy rights',
	'4.15': 'Devolved differences',
	'5': 'Records retention and disposal',
	'5.1': 'The Records Management Code of Practice',
	'5.2': 'Retention schedule',
	'5.3': 'Appraisal, destruction and permanent preservation',
	'6': 'Telephone enquiries',
	'6.1': 'General call-handling standards',
	'6.2': "Verifying a caller's identity",
	'6.3': 'What may be disclosed, by caller type',
	'6.4': 'Aggressive or abusive callers',
	'6.5': 'Taking messages',
	'7': 'Learning outcomes and qualification mapping',
	'8': 'Glossary'
} as const;

export type HandbookSectionId = keyof typeof HANDBOOK_SECTIONS;

export function isHandbookSection(id: string): id is HandbookSectionId {
	return Object.hasOwn(HANDBOOK_SECTIONS, id);
}

/**
 * How content cites the handbook in text, matching the feedback convention used across the app.
 * @example citeHandbook(['1.6', '2.2']) // 'handbook 1.6, 2.2'
 */
export function citeHandbook(ids: readonly HandbookSectionId[]): string {
	return `handbook ${ids.join(', ')}`;
}
