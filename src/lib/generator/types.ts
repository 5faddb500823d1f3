/**
 * The generator's public types. Scenario code is written against these: change them only with a
 * GENERATOR_VERSION bump and a note in the README.
 */
import type { AlertKind } from './data/clinical';
import type { HeritageId, Sex } from './data/names';
import type { TrustRules } from '../domain/settings';

export type { AlertKind, HeritageId, Sex };

/** The domain library's hospital number format setting (handbook 1.5; LOCAL). */
export type HospitalNumberFormat = TrustRules['hospitalNumber'];

/** ISO calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

/** Deliberate defect kinds (issue 4; handbook 1.7, 2.8, 2.9, 3.3). */
export type DefectKind =
	| 'duplicate-registration'
	| 'same-name-dob'
	| 'twins'
	| 'dob-day-month-swap'
	| 'transposed-number-on-document'
	| 'changed-name'
	| 'misfiled-document'
	| 'tracking-mismatch'
	| 'out-of-date-address'
	| 'missing-volume';

/** Share of patients affected by each defect. Pair defects use two patients per case. */
export type DefectRates = Record<DefectKind, number>;

export interface TrustSettings {
	/** Any string or number; '42' and 42 give the same trust. */
	seed: string | number;
	/** Number of patients on the master patient index (1 to 800,000). */
	patients: number;
	/** The trust's "today": nothing is dated after it except booked appointments. Never read from the clock. */
	today: IsoDate;
	/**
	 * The trust's hospital number format: the domain library's LOCAL `hospitalNumber` setting (handbook 1.5),
	 * default `DEFAULT_TRUST_RULES.hospitalNumber` (six digits, no prefix).
	 */
	hospitalNumber?: HospitalNumberFormat;
	/** Shorthand that overrides the format's letter prefix ('' for digits only); the CLI's `--prefix`. */
	hospitalNumberPrefix?: string;
	/** Overrides of {@link DEFAULT_DEFECT_RATES}. */
	defects?: Partial<DefectRates>;
	/**
	 * Share (0 to 1) of patients aged 50 or over whose long hospital history fills two to four casenote volumes
	 * (handbook 2.6). Default `DEFAULT_LONG_HISTORY_SHARE` (0.1).
	 */
	longHistories?: number;
}

export interface Site {
	code: string;
	name: string;
	town: string;
}

export interface Department {
	code: string;
	specialtyCode: string;
	name: string;
	siteCode: string;
}

export interface Clinic {
	/** e.g. 'CARD1M' — specialty, number, session. */
	code: string;
	name: string;
	specialtyCode: string;
	siteCode: string;
	clinicianId: string;
	day: string;
	start: string;
	end: string;
}

export interface Ward {
	code: string;
	name: string;
	siteCode: string;
	specialtyCode: string;
}

export interface Clinician {
	id: string;
	name: string;
	title: 'Dr' | 'Mr' | 'Mrs' | 'Ms' | 'Miss';
	role: 'Consultant' | 'Specialty doctor' | 'Midwife';
	specialtyCode: string;
}

export interface StaffMember {
	id: string;
	name: string;
	role: string;
}

export interface GpPractice {
	/** Fictional ODS-style code: 'Z9' + 4 digits (no real practice code starts with Z). */
	code: string;
	name: string;
	town: string;
	postcode: string;
	phone: string;
	gps: string[];
}

/** Terminal-digit library layout (handbook 2.3): 100 primary sections grouped into bays. */
export interface Library {
	name: string;
	siteCode: string;
	bays: { bay: string; primaryFrom: number; primaryTo: number; shelves: number }[];
}

export interface OffSiteStore {
	name: string;
	address: string;
	/** Working days to retrieve a box (LOCAL). */
	retrievalDays: number;
}

export interface Organisation {
	name: string;
	code: string;
	sites: Site[];
	departments: Department[];
	clinics: Clinic[];
	wards: Ward[];
	clinicians: Clinician[];
	staff: StaffMember[];
	gpPractices: GpPractice[];
	library: Library;
	offSiteStore: OffSiteStore;
}

/** NHS Number Status Indicator (handbook 1.4). Only '01' counts as verified. */
export type NhsNumberStatus = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08';

/** The cheap, searchable part of a patient: enough for a PAS search index. */
export interface PatientSummary {
	index: number;
	/** 10 digits, 999 range, valid by Modulus 11; null when not yet known (status 03 or 07). */
	nhsNumber: string | null;
	nhsNumberStatus: NhsNumberStatus;
	hospitalNumber: string;
	title: string;
	forenames: string[];
	surname: string;
	sex: Sex;
	/** Date of birth as held on PAS (may be wrong: see the dob-day-month-swap defect). */
	dateOfBirth: IsoDate;
	postcode: string;
}

export interface Address {
	lines: string[];
	town: string;
	postcode: string;
	from: IsoDate;
	/** null for the current address. */
	to: IsoDate | null;
}

export interface PreviousName {
	forenames: string[];
	surname: string;
	until: IsoDate;
	reason: 'marriage' | 'divorce' | 'deed poll' | 'registered at birth';
}

export interface Alias {
	name: string;
	kind: 'known as' | 'family name first';
}

/** What a named person may be told (handbook 4.13, 6.3): read by the disclosure rules. */
export type ConsentScope =
	'appointments' | 'results' | 'general-condition' | 'full-record' | 'collect-letters';

