/** Builds the fictional trust's organisation from the trust seed (small: built once per trust). */
import {
	CLINIC_DAYS,
	GP_PRACTICE_NAMES,
	GP_PRACTICE_SUFFIXES,
	SESSIONS,
	SITE_KINDS,
	SPECIALTIES,
	STAFF_ROLES,
	TRUST_PLACES,
	WARD_NAMES
} from './data/clinical';
import { FORENAMES_BY_ERA, SURNAMES_ENGLAND_WALES, GROUPS, type Sex } from './data/names';
import { POSTCODE_UNIT_LETTERS, TOWNS, STREET_NAMES, STREET_TYPES } from './data/places';
import { derive, STREAM, type Rng } from './random';
import type {
	Clinic,
	Clinician,
	Department,
	GpPractice,
	Organisation,
	Site,
	StaffMember,
	Ward
} from './types';

/** A person's name from the mixed tables, for staff and clinicians (adults of working age). */
export function staffName(rng: Rng, sex: Sex): string {
	const group = rng.chance(0.75) ? null : rng.pick(Object.values(GROUPS));
	const forename = group ? rng.pick(group[sex]) : rng.pick(FORENAMES_BY_ERA[sex][rng.int(1, 3)]);
	const surname = group ? rng.pick(group.surnames) : rng.pick(SURNAMES_ENGLAND_WALES);
	return `${forename} ${surname}`;
}

export function phoneFrom(
	rng: Rng,
	range: { prefix: string; first: number; last: number; width: number }
): string {
	return `${range.prefix}${String(rng.int(range.first, range.last)).padStart(range.width, '0')}`;
}

export function postcodeFor(rng: Rng, area: string, districts: readonly number[]): string {
	const u = POSTCODE_UNIT_LETTERS;
	return `${area}${rng.pick(districts)} ${rng.int(1, 9)}${u[rng.int(0, u.length - 1)]}${u[rng.int(0, u.length - 1)]}`;
}

export function buildOrganisation(seedHash: number): Organisation {
	const rng = derive(seedHash, 0, STREAM.organisation);
	const places = [...TRUST_PLACES];
	const takePlace = () => places.splice(rng.int(0, places.length - 1), 1)[0];
	const [placeA, placeB, placeC] = [takePlace(), takePlace(), takePlace()];
	const name = `${placeA} and ${placeB} Teaching Hospitals NHS Trust`;
	const towns = [TOWNS[0], TOWNS[1], TOWNS[2]];
	const sites: Site[] = [
		{ code: 'S1', name: `${placeA} ${SITE_KINDS[0]}`, town: towns[0].name },
		{ code: 'S2', name: `${placeB} ${SITE_KINDS[1]}`, town: towns[1].name },
		{ code: 'S3', name: `${placeC} ${SITE_KINDS[2]}`, town: towns[2].name }
	];

	const clinicians: Clinician[] = [];
	const departments: Department[] = [];
	const clinics: Clinic[] = [];
	const wards: Ward[] = [];
	const wardNames = [...WARD_NAMES];
	for (const spec of SPECIALTIES) {
		const surgical = ['GSUR', 'TRAU', 'ENT', 'OPHT', 'UROL', 'GYNA'].includes(spec.code);
		const count = spec.code === 'EMER' ? 3 : 2;
		for (let k = 0; k < count; k++) {
			const sex: Sex = rng.chance(0.5) ? 'female' : 'male';
			const title =
				spec.code === 'MATY' && k === 1
					? rng.pick(['Mrs', 'Ms'] as const)
					: surgical
						? sex === 'male'
							? 'Mr'
							: rng.pick(['Ms', 'Miss', 'Mrs'] as const)
						: 'Dr';
			clinicians.push({
				id: `${spec.code}-${k + 1}`,
				name: staffName(rng, sex),
				title,
				role: spec.code === 'MATY' && k === 1 ? 'Midwife' : k === 2 ? 'Specialty doctor' : 'Consultant',
				specialtyCode: spec.code
			});
		}
		const mainSite =
			spec.code === 'PAED' || spec.code === 'MATY' || spec.code === 'EMER' ? 'S1' : rng.pick(['S1', 'S2']);
		departments.push({
			code: `${spec.code}-${mainSite}`,
			specialtyCode: spec.code,
			name: spec.name,
			siteCode: mainSite
		});
		if (spec.outpatient) {
			for (let k = 0; k < 2; k++) {
				const session = SESSIONS[rng.int(0, 1)];
				const siteCode = k === 0 ? mainSite : rng.pick(['S1', 'S2', 'S3']);
				clinics.push({
					code: `${spec.code}${k + 1}${session.name[0]}`,
					name: `${spec.name} clinic ${k + 1}`,
					specialtyCode: spec.code,
					siteCode,
					clinicianId: `${spec.code}-${k + 1}`,
					day: rng.pick(CLINIC_DAYS),
					start: session.start,
					end: session.end
				});
			}
		}
		if (spec.inpatient) {
			const wardName = wardNames.splice(rng.int(0, wardNames.length - 1), 1)[0];
			wards.push({
				code: `${wardName.slice(0, 3).toUpperCase()}${mainSite.slice(1)}`,
				name: `${wardName} Ward`,
				siteCode: mainSite,
				specialtyCode: spec.code
			});
		}
	}

	const staff: StaffMember[] = [];
	for (let k = 0; k < 14; k++) {
		staff.push({
			id: `ST${String(k + 1).padStart(2, '0')}`,
			name: staffName(rng, rng.chance(0.7) ? 'female' : 'male'),
			role: STAFF_ROLES[k < 6 ? 0 : k < 8 ? 1 : k < 10 ? 2 : k < 12 ? 3 : 4]
		});
	}

	const gpPractices: GpPractice[] = [];
	const usedCodes = new Set<string>();
	const practiceNames = [...GP_PRACTICE_NAMES];
	for (let k = 0; k < 16; k++) {
		const town = TOWNS[k % TOWNS.length];
		let code: string;
		do code = `Z9${String(rng.int(0, 9999)).padStart(4, '0')}`;
		while (usedCodes.has(code));
		usedCodes.add(code);
		const gps: string[] = [];
		for (let g = rng.int(2, 4); g > 0; g--)
			gps.push(`Dr ${staffName(rng, rng.chance(0.5) ? 'female' : 'male')}`);
		const base = practiceNames.splice(rng.int(0, practiceNames.length - 1), 1)[0];
		gpPractices.push({
			code,
			name: `${base} ${rng.pick(GP_PRACTICE_SUFFIXES)}`,
			town: town.name,
			postcode: postcodeFor(rng, town.area, town.districts),
			phone: phoneFrom(rng, town.landline),
			gps
		});
	}

	const bays = [];
	for (let b = 0; b < 10; b++)
		bays.push({ bay: String(b + 1), primaryFrom: b * 10, primaryTo: b * 10 + 9, shelves: 6 });

	const storeTown = TOWNS[rng.int(3, TOWNS.length - 1)];
	return {
		name,
		code: 'Z9T',
		sites,
		departments,
		clinics,
		wards,
		clinicians,
		staff,
		gpPractices,
		library: { name: `Health Records Library, ${sites[0].name}`, siteCode: 'S1', bays },
		offSiteStore: {
			name: `${placeC} Records Store (off-site)`,
			address: `Unit ${rng.int(2, 40)}, ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_TYPES)} Industrial Estate, ${storeTown.name} ${postcodeFor(rng, storeTown.area, storeTown.districts)}`,
			retrievalDays: 2
		}
	};
}
