/**
 * Trainer-written text (briefings, hints, feedback) as plain text or a small, safe subset of Markdown.
 *
 * Safe by construction rather than by filtering: the source is never treated as HTML. This parser recognises a
 * handful of patterns and writes every tag itself; every character of the trainer's text goes through escapeHtml
 * on its way out. So the only elements that can appear are p, br, strong, em, ul, ol, li and a; the only
 * attributes are href (https or a relative path, checked here) and a fixed rel on links.
 *
 * Supported:
 *   blank line            new paragraph          single line break   <br>
 *   **bold**  *italic*    (and \* for a literal asterisk)
 *   - item / * item       bullet list            1. item             numbered list (always numbered from 1)
 *   [text](https://...)   link; also [text](/path/), ./path, ../path. Any other link shows its text only.
 *
 * SafeMarkdown.svelte is the only place its output meets {@html} (ESLint enforces that).
 */

/** Longer text is cut here before rendering, so a hostile import cannot freeze the page. */
export const SAFE_MARKDOWN_MAX = 20_000;
/** How deep bold/italic may nest before the rest is shown as written. */
const MAX_DEPTH = 4;
const URL_MAX = 2_000;

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Escapes the five characters that matter in HTML text and in double-quoted attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Characters dropped before parsing: C0/C1 controls except tab and newline, and the bidirectional overrides that
 * can make text read differently from what it is (the "Trojan Source" trick, used to disguise a link's text).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function normalise(source: unknown): string {
	if (typeof source !== 'string') return '';
	return source.slice(0, SAFE_MARKDOWN_MAX).replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
}

type Block = { kind: 'p'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[][] };

const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}\d{1,9}[.)][ \t]+(.*)$/;

function parseBlocks(text: string): Block[] {
	const blocks: Block[] = [];
	let current = null as Block | null;
	for (const line of text.split('\n')) {
		if (line.trim() === '') {
			current = null;
			continue;
		}
		const bullet = BULLET.exec(line);
		const numbered = bullet ? null : NUMBERED.exec(line);
		const item = bullet ?? numbered;
		if (item) {
			const kind = bullet ? 'ul' : 'ol';
			if (current?.kind !== kind) {
				current = { kind, items: [] };
				blocks.push(current);
			}
			current.items.push([item[1]]);
		} else if (current && current.kind !== 'p' && /^[ \t]/.test(line)) {
			// An indented line under a list item carries on that item.
			current.items[current.items.length - 1].push(line.trim());
		} else if (current?.kind === 'p') {
			current.lines.push(line.trim());
		} else {
			current = { kind: 'p', lines: [line.trim()] };
			blocks.push(current);
		}
	}
	return blocks;
}

const lines = (ls: string[]) => ls.map((l) => renderInline(l, 0, true)).join('<br>');

/**
 * Renders trainer text to HTML that can only contain the elements and attributes listed above.
 * @example renderSafeMarkdown('Check **three** identifiers') // '<p>Check <strong>three</strong> identifiers</p>'
 */
export function renderSafeMarkdown(source: unknown): string {
	return parseBlocks(normalise(source))
		.map((b) =>
			b.kind === 'p'
				? `<p>${lines(b.lines)}</p>`
				: `<${b.kind}>${b.items.map((i) => `<li>${lines(i)}</li>`).join('')}</${b.kind}>`
		)
		.join('');
}

const ESCAPABLE = '\\*_[]()`#+-.!>';

/** Index of the closing `**` from `from`, skipping backslash escapes, or -1. */
function findClosing(src: string, from: number, marker: '**' | '*'): number {
	for (let j = from; j < src.length; j++) {
		if (src[j] === '\\') {
			j++;
			continue;
		}
		if (marker === '**' && src.startsWith('**', j)) return j;
		if (marker === '*' && src[j] === '*') {
			// Inside italic, a ** pair is bold, not the end of the italic.
			if (src[j + 1] === '*') {
				const close = findClosing(src, j + 2, '**');
				if (close === -1) return -1;
				j = close + 1;
				continue;
			}
			return j;
		}
	}
	return -1;
}

