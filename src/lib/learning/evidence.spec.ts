import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '$lib/db/canonical';
import type { Decision } from '$lib/scenarios/decisions';
import { getBuiltInDefinition } from '$lib/scenarios/registry';
import {
	buildEvidenceData,
	buildEvidencePack,
	decisionsOf,
	evidenceFileName,
	verifyEvidencePack,
	type AttemptForEvidence
} from './evidence';

const decision: Decision = {
	seq: 0,
	step: 'item-0',
	prompt: 'Check 999 000 0000',
	choices: [],
	response: { value: 'accept', text: 'Accept' },
	correct: { values: ['reject'], text: 'Reject' },
	outcome: 'major',
	maxPoints: 2,
	points: 0,
	outcomes: ['ihrim.unique-identifiers'],
	rule: { id: 'nhs.modulus-11', handbook: '1.2', text: 'Check the digit (handbook 1.2).' },
	explanation: 'The check digit does not match.',
	timeTakenMs: 1000,
	at: '2026-01-01T10:00:00Z'
};

function attempt(id: string, finishedAt: string, passed: boolean): AttemptForEvidence {
	return {
		id,
		definitionId: 'nhs-number-check-gentle',
		definition: getBuiltInDefinition('nhs-number-check-gentle')!,
		seed: 7,
		status: 'finished',
		startedAt: finishedAt,
		updatedAt: finishedAt,
		finishedAt,
		summary: { percent: passed ? 80 : 20, passed },
		snapshot: { context: { decisions: [decision] } }
	};
}

const learner = { name: 'Ann Lee', role: 'apprentice' };

describe('evidence pack', () => {
	it('maps passed attempts to outcomes with their decisions, oldest attempt first', () => {
		const data = buildEvidenceData(
			learner,
			[
				attempt('b', '2026-01-02T10:00:00Z', true),
				attempt('a', '2026-01-01T10:00:00Z', true),
				attempt('c', '2026-01-03T10:00:00Z', false),
				{ ...attempt('d', '2026-01-04T10:00:00Z', true), status: 'in-progress', finishedAt: null }
			],
			null,
			'2026-01-05T00:00:00Z'
		);
		expect(data.attempts.map((a) => a.id)).toEqual(['a', 'b', 'c']);
		expect(data.attempts[0].decisions[0]).toMatchObject({ step: 1, rule: { id: 'nhs.modulus-11' } });
		expect(data.outcomes.find((o) => o.id === 'ihrim.unique-identifiers')?.attemptIds).toEqual(['b', 'a']);
		expect(data.outcomes.find((o) => o.id === 'dsa.breaches')?.attemptIds).toEqual([]);
	});

	it('round-trips through JSON with a checksum that detects any change', async () => {
		const data = buildEvidenceData(
			learner,
			[attempt('a', '2026-01-01T10:00:00Z', true)],
			{ name: 'T. Rainer', date: '2026-01-06', comments: 'Good.' },
			'2026-01-05T00:00:00Z'
		);
		const pack = await buildEvidencePack(data);
		expect(pack).toMatchObject({ format: 'records-room-evidence-pack', formatVersion: 1, synthetic: true });
		expect(pack.sha256).toBe(await sha256Hex(canonicalJson(data)));
		const read = JSON.parse(JSON.stringify(pack, null, 1));
		expect(await verifyEvidencePack(read)).toMatchObject({ ok: true });
		read.data.attempts[0].percent = 100;
		expect(await verifyEvidencePack(read)).toMatchObject({ ok: false });
		expect(await verifyEvidencePack({ ...pack, synthetic: false })).toMatchObject({ ok: false });
		expect(await verifyEvidencePack({ format: 'other' })).toMatchObject({ ok: false });
	});

	it('reads decisions defensively and names files safely', () => {
		expect(decisionsOf(null)).toEqual([]);
		expect(decisionsOf({ context: { decisions: 'x' } })).toEqual([]);
		expect(evidenceFileName('Ann Lee', '2026-11-25T10:00:00Z')).toBe(
			'records-room-evidence-ann-lee-2026-11-25.json'
		);
		expect(evidenceFileName('!!!', '2026-11-25T10:00:00Z')).toBe(
			'records-room-evidence-learner-2026-11-25.json'
		);
	});
});
