/**
 * One patient's full record, built on demand from (trust, index). Consistency rules (issue 4): no episode before
 * birth or after death, children have a parent or guardian as a contact, letters go to the address held at their
 * date, maternity only for women of child-bearing age, nobody dead is booked into a future clinic.
 */
import { coreFacts, partnerIndex, parseTodayCached, makeAddress, type CoreFacts } from './core';
import { buildDefect, publicDefect, type DefectDetail } from './defects';
import { ageInDays, daysOf, displayDate, isoDate } from './dates';
import { formatNhsNumber } from '../domain/nhs-number';
import {
	ALERT_TEXTS,
	ALLERGIES,
	CARE_NEEDS,
	COMMUNICATION_NEEDS,
	EMERGENCY_REASONS,
	MEDICATIONS,
	REASONS,
	RESULT_TESTS,
	SPECIALTIES,
	type AlertKind
} from './data/clinical';
import { FORENAMES_BY_ERA, GROUPS, KNOWN_AS, LANGUAGES, SURNAMES_ENGLAND_WALES, eraOf } from './data/names';
import { EMAIL_DOMAINS, PHONE_RANGES, TOWNS } from './data/places';
import {
	CODING,
	clinicLocation,
	libraryLocation,
	offSiteLocation,
	secretaryLocation,
	shelfOf,
	wardLocation
} from './locations';
import { phoneFrom } from './organisation';
import { derive, STREAM } from './random';
import type {
	Clinic,
	GpPractice,
	Organisation,
	StaffMember,
	Ward,
	Address,
	Alert,
	CasenoteDocument,
	CasenoteSection,
	CasenoteVolume,
	ConsentRecord,
	ConsentScope,
	Contact,
	DocumentKind,
	Episode,
	PatientRecord,
	PreviousName,
	TemporaryFolder,
	TrackedLocation,
	Trust
} from './types';

/** Documents per volume before a new one is opened (LOCAL, handbook 2.6: stands in for the ~3 cm rule). */
export const DOCUMENTS_PER_VOLUME = 24;

/**
 * Default share of patients aged 50 or over whose long history (decades of follow-up for a long-term condition,
 * repeated admissions) fills two to four volumes (handbook 2.1: one folder, possibly several volumes; 2.6).
 */
export const DEFAULT_LONG_HISTORY_SHARE = 0.1;

/** Age in whole years (at the last day of their history) from which a patient may have a long history. */
const LONG_HISTORY_MIN_AGE = 50;

/** Specialties that follow a long-term condition for decades; admissions for DIAB go under General Medicine. */
const LONG_TERM_SPECIALTIES = ['CARD', 'RESP', 'DIAB', 'GMED', 'UROL', 'GYNA'] as const;

const SPEC = new Map(SPECIALTIES.map((s) => [s.code, s]));

/** Per-organisation lookups, built once: records are made by the thousand. */
interface Lookups {
	clinicsBySpecialty: Map<string, Clinic[]>;
	clinicByCode: Map<string, Clinic>;
	wardBySpecialty: Map<string, Ward>;
	wardByCode: Map<string, Ward>;
	clinicianName: Map<string, string>;
	secretaries: StaffMember[];
	clerks: StaffMember[];
	supervisor: StaffMember;
	practicesByTown: Map<string, GpPractice[]>;
}
const lookupCache = new WeakMap<Organisation, Lookups>();
function lookups(org: Organisation): Lookups {
	let l = lookupCache.get(org);
	if (l) return l;
	const clinicsBySpecialty = new Map<string, Clinic[]>();
	for (const k of org.clinics)
		clinicsBySpecialty.set(k.specialtyCode, [...(clinicsBySpecialty.get(k.specialtyCode) ?? []), k]);
	const practicesByTown = new Map<string, GpPractice[]>();
	for (const p of org.gpPractices) practicesByTown.set(p.town, [...(practicesByTown.get(p.town) ?? []), p]);
	l = {
		clinicsBySpecialty,
		clinicByCode: new Map(org.clinics.map((k) => [k.code, k])),
		wardBySpecialty: new Map(org.wards.map((w) => [w.specialtyCode, w])),
		wardByCode: new Map(org.wards.map((w) => [w.code, w])),
		clinicianName: new Map(org.clinicians.map((x) => [x.id, `${x.title} ${x.name}`])),
		secretaries: org.staff.filter((s) => s.role === 'Medical secretary'),
		clerks: org.staff.filter((s) => s.role !== 'Medical secretary'),
		supervisor: org.staff.find((s) => s.role === 'Health records supervisor')!,
		practicesByTown
	};
	lookupCache.set(org, l);
	return l;
}

function addressAt(addresses: Address[], date: string): Address {
	for (const a of addresses) if (a.from <= date && (a.to === null || date < a.to)) return a;
	return addresses[addresses.length - 1];
}

const addressText = (a: { lines: string[]; town: string; postcode: string }) =>
	`${a.lines.join(', ')}, ${a.town} ${a.postcode}`;

function nameAt(c: CoreFacts, previous: PreviousName[], date: string): string {
	for (const p of previous) if (date < p.until) return `${p.forenames.join(' ')} ${p.surname}`;
	return `${c.forenames.join(' ')} ${c.surname}`;
}

/**
 * Previous names and aliases (handbook 1.7): marriage names for some women, deed poll for a few; the changed-name
 * defect fixes its own. Draws from the record's `detail` stream first, so the record stays byte for byte the same.
 */
