import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { readFileSync, realpathSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
	plugins: [sveltekit()],
	define: { __APP_VERSION__: JSON.stringify(pkg.version) },
	css: {
		preprocessorOptions: {
			scss: {
				// nhsuk-frontend still uses a few deprecated Sass features; the warnings are theirs, not ours.
				quietDeps: true,
				silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'if-function']
			}
		}
	},
	worker: { format: 'es' },
	// Git worktrees symlink node_modules to the main checkout; Vite serves files from there only when allowed
	// (without it, @testing-library/svelte's setup file fails to load in *.dom.spec.ts runs).
	server: { fs: { allow: ['.', realpathSync('node_modules')] } },
	test: {
		// The file name picks the environment: *.spec.ts runs in Node, *.dom.spec.ts in happy-dom.
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'node',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
					exclude: ['src/**/*.dom.spec.ts']
				}
			},
			{
				extends: './vite.config.ts',
				// Cleanup is registered in vitest-setup-dom.ts: the plugin's own setup file is injected by a /@fs path
				// that does not resolve when node_modules is a symlink (as in helper worktrees).
				plugins: [svelteTesting({ autoCleanup: false })],
				resolve: { conditions: ['module', 'browser', 'development|production'] },
				test: {
					name: 'dom',
					environment: 'happy-dom',
					include: ['src/**/*.dom.spec.ts'],
					setupFiles: ['./vitest-setup-dom.ts']
				}
			}
		]
	}
});
