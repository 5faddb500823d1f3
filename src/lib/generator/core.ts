/**
 * The core facts of one patient (identity, birth, address, death): cheap enough to build for 100,000 patients,
 * and the base every richer view is derived from. Pair defects (duplicates, twins, same name and date of birth)
 * reuse the partner's core facts, which is why this stays free of anything costly.
 */
import { nhsNumberFor, hospitalNumberFor, hospitalNumbering, type HospitalNumbering } from './identifiers';
import { ageOn, isoDate, parseIsoDate, toDays, fromDays } from './dates';
import {
	eraOf,
	FORENAMES_BY_ERA,
	GROUPS,
	HERITAGE_IDS,
	HERITAGE_WEIGHTS,
	SURNAMES_ENGLAND_WALES,
	TITLES,
	type HeritageId,
	type Sex
} from './data/names';
import { STREET_NAMES, STREET_TYPES, TOWNS, TOWN_WEIGHTS, HOUSE_NAMES, type Town } from './data/places';
import { postcodeFor } from './organisation';
import { derive, permute, permutation, STREAM, type Rng } from './random';
import type { DefectKind, NhsNumberStatus, PatientSummary, Trust } from './types';

/** UK-like age structure in 5-year bands from 0-4 to 95-99 (rounded from ONS mid-year estimates). */
const AGE_BAND_WEIGHTS = [55, 60, 60, 58, 60, 65, 68, 67, 63, 64, 69, 67, 59, 51, 50, 37, 25, 15, 7, 2];
const AGE_BANDS = AGE_BAND_WEIGHTS.map((_, i) => i);

export interface CoreFacts {
	index: number;
	sex: Sex;
	heritage: HeritageId;
	forenames: string[];
	surname: string;
	title: string;
	/** True date of birth, as day number. */
	dob: number;
	/** Date of birth held on PAS (swapped for the dob-day-month-swap defect). */
	pasDob: number;
	town: Town;
	addressLines: string[];
	postcode: string;
	/** When the patient moved to the current address. */
	addressFrom: number;
	nhsNumber: string | null;
	nhsNumberStatus: NhsNumberStatus;
	hospitalNumber: string;
	deceased: number | null;
	role: Role | null;
}

/** A patient's part in a deliberate defect. */
export interface Role {
	kind: DefectKind;
	/** 0-based case number within the kind. */
	caseNo: number;
	/** 0 = the first (or only) patient, 1 = the second patient of a pair. */
	position: 0 | 1;
}

export const PAIR_KINDS: readonly DefectKind[] = [
	'duplicate-registration',
	'same-name-dob',
	'twins',
	'misfiled-document'
];

/** Slot ranges per kind, in a fixed order, from the trust's rates. */
export function defectLayout(
	trust: Pick<Trust, 'settings'>
): { kind: DefectKind; count: number; start: number; width: number }[] {
	const n = trust.settings.patients;
	let start = 0;
	return (Object.keys(trust.settings.defects) as DefectKind[]).map((kind) => {
		const pair = PAIR_KINDS.includes(kind);
		const count = pair
			? Math.round((trust.settings.defects[kind] * n) / 2)
			: Math.round(trust.settings.defects[kind] * n);
		const width = pair ? count * 2 : count;
		const entry = { kind, count, start, width };
		start += width;
		return entry;
	});
}

export function slotPermutation(trust: Trust) {
	return permutation(trust.settings.patients, trust.keys.slots);
}

export function roleOf(trust: Trust, i: number): Role | null {
	const slot = permute(slotPermutation(trust), i);
	for (const r of layoutOf(trust)) {
		if (slot >= r.start && slot < r.start + r.width) {
			const offset = slot - r.start;
			const pair = PAIR_KINDS.includes(r.kind);
			return {
				kind: r.kind,
				caseNo: pair ? offset >> 1 : offset,
				position: pair ? ((offset & 1) as 0 | 1) : 0
			};
		}
	}
	return null;
}

// The layout is a pure function of the settings; cache it per trust object so roleOf stays cheap.
const layoutCache = new WeakMap<Trust, ReturnType<typeof defectLayout>>();
export function layoutOf(trust: Trust) {
	let l = layoutCache.get(trust);
	if (!l) {
		l = defectLayout(trust);
		layoutCache.set(trust, l);
	}
	return l;
}

function pickForename(rng: Rng, heritage: HeritageId, sex: Sex, birthYear: number): string {
	if (heritage === 'english-welsh-era') return rng.pick(FORENAMES_BY_ERA[sex][eraOf(birthYear)]);
	return rng.pick(GROUPS[heritage][sex]);
}