function namesOf(
	c: CoreFacts,
	rng: ReturnType<typeof derive>,
	defect: DefectDetail | null,
	age: number
): Pick<PatientRecord, 'previousNames' | 'aliases'> {
	const previousNames: PreviousName[] = [];
	if (defect?.kind === 'changed-name') {
		previousNames.push({
			forenames: c.forenames,
			surname: defect.previousSurname!,
			until: defect.changedOn!,
			reason: c.sex === 'female' && age >= 18 ? 'marriage' : 'deed poll'
		});
	} else if (c.sex === 'female' && age >= 22 && c.title === 'Mrs' && rng.chance(0.7)) {
		const maiden =
			c.heritage === 'english-welsh-era'
				? rng.pick(SURNAMES_ENGLAND_WALES)
				: rng.pick(GROUPS[c.heritage].surnames);
		if (maiden !== c.surname)
			previousNames.push({
				forenames: c.forenames,
				surname: maiden,
				until: isoDate(c.dob + 365 * rng.int(19, Math.min(age - 1, 40))),
				reason: 'marriage'
			});
	}
	const aliases: PatientRecord['aliases'] = [];
	const knownAs = KNOWN_AS[c.forenames[0]];
	if (knownAs && rng.chance(0.3)) aliases.push({ name: `${knownAs} ${c.surname}`, kind: 'known as' });
	if (c.heritage === 'chinese' && rng.chance(0.3))
		aliases.push({ name: `${c.surname.toUpperCase()} ${c.forenames[0]}`, kind: 'family name first' });
	return { previousNames, aliases };
}

/**
 * Only the previous names and aliases of patient i, exactly as {@link patientRecord} gives them, without building
 * the rest of the record: the PAS indexes every patient's other names in the background, and a full record per
 * patient made that take minutes on a large trust.
 */
export function patientOtherNames(
	trust: Trust,
	i: number
): Pick<PatientRecord, 'index' | 'previousNames' | 'aliases'> {
	if (!Number.isInteger(i) || i < 0 || i >= trust.settings.patients) {
		throw new RangeError(`No patient ${i}: this trust has patients 0 to ${trust.settings.patients - 1}.`);
	}
	const c = coreFacts(trust, i);
	const rng = derive(trust.seedHash, i, STREAM.detail);
	const age = ageInDays(c.dob, parseTodayCached(trust.settings.today));
	const defect: DefectDetail | null = c.role ? buildDefect(trust, c.role.kind, c.role.caseNo) : null;
	return { index: i, ...namesOf(c, rng, defect, age) };
}

