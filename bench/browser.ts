/**
 * Shared set-up for benchmarks that need the real browser: builds the app when there is no build, serves it with
 * `vite preview` on a port of its own, and launches Debian's Chromium (or CHROMIUM_PATH) through Playwright.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright';

export interface BrowserBench {
	page: Page;
	browser: Browser;
	base: string;
	close: () => Promise<void>;
}

export async function openBrowserBench(port = 4190): Promise<BrowserBench> {
	if (!existsSync('build/index.html') || process.env.BENCH_REBUILD) {
		const r = spawnSync('npx', ['vite', 'build'], { stdio: 'ignore' });
		if (r.status !== 0) throw new Error('The build failed: run "npm run build" to see why.');
	}
	const server: ChildProcess = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
		stdio: 'ignore',
		detached: true
	});
	const base = `http://localhost:${port}`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(base)).ok) break;
		} catch {
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	const executablePath =
		process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
	});
	const page = await browser.newPage();
	page.on('pageerror', (e) => console.error('Page error:', e.message));
	return {
		page,
		browser,
		base,
		close: async () => {
			await browser.close();
			try {
				process.kill(-server.pid!);
			} catch {
				server.kill();
			}
		}
	};
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
