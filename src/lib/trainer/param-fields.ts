/**
 * Form fields for a scenario kind's own parameters, worked out from the kind's zod schema (issue 11: "each kind's
 * own parameters", for any kind, including kinds added after this was written). Simple parameters (whole numbers,
 * numbers, yes/no, one of a list, several of a list, short text) get a form field each; anything the form cannot
 * show faithfully (nested objects, lists of records) gets a JSON box for that parameter alone. Validation is always
 * the kind's own schema: these fields only choose the input.
 */
import { z } from '$lib/scenarios/zod';

interface FieldBase {
	key: string;
	label: string;
	/** From the schema's `.describe()` or `.meta({ description })`, when the kind gives one. */
	hint?: string;
}

export type ParamField =
	| (FieldBase & { type: 'integer' | 'number'; min?: number; max?: number })
	| (FieldBase & { type: 'boolean' })
	| (FieldBase & { type: 'text' })
	| (FieldBase & { type: 'choice'; options: string[] })
	| (FieldBase & { type: 'choices'; options: string[] })
	| (FieldBase & { type: 'json' });

type JsonSchema = {
	type?: string | string[];
	enum?: unknown[];
	items?: JsonSchema;
	properties?: Record<string, JsonSchema>;
	minimum?: number;
	maximum?: number;
	description?: string;
	title?: string;
};

/** "askErrorKind" → "Ask error kind"; "invalid_share" → "Invalid share". */
export function humanise(key: string): string {
	const words = key
		.replace(/[_-]+/g, ' ')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.trim()
		.toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

const isStringEnum = (s: JsonSchema | undefined): s is JsonSchema & { enum: string[] } =>
	Array.isArray(s?.enum) && s.enum.every((v) => typeof v === 'string');

function fieldFor(key: string, s: JsonSchema): ParamField {
	const base: FieldBase = { key, label: s.title ?? humanise(key), hint: s.description };
	if (isStringEnum(s)) return { ...base, type: 'choice', options: s.enum };
	if (s.type === 'integer' || s.type === 'number') {
		return { ...base, type: s.type, min: s.minimum, max: s.maximum };
	}
	if (s.type === 'boolean') return { ...base, type: 'boolean' };
	if (s.type === 'string') return { ...base, type: 'text' };
	if (s.type === 'array' && isStringEnum(s.items)) return { ...base, type: 'choices', options: s.items.enum };
	return { ...base, type: 'json' };
}

/**
 * The fields for a params schema, or null when the schema is not a plain object of named parameters (the editor
 * then offers one JSON box for all the params).
 * @example
 * paramFields(z.object({ items: z.number().int().min(2) }));
 * // [{ key: 'items', label: 'Items', type: 'integer', min: 2 }]
 */
export function paramFields(schema: z.ZodType): ParamField[] | null {
	let json: JsonSchema;
	try {
		json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
	} catch {
		return null;
	}
	if (json.type !== 'object' || !json.properties) return null;
	return Object.entries(json.properties).map(([key, s]) => fieldFor(key, s));
}
