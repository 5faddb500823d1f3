/**
 * FHIR R4 export: a Bundle of type 'collection' with Organization, Practitioner, Patient, Encounter and
 * DocumentReference resources. The NHS number uses the UK Core identifier system and verification-status extension.
 * Plain objects only (no FHIR library at run time), so it runs in a Worker as well as the CLI.
 */
import { SPECIALTIES } from './data/clinical';
import type { PatientRecord, Trust } from './types';

type Json = Record<string, unknown>;

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
/** Local identifier systems live under the reserved .example domain: they are ours, and fictional. */
export const HOSPITAL_NUMBER_SYSTEM = 'https://records-room.example/Id/hospital-number';
const BASE = 'https://records-room.example/fhir';
const VERIFICATION_EXTENSION =
	'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus';
const VERIFICATION_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland';
const STATUS_TEXT: Record<string, string> = {
	'01': 'Number present and verified',
	'02': 'Number present but not traced',
	'03': 'Trace required',
	'04': 'Trace attempted - No match or multiple match found',
	'05': 'Trace needs to be resolved - (NHS number or patient detail conflict)',
	'06': 'Trace in progress',
	'07': 'Number not present and trace not required',
	'08': 'Trace postponed (baby under six weeks old)'
};
const SPECIALTY_NAME = new Map(SPECIALTIES.map((s) => [s.code, s.name]));

/** Resource ids allow [A-Za-z0-9-.] only. */
const safeId = (s: string) => s.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64);

function entry(resource: Json): Json {
	return { fullUrl: `${BASE}/${resource.resourceType}/${resource.id}`, resource };
}

function base64(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
	return btoa(binary);
}

/** Organisation-level resources (the trust, its GP practices, clinicians). */
export function organisationResources(trust: Trust): Json[] {
	const org = trust.organisation;
	const out: Json[] = [
		entry({
			resourceType: 'Organization',
			id: safeId(`org-${org.code}`),
			identifier: [{ system: ODS_SYSTEM, value: org.code }],
			active: true,
			name: org.name
		})
	];
	for (const p of org.gpPractices) {
		out.push(
			entry({
				resourceType: 'Organization',
				id: safeId(`org-${p.code}`),
				identifier: [{ system: ODS_SYSTEM, value: p.code }],
				active: true,
				type: [{ text: 'GP practice' }],
				name: p.name,
				telecom: [{ system: 'phone', value: p.phone, use: 'work' }],
				address: [{ city: p.town, postalCode: p.postcode, country: 'GB' }]
			})
		);
	}
	for (const c of org.clinicians) {
		const [given, ...family] = c.name.split(' ');
		out.push(
			entry({
				resourceType: 'Practitioner',
				id: safeId(`prac-${c.id}`),
				active: true,
				name: [{ use: 'official', prefix: [c.title], given: [given], family: family.join(' ') }],
				qualification: [{ code: { text: `${c.role}, ${SPECIALTY_NAME.get(c.specialtyCode)}` } }]
			})
		);
	}
	return out;
}

