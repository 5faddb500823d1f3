#!/usr/bin/env node
// Finds a Chromium for the Playwright suite, or gets one, before any test runs, so `npm test` works on a fresh
// machine. Order (issue 2): CHROMIUM_PATH; /usr/bin/chromium; Playwright's own browser; Playwright's installer
// (where the internet is reachable); Debian's chromium package when root with apt-get. Prints the choice on stdout;
// exits non-zero with instructions when nothing works.
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { chromium } from 'playwright';

const out = '.playwright-browser';

function usable(path) {
	if (!path || !existsSync(path)) return false;
	const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
	return r.status === 0;
}

function record(path, how) {
	mkdirSync('test-results', { recursive: true });
	writeFileSync(out, path ?? '');
	console.log(`Browser for the end-to-end tests: ${path ?? "Playwright's own Chromium"} (${how})`);
	process.exit(0);
}

if (process.env.CHROMIUM_PATH) {
	if (usable(process.env.CHROMIUM_PATH)) record(process.env.CHROMIUM_PATH, 'from CHROMIUM_PATH');
	console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no working browser is there.`);
	process.exit(1);
}
if (usable('/usr/bin/chromium')) record('/usr/bin/chromium', "Debian's chromium");
if (usable(chromium.executablePath())) record(chromium.executablePath(), "Playwright's own browser");

console.log("No Chromium found. Trying Playwright's installer…");
const pw = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
if (pw.status === 0 && usable(chromium.executablePath()))
	record(chromium.executablePath(), 'installed by Playwright');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
function hasCommand(cmd) {
	try {
		execFileSync('which', [cmd], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}
const hasApt = hasCommand('apt-get');
if (isRoot && hasApt) {
	console.log("Installing Debian's chromium package with apt-get…");
	spawnSync('apt-get', ['update'], { stdio: 'inherit' });
	const apt = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
	if (apt.status === 0 && usable('/usr/bin/chromium'))
		record('/usr/bin/chromium', "installed from Debian's packages");
}

console.error(`
No Chromium browser could be found or installed, so the end-to-end tests cannot run.
Install one of these, then run the tests again:
  - Debian or Ubuntu:   sudo apt-get install chromium
  - Any system online:  npx playwright install chromium
  - Or point to one:    CHROMIUM_PATH=/path/to/chromium npm test
`);
process.exit(1);
