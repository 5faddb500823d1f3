import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
	fromBase64Url,
	generateSigningKey,
	shortFingerprint,
	signPayload,
	toBase64Url,
	unsignedEnvelope,
	verifyEnvelope,
	type SignedEnvelope,
	type SigningKeyPair
} from './signing';

// Property runs are quick alone but share two cores with other test runs; time-outs there would be noise.
vi.setConfig({ testTimeout: 60_000 });

let alice: SigningKeyPair;
let mallory: SigningKeyPair;
const pack = {
	scenarios: [{ id: 's1', title: 'Filing loose letters', passMark: 80 }],
	note: 'Week 1 — café'
};
let signed: SignedEnvelope<typeof pack>;

beforeAll(async () => {
	alice = await generateSigningKey();
	mallory = await generateSigningKey();
	signed = await signPayload(pack, alice.privateKey, {
		name: 'Alice Trainer',
		publicKeyJwk: alice.publicKeyJwk
	});
});

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('signing and verifying', () => {
	it('makes an envelope with the signer, fingerprint and signature, and it verifies', async () => {
		expect(signed).toMatchObject({
			format: 'records-room-signed',
			formatVersion: 1,
			signer: { name: 'Alice Trainer', fingerprint: alice.fingerprint },
			payload: pack
		});
		expect(signed.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
		expect(Object.keys(signed.signer.publicKeyJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
		const result = await verifyEnvelope(clone(signed));
		expect(result.status).toBe('valid');
		expect(result.payload).toEqual(pack);
		expect(result.signer?.name).toBe('Alice Trainer');
		expect(result.fingerprint).toBe(alice.fingerprint);
		expect(result.message).toContain('Signed by Alice Trainer');
		expect(result.message).toContain(result.shortFingerprint);
	});

	it('still verifies when the file was written with its keys in another order', async () => {
		const { format, formatVersion, signer, signature } = clone(signed);
		const payload = { note: pack.note, scenarios: pack.scenarios };
		const reordered = { payload, signature, signer, formatVersion, format };
		expect((await verifyEnvelope(reordered)).status).toBe('valid');
	});

	it('reports a changed payload as changed, without handing the payload over', async () => {
		const tampered = clone(signed);
		tampered.payload.scenarios[0].passMark = 10;
		const result = await verifyEnvelope(tampered);
		expect(result.status).toBe('changed');
		expect(result.payload).toBeUndefined();
		expect(result.message).toContain('changed after it was signed');
	});

	it('reports a relabelled signer name as changed', async () => {
		const relabelled = clone(signed);
		relabelled.signer.name = 'Head of Training';
		expect((await verifyEnvelope(relabelled)).status).toBe('changed');
	});

	it('reports a swapped signer key as changed', async () => {
		const swapped = clone(signed);
		swapped.signer.publicKeyJwk = mallory.publicKeyJwk;
		swapped.signer.fingerprint = mallory.fingerprint;
		expect((await verifyEnvelope(swapped)).status).toBe('changed');
	});

	it('reports a fingerprint claim that does not match the key as changed', async () => {
		const lying = clone(signed);
		lying.signer.fingerprint = mallory.fingerprint;
		expect((await verifyEnvelope(lying)).status).toBe('changed');
	});

	it('shows a re-signed copy under the new signer, so the fingerprint check catches it', async () => {
		const tamperedPayload = { ...pack, note: 'changed' };
		const resigned = await signPayload(tamperedPayload, mallory.privateKey, {
			name: 'Alice Trainer',
			publicKeyJwk: mallory.publicKeyJwk
		});
		const result = await verifyEnvelope(resigned, [alice.fingerprint]);
		expect(result.status).toBe('valid');
		expect(result.fingerprint).toBe(mallory.fingerprint);
		expect(result.trusted).toBe(false);
		expect((await verifyEnvelope(signed, [alice.fingerprint])).trusted).toBe(true);
	});

	it('reports an unsigned envelope as unsigned, with its payload and a warning', async () => {
		const result = await verifyEnvelope(clone(unsignedEnvelope(pack)));
		expect(result.status).toBe('unsigned');
		expect(result.payload).toEqual(pack);
		expect(result.message).toContain('not signed');
	});

	it('refuses to sign what JSON cannot carry faithfully, or with an empty name', async () => {
		const who = { name: 'Alice', publicKeyJwk: alice.publicKeyJwk };
		await expect(signPayload({ at: new Date(0) }, alice.privateKey, who)).rejects.toThrow('plain JSON');
		await expect(signPayload(undefined, alice.privateKey, who)).rejects.toThrow('plain JSON');
		await expect(signPayload(pack, alice.privateKey, { ...who, name: '  ' })).rejects.toThrow('name');
	});

	it('keeps the private key out of reach', async () => {
		expect(alice.privateKey.extractable).toBe(false);
		await expect(crypto.subtle.exportKey('jwk', alice.privateKey)).rejects.toThrow();
	});
});

describe('malformed files, in plain English', () => {
	it.each([
		[null, 'not a Records Room file'],
		[[], 'not a Records Room file'],
		['text', 'not a Records Room file'],
		[{ format: 'other' }, 'not a Records Room pack'],
		[{ format: 'records-room-signed' }, 'which version'],
		[{ format: 'records-room-signed', formatVersion: 2, payload: {} }, 'newer version'],
		[{ format: 'records-room-signed', formatVersion: 0, payload: {} }, 'never existed'],
		[{ format: 'records-room-signed', formatVersion: 1 }, 'no content']
	])('%j', async (input, message) => {
		const result = await verifyEnvelope(input);
		expect(result.status).toBe('malformed');
		expect(result.message).toContain(message);
	});

	it('refuses a key with a private member in it', async () => {
		const leaky = clone(signed) as unknown as { signer: { publicKeyJwk: Record<string, string> } };
		leaky.signer.publicKeyJwk.d = 'AAAA';
		expect((await verifyEnvelope(leaky)).status).toBe('malformed');
	});

	it('refuses a key that is not on the curve', async () => {
		const offCurve = clone(signed);
		offCurve.signer.publicKeyJwk.y = offCurve.signer.publicKeyJwk.x;
		expect((await verifyEnvelope(offCurve)).status).toBe('malformed');
	});

	it('refuses a damaged signature', async () => {
		for (const signature of ['', 'abc', signed.signature + 'A', '=' + signed.signature.slice(1), 42]) {
			expect((await verifyEnvelope({ ...clone(signed), signature })).status).toBe('malformed');
		}
	});

	it('survives getters that throw and payloads nested too deep to serialise', async () => {
		const hostile = clone(signed) as unknown as Record<string, unknown>;
		Object.defineProperty(hostile, 'payload', {
			enumerable: true,
			get() {
				throw new Error('boom');
			}
		});
		expect((await verifyEnvelope(hostile)).status).toBe('malformed');
		let deep: unknown = 1;
		for (let i = 0; i < 100_000; i++) deep = [deep];
		expect((await verifyEnvelope({ ...clone(signed), payload: deep })).status).toBe('malformed');
	});
});

describe('fingerprints and encoding', () => {
	it('groups a fingerprint for reading aloud', () => {
		expect(shortFingerprint('3f2a91c07be40d11a9c3ffffffff')).toBe('3f2a 91c0 7be4 0d11 a9c3');
		expect(shortFingerprint(alice.fingerprint)).toMatch(/^([0-9a-f]{4} ){4}[0-9a-f]{4}$/);
	});

	it('round-trips base64url and rejects anything else', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
				expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
			})
		);
		expect(fromBase64Url('a+b/')).toBeNull();
		expect(fromBase64Url('abcde')).toBeNull();
	});
});

