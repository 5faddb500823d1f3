/**
 * Scoring a 1,000-decision log must take at most 10 ms (issue 5). Run: npx tsx bench/scoring.bench.ts
 * The log is real: decisions made by the engine playing a 1,000-document tray with mixed answers.
 */
import { performance } from 'node:perf_hooks';
import { parseDefinition, getBuiltInDefinition, getKind } from '../src/lib/scenarios/registry';
import { scoreAttempt } from '../src/lib/scenarios/scoring';
import { playThrough } from '../src/lib/scenarios/testing/play';

const base = getBuiltInDefinition('nhs-number-check-assessment')!;
// 30 documents is the schema's ceiling; build the 1,000-decision log from 34 plays of the largest tray.
const def = parseDefinition({ ...base, timeLimitMinutes: null, params: { ...base.params, items: 30 } });
const kind = getKind(def.kind)!;
const decisions = [];
for (let seed = 1; decisions.length < 1000; seed++) {
	const end = playThrough(kind, def, {
		seed,
		answer: (_step, options) => options[seed % options.length]
	});
	for (const d of end.context.decisions)
		if (decisions.length < 1000) decisions.push({ ...d, seq: decisions.length });
}
const log = {
	decisions,
	hints: [],
	possiblePoints: decisions.length * 2,
	elapsedMs: 3_600_000,
	endReason: 'completed' as const
};

for (let i = 0; i < 50; i++) scoreAttempt(def, log); // warm-up
const times: number[] = [];
for (let i = 0; i < 500; i++) {
	const t0 = performance.now();
	scoreAttempt(def, log);
	times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
const cold = (() => {
	const t0 = performance.now();
	scoreAttempt(def, { ...log, decisions: log.decisions.map((d) => ({ ...d })) });
	return performance.now() - t0;
})();
const r = scoreAttempt(def, log);
console.log(
	`scoring a ${decisions.length}-decision log (${r.percent}%, ${r.criticalErrors.length} critical):`
);
console.log(
	`  median ${pct(50).toFixed(3)} ms, p95 ${pct(95).toFixed(3)} ms, max ${times[times.length - 1].toFixed(3)} ms, fresh objects ${cold.toFixed(3)} ms (budget 10 ms)`
);
if (pct(95) > 10) {
	console.error('FAIL: over the 10 ms budget');
	process.exitCode = 1;
}
