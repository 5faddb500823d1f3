/**
 * A small seeded random source (mulberry32): the same seed gives the same sequence on every machine, so a
 * (definition, seed) pair is one exact case a whole class can share. Not for anything security-related.
 * @example const r = seededRandom(42); r(); // 0.6011037519201636 every time
 */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A whole number in [0, n). */
export function randomInt(random: () => number, n: number): number {
	return Math.floor(random() * n);
}

/** Fisher-Yates shuffle into a new array. */
export function shuffled<T>(random: () => number, items: readonly T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomInt(random, i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
