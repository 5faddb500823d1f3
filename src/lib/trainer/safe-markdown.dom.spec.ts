import { render } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import SafeMarkdown from '$lib/components/SafeMarkdown.svelte';
import { XSS_CORPUS } from '../../../tests/fixtures/xss-corpus';
import { renderSafeMarkdown, safeHref } from './safe-markdown';

// Property runs are quick alone but share two cores with other test runs; time-outs there would be noise.
vi.setConfig({ testTimeout: 60_000 });

const ALLOWED = new Set(['P', 'BR', 'STRONG', 'EM', 'UL', 'OL', 'LI', 'A']);

/** Parses the output as a browser would and lists everything outside the allowed shape. */
function problems(html: string): string[] {
	const host = document.createElement('div');
	host.innerHTML = html;
	const found: string[] = [];
	for (const el of host.querySelectorAll('*')) {
		if (!ALLOWED.has(el.tagName)) found.push(`element <${el.tagName.toLowerCase()}>`);
		for (const attr of el.attributes) {
			const ok =
				el.tagName === 'A' &&
				((attr.name === 'href' && safeHref(attr.value) === attr.value) ||
					(attr.name === 'rel' && attr.value === 'noopener noreferrer'));
			if (!ok) found.push(`attribute ${attr.name}="${attr.value}" on <${el.tagName.toLowerCase()}>`);
		}
	}
	return found;
}

describe('XSS corpus', () => {
	it('has at least 100 payloads', () => {
		expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(100);
		expect(new Set(XSS_CORPUS).size).toBe(XSS_CORPUS.length);
	});

	it.each(XSS_CORPUS.map((p, i) => [i, p]))(
		'payload %i renders to allowed elements and attributes only: %j',
		(_, payload) => {
			const html = renderSafeMarkdown(payload);
			expect(problems(html)).toEqual([]);
		}
	);

	it('all payloads together, as one briefing, also render to the allowed shape', () => {
		expect(problems(renderSafeMarkdown(XSS_CORPUS.join('\n\n')))).toEqual([]);
		expect(problems(renderSafeMarkdown(XSS_CORPUS.join('\n')))).toEqual([]);
	});

	it('shows the payload text to the reader instead of running it', () => {
		const host = document.createElement('div');
		host.innerHTML = renderSafeMarkdown('<script>alert(1)</script>');
		expect(host.textContent).toBe('<script>alert(1)</script>');
	});

	it('self-check: the shape check does catch a dangerous element and attribute', () => {
		expect(problems('<img src=x onerror=alert(1)>')).toEqual([
			'element <img>',
			'attribute src="x" on <img>',
			'attribute onerror="alert(1)" on <img>'
		]);
		expect(problems('<a href="javascript:alert(1)">x</a>')).toEqual([
			'attribute href="javascript:alert(1)" on <a>'
		]);
	});
});

describe('SafeMarkdown component', () => {
	it('renders the subset as elements and a payload as text', () => {
		const { container } = render(SafeMarkdown, {
			source: 'Check **three** identifiers\n\n- NHS number\n- name\n\n<img src=x onerror=alert(1)>'
		});
		const box = container.querySelector('[data-testid="safe-markdown"]')!;
		expect(box.querySelector('strong')?.textContent).toBe('three');
		expect(box.querySelectorAll('li')).toHaveLength(2);
		expect(box.querySelector('img')).toBeNull();
		expect(box.textContent).toContain('<img src=x onerror=alert(1)>');
	});
});