/** One patient's Patient, Encounter and DocumentReference resources. */
export function patientResources(trust: Trust, r: PatientRecord): Json[] {
	const pid = safeId(`pat-${r.hospitalNumber}`);
	const ref = { reference: `Patient/${pid}` };
	const identifier: Json[] = [{ system: HOSPITAL_NUMBER_SYSTEM, value: r.hospitalNumber }];
	if (r.nhsNumber) {
		identifier.unshift({
			extension: [
				{
					url: VERIFICATION_EXTENSION,
					valueCodeableConcept: {
						coding: [
							{
								system: VERIFICATION_SYSTEM,
								code: r.nhsNumberStatus,
								display: STATUS_TEXT[r.nhsNumberStatus]
							}
						]
					}
				}
			],
			system: NHS_NUMBER_SYSTEM,
			value: r.nhsNumber
		});
	}
	const telecom: Json[] = [];
	if (r.homePhone) telecom.push({ system: 'phone', value: r.homePhone, use: 'home' });
	if (r.mobilePhone) telecom.push({ system: 'phone', value: r.mobilePhone, use: 'mobile' });
	if (r.email) telecom.push({ system: 'email', value: r.email, use: 'home' });
	const names: Json[] = [{ use: 'official', prefix: [r.title], given: r.forenames, family: r.surname }];
	for (const n of r.previousNames)
		names.push({ use: 'old', given: n.forenames, family: n.surname, period: { end: n.until } });
	for (const a of r.aliases) names.push({ use: 'usual', text: a.name });
	const patient: Json = {
		resourceType: 'Patient',
		id: pid,
		meta: {
			tag: [
				{
					system: 'https://records-room.example/tags',
					code: 'synthetic',
					display: 'Synthetic training data - not a real patient'
				}
			]
		},
		identifier,
		active: true,
		name: names,
		telecom,
		gender: r.gender === 'non-binary' ? 'other' : r.gender === 'not stated' ? 'unknown' : r.sex,
		birthDate: r.dateOfBirth,
		...(r.deceased ? { deceasedDateTime: r.deceased } : {}),
		address: r.sensitive
			? []
			: r.addresses.map((a) => ({
					use: a.to === null ? 'home' : 'old',
					line: a.lines,
					city: a.town,
					postalCode: a.postcode,
					country: 'GB',
					period: a.to ? { start: a.from, end: a.to } : { start: a.from }
				})),
		contact: r.contacts.map((c) => ({
			relationship: [{ text: c.relationship }],
			name: { text: c.name },
			telecom: [{ system: 'phone', value: c.phone }]
		})),
		communication: [{ language: { text: r.language }, preferred: true }],
		generalPractitioner: [
			{ reference: `Organization/${safeId(`org-${r.gpPracticeCode}`)}`, display: r.gpName }
		],
		managingOrganization: { reference: `Organization/${safeId(`org-${trust.organisation.code}`)}` }
	};
	const out: Json[] = [entry(patient)];
	for (const e of r.episodes) {
		out.push(
			entry({
				resourceType: 'Encounter',
				id: safeId(`enc-${e.id}`),
				status: e.status === 'booked' ? 'planned' : e.status === 'did not attend' ? 'cancelled' : 'finished',
				class: {
					system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
					code: e.kind === 'inpatient' ? 'IMP' : e.kind === 'emergency' ? 'EMER' : 'AMB',
					display:
						e.kind === 'inpatient'
							? 'inpatient encounter'
							: e.kind === 'emergency'
								? 'emergency'
								: 'ambulatory'
				},
				serviceType: { text: SPECIALTY_NAME.get(e.specialtyCode) },
				subject: ref,
				participant: [{ individual: { reference: `Practitioner/${safeId(`prac-${e.clinicianId}`)}` } }],
				period: { start: e.start, end: e.end },
				reasonCode: [{ text: e.reason }],
				serviceProvider: { reference: `Organization/${safeId(`org-${trust.organisation.code}`)}` }
			})
		);
	}
	const volumes = r.volumes.length;
	for (const d of r.documents) {
		out.push(
			entry({
				resourceType: 'DocumentReference',
				id: safeId(`doc-${d.id}`),
				status: 'current',
				type: { text: d.kind },
				// Which paper volume holds it: a request for "all parts of the record" needs every one (handbook 2.6).
				category: [
					{ text: `Casenote section: ${d.section}` },
					{ text: `Casenote volume ${d.volume} of ${volumes}` }
				],
				// The folder owner is the subject: a misfiled sheet sits in this patient's notes (that is the defect).
				subject: ref,
				date: `${d.date}T12:00:00Z`,
				description: d.title,
				content: [
					{
						attachment: { contentType: 'text/plain', language: 'en-GB', data: base64(d.text), title: d.title }
					}
				],
				...(d.episodeId
					? { context: { encounter: [{ reference: `Encounter/${safeId(`enc-${d.episodeId}`)}` }] } }
					: {})
			})
		);
	}
	return out;
}

/** A whole Bundle for the given records (build records with patientRecord). */
export function toFhirBundle(trust: Trust, records: Iterable<PatientRecord>): Json {
	const entries = organisationResources(trust);
	for (const r of records) entries.push(...patientResources(trust, r));
	return {
		resourceType: 'Bundle',
		id: safeId(`trust-${trust.seedHash}`),
		type: 'collection',
		timestamp: `${trust.settings.today}T00:00:00Z`,
		entry: entries
	};
}