function pickSurname(rng: Rng, heritage: HeritageId): string {
	return heritage === 'english-welsh-era'
		? rng.pick(SURNAMES_ENGLAND_WALES)
		: rng.pick(GROUPS[heritage].surnames);
}

export function titleFor(rng: Rng, sex: Sex, age: number): string {
	if (age < 16) return sex === 'female' ? 'Miss' : 'Master';
	if (sex === 'male') return 'Mr';
	return age < 25 ? rng.pick(['Miss', 'Ms']) : rng.pick(TITLES.female);
}

export function makeAddress(rng: Rng, town: Town): { lines: string[]; postcode: string } {
	const street = `${rng.pick(STREET_NAMES)} ${rng.pick(STREET_TYPES)}`;
	const lines = rng.chance(0.05)
		? [rng.pick(HOUSE_NAMES), street]
		: rng.chance(0.12)
			? [`Flat ${rng.int(1, 24)}`, `${rng.int(1, 180)} ${street}`]
			: [`${rng.int(1, 240)} ${street}`];
	return { lines, postcode: postcodeFor(rng, town.area, town.districts) };
}

/** A copy written out field by field: object spread is several times slower in V8 on this hot path. */
function copyFacts(f: CoreFacts, changes: Partial<CoreFacts>): CoreFacts {
	const c: CoreFacts = {
		index: f.index,
		sex: f.sex,
		heritage: f.heritage,
		forenames: f.forenames,
		surname: f.surname,
		title: f.title,
		dob: f.dob,
		pasDob: f.pasDob,
		town: f.town,
		addressLines: f.addressLines,
		postcode: f.postcode,
		addressFrom: f.addressFrom,
		nhsNumber: f.nhsNumber,
		nhsNumberStatus: f.nhsNumberStatus,
		hospitalNumber: f.hospitalNumber,
		deceased: f.deceased,
		role: f.role
	};
	return Object.assign(c, changes);
}

/** Builds the core facts of patient i, applying its defect role where it changes identity. */
export function coreFacts(trust: Trust, i: number, knownPartner?: CoreFacts): CoreFacts {
	const role = roleOf(trust, i);
	const own = ownFacts(trust, i, role);
	if (!role || role.position === 0) return own;
	// Second patient of a pair: derived from the first, which is found by inverting the slot permutation.
	const partner = knownPartner ?? ownFacts(trust, partnerIndex(trust, role), { ...role, position: 0 });
	const rng = derive(trust.seedHash, i, STREAM.defect);
	if (role.kind === 'duplicate-registration') {
		// One person registered twice: same person, new hospital number, NHS number missing or untraced (handbook 3.3).
		const noNumber = rng.chance(0.5);
		const moved = rng.chance(0.5);
		return copyFacts(partner, {
			index: i,
			role,
			hospitalNumber: own.hospitalNumber,
			nhsNumber: noNumber ? null : partner.nhsNumber,
			nhsNumberStatus: noNumber ? '03' : '02',
			addressLines: moved ? own.addressLines : partner.addressLines,
			postcode: moved ? own.postcode : partner.postcode,
			town: moved ? own.town : partner.town,
			addressFrom: moved ? own.addressFrom : partner.addressFrom,
			deceased: partner.deceased
		});
	}
	if (role.kind === 'same-name-dob') {
		return copyFacts(own, {
			forenames: [partner.forenames[0]],
			surname: partner.surname,
			sex: partner.sex,
			title: partner.title,
			dob: partner.dob,
			pasDob: partner.dob,
			deceased: own.deceased !== null && own.deceased > partner.dob ? own.deceased : null
		});
	}
	if (role.kind === 'twins') {
		let forename = pickForename(rng, partner.heritage, own.sex, fromDays(partner.dob)[0]);
		if (forename === partner.forenames[0])
			forename = pickForename(rng, partner.heritage, own.sex, fromDays(partner.dob)[0] + 21);
		const age = ageOn(isoDate(partner.dob), trust.settings.today);
		return copyFacts(own, {
			heritage: partner.heritage,
			forenames: [forename],
			surname: partner.surname,
			title: titleFor(rng, own.sex, age),
			dob: partner.dob,
			pasDob: partner.dob,
			town: partner.town,
			addressLines: partner.addressLines,
			postcode: partner.postcode,
			addressFrom: partner.addressFrom,
			deceased: null
		});
	}
	return own;
}