export interface Contact {
	id: string;
	name: string;
	relationship: string;
	phone: string;
	address?: string;
	nextOfKin: boolean;
	emergencyContact: boolean;
	/** For children: a parent or guardian who holds parental responsibility. */
	parentalResponsibility: boolean;
}

export interface ConsentRecord {
	contactId: string;
	scopes: ConsentScope[];
	recorded: IsoDate;
}

export interface Alert {
	kind: AlertKind;
	text: string;
	from: IsoDate;
}

export type EpisodeKind = 'outpatient' | 'inpatient' | 'emergency';

export interface Episode {
	id: string;
	kind: EpisodeKind;
	start: IsoDate;
	end: IsoDate;
	specialtyCode: string;
	clinicianId: string;
	siteCode: string;
	clinicCode?: string;
	wardCode?: string;
	/** 'booked' only for future outpatient appointments. */
	status: 'attended' | 'did not attend' | 'booked';
	reason: string;
}

/** Casenote sections, default order (handbook 2.1, LOCAL). */
export type CasenoteSection =
	| 'front'
	| 'correspondence'
	| 'clinical-notes'
	| 'results'
	| 'operations'
	| 'nursing'
	| 'drug-charts'
	| 'consent'
	| 'specialty'
	| 'miscellaneous';

export type DocumentKind =
	| 'referral letter'
	| 'clinic letter'
	| 'discharge summary'
	| 'result'
	| 'consent form'
	| 'ED card'
	| 'alert sheet';

/** Identifiers exactly as printed on the paper; may differ from PAS when a defect says so. */
export interface PrintedIdentifiers {
	name: string;
	dateOfBirth: IsoDate;
	hospitalNumber: string;
	nhsNumber: string | null;
	address: string | null;
}

export interface CasenoteDocument {
	id: string;
	kind: DocumentKind;
	date: IsoDate;
	section: CasenoteSection;
	title: string;
	author: string;
	episodeId: string | null;
	printed: PrintedIdentifiers;
	/** Index of the patient the document is really about (differs from the folder owner when misfiled). */
	aboutPatient: number;
	/** Volume number it is filed in. */
	volume: number;
	text: string;
}

export type LocationKind =
	'library' | 'clinic' | 'ward' | 'secretary' | 'off-site store' | 'coding' | 'scanning';

export interface TrackedLocation {
	kind: LocationKind;
	/** Clinic or ward code, library shelf position, or a person's name. */
	code: string;
	label: string;
}

export interface Movement {
	at: string;
	from: TrackedLocation;
	to: TrackedLocation;
	by: string;
}

export interface TracerCard {
	/** The shelf position the card stands in. */
	shelf: string;
	hospitalNumber: string;
	volume: number;
	takenTo: string;
	date: IsoDate;
	takenBy: string;
}

export interface CasenoteVolume {
	number: number;
	of: number;
	status: 'current' | 'closed';
	opened: IsoDate;
	closed: IsoDate | null;
	/** Terminal-digit shelf position, e.g. 'Bay 4, 21-63-34' (handbook 2.3). */
	shelf: string;
	tracked: TrackedLocation;
	/** Where the volume really is; null when nobody knows (missing). Differs from tracked for defects only. */
	actual: TrackedLocation | null;
	movements: Movement[];
	tracerCard: TracerCard | null;
}

export interface TemporaryFolder {
	created: IsoDate;
	authorisedBy: string;
	reason: string;
	tracked: TrackedLocation;
}

export interface Defect {
	/** Stable id, e.g. 'D-000123'. */
	id: string;
	kind: DefectKind;
	/** Patient indexes involved; the first is the one whose record shows the defect. */
	patients: number[];
	/** Plain-English description for trainers and debriefs. */
	description: string;
	documentId?: string;
	volume?: number;
	field?: 'hospitalNumber' | 'nhsNumber';
	printed?: string;
	correct?: string;
}

export interface PatientRecord extends PatientSummary {
	gender: 'same as sex' | 'non-binary' | 'not stated';
	/** The true date of birth (differs from dateOfBirth only for the day/month swap defect). */
	trueDateOfBirth: IsoDate;
	heritage: HeritageId;
	previousNames: PreviousName[];
	aliases: Alias[];
	addresses: Address[];
	homePhone: string | null;
	mobilePhone: string | null;
	email: string | null;
	gpPracticeCode: string;
	gpName: string;
	contacts: Contact[];
	consents: ConsentRecord[];
	language: string;
	interpreterRequired: boolean;
	communicationNeeds: string[];
	nationalDataOptOut: boolean;
	/** PDS sensitive (S) flag: address hidden, never disclose location (handbook 3.2). */
	sensitive: boolean;
	alerts: Alert[];
	allergies: { substance: string; reaction: string }[];
	medications: string[];
	careNeeds: string[];
	deceased: IsoDate | null;
	episodes: Episode[];
	documents: CasenoteDocument[];
	volumes: CasenoteVolume[];
	temporaryFolder: TemporaryFolder | null;
	defects: Defect[];
}

/** A generated trust: small and plain (structured-cloneable); patients are derived on demand. */
export interface Trust {
	generatorVersion: string;
	settings: Required<Omit<TrustSettings, 'defects'>> & { defects: DefectRates };
	seedHash: number;
	organisation: Organisation;
	/** Every injected defect: the answer key scenarios and scoring read. */
	answerKey: Defect[];
	/** Internal: keyed permutations that hand out identifiers and defect slots. */
	keys: { nhs: number; hospital: number; slots: number; nhsDigit: number };
}
