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
