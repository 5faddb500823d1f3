/**
 * Deliberate defects (issue 4; handbook 1.7, 2.8, 2.9, 3.3). Each case is a pure function of (trust, kind, case
 * number), so the answer key can be built without generating the patients' full records, and a record rebuilt
 * on demand shows exactly the defect the answer key describes.
 */
import { coreFacts, layoutOf, PAIR_KINDS, parseTodayCached, unpermuteSlot, type CoreFacts } from './core';
import { daysOf, displayDate, isoDate } from './dates';
import { GROUPS, SURNAMES_ENGLAND_WALES } from './data/names';
import { TOWNS } from './data/places';
import { makeAddress } from './core';
import { transposeDigits } from './identifiers';
import { clinicLocation, libraryLocation, secretaryLocation, wardLocation } from './locations';
import { derive, STREAM } from './random';
import type { Defect, DefectKind, DefectRates, TrackedLocation, Trust } from './types';

/** Default rates: share of patients affected. Roughly what a busy trust's data-quality reports find. */
export const DEFAULT_DEFECT_RATES: DefectRates = {
	'duplicate-registration': 0.01,
	'same-name-dob': 0.004,
	twins: 0.01,
	'dob-day-month-swap': 0.004,
	'transposed-number-on-document': 0.01,
	'changed-name': 0.01,
	'misfiled-document': 0.01,
	'tracking-mismatch': 0.02,
	'out-of-date-address': 0.02,
	'missing-volume': 0.005
};

const ABBREV: Record<DefectKind, string> = {
	'duplicate-registration': 'DUP',
	'same-name-dob': 'SND',
	twins: 'TWN',
	'dob-day-month-swap': 'DOB',
	'transposed-number-on-document': 'TRN',
	'changed-name': 'CHN',
	'misfiled-document': 'MIS',
	'tracking-mismatch': 'TRK',
	'out-of-date-address': 'ADR',
	'missing-volume': 'VOL'
};

export interface DefectDetail extends Defect {
	/** The date of the defect document, or of the event (e.g. when notes went missing). */
	date: string;
	/** For tracking defects: where PAS says the current volume is, and where it really is (null: nobody knows). */
	tracked?: TrackedLocation;
	actual?: TrackedLocation | null;
	/** For changed-name: the earlier surname and when it changed. */
	previousSurname?: string;
	changedOn?: string;
	/** For out-of-date-address: the new address lines, town and postcode. */
	newAddress?: { lines: string[]; town: string; postcode: string; from: string };
}

const fullName = (c: CoreFacts) => `${c.forenames.join(' ')} ${c.surname}`;
const who = (c: CoreFacts) => `${fullName(c)} (${c.hospitalNumber})`;

