/**
 * Every rule the domain library encodes, with a stable id, in one place. Decisions and reasons name these ids;
 * the in-app rules reference and feedback links are generated from this table, so each entry is written for a
 * new starter. `handbook` is the section in /shared/domain/handbook.md; `source` the handbook's source tag(s).
 */
import type { TrustRules } from './settings';

export type RuleStatus = 'firm' | 'medium' | 'LOCAL' | 'UNCERTAIN';

export interface RuleMeta {
	id: string;
	title: string;
	/** Plain English, one or two sentences, for the rules reference and feedback. */
	summary: string;
	handbook: string;
	source: string;
	/** firm = sourced; medium = handbook's medium confidence; LOCAL = trust setting; UNCERTAIN = configurable. */
	status: RuleStatus;
	/** The TrustRules setting that holds the LOCAL or UNCERTAIN detail, when there is one. */
	setting?: keyof TrustRules;
}

type Def = Omit<RuleMeta, 'id'>;

const DEFS = {
	// 1.1-1.3 NHS number
	'nhs.format': {
		title: 'NHS number format',
		summary: 'An NHS number is exactly 10 digits, kept as text, and shown in 3-3-4 groups: 943 476 5919.',
		handbook: '1.1',
		source: 'S1, S2, S9',
		status: 'firm'
	},
	'nhs.modulus-11': {
		title: 'NHS number check digit (Modulus 11)',
		summary:
			'Multiply the first nine digits by 10 down to 2, add them up, take the remainder after dividing by 11 and subtract it from 11. That is the check digit (11 means 0). It must equal the tenth digit.',
		handbook: '1.2',
		source: 'S1',
		status: 'firm'
	},
	'nhs.no-check-digit': {
		title: 'Stems with no possible check digit',
		summary:
			'When the sum leaves a remainder of 1, no check digit exists, so no number starting with those nine digits is ever valid.',
		handbook: '1.2',
		source: 'S1',
		status: 'firm'
	},
	'nhs.check-catches': {
		title: 'What the check digit catches',
		summary:
			'The check catches every single wrong digit and most swaps of two neighbouring digits. A number that passes may still not be this patient’s number.',
		handbook: '1.2',
		source: 'S1',
		status: 'firm'
	},
	'nhs.plausibility': {
		title: 'NHS number plausibility',
		summary:
			'Passing the check digit is not enough: 000 000 0000 passes. Systems also check the number is in an issued or test range and is not a run of one digit.',
		handbook: '1.2',
		source: 'S1',
		status: 'LOCAL',
		setting: 'nhsNumberPlausibleRanges'
	},
	'nhs.test-range': {
		title: 'Synthetic numbers use the 999 range',
		summary:
			'Training patients only get numbers starting 999 that pass the check digit. The range is widely cited as never issued; no primary NHS England page confirms it.',
		handbook: '1.3',
		source: 'S2',
		status: 'UNCERTAIN'
	},
	// 1.5 other identifiers
	'id.hospital-number': {
		title: 'Hospital (casenote) number',
		summary:
			'A local number from the trust’s PAS, unique only within the trust. Its format is set by the trust (often 6-8 digits, sometimes with a letter prefix).',
		handbook: '1.5',
		source: 'S10, S8',
		status: 'LOCAL',
		setting: 'hospitalNumber'
	},
	'id.chi': {
		title: 'Scottish CHI number',
		summary:
			'10 digits: date of birth as DDMMYY, two digits, a sex digit (even female, odd male), then a Modulus 11 check digit. The first six digits must be a real date.',
		handbook: '1.5',
		source: 'S3',
		status: 'firm'
	},
	'id.hc-number': {
		title: 'Northern Ireland H&C number',
		summary:
			'Same 10-digit format and check digit as the NHS number, from the reserved block 320 000 001 to 399 999 999.',
		handbook: '1.5',
		source: 'S4',
		status: 'firm'
	},
	// 1.6-1.7, 2.2 identification
	'ppi.three-identifiers': {
		title: 'Three points of identification',
		summary:
			'Check at least three identifiers before acting: full name, date of birth and a unique number (NHS or hospital number); address or postcode is a common extra.',
		handbook: '1.6',
		source: 'S8',
		status: 'LOCAL',
		setting: 'minIdentifiers'
	},
	'ppi.full-name': {
		title: 'Full name, no nicknames',
		summary:
			'A name counts as an identifier only with at least a first name and a surname, with no nicknames.',
		handbook: '1.6',
		source: 'S8',
		status: 'firm'
	},
	'ppi.ask-dont-tell': {
		title: 'Ask, don’t tell',
		summary:
			'Ask the person to state their details. Never read details out for them to confirm, and never hint which detail was wrong.',
		handbook: '1.6, 6.2',
		source: 'S8, S32',
		status: 'firm'
	},
	'ppi.wristband-format': {
		title: 'Identifier display',
		summary:
			'Surname in capitals then first name (SMITH John), date of birth as DD-Mmm-YYYY (04-Mar-1987), NHS number in 3 3 4 groups.',
		handbook: '1.6',
		source: 'S7',
		status: 'firm'
	},
	'ppi.exact-match': {
		title: 'Identifiers must match exactly',
		summary:
			'Every identifier given must match the record exactly. A mismatch is never a "nearest match": stop and resolve it.',
		handbook: '2.2',
		source: 'S8, S11',
		status: 'firm'
	},
	'ppi.same-name': {
		title: 'Same or similar names',
		summary:
			'Two people can share a name. Never pick a record on name alone; a different date of birth means a different person.',
		handbook: '1.7',
		source: 'S8, S15',
		status: 'firm'
	},
	'ppi.twins': {
		title: 'Twins and multiple births',
		summary:
			'Twins share a surname, date of birth and address. Check the first name and the NHS number as well.',
		handbook: '1.7',
		source: 'S8',
		status: 'firm'
	},
	'ppi.dob-transposition': {
		title: 'Day and month swapped',
		summary:
			'03/04 and 04/03 are easily confused (UK and US order). Write dates as DD-Mmm-YYYY and cross-check with the NHS number.',
		handbook: '1.7',
		source: 'S7',
		status: 'firm'
	},
	'ppi.number-keying': {
		title: 'Miskeyed numbers',
		summary: 'A number with one digit wrong or two digits swapped points at someone else, or at no one.',
		handbook: '1.7, 1.2',
		source: 'S1',
		status: 'firm'
	},
	'ppi.alias': {
		title: 'Aliases and previous names',
		summary:
			'People change names or use another name. Search on aliases and previous names, but a document in a previous name still needs the record updated or checked before it counts.',
		handbook: '1.7',
		source: 'S15',
		status: 'firm'
	},
	// 2.1-2.4, 2.8 filing
	'filing.terminal-digit': {
		title: 'Terminal digit filing',
		summary:
			'Pad to six digits and read in pairs from the right: the last pair is the primary (the section), then the middle pair, then the first pair.',
		handbook: '2.3',
		source: 'S10',
		status: 'firm'
	},
	'filing.long-numbers': {
		title: 'Numbers longer than six digits',
		summary:
			'Primary is the last two digits, secondary the two before, and tertiary all remaining leading digits compared as a number. Some trusts group differently.',
		handbook: '2.3',
		source: 'S10',
		status: 'UNCERTAIN'
	},
	'filing.letter-prefix': {
		title: 'Letter prefixes on numbers',
		summary: 'Letter prefixes are usually ignored for shelf position, or handled by a local rule.',
		handbook: '2.3',
		source: 'S10',
		status: 'LOCAL',
		setting: 'ignoreLetterPrefixForShelf'
	},
	'filing.shelf-section': {
		title: 'Shelf section',
		summary:
			'The file room has 100 primary sections, 00 to 99; a folder goes in the section matching its primary digits.',
		handbook: '2.3',
		source: 'S10',
		status: 'firm'
	},
	'filing.middle-digit': {
		title: 'Middle digit filing',
		summary: 'Sort by the middle pair, then the first pair, then the last pair: 01-08-49 files under 08.',
		handbook: '2.4',
		source: 'S10',
		status: 'firm'
	},
	'filing.straight-numeric': {
		title: 'Straight numeric filing',
		summary: 'Sort by the whole number, smallest first.',
		handbook: '2.4',
		source: 'S10',
		status: 'firm'
	},
	'filing.alphabetical': {
		title: 'Alphabetical filing',
		summary:
			'Sort by surname, then first forename, then further forenames, then date of birth. How Mc/Mac and hyphenated names sort is a local rule.',
		handbook: '2.4',
		source: 'S15',
		status: 'LOCAL',
		setting: 'alphabeticalMcAsMac'
	},
	'filing.sections': {
		title: 'Casenote sections',
		summary:
			'Casenotes are split into sections by dividers in an order the trust publishes in its filing policy.',
		handbook: '2.1',
		source: 'S14',
		status: 'LOCAL',
		setting: 'casenoteSections'
	},
	'filing.within-section': {
		title: 'Order within a section',
		summary: 'Documents in a section are in date order; by default the most recent is on top.',
		handbook: '2.1',
		source: 'S14',
		status: 'LOCAL',
		setting: 'withinSectionOrder'
	},
	'filing.misfile-search': {
		title: 'Search nearby and transposed positions',
		summary:
			'When notes are missing, search the neighbouring shelf slots and the positions the number would have if digits were swapped.',
		handbook: '2.8',
		source: 'S11, S12, S13',
		status: 'firm'
	},
	'filing.fasten': {
		title: 'Fasten every sheet',
		summary:
			'Every sheet is hole-punched and fixed on the folder prongs; nothing is left loose or in the pocket.',
		handbook: '2.1',
		source: 'S11',
		status: 'firm'
	},
	'filing.set-aside': {
		title: 'Set aside a sheet that does not match',
		summary:
			'A sheet with a missing or mismatched identifier is not filed: return it to the sender or the health records supervisor with the reason. Never file it in a nearest match.',
		handbook: '2.2',
		source: 'S8, S11',
		status: 'firm'
	},
	'filing.misfile-incident': {
		title: 'Move and report a misfiled sheet',
		summary:
			"A sheet found in the wrong patient's notes is moved to the right folder and reported as an incident: it is a clinical risk and a confidentiality breach.",
		handbook: '2.2, 2.9',
		source: 'S8, S11, S27',
		status: 'firm'
	},
	'filing.track-every-move': {
		title: 'Track every move',
		summary:
			'Update tracking the moment notes move, and take the tracer card out when the folder goes back on the shelf.',
		handbook: '2.5',
		source: 'S11',
		status: 'firm'
	},
	'filing.new-volume': {
		title: 'Open a new volume',
		summary:
			'Close a full folder and open a new volume: number both, mark the old one closed, carry key documents forward and track each volume.',
		handbook: '2.6',
		source: 'S11',
		status: 'firm'
	},
	'filing.merge-temporary': {
		title: 'Merge temporary notes',
		summary:
			'When the original notes turn up, file the temporary folder’s originals into them, destroy duplicate copies confidentially, retire the temporary folder and update tracking.',
		handbook: '2.7',
		source: 'S11',
		status: 'firm'
	},
	// 4.7 SAR and deadlines
	'sar.one-month': {
		title: 'Subject access: one calendar month',
		summary:
			'The day the request arrives is day 1 and the deadline is the same date next month, or the last day of next month when there is no such date.',
		handbook: '4.7',
		source: 'S23',
		status: 'firm'
	},
	'sar.working-day': {
		title: 'Deadline on a weekend or bank holiday',
		summary: 'A deadline that falls on a weekend or bank holiday moves to the next working day.',
		handbook: '4.7',
		source: 'S23',
		status: 'firm',
		setting: 'nation'
	},
	'sar.extension': {
		title: 'Extension for complex requests',
		summary:
			'A complex request, or several from one person, may be extended by two further months (three in total). Tell the requester why within the first month.',
		handbook: '4.7',
		source: 'S23',
		status: 'firm'
	},
	'sar.clock-start': {
		title: 'When the clock starts',
		summary:
			'The clock runs from receipt or, if later, from when identity evidence, needed clarification or an allowed fee arrives.',
		handbook: '4.7',
		source: 'S23, S36',
		status: 'firm'
	},
	'sar.internal-target': {
		title: '28-day internal target',
		summary: 'The ICO suggests aiming for 28 days so every month is treated the same.',
		handbook: '4.7',
		source: 'S23',
		status: 'firm',
		setting: 'sarInternalTargetDays'
	},
	'sar.any-channel': {
		title: 'A request can come any way',
		summary:
			'A subject access request can be spoken or written, through any channel, and need not say "subject access" or use a form.',
		handbook: '4.7',
		source: 'S23',
		status: 'firm'
	},
	'sar.free': {
		title: 'Subject access is free',
		summary: 'No fee by default, and no special fee for health records.',
		handbook: '4.7',
		source: 'S23',
		status: 'firm'
	},
	'sar.proportionate-id': {
		title: 'Proportionate identity checks',
		summary:
			'Ask only for the evidence needed to be sure who the requester is; not from someone already known.',
		handbook: '4.7',
		source: 'S23',
		status: 'firm'
	},
	'sar.child': {
		title: 'Requests about a child',
		summary:
			'The record belongs to the child. A parent may ask for a child who cannot understand their rights or who authorises it; competence is judged case by case (12+ presumed in Scotland).',
		handbook: '4.7, 4.15',
		source: 'S23, S35',
		status: 'firm',
		setting: 'childPresumedCompetentAge'
	},
	'sar.child-competence': {
		title: 'A parent asking for a teenager’s record',
		summary:
			'For a young person of about 12-16, whether a parent may have the record depends on the young person: the clinician who knows them judges competence. A competent young person decides: with their authority the parent may have it; if they object, the parent gets nothing. If they are not competent, a parent with parental responsibility may have it.',
		handbook: '4.7, 4.15',
		source: 'S23, S35',
		status: 'firm',
		setting: 'childPresumedCompetentAge'
	},
	'sar.child-confidences': {
		title: 'What a child said in confidence',
		summary:
			'Information a child gave expecting that it would not go to their parent is withheld from a parent’s request (DPA 2018 Sch 3 para 4).',
		handbook: '4.7',
		source: 'S24',
		status: 'firm'
	},
	'sar.capacity': {
		title: 'Attorneys and deputies',
		summary:
			'A registered Lasting Power of Attorney or a Court of Protection deputy may act within their scope. A property and finance LPA does not cover health information. See the registered document.',
		handbook: '4.7, 6.3',
		source: 'S35',
		status: 'firm'
	},
	'sar.signed-authority': {
		title: 'Third parties need signed authority',
		summary:
			'Solicitors and others acting for a patient need the patient’s signed written authority, sent in writing to the access team.',
		handbook: '4.7, 4.13',
		source: 'S34',
		status: 'firm'
	},
	'sar.insurers': {
		title: 'Insurers and employers',
		summary:
			'Insurers and employers use the Access to Medical Reports Act 1988 with the patient’s consent, not a subject access request for the full record.',
		handbook: '4.7, 4.13, 6.3',
		source: 'S34',
		status: 'firm'
	},
	'sar.all-parts': {
		title: 'The whole record, in every format',
		summary:
			'A subject access request covers every part of the record: all paper volumes, wherever they are stored, the electronic record and scanned documents.',
		handbook: '3.6, 4.7',
		source: 'S18, S15, S23',
		status: 'firm'
	},
	'sar.third-party': {
		title: 'Other people in the record',
		summary:
			'Information that identifies another person (not a health professional acting in their role) is redacted unless they consent or disclosure without consent is reasonable (DPA 2018 Sch 2 Part 3).',
		handbook: '4.7',
		source: 'S23',
		status: 'firm'
	},
	'sar.health-professionals': {
		title: 'Health professionals are not redacted',
		summary:
			'Do not normally withhold the names of doctors, nurses and other health professionals acting in their professional role.',
		handbook: '4.7',
		source: 'S23',
		status: 'firm'
	},
	'sar.serious-harm': {
		title: 'Serious harm review by a clinician',
		summary:
			'An entry that may cause serious harm to the physical or mental health of the patient or someone else goes to the appropriate health professional for an opinion before release (DPA 2018 Sch 3).',
		handbook: '4.7',
		source: 'S24',
		status: 'medium'
	},
	'sar.fee': {
		title: 'When a fee is allowed',
		summary:
			'A reasonable admin fee is allowed only for a manifestly unfounded or excessive request, or for further copies.',
		handbook: '4.7',
		source: 'S23',
		status: 'firm'
	},
	// 4.8 AHRA
	'ahra.applicants': {
		title: 'Deceased patients: who can apply',
		summary:
			'Only the personal representative (executor or administrator), or someone with a claim arising from the death, can apply under the Access to Health Records Act. Next of kin has no automatic right.',
		handbook: '4.8',
		source: 'S25',
		status: 'firm'
	},
	'ahra.scope': {
		title: 'Deceased patients: what each applicant gets',
		summary:
			'A personal representative may see the whole record; someone with a claim arising from the death gets only the information relevant to that claim.',
		handbook: '4.8',
		source: 'S25',
		status: 'firm'
	},
	'ahra.time-limit': {
		title: 'Deceased patients: time limit',
		summary: '21 days when the record was added to in the 40 days before the application, otherwise 40 days.',
		handbook: '4.8',
		source: 'S25',
		status: 'medium',
		setting: 'ahraReceiptIsDayOne'
	},
	// 4.10 breaches
	'breach.ico-72-hours': {
		title: 'Breach report to the ICO within 72 hours',
		summary:
			'A breach likely to risk people’s rights must be reported to the ICO within 72 clock hours of becoming aware, weekends and nights included.',
		handbook: '4.10',
		source: 'S27',
		status: 'firm'
	},
	'breach.report-everything': {
		title: 'Report every incident and near miss',
		summary:
			'Report every actual or suspected incident and near miss straight away to the incident system and IG.',
		handbook: '4.10',
		source: 'S37, S27',
		status: 'firm'
	},
	'breach.misdirected-email': {
		title: 'Email sent to the wrong person',
		summary:
			'Do not forward it further, try to recall it, ask the wrong recipient to delete it and confirm, and report to your manager and IG at once. IG decides about telling the ICO and the patient.',
		handbook: '4.10',
		source: 'S27, S28',
		status: 'firm'
	},
	'breach.grading': {
		title: 'Grading a breach',
		summary:
			'Incidents are graded on likelihood and severity, each 1-5 (DSPT notification guide). Likely or higher with at least a minor adverse effect is reported to the ICO; special category data or vulnerable people raise the severity a level. The exact grid is configurable.',
		handbook: '4.10',
		source: 'S27',
		status: 'UNCERTAIN'
	},
	'breach.tell-individuals': {
		title: 'Telling the people affected',
		summary:
			'When a breach is likely to result in a high risk to people, tell them without undue delay. The IG team decides, after grading.',
		handbook: '4.10',
		source: 'S27',
		status: 'firm'
	},
	'breach.record-decision': {
		title: 'Record every breach, reported or not',
		summary: 'Keep a record of every breach. If it is judged not reportable to the ICO, write down why.',
		handbook: '4.10',
		source: 'S27',
		status: 'firm'
	},
	'access.audit-trail': {
		title: 'Your access is audited',
		summary:
			'Every record you open is logged with who, when and the reason you gave, and trusts audit for look-ups of neighbours, family, celebrities and your own record. If you opened a record you did not need, report it yourself.',
		handbook: '3.5, 4.11, 4.12',
		source: 'S29, S30',
		status: 'firm'
	},
	// 3.5, 4.11, 4.12 everyday security
	'access.need-to-know': {
		title: 'Only look when your work needs it',
		summary:
			'Look only at records you need for your current task. Looking up a neighbour, relative, colleague or yourself is not allowed, is audited, and can be an offence under s.170 DPA 2018.',
		handbook: '3.5, 4.11',
		source: 'S21, S29, S30',
		status: 'firm'
	},
	'security.smartcard': {
		title: 'Your smartcard is yours alone',
		summary:
			'Never let anyone else use your smartcard or a session you opened, and never share the passcode: the audit trail would show you. Report misuse to the Registration Authority.',
		handbook: '4.11, 4.12',
		source: 'S29',
		status: 'firm'
	},
	'security.clear-desk': {
		title: 'Clear desk and printers',
		summary:
			'Do not leave personal data on desks or printers. Anyone who finds papers left out gives them to a manager or IG and logs an incident, even if nobody seems to have read them.',
		handbook: '4.11, 4.12',
		source: 'S37',
		status: 'firm'
	},
	'security.clear-screen': {
		title: 'Lock the screen',
		summary:
			'Lock the screen and remove the smartcard whenever you leave a workstation, even briefly, and keep screens out of public view.',
		handbook: '4.11',
		source: 'S29',
		status: 'firm'
	},
	'security.transport': {
		title: 'Records on the move',
		summary:
			'Follow the transport policy: keep records locked away out of sight, never leave them in an unattended car, and report a loss straight away.',
		handbook: '4.12',
		source: 'S37',
		status: 'firm'
	},
	// 4.5, 4.9, 4.13, 6 disclosure
	'consent.direct-care': {
		title: 'Implied consent for direct care',
		summary:
			'People caring for the patient may be told what they need for care; consent is implied. Verify who they are.',
		handbook: '4.5, 6.3',
		source: 'S31, S32',
		status: 'firm'
	},
	'consent.explicit': {
		title: 'Explicit consent beyond care',
		summary:
			'Sharing for anything other than care, with no other legal basis, needs the patient’s clear, recorded consent.',
		handbook: '4.5',
		source: 'S31',
		status: 'firm'
	},
	'consent.scope': {
		title: 'Stay within recorded consent',
		summary: 'Consent may cover only some things (for example appointment times). Share only what it covers.',
		handbook: '6.3',
		source: 'S32',
		status: 'firm'
	},
	'disclosure.no-automatic-right': {
		title: 'Nobody has an automatic right',
		summary:
			'Family, friends, carers and professionals have no automatic right to someone else’s health information. "Next of kin" has no legal status.',
		handbook: '6.1, 6.3',
		source: 'S32, S25',
		status: 'firm'
	},
	'disclosure.verify-caller': {
		title: 'Verify the caller',
		summary:
			'The caller must state the patient’s name, date of birth and address or number before anything is said. If they fail, give no hints.',
		handbook: '6.2',
		source: 'S8, S32',
		status: 'firm'
	},
	'disclosure.call-back': {
		title: 'Call back through the switchboard',
		summary:
			'When unsure who a professional or police caller is, ring back through a published switchboard or a number you know, never a number they give.',
		handbook: '6.2',
		source: 'S32',
		status: 'firm'
	},
	'disclosure.patient-admin': {
		title: 'Patients: their own administrative details',
		summary:
			'A verified patient may be given their own appointments and how to get letters. Copies of records go through subject access.',
		handbook: '6.3',
		source: 'S32',
		status: 'firm'
	},
	'disclosure.results': {
		title: 'Results by phone',
		summary: 'Who may give results is a local rule; by default only a clinician gives results.',
		handbook: '6.3',
		source: 'S32',
		status: 'LOCAL',
		setting: 'resultsGivenBy'
	},
	'disclosure.relative-no-consent': {
		title: 'Relatives and carers without consent',
		summary:
			'Without recorded consent, tell a relative or carer nothing about the patient’s health or presence. Listen, take information and offer to pass a message.',
		handbook: '6.3, 4.13',
		source: 'S32',
		status: 'firm'
	},
	'disclosure.best-interests': {
		title: 'Patient lacking capacity',
		summary:
			'For a patient who lacks capacity, a carer or relative may be told what they need to support the patient in their best interests. Record the decision.',
		handbook: '6.3, 4.13',
		source: 'S35',
		status: 'firm'
	},
	'disclosure.parent-child': {
		title: 'Parents of children',
		summary:
			'A parent with parental responsibility is usually told about a young child. For an older, competent child respect their confidentiality unless they agree.',
		handbook: '6.3',
		source: 'S23, S35',
		status: 'LOCAL',
		setting: 'parentYoungChildUnderAge'
	},
	'disclosure.safeguarding': {
		title: 'Safeguarding alerts',
		summary:
			'When the record carries a safeguarding alert, do not disclose to family; refer to the safeguarding or IG team.',
		handbook: '6.3',
		source: 'S35',
		status: 'firm'
	},
	'disclosure.s-flag': {
		title: 'Sensitive (S-flag) records',
		summary: 'For patients with a sensitive flag, never disclose address, location or contact details.',
		handbook: '3.2',
		source: 'S5',
		status: 'firm'
	},
	'disclosure.is-patient': {
		title: '"Is X a patient here?"',
		summary:
			'Do not confirm or deny that someone is a patient unless they have agreed that callers may be told: being in a service is itself a disclosure.',
		handbook: '6.3',
		source: 'S32, S33',
		status: 'firm'
	},
	'disclosure.police': {
		title: 'Police requests',
		summary:
			'Police have no general right to records. Nothing on the phone: ask for the force’s written disclosure form, countersigned by a senior officer, and refer it to IG.',
		handbook: '4.9, 6.3',
		source: 'S26',
		status: 'firm'
	},
	'disclosure.police-emergency': {
		title: 'Immediate risk to life',
		summary:
			'Where there is an immediate risk to life or of serious harm, a senior on-call decision-maker may disclose without the form. An officer simply being present is not an emergency.',
		handbook: '4.9',
		source: 'S26',
		status: 'firm'
	},
	'disclosure.court-order': {
		title: 'Court orders and legal duties',
		summary: 'A court order or statutory duty is a basis to disclose, handled by the IG or access team.',
		handbook: '4.5, 4.9',
		source: 'S26, S31',
		status: 'firm'
	},
	'disclosure.who-decides': {
		title: 'Who decides formal disclosures',
		summary:
			'The IG or access-to-records team, Caldicott Guardian or a senior clinician decides, not front-line staff.',
		handbook: '4.9',
		source: 'S26',
		status: 'firm'
	},
	'disclosure.solicitor': {
		title: 'Solicitors',
		summary:
			'Nothing on the phone. A written request with the patient’s signed authority goes to the access team.',
		handbook: '6.3, 4.13',
		source: 'S34',
		status: 'firm'
	},
	'disclosure.press': {
		title: 'Press and media',
		summary: 'Nothing to the press without consent. Transfer them to the Communications team.',
		handbook: '6.3, 4.13',
		source: 'S33',
		status: 'firm'
	},
	'disclosure.deceased': {
		title: 'Deceased patients',
		summary:
			'Confidentiality continues after death. Only a personal representative or a claimant may have access, through the access team.',
		handbook: '4.5, 4.8, 4.13',
		source: 'S25',
		status: 'firm'
	},
	'disclosure.change-of-contact': {
		title: 'Changing contact details',
		summary:
			'Requests to change an address or phone number are a common blagging route. Verify the patient and consider calling back on the number already on record.',
		handbook: '3.2, 6.2',
		source: 'S37, S32',
		status: 'firm',
		setting: 'changeOfContactNeedsCallBack'
	},
	'disclosure.take-message': {
		title: 'Taking a message',
		summary:
			'Record who called, their relationship, a call-back number, the time and the message, pass it on securely, and confirm nothing beyond "I will pass your message on".',
		handbook: '6.5',
		source: 'S32',
		status: 'firm'
	},
	'disclosure.secure-email': {
		title: 'Email outside secure domains',
		summary:
			'Personal information to a non-accredited address must be encrypted ([secure] in NHSmail) where local policy allows, with no identifiers in the subject.',
		handbook: '4.11',
		source: 'S28',
		status: 'firm'
	},
	'disclosure.record-call': {
		title: 'Record what was disclosed',
		summary: 'Record who asked, what was asked, what was disclosed and on what basis.',
		handbook: '6.1, 4.9',
		source: 'S32, S26',
		status: 'firm'
	},
	// 6 telephone calls the disclosure decision does not settle alone (call-handling.ts)
	'call.emergency-signpost': {
		title: 'A caller in an emergency',
		summary:
			'If a life may be at risk, tell the caller to hang up and dial 999 now; if it is urgent but not life-threatening, NHS 111 (the mental health option in a crisis). Then tell your manager. The services named are the simulator’s default: the handbook leaves the route to local escalation.',
		handbook: '6.4, 4.9',
		source: 'S42, S26',
		status: 'UNCERTAIN'
	},
	'call.no-identity-gate': {
		title: 'No identity check before an emergency',
		summary:
			'Never hold up an emergency with identity questions: telling someone to ring 999 or 111 discloses nothing.',
		handbook: '6.4, 4.9',
		source: 'S42, S26',
		status: 'medium'
	},
	'call.condolence': {
		title: 'Calls about a patient who has died',
		summary:
			'Offer condolence first, disclose nothing on the phone, and explain that the personal representative (or someone with a claim arising from the death) can apply to the access to records team.',
		handbook: '4.8, 6.1',
		source: 'S25, S32',
		status: 'medium'
	},
	'call.restricted-record': {
		title: 'Restricted records (sensitive flag or safeguarding alert)',
		summary:
			'Never confirm to another caller that the patient is known, where they are or when they are due. Say you cannot confirm whether they are a patient, offer to take a message, and pass the caller’s details to the safeguarding team under local procedure.',
		handbook: '3.2, 6.2, 6.3',
		source: 'S5, S32, S35',
		status: 'firm'
	},
	'call.transfer': {
		title: 'Transferring a call',
		summary:
			'Transfer only to the team that deals with the request, as a warm transfer (tell the team who is calling and why), and tell the caller who they are going to. Help callers you can help yourself.',
		handbook: '6.1, 6.3',
		source: 'S32, S33',
		status: 'medium'
	},
	// 5 retention
	'retention.minimums': {
		title: 'Retention periods are minimums',
		summary:
			'The schedule gives the earliest review date; at that point records are reviewed, never destroyed automatically.',
		handbook: '5.1, 5.3',
		source: 'S18',
		status: 'firm'
	},
	'retention.clock-start': {
		title: 'When the retention clock starts',
		summary: 'Retention runs from when the record stops being used: end of care, last contact or death.',
		handbook: '5.1',
		source: 'S18',
		status: 'firm'
	},
	'retention.reset-on-reuse': {
		title: 'Reset when a record is used again',
		summary:
			'If the patient is seen again during the retention period, the period starts again from the new last contact.',
		handbook: '5.1',
		source: 'S18',
		status: 'firm'
	},
	'retention.year-end': {
		title: 'Year-end review batches',
		summary: 'Some trusts review in yearly batches, rounding the review date up to 31 December.',
		handbook: '5.1',
		source: 'S18',
		status: 'LOCAL',
		setting: 'retentionRoundToYearEnd'
	},
	'retention.adult': {
		title: 'Adult records: 8 years',
		summary:
			'Adult health records are kept for at least 8 years after the person was last seen or care ended.',
		handbook: '5.2',
		source: 'S18, S19',
		status: 'firm'
	},
	'retention.adult-social-care': {
		title: 'Adult social care records: 8 years',
		summary: 'Kept for at least 8 years after support ended or the person was last seen.',
		handbook: '5.2',
		source: 'S18',
		status: 'firm'
	},
	'retention.child': {
		title: 'Children’s records: 25th or 26th birthday',
		summary:
			'Kept until the 25th birthday, or the 26th if the young person was 17 when care ended. Seen at 18 or over: the later of the 25th birthday and 8 years after last contact.',
		handbook: '5.2',
		source: 'S18, S19',
		status: 'firm'
	},
	'retention.child-died': {
		title: 'Child who has died',
		summary:
			'Older codes allowed review 8 years after death if sooner; it is not confirmed the 2021 Code kept this.',
		handbook: '5.2',
		source: 'S44',
		status: 'UNCERTAIN',
		setting: 'childDeathRule'
	},
	'retention.maternity': {
		title: 'Maternity records: 25 years',
		summary: 'Kept for 25 years after the birth of the last child.',
		handbook: '5.2',
		source: 'S19, S44',
		status: 'firm'
	},
	'retention.mental-health': {
		title: 'Mental health records: 20 years, or 10 after death',
		summary: 'Kept 20 years after last contact, or 10 years after death if that is sooner.',
		handbook: '5.2',
		source: 'S19',
		status: 'medium',
		setting: 'mentalHealthDeathRule'
	},
	'retention.oncology': {
		title: 'Oncology records: 30 years from diagnosis',
		summary:
			'Kept 30 years from the cancer diagnosis, or 8 years after death, then reviewed for transfer to a Place of Deposit.',
		handbook: '5.2',
		source: 'S20',
		status: 'firm',
		setting: 'oncologyDeathRule'
	},
	'retention.gp': {
		title: 'GP records: 10 years after death',
		summary: 'GP patient records are kept for 10 years after the patient’s death.',
		handbook: '5.2',
		source: 'S19',
		status: 'firm'
	},
	'retention.gp-deregistered': {
		title: 'GP records, deregistered for unknown reason: 100 years',
		summary: 'Kept for 100 years (under review). Here counted from the date of birth, which is uncertain.',
		handbook: '5.2',
		source: 'S19',
		status: 'UNCERTAIN'
	},
	'retention.cjd': {
		title: 'CJD records: 30 years',
		summary:
			'Creutzfeldt–Jakob disease records kept 30 years from diagnosis (from earlier codes, not confirmed).',
		handbook: '5.2',
		source: '—',
		status: 'UNCERTAIN'
	},
	'retention.blood-transfusion': {
		title: 'Transfusion traceability: 30 years',
		summary: 'Blood transfusion traceability records kept 30 years from the transfusion (not verified).',
		handbook: '5.2',
		source: '—',
		status: 'UNCERTAIN'
	},
	'retention.legal-hold': {
		title: 'Legal holds',
		summary:
			'Records relevant to litigation must not be destroyed while the hold applies, whatever the schedule says.',
		handbook: '5.2, 5.3',
		source: 'S19, S40',
		status: 'firm'
	},
	'retention.moratorium': {
		title: 'Inquiry moratoria',
		summary:
			'When an inquiry asks, routine destruction of relevant records stops until it releases them (e.g. IICSA, Infected Blood, Covid-19).',
		handbook: '5.3',
		source: 'S19, S40, S18',
		status: 'LOCAL',
		setting: 'moratoria'
	},
	'retention.destroy-certificate': {
		title: 'Secure destruction with a certificate',
		summary:
			'Destroy securely, get a certificate of destruction from the contractor and log it in the destruction register.',
		handbook: '5.3',
		source: 'S18',
		status: 'medium'
	},
	'retention.retain-reason': {
		title: 'Keep longer with a reason',
		summary:
			'A record may be kept past its minimum period with a documented justification (litigation, incident, inquiry, research), usually to 20 years at most.',
		handbook: '5.1, 5.3',
		source: 'S18',
		status: 'firm'
	},
	'retention.appraisal': {
		title: 'Appraisal at the review date',
		summary:
			'At the review date a record is destroyed securely, kept longer with a documented reason, or, if selected for permanent preservation, transferred to a Place of Deposit.',
		handbook: '5.3',
		source: 'S18',
		status: 'firm'
	},
	'retention.place-of-deposit': {
		title: 'Permanent preservation',
		summary:
			'Records selected for permanent preservation go to The National Archives or an approved Place of Deposit by the time they are 20 years old.',
		handbook: '5.3',
		source: 'S18',
		status: 'medium'
	}
} satisfies Record<string, Def>;

