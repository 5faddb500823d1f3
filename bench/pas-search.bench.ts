/**
 * PAS search benchmark (issue 8). Prints figures against the targets; never fails on a slow machine.
 * Run: npx tsx bench/pas-search.bench.ts [patients] (or npm run bench pas-search). The in-browser Worker figure
 * is printed by bench/pas-browser.bench.ts.
 * Targets on 100,000 patients: exact NHS number lookup <= 5 ms, any search <= 50 ms p95, index build <= 2 s.
 */
import { cpus, loadavg } from 'node:os';
import { createTrust, patientOtherNames, patientSummaries } from '../src/lib/generator/index';
import {
	addOtherNames,
	buildPasIndex,
	findByNhsNumber,
	searchPas,
	type PasQuery
} from '../src/lib/pas/search-index';
import { otherNamesOf } from '../src/lib/pas/other-names';

const N = Number(process.argv[2] ?? 100_000);
const line = (label: string, ms: number, target: number) =>
	console.log(
		`${label.padEnd(52)} ${ms.toFixed(ms < 10 ? 3 : 0).padStart(9)} ms   target <= ${target} ms   ${ms <= target ? 'met' : 'MISSED'}`
	);
const pct = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

console.log(
	`Node ${process.version}, ${cpus().length} cores, load ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`
);
let t = performance.now();
const trust = createTrust({ seed: 'bench', patients: N, today: '2026-11-25' });
console.log(
	`createTrust (${N} patients, generator cost)`.padEnd(52),
	(performance.now() - t).toFixed(0).padStart(9),
	'ms'
);
t = performance.now();
const summaries = patientSummaries(trust);
console.log(
	'patientSummaries (generator cost)'.padEnd(52),
	(performance.now() - t).toFixed(0).padStart(9),
	'ms'
);
t = performance.now();
const index = buildPasIndex(summaries);
line('index build from summaries', performance.now() - t, 2000);

// Previous names and aliases, as the worker adds them in the background: every patient, in chunks of 2,000.
t = performance.now();
for (let from = 0; from < N; from += 2000) {
	const chunk = [];
	for (let i = from; i < Math.min(N, from + 2000); i++)
		chunk.push(...otherNamesOf(patientOtherNames(trust, i)));
	addOtherNames(index, chunk);
}
console.log(
	`previous names and aliases of all ${N} patients indexed`.padEnd(52),
	(performance.now() - t).toFixed(0).padStart(9),
	'ms (background, after the index is ready)'
);

const random = (k: number) => summaries[(k * 7919 + 13) % N];
const kinds: [string, (p: (typeof summaries)[number]) => PasQuery][] = [
	['NHS number (exact)', (p) => ({ nhsNumber: p.nhsNumber ?? '9990000000' })],
	['hospital number (exact)', (p) => ({ hospitalNumber: p.hospitalNumber })],
	['surname only', (p) => ({ surname: p.surname })],
	['surname prefix (3 letters)', (p) => ({ surname: p.surname.slice(0, 3) })],
	['surname + DOB', (p) => ({ surname: p.surname, dob: p.dateOfBirth })],
	[
		'surname sound-alike + forename',
		(p) => ({ surname: p.surname.replace(/s$/, 'ss'), forename: p.forenames[0] })
	],
	[
		'surname typo + DOB',
		(p) => ({
			surname: p.surname.slice(0, 1) + p.surname.slice(2, 3) + p.surname.slice(1, 2) + p.surname.slice(3),
			dob: p.dateOfBirth
		})
	],
	['DOB only', (p) => ({ dob: p.dateOfBirth })],
	['postcode (full)', (p) => ({ postcode: p.postcode })],
	['postcode outward + surname', (p) => ({ postcode: p.postcode.split(' ')[0], surname: p.surname })],
	['forename only (1 letter)', (p) => ({ forename: p.forenames[0].slice(0, 1) })]
];
const all: number[] = [];
for (const [label, make] of kinds) {
	const times: number[] = [];
	for (let k = 0; k < 200; k++) {
		const q = make(random(k));
		const s = performance.now();
		searchPas(index, q);
		times.push(performance.now() - s);
	}
	all.push(...times);
	line(`search: ${label} p95`, pct(times, 0.95), label.includes('exact') ? 5 : 50);
}
const lookups: number[] = [];
for (let k = 0; k < 1000; k++) {
	const nhs = random(k).nhsNumber ?? '9990000000';
	const s = performance.now();
	findByNhsNumber(index, nhs);
	lookups.push(performance.now() - s);
}
line('exact NHS number lookup (findByNhsNumber) max', Math.max(...lookups), 5);
line('all searches p95', pct(all, 0.95), 50);
line('all searches max', Math.max(...all), 50);
