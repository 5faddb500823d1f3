/**
 * The synthetic trust's LOCAL settings: every rule the handbook marks LOCAL (set by each trust's own policy) or
 * UNCERTAIN (sources disagree) reads its detail from here. Functions take a `Partial<TrustRules>` as an optional
 * last parameter and fall back to DEFAULT_TRUST_RULES, whose values are the handbook's defaults.
 */

export type Nation = 'england-wales' | 'scotland' | 'northern-ireland';

/** A casenote section, in the order it sits in the folder (handbook 2.1). */
export interface CasenoteSection {
	id: string;
	title: string;
}

/** An inquiry or other moratorium that forbids routine destruction of the records it covers (handbook 5.3). */
export interface Moratorium {
	id: string;
	title: string;
	/** Plain-English description of which records it covers. */
	covers: string;
	/** Only records whose period of use reaches this date are covered, when given (e.g. Covid-19 Inquiry). */
	fromDate?: string;
}

export interface TrustRules {
	/** Which bank holidays count when moving a deadline to the next working day (handbook 4.7, 4.15). */
	nation: Nation;
	/** Identifiers that must agree before a record, document or caller counts as identified (handbook 1.6; LOCAL, 3). */
	minIdentifiers: number;
	/** The trust's hospital (casenote) number format (handbook 1.5; LOCAL: often 6-8 digits, sometimes a prefix). */
	hospitalNumber: { prefix: string; minDigits: number; maxDigits: number };
	/**
	 * First-nine-digit ranges an NHS number must fall in to be plausible (handbook 1.2-1.3; LOCAL/system rule).
	 * Defaults: issued ranges 300-499 and 600-799 million, and the 999 test range.
	 */
	nhsNumberPlausibleRanges: ReadonlyArray<readonly [number, number]>;
	/** Alphabetical filing: Mc filed as if spelt Mac, or exactly as spelt (handbook 2.4; LOCAL, as spelt). */
	alphabeticalMcAsMac: boolean;
	/** Alphabetical filing: hyphenated surnames as one word, or each part as a word (handbook 2.4; LOCAL). */
	alphabeticalHyphen: 'one-word' | 'separate-words';
	/** Casenote sections in folder order (handbook 2.1; LOCAL, UNCERTAIN nationally). */
	casenoteSections: readonly CasenoteSection[];
	/** Order of documents within a section (handbook 2.1; LOCAL, default newest first). */
	withinSectionOrder: 'newest-first' | 'oldest-first';
	/** Letter prefixes on hospital numbers are ignored for shelf position (handbook 2.3 step 6; LOCAL). */
	ignoreLetterPrefixForShelf: boolean;
	/** ICO's suggested internal SAR target in days (handbook 4.7). */
	sarInternalTargetDays: number;
	/**
	 * AHRA day counting (handbook 4.8; UNCERTAIN): whether the day the application arrives is day 1, as for SARs
	 * (4.7), or the count starts the day after.
	 */
	ahraReceiptIsDayOne: boolean;
	/** Round retention review dates up to 31 December of their year (handbook 5.1; LOCAL/UNCERTAIN, off). */
	retentionRoundToYearEnd: boolean;
	/** Mental health death rule: review at the sooner or later of the two dates (handbook 5.2; medium, sooner). */
	mentalHealthDeathRule: 'sooner' | 'later';
	/** Oncology: 30 years from diagnosis or 8 after death, sooner or later (handbook 5.2; UNCERTAIN, sooner). */
	oncologyDeathRule: 'sooner' | 'later';
	/** Apply the older "child died: 8 years after death if sooner" rule (handbook 5.2; UNCERTAIN, off). */
	childDeathRule: boolean;
	/** Inquiry moratoria in force (handbook 5.3; LOCAL list — check the Code's Appendix I). */
	moratoria: readonly Moratorium[];
	/** Who may give test results to a verified patient on the phone (handbook 6.3; LOCAL, clinician only). */
	resultsGivenBy: 'clinician-only' | 'admin-may-give';
	/** Below this age a parent with parental responsibility is usually told (handbook 6.3; LOCAL, under 11). */
	parentYoungChildUnderAge: number;
	/** Age from which a child is treated as competent without a judgement (handbook 4.7, 4.15; 16, Scotland 12). */
	childPresumedCompetentAge: number;
	/** Ask for a call-back on the number on record before changing contact details by phone (handbook 3.2). */
	changeOfContactNeedsCallBack: boolean;
	/**
	 * Whether staff may open their own record on the PAS (handbook 4.11, table row "Need-to-know / legitimate
	 * relationship", and 3.5; LOCAL: most trusts forbid self-access and send staff to the subject access route, like
	 * any other patient). Default 'forbidden'.
	 */
	selfAccess: 'forbidden' | 'allowed';
}

