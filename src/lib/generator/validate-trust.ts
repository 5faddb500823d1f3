/**
 * Consistency rules for generated trusts (issue 4). Tests run them over many seeds; a trainer's tools can run them
 * over a trust after edits. Each problem is a sentence naming the patient and the rule.
 */
import { isTestRangeNhsNumber, isValidNhsNumber } from '../domain/nhs-number';
import { isValidHospitalNumber } from '../domain/other-identifiers';
import { ageInDays, daysOf } from './dates';
import { DRAMA_PHONE_PATTERN, POSTCODE_PATTERN } from './data/places';
import { parseTodayCached } from './core';
import { DOCUMENTS_PER_VOLUME } from './record';
import type { PatientRecord, PatientSummary, Trust } from './types';

/** Identifier and format rules that a summary alone can break. */
export function validateSummary(trust: Trust, s: PatientSummary): string[] {
	const p: string[] = [];
	const who = `Patient ${s.index} (${s.hospitalNumber})`;
	if (s.nhsNumber !== null && !isTestRangeNhsNumber(s.nhsNumber))
		p.push(`${who}: NHS number ${s.nhsNumber} is not a valid 999-range number (handbook 1.2, 1.3).`);
	if (s.nhsNumber === null && !['03', '07'].includes(s.nhsNumberStatus))
		p.push(`${who}: no NHS number but status ${s.nhsNumberStatus} (handbook 1.4).`);
	if (
		!isValidHospitalNumber(s.hospitalNumber, { hospitalNumber: trust.settings.hospitalNumber }) ||
		/^[A-Z]*0/.test(s.hospitalNumber)
	)
		p.push(`${who}: hospital number is not in the trust's format, or starts with 0 (handbook 1.5).`);
	if (!POSTCODE_PATTERN.test(s.postcode)) p.push(`${who}: postcode ${s.postcode} is not well-formed.`);
	if (s.dateOfBirth > trust.settings.today) p.push(`${who}: born after the trust's today.`);
	if (!s.forenames.length || !s.surname) p.push(`${who}: missing a name.`);
	return p;
}