/** Builds the full record of patient i. Same (trust, i) gives the same record, byte for byte. */
export function patientRecord(trust: Trust, i: number): PatientRecord {
	if (!Number.isInteger(i) || i < 0 || i >= trust.settings.patients) {
		throw new RangeError(`No patient ${i}: this trust has patients 0 to ${trust.settings.patients - 1}.`);
	}
	const c = coreFacts(trust, i);
	const org = trust.organisation;
	const look = lookups(org);
	const rng = derive(trust.seedHash, i, STREAM.detail);
	const todayDays = parseTodayCached(trust.settings.today);
	const dob = isoDate(c.dob);
	const age = ageInDays(c.dob, todayDays);
	const deceased = c.deceased === null ? null : isoDate(c.deceased);
	const lastDay = c.deceased ?? todayDays;
	const defect: DefectDetail | null = c.role ? buildDefect(trust, c.role.kind, c.role.caseNo) : null;
	const defects = defect ? [publicDefect(defect)] : [];

	const { previousNames, aliases } = namesOf(c, rng, defect, age);

	// Addresses: the current one from core facts, earlier ones back towards birth.
	const addresses: Address[] = [];
	{
		let to = c.addressFrom;
		const earlier = rng.int(0, 2);
		const chain: Address[] = [];
		for (let k = 0; k < earlier && to - c.dob > 400; k++) {
			const from = Math.max(c.dob, to - rng.int(300, 4000));
			const town = rng.chance(0.7) ? c.town : rng.pick(TOWNS);
			const a = makeAddress(rng, town);
			chain.unshift({
				lines: a.lines,
				town: town.name,
				postcode: a.postcode,
				from: isoDate(from),
				to: isoDate(to)
			});
			to = from;
		}
		if (chain.length) chain[0].from = isoDate(Math.min(c.dob, daysOf(chain[0].from)));
		addresses.push(...chain);
		addresses.push({
			lines: c.addressLines,
			town: c.town.name,
			postcode: c.postcode,
			from: chain.length ? isoDate(c.addressFrom) : dob,
			to: null
		});
	}

	const homePhone = rng.chance(0.55) ? phoneFrom(rng, c.town.landline) : null;
	const mobilePhone = age >= 12 && rng.chance(0.85) ? phoneFrom(rng, PHONE_RANGES.mobile) : null;
	const email =
		age >= 16 && rng.chance(0.4)
			? `${c.forenames[0]}.${c.surname}${rng.int(1, 99)}@${rng.pick(EMAIL_DOMAINS)}`
					.toLowerCase()
					.replace(/[^a-z0-9.@]/g, '')
			: null;

	const localPractices = look.practicesByTown.get(c.town.name);
	const practice = rng.pick(localPractices ?? org.gpPractices);
	const gpName = rng.pick(practice.gps);

	// Contacts and consents: children always have a parent or guardian with parental responsibility.
	const contacts: Contact[] = [];
	const consents: ConsentRecord[] = [];
	const contactId = () => `${c.hospitalNumber}-C${contacts.length + 1}`;
	const contactName = (sex: 'female' | 'male', surname: string, bornAround: number) =>
		`${c.heritage === 'english-welsh-era' ? rng.pick(FORENAMES_BY_ERA[sex][eraOf(bornAround)]) : rng.pick(GROUPS[c.heritage][sex])} ${surname}`;
	const birthYear = Number(dob.slice(0, 4));
	if (age < 16) {
		const parents = rng.chance(0.7) ? 2 : 1;
		for (let k = 0; k < parents; k++) {
			const sex = k === 0 ? 'female' : 'male';
			const id = contactId();
			contacts.push({
				id,
				name: contactName(sex, c.surname, birthYear - 30),
				relationship: sex === 'female' ? 'Mother' : 'Father',
				phone: phoneFrom(rng, PHONE_RANGES.mobile),
				address: addressText(addresses[addresses.length - 1]),
				nextOfKin: k === 0,
				emergencyContact: true,
				parentalResponsibility: true
			});
			consents.push({
				contactId: id,
				scopes: ['appointments', 'results', 'general-condition'],
				recorded: isoDate(Math.max(c.dob, c.addressFrom))
			});
		}
	} else if (rng.chance(0.85)) {
		const rel =
			age >= 70
				? rng.pick(['Daughter', 'Son', 'Wife', 'Husband'])
				: age >= 25
					? rng.pick(['Wife', 'Husband', 'Partner', 'Mother', 'Sister', 'Brother'])
					: rng.pick(['Mother', 'Father', 'Partner']);
		const sex = ['Daughter', 'Wife', 'Mother', 'Sister'].includes(rel)
			? 'female'
			: rel === 'Partner'
				? rng.pick(['female', 'male'] as const)
				: 'male';
		const bornAround =
			rel === 'Daughter' || rel === 'Son'
				? birthYear + 28
				: rel === 'Mother' || rel === 'Father'
					? birthYear - 28
					: birthYear;
		const id = contactId();
		contacts.push({
			id,
			name: contactName(sex, rng.chance(0.75) ? c.surname : rng.pick(SURNAMES_ENGLAND_WALES), bornAround),
			relationship: rel,
			phone: phoneFrom(rng, PHONE_RANGES.mobile),
			nextOfKin: true,
			emergencyContact: true,
			parentalResponsibility: false
		});
		if (rng.chance(0.6)) {
			const options: ConsentScope[][] = [
				['appointments'],
				['appointments', 'general-condition'],
				['appointments', 'results', 'general-condition'],
				['collect-letters', 'appointments']
			];
			consents.push({
				contactId: id,
				scopes: rng.pick(options),
				recorded: isoDate(Math.max(c.dob + 16 * 365, todayDays - rng.int(30, 3000)))
			});
		}
		if (rng.chance(0.2)) {
			contacts.push({
				id: contactId(),
				name: contactName(rng.pick(['female', 'male'] as const), rng.pick(SURNAMES_ENGLAND_WALES), birthYear),
				relationship: rng.pick(['Friend', 'Neighbour', 'Carer']),
				phone: phoneFrom(rng, PHONE_RANGES.noArea),
				nextOfKin: false,
				emergencyContact: true,
				parentalResponsibility: false
			});
		}
	}

	const languages = LANGUAGES[c.heritage];
	const language =
		languages.length > 1 && rng.chance(age >= 60 ? 0.5 : 0.2)
			? languages[1 + rng.int(0, languages.length - 2)]
			: languages[0];
	const interpreterRequired =
		language !== 'English' && language !== 'Welsh' && rng.chance(age >= 60 ? 0.6 : 0.25);
	const communicationNeeds: string[] = rng.chance(age >= 75 ? 0.15 : 0.03)
		? [rng.pick(COMMUNICATION_NEEDS)]
		: [];
	const nationalDataOptOut = age >= 13 && rng.chance(0.05);
	const sensitive = rng.chance(0.005);

	const alerts: Alert[] = [];
	const addAlert = (kind: AlertKind) =>
		alerts.push({
			kind,
			text: ALERT_TEXTS[kind],
			from: isoDate(Math.max(c.dob + 1, lastDay - rng.int(30, 2000)))
		});
	if (rng.chance(0.02)) addAlert('safeguarding');
	if (age >= 16 && rng.chance(0.008)) addAlert('violence-risk');
	if (age >= 75 && rng.chance(0.25)) addAlert('respect-dnacpr');
	if (rng.chance(0.01)) addAlert('learning-disability');
	if (c.role?.kind === 'twins' && rng.chance(0.5)) addAlert('twin');

	const allergies = rng.chance(0.15) ? [rng.pick(ALLERGIES)] : [];
	const medications: string[] = [];
	if (deceased === null)
		for (let k = age >= 60 ? rng.int(1, 5) : age >= 30 ? rng.int(0, 2) : 0; k > 0; k--) {
			const m = rng.pick(MEDICATIONS);
			if (!medications.includes(m)) medications.push(m);
		}
	const careNeeds =
		age >= 70 && rng.chance(0.3) ? [rng.pick(CARE_NEEDS)] : rng.chance(0.02) ? [rng.pick(CARE_NEEDS)] : [];

	// Episodes, oldest first: never before birth, never after death or today (except booked appointments).
	const episodes: Episode[] = [];
	const firstDay = Math.max(c.dob + 1, todayDays - 15 * 365);
	const count =
		lastDay > firstDay
			? rng.int(0, 3) + (age >= 60 ? rng.int(1, 5) : age >= 30 ? rng.int(0, 3) : rng.int(0, 1))
			: 0;
	const starts: number[] = [];
	for (let k = 0; k < count; k++) starts.push(firstDay + Math.floor(rng.next() * (lastDay - firstDay)));
	starts.sort((x, y) => x - y);
	const suitable = (code: string, onDay: number) => {
		const s = SPEC.get(code)!;
		const ageThen = ageInDays(c.dob, onDay);
		if (s.ages === 'adult' && ageThen < 16) return false;
		if (s.ages === 'child' && ageThen >= 16) return false;
		if (s.sex && c.sex !== s.sex) return false;
		if (code === 'MATY' && (ageThen < 16 || ageThen > 45)) return false;
		if (code === 'GERI' && ageThen < 65) return false;
		return true;
	};
	const pickSpecialty = (onDay: number, kind: 'outpatient' | 'inpatient') => {
		for (let tries = 0; tries < 8; tries++) {
			const s = rng.pick(SPECIALTIES);
			if (s[kind] && suitable(s.code, onDay)) return s.code;
		}
		return ageInDays(c.dob, onDay) < 16 ? 'PAED' : 'GMED';
	};
	for (const start of starts) {
		const n = episodes.length + 1;
		const id = `${c.hospitalNumber}-E${n}`;
		const roll = rng.next();
		if (roll < 0.2) {
			episodes.push({
				id,
				kind: 'emergency',
				start: isoDate(start),
				end: isoDate(start),
				specialtyCode: 'EMER',
				clinicianId: `EMER-${rng.int(1, 3)}`,
				siteCode: 'S1',
				status: 'attended',
				reason: rng.pick(EMERGENCY_REASONS)
			});
		} else if (roll < 0.35) {
			const code = pickSpecialty(start, 'inpatient');
			const ward = look.wardBySpecialty.get(code) ?? org.wards[0];
			const end = Math.min(lastDay, start + rng.int(1, 10));
			episodes.push({
				id,
				kind: 'inpatient',
				start: isoDate(start),
				end: isoDate(end),
				specialtyCode: code,
				clinicianId: `${code}-${rng.int(1, 2)}`,
				siteCode: ward.siteCode,
				wardCode: ward.code,
				status: 'attended',
				reason: rng.pick(REASONS[code])
			});
		} else {
			const code = pickSpecialty(start, 'outpatient');
			const clinic = rng.pick(look.clinicsBySpecialty.get(code)!);
			episodes.push({
				id,
				kind: 'outpatient',
				start: isoDate(start),
				end: isoDate(start),
				specialtyCode: code,
				clinicianId: clinic.clinicianId,
				siteCode: clinic.siteCode,
				clinicCode: clinic.code,
				status: rng.chance(0.9) ? 'attended' : 'did not attend',
				reason: rng.pick(REASONS[code])
			});
		}
	}
	if (deceased === null && rng.chance(0.25)) {
		const day = todayDays + rng.int(1, 90);
		const code = pickSpecialty(day, 'outpatient');
		const clinic = rng.pick(look.clinicsBySpecialty.get(code)!);
		episodes.push({
			id: `${c.hospitalNumber}-E${episodes.length + 1}`,
			kind: 'outpatient',
			start: isoDate(day),
			end: isoDate(day),
			specialtyCode: code,
			clinicianId: clinic.clinicianId,
			siteCode: clinic.siteCode,
			clinicCode: clinic.code,
			status: 'booked',
			reason: rng.pick(REASONS[code])
		});
	}

	// Documents: what each episode leaves in the folder, printed with the identifiers true at its date.
	const docs: CasenoteDocument[] = [];
	const nhsDisplay = c.nhsNumber ? formatNhsNumber(c.nhsNumber) : 'not known';
	const clinicianName = (id: string) => {
		return look.clinicianName.get(id) ?? 'Emergency Department';
	};
	const pasDob = isoDate(c.pasDob);
	const addDoc = (
		kind: DocumentKind,
		day: number,
		section: CasenoteSection,
		title: string,
		author: string,
		episodeId: string | null,
		body: string,
		opts: { trueDob?: boolean } = {}
	) => {
		const date = isoDate(Math.min(day, lastDay));
		const name = nameAt(c, previousNames, date);
		const address = addressText(addressAt(addresses, date));
		const printedDob = opts.trueDob ? dob : pasDob;
		docs.push({
			id: `${c.hospitalNumber}-D${docs.length + 1}`,
			kind,
			date,
			section,
			title,
			author,
			episodeId,
			printed: {
				name,
				dateOfBirth: printedDob,
				hospitalNumber: c.hospitalNumber,
				nhsNumber: c.nhsNumber,
				address: sensitive ? null : address
			},
			aboutPatient: i,
			volume: 0,
			text: render(kind, title, {
				name,
				dob: printedDob,
				hospitalNumber: c.hospitalNumber,
				nhs: nhsDisplay,
				address: sensitive ? 'Address withheld (sensitive record)' : address,
				date,
				author,
				body
			})
		});
	};
	const referred = new Set<string>();
	for (const e of episodes) {
		if (e.status === 'booked') continue;
		const start = daysOf(e.start);
		const who = clinicianName(e.clinicianId);
		const spec = SPEC.get(e.specialtyCode)!.name;
		if (e.kind === 'outpatient') {
			if (!referred.has(e.specialtyCode)) {
				referred.add(e.specialtyCode);
				const refDay = Math.max(c.dob + 1, start - rng.int(14, 60));
				addDoc(
					'referral letter',
					refDay,
					'correspondence',
					`Referral to ${spec}`,
					`${gpName}, ${practice.name}`,
					e.id,
					`Please see this patient with ${e.reason}.`,
					{ trueDob: true }
				);
			}
			addDoc(
				'clinic letter',
				start + rng.int(3, 14),
				'correspondence',
				`${spec} clinic letter`,
				who,
				e.id,
				e.status === 'attended'
					? `Seen in clinic ${e.clinicCode} on ${displayDate(e.start)} with ${e.reason}. Plan: review in the clinic in six months.`
					: `Did not attend clinic ${e.clinicCode} on ${displayDate(e.start)}. A new appointment will be sent.`
			);
		} else if (e.kind === 'inpatient') {
			addDoc(
				'discharge summary',
				daysOf(e.end),
				'correspondence',
				`Discharge summary: ${spec}`,
				who,
				e.id,
				`Admitted ${displayDate(e.start)} to ${e.wardCode} with ${e.reason}. Discharged ${displayDate(e.end)}.`
			);
			if (rng.chance(0.5))
				addDoc(
					'consent form',
					start,
					'consent',
					'Consent form 1',
					who,
					e.id,
					`Consent for the procedure discussed, signed on ${displayDate(e.start)}.`
				);
			addDoc(
				'result',
				start,
				'results',
				rng.pick(RESULT_TESTS),
				'Pathology and radiology',
				e.id,
				'Report attached. Reviewed by the ward team.'
			);
		} else {
			addDoc(
				'ED card',
				start,
				'specialty',
				'Emergency department card',
				who,
				e.id,
				`Attended with ${e.reason}. Treated and discharged.`
			);
		}
	}
	if (alerts.length)
		addDoc(
			'alert sheet',
			daysOf(alerts[0].from),
			'front',
			'Alerts sheet',
			'Health records',
			null,
			alerts.map((a) => a.text).join('. ')
		);

	// Defect documents and changes.
	if (defect) applyDocumentDefect(trust, defect, c, docs, addDoc, gpName, practice.name, addresses);

	// A long history (generator 1.2.0): its own stream, so every other patient keeps the record 1.1.0 gave them.
	if (ageInDays(c.dob, lastDay) >= LONG_HISTORY_MIN_AGE && trust.settings.longHistories > 0) {
		const hist = derive(trust.seedHash, i, STREAM.history);
		if (hist.next() < trust.settings.longHistories)
			addLongHistory(hist, c, lastDay, episodes, docs, addDoc, look, org);
	}
	// A defect happens to the notes in use, the current volume (handbook 2.6): a defect letter that would be filed
	// in a closed volume is refiled later (generator 1.2.1). Rare, and nobody else's record changes.
	const defectDoc = defect?.documentId ? docs.findIndex((x) => x.id === defect.documentId) : -1;
	const mustFollow = defectDoc < 0 ? null : lastBeforeCurrentVolume(docs, docs[defectDoc]);
	if (defect && mustFollow) {
		const day = Math.min(lastDay, daysOf(mustFollow.date) + (defect.documentId! > mustFollow.id ? 0 : 1));
		docs.splice(defectDoc, 1);
		applyDocumentDefect(
			trust,
			{ ...defect, date: isoDate(day) },
			c,
			docs,
			addDoc,
			gpName,
			practice.name,
			addresses
		);
	}
	docs.sort(byDateThenId);

	// Volumes: a new volume every DOCUMENTS_PER_VOLUME documents; the last is current (handbook 2.6).
	const volumeCount = Math.max(1, Math.ceil(docs.length / DOCUMENTS_PER_VOLUME));
	// Assigned in place: spreading each document into a new object was the single largest cost here.
	const documents = docs as CasenoteDocument[];
	for (let k = 0; k < documents.length; k++) documents[k].volume = Math.floor(k / DOCUMENTS_PER_VOLUME) + 1;
	const shelf = shelfOf(org, c.hospitalNumber);
	const library = libraryLocation(org, c.hospitalNumber);
	const registered = documents.length ? documents[0].date : isoDate(Math.max(c.dob, c.addressFrom));
	const volumes: CasenoteVolume[] = [];
	for (let v = 1; v <= volumeCount; v++) {
		const first = documents[(v - 1) * DOCUMENTS_PER_VOLUME];
		const opened = v === 1 ? registered : first.date;
		const closed = v < volumeCount ? documents[v * DOCUMENTS_PER_VOLUME].date : null;
		volumes.push({
			number: v,
			of: volumeCount,
			status: v === volumeCount ? 'current' : 'closed',
			opened,
			closed,
			shelf,
			tracked: library,
			actual: library,
			movements: [],
			tracerCard: null
		});
	}
	// Closed volumes go to secondary storage oldest first, so an off-site volume never has an older one on the shelf.
	for (const v of volumes.slice(0, -1)) {
		if (!v.closed || daysOf(v.closed) >= todayDays - 730 || !rng.chance(0.6)) break;
		const at = isoDate(daysOf(v.closed) + rng.int(400, 700));
		v.movements.push({
			at: `${at}T10:00`,
			from: library,
			to: offSiteLocation(org),
			by: rng.pick(org.staff).name
		});
		v.tracked = v.actual = offSiteLocation(org);
	}
	// The current volume follows the recent episodes: to clinic or ward, on to a secretary, back to the library.
	const current = volumes[volumes.length - 1];
	let here: TrackedLocation = library;
	const clerk = () => rng.pick(look.clerks).name;
	const secretaries = look.secretaries;
	const move = (day: number, to: TrackedLocation, time: string) => {
		current.movements.push({ at: `${isoDate(day)}T${time}`, from: here, to, by: clerk() });
		here = to;
	};
	const recent = episodes
		.filter((e) => e.status !== 'booked' && e.start >= current.opened && e.specialtyCode !== 'EMER')
		.slice(-3);
	for (const e of recent) {
		const day = daysOf(e.start);
		const to =
			e.kind === 'inpatient'
				? wardLocation(org, look.wardByCode.get(e.wardCode!)!)
				: clinicLocation(org, look.clinicByCode.get(e.clinicCode!)!);
		move(day - 1, to, '15:30');
		const back = day + rng.int(5, 20);
		if (back >= lastDay) break;
		move(day + 1, secretaryLocation(rng.pick(secretaries)), '09:15');
		if (rng.chance(0.2) && back + 3 < lastDay) move(back - 2, CODING, '11:00');
		move(back, library, '14:00');
	}
	const booked = episodes.find((e) => e.status === 'booked');
	if (booked && daysOf(booked.start) - todayDays <= 7 && here.kind === 'library') {
		move(todayDays - 1, clinicLocation(org, look.clinicByCode.get(booked.clinicCode!)!), '15:30');
	}
	current.tracked = current.actual = here;
	let temporaryFolder: TemporaryFolder | null = null;
	// Tracking defects are the current volume's, so none is dated before it was opened (generator 1.2.1).
	const openedDay = daysOf(current.opened);
	if (defect?.kind === 'tracking-mismatch') {
		if (here.code !== defect.tracked!.code)
			move(Math.max(openedDay, daysOf(defect.date)), defect.tracked!, '10:30');
		current.tracked = defect.tracked!;
		current.actual = defect.actual!;
	} else if (defect?.kind === 'missing-volume') {
		const lost = Math.max(openedDay, daysOf(defect.date) - 1);
		if (here.code !== defect.tracked!.code) move(lost, defect.tracked!, '15:30');
		current.tracked = defect.tracked!;
		current.actual = null;
		const supervisor = look.supervisor;
		temporaryFolder = {
			created: isoDate(Math.min(lastDay, lost + 3)),
			authorisedBy: supervisor.name,
			reason: `Volume ${current.number} not found after a full search (handbook 2.7, 2.8).`,
			tracked: library
		};
	}
	if (current.tracked.kind !== 'library') {
		const lastMove = current.movements[current.movements.length - 1];
		current.tracerCard = {
			shelf,
			hospitalNumber: c.hospitalNumber,
			volume: current.number,
			takenTo: current.tracked.label,
			date: lastMove ? lastMove.at.slice(0, 10) : current.opened,
			takenBy: lastMove ? lastMove.by : clerk()
		};
	}

	const gender: PatientRecord['gender'] = rng.chance(0.004)
		? 'non-binary'
		: rng.chance(0.01)
			? 'not stated'
			: 'same as sex';
	// Written out rather than spread: V8 builds a spread-then-extended literal of this size far more slowly.
	return {
		index: i,
		nhsNumber: c.nhsNumber,
		nhsNumberStatus: c.nhsNumberStatus,
		hospitalNumber: c.hospitalNumber,
		title: c.title,
		forenames: c.forenames,
		surname: c.surname,
		sex: c.sex,
		dateOfBirth: pasDob,
		postcode: c.postcode,
		gender,
		trueDateOfBirth: dob,
		heritage: c.heritage,
		previousNames,
		aliases,
		addresses,
		homePhone,
		mobilePhone,
		email,
		gpPracticeCode: practice.code,
		gpName,
		contacts,
		consents,
		language,
		interpreterRequired,
		communicationNeeds,
		nationalDataOptOut,
		sensitive,
		alerts,
		allergies: allergies.map((a) => ({ ...a })),
		medications,
		careNeeds,
		deceased,
		episodes,
		documents,
		volumes,
		temporaryFolder,
		defects
	};
}

