import { describe, expect, it } from 'vitest';
import { RULES } from '$lib/domain/rules';
import { MOD11_RULE } from '$lib/scenarios/identification/nhs-number-check';
import { groupRules, primarySection, referencedRule, ruleAnchor, rulePath } from './rules-reference';

describe('rules reference', () => {
	it('lists every rule in RULES exactly once', () => {
		const listed = groupRules().flatMap((c) => c.sections.flatMap((s) => s.rules.map((r) => r.id)));
		expect(listed.sort()).toEqual(Object.keys(RULES).sort());
	});

	it('groups by chapter and section in handbook order, with titles from the handbook list', () => {
		const groups = groupRules();
		const chapters = groups.map((g) => Number(g.chapter));
		expect(chapters).toEqual([...chapters].sort((a, b) => a - b));
		expect(groups[0].title).toBe('Patient identification');
		for (const g of groups) {
			for (const s of g.sections) {
				expect(s.section.split('.')[0]).toBe(g.chapter);
				expect(s.title).not.toMatch(/^Section /);
				for (const r of s.rules) expect(primarySection(r.handbook)).toBe(s.section);
			}
		}
	});

	it('sorts sections numerically, so 4.10 comes after 4.2', () => {
		const groups = groupRules([
			{ ...RULES['nhs.format'], id: 'a', handbook: '4.10' },
			{ ...RULES['nhs.format'], id: 'b', handbook: '4.2' }
		]);
		expect(groups[0].sections.map((s) => s.section)).toEqual(['4.2', '4.10']);
	});

	it('gives each rule a stable anchor and path', () => {
		expect(ruleAnchor('nhs.modulus-11')).toBe('rule-nhs.modulus-11');
		expect(rulePath('nhs.modulus-11')).toBe('/rules/#rule-nhs.modulus-11');
		expect(primarySection('5.2, 5.3')).toBe('5.2');
	});

	it('resolves the rules scenarios cite, and former ids from stored attempts', () => {
		expect(referencedRule(MOD11_RULE.id)?.id).toBe('nhs.modulus-11');
		expect(referencedRule('nhs-number.modulus-11')?.id).toBe('nhs.modulus-11');
		expect(referencedRule('no.such-rule')).toBeUndefined();
	});
});
