import type { HandbookSectionId } from './handbook-sections';

/**
 * One term of art a new starter meets in the health records team, explained in plain English. Definitions are
 * written for this app from the handbook (section 8 and the sections that use the term); none are copied.
 */
export interface GlossaryEntry {
	/** Stable, URL-safe id: the glossary page anchor is `#term-<id>`. */
	id: string;
	term: string;
	/** Abbreviations, expansions and other names people use for the same thing. */
	aliases: string[];
	definition: string;
	/** The handbook section that explains the term best (8 when the glossary is the only source). */
	section: HandbookSectionId;
	/**
	 * The phrases to find in running text, when the term and aliases would match ordinary words wrongly
	 * ("confusion" in everyday English is not a confused record). Defaults to the term and its aliases.
	 */
	match?: string[];
}

export const GLOSSARY: GlossaryEntry[] = [
	{
		id: 'a-and-e',
		term: 'A&E',
		aliases: ['ED', 'Accident and Emergency', 'Emergency Department'],
		definition:
			'The hospital department that sees people who arrive as emergencies, without an appointment. Its notes are usually kept as part of the main record.',
		section: '8'
	},
	{
		id: 'ahra',
		term: 'Access to Health Records Act 1990',
		aliases: ['AHRA'],
		definition:
			'The law that lets certain people see the records of a patient who has died, such as the executor of their will or someone with a claim arising from the death. Next of kin have no automatic right under it.',
		section: '4.8'
	},
	{
		id: 'alias',
		term: 'Alias',
		aliases: ['known-as name', 'previous name'],
		definition:
			'Another name a patient uses or used to use, such as a maiden name or a preferred name. It is recorded on the computer system so that searches still find the right person.',
		section: '1.7'
	},
	{
		id: 'amalgamation',
		term: 'Amalgamation',
		aliases: [],
		definition:
			'Putting two paper folders together into one, for example after two registrations for the same person are merged, or when the original notes turn up and the temporary folder is added to them.',
		section: '2.7'
	},
	{
		id: 'amspar',
		term: 'AMSPAR',
		aliases: ['Association of Medical Secretaries, Practice Managers, Administrators and Receptionists'],
		definition:
			'A professional body for medical administration staff. Its qualifications, run with City & Guilds, cover topics such as medical terms and the legal side of handling records.',
		section: '7'
	},
	{
		id: 'appraisal',
		term: 'Appraisal',
		aliases: ['retention review'],
		definition:
			'The review of records once their minimum keeping time is up. The outcome is to destroy them securely, keep them longer with a written reason, or send them to an archive for good.',
		section: '5.3'
	},
	{
		id: 'audit-trail',
		term: 'Audit trail',
		aliases: ['access log'],
		definition:
			'The automatic log a computer system keeps of who looked at, changed or printed a record, and when. It is checked, so looking without a work reason is found out.',
		section: '3.5'
	},
	{
		id: 'bcc',
		term: 'BCC',
		aliases: ['blind carbon copy'],
		definition:
			'An email field that sends a copy to people without showing their addresses to each other. Use it when one email goes to several patients.',
		section: '4.11'
	},
	{
		id: 'blagging',
		term: 'Blagging',
		aliases: ['social engineering'],
		definition:
			'Getting information by lying about who you are, for example a caller pretending to be a patient, a relative or a doctor. It is reported as an incident.',
		section: '4.10'
	},
	{
		id: 'breach',
		term: 'Personal data breach',
		aliases: ['data breach', 'breach'],
		definition:
			'Any security slip that means personal information is lost, destroyed, changed, seen by the wrong person or not available when needed. Staff report every actual or suspected breach, and near misses, straight away.',
		section: '4.10'
	},
	{
		id: 'caldicott-guardian',
		term: 'Caldicott Guardian',
		aliases: [],
		definition:
			"A senior person in each organisation, often a doctor, whose job is to protect the confidentiality of patients' information and advise on when it may be used or shared.",
		section: '4.4'
	},
	{
		id: 'caldicott-principles',
		term: 'Caldicott Principles',
		aliases: ['Caldicott principle'],
		definition:
			'Eight rules from the National Data Guardian for handling confidential information: have a clear reason, use it only when needed, use the least you can, give access only to those who need it, know your duties, obey the law, share for care when it helps the patient, and tell patients how their information is used.',
		section: '4.4'
	},
	{
		id: 'call-back',
		term: 'Call-back',
		aliases: ['call back', 'ring back'],
		definition:
			'Ending a call and ringing the person back on a number you found yourself, such as a published switchboard, to check they are who they say. Never use a number the caller gives you for this.',
		section: '6.2'
	},
	{
		id: 'casenotes',
		term: 'Casenotes',
		aliases: ['casenote', 'case notes', 'case record', 'health record folder'],
		definition:
			"The paper folder holding one patient's hospital record: letters, clinical notes, results and forms, filed in sections.",
		section: '2.1'
	},
	{
		id: 'check-digit',
		term: 'Check digit',
		aliases: [],
		definition:
			'The last digit of an NHS number. It is worked out from the first nine digits, so a typing mistake in the number is usually caught.',
		section: '1.2'
	},
	{
		id: 'chi',
		term: 'CHI number',
		aliases: ['CHI', 'Community Health Index number'],
		definition:
			"Scotland's 10-digit patient number. It starts with the person's date of birth and has a check digit like the NHS number.",
		section: '1.5'
	},
	{
		id: 'cis',
		term: 'CIS',
		aliases: ['Care Identity Service'],
		definition: 'The national computer system used to register NHS staff for smartcards.',
		section: '8'
	},
	{
		id: 'clear-desk',
		term: 'Clear desk',
		aliases: ['clear screen', 'clear desk and screen'],
		definition:
			'The habit of never leaving patient information out: papers locked away, printing collected at once, and the screen locked (smartcard removed) whenever you step away.',
		section: '4.11'
	},
	{
		id: 'clinician',
		term: 'Clinician',
		aliases: ['health professional'],
		definition: 'Someone who treats or cares for patients, such as a doctor, nurse, therapist or midwife.',
		section: '4.7'
	},
	{
		id: 'common-law-confidentiality',
		term: 'Common law duty of confidentiality',
		aliases: ['duty of confidentiality'],
		definition:
			'The rule, set by court cases rather than an Act, that information given in confidence may be used or passed on only in ways the person would expect, with their consent, where the law requires it, or where there is a strong public interest.',
		section: '4.5'
	},
	{
		id: 'confused-record',
		term: 'Confused record',
		aliases: ['confusion', 'overlay'],
		definition:
			'A record that holds information about two different people mixed together. It is more dangerous than a duplicate: it is split and reported as an incident.',
		section: '3.3',
		match: ['confused record', 'record confusion', 'overlay']
	},
	{
		id: 'consent-explicit',
		term: 'Explicit consent',
		aliases: [],
		definition:
			'A clear yes from the patient, spoken or written and recorded, needed before sharing their information for anything other than their own care when there is no other legal reason.',
		section: '4.5'
	},
	{
		id: 'continuation-sheet',
		term: 'Continuation sheet',
		aliases: [],
		definition: 'A page of clinical notes added in date order when the previous page is full.',
		section: '8'
	},
	{
		id: 'copi',
		term: 'COPI',
		aliases: ['Control of Patient Information Regulations'],
		definition:
			'Regulations from 2002 that allow confidential patient information to be used without consent for a few approved purposes, such as some research and controlling infectious disease.',
		section: '4.1'
	},
	{
		id: 'cpi',
		term: 'Confidential patient information',
		aliases: ['CPI'],
		definition:
			'Information that identifies a patient (or could), was given in confidence, and says something about their health or care.',
		section: '4.6'
	},
	{
		id: 'data-controller',
		term: 'Data controller',
		aliases: ['controller'],
		definition:
			'The organisation that decides why and how personal information is used, such as the hospital trust. It is responsible for following the law.',
		section: '4.2',
		match: ['data controller']
	},
	{
		id: 'dcb1596',
		term: 'DCB1596',
		aliases: ['Secure Email Standard'],
		definition:
			'The national standard an email system must meet to count as secure for patient information. NHSmail meets it.',
		section: '4.11'
	},
	{
		id: 'demographics',
		term: 'Demographics',
		aliases: ['demographic details', 'demographic'],
		definition:
			"A patient's basic details: names, date of birth, sex, address, phone numbers, NHS number, GP and next of kin. No clinical information.",
		section: '3.1'
	},
	{
		id: 'deputy',
		term: 'Deputy',
		aliases: ['Court of Protection deputy'],
		definition:
			'Someone the Court of Protection has appointed to make certain decisions for a person who cannot make them themselves.',
		section: '4.7'
	},
	{
		id: 'direct-care',
		term: 'Direct care',
		aliases: ['individual care'],
		definition:
			"Care given to a particular patient by the people looking after them. Sharing information with the care team for this is covered by the patient's implied consent.",
		section: '4.5'
	},
	{
		id: 'dna',
		term: 'DNA',
		aliases: ['Did Not Attend'],
		definition:
			'In appointments, "did not attend": the patient missed the appointment without telling anyone. In clinical notes DNA can also mean the genetic material, so read it in context.',
		section: '8'
	},
	{
		id: 'dnacpr',
		term: 'DNACPR',
		aliases: ['ReSPECT', 'Do Not Attempt CPR'],
		definition:
			'Forms recording decisions about resuscitation and emergency care. Staff must be able to find them fast, so they are usually filed at the very front of the notes.',
		section: '2.1'
	},
	{
		id: 'dpa-2018',
		term: 'Data Protection Act 2018',
		aliases: ['DPA 2018', 'DPA'],
		definition:
			'The UK law that sits alongside UK GDPR. Among other things it makes it a crime to look at or take personal information without the organisation’s permission (section 170).',
		section: '4.1'
	},
	{
		id: 'dpo',
		term: 'DPO',
		aliases: ['Data Protection Officer'],
		definition:
			'The person an NHS organisation must have to advise on data protection law and check that it is followed.',
		section: '4.4'
	},
	{
		id: 'dsa-l1',
		term: 'Data Security Awareness Level 1',
		aliases: ['DSA L1', 'Data Security Awareness'],
		definition:
			'The national e-learning course every NHS worker must pass each year (pass mark 80%). It covers keeping information safe, the law, threats such as blagging, and reporting breaches.',
		section: '7'
	},
	{
		id: 'dspt',
		term: 'DSPT',
		aliases: ['Data Security and Protection Toolkit'],
		definition:
			'The yearly self-check every NHS organisation completes against the national data security standards. It includes the tool used to report serious data incidents.',
		section: '4.10'
	},
	{
		id: 'duaa',
		term: 'DUAA',
		aliases: ['Data (Use and Access) Act 2025', 'Data Use and Access Act'],
		definition:
			'A 2025 law that changed some data protection rules, including parts of how subject access requests are handled.',
		section: '4.1'
	},
	{
		id: 'duplicate-record',
		term: 'Duplicate record',
		aliases: ['duplicate registration', 'double registration'],
		definition:
			'Two or more records for the same person, usually because someone registered them without searching first. Duplicates are merged by a specialist team.',
		section: '3.3'
	},
	{
		id: 'edm',
		term: 'EDM',
		aliases: ['EDMS', 'electronic document management'],
		definition:
			'A system that holds scanned images of paper records, indexed to the right patient and document type. Done properly, the scanned copy can replace the paper.',
		section: '3.4'
	},
	{
		id: 'epr',
		term: 'EPR',
		aliases: ['EHR', 'electronic patient record', 'electronic health record'],
		definition: "A patient's health record kept on a computer system instead of, or as well as, paper.",
		section: '3.6'
	},
	{
		id: 'episode',
		term: 'Episode',
		aliases: ['episode of care'],
		definition:
			'One period of care, such as a hospital stay or a course of outpatient appointments. One patient can have many episodes in one record.',
		section: '1.5'
	},
	{
		id: 'gp',
		term: 'GP',
		aliases: ['general practitioner', 'GP practice'],
		definition:
			"A family doctor. A patient's registered GP practice is part of their demographic details, and GP staff are often callers who need information for care.",
		section: '6.3'
	},
	{
		id: 'h-and-c-number',
		term: 'H&C number',
		aliases: ['Health and Care number'],
		definition:
			"Northern Ireland's patient number. It looks like an NHS number and uses the same check digit.",
		section: '1.5'
	},
	{
		id: 'hospital-number',
		term: 'Hospital number',
		aliases: ['unit number', 'MRN', 'casenote number', 'K number'],
		definition:
			"A number the hospital's own computer system gives a patient when they are first registered there. It is unique within that trust only, and the paper folder is filed by it.",
		section: '1.5'
	},
	{
		id: 'hybrid-record',
		term: 'Hybrid record',
		aliases: [],
		definition:
			'A record kept partly on paper and partly on computer. "The record" means all the parts together, wherever they are.',
		section: '3.6'
	},
	{
		id: 'ico',
		term: 'ICO',
		aliases: ["Information Commissioner's Office"],
		definition:
			'The UK regulator for data protection. Serious breaches must be reported to it within 72 hours, and it can prosecute people who misuse records.',
		section: '4.10'
	},
	{
		id: 'ig',
		term: 'IG',
		aliases: ['information governance'],
		definition:
			'The rules and the team that make sure information is handled lawfully, safely and properly. Report incidents and difficult requests to them.',
		section: '4.10'
	},
	{
		id: 'ihrim',
		term: 'IHRIM',
		aliases: ['Institute of Health Records and Information Management'],
		definition:
			'The professional body for health records staff. It runs qualifications from the Foundation Certificate upwards.',
		section: '7'
	},
	{
		id: 'implied-consent',
		term: 'Implied consent',
		aliases: [],
		definition:
			'The understanding that patients expect their information to be shared with the people caring for them, so no separate yes is needed for that. It does not cover sharing for other purposes.',
		section: '4.5'
	},
	{
		id: 'incident',
		term: 'Incident',
		aliases: ['incident report', 'near miss'],
		definition:
			'Something that went wrong or nearly went wrong, reported through the local incident system so it can be put right and learned from. Near misses are reported too.',
		section: '4.10',
		match: ['incident', 'near miss']
	},
	{
		id: 'indexing',
		term: 'Indexing',
		aliases: [],
		definition:
			'Labelling a scanned document with the patient it belongs to and what kind of document it is. Indexing to the wrong patient is a breach.',
		section: '3.4'
	},
	{
		id: 'legal-hold',
		term: 'Legal hold',
		aliases: [],
		definition:
			'An instruction to stop destroying records that may be needed for a court case or a public inquiry, whatever the normal schedule says.',
		section: '5.3'
	},
	{
		id: 'legitimate-relationship',
		term: 'Legitimate relationship',
		aliases: ['LR'],
		definition:
			'A genuine care or work link with a patient that justifies opening their record on national systems.',
		section: '3.5'
	},
	{
		id: 'lloyd-george',
		term: 'Lloyd George envelope',
		aliases: [],
		definition: 'The traditional small paper envelope used for GP records.',
		section: '2.4'
	},
	{
		id: 'loose-filing',
		term: 'Loose filing',
		aliases: [],
		definition:
			'Adding single documents, such as letters and results, into a patient\u2019s existing folder. Every sheet is checked against the folder before it goes in.',
		section: '2.2'
	},
	{
		id: 'lpa',
		term: 'Lasting Power of Attorney',
		aliases: ['LPA'],
		definition:
			'A legal document in which a person names someone to make decisions for them if they cannot. There are two kinds: money and property, or health and welfare. Only the health and welfare kind covers health information.',
		section: '4.7'
	},
	{
		id: 'middle-digit-filing',
		term: 'Middle digit filing',
		aliases: [],
		definition:
			'A way of shelving folders by the middle pair of digits of the number first, then the first pair, then the last pair.',
		section: '2.4'
	},
	{
		id: 'misfile',
		term: 'Misfile',
		aliases: ['misfiled', 'misfiling'],
		definition:
			"A folder put in the wrong place on the shelf, or a document put in the wrong patient's folder. A misfiled folder is as good as lost; a document in the wrong folder is also a breach.",
		section: '2.9'
	},
	{
		id: 'missing-notes',
		term: 'Missing notes',
		aliases: ['missing casenotes', 'missing records'],
		definition:
			'Notes that are not where the tracking says they should be. There is a set search procedure before they are treated as lost.',
		section: '2.8'
	},
	{
		id: 'mod-11',
		term: 'Modulus 11',
		aliases: ['Mod 11', 'Modulus 11 check'],
		definition:
			'The sum used to check an NHS number: each of the first nine digits is multiplied by a weight, and the total decides what the last digit must be. A number that fails is not a real NHS number.',
		section: '1.2'
	},
	{
		id: 'mpi',
		term: 'MPI',
		aliases: ['Master Patient Index'],
		definition:
			"The hospital's list of every patient it has registered, with their basic details. You search it before registering anyone, to avoid duplicates.",
		section: '3.1'
	},
	{
		id: 'ndg',
		term: 'NDG',
		aliases: ['National Data Guardian'],
		definition:
			'The independent adviser who speaks up for the safe and proper use of health and care information in England. The NDG publishes the Caldicott Principles.',
		section: '4.4'
	},
	{
		id: 'ndoo',
		term: 'National Data Opt-out',
		aliases: ['NDOO', 'opt-out'],
		definition:
			'A choice a patient in England can make to stop their confidential information being used for research and planning. It never stops information being shared for their own care.',
		section: '4.6'
	},
	{
		id: 'need-to-know',
		term: 'Need to know',
		aliases: ['need-to-know'],
		definition:
			'The rule that you only look at the records, and the parts of them, that your current task needs. Being able to open a record does not mean you may.',
		section: '4.11'
	},
	{
		id: 'nhs-number',
		term: 'NHS number',
		aliases: ['NHS numbers'],
		definition:
			'The 10-digit number that identifies a patient across the NHS in England, Wales and the Isle of Man, for life. It is shown in groups of 3, 3 and 4 digits.',
		section: '1.1'
	},
	{
		id: 'nhs-number-status',
		term: 'NHS Number Status Indicator',
		aliases: ['verified NHS number', 'trace status', 'PDS trace'],
		definition:
			'A code on the local record showing whether the NHS number has been checked against the national database. Only status 01 means present and verified.',
		section: '1.4'
	},
	{
		id: 'nhsmail',
		term: 'NHSmail',
		aliases: [],
		definition:
			'The national NHS email service. Email between NHSmail and other accredited secure addresses is safe; to other addresses it must be encrypted.',
		section: '4.11'
	},
	{
		id: 'nok',
		term: 'Next of kin',
		aliases: ['NOK'],
		definition:
			'The person a patient names as their closest contact. Being next of kin gives no legal right to see or be told about the patient\u2019s health information.',
		section: '6.3'
	},
	{
		id: 'order-of-filing',
		term: 'Order of filing',
		aliases: ['casenote sections', 'filing order'],
		definition:
			"The trust's own rule for which sections a folder has, in what order, and how documents are ordered within each (often the newest on top).",
		section: '2.1'
	},
	{
		id: 'outguide',
		term: 'Tracer card',
		aliases: ['tracer', 'outguide', 'outguide card'],
		definition:
			'A card put on the shelf in the gap where a folder was taken out. It shows the number, where the folder went, when and who took it, and comes out when the folder goes back.',
		section: '2.5'
	},
	{
		id: 'pacs',
		term: 'PACS',
		aliases: ['Picture Archiving and Communication System'],
		definition: 'The system that stores X-rays and other scans. It is one part of a hybrid record.',
		section: '3.6'
	},
	{
		id: 'parental-responsibility',
		term: 'Parental responsibility',
		aliases: [],
		definition:
			"The legal rights and duties a parent or guardian has for a child. It can let them ask for a young child's information, but an older child who understands may keep things private.",
		section: '4.7'
	},
	{
		id: 'pas',
		term: 'PAS',
		aliases: ['Patient Administration System'],
		definition:
			"The hospital's main administration computer system: it registers patients, books appointments and admissions, and often tracks where the paper notes are.",
		section: '3.1'
	},
	{
		id: 'pcse',
		term: 'PCSE',
		aliases: ['Primary Care Support England'],
		definition:
			'The service that moves GP records between practices and handles GP registrations in England.',
		section: '2.8'
	},
	{
		id: 'pds',
		term: 'PDS',
		aliases: ['Personal Demographics Service'],
		definition:
			"The national database of every NHS patient's basic details (no clinical information), used to find and check NHS numbers. Staff reach it through local systems with a smartcard.",
		section: '1.4'
	},
	{
		id: 'personal-data',
		term: 'Personal data',
		aliases: ['personal information', 'PID', 'PII', 'patient identifiable data'],
		definition:
			'Any information that identifies a living person, alone or with other details: a name, an address, a number, a photo.',
		section: '4.2'
	},
	{
		id: 'personal-representative',
		term: 'Personal representative',
		aliases: ['executor', 'administrator of the estate'],
		definition:
			"The person legally in charge of a dead person's affairs: the executor of the will, or an administrator appointed by the court. They may see the whole record under the Access to Health Records Act.",
		section: '4.8'
	},
	{
		id: 'place-of-deposit',
		term: 'Place of Deposit',
		aliases: ['PoD'],
		definition:
			'An archive, usually a local record office, approved to keep public records permanently, including NHS records chosen for preservation.',
		section: '5.3'
	},
	{
		id: 'ppi',
		term: 'Positive patient identification',
		aliases: ['PPI', 'three points of ID', 'three identifiers'],
		definition:
			'Making sure you have the right person and the right record, by asking the patient to tell you at least three details (usually full name, date of birth and a number) and checking them against the record.',
		section: '1.6'
	},
	{
		id: 'primary-digits',
		term: 'Primary digits',
		aliases: ['primary section', 'secondary digits', 'tertiary digits'],
		definition:
			'In terminal digit filing, the number is split into pairs read from the right. The last pair (primary) picks the shelf section, the middle pair (secondary) comes next, and the first pair (tertiary) last.',
		section: '2.3'
	},
	{
		id: 'ra',
		term: 'RA',
		aliases: ['Registration Authority'],
		definition:
			"The local team that checks staff identity, issues smartcards and sets each person's access. Report a lost or misused smartcard to them.",
		section: '4.11'
	},
	{
		id: 'rbac',
		term: 'RBAC',
		aliases: ['role-based access control', 'role profile'],
		definition:
			'Giving each person access only to the system functions their job needs, set by their smartcard role profile.',
		section: '3.5'
	},
	{
		id: 'reconstituted-record',
		term: 'Reconstituted record',
		aliases: [],
		definition:
			'A record rebuilt as fully as possible, from copies held elsewhere, after the original has been lost. It is clearly labelled as rebuilt.',
		section: '2.8'
	},
	{
		id: 'retention-schedule',
		term: 'Retention schedule',
		aliases: ['retention period', 'retention'],
		definition:
			'The national list of how long each kind of record must be kept at least, for example 8 years after the last contact for most adult hospital records.',
		section: '5.2'
	},
	{
		id: 'rtt',
		term: 'RTT',
		aliases: ['referral to treatment'],
		definition: 'The waiting-time pathway measured from a referral to the start of treatment.',
		section: '8'
	},
	{
		id: 's-flag',
		term: 'S-flag',
		aliases: ['sensitive flag'],
		definition:
			"A marker on the national database that hides a patient's address and contact details, for example because they are fleeing abuse. Never give out their whereabouts.",
		section: '3.2'
	},
	{
		id: 'sar',
		term: 'SAR',
		aliases: ['subject access request', 'subject access'],
		definition:
			'A request from a person for a copy of the information an organisation holds about them. It can be made in any way, spoken or written, and is normally answered free within one calendar month.',
		section: '4.7'
	},
	{
		id: 'scr',
		term: 'SCR',
		aliases: ['Summary Care Record'],
		definition:
			'A short national summary of key information about a patient, such as medicines and allergies, held on the Spine.',
		section: '8'
	},
	{
		id: 'secondary-storage',
		term: 'Secondary storage',
		aliases: ['off-site store', 'off-site storage'],
		definition: 'Storage away from the main file room for records that are no longer used often.',
		section: '2.8'
	},
	{
		id: 'section-170',
		term: 'Section 170 offence',
		aliases: ['s.170'],
		definition:
			'The crime, under the Data Protection Act 2018, of knowingly or recklessly getting personal information without the organisation\u2019s permission, such as looking up a neighbour. NHS staff have been prosecuted for it.',
		section: '3.5'
	},
	{
		id: 'siro',
		term: 'SIRO',
		aliases: ['Senior Information Risk Owner'],
		definition: 'The board-level person who owns the risks to the information an organisation holds.',
		section: '4.4'
	},
	{
		id: 'smartcard',
		term: 'Smartcard',
		aliases: [],
		definition:
			'A personal chip card with a passcode that lets you into NHS national systems with the access your role needs. Never lend it, share the passcode, or leave it in the computer.',
		section: '4.11',
		match: ['smartcard']
	},
	{
		id: 'special-category-data',
		term: 'Special category data',
		aliases: [],
		definition:
			'Kinds of personal information the law protects more strongly because misuse could do more harm. Health information is one of them.',
		section: '4.3'
	},
	{
		id: 'spine',
		term: 'Spine',
		aliases: ['NHS Spine'],
		definition:
			'The national NHS computer network that links local systems to national services such as PDS and the Summary Care Record.',
		section: '1.4'
	},
	{
		id: 'sponsor',
		term: 'Sponsor',
		aliases: [],
		definition: "The manager who approves what a person's smartcard lets them do.",
		section: '4.11'
	},
	{
		id: 'straight-numeric-filing',
		term: 'Straight numeric filing',
		aliases: ['consecutive numeric filing'],
		definition:
			'Shelving folders in plain number order. Easy to learn, but new folders crowd into one area and swapped digits cause misfiles.',
		section: '2.4'
	},
	{
		id: 'tci',
		term: 'TCI',
		aliases: ['To Come In'],
		definition: 'The date a patient on a waiting list is due to be admitted.',
		section: '6.3'
	},
	{
		id: 'tdf',
		term: 'Terminal digit filing',
		aliases: ['TDF'],
		definition:
			'A way of shelving folders by the last two digits of the number first, then the middle two, then the first two. It spreads new folders evenly across 100 shelf sections.',
		section: '2.3'
	},
	{
		id: 'temporary-notes',
		term: 'Temporary notes',
		aliases: ['temporary folder'],
		definition:
			'A stand-in folder made, with a manager\u2019s agreement, when the real notes cannot be found after a full search. It is merged with the original when that turns up.',
		section: '2.7'
	},
	{
		id: 'tracking',
		term: 'Casenote tracking',
		aliases: ['tracking', 'tracked'],
		definition:
			'Recording every move of a folder (where it went, when and who has it) on the computer system at the moment it moves. Untracked moves are the main reason notes go missing.',
		section: '2.5'
	},
	{
		id: 'trust',
		term: 'Trust',
		aliases: ['NHS trust', 'hospital trust'],
		definition:
			'An NHS organisation that runs one or more hospitals or services. Many records rules, such as the order of filing, are set by each trust.',
		section: '1.5',
		match: ['NHS trust', 'hospital trust', 'trust']
	},
	{
		id: 'uk-gdpr',
		term: 'UK GDPR',
		aliases: ['GDPR', 'UK General Data Protection Regulation'],
		definition:
			'The main UK data protection law. It sets principles for handling personal information (such as using only what is needed and keeping it secure) and gives people rights, such as seeing their own data.',
		section: '4.2'
	},
	{
		id: 'unit-numbering',
		term: 'Unit numbering',
		aliases: ['unit record'],
		definition:
			'The system where a patient keeps one hospital number and one record for all their visits, rather than a new number each time.',
		section: '1.5'
	},
	{
		id: 'volume',
		term: 'Volume',
		aliases: ['volumes'],
		definition:
			'One of several folders making up one patient\u2019s notes, when a single folder got too full. Each volume is numbered and tracked separately.',
		section: '2.6'
	},
	{
		id: 'wristband',
		term: 'Wristband',
		aliases: ['identity band'],
		definition:
			'The band a patient wears in hospital with their surname in capitals, first name, date of birth and verified NHS number, used to check identity before any care.',
		section: '1.6'
	}
];

