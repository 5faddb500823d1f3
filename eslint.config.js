import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const frameworkFree = {
	patterns: [
		{
			group: ['svelte', 'svelte/*', '$app/*', '@sveltejs/*'],
			message: 'domain/ and generator/ stay framework-free so they run in Node, a Worker and tests alike.'
		},
		{ group: ['xstate', 'xstate/*'], message: 'Rules are pure; machines call rules, never the reverse.' },
		{
			group: ['dexie', '$lib/db', '$lib/db/*', '**/db/*'],
			message: 'Rules and generation never touch storage.'
		},
		{ group: ['$lib/components/*', '$lib/state/*'], message: 'Rules and generation know nothing of the UI.' }
	]
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/scenarios/zod.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: 'zod',
							message:
								"Import z from '$lib/scenarios/zod': it is configured jitless, so schemas never need eval under our CSP."
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/domain/**/*.ts', 'src/lib/generator/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', frameworkFree] }
	},
	{
		// Clock reads make output depend on when it ran; time is passed in (architecture: determinism).
		files: ['src/lib/domain/**/*.ts', 'src/lib/generator/**/*.ts', 'src/lib/scenarios/**/*.ts'],
		ignores: ['**/*.spec.ts', 'src/lib/generator/cli.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "NewExpression[callee.name='Date'][arguments.length=0]",
					message: 'Pass time in; do not read the clock.'
				},
				{
					selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
					message: 'Pass time in; do not read the clock.'
				},
				{
					selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
					message: 'Use the seeded random source passed in.'
				}
			]
		}
	},
	{
		files: ['src/lib/components/**/*.svelte', 'src/lib/components/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/db', '$lib/db/*', '**/db/*'],
							message:
								'Components get data through $lib/state modules, so storage can change without touching the UI.'
						}
					]
				}
			]
		}
	},
	{
		// {@html} is allowed in one place only: the sanitising SafeText component.
		files: ['src/**/*.svelte'],
		ignores: ['src/lib/components/SafeMarkdown.svelte'],
		rules: { 'svelte/no-at-html-tags': 'error' }
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'dist/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench/results/'
		]
	}
);
