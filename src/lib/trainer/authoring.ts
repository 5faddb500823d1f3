/**
 * Pure helpers for the scenario editor (issue 11, "Authoring without code"): a starting definition for any kind,
 * every validation problem at once (the shared frame and the kind's params are checked side by side, so a trainer
 * sees all of them, not the first layer's), and which form field each problem belongs next to.
 */
import {
	DEFINITION_SCHEMA_VERSION,
	definitionSchema,
	problemsFrom,
	type ScenarioDefinition,
	type ValidationProblem
} from '$lib/scenarios/definition';
import type { AnyScenarioKind } from '$lib/scenarios/kind';
import { BUILT_IN_DEFINITIONS, getBuiltInDefinition, getKind, listKinds } from '$lib/scenarios/registry';

/** "Ward letters: week 1!" → "ward-letters-week-1". Empty when the title has no letters or digits. */
export function slugify(title: string): string {
	return title
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}

/**
 * A new definition of a kind. Params come from the kind's first built-in definition when it has one, so the
 * trainer starts from settings that run; a kind without one starts with empty params and the editor shows what
 * its schema needs.
 */
export function blankDefinition(kind: AnyScenarioKind): ScenarioDefinition {
	const example = BUILT_IN_DEFINITIONS.find((d) => d.kind === kind.kind);
	return {
		schemaVersion: DEFINITION_SCHEMA_VERSION,
		id: '',
		version: 1,
		family: kind.family,
		kind: kind.kind,
		title: '',
		briefing: '',
		audience: ['new-starter'],
		outcomes: example ? [...example.outcomes] : [],
		difficulty: 'realistic',
		mode: 'practice',
		timeLimitMinutes: null,
		passMark: 70,
		hints: { allowed: true, cost: 1 },
		params: example ? structuredClone(example.params) : {}
	};
}

/** A copy of a built-in scenario to edit under a new id and title. */
export function copyOfBuiltIn(id: string): ScenarioDefinition | undefined {
	const source = getBuiltInDefinition(id);
	if (!source) return undefined;
	return { ...structuredClone(source), id: '', version: 1, title: `${source.title} (copy)` };
}

/**
 * Every problem with a definition the editor is about to save, each with the dotted path of its field. Empty
 * when the definition will load in the player.
 * @example
 * checkDefinition({ ...definition, title: '' }); // [{ path: 'title', message: 'is required: ...' }]
 */
export function checkDefinition(raw: Record<string, unknown>): ValidationProblem[] {
	const problems: ValidationProblem[] = [];
	const frame = definitionSchema.safeParse(raw);
	if (!frame.success) problems.push(...problemsFrom(frame.error));
	const kind = typeof raw.kind === 'string' ? getKind(raw.kind) : undefined;
	if (!kind) {
		if (!problems.some((p) => p.path === 'kind')) {
			const known = listKinds()
				.map((k) => k.kind)
				.join(', ');
			problems.push({ path: 'kind', message: `must be a known scenario kind: ${known}` });
		}
	} else {
		if (raw.family !== kind.family) {
			problems.push({ path: 'family', message: `must be "${kind.family}" for the kind "${kind.kind}"` });
		}
		const params = kind.paramsSchema.safeParse(raw.params);
		if (!params.success) problems.push(...problemsFrom(params.error, 'params'));
	}
	if (raw.mode === 'assessment' && (raw.hints as { allowed?: unknown } | undefined)?.allowed === true) {
		problems.push({
			path: 'hints.allowed',
			message: 'must be off in assessment mode: assessments give no hints'
		});
	}
	if (typeof raw.id === 'string' && getBuiltInDefinition(raw.id)) {
		problems.push({ path: 'id', message: 'is the id of a built-in scenario: choose a different id' });
	}
	return problems;
}

/**
 * The form field a problem path belongs to: the path itself when the form has that field, otherwise its nearest
 * parent that it has ("outcomes.2" → "outcomes", "params.callers.0.type" → "params.callers").
 */
export function fieldFor(path: string, known: ReadonlySet<string>): string {
	const parts = path.split('.');
	while (parts.length > 0) {
		const candidate = parts.join('.');
		if (known.has(candidate)) return candidate;
		parts.pop();
	}
	return '';
}

/** An HTML id for a field path: "params.items" → "field-params-items". */
export function fieldDomId(path: string): string {
	return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-') || 'general'}`;
}
