import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '$lib/domain/nhs-number';
import { findGlossaryTerms } from './glossary';
import { HANDBOOK_SECTIONS, citeHandbook, isHandbookSection } from './handbook-sections';
import { getBuiltInDefinition } from '$lib/scenarios/registry';
import { getModule, INDUCTION_MODULES, moduleTexts, totalMinutes } from './induction';

const modules = INDUCTION_MODULES.map((m) => [m.id, m] as const);

describe('induction route content', () => {
	it('has one module per induction topic, in order, with unique ids', () => {
		expect(INDUCTION_MODULES.map((m) => m.id)).toEqual([
			'what-records-are-for',
			'identifying-patients',
			'paper-and-electronic-records',
			'filing',
			'tracking-and-missing-notes',
			'confidentiality-and-data-protection',
			'phone-calls'
		]);
	});

	it('the first module is done well under an hour by a reader new to the NHS', () => {
		const first = INDUCTION_MODULES[0];
		expect(first.minutes).toBeLessThanOrEqual(20);
		// Checks the estimate is honest: at a slow 100 words a minute plus a minute per question it still fits.
		const words = moduleTexts(first).join(' ').split(/\s+/).length;
		expect(words / 100 + first.questions.length).toBeLessThan(first.minutes);
	});

	it('sums the route time', () => {
		expect(totalMinutes()).toBe(INDUCTION_MODULES.reduce((s, m) => s + m.minutes, 0));
	});

	it.each(modules)('%s: introduction in several short sections, each citing the handbook', (_id, m) => {
		expect(m.title).not.toBe('');
		expect(m.summary).not.toBe('');
		expect(m.minutes).toBeGreaterThan(0);
		expect(m.intro.length).toBeGreaterThanOrEqual(3);
		for (const s of m.intro) {
			expect(s.body.length).toBeGreaterThan(0);
			expect(s.sections.length).toBeGreaterThan(0);
		}
		expect(Array.isArray(m.practiceScenarioIds)).toBe(true);
	});

	it.each(modules)('%s: sentences stay short for a general adult reader', (_id, m) => {
		for (const text of moduleTexts(m)) {
			for (const sentence of text.split(/(?<=[.!?])\s+/)) {
				expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(45);
			}
		}
	});

	it.each(modules)('%s: 3-5 multiple-choice questions, each answer among its options', (_id, m) => {
		expect(m.questions.length).toBeGreaterThanOrEqual(3);
		expect(m.questions.length).toBeLessThanOrEqual(5);
		expect(new Set(m.questions.map((q) => q.id)).size).toBe(m.questions.length);
		for (const q of m.questions) {
			const ids = q.options.map((o) => o.id);
			expect(new Set(ids).size).toBe(ids.length);
			expect(q.options.length).toBeGreaterThanOrEqual(3);
			expect(ids).toContain(q.answer);
			expect(q.explanation.length).toBeGreaterThan(20);
			expect(q.sections.length).toBeGreaterThan(0);
		}
	});

	it.each(modules)('%s: every handbook section cited exists', (_id, m) => {
		const cited = [...m.intro.flatMap((s) => s.sections), ...m.questions.flatMap((q) => q.sections)];
		for (const id of cited) expect(isHandbookSection(id), id).toBe(true);
	});

	it.each(modules)('%s: any NHS number in the text is a valid synthetic one from the 999 range', (_id, m) => {
		const all = [
			...moduleTexts(m),
			...m.questions.flatMap((q) => [q.prompt, ...q.options.map((o) => o.text)])
		];
		for (const n of all.join(' ').match(/\b\d{3} \d{3} \d{4}\b/g) ?? []) {
			expect(n.startsWith('999'), n).toBe(true);
			expect(isValidNhsNumber(n), n).toBe(true);
		}
	});

	it.each(modules)('%s: explains at least one glossary term in its introduction', (_id, m) => {
		expect(findGlossaryTerms(moduleTexts(m).join('\n')).length).toBeGreaterThan(0);
	});

	it('finds modules by id', () => {
		expect(getModule('filing')?.title).toBe('Filing');
		expect(getModule('nope')).toBeUndefined();
		expect(getModule(null)).toBeUndefined();
	});
});

describe('handbook sections', () => {
	it('knows the handbook headings and cites them in the app convention', () => {
		expect(HANDBOOK_SECTIONS['2.3']).toBe('Terminal digit filing');
		expect(isHandbookSection('2.3')).toBe(true);
		expect(isHandbookSection('2.10')).toBe(false);
		expect(isHandbookSection('toString')).toBe(false);
		expect(citeHandbook(['1.6', '2.2'])).toBe('handbook 1.6, 2.2');
	});
});

describe('practice scenarios after each module', () => {
	const ORDER = { gentle: 0, realistic: 1, challenging: 2 } as const;
	it.each(INDUCTION_MODULES.map((m) => [m.id, m] as const))(
		'%s: names built-in practice scenarios, gentlest first',
		(_id, m) => {
			const defs = m.practiceScenarioIds.map((id) => getBuiltInDefinition(id));
			expect(defs.every((d) => d !== undefined && d.mode === 'practice')).toBe(true);
			const ranks = defs.map((d) => ORDER[d!.difficulty]);
			expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		}
	);
});