function renderInline(src: string, depth: number, allowLinks: boolean): string {
	if (depth > MAX_DEPTH) return escapeHtml(src);
	let out = '';
	let text = '';
	const flush = () => {
		out += escapeHtml(text);
		text = '';
	};
	for (let i = 0; i < src.length;) {
		const c = src[i];
		if (c === '\\' && i + 1 < src.length && ESCAPABLE.includes(src[i + 1])) {
			text += src[i + 1];
			i += 2;
			continue;
		}
		if (c === '[' && allowLinks) {
			const link = parseLink(src, i);
			if (link) {
				flush();
				const label = renderInline(link.label, depth + 1, false);
				out += link.href
					? `<a href="${escapeHtml(link.href)}" rel="noopener noreferrer">${label}</a>`
					: label;
				i = link.end;
				continue;
			}
		}
		if (c === '*') {
			const marker = src[i + 1] === '*' ? '**' : '*';
			const start = i + marker.length;
			const close = findClosing(src, start, marker);
			const inner = close === -1 ? '' : src.slice(start, close);
			// "2 * 3 * 4" is arithmetic, not italic: emphasis must hug its text.
			if (inner.trim() !== '' && inner === inner.trim()) {
				flush();
				const tag = marker === '**' ? 'strong' : 'em';
				out += `<${tag}>${renderInline(inner, depth + 1, allowLinks)}</${tag}>`;
				i = close + marker.length;
				continue;
			}
			text += marker;
			i = start;
			continue;
		}
		text += c;
		i++;
	}
	flush();
	return out;
}

/** `[label](target)` starting at `start`; href is null when the target is not a safe link. */
function parseLink(
	src: string,
	start: number
): { label: string; target: string; href: string | null; end: number } | null {
	let j = start + 1;
	for (; j < src.length && src[j] !== ']'; j++) {
		if (src[j] === '[') return null;
		if (src[j] === '\\') j++;
	}
	if (j >= src.length || src[j + 1] !== '(') return null;
	const labelEnd = j;
	// Balanced brackets inside the target, as in https://en.wikipedia.org/wiki/Records_(law).
	let close = -1;
	for (let k = labelEnd + 2, depth = 0; k < src.length && close === -1; k++) {
		if (src[k] === '(') depth++;
		else if (src[k] === ')' && depth-- === 0) close = k;
	}
	if (close === -1) return null;
	const target = src.slice(labelEnd + 2, close);
	const label = src.slice(start + 1, labelEnd);
	if (label.trim() === '') return null;
	return { label, target, href: safeHref(target), end: close + 1 };
}

/**
 * The link target if it is https (with a host and no user name, which is a common disguise:
 * https://nhs.uk@evil.example) or a relative path (/x, ./x, ../x); otherwise null. Only printable ASCII is
 * accepted, so no whitespace or control character can smuggle a scheme past the browser's URL parser, and no
 * backslash can turn "/\host" into "//host".
 */
export function safeHref(raw: string): string | null {
	const target = raw.trim();
	if (target === '' || target.length > URL_MAX) return null;
	if (!/^[\x21-\x7e]+$/.test(target) || /["'<>\\`]/.test(target)) return null;
	if (/^https:\/\//i.test(target)) {
		let url: URL;
		try {
			url = new URL(target);
		} catch {
			return null;
		}
		if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return null;
		return url.href;
	}
	if (/^\/(?!\/)/.test(target) || /^\.\.?\//.test(target)) return target;
	return null;
}

/** Link targets in the text that will show as plain text, for authoring validation to explain. */
export function unsafeLinkTargets(source: unknown): string[] {
	const text = normalise(source);
	const found: string[] = [];
	for (let i = text.indexOf('['); i !== -1; i = text.indexOf('[', i + 1)) {
		const link = parseLink(text, i);
		if (link && link.href === null) found.push(link.target);
	}
	return found;
}
