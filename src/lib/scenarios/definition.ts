/**
 * Scenario definitions are data (issue 5): built-in ones are files in this folder, trainer-authored ones are the
 * same JSON in IndexedDB. This module validates them and migrates older schema versions forward, so a definition
 * written for an older release still loads and runs.
 */
import { z } from '$lib/scenarios/zod';
import { OUTCOME_IDS } from './outcomes';

export const DEFINITION_SCHEMA_VERSION = 2;

export const FAMILIES = ['identification', 'filing', 'retrieval', 'data-protection', 'phone'] as const;
export type Family = (typeof FAMILIES)[number];

export const FAMILY_LABELS: Record<Family, string> = {
	identification: 'Patient identification',
	filing: 'Filing',
	retrieval: 'Retrieval',
	'data-protection': 'Data protection',
	phone: 'Phone enquiries'
};

const slug = z
	.string({ error: 'is required and must be text' })
	.regex(
		/^[a-z0-9]+(-[a-z0-9]+)*$/,
		'must be lower-case letters, digits and single hyphens, e.g. "nhs-number-check"'
	);

/** A generated trust described inline, or a reference to a shared trust stored by id (handbook: none). */
const trustSchema = z.union([
	z.object({
		seed: z.number().int('must be a whole number').nonnegative('must be 0 or more'),
		size: z
			.number()
			.int()
			.min(1, 'must be at least 1 patient')
			.max(100_000, 'must be at most 100,000 patients'),
		defects: z.record(z.string(), z.number().min(0, 'rates cannot be negative').max(1, 'rates are at most 1'))
	}),
	z.object({ ref: z.string().min(1, 'must name a shared trust') })
]);

export const definitionSchema = z.object({
	schemaVersion: z.literal(DEFINITION_SCHEMA_VERSION, {
		error: `must be ${DEFINITION_SCHEMA_VERSION} after migration`
	}),
	id: slug,
	/** Content version: bump when the case or scoring of this scenario changes, so old attempts are not mixed up. */
	version: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
	family: z.enum(FAMILIES, { error: `must be one of: ${FAMILIES.join(', ')}` }),
	kind: slug,
	title: z
		.string()
		.trim()
		.min(1, 'is required: give the scenario a short title')
		.max(120, 'must be 120 characters or fewer'),
	/** Plain English: what the learner is about to do and why it matters. Paragraphs separated by blank lines. */
	briefing: z.string().trim().min(1, 'is required: say in plain English what the learner will do'),
	audience: z
		.array(
			z.enum(['new-starter', 'apprentice', 'trainer'], {
				error: 'must be new-starter, apprentice or trainer'
			})
		)
		.min(1, 'must name at least one audience'),
	outcomes: z
		.array(
			z.enum(OUTCOME_IDS, {
				error: 'must be an id from the outcomes catalogue (src/lib/scenarios/outcomes.ts)'
			})
		)
		.min(1, 'must list at least one learning outcome'),
	trust: trustSchema.optional(),
	difficulty: z.enum(['gentle', 'realistic', 'challenging'], {
		error: 'must be gentle, realistic or challenging'
	}),
	mode: z.enum(['practice', 'assessment'], { error: 'must be practice or assessment' }),
	/** Whole minutes, or null for no time limit. */
	timeLimitMinutes: z
		.number()
		.int('must be whole minutes')
		.min(1, 'must be at least 1 minute')
		.max(240)
		.nullable(),
	/** Percentage of the available points needed to pass. */
	passMark: z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100'),
	hints: z.object({
		allowed: z.boolean({ error: 'must be true or false' }),
		/** Points taken off for each hint used. */
		cost: z.number().min(0, 'cannot be negative')
	}),
	/** The kind's own settings, checked by the kind's params schema. */
	params: z.record(z.string(), z.unknown())
});

export type ScenarioDefinition<TParams = Record<string, unknown>> = Omit<
	z.infer<typeof definitionSchema>,
	'params'
> & { params: TParams };

export interface ValidationProblem {
	/** Dotted path to the field, e.g. "params.items". */
	path: string;
	message: string;
}

export class DefinitionError extends Error {
	constructor(
		readonly problems: ValidationProblem[],
		readonly definitionId?: string
	) {
		super(
			`Scenario definition${definitionId ? ` "${definitionId}"` : ''} is not valid:\n` +
				problems.map((p) => `- ${p.path || '(top level)'} ${p.message}`).join('\n')
		);
		this.name = 'DefinitionError';
	}
}

/** Turns zod issues into "path message" pairs a trainer can act on. */
export function problemsFrom(error: z.ZodError, prefix = ''): ValidationProblem[] {
	return error.issues.map((issue) => ({
		path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
		message: issue.message
	}));
}

/**
 * Older definition shapes, upgraded one step at a time. Each entry lifts version n to n + 1, never touching
 * anything it does not have to. Version 1 (the first draft format) used `name`, `passMarkPercent`,
 * `timeLimitSeconds`, `hintsAllowed` and `learningOutcomes`, and had no difficulty.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
	1: (v1) => {
		const { name, passMarkPercent, timeLimitSeconds, hintsAllowed, hintCost, learningOutcomes, ...rest } = v1;
		const seconds = typeof timeLimitSeconds === 'number' ? timeLimitSeconds : null;
		return {
			...rest,
			schemaVersion: 2,
			title: name,
			passMark: passMarkPercent,
			timeLimitMinutes: seconds === null || seconds === 0 ? null : Math.max(1, Math.ceil(seconds / 60)),
			hints: { allowed: hintsAllowed === true, cost: typeof hintCost === 'number' ? hintCost : 0 },
			outcomes: learningOutcomes,
			difficulty: rest.difficulty ?? 'realistic'
		};
	}
};

/** Applies the migrations from the definition's schemaVersion up to the current one. */
export function migrateDefinition(raw: unknown): unknown {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
	let current = raw as Record<string, unknown>;
	let from = typeof current.schemaVersion === 'number' ? current.schemaVersion : 1;
	if (from > DEFINITION_SCHEMA_VERSION) {
		throw new DefinitionError(
			[
				{
					path: 'schemaVersion',
					message: `is ${from}, newer than this version of Records Room understands (${DEFINITION_SCHEMA_VERSION}). Update Records Room to use it.`
				}
			],
			typeof current.id === 'string' ? current.id : undefined
		);
	}
	while (from < DEFINITION_SCHEMA_VERSION) {
		const step = MIGRATIONS[from];
		if (!step) break;
		current = step(current);
		from += 1;
	}
	return current;
}

/**
 * Migrates and validates the shared part of a definition. The kind's params are checked by
 * `parseDefinition` in registry.ts, which knows the kind.
 */
export function parseDefinitionFrame(raw: unknown): ScenarioDefinition {
	const migrated = migrateDefinition(raw);
	const result = definitionSchema.safeParse(migrated);
	const id =
		typeof migrated === 'object' && migrated && typeof (migrated as { id?: unknown }).id === 'string'
			? (migrated as { id: string }).id
			: undefined;
	if (!result.success) throw new DefinitionError(problemsFrom(result.error), id);
	const def = result.data;
	if (def.mode === 'assessment' && def.hints.allowed) {
		throw new DefinitionError(
			[{ path: 'hints.allowed', message: 'must be false in assessment mode: assessments give no hints' }],
			id
		);
	}
	return def;
}
