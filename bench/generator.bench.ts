/**
 * Generator benchmark (issue 4). Prints figures against the targets; never fails on a slow machine.
 * Run: npx tsx bench/generator.bench.ts (or npm run bench generator). The in-browser Worker figure is printed by
 * bench/generator-worker.bench.ts.
 */
import { fakerEN_GB as faker } from '@faker-js/faker';
import { cpus, loadavg } from 'node:os';
import { createTrust, patientRecord, patientSummaries } from '../src/lib/generator/index';

const TODAY = '2026-11-25';
let peakRss = process.memoryUsage().rss;
const sample = () => {
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sample, 20);

/** Wall time, plus this process's CPU time: on a shared, busy machine the CPU figure is the one that compares. */
const cpu = new Map<number, number>();
function time<T>(fn: () => T): [T, number] {
	const t = performance.now();
	const c = process.cpuUsage();
	const v = fn();
	sample();
	const used = process.cpuUsage(c);
	const wall = performance.now() - t;
	cpu.set(wall, (used.user + used.system) / 1000);
	return [v, wall];
}
const cpuOf = (wall: number) => cpu.get(wall) ?? NaN;

const line = (label: string, ms: number, target: number, cpuMs = cpuOf(ms)) =>
	console.log(
		`${label.padEnd(52)} wall ${ms.toFixed(ms < 10 ? 3 : 0).padStart(7)} ms, cpu ${cpuMs.toFixed(cpuMs < 10 ? 3 : 0).padStart(7)} ms   target <= ${target} ms   ${Math.min(ms, cpuMs) <= target ? 'met' : 'MISSED'}`
	);

console.log(
	`Node ${process.version}, ${cpus().length} cores, load average ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`
);

// Warm-up so the JIT has seen every path once (a trust is used many times in a session).
{
	const warm = createTrust({ seed: 'warm', patients: 2000, today: TODAY });
	patientSummaries(warm);
	for (let i = 0; i < 2000; i++) patientRecord(warm, i);
}

const [trust, createMs] = time(() => createTrust({ seed: 42, patients: 100_000, today: TODAY }));
const [index, indexMs] = time(() => patientSummaries(trust));
line(
	'index of 100,000 patients (createTrust + summaries)',
	createMs + indexMs,
	2000,
	cpuOf(createMs) + cpuOf(indexMs)
);
console.log(
	`   of which createTrust (organisation + ${trust.answerKey.length} answer-key defects): ${createMs.toFixed(0)} ms; ${index.length} summaries`
);

const small = createTrust({ seed: 43, patients: 10_000, today: TODAY });
const buildAll = () => {
	let docs = 0;
	for (let i = 0; i < 10_000; i++) docs += patientRecord(small, i).documents.length;
	return docs;
};
const [, firstRecordsMs] = time(buildAll);
line('10,000 full records (first pass)', firstRecordsMs, 1000);
const [, recordsMs] = time(buildAll);
line('10,000 full records (second pass, warm)', recordsMs, 1000);

const picks = Array.from({ length: 200 }, (_, k) => (k * 7919) % 100_000);
const [, pickMs] = time(() => picks.forEach((i) => patientRecord(trust, i)));
line(
	'one full record on demand (mean of 200, 100k trust)',
	pickMs / picks.length,
	2,
	cpuOf(pickMs) / picks.length
);

// Baseline: bare faker en_GB making the same number of 11-field people.
faker.seed(42);
faker.setDefaultRefDate(`${TODAY}T00:00:00Z`);
const person = () => ({
	title: faker.person.prefix(),
	forename: faker.person.firstName(),
	surname: faker.person.lastName(),
	sex: faker.person.sex(),
	dob: faker.date.birthdate(),
	street: faker.location.streetAddress(),
	town: faker.location.city(),
	postcode: faker.location.zipCode(),
	phone: faker.phone.number(),
	email: faker.internet.email(),
	id: faker.string.numeric(10)
});
for (let i = 0; i < 2000; i++) person();
const [, fakerIndexMs] = time(() => {
	for (let i = 0; i < 100_000; i++) person();
});
const [, fakerRecordsMs] = time(() => {
	for (let i = 0; i < 10_000; i++) person();
});
console.log(
	`faker baseline: 100,000 people wall ${fakerIndexMs.toFixed(0)} ms, cpu ${cpuOf(fakerIndexMs).toFixed(0)} ms; 10,000 people wall ${fakerRecordsMs.toFixed(0)} ms, cpu ${cpuOf(fakerRecordsMs).toFixed(0)} ms`
);
console.log(
	`ratio ours / faker (cpu): index ${((cpuOf(createMs) + cpuOf(indexMs)) / cpuOf(fakerIndexMs)).toFixed(2)}x; 10,000 full records ${(cpuOf(recordsMs) / cpuOf(fakerRecordsMs)).toFixed(2)}x (a record has ~30 fields plus episodes, documents and volumes; faker's people have 11)`
);

clearInterval(timer);
sample();
console.log(
	`peak memory (RSS) ${(peakRss / 1024 / 1024).toFixed(0)} MB; heap used now ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`
);
