// Executes every `@example` in the domain's JSDoc, so documentation cannot drift from behaviour (issue 3).
// An example is one line: `@example <expression> // <expected>` where <expected> is a JS literal the expression
// must deep-equal, or `throws <ErrorName>`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as facade from './index';

const here = dirname(fileURLToPath(import.meta.url));
// iso-date is an internal helper module, not part of the facade, so it needs no examples.
const INTERNAL = new Set(['iso-date.ts', 'index.ts']);
const sourceFiles = readdirSync(here)
	.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !INTERNAL.has(f))
	.sort();

interface Example {
	file: string;
	line: number;
	expr: string;
	expected: string;
}

/** Splits on the last top-level `//` that is not inside a string literal. */
function splitExample(text: string): { expr: string; expected: string } | null {
	let quote: string | null = null;
	let split = -1;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quote) {
			if (c === '\\') i++;
			else if (c === quote) quote = null;
		} else if (c === "'" || c === '"' || c === '`') quote = c;
		else if (c === '/' && text[i + 1] === '/') split = i;
	}
	if (split < 0) return null;
	return { expr: text.slice(0, split).trim(), expected: text.slice(split + 2).trim() };
}

function examplesIn(file: string): { examples: Example[]; malformed: string[] } {
	const lines = readFileSync(join(here, file), 'utf8').split('\n');
	const examples: Example[] = [];
	const malformed: string[] = [];
	lines.forEach((raw, i) => {
		const m = /^\s*\*?\s*@example\s+(.*)$/.exec(raw);
		if (!m) return;
		const parts = splitExample(m[1]);
		if (!parts || !parts.expr || !parts.expected) malformed.push(`${file}:${i + 1}`);
		else examples.push({ file, line: i + 1, ...parts });
	});
	return { examples, malformed };
}

function evaluate(source: string, scope: Record<string, unknown>): unknown {
	const names = Object.keys(scope);
	return new Function(...names, `"use strict"; return (${source});`)(...names.map((n) => scope[n]));
}

/** Exported functions whose nearest preceding JSDoc block has no @example. */
function exportsWithoutExample(file: string): string[] {
	const text = readFileSync(join(here, file), 'utf8');
	const missing: string[] = [];
	for (const m of text.matchAll(/^export function (\w+)/gm)) {
		const before = text.slice(0, m.index);
		const docEnd = before.lastIndexOf('*/');
		const docStart = before.lastIndexOf('/**');
		const gap = before.slice(docEnd + 2);
		const hasDoc = docEnd > docStart && docStart >= 0 && /^\s*$/.test(gap);
		if (!hasDoc || !before.slice(docStart, docEnd).includes('@example')) missing.push(`${file}: ${m[1]}`);
	}
	return missing;
}

const all = sourceFiles.map(examplesIn);
const examples = all.flatMap((a) => a.examples);

describe('JSDoc @example lines', () => {
	it('finds the domain source files and their examples', () => {
		expect(sourceFiles.length).toBeGreaterThanOrEqual(10);
		expect(examples.length).toBeGreaterThanOrEqual(80);
	});

	it('every @example has an expected result', () => {
		expect(all.flatMap((a) => a.malformed)).toEqual([]);
	});

	it('every exported function has JSDoc with an @example', () => {
		expect(sourceFiles.flatMap(exportsWithoutExample)).toEqual([]);
	});

	it.each(examples.map((e) => [`${e.file}:${e.line} ${e.expr}`, e] as const))('%s', async (_name, ex) => {
		const mod = (await import(/* @vite-ignore */ `./${ex.file.replace(/\.ts$/, '')}`)) as Record<
			string,
			unknown
		>;
		const scope = { ...facade, ...mod } as Record<string, unknown>;
		const thrown = /^throws\s+(\w+)$/.exec(ex.expected);
		if (thrown) {
			let error: unknown;
			try {
				evaluate(ex.expr, scope);
			} catch (e) {
				error = e;
			}
			expect(error, 'expected the example to throw').toBeInstanceOf(Error);
			expect((error as Error).name).toBe(thrown[1]);
			return;
		}
		expect(evaluate(ex.expr, scope)).toEqual(evaluate(ex.expected, {}));
	});
});
