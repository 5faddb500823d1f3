#!/usr/bin/env node
// `npm run bench [name]`: runs every bench/*.bench.ts (or those whose name contains the argument) one after
// another, each in its own process so one benchmark's memory and JIT state never colours the next. Benchmarks print
// figures; they are not tests and never fail on a slow machine.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const filter = process.argv[2] ?? '';
const files = readdirSync('bench')
	.filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
	.sort();
if (files.length === 0) {
	console.error(`No benchmark matches "${filter}". Available: ${readdirSync('bench').join(', ')}`);
	process.exit(1);
}
let failed = 0;
for (const f of files) {
	console.log(`\n=== bench/${f}`);
	const r = spawnSync('npx', ['tsx', '--expose-gc', `bench/${f}`], { stdio: 'inherit' });
	if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
