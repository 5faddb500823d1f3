import { describe, expect, it } from 'vitest';
import { getBuiltInDefinition, getKind } from './registry';
import { playThrough } from './testing/play';
import { decisionToXapi, isoDuration, XAPI_ANSWERED } from './xapi';

describe('xAPI mapping', () => {
	it('formats ISO 8601 durations', () => {
		expect(isoDuration(0)).toBe('PT0S');
		expect(isoDuration(83_500)).toBe('PT1M23.5S');
		expect(isoDuration(3_600_000)).toBe('PT1H');
	});

	it('maps a decision one to one onto an "answered" statement', () => {
		const def = getBuiltInDefinition('nhs-number-check-realistic')!;
		const end = playThrough(getKind(def.kind)!, def, { msPerStep: 4200 });
		const d = end.context.decisions[0];
		const s = decisionToXapi(d, {
			actor: { name: 'Priya', profileId: 'p1' },
			definitionId: def.id,
			definitionVersion: def.version,
			attemptId: '0b6f3c8e-1a2b-4c3d-8e9f-0123456789ab',
			rubricVersion: 1
		});
		expect(s.verb.id).toBe(XAPI_ANSWERED);
		expect(s.object.id).toBe(`https://records-room.example/xapi/scenarios/${def.id}/v1/${d.step}`);
		expect(s.object.definition.interactionType).toBe('choice');
		expect(s.object.definition.choices?.map((c) => c.id)).toEqual([
			'accept',
			'reject-single-digit',
			'reject-transposition',
			'reject-not-sure'
		]);
		expect(s.object.definition.correctResponsesPattern).toEqual(d.correct.values);
		expect(s.result).toMatchObject({
			response: 'accept',
			success: d.outcome === 'correct',
			score: { raw: d.points, min: 0, max: 2 },
			duration: 'PT4.2S'
		});
		expect(s.context.registration).toBe('0b6f3c8e-1a2b-4c3d-8e9f-0123456789ab');
		expect(s.timestamp).toBe(d.at);
	});
});