/** Every rule for one full record. Defect documents are checked against the answer key instead of the rules. */
export function validateRecord(trust: Trust, r: PatientRecord): string[] {
	const p = validateSummary(trust, r);
	const who = `Patient ${r.index} (${r.hospitalNumber})`;
	const today = trust.settings.today;
	const todayDays = parseTodayCached(today);
	const lastDay = r.deceased ?? today;
	const defectDocs = new Set(r.defects.map((d) => d.documentId).filter(Boolean));
	for (const d of r.defects) {
		const key = trust.answerKey.find((k) => k.id === d.id);
		if (!key || JSON.stringify(key) !== JSON.stringify(d))
			p.push(`${who}: defect ${d.id} is not in the answer key as shown.`);
	}

	for (const phone of [r.homePhone, r.mobilePhone, ...r.contacts.map((c) => c.phone)]) {
		if (phone !== null && !DRAMA_PHONE_PATTERN.test(phone))
			p.push(`${who}: phone ${phone} is not in an Ofcom drama range.`);
	}
	if (r.email !== null && !r.email.endsWith('.example'))
		p.push(`${who}: email ${r.email} is not on a reserved .example domain.`);
	for (const a of r.addresses)
		if (!POSTCODE_PATTERN.test(a.postcode))
			p.push(`${who}: address postcode ${a.postcode} is not well-formed.`);
	const current = r.addresses[r.addresses.length - 1];
	if (current.to !== null || current.postcode !== r.postcode)
		p.push(`${who}: the last address is not the current one.`);
	for (let k = 1; k < r.addresses.length; k++) {
		if (r.addresses[k - 1].to !== r.addresses[k].from)
			p.push(`${who}: address history has a gap or overlap.`);
	}

	if (r.deceased !== null && r.deceased < r.trueDateOfBirth) p.push(`${who}: died before birth.`);
	if (
		ageInDays(daysOf(r.trueDateOfBirth), todayDays) < 16 &&
		!r.contacts.some((c) => c.parentalResponsibility)
	) {
		p.push(`${who}: a child with no parent or guardian as a contact.`);
	}
	const contactIds = new Set(r.contacts.map((c) => c.id));
	for (const c of r.consents)
		if (!contactIds.has(c.contactId)) p.push(`${who}: consent for unknown contact ${c.contactId}.`);

	for (const e of r.episodes) {
		if (e.start < r.trueDateOfBirth) p.push(`${who}: episode ${e.id} before birth.`);
		if (e.end < e.start) p.push(`${who}: episode ${e.id} ends before it starts.`);
		if (e.status === 'booked') {
			if (r.deceased !== null) p.push(`${who}: deceased patient booked into clinic ${e.clinicCode}.`);
			if (e.start <= today) p.push(`${who}: booked appointment ${e.id} is not in the future.`);
		} else if (e.end > lastDay) p.push(`${who}: episode ${e.id} after death or after today.`);
		if (e.specialtyCode === 'MATY') {
			const ageThen = ageInDays(daysOf(r.trueDateOfBirth), daysOf(e.start));
			if (r.sex !== 'female' || ageThen < 16 || ageThen > 45)
				p.push(`${who}: maternity episode for an implausible patient.`);
		}
	}

	const nameAt = (date: string) => {
		for (const n of r.previousNames) if (date < n.until) return `${n.forenames.join(' ')} ${n.surname}`;
		return `${r.forenames.join(' ')} ${r.surname}`;
	};
	for (const d of r.documents) {
		if (d.date < r.trueDateOfBirth || d.date > lastDay)
			p.push(`${who}: document ${d.id} dated outside the patient's life or after today.`);
		if (defectDocs.has(d.id)) continue;
		if (d.aboutPatient !== r.index)
			p.push(`${who}: document ${d.id} is about another patient but no defect says so.`);
		if (d.printed.hospitalNumber !== r.hospitalNumber)
			p.push(`${who}: document ${d.id} shows another hospital number.`);
		if (d.printed.nhsNumber !== null && !isValidNhsNumber(d.printed.nhsNumber))
			p.push(`${who}: document ${d.id} shows an invalid NHS number.`);
		if (d.printed.name !== nameAt(d.date))
			p.push(`${who}: document ${d.id} is not in the name held at its date.`);
		if (r.sensitive) {
			if (d.printed.address !== null)
				p.push(`${who}: sensitive record's document ${d.id} shows an address (handbook 3.2).`);
		} else {
			const a = r.addresses.find((x) => x.from <= d.date && (x.to === null || d.date < x.to)) ?? current;
			const expected = `${a.lines.join(', ')}, ${a.town} ${a.postcode}`;
			if (d.printed.address !== expected)
				p.push(`${who}: document ${d.id} is not addressed to the address held at ${d.date}.`);
		}
	}

	p.push(...volumeProblems(r, lastDay).map((x) => `${who}: ${x}`));
	const episodeIds = new Set(r.episodes.map((e) => e.id));
	if (episodeIds.size !== r.episodes.length) p.push(`${who}: two episodes share an id.`);
	for (const d of r.documents)
		if (d.episodeId !== null && !episodeIds.has(d.episodeId))
			p.push(`${who}: document ${d.id} belongs to episode ${d.episodeId}, which the record does not have.`);

	const currentVolumes = r.volumes.filter((v) => v.status === 'current');
	if (currentVolumes.length !== 1 || r.volumes[r.volumes.length - 1].status !== 'current')
		p.push(`${who}: needs exactly one current volume, the last (handbook 2.6).`);
	for (const v of r.volumes) {
		if (v.status === 'closed' && v.closed === null)
			p.push(`${who}: closed volume ${v.number} has no closing date.`);
		if ((v.tracked.kind !== 'library') !== (v.tracerCard !== null) && v.tracked.kind !== 'off-site store') {
			p.push(
				`${who}: volume ${v.number} is out of the library without a tracer card, or has one while in (handbook 2.5).`
			);
		}
		const defectHere = r.defects.some((d) => d.kind === 'tracking-mismatch' || d.kind === 'missing-volume');
		if (!defectHere && JSON.stringify(v.tracked) !== JSON.stringify(v.actual))
			p.push(`${who}: volume ${v.number} is not where it is tracked, but no defect says so.`);
		const last = v.movements[v.movements.length - 1];
		if (last && JSON.stringify(last.to) !== JSON.stringify(v.tracked))
			p.push(`${who}: volume ${v.number}'s last movement does not match its tracked location.`);
	}
	p.push(...defectVolumeProblems(r).map((x) => `${who}: ${x}`));
	if (r.defects.some((d) => d.kind === 'missing-volume') !== (r.temporaryFolder !== null))
		p.push(`${who}: temporary folder without missing notes, or missing notes without one (handbook 2.7).`);
	return p;
}

/**
 * How a record's volumes break the multiple-volume rules (handbook 2.1, 2.6): numbered 1 to n without gaps, each
 * "of n"; date ranges in order and not overlapping (a volume closes no later than the next opens); every document
 * filed in exactly one existing volume, within its dates, no volume holding more than DOCUMENTS_PER_VOLUME (LOCAL).
 * Empty when all hold.
 */
