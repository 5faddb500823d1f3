import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reason, ruleById, RULES } from './rules';
import { DEFAULT_TRUST_RULES } from './settings';

const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here)
	.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'rules.ts')
	.map((f) => readFileSync(join(here, f), 'utf8'))
	.join('\n');

describe('rule registry', () => {
	it('has complete metadata for every rule', () => {
		for (const [id, r] of Object.entries(RULES)) {
			expect(r.id).toBe(id);
			expect(id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
			expect(r.title.length).toBeGreaterThan(3);
			expect(r.summary.length).toBeGreaterThan(20);
			expect(r.handbook).toMatch(/^\d\.\d+(, \d\.\d+)*$/);
			expect(r.source.length).toBeGreaterThan(0);
			if (r.status === 'LOCAL') expect(r.setting).toBeDefined();
			if (r.setting) expect(r.setting in DEFAULT_TRUST_RULES).toBe(true);
		}
	});

	it('every rule id used in the code exists, and every rule is used or cited by feedback', () => {
		const literals = new Set([...sources.matchAll(/'([a-z]+\.[a-z0-9-]+)'/g)].map((m) => m[1]));
		const ruleLike = [...literals].filter((id) =>
			/^(nhs|id|ppi|filing|sar|ahra|breach|consent|disclosure|retention)\./.test(id)
		);
		for (const id of ruleLike) expect(RULES, id).toHaveProperty([id]);
		const unused = Object.keys(RULES).filter((id) => !literals.has(id));
		// These describe checks whose functions return a value rather than a decision (a shelf order, a check
		// digit, a date): scenarios cite them in feedback, and the rules reference lists them.
		expect(unused.sort()).toEqual(
			[
				'filing.alphabetical',
				'filing.fasten',
				'filing.letter-prefix',
				'filing.long-numbers',
				'filing.merge-temporary',
				'filing.middle-digit',
				'filing.misfile-incident',
				'filing.misfile-search',
				'filing.new-volume',
				'filing.sections',
				'filing.set-aside',
				'filing.shelf-section',
				'filing.straight-numeric',
				'filing.terminal-digit',
				'filing.track-every-move',
				'filing.within-section',
				'id.chi',
				'id.hc-number',
				'id.hospital-number',
				'nhs.check-catches',
				'nhs.plausibility',
				'nhs.test-range',
				'ppi.wristband-format',
				'retention.clock-start',
				'sar.internal-target'
			].sort()
		);
	});

	it('builds reasons that cite the handbook', () => {
		expect(reason('sar.one-month')).toEqual({
			rule: 'sar.one-month',
			handbook: '4.7',
			text: `${RULES['sar.one-month'].summary.replace(/\.$/, '')} (handbook 4.7).`
		});
		expect(ruleById('nope')).toBeUndefined();
		expect(ruleById('toString')).toBeUndefined();
	});
});
