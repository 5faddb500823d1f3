/**
 * Shared parts of the filing family (issue 7; handbook 1.6-1.7, 2.1-2.9): the trust a case is built from, how
 * identifiers are printed on paper, casenote sections, and the rules cited in feedback. The rules themselves
 * (settings, rule texts, filing order) come from $lib/domain; nothing here decides what is right.
 */
import { RULES, trustRules, type RuleId, type TrustRules } from '../../domain';
import { formatNhsNumber } from '../../domain/nhs-number';
import {
	createTrust,
	displayDate,
	type CasenoteSection as GeneratorSection,
	type Trust,
	type TrustSettings
} from '../../generator';
import type { RuleRef } from '../decisions';
import type { ScenarioDefinition } from '../definition';

/** Trust used when a definition names none (or names a shared trust this family cannot load yet). */
const FALLBACK_TRUST = { seed: 7, size: 300, defects: {} as Record<string, number> };

const trustCache = new Map<string, Trust>();

/**
 * The settings of the trust behind one attempt: the definition's trust, varied by the attempt seed so every retry
 * is a new variant, dated at `today`. The embedded PAS is opened on these settings, so it holds the same patients.
 */
export function filingTrustSettings(
	definition: Pick<ScenarioDefinition, 'trust'>,
	seed: number,
	today: string
): TrustSettings {
	const t = definition.trust && 'seed' in definition.trust ? definition.trust : FALLBACK_TRUST;
	return {
		seed: `${t.seed}-${seed}`,
		patients: t.size,
		today,
		defects: t.defects as TrustSettings['defects']
	};
}

/**
 * The trust behind one attempt (see {@link filingTrustSettings}). Memoised because steps rebuild patients on
 * demand (a trust is small).
 */
export function trustFor(definition: Pick<ScenarioDefinition, 'trust'>, seed: number, today: string): Trust {
	const settings = filingTrustSettings(definition, seed, today);
	const key = JSON.stringify(settings);
	let trust = trustCache.get(key);
	if (!trust) {
		trust = createTrust(settings);
		if (trustCache.size > 20) trustCache.clear();
		trustCache.set(key, trust);
	}
	return trust;
}

/** The trust's LOCAL rules (handbook 1.6 minimum identifiers, 2.1 sections and order). */
export function filingRules(): TrustRules {
	return trustRules();
}

/**
 * The generator names the results divider 'results'; the domain's section list calls it 'investigations'.
 * Both lists follow handbook 2.1's default order, so only that id needs translating.
 */
export function domainSectionId(section: GeneratorSection): string {
	return section === 'results' ? 'investigations' : section;
}

/** A rule reference for a decision, from the domain's rule registry. */
export function ruleRef(id: RuleId, text?: string): RuleRef {
	const r = RULES[id];
	return { id, handbook: r.handbook, text: text ?? r.summary };
}

/** Rules of the filing family feedback cites most (handbook 2.1, 2.2, 2.5-2.7, 2.9), from the domain registry. */
export const FILING_RULES = {
	fasten: ruleRef('filing.fasten'),
	setAside: ruleRef('filing.set-aside'),
	misfile: ruleRef('filing.misfile-incident'),
	tracking: ruleRef('filing.track-every-move'),
	volumes: ruleRef('filing.new-volume'),
	temporary: ruleRef('filing.merge-temporary')
} satisfies Record<string, RuleRef>;

/** Identifiers a learner can say they compared (handbook 1.6). Address is an extra, not a core identifier. */
export const IDENTIFIERS = ['name', 'dob', 'nhs', 'hospital', 'address'] as const;
export type IdentifierField = (typeof IDENTIFIERS)[number];

export const IDENTIFIER_LABELS: Record<IdentifierField, string> = {
	name: 'Full name',
	dob: 'Date of birth',
	nhs: 'NHS number',
	hospital: 'Hospital number',
	address: 'Address'
};

/** How a date of birth is printed: real paperwork mixes these (handbook 1.7 transposed DOB). */
export type DateStyle = 'slash' | 'wristband' | 'long';
/** How an NHS number is printed. */
export type NhsStyle = 'spaced' | 'plain' | 'dashed';
/** How a name is printed. */
export type NameStyle = 'forenames-first' | 'surname-comma' | 'wristband';

const LONG_MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** A date as a sheet prints it: "04/03/1987", "04-Mar-1987" or "4 March 1987". */
export function printDate(iso: string, style: DateStyle): string {
	const [y, m, d] = iso.split('-');
	if (style === 'slash') return `${d}/${m}/${y}`;
	if (style === 'wristband') return displayDate(iso);
	return `${Number(d)} ${LONG_MONTHS[Number(m) - 1]} ${y}`;
}

/** An NHS number as a sheet prints it; digits that fail Modulus 11 are still printed as they are. */
export function printNhs(digits: string, style: NhsStyle): string {
	const grouped = (() => {
		try {
			return formatNhsNumber(digits);
		} catch {
			return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
		}
	})();
	if (style === 'spaced') return grouped;
	if (style === 'dashed') return grouped.replaceAll(' ', '-');
	return digits;
}

/** "Forenames Surname" split into parts (generator names put the surname last). */
export function splitName(full: string): { forenames: string; surname: string } {
	const parts = full.trim().split(/\s+/);
	return { forenames: parts.slice(0, -1).join(' '), surname: parts[parts.length - 1] ?? '' };
}

export function printName(full: string, style: NameStyle): string {
	const { forenames, surname } = splitName(full);
	if (style === 'surname-comma') return `${surname}, ${forenames}`;
	if (style === 'wristband') return `${surname.toUpperCase()} ${forenames}`;
	return full;
}

/** A folder cover's name: surname in capitals first (handbook 1.6 display). */
export function coverName(forenames: string[], surname: string): string {
	return `${surname.toUpperCase()}, ${forenames.join(' ')}`;
}

/** Section titles in the trust's folder order (handbook 2.1, LOCAL). */
export function sectionList(rules: TrustRules = filingRules()): { id: string; title: string }[] {
	return rules.casenoteSections.map((s) => ({ id: s.id, title: s.title }));
}

export { displayDate };