/** Where a glossary term was found in a piece of text: `text.slice(start, end)` is the words as written. */
export interface TermMatch {
	id: string;
	start: number;
	end: number;
}

export type TextSegment = { kind: 'text'; text: string } | { kind: 'term'; id: string; text: string };

const byId = new Map(GLOSSARY.map((e) => [e.id, e]));

export function glossaryEntry(id: string): GlossaryEntry | undefined {
	return byId.get(id);
}

/** The glossary page anchor for a term. */
export function glossaryAnchor(id: string): string {
	return `term-${id}`;
}

function stripQualifier(s: string): string {
	return s.replace(/\s*\(.*?\)\s*/g, ' ').trim();
}

/** "PAS", "UK GDPR", "DSA L1": runs of capitals are abbreviations and are matched with their case. */
function isAbbreviation(pattern: string): boolean {
	return /\p{Lu}{2}/u.test(pattern);
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Matcher {
	id: string;
	re: RegExp;
}

function buildMatchers(entries: readonly GlossaryEntry[]): Matcher[] {
	const matchers: Matcher[] = [];
	for (const e of entries) {
		const phrases = e.match ?? [e.term, ...e.aliases];
		for (const raw of new Set(phrases.map(stripQualifier).filter(Boolean))) {
			// Spaces and hyphens are interchangeable ("need to know" / "need-to-know"); a plural s is allowed.
			const body = escapeRegExp(raw).replace(/[\s-]+/g, '[\\s\\-\u00a0]+');
			const flags = isAbbreviation(raw) ? 'gu' : 'giu';
			matchers.push({
				id: e.id,
				re: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es)?(?![\\p{L}\\p{N}])`, flags)
			});
		}
	}
	return matchers;
}

const defaultMatchers = buildMatchers(GLOSSARY);

/**
 * Finds glossary terms in plain text so authors need not mark them by hand. Rules: whole words only; where two
 * terms overlap, the one starting first wins, and at the same start the longest wins ("terminal digit filing",
 * not "filing"); each term is marked at its first occurrence only, and terms listed in `skip` (already explained
 * earlier on the page) are not marked again. Abbreviations (runs of capitals) match only in capitals, so "Spine"
 * is found in any case but "RA" never matches the letters "ra".
 * @example findGlossaryTerms('Check the PAS, then the PAS again') // [{ id: 'pas', start: 10, end: 13 }]
 */
export function findGlossaryTerms(
	text: string,
	options: { entries?: readonly GlossaryEntry[]; skip?: ReadonlySet<string> } = {}
): TermMatch[] {
	const matchers = options.entries ? buildMatchers(options.entries) : defaultMatchers;
	const candidates: TermMatch[] = [];
	for (const m of matchers) {
		m.re.lastIndex = 0;
		for (const hit of text.matchAll(m.re)) {
			candidates.push({ id: m.id, start: hit.index, end: hit.index + hit[0].length });
		}
	}
	candidates.sort((a, b) => a.start - b.start || b.end - a.end);
	const seen = new Set(options.skip);
	const found: TermMatch[] = [];
	let cursor = 0;
	for (const c of candidates) {
		if (c.start < cursor) continue;
		// A later mention of a term already explained still covers its own words, so a shorter term inside it
		// ("filing" inside a second "loose filing") is not marked either.
		cursor = c.end;
		if (seen.has(c.id)) continue;
		seen.add(c.id);
		found.push(c);
	}
	return found;
}

/**
 * Splits text into plain runs and glossary terms, ready to render.
 * @example segmentText('Ask for the NHS number.') // text 'Ask for the ', term 'NHS number', text '.'
 */
export function segmentText(text: string, matches: readonly TermMatch[]): TextSegment[] {
	const out: TextSegment[] = [];
	let at = 0;
	for (const m of matches) {
		if (m.start > at) out.push({ kind: 'text', text: text.slice(at, m.start) });
		out.push({ kind: 'term', id: m.id, text: text.slice(m.start, m.end) });
		at = m.end;
	}
	if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
	return out;
}

/**
 * Marks glossary terms across several pieces of text shown on one page, explaining each term once: at its first
 * appearance on the page rather than once per paragraph.
 * @example markTermsAcross(['The PAS.', 'The PAS again.'])[1] // [{ kind: 'text', text: 'The PAS again.' }]
 */
export function markTermsAcross(
	texts: readonly string[],
	skip: ReadonlySet<string> = new Set()
): TextSegment[][] {
	const seen = new Set(skip);
	return texts.map((t) => {
		const matches = findGlossaryTerms(t, { skip: seen });
		for (const m of matches) seen.add(m.id);
		return segmentText(t, matches);
	});
}

/** The letter a term is listed under on the A-Z page (digits and symbols under "#"). */
export function indexLetter(term: string): string {
	const first = term.trim().charAt(0).toLocaleUpperCase('en-GB');
	return /[A-Z]/.test(first) ? first : '#';
}

/** Terms in A-Z order, compared without case or punctuation the way a reader scans a printed glossary. */
export function sortedGlossary(entries: readonly GlossaryEntry[] = GLOSSARY): GlossaryEntry[] {
	return [...entries].sort((a, b) => a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }));
}

/**
 * Filters the glossary by what someone typed: matches the term, any alias or the definition, ignoring case.
 * Exact names come first, then names starting with the query, then other name matches, then definitions.
 * @example filterGlossary('pas').map((e) => e.id)[0] // 'pas'
 */
export function filterGlossary(query: string, entries: readonly GlossaryEntry[] = GLOSSARY): GlossaryEntry[] {
	const q = query.trim().toLocaleLowerCase('en-GB');
	const sorted = sortedGlossary(entries);
	if (!q) return sorted;
	const rank = (e: GlossaryEntry): number => {
		const names = [e.term, ...e.aliases].map((n) => n.toLocaleLowerCase('en-GB'));
		if (names.includes(q)) return 0;
		if (names.some((n) => n.startsWith(q))) return 1;
		if (names.some((n) => n.includes(q))) return 2;
		return e.definition.toLocaleLowerCase('en-GB').includes(q) ? 3 : 4;
	};
	const ranked = sorted.map((e) => ({ e, r: rank(e) })).filter((x) => x.r < 4);
	// Array sort is stable, so entries of equal rank stay in A-Z order.
	return ranked.sort((a, b) => a.r - b.r).map((x) => x.e);
}