/** Default casenote sections (handbook 2.1 "Default section set"). */
export const DEFAULT_CASENOTE_SECTIONS: readonly CasenoteSection[] = [
	{ id: 'front', title: 'Patient identification and alerts' },
	{ id: 'correspondence', title: 'Correspondence' },
	{ id: 'clinical-notes', title: 'Clinical notes and continuation sheets' },
	{ id: 'investigations', title: 'Investigations and results' },
	{ id: 'operations', title: 'Operation, anaesthetic and procedure records' },
	{ id: 'nursing', title: 'Nursing and care documentation' },
	{ id: 'drug-charts', title: 'Drug charts and prescriptions' },
	{ id: 'consent', title: 'Consent forms' },
	{ id: 'specialty', title: 'Specialty-specific' },
	{ id: 'miscellaneous', title: 'Miscellaneous and administrative' }
];

/** Inquiries named in handbook 5.3 as examples; trusts keep their own list from the Code's Appendix I. */
export const DEFAULT_MORATORIA: readonly Moratorium[] = [
	{
		id: 'iicsa',
		title: 'Independent Inquiry into Child Sexual Abuse',
		covers: "Children's records that may be relevant to the inquiry"
	},
	{
		id: 'infected-blood',
		title: 'Infected Blood Inquiry',
		covers: 'Records relevant to infected blood and blood products'
	},
	{
		id: 'covid-19',
		title: 'UK Covid-19 Inquiry',
		covers: 'Pandemic-related records from 1 January 2020',
		fromDate: '2020-01-01'
	}
];

export const DEFAULT_TRUST_RULES: Readonly<TrustRules> = Object.freeze({
	nation: 'england-wales',
	minIdentifiers: 3,
	hospitalNumber: { prefix: '', minDigits: 6, maxDigits: 6 },
	nhsNumberPlausibleRanges: [
		[300_000_000, 499_999_999],
		[600_000_000, 799_999_999],
		[999_000_000, 999_999_999]
	],
	alphabeticalMcAsMac: false,
	alphabeticalHyphen: 'one-word',
	casenoteSections: DEFAULT_CASENOTE_SECTIONS,
	withinSectionOrder: 'newest-first',
	ignoreLetterPrefixForShelf: true,
	sarInternalTargetDays: 28,
	ahraReceiptIsDayOne: true,
	retentionRoundToYearEnd: false,
	mentalHealthDeathRule: 'sooner',
	oncologyDeathRule: 'sooner',
	childDeathRule: false,
	moratoria: DEFAULT_MORATORIA,
	resultsGivenBy: 'clinician-only',
	parentYoungChildUnderAge: 11,
	childPresumedCompetentAge: 16,
	changeOfContactNeedsCallBack: true,
	selfAccess: 'forbidden'
} satisfies TrustRules);

/**
 * Merges a trust's overrides onto the defaults. Scotland presumes competence at 12 (handbook 4.15) unless the
 * caller sets the age explicitly.
 * @example trustRules({ nation: 'scotland' }).childPresumedCompetentAge // 12
 * @example trustRules().minIdentifiers // 3
 */
export function trustRules(overrides: Partial<TrustRules> = {}): TrustRules {
	const merged: TrustRules = { ...DEFAULT_TRUST_RULES, ...overrides };
	if (merged.nation === 'scotland' && overrides.childPresumedCompetentAge === undefined) {
		merged.childPresumedCompetentAge = 12;
	}
	return merged;
}
