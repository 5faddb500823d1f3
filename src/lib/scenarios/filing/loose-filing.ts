/**
 * Loose filing (family: filing; handbook 1.6-1.7, 2.1-2.2, 2.9). A tray of loose sheets from a generated trust:
 * for each, find the patient's folder, compare the identifiers on the sheet with the folder (and say which ones
 * were compared), then either file it (section, place in the date order, fastened) or set it aside with the
 * reason. A folder may already hold another patient's sheet, which must be moved and reported.
 *
 * Each sheet is two steps: `<id>-check` (which folder, which identifiers, file or set aside) and, when it was
 * rightly filed into the right folder, `<id>-place` (section, position, fastened, misfiles reported). Setup keeps
 * the answer key with the case; judging reads it, never the screen.
 */
import { z } from '$lib/scenarios/zod';
import {
	patientRecord,
	patientSummaries,
	defectsOfKind,
	type PatientSummary,
	type Trust
} from '../../generator';
import type { CasenoteDocument, PatientRecord, TrustSettings } from '../../generator';
import { matchIdentity, parseUkDate, type IdentityField } from '../../domain';
import type { Choice } from '../decisions';
import type { Judgement, ScenarioKind, StepView } from '../kind';
import type { OutcomeId } from '../outcomes';
import { markNeedToKnow, openedSchema, unneededOpens } from '../need-to-know';
import { seededRandom, randomInt, shuffled } from '../prng';
import {
	FILING_RULES,
	IDENTIFIER_LABELS,
	IDENTIFIERS,
	coverName,
	displayDate,
	domainSectionId,
	filingRules,
	printDate,
	printName,
	printNhs,
	ruleRef,
	sectionList,
	trustFor,
	type DateStyle,
	type IdentifierField,
	type NameStyle,
	type NhsStyle
} from './common';
import { insertPosition, orderSheets, positionInOrder } from './order';

export const TRAPS = [
	'dob-mismatch',
	'number-mismatch',
	'missing-identifier',
	'not-on-pas',
	'matches-two',
	'same-name',
	'twins',
	'misfile-in-folder'
] as const;
export type Trap = (typeof TRAPS)[number];

export const SET_ASIDE_REASONS = [
	'dob-mismatch',
	'number-mismatch',
	'name-mismatch',
	'missing-identifier',
	'not-on-pas',
	'matches-two'
] as const;
export type SetAsideReason = (typeof SET_ASIDE_REASONS)[number];

export const REASON_LABELS: Record<SetAsideReason, string> = {
	'dob-mismatch': 'The date of birth does not match the folder',
	'number-mismatch': 'The NHS or hospital number does not match the folder',
	'name-mismatch': 'The name does not match the folder',
	'missing-identifier': 'An identifier is missing from the sheet',
	'not-on-pas': 'No patient with these details is on the system',
	'matches-two': 'The details match more than one patient'
};

export const paramsSchema = z.object({
	sheets: z
		.number({ error: 'must be a number of sheets' })
		.int('must be a whole number')
		.min(2, 'must be at least 2 sheets')
		.max(16, 'must be at most 16 sheets'),
	/** Each trap is put on at least one sheet; the rest of the tray is clean. */
	traps: z.array(z.enum(TRAPS, { error: `must be one of: ${TRAPS.join(', ')}` })),
	/** 'varied' prints identifiers the many ways real paperwork does; 'tidy' uses the wristband style throughout. */
	printing: z.enum(['tidy', 'varied'], { error: 'must be tidy or varied' })
});
export type LooseFilingParams = z.infer<typeof paramsSchema>;

export const answerSchema = z.discriminatedUnion('step', [
	z.object({
		step: z.literal('check'),
		/** Hospital number of the folder chosen, or null when none was chosen. */
		folder: z.string().nullable(),
		checked: z.array(z.enum(IDENTIFIERS)),
		decision: z.enum(['file', 'set-aside']),
		reason: z.enum(SET_ASIDE_REASONS).optional(),
		/** Records opened on the embedded PAS during the step, from its audit trail (handbook 3.5). */
		opened: openedSchema
	}),
	z.object({
		step: z.literal('place'),
		section: z.string(),
		/** 0 = on top of the section (the first sheet you see when you open it). */
		position: z.number().int().min(0),
		fastened: z.boolean(),
		/** Ids of sheets already in the folder that the learner moved out and reported as misfiled. */
		reported: z.array(z.string())
	})
]);
export type LooseFilingAnswer = z.infer<typeof answerSchema>;
export type CheckAnswer = Extract<LooseFilingAnswer, { step: 'check' }>;
export type PlaceAnswer = Extract<LooseFilingAnswer, { step: 'place' }>;

/** A sheet as it looks on paper: only what is printed, in the style it is printed. */
export interface PaperSheet {
	id: string;
	kind: string;
	title: string;
	date: string;
	dateText: string;
	letterhead: string;
	department: string;
	author: string;
	body: string;
	printed: Partial<Record<IdentifierField, string>>;
}

/** A sheet already in a folder, as the folder list shows it. */
export interface FolderSheet {
	id: string;
	title: string;
	date: string;
	dateText: string;
	/** Name and hospital number printed on it, so a misfiled sheet can be spotted. */
	printedName: string;
	printedHospital: string;
}