export type RuleId = keyof typeof DEFS;

/** Every rule, keyed by id. */
export const RULES: Readonly<Record<RuleId, RuleMeta>> = Object.freeze(
	Object.fromEntries(Object.entries(DEFS).map(([id, d]) => [id, { id, ...d }])) as Record<RuleId, RuleMeta>
);

/** A reason in a decision: the rule it rests on, its handbook section, and a sentence saying why. */
export interface Reason {
	rule: RuleId;
	handbook: string;
	text: string;
}

/**
 * Builds a reason citing a rule; the text ends with "(handbook N.N)" so feedback always names its source.
 * @example reason('ppi.three-identifiers', 'Check three identifiers before filing').text // 'Check three identifiers before filing (handbook 1.6).'
 */
export function reason(rule: RuleId, text?: string): Reason {
	const meta = RULES[rule];
	const body = (text ?? meta.summary).replace(/\.$/, '');
	return { rule, handbook: meta.handbook, text: `${body} (handbook ${meta.handbook}).` };
}

/**
 * Looks up a rule's metadata by id; undefined for an unknown id (never throws).
 * @example ruleById('nhs.modulus-11')?.handbook // '1.2'
 */
export function ruleById(id: string): RuleMeta | undefined {
	return Object.hasOwn(RULES, id) ? RULES[id as RuleId] : undefined;
}
