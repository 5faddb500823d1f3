/**
 * Signed envelopes for scenario packs and assignment files (issue 11, "Sharing").
 *
 * The trainer's browser keeps an ECDSA P-256 key pair; the private half is a non-extractable CryptoKey, so it
 * cannot be read out of the browser even by script on the page. A file carries the payload, the signer's name and
 * public key, and a signature. Importing checks whether the file was changed since its author signed it.
 *
 * What a valid signature proves, and what it does not: it proves the payload and signer name are exactly as the
 * holder of that key signed them. Anyone can make a key and sign anything, so "valid" is only worth as much as the
 * trainer's recognition of the key: the fingerprint is shown in short hex groups so two trainers can read it to
 * each other over the phone, and callers can pass fingerprints they already trust.
 *
 * `verifyEnvelope` never throws: anything odd in a file becomes 'malformed' with a plain-English message.
 */
import { canonicalJson, sha256Hex } from '$lib/db/canonical';

export const SIGNED_FORMAT = 'records-room-signed';
export const SIGNED_FORMAT_VERSION = 1;
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;
export const SIGNER_NAME_MAX = 80;
/** Hex digits of the fingerprint shown to people: 80 bits, read as five groups of four. */
const SHORT_FINGERPRINT_HEX = 20;

/** The public half of a P-256 key with only the members that define it (RFC 7638), and nothing private. */
export interface PublicKeyJwk {
	kty: 'EC';
	crv: 'P-256';
	x: string;
	y: string;
}

export interface Signer {
	name: string;
	publicKeyJwk: PublicKeyJwk;
	/** Hex SHA-256 thumbprint of the public key (RFC 7638). */
	fingerprint: string;
}

export interface SignedEnvelope<T = unknown> {
	format: typeof SIGNED_FORMAT;
	formatVersion: typeof SIGNED_FORMAT_VERSION;
	signer: Signer;
	/** base64url of the 64-byte IEEE P1363 signature (r ‖ s) that WebCrypto produces. */
	signature: string;
	payload: T;
}

export interface UnsignedEnvelope<T = unknown> {
	format: typeof SIGNED_FORMAT;
	formatVersion: typeof SIGNED_FORMAT_VERSION;
	signature: null;
	payload: T;
}

export type VerifyStatus = 'valid' | 'changed' | 'unsigned' | 'malformed';

export interface VerifyResult {
	status: VerifyStatus;
	/** Plain English for the import screen. */
	message: string;
	/** Present for 'valid' and 'changed' (who claims to have signed it; only trust the name when 'valid'). */
	signer?: { name: string; publicKeyJwk: PublicKeyJwk };
	/** Full hex thumbprint of the key in the file, recomputed here (the file's own claim is not believed). */
	fingerprint?: string;
	/** The same, as short groups for reading aloud: "3f2a 91c0 7be4 0d11 a9c3". */
	shortFingerprint?: string;
	/** Whether the fingerprint is one of those passed in as trusted; undefined when no list was given. */
	trusted?: boolean;
	/** The payload, for 'valid' and 'unsigned' only. */
	payload?: unknown;
}

export interface SigningKeyPair {
	privateKey: CryptoKey;
	publicKeyJwk: PublicKeyJwk;
	fingerprint: string;
}

/** Makes a new key pair; the private key can sign but can never be exported. */
export async function generateSigningKey(): Promise<SigningKeyPair> {
	const pair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
	const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
	const publicKeyJwk = publicPart(jwk);
	if (!publicKeyJwk) throw new Error('The browser produced a key of an unexpected shape.');
	return { privateKey: pair.privateKey, publicKeyJwk, fingerprint: await fingerprintOf(publicKeyJwk) };
}

/** RFC 7638 thumbprint: SHA-256 of the required members in sorted order with no spaces, which canonicalJson gives. */
export async function fingerprintOf(jwk: PublicKeyJwk): Promise<string> {
	return sha256Hex(canonicalJson({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }));
}