export interface FolderSection {
	id: string;
	title: string;
	sheets: FolderSheet[];
}

export interface FolderCover {
	hospitalNumber: string;
	name: string;
	dob: string;
	nhs: string | null;
	volume: string;
}

export interface FolderContents {
	cover: FolderCover;
	sections: FolderSection[];
}

/** A patient as feedback names them; the learner finds them on the embedded PAS. */
export interface LookupPatient {
	hospitalNumber: string;
	name: string;
	forenames: string;
	surname: string;
	dob: string;
	dobText: string;
	nhs: string | null;
	nhsText: string | null;
	postcode: string;
	sex: string;
}

export type Truth =
	| { action: 'file'; hospitalNumber: string; section: string; position: number; misfiled: string[] }
	| { action: 'set-aside'; reasons: SetAsideReason[]; aboutHospitalNumber: string | null };

export interface TrayItem {
	sheet: PaperSheet;
	trap: Trap | null;
	truth: Truth;
	/** The owner's folder (the sheet taken out), when the sheet is to be filed. */
	folder: FolderContents | null;
	/** Folders a careless learner would pick: a twin, a same-name patient, the owner of a miskeyed number. */
	decoys: string[];
}

export interface LooseFilingCase {
	trustName: string;
	/** The trust the embedded PAS opens: the same patients the tray was made from. */
	trust: TrustSettings;
	minIdentifiers: number;
	sections: { id: string; title: string }[];
	order: 'newest-first' | 'oldest-first';
	patients: LookupPatient[];
	items: TrayItem[];
}

export interface CheckView {
	step: 'check';
	sheet: PaperSheet;
	/** The trust the embedded PAS opens, and the key its audit trail and tracking are kept under. */
	trust: TrustSettings;
	sessionKey: string;
	minIdentifiers: number;
	reasons: { id: SetAsideReason; label: string }[];
}

export interface PlaceView {
	step: 'place';
	sheet: PaperSheet;
	folder: FolderContents;
	order: 'newest-first' | 'oldest-first';
}

export type LooseFilingView = CheckView | PlaceView;

const OUTCOMES: OutcomeId[] = ['ihrim.loose-filing', 'ihrim.positive-identification', 'ba3.records'];
const CHECK_POINTS = 2;
const PLACE_POINTS = 2;

function lookupPatient(p: PatientSummary): LookupPatient {
	return {
		hospitalNumber: p.hospitalNumber,
		name: coverName(p.forenames, p.surname),
		forenames: p.forenames.join(' '),
		surname: p.surname,
		dob: p.dateOfBirth,
		dobText: displayDate(p.dateOfBirth),
		nhs: p.nhsNumber,
		nhsText: p.nhsNumber ? printNhs(p.nhsNumber, 'spaced') : null,
		postcode: p.postcode,
		sex: p.sex
	};
}

interface Styles {
	date: DateStyle;
	nhs: NhsStyle;
	name: NameStyle;
}

function paperSheet(
	trust: Trust,
	doc: CasenoteDocument,
	id: string,
	styles: Styles,
	omit: IdentifierField[] = []
): PaperSheet {
	const printed: Partial<Record<IdentifierField, string>> = {};
	const p = doc.printed;
	if (!omit.includes('name')) printed.name = printName(p.name, styles.name);
	if (!omit.includes('dob')) printed.dob = printDate(p.dateOfBirth, styles.date);
	if (!omit.includes('nhs') && p.nhsNumber) printed.nhs = printNhs(p.nhsNumber, styles.nhs);
	if (!omit.includes('hospital')) printed.hospital = p.hospitalNumber;
	if (!omit.includes('address') && p.address) printed.address = p.address;
	const fromGp = doc.kind === 'referral letter' && doc.author.includes(',');
	return {
		id,
		kind: doc.kind,
		title: doc.title,
		date: doc.date,
		dateText: printDate(doc.date, styles.date === 'slash' ? 'slash' : 'long'),
		letterhead: fromGp ? doc.author.split(',').slice(1).join(',').trim() : trust.organisation.name,
		department: fromGp ? 'General practice' : doc.kind === 'result' ? 'Pathology and radiology' : doc.title,
		author: fromGp ? doc.author.split(',')[0] : doc.author,
		body: (doc.text.split('\n\n')[1] ?? '').trim(),
		printed
	};
}

const TIDY: Styles = { date: 'wristband', nhs: 'spaced', name: 'wristband' };

function pickStyles(random: () => number, printing: LooseFilingParams['printing']): Styles {
	if (printing === 'tidy') return TIDY;
	const pick = <T>(xs: readonly T[]) => xs[randomInt(random, xs.length)];
	return {
		date: pick(['slash', 'wristband', 'long'] as const),
		nhs: pick(['spaced', 'plain', 'dashed'] as const),
		name: pick(['forenames-first', 'surname-comma', 'wristband'] as const)
	};
}

function currentVolumeDocs(r: PatientRecord): CasenoteDocument[] {
	const current = r.volumes[r.volumes.length - 1].number;
	return r.documents.filter((d) => d.volume === current);
}

