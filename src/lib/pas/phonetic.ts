/**
 * A small sound-alike key for British names (handbook 1.7: "same or similar names"; 3.1: partial-name and
 * sound-alike searches before registering). Soundex-like, with a few spelling rules in front so that the usual
 * variants of names heard over a counter or a phone share a key: Philips/Phillips/Filips, Mackenzie/McKenzie,
 * Thompson/Thomson, Catherine/Katherine, Stephen/Steven, Knight/Night.
 *
 * It is deliberately coarse: it finds candidates, and the learner still checks three identifiers (handbook 1.6).
 */

const CODES: Record<string, string> = {
	B: '1',
	F: '1',
	P: '1',
	V: '1',
	C: '2',
	G: '2',
	J: '2',
	K: '2',
	Q: '2',
	S: '2',
	X: '2',
	Z: '2',
	D: '3',
	T: '3',
	L: '4',
	M: '5',
	N: '5',
	R: '6'
};

/** Spelling rules applied before coding, longest first within each position. */
const START_RULES: [RegExp, string][] = [
	[/^MAC/, 'MC'],
	[/^KN/, 'N'],
	[/^WR/, 'R'],
	[/^PS/, 'S'],
	[/^PH/, 'F'],
	[/^WH/, 'W'],
	[/^CH(?=R)/, 'K'],
	[/^C(?=[AOU])/, 'K'],
	[/^C(?=[EIY])/, 'S'],
	[/^Y(?=[AEIOU])/, 'J']
];
const ANYWHERE_RULES: [RegExp, string][] = [
	[/PH/g, 'F'],
	[/CK/g, 'K'],
	[/GH(?![AEIOUY])/g, ''],
	[/MPS/g, 'MS'],
	[/DG/g, 'G'],
	[/TCH/g, 'CH'],
	[/SCH/g, 'SK'],
	[/(?<=.)H/g, ''],
	[/(.)\1+/g, '$1']
];

/**
 * The sound-alike key of a name: a letter and three digits (e.g. 'F412'), or '' for a name with no letters.
 * @example phoneticKey('Phillips') === phoneticKey('Filips') // true
 */
export function phoneticKey(name: string): string {
	let s = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.replace(/[^A-Z]/g, '');
	if (!s) return '';
	for (const [re, to] of START_RULES) s = s.replace(re, to);
	for (const [re, to] of ANYWHERE_RULES) s = s.replace(re, to);
	if (!s) return '';
	const first = s[0];
	let key = first;
	let last = CODES[first] ?? '';
	for (let i = 1; i < s.length && key.length < 4; i++) {
		const ch = s[i];
		const code = CODES[ch] ?? '';
		// Vowels separate equal codes (as in Soundex); W and Y do not.
		if (!code) {
			if (ch !== 'W' && ch !== 'Y') last = '';
			continue;
		}
		if (code !== last) key += code;
		last = code;
	}
	return key.padEnd(4, '0');
}

/**
 * Edit distance with adjacent swaps counting as one edit (optimal string alignment), capped: returns max + 1 as soon
 * as the distance must exceed max. Used to accept a one- or two-letter typo in a name.
 * @example editDistance('Jonhson', 'Johnson', 2) // 1
 */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const n = b.length;
	let prev2 = new Array<number>(n + 1).fill(0);
	let prev = Array.from({ length: n + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur = new Array<number>(n + 1);
		cur[0] = i;
		let rowMin = cur[0];
		for (let j = 1; j <= n; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
			cur[j] = v;
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return max + 1;
		prev2 = prev;
		prev = cur;
	}
	return prev[n];
}
