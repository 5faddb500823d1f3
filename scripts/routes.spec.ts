import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { PAGES } from '../tests/e2e/pages';

function routes(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) out.push(...routes(full));
		else if (name === '+page.svelte') {
			const rel = relative('src/routes', dir)
				.split('/')
				.filter((s) => s && !s.startsWith('('));
			out.push(rel.length ? `/${rel.join('/')}/` : '/');
		}
	}
	return out;
}

it('every page of the app is in the axe scan list (tests/e2e/pages.ts)', () => {
	const scanned = new Set(PAGES.map((p) => p.split('?')[0]));
	expect(routes('src/routes').filter((r) => !scanned.has(r))).toEqual([]);
});