/**
 * Decades of follow-up for one or two long-term conditions, with the odd admission, until the folder has filled
 * two to four volumes (handbook 2.6). The visits are spread evenly from early adulthood (or 20-40 years back) to
 * the last day, and merged into the episodes, which are renumbered in date order with their documents' links.
 */
function addLongHistory(
	hist: ReturnType<typeof derive>,
	c: CoreFacts,
	lastDay: number,
	episodes: Episode[],
	docs: CasenoteDocument[],
	addDoc: AddDoc,
	look: Lookups,
	org: Organisation
) {
	const roll = hist.next();
	const volumes = roll < 0.55 ? 2 : roll < 0.85 ? 3 : 4;
	// Aim inside the band of `volumes` full folders, clear of its edges.
	const target = (volumes - 1) * DOCUMENTS_PER_VOLUME + hist.int(3, DOCUMENTS_PER_VOLUME - 3);
	let needed = target - docs.length;
	if (needed <= 0) return;
	const from = Math.max(c.dob + 18 * 365, lastDay - hist.int(20, 40) * 365);
	const until = lastDay - 20;
	if (until - from < 365) return;
	const codes = LONG_TERM_SPECIALTIES.filter((code) => code !== 'GYNA' || c.sex === 'female');
	const conditions = [hist.pick(codes)];
	if (hist.chance(0.35)) {
		const second = hist.pick(codes);
		if (second !== conditions[0]) conditions.push(second);
	}
	// One referral per condition opens its history; then each visit leaves a letter, some a result too, and about
	// one in ten is an admission (discharge summary and result).
	const visits: { code: string; admitted: boolean; result: boolean }[] = [];
	needed -= conditions.length;
	while (needed > 0) {
		const code = hist.pick(conditions);
		const admitted = needed >= 2 && hist.chance(0.1);
		const result = !admitted && needed >= 2 && hist.chance(0.3);
		visits.push({ code, admitted, result });
		needed -= admitted || result ? 2 : 1;
	}
	const span = until - from;
	const added: Episode[] = [];
	const referred = new Set<string>();
	for (let k = 0; k < visits.length; k++) {
		const v = visits[k];
		const day = from + Math.floor(((k + hist.next() * 0.8) * span) / visits.length);
		const spec = SPEC.get(v.code)!;
		const id = `H${k + 1}`;
		if (!referred.has(v.code)) {
			referred.add(v.code);
			addDoc(
				'referral letter',
				Math.max(c.dob + 1, day - hist.int(14, 60)),
				'correspondence',
				`Referral to ${spec.name}`,
				'General practitioner',
				id,
				`Please see this patient with ${hist.pick(REASONS[v.code])}; they will need long-term follow-up.`,
				{ trueDob: true }
			);
		}
		const reason = hist.pick(REASONS[v.code]);
		if (v.admitted) {
			const wardCode = spec.inpatient ? v.code : 'GMED';
			const ward = look.wardBySpecialty.get(wardCode) ?? org.wards[0];
			const end = Math.min(lastDay, day + hist.int(2, 14));
			const e: Episode = {
				id,
				kind: 'inpatient',
				start: isoDate(day),
				end: isoDate(end),
				specialtyCode: wardCode,
				clinicianId: `${wardCode}-${hist.int(1, 2)}`,
				siteCode: ward.siteCode,
				wardCode: ward.code,
				status: 'attended',
				reason
			};
			added.push(e);
			const who = look.clinicianName.get(e.clinicianId) ?? 'Emergency Department';
			addDoc(
				'discharge summary',
				end,
				'correspondence',
				`Discharge summary: ${SPEC.get(wardCode)!.name}`,
				who,
				id,
				`Admitted ${displayDate(e.start)} to ${ward.code} with ${reason}. Discharged ${displayDate(e.end)}.`
			);
			addDoc(
				'result',
				day,
				'results',
				hist.pick(RESULT_TESTS),
				'Pathology and radiology',
				id,
				'Report attached. Reviewed by the ward team.'
			);
		} else {
			const clinic = hist.pick(look.clinicsBySpecialty.get(v.code)!);
			const attended = hist.chance(0.93);
			const e: Episode = {
				id,
				kind: 'outpatient',
				start: isoDate(day),
				end: isoDate(day),
				specialtyCode: v.code,
				clinicianId: clinic.clinicianId,
				siteCode: clinic.siteCode,
				clinicCode: clinic.code,
				status: attended ? 'attended' : 'did not attend',
				reason
			};
			added.push(e);
			addDoc(
				'clinic letter',
				day + hist.int(3, 14),
				'correspondence',
				`${spec.name} clinic letter`,
				look.clinicianName.get(clinic.clinicianId) ?? clinic.clinicianId,
				id,
				attended
					? `Reviewed in clinic ${clinic.code} on ${displayDate(e.start)}: ${reason}, under long-term follow-up. Plan: review in the clinic in twelve months.`
					: `Did not attend clinic ${clinic.code} on ${displayDate(e.start)}. A new appointment will be sent.`
			);
			if (v.result)
				addDoc(
					'result',
					day,
					'results',
					hist.pick(RESULT_TESTS),
					'Pathology and radiology',
					id,
					'Report attached. Reviewed in clinic.'
				);
		}
	}
	// Stable sort: on the same day an existing episode stays first; a booked appointment (future) stays last.
	const all = [...episodes, ...added].sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
	const renamed = new Map<string, string>();
	const prefix = `${c.hospitalNumber}-E`;
	for (let k = 0; k < all.length; k++) {
		const id = `${prefix}${k + 1}`;
		if (all[k].id !== id) {
			renamed.set(all[k].id, id);
			all[k] = { ...all[k], id };
		}
	}
	episodes.splice(0, episodes.length, ...all);
	for (const d of docs)
		if (d.episodeId !== null && renamed.has(d.episodeId)) d.episodeId = renamed.get(d.episodeId)!;
}

