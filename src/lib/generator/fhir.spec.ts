import { Fhir } from 'fhir';
import { describe, expect, it } from 'vitest';
import { isTestRangeNhsNumber } from '../domain/nhs-number';
import { NHS_NUMBER_SYSTEM, toFhirBundle } from './fhir';
import { createTrust, patientRecord } from './index';

type Entry = { fullUrl: string; resource: Record<string, unknown> & { resourceType: string; id: string } };

const trust = createTrust({
	seed: 'fhir',
	patients: 150,
	today: '2026-11-25',
	defects: { 'misfiled-document': 0.04 }
});
const bundle = toFhirBundle(
	trust,
	Array.from({ length: 150 }, (_, i) => patientRecord(trust, i))
) as { resourceType: string; type: string; entry: Entry[] };

describe('FHIR R4 bundle', () => {
	it('validates against the R4 schema and value sets (fhir package): no errors, no unexpected properties', () => {
		const result = new Fhir().validate(bundle);
		const problems = result.messages.filter(
			(m) => m.severity === 'error' || /Unexpected property/.test(m.message ?? '')
		);
		expect(problems).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it('is a collection of the five resource types with unique ids and resolvable references', () => {
		expect(bundle.type).toBe('collection');
		const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
		expect([...types].sort()).toEqual([
			'DocumentReference',
			'Encounter',
			'Organization',
			'Patient',
			'Practitioner'
		]);
		const urls = new Set(bundle.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
		expect(urls.size).toBe(bundle.entry.length);
		for (const e of bundle.entry)
			expect(e.fullUrl.endsWith(`/${e.resource.resourceType}/${e.resource.id}`)).toBe(true);
		const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
		expect(refs.length).toBeGreaterThan(150);
		for (const r of refs) expect(urls.has(r.slice(13, -1)), r).toBe(true);
	});

	it('uses the NHS number system with valid 999-range numbers, and FHIR date formats', () => {
		const patients = bundle.entry.filter((e) => e.resource.resourceType === 'Patient').map((e) => e.resource);
		expect(patients).toHaveLength(150);
		for (const p of patients) {
			const ids = p.identifier as { system: string; value: string }[];
			for (const id of ids.filter((x) => x.system === NHS_NUMBER_SYSTEM))
				expect(isTestRangeNhsNumber(id.value)).toBe(true);
			expect(p.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
		for (const e of bundle.entry.filter((x) => x.resource.resourceType === 'DocumentReference')) {
			expect(e.resource.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		}
	});
});

describe('FHIR R4 bundle with multi-volume casenotes (generator 1.2.0)', () => {
	const long = createTrust({ seed: 'fhir-volumes', patients: 60, today: '2026-11-25', longHistories: 1 });
	const records = Array.from({ length: 60 }, (_, i) => patientRecord(long, i));
	const several = records.filter((r) => r.volumes.length > 1);
	const b = toFhirBundle(long, several) as { entry: Entry[] };

	it('still validates, with every document reference naming its volume and linking to a real encounter', () => {
		expect(several.length).toBeGreaterThanOrEqual(5);
		const result = new Fhir().validate(b);
		expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
		expect(result.valid).toBe(true);
		const urls = new Set(b.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
		const docs = b.entry.filter((e) => e.resource.resourceType === 'DocumentReference');
		expect(docs).toHaveLength(several.reduce((n, r) => n + r.documents.length, 0));
		const volumes = new Set<string>();
		for (const d of docs) {
			const category = d.resource.category as { text: string }[];
			const volume = category.find((c) => c.text.startsWith('Casenote volume'))!.text;
			expect(volume).toMatch(/^Casenote volume [1-4] of [2-4]$/);
			volumes.add(volume);
			const context = d.resource.context as { encounter: { reference: string }[] } | undefined;
			for (const e of context?.encounter ?? []) expect(urls.has(e.reference)).toBe(true);
		}
		expect(volumes.has('Casenote volume 2 of 2') || volumes.has('Casenote volume 3 of 3')).toBe(true);
	});
});