describe('hostile input never throws', () => {
	const statuses = ['valid', 'changed', 'unsigned', 'malformed'];

	it('arbitrary JSON values', async () => {
		await fc.assert(
			fc.asyncProperty(fc.jsonValue(), async (value) => {
				const result = await verifyEnvelope(value);
				expect(statuses).toContain(result.status);
				expect(result.status).not.toBe('valid');
			}),
			{ numRuns: 1000 }
		);
	}, 60_000);

	it('mutations of a real signed envelope: only the untouched ones are valid', async () => {
		const paths = [
			['format'],
			['formatVersion'],
			['signature'],
			['signer'],
			['signer', 'name'],
			['signer', 'fingerprint'],
			['signer', 'publicKeyJwk'],
			['signer', 'publicKeyJwk', 'x'],
			['signer', 'publicKeyJwk', 'y'],
			['signer', 'publicKeyJwk', 'crv'],
			['payload'],
			['payload', 'note'],
			['payload', 'scenarios']
		];
		const replacement = fc.oneof(
			fc.jsonValue(),
			fc.constantFrom(
				undefined,
				null,
				'',
				0,
				-1,
				Number.POSITIVE_INFINITY,
				[],
				{},
				'__proto__',
				'constructor'
			),
			fc.string({ unit: 'binary' })
		);
		let valid = 0;
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...paths), replacement, fc.boolean(), async (path, value, remove) => {
				const copy = clone(signed) as unknown as Record<string, unknown>;
				let at = copy;
				for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
				const last = path[path.length - 1];
				const before = JSON.stringify(at[last]);
				if (remove) delete at[last];
				else at[last] = value;
				const result = await verifyEnvelope(copy);
				expect(statuses).toContain(result.status);
				const unchanged = !remove && JSON.stringify(value) === before;
				if (result.status === 'valid') {
					valid++;
					expect(unchanged).toBe(true);
				}
			}),
			{ numRuns: 3000 }
		);
		// Most mutations must change something; a few random values happen to equal the original.
		expect(valid).toBeLessThan(100);
	}, 120_000);
});
