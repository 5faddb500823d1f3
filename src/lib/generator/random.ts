/**
 * The generator's own seeded random source. Small and fast on purpose: every patient derives its numbers from
 * (trust seed, patient index, purpose), so one record can be rebuilt on demand and the same inputs always give the
 * same bytes, in Node, a Worker or a test. Not for anything secret.
 */

/** A source of numbers in [0, 1) plus the helpers the builders use. */
export interface Rng {
	/** Next float in [0, 1). */
	next(): number;
	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number;
	/** True with probability p. */
	chance(p: number): boolean;
	/** One item, uniformly. */
	pick<T>(items: readonly T[]): T;
	/** One item by weight (weights need not sum to 1). */
	weighted<T>(items: readonly T[], weights: readonly number[]): T;
}

/**
 * Hashes a string or number seed to 32 bits (an FNV-1a pass followed by a murmur-style finaliser), so "42" and 42
 * give the same trust.
 */
export function hashSeed(seed: string | number): number {
	const s = String(seed);
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return mix32(h);
}

/** A murmur3-style finaliser: spreads every input bit over the output. */
export function mix32(x: number): number {
	x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
	x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
	return (x ^ (x >>> 16)) >>> 0;
}

/** Stream tags keep the draws for different purposes apart, so adding a field to one never shifts another. */
export const STREAM = {
	core: 1,
	detail: 2,
	defect: 3,
	organisation: 4,
	permutation: 5,
	/** Long casenote histories (generator 1.2.0): only the patients who have one draw more than once from it. */
	history: 6
} as const;

/**
 * Creates an sfc32 generator for (seed, index, stream). Each call is independent: patient 7's core stream does not
 * depend on how many numbers patient 6 drew.
 * @example derive(hashSeed(42), 7, STREAM.core).next()
 */
export function derive(seedHash: number, index: number, stream: number): Rng {
	return new Sfc32(seedHash, index, stream);
}

// A class rather than closures: one record draws from a few streams, and per-call closures cost more than the
// numbers themselves.
class Sfc32 implements Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seedHash: number, index: number, stream: number) {
		this.a = mix32(seedHash ^ 0x9e3779b9);
		this.b = mix32(Math.imul(index + 1, 0x85ebca6b) ^ seedHash);
		this.c = mix32(Math.imul(stream + 1, 0xc2b2ae35) ^ this.b);
		this.d = mix32(this.a ^ this.c ^ index);
		// sfc32 needs a few rounds to shake off closely related starting states.
		for (let i = 0; i < 12; i++) this.next();
	}

	next(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	weighted<T>(items: readonly T[], weights: readonly number[]): T {
		let total = 0;
		for (let i = 0; i < weights.length; i++) total += weights[i];
		let r = this.next() * total;
		for (let i = 0; i < items.length; i++) {
			r -= weights[i];
			if (r < 0) return items[i];
		}
		return items[items.length - 1];
	}
}

/**
 * A keyed bijection on [0, size): a four-round Feistel network over the next power of two, with cycle-walking to
 * stay inside the range. Used to hand out unique identifiers and defect slots per index without generating every
 * patient first.
 */
export interface Permutation {
	readonly size: number;
	readonly key: number;
}

export function permutation(size: number, key: number): Permutation {
	return { size, key };
}

function feistelBits(size: number): number {
	let bits = 2;
	while (1 << bits < size) bits++;
	if (bits % 2) bits++;
	return bits;
}

function round(x: number, key: number, r: number, mask: number): number {
	return mix32(x ^ Math.imul(key, r + 1) ^ (r << 24)) & mask;
}

function feistel(x: number, key: number, bits: number, inverse: boolean): number {
	const half = bits / 2;
	const mask = (1 << half) - 1;
	let l = x >>> half;
	let r = x & mask;
	if (!inverse) {
		for (let i = 0; i < 4; i++) {
			const t = l ^ round(r, key, i, mask);
			l = r;
			r = t;
		}
	} else {
		for (let i = 3; i >= 0; i--) {
			const t = r ^ round(l, key, i, mask);
			r = l;
			l = t;
		}
	}
	return (l << half) | r;
}

/** Maps i in [0, size) to a unique value in [0, size). */
export function permute(p: Permutation, i: number): number {
	const bits = feistelBits(p.size);
	let x = i;
	do x = feistel(x, p.key, bits, false);
	while (x >= p.size);
	return x;
}

/** The inverse of {@link permute}. */
export function unpermute(p: Permutation, y: number): number {
	const bits = feistelBits(p.size);
	let x = y;
	do x = feistel(x, p.key, bits, true);
	while (x >= p.size);
	return x;
}
