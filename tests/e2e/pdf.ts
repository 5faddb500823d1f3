import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * Reading back the PDFs Chromium prints (issue 12: "the evidence pack prints cleanly"). Poppler's pdftotext and
 * pdftoppm are used where installed (Debian: poppler-utils); without them a small reader below extracts each page's
 * text from Chromium's own PDF output, which is enough to check the markings, and no PNGs are made.
 */
function which(cmd: string): boolean {
	return ['/usr/bin', '/usr/local/bin', '/bin'].some((d) => existsSync(join(d, cmd)));
}

export const HAS_POPPLER = which('pdftotext') && which('pdftoppm');

/** The text of each page, in order. */
export function pdfPageTexts(pdf: Buffer): string[] {
	if (!HAS_POPPLER) return pdfPageTextsBuiltIn(pdf);
	const dir = mkdtempSync(join(tmpdir(), 'rr-pdf-'));
	const file = join(dir, 'in.pdf');
	writeFileSync(file, pdf);
	// pdftotext separates pages with a form feed.
	const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	return text.split('\f').slice(0, -1);
}

/** Renders each page to a PNG (pdftoppm) and returns their paths, or [] where poppler is not installed. */
export function pdfToPngs(pdf: Buffer, outDir: string, dpi = 80): string[] {
	if (!HAS_POPPLER) return [];
	const file = join(outDir, 'print.pdf');
	writeFileSync(file, pdf);
	execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, join(outDir, 'page')]);
	return readdirSync(outDir)
		.filter((f) => /^page-\d+\.png$/.test(f))
		.sort()
		.map((f) => join(outDir, f));
}

// ---------------------------------------------------------------------------------------------------------------
// A minimal reader for Chromium's PDFs: pages in order, Flate-compressed content streams, text shown with Tj/TJ
// as glyph ids mapped back to characters through each font's ToUnicode CMap. Not a general PDF parser.

type Objects = Map<number, { dict: string; stream?: Buffer }>;

function readObjects(pdf: Buffer): Objects {
	const src = pdf.toString('latin1');
	const objects: Objects = new Map();
	const re = /(\d+) 0 obj\s*/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(src))) {
		const start = m.index + m[0].length;
		const end = src.indexOf('endobj', start);
		const body = src.slice(start, end);
		const s = body.indexOf('stream');
		if (s < 0) {
			objects.set(Number(m[1]), { dict: body });
			continue;
		}
		const dict = body.slice(0, s);
		let dataStart = start + s + 'stream'.length;
		if (src[dataStart] === '\r') dataStart++;
		if (src[dataStart] === '\n') dataStart++;
		const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
		let data = pdf.subarray(dataStart, dataStart + length);
		if (/\/FlateDecode/.test(dict)) data = inflateSync(data);
		objects.set(Number(m[1]), { dict, stream: data });
		re.lastIndex = end;
	}
	return objects;
}

function refs(s: string): number[] {
	return [...s.matchAll(/(\d+) 0 R/g)].map((x) => Number(x[1]));
}

function cmapOf(stream: Buffer): Map<number, string> {
	const map = new Map<number, string>();
	const text = stream.toString('latin1');
	const hexToStr = (h: string) => {
		let out = '';
		for (let i = 0; i < h.length; i += 4) out += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
		return out;
	};
	for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
		for (const p of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
			map.set(parseInt(p[1], 16), hexToStr(p[2]));
	}
	for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
		for (const p of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
			const [lo, hi, first] = [parseInt(p[1], 16), parseInt(p[2], 16), parseInt(p[3], 16)];
			for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(first + c - lo));
		}
	}
	return map;
}

function pageOrder(objects: Objects): number[] {
	const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict))!;
	const walk = (id: number): number[] => {
		const o = objects.get(id)!;
		if (/\/Type\s*\/Pages/.test(o.dict)) return refs(/\/Kids\s*\[([^\]]*)\]/.exec(o.dict)![1]).flatMap(walk);
		return [id];
	};
	return walk(Number(/\/Pages (\d+) 0 R/.exec(catalog.dict)![1]));
}

function pdfPageTextsBuiltIn(pdf: Buffer): string[] {
	const objects = readObjects(pdf);
	return pageOrder(objects).map((id) => {
		const page = objects.get(id)!.dict;
		const resources = /\/Resources (\d+) 0 R/.exec(page);
		const resDict = resources ? objects.get(Number(resources[1]))!.dict : page;
		const fontDictSrc = /\/Font\s*(\d+) 0 R/.exec(resDict);
		const fontsText = fontDictSrc
			? objects.get(Number(fontDictSrc[1]))!.dict
			: (/\/Font\s*<<([\s\S]*?)>>/.exec(resDict)?.[1] ?? '');
		const fonts = new Map<string, Map<number, string>>();
		for (const f of fontsText.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
			const font = objects.get(Number(f[2]))?.dict ?? '';
			const tu = /\/ToUnicode (\d+) 0 R/.exec(font);
			const stream = tu && objects.get(Number(tu[1]))?.stream;
			if (stream) fonts.set(f[1], cmapOf(stream));
		}
		const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)![1];
		let out = '';
		for (const c of refs(contents)) {
			const ops = objects.get(c)?.stream?.toString('latin1') ?? '';
			let cmap = new Map<number, string>();
			for (const t of ops.matchAll(
				/\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|(ET)/g
			)) {
				if (t[1]) cmap = fonts.get(t[1]) ?? new Map();
				const hexes = t[2] ? [...t[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : t[3] ? [t[3]] : [];
				for (const h of hexes)
					for (let i = 0; i < h.length; i += 4) out += cmap.get(parseInt(h.slice(i, i + 4), 16)) ?? '';
				if (t[4]) out += '\n';
			}
		}
		return out;
	});
}

export { pdfPageTextsBuiltIn };
