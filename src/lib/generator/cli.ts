/**
 * `npm run generate -- --seed 42 --patients 1000 --out trust.json [--format json|fhir] [--today YYYY-MM-DD]`
 *
 * Writes the whole trust as JSON (or a FHIR R4 collection Bundle). Output goes to a temporary file that is renamed
 * into place only when complete, so a failure never leaves a half-written file behind.
 */
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { organisationResources, patientResources } from './fhir';
import { patientRecord } from './record';
import { checkSettings, createTrust, GENERATOR_VERSION } from './trust';
import type { TrustSettings } from './types';

export const USAGE = `Usage: npm run generate -- --seed <number or word> --patients <1-800000> --out <file> [--format json|fhir] [--today YYYY-MM-DD] [--prefix K] [--long-histories 0.1]
Writes a synthetic trust (training data only, never real patients).`;

export interface CliOptions {
	settings: TrustSettings;
	out: string;
	format: 'json' | 'fhir';
}

/** Parses arguments; returns the options or a list of problems (plain sentences). */
export function parseArgs(argv: string[], todayFromClock: string): CliOptions | { problems: string[] } {
	const known = new Set([
		'--seed',
		'--patients',
		'--out',
		'--format',
		'--today',
		'--prefix',
		'--long-histories'
	]);
	const values = new Map<string, string>();
	const problems: string[] = [];
	for (let k = 0; k < argv.length; k++) {
		const arg = argv[k];
		const [flag, inline] = arg.includes('=')
			? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
			: [arg, undefined];
		if (!known.has(flag)) {
			problems.push(`Unknown argument "${arg}".`);
			continue;
		}
		const value = inline ?? argv[++k];
		if (value === undefined || (inline === undefined && value.startsWith('--'))) {
			problems.push(`${flag} needs a value.`);
			if (value?.startsWith('--')) k--;
			continue;
		}
		values.set(flag, value);
	}
	if (!values.has('--seed')) problems.push('--seed is required (any number or word, e.g. --seed 42).');
	if (!values.has('--patients')) problems.push('--patients is required (e.g. --patients 1000).');
	if (!values.has('--out')) problems.push('--out is required (the file to write, e.g. --out trust.json).');
	const format = values.get('--format') ?? 'json';
	if (format !== 'json' && format !== 'fhir')
		problems.push(`--format must be "json" or "fhir" (got "${format}").`);
	const patientsText = values.get('--patients') ?? '';
	const patients = /^\d+$/.test(patientsText) ? Number(patientsText) : NaN;
	if (values.has('--patients') && Number.isNaN(patients))
		problems.push(`--patients must be a whole number (got "${patientsText}").`);
	const longText = values.get('--long-histories');
	const longHistories = longText !== undefined && /^\d*\.?\d+$/.test(longText) ? Number(longText) : NaN;
	if (longText !== undefined && Number.isNaN(longHistories))
		problems.push(`--long-histories must be a number from 0 to 1 (got "${longText}").`);
	const out = values.get('--out');
	if (out) {
		const dir = dirname(resolve(out));
		if (!existsSync(dir) || !statSync(dir).isDirectory())
			problems.push(`The folder for --out does not exist: ${dir}. Create it first.`);
		else if (existsSync(out) && statSync(out).isDirectory())
			problems.push(`--out names a folder, not a file: ${out}.`);
	}
	const settings: TrustSettings = {
		seed: values.get('--seed') ?? '',
		patients,
		today: values.get('--today') ?? todayFromClock,
		...(values.has('--prefix') ? { hospitalNumberPrefix: values.get('--prefix') } : {}),
		...(longText !== undefined && !Number.isNaN(longHistories) ? { longHistories } : {})
	};
	if (values.has('--seed') && values.has('--patients') && !Number.isNaN(patients))
		problems.push(...checkSettings(settings));
	if (problems.length) return { problems };
	return { settings, out: out!, format: format as 'json' | 'fhir' };
}

/** Writes the trust to `out` via a temporary file. Returns the number of bytes written. */
export function writeTrust(options: CliOptions): number {
	const trust = createTrust(options.settings);
	const tmp = `${options.out}.tmp-${process.pid}`;
	const fd = openSync(tmp, 'w');
	let bytes = 0;
	const write = (s: string) => {
		bytes += writeSync(fd, s);
	};
	try {
		const n = trust.settings.patients;
		if (options.format === 'json') {
			write(
				`{"generatorVersion":${JSON.stringify(GENERATOR_VERSION)},"synthetic":"Synthetic training data - not real patients",`
			);
			write(
				`"settings":${JSON.stringify(trust.settings)},"organisation":${JSON.stringify(trust.organisation)},`
			);
			write(`"answerKey":${JSON.stringify(trust.answerKey)},"patients":[`);
			for (let i = 0; i < n; i++) write((i ? ',' : '') + JSON.stringify(patientRecord(trust, i)));
			write(']}\n');
		} else {
			write(
				`{"resourceType":"Bundle","id":"trust-${trust.seedHash}","type":"collection","timestamp":"${trust.settings.today}T00:00:00Z","entry":[`
			);
			let first = true;
			const emit = (e: unknown) => {
				write((first ? '' : ',') + JSON.stringify(e));
				first = false;
			};
			for (const e of organisationResources(trust)) emit(e);
			for (let i = 0; i < n; i++) for (const e of patientResources(trust, patientRecord(trust, i))) emit(e);
			write(']}\n');
		}
		closeSync(fd);
		renameSync(tmp, options.out);
	} catch (err) {
		closeSync(fd);
		rmSync(tmp, { force: true });
		throw err;
	}
	return bytes;
}

/** Runs the command; returns the exit code (0 done, 2 bad arguments, 1 failure while writing). */
export function runCli(
	argv: string[],
	io: { out: (s: string) => void; err: (s: string) => void },
	todayFromClock: string
): number {
	if (argv.includes('--help') || argv.includes('-h')) {
		io.out(USAGE);
		return 0;
	}
	const parsed = parseArgs(argv, todayFromClock);
	if ('problems' in parsed) {
		io.err(`Cannot generate: ${parsed.problems.join(' ')}\n${USAGE}`);
		return 2;
	}
	try {
		const started = performance.now();
		const bytes = writeTrust(parsed);
		const { seed, patients, today } = parsed.settings;
		io.out(
			`Wrote ${patients} synthetic patients (seed ${seed}, today ${today}, ${parsed.format}) to ${parsed.out}: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s.`
		);
		return 0;
	} catch (err) {
		io.err(`Generation failed and nothing was written: ${err instanceof Error ? err.message : String(err)}`);
		return 1;
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	// The CLI is the one place allowed to read the clock: "today" defaults to the date it runs (pass --today to fix it).
	const today = new Date().toISOString().slice(0, 10);
	process.exitCode = runCli(
		process.argv.slice(2),
		{ out: (s) => console.log(s), err: (s) => console.error(s) },
		today
	);
}