function folderSheet(doc: CasenoteDocument): FolderSheet {
	return {
		id: doc.id,
		title: doc.title,
		date: doc.date,
		dateText: displayDate(doc.date),
		printedName: doc.printed.name,
		printedHospital: doc.printed.hospitalNumber
	};
}

/** The folder as it stands on the shelf, with `without` taken out (the loose sheet being filed). */
export function folderContents(
	r: PatientRecord,
	without: string | null,
	order: LooseFilingCase['order']
): FolderContents {
	const docs = currentVolumeDocs(r).filter((d) => d.id !== without);
	const current = r.volumes[r.volumes.length - 1];
	return {
		cover: {
			hospitalNumber: r.hospitalNumber,
			name: coverName(r.forenames, r.surname),
			dob: displayDate(r.dateOfBirth),
			nhs: r.nhsNumber ? printNhs(r.nhsNumber, 'spaced') : null,
			volume: `Volume ${current.number} of ${current.of}`
		},
		sections: sectionList().map((s) => ({
			id: s.id,
			title: s.title,
			sheets: orderSheets(docs.filter((d) => domainSectionId(d.section) === s.id).map(folderSheet), order)
		}))
	};
}

interface Builder {
	trust: Trust;
	random: () => number;
	params: LooseFilingParams;
	order: LooseFilingCase['order'];
	used: Set<number>;
	hospitalNumbers: Set<string>;
	nhsNumbers: Set<string>;
}

function take<T>(b: Builder, xs: T[], ok: (x: T) => boolean): T {
	for (const x of shuffled(b.random, xs)) if (ok(x)) return x;
	throw new RangeError(
		'The trust has too few patients with this defect for the tray: raise its defect rate or size in the definition.'
	);
}

/** A patient with no defect and enough sheets in the current volume that the date order matters. */
function cleanPatient(b: Builder): PatientRecord {
	for (let tries = 0; tries < 400; tries++) {
		const i = randomInt(b.random, b.trust.settings.patients);
		if (b.used.has(i)) continue;
		const r = patientRecord(b.trust, i);
		if (r.defects.length || r.deceased || r.temporaryFolder) continue;
		const docs = currentVolumeDocs(r).filter((d) => d.section !== 'front');
		if (docs.length < 3) continue;
		b.used.add(i);
		return r;
	}
	throw new RangeError('Could not find enough patients with notes in this trust: make the trust larger.');
}

function ownDocs(r: PatientRecord, exclude: string[] = []): CasenoteDocument[] {
	return currentVolumeDocs(r).filter(
		(d) => d.aboutPatient === r.index && d.section !== 'front' && !exclude.includes(d.id)
	);
}

/** A sheet from the patient's own notes to take out and file again, preferring a section with company. */
function looseDocOf(b: Builder, r: PatientRecord, exclude: string[] = []): CasenoteDocument {
	const docs = ownDocs(r, exclude);
	const crowded = docs.filter((d) => docs.filter((x) => x.section === d.section).length >= 3);
	const pool = crowded.length ? crowded : docs;
	return pool[randomInt(b.random, pool.length)];
}

function fileItem(
	b: Builder,
	r: PatientRecord,
	doc: CasenoteDocument,
	id: string,
	trap: Trap | null,
	decoys: string[] = [],
	misfiled: string[] = []
): TrayItem {
	const folder = folderContents(r, doc.id, b.order);
	const section = domainSectionId(doc.section);
	const sheets = folder.sections.find((s) => s.id === section)!.sheets;
	return {
		sheet: paperSheet(b.trust, doc, id, pickStyles(b.random, b.params.printing)),
		trap,
		truth: {
			action: 'file',
			hospitalNumber: r.hospitalNumber,
			section,
			position: insertPosition(sheets, doc.date, b.order),
			misfiled
		},
		folder,
		decoys
	};
}

function setAsideItem(
	b: Builder,
	doc: CasenoteDocument,
	id: string,
	trap: Trap,
	reasons: SetAsideReason[],
	about: string | null,
	omit: IdentifierField[] = [],
	decoys: string[] = []
): TrayItem {
	return {
		sheet: paperSheet(b.trust, doc, id, pickStyles(b.random, b.params.printing), omit),
		trap,
		truth: { action: 'set-aside', reasons, aboutHospitalNumber: about },
		folder: null,
		decoys
	};
}

function pairOf(b: Builder, kind: 'same-name-dob' | 'twins'): [PatientRecord, PatientRecord] {
	const d = take(
		b,
		defectsOfKind(b.trust, kind),
		(x) =>
			x.patients.every((p) => !b.used.has(p)) && ownDocs(patientRecord(b.trust, x.patients[1])).length > 0
	);
	d.patients.forEach((p) => b.used.add(p));
	return [patientRecord(b.trust, d.patients[0]), patientRecord(b.trust, d.patients[1])];
}

