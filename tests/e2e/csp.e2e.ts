import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, gotoReady, test } from './fixtures';

/** Every HTML file the build wrote (prerendered pages and the SPA fallback), as URL paths. */
function builtPages(dir = 'build'): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith('.html')) {
				const rel = relative(dir, full).split(sep).join('/');
				out.push('/' + (rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel));
			}
		}
	};
	walk(dir);
	return out.sort();
}

function parsePolicy(html: string): Map<string, string[]> | null {
	const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html);
	if (!meta) return null;
	const policy = new Map<string, string[]>();
	for (const part of meta[1].split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (name) policy.set(name.toLowerCase(), values);
	}
	return policy;
}

// Read inside the tests, not at collection time: Playwright builds the app before starting the preview server,
// so build/ is only current (or present at all) once the tests run.
test('every built page is served with the Content-Security-Policy', async ({ request }) => {
	const pages = builtPages();
	expect(pages).toContain('/');
	expect(pages).toContain('/trainer/');
	for (const path of pages) {
		// The SPA fallback (200.html) is not a route the preview server answers; the host serves it for unknown
		// paths, so check the file itself.
		let html: string;
		if (path.endsWith('/')) {
			const response = await request.get(path);
			expect(response.ok(), path).toBe(true);
			html = await response.text();
		} else {
			html = readFileSync(join('build', path), 'utf8');
		}
		const policy = parsePolicy(html);
		expect(policy, `CSP meta tag on ${path}`).not.toBeNull();
		const all = [...policy!.values()].flat();
		expect(all, path).not.toContain("'unsafe-eval'");
		expect(policy!.get('connect-src'), path).toEqual(["'self'"]);
		expect(policy!.get('default-src'), path).toEqual(["'self'"]);
		expect(policy!.get('object-src'), path).toEqual(["'none'"]);
		const scripts = policy!.get('script-src') ?? [];
		expect(scripts, path).not.toContain("'unsafe-inline'");
		expect(scripts, path).toContain("'self'");
		// Hash mode: each inline script SvelteKit wrote is allowed by its hash, nothing else inline.
		expect(
			scripts.some((s) => s.startsWith("'sha256-")),
			path
		).toBe(true);
		// No inline event handlers anywhere in the built page (they would be blocked, and mean {@html} leaked).
		expect(html, path).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
	}
	console.log(`CSP checked on ${pages.length} built pages: ${pages.join(', ')}`);
});

test('every page loads under its policy without a single violation', async ({ page }) => {
	await page.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	for (const path of builtPages().filter((p) => p.endsWith('/'))) {
		await gotoReady(page, path);
		expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), path).toEqual([]);
	}
});
