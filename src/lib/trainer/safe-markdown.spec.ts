import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
	escapeHtml,
	renderSafeMarkdown,
	safeHref,
	SAFE_MARKDOWN_MAX,
	unsafeLinkTargets
} from './safe-markdown';

// Property runs are quick alone but share two cores with other test runs; time-outs there would be noise.
vi.setConfig({ testTimeout: 60_000 });

describe('rendering', () => {
	it.each([
		['', ''],
		['Hello', '<p>Hello</p>'],
		['One\n\nTwo', '<p>One</p><p>Two</p>'],
		['One\r\nline two', '<p>One<br>line two</p>'],
		['  padded  \n\n\n\nnext', '<p>padded</p><p>next</p>'],
		['Check **three** identifiers', '<p>Check <strong>three</strong> identifiers</p>'],
		['An *important* step', '<p>An <em>important</em> step</p>'],
		['**bold with *italic* inside**', '<p><strong>bold with <em>italic</em> inside</strong></p>'],
		['*italic with **bold** inside*', '<p><em>italic with <strong>bold</strong> inside</em></p>'],
		['2 * 3 * 4', '<p>2 * 3 * 4</p>'],
		['** not bold **', '<p>** not bold **</p>'],
		['an *unclosed star', '<p>an *unclosed star</p>'],
		['a literal \\*star\\*', '<p>a literal *star*</p>'],
		['- one\n- two', '<ul><li>one</li><li>two</li></ul>'],
		['* one\n+ two', '<ul><li>one</li><li>two</li></ul>'],
		['1. one\n2. two', '<ol><li>one</li><li>two</li></ol>'],
		['3) three', '<ol><li>three</li></ol>'],
		['- one\n  carries on\n- two', '<ul><li>one<br>carries on</li><li>two</li></ul>'],
		['Intro\n- a\n- b\n\nAfter', '<p>Intro</p><ul><li>a</li><li>b</li></ul><p>After</p>'],
		['- a\n1. b', '<ul><li>a</li></ul><ol><li>b</li></ol>'],
		['- **bold** item', '<ul><li><strong>bold</strong> item</li></ul>'],
		['-not a list', '<p>-not a list</p>'],
		[
			'See [the guide](https://example.org/guide)',
			'<p>See <a href="https://example.org/guide" rel="noopener noreferrer">the guide</a></p>'
		],
		[
			'[law](https://example.org/Records_(law))',
			'<p><a href="https://example.org/Records_(law)" rel="noopener noreferrer">law</a></p>'
		],
		['[home](/)', '<p><a href="/" rel="noopener noreferrer">home</a></p>'],
		['[up](../handbook/)', '<p><a href="../handbook/" rel="noopener noreferrer">up</a></p>'],
		[
			'[**bold** link](./x/)',
			'<p><a href="./x/" rel="noopener noreferrer"><strong>bold</strong> link</a></p>'
		],
		['[bad](javascript:alert(1))', '<p>bad</p>'],
		['[plain] text (with brackets)', '<p>[plain] text (with brackets)</p>'],
		['[](https://example.org/)', '<p>[](https://example.org/)</p>'],
		['Fish & chips <b>', '<p>Fish &amp; chips &lt;b&gt;</p>'],
		['"quoted" and \'single\'', '<p>&quot;quoted&quot; and &#39;single&#39;</p>'],
		['&lt;already&gt;', '<p>&amp;lt;already&amp;gt;</p>'],
		['tab\there', '<p>tab\there</p>'],
		['bell\u0007 and rtl\u202e override', '<p>bell and rtl override</p>']
	])('%j', (source, html) => {
		expect(renderSafeMarkdown(source)).toBe(html);
	});

	it('renders nothing for a non-string', () => {
		expect(renderSafeMarkdown(undefined)).toBe('');
		expect(renderSafeMarkdown({ toString: () => '<script>' })).toBe('');
	});

	it('cuts very long text and stays fast on pathological input', () => {
		const t0 = performance.now();
		for (const s of ['*'.repeat(50_000), '**a'.repeat(20_000), '['.repeat(30_000), '[a]('.repeat(10_000)]) {
			renderSafeMarkdown(s);
		}
		expect(performance.now() - t0).toBeLessThan(3_000);
		expect(renderSafeMarkdown('a'.repeat(SAFE_MARKDOWN_MAX + 10))).toBe(
			`<p>${'a'.repeat(SAFE_MARKDOWN_MAX)}</p>`
		);
	});

	it('stops nesting emphasis at a sensible depth', () => {
		const deep = '*'.repeat(1) + '**'.repeat(30) + 'x' + '**'.repeat(30) + '*';
		expect(renderSafeMarkdown(deep)).not.toContain('<script');
	});
});

describe('link targets', () => {
	it.each([
		['https://example.org/a?b=1#c', 'https://example.org/a?b=1#c'],
		['HTTPS://Example.org', 'https://example.org/'],
		['/path/', '/path/'],
		['./here', './here'],
		['../up', '../up']
	])('allows %s', (raw, href) => {
		expect(safeHref(raw)).toBe(href);
	});

	it.each([
		'javascript:alert(1)',
		'JavaScript:alert(1)',
		'data:text/html,x',
		'vbscript:x',
		'http://example.org/',
		'//evil.example',
		'/\\evil.example',
		'https://user:pass@example.org/',
		'https://nhs.uk@evil.example/',
		'https://',
		'https://exa mple.org/',
		'https://example.org/"onmouseover=x',
		'https://example.org/\u00e9',
		'mailto:someone@example.org',
		'relative/without/dot',
		'#anchor',
		''
	])('refuses %j', (raw) => {
		expect(safeHref(raw)).toBeNull();
	});

	it('lists the links that will show as text only, for authoring validation', () => {
		expect(
			unsafeLinkTargets('[a](https://x.example/) [b](javascript:alert(1)) [c](http://x.example/)')
		).toEqual(['javascript:alert(1)', 'http://x.example/']);
	});
});

describe('properties', () => {
	it('escapeHtml leaves none of the five special characters', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (s) => {
				expect(escapeHtml(s)).not.toMatch(/[<>"']/);
			})
		);
	});

	it('any text: every < in the output starts one of the allowed tags', () => {
		const allowed = /^<\/?(p|br|strong|em|ul|ol|li|a)( href="[^"<>]*" rel="noopener noreferrer")?>/;
		fc.assert(
			fc.property(
				fc.string({
					unit: fc.constantFrom(...'<>*_[]()-1. \n\\"\'&:/abcjavascript'.split('')),
					maxLength: 200
				}),
				(s) => {
					const html = renderSafeMarkdown(s);
					for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
						expect(html.slice(i)).toMatch(allowed);
					}
				}
			),
			{ numRuns: 3000 }
		);
	});
});