function buildTrapItem(b: Builder, trap: Trap, id: string): TrayItem {
	switch (trap) {
		case 'misfile-in-folder': {
			const d = take(b, defectsOfKind(b.trust, 'misfiled-document'), (x) => {
				if (x.patients.some((p) => b.used.has(p))) return false;
				const r = patientRecord(b.trust, x.patients[0]);
				return (
					currentVolumeDocs(r).some((doc) => doc.id === x.documentId) &&
					ownDocs(r, [x.documentId!]).length > 0
				);
			});
			d.patients.forEach((p) => b.used.add(p));
			const r = patientRecord(b.trust, d.patients[0]);
			const doc = looseDocOf(b, r, [d.documentId!]);
			return fileItem(b, r, doc, id, trap, [], [d.documentId!]);
		}
		case 'dob-mismatch':
		case 'number-mismatch': {
			const kind = trap === 'dob-mismatch' ? 'dob-day-month-swap' : 'transposed-number-on-document';
			const d = take(b, defectsOfKind(b.trust, kind), (x) => !b.used.has(x.patients[0]));
			b.used.add(d.patients[0]);
			const r = patientRecord(b.trust, d.patients[0]);
			const doc = r.documents.find((x) => x.id === d.documentId)!;
			const decoys: string[] = [];
			if (d.field === 'hospitalNumber' && b.hospitalNumbers.has(d.printed!)) decoys.push(d.printed!);
			return setAsideItem(b, doc, id, trap, [trap], r.hospitalNumber, [], decoys);
		}
		case 'missing-identifier': {
			const r = cleanPatient(b);
			return setAsideItem(b, looseDocOf(b, r), id, trap, ['missing-identifier'], r.hospitalNumber, [
				'nhs',
				'hospital'
			]);
		}
		case 'not-on-pas': {
			const elsewhere = trustFor(
				{ trust: { seed: b.trust.seedHash, size: 50, defects: {} } },
				b.trust.seedHash % 1000,
				b.trust.settings.today
			);
			for (let i = 0; i < 50; i++) {
				const r = patientRecord(elsewhere, i);
				if (b.hospitalNumbers.has(r.hospitalNumber)) continue;
				if (r.nhsNumber && b.nhsNumbers.has(r.nhsNumber)) continue;
				const docs = r.documents.filter((d) => d.section !== 'front');
				if (!docs.length) continue;
				const doc = docs[randomInt(b.random, docs.length)];
				return setAsideItem(b, doc, id, trap, ['not-on-pas'], null);
			}
			throw new RangeError('Could not make a sheet for a patient from outside the trust.');
		}
		case 'matches-two': {
			const [a, other] = pairOf(b, 'same-name-dob');
			const doc = looseDocOf(b, other);
			return setAsideItem(
				b,
				doc,
				id,
				trap,
				['matches-two', 'missing-identifier'],
				other.hospitalNumber,
				['nhs', 'hospital'],
				[a.hospitalNumber, other.hospitalNumber]
			);
		}
		case 'same-name':
		case 'twins': {
			const [a, other] = pairOf(b, trap === 'twins' ? 'twins' : 'same-name-dob');
			return fileItem(b, other, looseDocOf(b, other), id, trap, [a.hospitalNumber]);
		}
	}
}

/** Builds the tray for a definition and seed. Pure: the same inputs give the same tray. */
export function buildLooseFilingCase(params: LooseFilingParams, trust: Trust, seed: number): LooseFilingCase {
	const rules = filingRules();
	const summaries = patientSummaries(trust);
	const b: Builder = {
		trust,
		random: seededRandom(seed),
		params,
		order: rules.withinSectionOrder,
		used: new Set(),
		hospitalNumbers: new Set(summaries.map((s) => s.hospitalNumber)),
		nhsNumbers: new Set(summaries.flatMap((s) => (s.nhsNumber ? [s.nhsNumber] : [])))
	};
	const traps = [...new Set(params.traps)].slice(0, params.sheets);
	const plan: (Trap | null)[] = shuffled(b.random, [
		...traps,
		...Array<null>(params.sheets - traps.length).fill(null)
	]);
	const items = plan.map((trap, k) => {
		const id = `sheet-${k + 1}`;
		if (trap) return buildTrapItem(b, trap, id);
		const r = cleanPatient(b);
		return fileItem(b, r, looseDocOf(b, r), id, null);
	});
	return {
		trustName: trust.organisation.name,
		trust: trust.settings,
		minIdentifiers: rules.minIdentifiers,
		sections: sectionList(rules),
		order: rules.withinSectionOrder,
		patients: summaries.map(lookupPatient),
		items
	};
}

// ---- judging ----

function itemOf(c: LooseFilingCase, stepId: string): { item: TrayItem; k: number; phase: 'check' | 'place' } {
	const m = /^(sheet-\d+)-(check|place)$/.exec(stepId);
	const k = m ? c.items.findIndex((i) => i.sheet.id === m[1]) : -1;
	if (!m || k < 0) throw new RangeError(`No step ${stepId} in this tray`);
	return { item: c.items[k], k, phase: m[2] as 'check' | 'place' };
}

const stepsOf = (i: TrayItem) => (i.truth.action === 'file' ? 2 : 1);

function patientLabel(c: LooseFilingCase, hn: string | null): string {
	if (!hn) return 'no folder';
	const p = c.patients.find((x) => x.hospitalNumber === hn);
	return p ? `${p.name} (${hn})` : hn;
}

/** Identifiers printed on the sheet that the folder cover also shows: the ones that can be compared. */
export function comparable(item: TrayItem): IdentifierField[] {
	return (['name', 'dob', 'nhs', 'hospital'] as const).filter((f) => item.sheet.printed[f] !== undefined);
}