/** The order documents are filed in: by date, then id so that the same day always comes out the same. */
function byDateThenId(x: CasenoteDocument, y: CasenoteDocument): number {
	return x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : 1;
}

/**
 * The document a defect letter has to be filed after to land in the current volume, or null when it already
 * does: volumes are filled DOCUMENTS_PER_VOLUME at a time in filing order, so the letter must follow every
 * document of the closed volumes.
 */
function lastBeforeCurrentVolume(
	docs: CasenoteDocument[],
	letter: CasenoteDocument
): CasenoteDocument | null {
	const closedHold = (Math.ceil(docs.length / DOCUMENTS_PER_VOLUME) - 1) * DOCUMENTS_PER_VOLUME;
	if (closedHold === 0) return null;
	const others = docs.filter((x) => x !== letter).sort(byDateThenId);
	const last = others[closedHold - 1];
	return byDateThenId(letter, last) > 0 ? null : last;
}

type AddDoc = (
	kind: DocumentKind,
	day: number,
	section: CasenoteSection,
	title: string,
	author: string,
	episodeId: string | null,
	body: string,
	opts?: { trueDob?: boolean }
) => void;

function applyDocumentDefect(
	trust: Trust,
	d: DefectDetail,
	c: CoreFacts,
	docs: CasenoteDocument[],
	addDoc: AddDoc,
	gpName: string,
	practiceName: string,
	addresses: Address[]
) {
	const day = daysOf(d.date);
	const gp = `${gpName}, ${practiceName}`;
	/** Files the defect's letter on its date, under the document id the answer key names, and returns it. */
	const defectLetter = (
		kind: DocumentKind,
		title: string,
		author: string,
		body: string,
		opts?: { trueDob?: boolean }
	) => {
		addDoc(kind, day, 'correspondence', title, author, null, body, opts);
		const doc = docs[docs.length - 1];
		doc.id = d.documentId!;
		return doc;
	};
	switch (d.kind) {
		case 'dob-day-month-swap':
			defectLetter(
				'referral letter',
				'GP letter',
				gp,
				'Update for your records following a recent review in the practice.',
				{ trueDob: true }
			);
			break;
		case 'transposed-number-on-document': {
			const doc = defectLetter(
				'clinic letter',
				'Clinic letter',
				'Outpatients',
				'Seen in clinic; no change to the plan.'
			);
			doc.printed = { ...doc.printed, [d.field!]: d.printed! };
			doc.text = doc.text.replace(
				d.field === 'hospitalNumber'
					? `Hospital number: ${c.hospitalNumber}`
					: `NHS number: ${formatNhsNumber(d.correct!)}`,
				d.field === 'hospitalNumber'
					? `Hospital number: ${d.printed}`
					: `NHS number: ${d.printed!.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3')}`
			);
			break;
		}
		case 'changed-name': {
			const doc = defectLetter(
				'referral letter',
				'GP letter',
				gp,
				'Please note the enclosed results from the practice.'
			);
			const current = `${c.forenames.join(' ')} ${c.surname}`;
			doc.printed = { ...doc.printed, name: d.printed! };
			doc.text = doc.text.replace(`Patient: ${current}`, `Patient: ${d.printed}`);
			break;
		}
		case 'out-of-date-address': {
			const doc = defectLetter(
				'referral letter',
				'GP letter',
				gp,
				'The patient has recently moved; please update your records.'
			);
			const old = doc.printed.address;
			doc.printed = { ...doc.printed, address: d.correct! };
			if (old) doc.text = doc.text.replace(`Address: ${old}`, `Address: ${d.correct}`);
			break;
		}
		case 'misfiled-document': {
			if (c.index !== d.patients[0]) break;
			// The misfiled sheet is the partner's result: printed with the partner's identifiers.
			const other = coreFacts(trust, partnerIndex(trust, c.role!));
			const name = `${other.forenames.join(' ')} ${other.surname}`;
			const otherDob = isoDate(other.pasDob);
			const address = `${other.addressLines.join(', ')}, ${other.town.name} ${other.postcode}`;
			docs.push({
				id: d.documentId!,
				kind: 'result',
				date: d.date,
				section: 'results',
				title: 'Full blood count',
				author: 'Pathology',
				episodeId: null,
				printed: {
					name,
					dateOfBirth: otherDob,
					hospitalNumber: other.hospitalNumber,
					nhsNumber: other.nhsNumber,
					address
				},
				aboutPatient: other.index,
				volume: 0,
				text: render('result', 'Full blood count', {
					name,
					dob: otherDob,
					hospitalNumber: other.hospitalNumber,
					nhs: other.nhsNumber ? formatNhsNumber(other.nhsNumber) : 'not known',
					address,
					date: d.date,
					author: 'Pathology',
					body: 'Report attached.'
				})
			});
			break;
		}
		default:
			void addresses;
	}
}

/** Renders a document as the plain text a clerk reads on the paper (identifiers first, as printed). */
function render(
	kind: DocumentKind,
	title: string,
	f: {
		name: string;
		dob: string;
		hospitalNumber: string;
		nhs: string;
		address: string;
		date: string;
		author: string;
		body: string;
	}
): string {
	const signoff = kind === 'result' ? `Reported by: ${f.author}` : `From: ${f.author}`;
	return `${title.toUpperCase()}\nDate: ${displayDate(f.date)}\nPatient: ${f.name}\nDate of birth: ${displayDate(f.dob)}\nHospital number: ${f.hospitalNumber}\nNHS number: ${f.nhs}\nAddress: ${f.address}\n\n${f.body}\n\n${signoff}`;
}
