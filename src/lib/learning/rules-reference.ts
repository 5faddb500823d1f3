/**
 * The rules reference (issue 12): every rule in the domain rules table (src/lib/domain/rules.ts), grouped by the
 * handbook chapter and section it comes from. Nothing here retypes a rule: titles, summaries, sources and statuses
 * are read from RULES, so the reference and the feedback that links to it can never disagree.
 */
import { RULES, ruleById, type RuleMeta, type RuleStatus } from '$lib/domain/rules';
import { HANDBOOK_SECTIONS, isHandbookSection } from './handbook-sections';

export interface RuleSectionGroup {
	section: string;
	title: string;
	rules: RuleMeta[];
}

export interface RuleChapterGroup {
	chapter: string;
	title: string;
	sections: RuleSectionGroup[];
}

/** Plain-English labels for a rule's status: LOCAL and UNCERTAIN are said out loud, never hidden. */
export const STATUS_LABELS: Record<RuleStatus, { tag: string; explanation: string }> = {
	firm: { tag: 'Sourced', explanation: 'Taken from a published national source.' },
	medium: {
		tag: 'Medium confidence',
		explanation: 'The handbook found this in good sources but could not confirm every detail.'
	},
	LOCAL: {
		tag: 'Local rule',
		explanation:
			'Trusts decide the detail. Records Room uses the handbook’s default; a trainer can change it.'
	},
	UNCERTAIN: {
		tag: 'Uncertain',
		explanation:
			'The handbook could not confirm this from a primary source. Treat it as a likely rule and check your trust’s policy.'
	}
};

/**
 * The anchor of a rule's entry on the rules page.
 * @example ruleAnchor('nhs.modulus-11') // 'rule-nhs.modulus-11'
 */
export function ruleAnchor(id: string): string {
	return `rule-${id}`;
}

/**
 * The path of a rule's entry, before the app's base path is applied (use with `resolve`).
 * @example rulePath('nhs.modulus-11') // '/rules/#rule-nhs.modulus-11'
 */
export function rulePath(id: string): string {
	return `/rules/#${ruleAnchor(id)}`;
}

/**
 * The first section a rule cites ("5.2, 5.3" → "5.2"): where it is listed.
 * @example primarySection('5.2, 5.3') // '5.2'
 */
export function primarySection(handbook: string): string {
	return handbook.split(/[,;]/)[0].trim();
}

function compareSections(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? -1) - (pb[i] ?? -1);
		if (d !== 0) return d;
	}
	return 0;
}

function sectionTitle(id: string): string {
	return isHandbookSection(id) ? HANDBOOK_SECTIONS[id] : `Section ${id}`;
}

/**
 * Every rule, grouped by handbook chapter then section, in handbook order; rules keep their table order inside a
 * section.
 * @example groupRules()[0].chapter // '1'
 */
export function groupRules(rules: readonly RuleMeta[] = Object.values(RULES)): RuleChapterGroup[] {
	const bySection = new Map<string, RuleMeta[]>();
	for (const rule of rules) {
		const s = primarySection(rule.handbook);
		bySection.set(s, [...(bySection.get(s) ?? []), rule]);
	}
	const chapters = new Map<string, RuleChapterGroup>();
	for (const section of [...bySection.keys()].sort(compareSections)) {
		const chapter = section.split('.')[0];
		let group = chapters.get(chapter);
		if (!group) {
			group = { chapter, title: sectionTitle(chapter), sections: [] };
			chapters.set(chapter, group);
		}
		group.sections.push({ section, title: sectionTitle(section), rules: bySection.get(section)! });
	}
	return [...chapters.values()];
}

/**
 * Rule ids that stored attempts may carry from before the scenario engine used the domain rules table. Decision
 * records are never rewritten, so old ids are mapped here rather than migrated.
 */
const FORMER_RULE_IDS: Record<string, string> = {
	'nhs-number.modulus-11': 'nhs.modulus-11'
};

/**
 * The reference entry a cited rule id points at, accepting former ids; undefined when there is none.
 * @example referencedRule('nhs-number.modulus-11')?.id // 'nhs.modulus-11'
 */
export function referencedRule(id: string): RuleMeta | undefined {
	return ruleById(id) ?? ruleById(FORMER_RULE_IDS[id] ?? '');
}
