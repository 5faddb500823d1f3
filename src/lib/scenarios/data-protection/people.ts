/**
 * Variety for the data protection cases: synthetic people from the seeded generator, and date arithmetic on ISO
 * strings. Nothing here decides an answer.
 */
import { addDays, addYearsForward, requireIsoDate, toIso } from '../../domain/iso-date';
import { createTrust, patientSummary, type PatientSummary } from '../../generator';
import { randomInt } from '../prng';

export interface Person {
	name: string;
	forename: string;
	surname: string;
	dateOfBirth: string;
	nhsNumber: string;
	postcode: string;
}

/** `count` different synthetic people from a small generated trust (NHS numbers in the 999 test range). */
export function peopleFor(seed: number, today: string, count: number): Person[] {
	const trust = createTrust({ seed: `dp-${seed}`, patients: Math.max(count * 2, 20), today });
	const out: Person[] = [];
	for (let i = 0; out.length < count && i < trust.settings.patients; i++) {
		const p: PatientSummary = patientSummary(trust, i);
		if (!p.nhsNumber) continue;
		if (out.some((o) => o.surname === p.surname)) continue;
		out.push({
			name: `${p.title} ${p.forenames[0]} ${p.surname}`,
			forename: p.forenames[0],
			surname: p.surname,
			dateOfBirth: p.dateOfBirth,
			nhsNumber: `${p.nhsNumber.slice(0, 3)} ${p.nhsNumber.slice(3, 6)} ${p.nhsNumber.slice(6)}`,
			postcode: p.postcode
		});
	}
	return out;
}

export function plusDays(iso: string, n: number): string {
	return toIso(addDays(requireIsoDate(iso, 'date'), n));
}

export function plusYears(iso: string, n: number): string {
	return toIso(addYearsForward(requireIsoDate(iso, 'date'), n));
}

export function pick<T>(random: () => number, items: readonly T[]): T {
	return items[randomInt(random, items.length)];
}

/** A date `minDays`-`maxDays` before `iso`. */
export function daysBefore(random: () => number, iso: string, minDays: number, maxDays: number): string {
	return plusDays(iso, -(minDays + randomInt(random, maxDays - minDays + 1)));
}

export const STAFF = [
	'Staff Nurse Kiran Patel',
	'Dr Aisha Okafor',
	'Mr Tom Hughes (physiotherapist)',
	'Sister Mary Doyle'
];
