import { readFileSync, readdirSync } from 'node:fs';
import { sha256OfBytes } from '../src/lib/db/cohort';
import { findRealNhsNumber, checkShape } from '../src/lib/db/backup';
import { sha256Hex } from '../src/lib/db/canonical';
import { readCohortAttempt } from '../src/lib/trainer/cohort';
const dir = '/tmp/records-room-cohort-bench-trainer-200x50';
const files = readdirSync(dir).sort().map((f) => { const b = readFileSync(`${dir}/${f}`); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); });
const T: Record<string, number> = {};
const tm = async (k: string, f: () => unknown) => { const t = performance.now(); const r = await f(); T[k] = (T[k] ?? 0) + performance.now() - t; return r as any; };
for (const bytes of files) {
  await tm('sha-bytes', () => sha256OfBytes(bytes));
  const text: string = await tm('decode', () => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  const json = await tm('parse', () => JSON.parse(text));
  await tm('nhs-scan', () => findRealNhsNumber(text));
  await tm('shape', () => checkShape(json, 0));
  const i = text.indexOf('"data":');
  const raw = text.slice(i + 7, -1);
  await tm('sha-raw', () => sha256Hex(raw));
  await tm('read', () => json.data.attempts.map(readCohortAttempt));
  const s = await tm('stringify', () => JSON.stringify(json.data.attempts));
  await tm('clone', () => structuredClone(json.data.attempts));
}
console.log(Object.entries(T).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('\n'));
