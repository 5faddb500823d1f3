import { describe, expect, it } from 'vitest';
import { createTrust, patientOtherNames, patientRecord } from '../generator/index';
import { otherNamesOf } from './other-names';

describe('other names for the PAS index', { timeout: 60_000 }, () => {
	it('are exactly the full record’s previous names and aliases, without building the record', () => {
		const trust = createTrust({
			seed: 'other-names',
			patients: 1500,
			today: '2026-11-25',
			defects: { 'changed-name': 0.02 }
		});
		let withNames = 0;
		for (let i = 0; i < trust.settings.patients; i++) {
			const r = patientRecord(trust, i);
			const fast = patientOtherNames(trust, i);
			expect(fast).toEqual({ index: i, previousNames: r.previousNames, aliases: r.aliases });
			expect(otherNamesOf(fast)).toEqual(otherNamesOf(r));
			if (fast.previousNames.length || fast.aliases.length) withNames++;
		}
		// The check means something only if many patients have other names, including changed-name defects.
		expect(withNames).toBeGreaterThan(50);
	});

	it('refuses a patient the trust does not have', () => {
		const trust = createTrust({ seed: 1, patients: 10, today: '2026-11-25' });
		expect(() => patientOtherNames(trust, 10)).toThrow(RangeError);
	});
});