function listFields(fields: readonly IdentifierField[]): string {
	const names = fields.map((f) =>
		IDENTIFIER_LABELS[f].replace(/^(Full|Date|Hospital|Address)/, (w) => w.toLowerCase())
	);
	if (names.length <= 1) return names[0] ?? 'nothing';
	return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function checkResponse(c: LooseFilingCase, a: CheckAnswer): { value: string; text: string } {
	if (a.decision === 'set-aside') {
		const why = a.reason ? REASON_LABELS[a.reason] : 'no reason given';
		return { value: `set-aside:${a.reason ?? 'none'}`, text: `Set aside: ${why}` };
	}
	return {
		value: `file:${a.folder ?? 'none'}:${[...a.checked].sort().join('+')}`,
		text: `Filed in ${patientLabel(c, a.folder)} after checking ${listFields(a.checked)}`
	};
}

const TRAP_RULE: Record<Trap, Parameters<typeof ruleRef>[0]> = {
	'dob-mismatch': 'ppi.dob-transposition',
	'number-mismatch': 'ppi.number-keying',
	'missing-identifier': 'ppi.three-identifiers',
	'not-on-pas': 'ppi.exact-match',
	'matches-two': 'ppi.same-name',
	'same-name': 'ppi.same-name',
	twins: 'ppi.twins',
	'misfile-in-folder': 'ppi.exact-match'
};

const FIELD_WORDS: Record<IdentityField, string> = {
	name: 'full name',
	dateOfBirth: 'date of birth',
	nhsNumber: 'NHS number',
	hospitalNumber: 'hospital number',
	postcode: 'postcode'
};

const words = (fields: readonly string[]) =>
	fields.length <= 1
		? (fields[0] ?? '')
		: `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`;

/**
 * The domain's identity check of the sheet against a folder (handbook 1.6, 1.7, 2.2): the identifiers printed on
 * the sheet compared with the patient's, exact names only (filing takes no alias as a match). Null when the folder
 * is not one of the trust's patients.
 */
export function sheetAgainstFolder(c: LooseFilingCase, sheet: PaperSheet, hospitalNumber: string | null) {
	const p = hospitalNumber ? c.patients.find((x) => x.hospitalNumber === hospitalNumber) : undefined;
	if (!p) return null;
	return matchIdentity(
		{
			name: sheet.printed.name,
			dateOfBirth: sheet.printed.dob,
			nhsNumber: sheet.printed.nhs,
			hospitalNumber: sheet.printed.hospital
		},
		{
			surname: p.surname,
			forenames: p.forenames,
			dateOfBirth: p.dob,
			nhsNumber: p.nhs ?? undefined,
			hospitalNumber: p.hospitalNumber
		},
		{ acceptAliases: false },
		filingRules()
	);
}

/** "Compared with that folder, the date of birth does not match." — what the learner should have seen. */
function comparisonWords(c: LooseFilingCase, sheet: PaperSheet, hospitalNumber: string | null): string {
	const m = sheetAgainstFolder(c, sheet, hospitalNumber);
	if (!m) return '';
	if (m.conflicts.length)
		return ` Compared with that folder, the ${words(m.conflicts.map((f) => FIELD_WORDS[f]))} on the sheet ${m.conflicts.length === 1 ? 'does' : 'do'} not match.`;
	if (m.outcome === 'insufficient')
		return ` The sheet matches that folder on ${m.matched.length ? `only the ${words(m.matched.map((f) => FIELD_WORDS[f]))}` : 'nothing you can rely on'}: not enough to file (handbook 1.6).`;
	return '';
}

/**
 * Patients the learner may open while identifying the sheet's owner: anyone sharing its surname, date of birth or
 * a number (the candidates a search shows), plus the look-alikes the tray planted (handbook 1.7). Opening anyone
 * else is outside the filing task (handbook 3.5).
 */
function candidatesFor(c: LooseFilingCase, item: TrayItem): string[] {
	const nameWords = new Set((item.sheet.printed.name ?? '').toLowerCase().split(/[\s,]+/));
	const dob = parseUkDate(item.sheet.printed.dob);
	const nhs = (item.sheet.printed.nhs ?? '').replace(/\D/g, '');
	const out = new Set(item.decoys);
	const t = item.truth;
	const owner = t.action === 'file' ? t.hospitalNumber : t.aboutHospitalNumber;
	if (owner) out.add(owner);
	for (const p of c.patients) {
		const sameSurname = p.surname
			.toLowerCase()
			.split(/\s+/)
			.every((w) => nameWords.has(w));
		if (
			sameSurname ||
			p.dob === dob ||
			(nhs && p.nhs === nhs) ||
			p.hospitalNumber === item.sheet.printed.hospital
		)
			out.add(p.hospitalNumber);
	}
	return [...out];
}

/** Judges the check step, then the learner's PAS audit trail for records the task did not need (handbook 3.5). */
function judgeCheck(c: LooseFilingCase, item: TrayItem, a: CheckAnswer): Judgement {
	const j = judgeIdentity(c, item, a);
	return markNeedToKnow(j, unneededOpens(a.opened, candidatesFor(c, item)), (hn) => patientLabel(c, hn));
}

function judgeIdentity(c: LooseFilingCase, item: TrayItem, a: CheckAnswer): Judgement {
	const response = checkResponse(c, a);
	const base = { response, maxPoints: CHECK_POINTS, outcomes: OUTCOMES };
	const t = item.truth;
	const sheet = `the ${item.sheet.title.toLowerCase()} dated ${displayDate(item.sheet.date)}`;
	if (t.action === 'file') {
		const correct = {
			values: [`file:${t.hospitalNumber}`],
			text: `File it in ${patientLabel(c, t.hospitalNumber)} after comparing ${listFields(comparable(item))} with the folder`
		};
		const rule = ruleRef(item.trap ? TRAP_RULE[item.trap] : 'ppi.three-identifiers');
		if (a.decision === 'set-aside') {
			return {
				...base,
				correct,
				rule,
				outcome: 'minor',
				explanation: `Every identifier on ${sheet} matches ${patientLabel(c, t.hospitalNumber)}, so it should have been filed. Setting aside a good sheet delays it reaching the notes (handbook 2.2).`
			};
		}
		if (a.folder !== t.hospitalNumber) {
			return {
				...base,
				correct,
				rule,
				outcome: 'critical',
				explanation: `${sheet[0].toUpperCase()}${sheet.slice(1)} belongs to ${patientLabel(c, t.hospitalNumber)}, not ${patientLabel(c, a.folder)}.${comparisonWords(c, item.sheet, a.folder)} Filing in the wrong patient's notes is a clinical risk and a confidentiality breach (handbook 2.9).`
			};
		}
		const checked = comparable(item).filter((f) => a.checked.includes(f));
		const hasNumber = checked.includes('nhs') || checked.includes('hospital');
		const enough = checked.length >= c.minIdentifiers && hasNumber;
		return {
			...base,
			correct,
			rule: ruleRef('ppi.three-identifiers'),
			outcome: enough ? 'correct' : 'minor',
			explanation: enough
				? `Right folder, and you compared ${listFields(checked)} (handbook 1.6, 2.2).`
				: `Right folder, but you recorded comparing only ${listFields(checked)}. Compare at least ${c.minIdentifiers} identifiers, including a number, on every sheet before filing it (handbook 1.6, 2.2).`
		};
	}
	const rule = item.trap ? ruleRef(TRAP_RULE[item.trap]) : FILING_RULES.setAside;
	const correct = {
		values: t.reasons.map((r) => `set-aside:${r}`),
		text: `Set it aside and return it to the sender or supervisor: ${REASON_LABELS[t.reasons[0]].toLowerCase()}`
	};
	const why = setAsideWhy(c, item);
	if (a.decision === 'set-aside') {
		const right = a.reason !== undefined && t.reasons.includes(a.reason);
		return {
			...base,
			correct,
			rule,
			outcome: right ? 'correct' : 'minor',
			explanation: right
				? `Right: ${why} (handbook 2.2).`
				: `Right not to file it, but the reason given does not say what is wrong, so the sender cannot fix it: ${why} (handbook 2.2).`
		};
	}
	const sameOwner = a.folder !== null && a.folder === t.aboutHospitalNumber;
	return {
		...base,
		correct,
		rule,
		outcome: sameOwner ? 'major' : 'critical',
		explanation: sameOwner
			? `${why}.${comparisonWords(c, item.sheet, a.folder)} It may well be this patient's, but a sheet whose identifiers do not all match is never filed as a "nearest match": set it aside until the sender confirms (handbook 2.2).`
			: `${why}.${comparisonWords(c, item.sheet, a.folder)} Filing it put it in notes it may not belong to: a clinical risk and a confidentiality breach (handbook 2.2, 2.9).`
	};
}

function setAsideWhy(c: LooseFilingCase, item: TrayItem): string {
	const t = item.truth as Extract<Truth, { action: 'set-aside' }>;
	const owner = t.aboutHospitalNumber
		? c.patients.find((p) => p.hospitalNumber === t.aboutHospitalNumber)
		: null;
	switch (item.trap) {
		case 'dob-mismatch':
			return `the sheet gives the date of birth as ${item.sheet.printed.dob} but the folder and PAS say ${owner?.dobText}; day and month may be swapped, and only the sender can say which is right`;
		case 'number-mismatch':
			return `the number on the sheet does not match ${owner?.name}'s folder (two digits look swapped), so it may belong to someone else`;
		case 'missing-identifier':
			return 'the sheet has a name and date of birth but no NHS or hospital number, so it cannot be matched on three identifiers';
		case 'not-on-pas':
			return 'nobody with these details is registered at this trust, so there is no folder to file it in';
		case 'matches-two':
			return 'the name and date of birth match two different patients, and the sheet has no number to tell them apart';
		default:
			return REASON_LABELS[t.reasons[0]].toLowerCase();
	}
}

/** "Correspondence, newest on top: 1. … ← this sheet" — the section as it should have been. */
export function sectionAsItShouldBe(c: LooseFilingCase, item: TrayItem): string {
	const t = item.truth as Extract<Truth, { action: 'file' }>;
	const section = item.folder!.sections.find((s) => s.id === t.section)!;
	const rows = section.sheets.map((s) => `${s.title}, ${s.dateText}`);
	rows.splice(t.position, 0, `${item.sheet.title}, ${displayDate(item.sheet.date)} (this sheet)`);
	const orderText = c.order === 'newest-first' ? 'newest on top' : 'oldest on top';
	return `${section.title}, ${orderText}: ${rows.map((r, i) => `${i + 1}. ${r}`).join('; ')}`;
}

function judgePlace(c: LooseFilingCase, item: TrayItem, a: PlaceAnswer): Judgement {
	const t = item.truth as Extract<Truth, { action: 'file' }>;
	const folder = item.folder!;
	const sectionTitle = (id: string) => c.sections.find((s) => s.id === id)?.title ?? id;
	const response = {
		value: `${a.section}:${a.position}:${a.fastened ? 'fastened' : 'loose'}:${[...a.reported].sort().join('+')}`,
		text: `${sectionTitle(a.section)}, position ${a.position + 1}${a.fastened ? ', fastened on the prongs' : ', left in the pocket'}${a.reported.length ? `, ${a.reported.length} sheet(s) reported as misfiled` : ''}`
	};
	const correct = {
		values: [`${t.section}:${t.position}:fastened:${[...t.misfiled].sort().join('+')}`],
		text: `${sectionAsItShouldBe(c, item)}. Fastened on the prongs.${t.misfiled.length ? ' The other patient’s sheet moved out and reported as an incident.' : ''}`
	};
	const base = { response, correct, maxPoints: PLACE_POINTS, outcomes: OUTCOMES };
	const notes: string[] = [];
	const missed = t.misfiled.filter((id) => !a.reported.includes(id));
	const wrongReports = a.reported.filter((id) => !t.misfiled.includes(id));
	if (a.section !== t.section) {
		return {
			...base,
			rule: ruleRef('filing.sections'),
			outcome: 'major',
			explanation: `A ${item.sheet.kind} belongs in ${sectionTitle(t.section)}, not ${sectionTitle(a.section)}: a sheet in the wrong section is as good as lost to the clinician looking for it (handbook 2.1).${missed.length ? ' The folder also held another patient’s sheet that was not reported (handbook 2.9).' : ''}`
		};
	}
	if (missed.length) {
		const other = folder.sections.flatMap((s) => s.sheets).find((s) => s.id === missed[0])!;
		return {
			...base,
			rule: FILING_RULES.misfile,
			outcome: 'major',
			explanation: `The folder held a ${other.title.toLowerCase()} for ${other.printedName} (${other.printedHospital}), another patient. It should have been moved to the right notes and reported as an incident (handbook 2.2, 2.9).`
		};
	}
	const sheets = folder.sections.find((x) => x.id === t.section)!.sheets;
	const inOrder = positionInOrder(sheets, item.sheet.date, a.position, c.order);
	let slips = 0;
	if (!inOrder) {
		slips++;
		notes.push(
			`It was out of date order: ${c.order === 'newest-first' ? 'the newest sheet goes on top' : 'the oldest sheet goes on top'} (handbook 2.1).`
		);
	}
	if (!a.fastened) {
		slips++;
		notes.push('It was left loose in the pocket: fasten every sheet on the prongs (handbook 2.1).');
	}
	if (wrongReports.length) {
		slips++;
		notes.push(
			'A sheet that belongs to this patient was reported as misfiled: compare its identifiers before moving it (handbook 2.2).'
		);
	}
	const outcome = slips === 0 ? 'correct' : slips === 1 ? 'minor' : 'major';
	const rule = !a.fastened
		? FILING_RULES.fasten
		: !inOrder
			? ruleRef('filing.within-section')
			: t.misfiled.length || wrongReports.length
				? FILING_RULES.misfile
				: ruleRef('filing.within-section');
	return {
		...base,
		rule,
		outcome,
		explanation:
			slips === 0
				? `Right section, right place in the date order, fastened${t.misfiled.length ? ', and the other patient’s sheet moved and reported' : ''} (handbook 2.1, 2.2).`
				: notes.join(' ')
	};
}

function choicesFor(c: LooseFilingCase, phase: 'check' | 'place'): Choice[] {
	if (phase === 'place') return c.sections.map((s) => ({ id: s.id, label: s.title }));
	return [
		{ id: 'file', label: 'File it in the chosen folder' },
		...SET_ASIDE_REASONS.map((r) => ({ id: `set-aside:${r}`, label: `Set aside: ${REASON_LABELS[r]}` }))
	];
}

export const looseFiling: ScenarioKind<
	LooseFilingParams,
	LooseFilingCase,
	LooseFilingAnswer,
	LooseFilingView
> = {
	kind: 'loose-filing',
	family: 'filing',
	machineVersion: 1,
	paramsSchema,
	answerSchema,
	setup: (definition, seed, today) =>
		buildLooseFilingCase(definition.params, trustFor(definition, seed, today), seed),
	firstStep: (c) => `${c.items[0].sheet.id}-check`,
	view(c, stepId): StepView<LooseFilingView> {
		const { item, k, phase } = itemOf(c, stepId);
		const index = c.items.slice(0, k).reduce((n, i) => n + stepsOf(i), 0) + (phase === 'place' ? 1 : 0);
		const total = c.items.reduce((n, i) => n + stepsOf(i), 0);
		const s = item.sheet;
		if (phase === 'check') {
			return {
				id: stepId,
				index,
				total,
				prompt: `Sheet ${k + 1} of ${c.items.length}: ${s.title}, dated ${s.dateText}. Find the patient's folder, compare the identifiers, then file it or set it aside.`,
				choices: choicesFor(c, 'check'),
				data: {
					step: 'check',
					sheet: s,
					trust: c.trust,
					sessionKey: `loose-filing-${String(c.trust.seed)}`,
					minIdentifiers: c.minIdentifiers,
					reasons: SET_ASIDE_REASONS.map((r) => ({ id: r, label: REASON_LABELS[r] }))
				}
			};
		}
		return {
			id: stepId,
			index,
			total,
			prompt: `Sheet ${k + 1} of ${c.items.length}: put the ${s.title.toLowerCase()} in the right section and date order of ${item.folder!.cover.name}'s folder, and fasten it.`,
			choices: choicesFor(c, 'place'),
			data: { step: 'place', sheet: s, folder: item.folder!, order: c.order }
		};
	},
	judge(c, stepId, answer): Judgement {
		const { item, phase } = itemOf(c, stepId);
		if (phase === 'check' && answer.step === 'check') return judgeCheck(c, item, answer);
		if (phase === 'place' && answer.step === 'place') return judgePlace(c, item, answer);
		throw new RangeError(`A ${answer.step} answer does not fit step ${stepId}`);
	},
	next(c, stepId, answer) {
		const { item, k, phase } = itemOf(c, stepId);
		if (
			phase === 'check' &&
			answer.step === 'check' &&
			answer.decision === 'file' &&
			item.truth.action === 'file' &&
			answer.folder === item.truth.hospitalNumber
		)
			return `${item.sheet.id}-place`;
		return k + 1 < c.items.length ? `${c.items[k + 1].sheet.id}-check` : null;
	},
	hint(c, stepId) {
		const { item, phase } = itemOf(c, stepId);
		if (phase === 'place') {
			const t = item.truth as Extract<Truth, { action: 'file' }>;
			const title = c.sections.find((s) => s.id === t.section)?.title;
			return `A ${item.sheet.kind} goes in ${title}. Within a section sheets are in date order, ${c.order === 'newest-first' ? 'newest on top' : 'oldest on top'}. Look through the other sheets too: are they all for this patient? (handbook 2.1, 2.2)`;
		}
		const byTrap: Partial<Record<Trap, string>> = {
			twins:
				'Twins share a surname, date of birth and address: compare the first name and the NHS number too (handbook 1.7).',
			'same-name':
				'Search by name can find more than one patient: use the number on the sheet to tell them apart (handbook 1.7).',
			'matches-two':
				'Search by the name and look at how many patients come back. Is there a number on the sheet to tell them apart? (handbook 1.7)',
			'dob-mismatch':
				'Compare the date of birth digit by digit, and think about day and month the other way round (handbook 1.7).',
			'number-mismatch': 'Compare each number on the sheet with the folder digit by digit (handbook 1.7).',
			'missing-identifier': `A sheet needs at least ${c.minIdentifiers} identifiers including a number before it can be filed (handbook 2.2).`,
			'not-on-pas': 'Search by number and by name: is this patient registered here at all? (handbook 2.2)'
		};
		return (
			(item.trap && byTrap[item.trap]) ??
			`Search for the patient, then compare the full name, date of birth and a number on the sheet with the folder cover, and tick each one you compared (handbook 1.6, 2.2).`
		);
	},
	possiblePoints: (c) =>
		c.items.reduce((n, i) => n + CHECK_POINTS + (i.truth.action === 'file' ? PLACE_POINTS : 0), 0),
	answerOptions(c, stepId): LooseFilingAnswer[] {
		const { item, phase } = itemOf(c, stepId);
		const t = item.truth;
		if (phase === 'check') {
			const all = comparable(item);
			const right = t.action === 'file' ? t.hospitalNumber : t.aboutHospitalNumber;
			const options: LooseFilingAnswer[] = [
				{ step: 'check', folder: right, checked: all, decision: 'file' },
				{ step: 'check', folder: right, checked: ['name'], decision: 'file' },
				{ step: 'check', folder: null, checked: [], decision: 'set-aside', reason: 'name-mismatch' }
			];
			if (t.action === 'set-aside')
				options.push({
					step: 'check',
					folder: null,
					checked: all,
					decision: 'set-aside',
					reason: t.reasons[0]
				});
			for (const d of item.decoys.filter((x) => x !== right))
				options.push({ step: 'check', folder: d, checked: all, decision: 'file' });
			return options;
		}
		if (t.action !== 'file') return [];
		const other = c.sections.find((s) => s.id !== t.section)!.id;
		return [
			{ step: 'place', section: t.section, position: t.position, fastened: true, reported: t.misfiled },
			{ step: 'place', section: other, position: 0, fastened: true, reported: t.misfiled },
			{ step: 'place', section: t.section, position: t.position + 1, fastened: false, reported: [] }
		];
	}
};
