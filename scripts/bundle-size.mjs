#!/usr/bin/env node
// Prints the gzip size of the JavaScript the home page loads before it is interactive: every module the built
// index.html preloads or imports, followed through static imports. Run after `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = 'build';
const page = process.argv[2] ?? 'index.html';
if (!existsSync(join(root, page))) {
	console.error(`No ${root}/${page}: run "npm run build" first.`);
	process.exit(1);
}
const html = readFileSync(join(root, page), 'utf8');
const start = new Set();
for (const m of html.matchAll(/(?:href|src)="([^"]+\.js)"/g)) start.add(m[1]);
for (const m of html.matchAll(/import\(["']([^"']+\.js)["']\)/g)) start.add(m[1]);

const seen = new Map();
const queue = [...start].map((p) => normalize(join(root, p.replace(/^\.?\//, ''))));
while (queue.length) {
	const file = queue.shift();
	if (seen.has(file) || !existsSync(file)) continue;
	const code = readFileSync(file);
	seen.set(file, { raw: code.length, gz: gzipSync(code, { level: 9 }).length });
	// Static imports only: dynamic import() chunks load later, on demand.
	for (const m of code
		.toString()
		.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
		queue.push(normalize(join(dirname(file), m[1])));
	}
	for (const m of code.toString().matchAll(/from["']([^"']+\.js)["']/g))
		queue.push(normalize(join(dirname(file), m[1])));
}
let raw = 0;
let gz = 0;
for (const v of seen.values()) {
	raw += v.raw;
	gz += v.gz;
}
console.log(
	`First-load JavaScript for /${page === 'index.html' ? '' : page}: ${seen.size} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`
);
const faker = [...seen.keys()].filter(
	(f) =>
		/faker/i.test(readFileSync(f, 'utf8').slice(0, 200_000)) &&
		/fakerEN_GB|faker-js/.test(readFileSync(f, 'utf8'))
);
if (faker.length) {
	console.error(`faker is in the first-load bundle (${faker.join(', ')}): it must load lazily in a Worker.`);
	process.exit(1);
}