/** "3f2a91c07be40d11a9c3..." → "3f2a 91c0 7be4 0d11 a9c3". */
export function shortFingerprint(hex: string): string {
	return (hex.slice(0, SHORT_FINGERPRINT_HEX).match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * The bytes that are signed. The signer's name and the format version are inside the signature along with the
 * payload, so nobody can relabel a pack with someone else's name while keeping the signature valid.
 */
function signedBytes(formatVersion: number, signerName: string, payload: unknown): Uint8Array {
	return new TextEncoder().encode(canonicalJson({ formatVersion, payload, signerName }));
}

/**
 * Signs a payload. The payload must be plain JSON data (what will be written to the file); a value JSON cannot
 * represent faithfully (undefined, functions, NaN) would sign one thing and export another, so it is refused.
 */
export async function signPayload<T>(
	payload: T,
	privateKey: CryptoKey,
	signer: { name: string; publicKeyJwk: PublicKeyJwk }
): Promise<SignedEnvelope<T>> {
	const name = signer.name.trim();
	if (!name || [...name].length > SIGNER_NAME_MAX) {
		throw new Error(`The signer's name must be 1 to ${SIGNER_NAME_MAX} characters.`);
	}
	const publicKeyJwk = publicPart(signer.publicKeyJwk);
	if (!publicKeyJwk) throw new Error('The public key is not a P-256 key.');
	if (!isPlainJson(payload)) throw new Error('Only plain JSON data can be signed.');
	const signature = await crypto.subtle.sign(
		SIGN_PARAMS,
		privateKey,
		signedBytes(SIGNED_FORMAT_VERSION, name, payload) as BufferSource
	);
	return {
		format: SIGNED_FORMAT,
		formatVersion: SIGNED_FORMAT_VERSION,
		signer: { name, publicKeyJwk, fingerprint: await fingerprintOf(publicKeyJwk) },
		signature: toBase64Url(new Uint8Array(signature)),
		payload
	};
}

/** An envelope without a signature, for trainers who have not made a key or files made by older versions. */
export function unsignedEnvelope<T>(payload: T): UnsignedEnvelope<T> {
	return { format: SIGNED_FORMAT, formatVersion: SIGNED_FORMAT_VERSION, signature: null, payload };
}

const MALFORMED = (message: string): VerifyResult => ({ status: 'malformed', message });

/**
 * Checks a file read from disk (already JSON-parsed). Never throws, whatever it is given.
 * @param trustedFingerprints full hex fingerprints the trainer has already accepted, if any.
 */
export async function verifyEnvelope(
	input: unknown,
	trustedFingerprints?: readonly string[]
): Promise<VerifyResult> {
	try {
		return await verifyUnsafe(input, trustedFingerprints);
	} catch {
		// A getter that throws, a payload nested too deep to serialise, a crypto failure: all the same to the user.
		return MALFORMED(
			'This file could not be read as a Records Room file. It may be damaged. Ask for it again.'
		);
	}
}

async function verifyUnsafe(input: unknown, trusted?: readonly string[]): Promise<VerifyResult> {
	if (!isPlainObject(input)) {
		return MALFORMED('This is not a Records Room file. Check you chose the file you were sent.');
	}
	if (input.format !== SIGNED_FORMAT) {
		return MALFORMED('This is not a Records Room pack or assignment file. Check you chose the right file.');
	}
	if (typeof input.formatVersion !== 'number' || !Number.isInteger(input.formatVersion)) {
		return MALFORMED('This file does not say which version of the format it uses, so it cannot be read.');
	}
	if (input.formatVersion > SIGNED_FORMAT_VERSION) {
		return MALFORMED(
			'This file was made by a newer version of Records Room. Update this copy of Records Room, then try again.'
		);
	}
	if (input.formatVersion < 1) {
		return MALFORMED('This file gives a format version that never existed. It may be damaged.');
	}
	if (!('payload' in input)) return MALFORMED('This file has no content in it. It may be damaged.');

	if ((input.signature === null || input.signature === undefined) && !('signer' in input)) {
		return {
			status: 'unsigned',
			message:
				'This file is not signed, so there is no way to tell who made it or whether it was changed. Only import it if you trust where it came from.',
			payload: input.payload
		};
	}

	const signer = input.signer;
	if (!isPlainObject(signer)) return MALFORMED('The signature details in this file are damaged.');
	const jwk = publicPart(signer.publicKeyJwk);
	if (!jwk)
		return MALFORMED("The signer's key in this file is damaged or of a kind Records Room does not use.");
	const name = typeof signer.name === 'string' ? signer.name : null;
	if (name === null || name.trim() === '' || [...name].length > SIGNER_NAME_MAX || /\p{Cc}/u.test(name)) {
		return MALFORMED("The signer's name in this file is missing or damaged.");
	}
	const signature = typeof input.signature === 'string' ? fromBase64Url(input.signature) : null;
	if (!signature || signature.length !== 64) return MALFORMED('The signature in this file is damaged.');

	const fingerprint = await fingerprintOf(jwk);
	const who = { name, publicKeyJwk: jwk };
	const common = {
		signer: who,
		fingerprint,
		shortFingerprint: shortFingerprint(fingerprint),
		trusted: trusted ? trusted.includes(fingerprint) : undefined
	};

	let key: CryptoKey;
	try {
		key = await crypto.subtle.importKey('jwk', { ...jwk, ext: true }, ALGORITHM, false, ['verify']);
	} catch {
		return MALFORMED("The signer's key in this file is not a valid key. The file may be damaged.");
	}
	const ok = await crypto.subtle.verify(
		SIGN_PARAMS,
		key,
		signature as BufferSource,
		signedBytes(input.formatVersion, name, input.payload) as BufferSource
	);
	// The fingerprint written in the file is not signed; it must match the key, or the file was edited.
	if (!ok || signer.fingerprint !== fingerprint) {
		return {
			status: 'changed',
			message: `This file was changed after it was signed, or the signature does not belong to it. Do not import it: ask ${name} (or whoever sent it) for a fresh copy.`,
			...common
		};
	}
	return {
		status: 'valid',
		message: `Signed by ${name}, and not changed since. Key fingerprint ${common.shortFingerprint}: check it with ${name} if you have not before.`,
		...common,
		payload: input.payload
	};
}

/** A Date or a class with toJSON would sign as one thing and be written to the file as another. */
function isPlainJson(payload: unknown): boolean {
	const text = JSON.stringify(payload);
	return text !== undefined && canonicalJson(JSON.parse(text)) === canonicalJson(payload);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const B64URL_COORD = /^[A-Za-z0-9_-]{43}$/;

/** The public members of a P-256 JWK, or null if it is anything else (a private member is refused outright). */
function publicPart(value: unknown): PublicKeyJwk | null {
	if (!isPlainObject(value)) return null;
	if ('d' in value) return null;
	const { kty, crv, x, y } = value;
	if (kty !== 'EC' || crv !== 'P-256') return null;
	if (typeof x !== 'string' || typeof y !== 'string' || !B64URL_COORD.test(x) || !B64URL_COORD.test(y)) {
		return null;
	}
	return { kty, crv, x, y };
}

export function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	for (const b of bytes) bin += String.fromCharCode(b);
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Strict: only the base64url alphabet, no padding; returns null for anything else. */
export function fromBase64Url(text: string): Uint8Array | null {
	if (text.length > 200 || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
	const bin = atob(b64);
	return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
