import { describe, expect, it } from 'vitest';
import { defectsOfKind, patientRecord } from '../generator/index';
import type { PatientSummary } from '../generator/types';
import { displayDob, parseDob } from './normalise';
import { editDistance, phoneticKey } from './phonetic';
import { findByNhsNumber, searchPas, type PasQuery } from './search-index';
import { PasService } from './service';

const service = new PasService({ seed: 'pas-spec', patients: 4000, today: '2026-11-25' });
service.addAllNames();
const { index, trust } = service;
const sample = index.patients.filter((_, i) => i % 13 === 0);

const found = (q: PasQuery, p: PatientSummary) =>
	searchPas(index, q, 500).hits.some((h) => h.patient.index === p.index);
const slashDob = (iso: string) => iso.split('-').reverse().join('/');
/** Swaps two letters in the middle of a name: a keying error. */
const typo = (s: string) => (s.length < 5 ? s : s.slice(0, 2) + s[3] + s[2] + s.slice(4));

describe('phonetic key and edit distance', () => {
	it.each([
		['Phillips', 'Filips'],
		['Thompson', 'Thomson'],
		['Mackenzie', 'McKenzie'],
		['Catherine', 'Katherine'],
		['Stephen', 'Steven'],
		['Smith', 'Smyth'],
		['Knight', 'Night']
	])('%s sounds like %s', (a, b) => expect(phoneticKey(a)).toBe(phoneticKey(b)));
	it('keeps different names apart', () => expect(phoneticKey('Smith')).not.toBe(phoneticKey('Jones')));
	it('counts a swap of neighbouring letters as one edit', () => {
		expect(editDistance('jonhson', 'johnson', 2)).toBe(1);
		expect(editDistance('abc', 'xyz', 1)).toBe(2);
	});
});

describe('dates as clerks type them', () => {
	it.each(['04/03/1987', '4-Mar-1987', '04 March 1987', '1987-03-04', '04031987', '4.3.1987'])('%s', (t) =>
		expect(parseDob(t)).toBe('1987-03-04')
	);
	it('refuses impossible dates', () => expect(parseDob('31/02/1990')).toBeNull());
	it('shows dates as DD-Mmm-YYYY', () => expect(displayDob('1987-03-04')).toBe('04-Mar-1987'));
});

describe('PAS search finds the right patient from every realistic partial query', { timeout: 60_000 }, () => {
	it('exact identifiers: NHS number (with or without spaces) and hospital number (with or without prefix)', () => {
		for (const p of sample) {
			if (p.nhsNumber) {
				expect(found({ nhsNumber: p.nhsNumber }, p)).toBe(true);
				expect(
					found(
						{ nhsNumber: `${p.nhsNumber.slice(0, 3)} ${p.nhsNumber.slice(3, 6)} ${p.nhsNumber.slice(6)}` },
						p
					)
				).toBe(true);
				expect(findByNhsNumber(index, p.nhsNumber).map((x) => x.index)).toContain(p.index);
			}
			expect(found({ hospitalNumber: p.hospitalNumber.toLowerCase() }, p)).toBe(true);
			expect(found({ hospitalNumber: p.hospitalNumber.replace(/^\D+/, '') }, p)).toBe(true);
		}
	});

	it('names with date of birth: full, partial, sound-alike, typo; DOB typed several ways', () => {
		for (const p of sample) {
			const f = p.forenames[0];
			expect(found({ surname: p.surname, dob: slashDob(p.dateOfBirth) }, p)).toBe(true);
			expect(
				found({ surname: p.surname.slice(0, 3), forename: f.slice(0, 1), dob: displayDob(p.dateOfBirth) }, p)
			).toBe(true);
			expect(found({ surname: p.surname.toUpperCase(), forename: f.toLowerCase() }, p)).toBe(true);
			expect(found({ surname: typo(p.surname), dob: p.dateOfBirth }, p)).toBe(true);
			expect(
				found(
					{ surname: p.surname.replace(/ph/gi, 'f').replace(/ll/g, 'l'), forename: f, dob: p.dateOfBirth },
					p
				)
			).toBe(true);
		}
	});

	it('postcode, whole or outward code, with a surname; sex narrows', () => {
		for (const p of sample) {
			expect(found({ postcode: p.postcode.toLowerCase().replace(' ', '') }, p)).toBe(true);
			expect(found({ postcode: p.postcode.split(' ')[0], surname: p.surname }, p)).toBe(true);
			expect(found({ surname: p.surname, dob: p.dateOfBirth, sex: p.sex }, p)).toBe(true);
		}
	});

	it('previous names and aliases find the patient (handbook 1.7)', () => {
		let checked = 0;
		for (const p of sample.slice(0, 120)) {
			const r = patientRecord(trust, p.index);
			for (const prev of r.previousNames) {
				checked++;
				const hit = searchPas(index, { surname: prev.surname, dob: p.dateOfBirth }).hits.find(
					(h) => h.patient.index === p.index
				);
				expect(hit?.matchedOn.join(' ')).toMatch(/previous name/);
			}
		}
		for (const d of defectsOfKind(trust, 'changed-name')) {
			const r = patientRecord(trust, d.patients[0]);
			checked++;
			expect(found({ surname: r.previousNames[0].surname, dob: r.dateOfBirth }, r)).toBe(true);
		}
		expect(checked).toBeGreaterThan(0);
	});
});