export function volumeProblems(r: Pick<PatientRecord, 'volumes' | 'documents'>, lastDay: string): string[] {
	const p: string[] = [];
	const n = r.volumes.length;
	if (n === 0) return ['has no casenote volume (handbook 2.1).'];
	r.volumes.forEach((v, k) => {
		if (v.number !== k + 1 || v.of !== n)
			p.push(
				`volume ${v.number} of ${v.of} is out of sequence: volumes are numbered 1 to ${n} (handbook 2.6).`
			);
		const end = v.closed ?? lastDay;
		if (v.opened > end) p.push(`volume ${v.number} closes before it opens.`);
		if (v.status === 'current' && v.closed !== null) p.push(`current volume ${v.number} has a closing date.`);
		const next = r.volumes[k + 1];
		if (next && v.closed !== null && v.closed > next.opened)
			p.push(`volume ${v.number} closes after volume ${next.number} opens: their dates overlap.`);
	});
	const counts = new Array<number>(n + 1).fill(0);
	const ids = new Set<string>();
	for (const d of r.documents) {
		if (ids.has(d.id)) p.push(`document ${d.id} is in the folder twice.`);
		ids.add(d.id);
		const v = r.volumes[d.volume - 1];
		if (!v || v.number !== d.volume) {
			p.push(`document ${d.id} is filed in volume ${d.volume}, which does not exist.`);
			continue;
		}
		counts[d.volume]++;
		if (d.date < v.opened || d.date > (v.closed ?? lastDay))
			p.push(`document ${d.id} (${d.date}) is outside the dates of volume ${d.volume}.`);
	}
	for (let v = 1; v <= n; v++)
		if (counts[v] > DOCUMENTS_PER_VOLUME)
			p.push(`volume ${v} holds ${counts[v]} documents, more than ${DOCUMENTS_PER_VOLUME} (handbook 2.6).`);
	return p;
}

/**
 * How a record's defects break "defects are on the current volume" (handbook 2.6): a defect happens to the notes
 * in use, so a defect's document is filed in the current volume, and a tracking defect's tracer card and temporary
 * folder are not dated before that volume was opened. Empty when all hold.
 */
export function defectVolumeProblems(
	r: Pick<PatientRecord, 'defects' | 'documents' | 'volumes' | 'temporaryFolder'>
): string[] {
	const p: string[] = [];
	const current = r.volumes[r.volumes.length - 1];
	if (!current) return p;
	for (const d of r.defects) {
		const doc = d.documentId ? r.documents.find((x) => x.id === d.documentId) : undefined;
		if (doc && doc.volume !== current.number)
			p.push(
				`defect ${d.id}'s document (${doc.date}) is filed in volume ${doc.volume}, not the current volume ${current.number} (opened ${current.opened}) (handbook 2.6).`
			);
		if (d.kind !== 'tracking-mismatch' && d.kind !== 'missing-volume') continue;
		for (const [what, date] of [
			['tracer card', current.tracerCard?.date],
			['temporary folder', r.temporaryFolder?.created]
		] as const)
			if (date && date < current.opened)
				p.push(
					`defect ${d.id}: the ${what} (${date}) predates the current volume ${current.number}, opened ${current.opened} (handbook 2.6).`
				);
	}
	return p;
}

/** Validates a sample of a trust: all summaries and the full records of `recordIndexes`. */
export function validateTrust(trust: Trust, summaries: PatientSummary[], records: PatientRecord[]): string[] {
	const p: string[] = [];
	const hospital = new Set<string>();
	const nhs = new Map<string, number>();
	const duplicatePairs = new Set(
		trust.answerKey.filter((d) => d.kind === 'duplicate-registration').flatMap((d) => d.patients)
	);
	for (const s of summaries) {
		p.push(...validateSummary(trust, s));
		if (hospital.has(s.hospitalNumber)) p.push(`Hospital number ${s.hospitalNumber} is used twice.`);
		hospital.add(s.hospitalNumber);
		if (s.nhsNumber) {
			const other = nhs.get(s.nhsNumber);
			if (other !== undefined && !(duplicatePairs.has(other) && duplicatePairs.has(s.index)))
				p.push(
					`NHS number ${s.nhsNumber} is shared by patients ${other} and ${s.index} outside a duplicate registration.`
				);
			nhs.set(s.nhsNumber, s.index);
		}
	}
	for (const r of records) p.push(...validateRecord(trust, r));
	return p;
}
