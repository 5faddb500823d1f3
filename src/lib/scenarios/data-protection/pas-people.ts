/**
 * Patients on the simulated PAS for the data protection kinds: a small seeded trust per case (the same one the
 * screen's PAS runs on), and patients drawn from it by age. Nothing here decides an answer.
 */
import { patientRecord, patientSummary } from '../../generator/index';
import { clinicLocation, libraryLocation, offSiteLocation, wardLocation } from '../../generator/locations';
import type { PatientRecord, TrackedLocation, Trust, TrustSettings } from '../../generator/types';
import { randomInt } from '../prng';
import { trustOf } from '../retrieval/common';
import type { Person } from './people';

/** Big enough for look-alikes and every age group; small enough to build in a few milliseconds. */
export const DP_TRUST_SIZE = 600;

export function dpTrustSettings(prefix: string, seed: number, today: string): TrustSettings {
	return { seed: `${prefix}-${seed}`, patients: DP_TRUST_SIZE, today };
}

export function dpTrust(settings: TrustSettings): Trust {
	return trustOf(settings);
}

/** Whole years from `dob` to `today` (ISO dates). */
export function ageOn(dob: string, today: string): number {
	const [y1, m1, d1] = dob.split('-').map(Number);
	const [y2, m2, d2] = today.split('-').map(Number);
	return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

const spaced = (n: string) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;

export function personOf(trust: Trust, i: number): Person {
	const p = patientSummary(trust, i);
	return {
		name: `${p.title} ${p.forenames[0]} ${p.surname}`,
		forename: p.forenames[0],
		surname: p.surname,
		dateOfBirth: p.dateOfBirth,
		nhsNumber: p.nhsNumber ? spaced(p.nhsNumber) : '',
		postcode: p.postcode
	};
}

/**
 * A living patient with an NHS number, aged `minAge`-`maxAge`, not in `avoid`. Among those that fit, the first
 * whose casenotes run to at least `preferVolumes` volumes (older volumes are the part of a record people miss),
 * else one whose current volume is out of the library when `preferOut`, else the first that fits.
 */
export function pickPatient(
	random: () => number,
	trust: Trust,
	o: {
		minAge: number;
		maxAge: number;
		avoid?: ReadonlySet<number>;
		preferOut?: boolean;
		preferVolumes?: number;
	}
): number {
	const n = trust.settings.patients;
	const start = randomInt(random, n);
	const today = trust.settings.today;
	const wantVolumes = o.preferVolumes ?? 1;
	let first = -1;
	let out = -1;
	let looked = 0;
	for (let k = 0; k < n; k++) {
		const i = (start + k) % n;
		if (o.avoid?.has(i)) continue;
		const s = patientSummary(trust, i);
		const age = ageOn(s.dateOfBirth, today);
		if (!s.nhsNumber || age < o.minAge || age > o.maxAge) continue;
		const r = patientRecord(trust, i);
		if (r.deceased) continue;
		if (first < 0) first = i;
		const isOut = currentVolume(r).tracked.kind !== 'library';
		if (out < 0 && isOut) out = i;
		if (r.volumes.length >= wantVolumes && (!o.preferOut || isOut || wantVolumes > 1)) return i;
		// Long histories are a few per hundred patients: look further for them than for a volume that is out.
		if (++looked >= (wantVolumes > 1 ? n : 12)) break;
	}
	if (first < 0) throw new RangeError(`No living patient aged ${o.minAge}-${o.maxAge} on the trust`);
	return o.preferOut && out >= 0 ? out : first;
}

export function currentVolume(r: PatientRecord) {
	return r.volumes.find((v) => v.status === 'current') ?? r.volumes[r.volumes.length - 1];
}

/** The place a record is tracked to, and three other places it might plausibly be, in a seeded order. */
export function placesFor(random: () => number, trust: Trust, r: PatientRecord): TrackedLocation[] {
	const org = trust.organisation;
	const right = currentVolume(r).tracked;
	const others = [
		libraryLocation(org, r.hospitalNumber),
		offSiteLocation(org),
		clinicLocation(org, org.clinics[randomInt(random, org.clinics.length)]),
		wardLocation(org, org.wards[randomInt(random, org.wards.length)])
	].filter((l) => l.label !== right.label);
	const seen = new Set<string>();
	const unique = others.filter((l) => (seen.has(l.label) ? false : (seen.add(l.label), true)));
	return [right, ...unique.slice(0, 3)];
}