/** Builds case `caseNo` of `kind`. */
export function buildDefect(trust: Trust, kind: DefectKind, caseNo: number): DefectDetail {
	const r = layoutOf(trust).find((x) => x.kind === kind)!;
	const pair = PAIR_KINDS.includes(kind);
	const first = unpermuteSlot(trust, r.start + (pair ? caseNo * 2 : caseNo));
	const a = coreFacts(trust, first);
	const b = pair ? coreFacts(trust, unpermuteSlot(trust, r.start + caseNo * 2 + 1), a) : null;
	const id = `D-${ABBREV[kind]}-${String(caseNo + 1).padStart(5, '0')}`;
	const rng = derive(trust.seedHash, caseNo * 16 + Object.keys(ABBREV).indexOf(kind), STREAM.defect + 100);
	const today = parseTodayCached(trust.settings.today);
	const end = Math.min(today, a.deceased ?? today);
	const date = isoDate(Math.max(a.dob + 1, end - rng.int(1, 120)));
	const org = trust.organisation;
	const patients = b ? [a.index, b.index] : [a.index];
	switch (kind) {
		case 'duplicate-registration':
			return {
				id,
				kind,
				date,
				patients,
				description: `${who(a)} is registered twice: ${b!.hospitalNumber} is the same person (handbook 3.3).`
			};
		case 'same-name-dob':
			return {
				id,
				kind,
				date,
				patients,
				description: `${who(a)} and ${who(b!)} are different people with the same name and date of birth (handbook 1.7).`
			};
		case 'twins':
			return {
				id,
				kind,
				date,
				patients,
				description: `${who(a)} and ${who(b!)} are twins: same surname, date of birth and address (handbook 1.7).`
			};
		case 'misfiled-document':
			return {
				id,
				kind,
				date,
				patients,
				documentId: `${id}-DOC`,
				description: `A result for ${who(b!)} is filed in the notes of ${who(a)} (handbook 2.9).`
			};
		case 'dob-day-month-swap':
			return {
				id,
				kind,
				date,
				patients,
				documentId: `${id}-DOC`,
				printed: isoDate(a.pasDob),
				correct: isoDate(a.dob),
				description: `PAS holds ${who(a)}'s date of birth as ${displayDate(isoDate(a.pasDob))}, but the GP letter gives ${displayDate(isoDate(a.dob))}: day and month swapped (handbook 1.7).`
			};
		case 'transposed-number-on-document': {
			let field: 'hospitalNumber' | 'nhsNumber' =
				rng.chance(0.6) || !a.nhsNumber ? 'hospitalNumber' : 'nhsNumber';
			let correct = field === 'hospitalNumber' ? a.hospitalNumber : a.nhsNumber!;
			let printed = transposeDigits(correct, rng.int(0, 8));
			if (printed === correct && field === 'hospitalNumber' && a.nhsNumber) {
				field = 'nhsNumber';
				correct = a.nhsNumber;
				printed = transposeDigits(correct, rng.int(0, 8));
			}
			return {
				id,
				kind,
				date,
				patients,
				documentId: `${id}-DOC`,
				field,
				printed,
				correct,
				description: `A letter in ${who(a)}'s notes shows the ${field === 'hospitalNumber' ? 'hospital' : 'NHS'} number as ${printed} instead of ${correct}: two digits transposed (handbook 1.7).`
			};
		}
		case 'changed-name': {
			const previousSurname =
				a.heritage === 'english-welsh-era'
					? rng.pick(SURNAMES_ENGLAND_WALES)
					: rng.pick(GROUPS[a.heritage].surnames);
			const old =
				previousSurname === a.surname
					? `${previousSurname}-${rng.pick(SURNAMES_ENGLAND_WALES)}`
					: previousSurname;
			const changedOn = isoDate(Math.max(a.dob + 1, daysOf(date) - rng.int(200, 2000)));
			return {
				id,
				kind,
				date,
				patients,
				documentId: `${id}-DOC`,
				printed: `${a.forenames.join(' ')} ${old}`,
				correct: fullName(a),
				previousSurname: old,
				changedOn: changedOn < date ? changedOn : isoDate(a.dob + 1),
				description: `A letter for ${who(a)} uses the previous surname ${old}; search previous names and aliases (handbook 1.7, 3.1).`
			};
		}
		case 'out-of-date-address': {
			const town = rng.pick(TOWNS);
			const addr = makeAddress(rng, town);
			const from = isoDate(Math.max(a.addressFrom + 1, daysOf(date) - rng.int(10, 90)));
			const newAddress = { ...addr, town: town.name, from: from < date ? from : date };
			return {
				id,
				kind,
				date,
				patients,
				documentId: `${id}-DOC`,
				printed: `${a.addressLines.join(', ')}, ${a.town.name} ${a.postcode}`,
				correct: `${addr.lines.join(', ')}, ${town.name} ${addr.postcode}`,
				newAddress,
				description: `${who(a)} has moved: the GP letter gives a new address, but PAS still holds the old one (handbook 3.2).`
			};
		}
		case 'tracking-mismatch': {
			const clinic = rng.pick(org.clinics);
			const tracked = rng.chance(0.5) ? libraryLocation(org, a.hospitalNumber) : clinicLocation(org, clinic);
			const actual =
				tracked.kind === 'library'
					? secretaryLocation(rng.pick(org.staff.filter((s) => s.role === 'Medical secretary')))
					: wardLocation(org, rng.pick(org.wards));
			return {
				id,
				kind,
				date,
				patients,
				tracked,
				actual,
				description: `${who(a)}'s current volume is tracked to ${tracked.label} but is really at ${actual.label} (handbook 2.5).`
			};
		}
		case 'missing-volume': {
			const tracked = clinicLocation(org, rng.pick(org.clinics));
			return {
				id,
				kind,
				date,
				patients,
				tracked,
				actual: null,
				description: `${who(a)}'s current volume is tracked to ${tracked.label} but cannot be found; a temporary folder was made (handbook 2.7, 2.8).`
			};
		}
	}
}

/** The public part of a defect (no internal helper fields), as stored in the answer key. */
export function publicDefect(d: DefectDetail): Defect {
	const out: Defect = { id: d.id, kind: d.kind, patients: d.patients, description: d.description };
	if (d.documentId) out.documentId = d.documentId;
	if (d.field) out.field = d.field;
	if (d.printed !== undefined) out.printed = d.printed;
	if (d.correct !== undefined) out.correct = d.correct;
	return out;
}

/** Every defect in the trust, in layout order. */
export function buildAnswerKey(trust: Trust): Defect[] {
	const out: Defect[] = [];
	for (const r of layoutOf(trust))
		for (let k = 0; k < r.count; k++) out.push(publicDefect(buildDefect(trust, r.kind, k)));
	return out;
}
