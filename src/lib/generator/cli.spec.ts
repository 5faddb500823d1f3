import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTestRangeNhsNumber } from '../domain/nhs-number';
import { runCli } from './cli';

const dir = mkdtempSync(join(tmpdir(), 'rr-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, '2026-11-25');
	return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('generate CLI', () => {
	it('writes the whole trust as JSON, and the same bytes for the same arguments', () => {
		const a = join(dir, 'a.json');
		const b = join(dir, 'b.json');
		expect(run(['--seed', '42', '--patients', '40', '--out', a]).code).toBe(0);
		expect(run(['--seed=42', '--patients=40', `--out=${b}`]).code).toBe(0);
		const json = JSON.parse(readFileSync(a, 'utf8'));
		expect(json.patients).toHaveLength(40);
		expect(json.settings.today).toBe('2026-11-25');
		expect(isTestRangeNhsNumber(json.patients[0].nhsNumber)).toBe(true);
		expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
	});

	it('passes --long-histories to the generator (several volumes for older patients)', () => {
		const f = join(dir, 'long.json');
		expect(run(['--seed', '5', '--patients', '60', '--out', f, '--long-histories', '1']).code).toBe(0);
		const json = JSON.parse(readFileSync(f, 'utf8'));
		expect(json.settings.longHistories).toBe(1);
		expect(json.patients.some((p: { volumes: unknown[] }) => p.volumes.length > 1)).toBe(true);
	});

	it('writes a FHIR bundle with --format fhir', () => {
		const f = join(dir, 'f.json');
		expect(run(['--seed', '1', '--patients', '5', '--out', f, '--format', 'fhir']).code).toBe(0);
		expect(JSON.parse(readFileSync(f, 'utf8'))).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
	});

	it.each([
		[['--patients', '10', '--out', 'x.json'], /--seed is required/],
		[['--seed', '1', '--out', 'x.json'], /--patients is required/],
		[['--seed', '1', '--patients', '10'], /--out is required/],
		[['--seed', '1', '--patients', 'ten', '--out', 'x.json'], /--patients must be a whole number/],
		[['--seed', '1', '--patients', '0', '--out', 'x.json'], /from 1 to 800,000/],
		[
			['--seed', '1', '--patients', '10', '--out', 'x.json', '--format', 'xml'],
			/--format must be "json" or "fhir"/
		],
		[['--seed', '1', '--patients', '10', '--out', 'x.json', '--today', '2026-13-01'], /real date/],
		[
			['--seed', '1', '--patients', '10', '--out', '/no/such/folder/x.json'],
			/folder for --out does not exist/
		],
		[['--seed', '--patients', '10', '--out', 'x.json'], /--seed needs a value/],
		[
			['--seed', '1', '--patients', '10', '--out', 'x.json', '--long-histories', 'many'],
			/--long-histories must be a number from 0 to 1/
		],
		[
			['--seed', '1', '--patients', '10', '--out', 'x.json', '--long-histories', '2'],
			/long histories must be between 0 and 1/
		],
		[['--seed', '1', '--patients', '10', '--out', 'x.json', '--colour', 'red'], /Unknown argument "--colour"/]
	])('refuses %j with a clear message and exit code 2', (args, message) => {
		const r = run(args);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(message);
		expect(r.err).toContain('Usage:');
		expect(existsSync('x.json')).toBe(false);
	});

	it('refuses a folder as --out and leaves no temporary file behind', () => {
		const target = join(dir, 'sub');
		expect(run(['--seed', '1', '--patients', '5', '--out', dir]).err).toMatch(/names a folder/);
		expect(existsSync(target)).toBe(false);
		expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
	});

	it('exits non-zero from the real command line', () => {
		const r = spawnSync('npx', ['tsx', 'src/lib/generator/cli.ts', '--seed', '1'], { encoding: 'utf8' });
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/--patients is required/);
	}, 30_000);
});