describe('near-duplicates are all shown and flagged', { timeout: 60_000 }, () => {
	it('same name and DOB pairs: a name + DOB search shows both, flagged as look-alikes', () => {
		const pairs = defectsOfKind(trust, 'same-name-dob');
		expect(pairs.length).toBeGreaterThan(0);
		for (const d of pairs) {
			const [a, b] = d.patients.map((i) => index.patients[i]);
			const r = searchPas(index, { surname: a.surname, forename: a.forenames[0], dob: a.dateOfBirth });
			const ids = r.hits.map((h) => h.patient.index);
			expect(ids).toEqual(expect.arrayContaining([a.index, b.index]));
			expect(r.hits.find((h) => h.patient.index === a.index)!.sameNameAndDob).toBeGreaterThan(0);
			// Even an exact NHS number search tells the clerk a look-alike exists.
			if (a.nhsNumber)
				expect(searchPas(index, { nhsNumber: a.nhsNumber }).hits[0].sameNameAndDob).toBeGreaterThan(0);
		}
	});

	it('twins: a surname + DOB search shows both, flagged as same DOB', () => {
		for (const d of defectsOfKind(trust, 'twins')) {
			const [a, b] = d.patients.map((i) => index.patients[i]);
			const r = searchPas(index, { surname: a.surname, dob: a.dateOfBirth });
			expect(r.hits.map((h) => h.patient.index)).toEqual(expect.arrayContaining([a.index, b.index]));
			expect(r.hits.find((h) => h.patient.index === a.index)!.sameDobInResults).toBeGreaterThan(0);
		}
	});

	it('duplicate registrations: both records come up on a name + DOB search (handbook 3.3)', () => {
		for (const d of defectsOfKind(trust, 'duplicate-registration')) {
			const [a, b] = d.patients.map((i) => index.patients[i]);
			const r = searchPas(index, { surname: a.surname, forename: a.forenames[0], dob: a.dateOfBirth });
			expect(r.hits.map((h) => h.patient.index)).toEqual(expect.arrayContaining([a.index, b.index]));
		}
	});
});

describe('search messages', () => {
	it('says what is wrong with a query instead of finding nothing silently', () => {
		expect(searchPas(index, {}).problems[0]).toMatch(/at least one thing/);
		expect(searchPas(index, { nhsNumber: '999 123' }).problems[0]).toMatch(/10 digits/);
		expect(searchPas(index, { dob: '31/02/1990' }).problems[0]).toMatch(/not a date/);
		expect(searchPas(index, { surname: 'Qqqqqqzzzz' }).problems[0]).toMatch(/No surname/);
	});
});