/** The other patient of a pair defect. */
export function partnerIndex(trust: Trust, role: Role): number {
	const r = layoutOf(trust).find((x) => x.kind === role.kind)!;
	const slot = r.start + role.caseNo * 2 + (role.position === 0 ? 1 : 0);
	return unpermuteSlot(trust, slot);
}

import { unpermute } from './random';
export function unpermuteSlot(trust: Trust, slot: number): number {
	return unpermute(slotPermutation(trust), slot);
}

function ownFacts(trust: Trust, i: number, role: Role | null): CoreFacts {
	const rng = derive(trust.seedHash, i, STREAM.core);
	const today = parseTodayCached(trust.settings.today);
	const sex: Sex = rng.chance(0.51) ? 'female' : 'male';
	const band = rng.weighted(AGE_BANDS, AGE_BAND_WEIGHTS);
	let age = band * 5 + rng.int(0, 4);
	// Swapped dates of birth need a day of 12 or less, and at least a year of life so the swap stays in the past.
	if (role?.kind === 'dob-day-month-swap' && age < 1) age = 1 + rng.int(0, 60);
	let dob = today - age * 365 - Math.floor(age / 4) - rng.int(1, 364);
	let pasDob = dob;
	if (role?.kind === 'dob-day-month-swap') {
		const [y, m] = fromDays(dob);
		let d = rng.int(1, 12);
		if (d === m) d = d === 12 ? 1 : d + 1;
		dob = toDays(y, m, d);
		pasDob = toDays(y, d, m);
	}
	const birthYear = fromDays(dob)[0];
	const heritage = rng.weighted(HERITAGE_IDS, HERITAGE_WEIGHTS) as HeritageId;
	const forenames = [pickForename(rng, heritage, sex, birthYear)];
	if (rng.chance(0.4)) {
		const middle = pickForename(rng, heritage, sex, birthYear - 30);
		if (middle !== forenames[0]) forenames.push(middle);
	}
	const surname = pickSurname(rng, heritage);
	const title = titleFor(rng, sex, age);
	const town = rng.weighted(TOWNS, TOWN_WEIGHTS);
	const { lines, postcode } = makeAddress(rng, town);
	const addressFrom = Math.min(today - 30, dob + Math.floor(rng.next() * (today - dob)));
	const hospitalNumber = hospitalNumberFor(numberingOf(trust), i);
	const nhsNumber = nhsNumberFor(trust.keys.nhs, trust.keys.nhsDigit, i);
	const babyUnderSixWeeks = today - dob < 42;
	const status: NhsNumberStatus = babyUnderSixWeeks
		? '08'
		: rng.chance(0.96)
			? '01'
			: rng.pick(['02', '05'] as const);
	const deathChance = age >= 85 ? 0.2 : age >= 70 ? 0.08 : age >= 40 ? 0.01 : 0.002;
	const pairedAlive =
		role &&
		(role.kind === 'twins' || role.kind === 'duplicate-registration' || role.kind === 'same-name-dob');
	const deceased =
		!pairedAlive && rng.chance(deathChance) ? today - rng.int(1, Math.min(3650, today - dob - 1)) : null;
	return {
		index: i,
		sex,
		heritage,
		forenames,
		surname,
		title,
		dob,
		pasDob,
		town,
		addressLines: lines,
		postcode,
		addressFrom: deceased !== null ? Math.min(addressFrom, deceased - 1) : addressFrom,
		nhsNumber,
		nhsNumberStatus: status,
		hospitalNumber,
		deceased: deceased !== null && deceased > dob ? deceased : null,
		role
	};
}

const numberingCache = new WeakMap<Trust, HospitalNumbering>();
function numberingOf(trust: Trust): HospitalNumbering {
	let n = numberingCache.get(trust);
	if (!n) {
		n = hospitalNumbering(trust.keys.hospital, trust.settings.hospitalNumber, trust.settings.patients);
		numberingCache.set(trust, n);
	}
	return n;
}

let lastToday = '';
let lastTodayDays = 0;
/** Day number of the trust's "today", validated once and remembered. */
export function parseTodayCached(iso: string): number {
	if (iso === lastToday) return lastTodayDays;
	const days = parseIsoDate(iso);
	lastToday = iso;
	lastTodayDays = days;
	return days;
}

export function summaryFromCore(c: CoreFacts): PatientSummary {
	return {
		index: c.index,
		nhsNumber: c.nhsNumber,
		nhsNumberStatus: c.nhsNumberStatus,
		hospitalNumber: c.hospitalNumber,
		title: c.title,
		forenames: c.forenames,
		surname: c.surname,
		sex: c.sex,
		dateOfBirth: isoDate(c.pasDob),
		postcode: c.postcode
	};
}
