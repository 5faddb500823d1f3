import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { patientSummaries } from '$lib/generator';
import type { Decision } from '$lib/scenarios/decisions';
import {
	encodeStep,
	phoneCall,
	setupCall,
	type Phase,
	type PhoneAnswer
} from '$lib/scenarios/phone/phone-call';
import { trustOf } from '$lib/scenarios/retrieval/common';
import CallDebrief from './CallDebrief.svelte';

const c = setupCall(
	{ callTypes: ['patient-appointment'], angryShare: 0, abusiveEscalates: false },
	4,
	'2026-11-25'
);

function decision(seq: number, phase: Phase, s: Record<string, string>, a: PhoneAnswer): Decision {
	const step = encodeStep(phase, s);
	const j = phoneCall.judge(c, step, a);
	return { seq, step, prompt: '', choices: [], ...j, points: 0, timeTakenMs: 0, at: '2026-11-25T10:00:00Z' };
}

describe('CallDebrief', () => {
	it('shows a record opened without need as its own line, naming the rule and handbook section', () => {
		const stray = patientSummaries(trustOf(c.trust)).find(
			(p) =>
				p.index !== c.record.index && !c.record.name.endsWith(p.surname) && p.dateOfBirth !== c.record.dobIso
		)!;
		render(CallDebrief, {
			caseData: c,
			decisions: [
				decision(0, 'greet', {}, { choice: 'full' }),
				decision(1, 'identify', { greet: 'full' }, { choice: 'asked', opened: [stray.hospitalNumber] })
			]
		});
		const notes = screen.getAllByTestId('need-to-know-note');
		expect(notes).toHaveLength(1);
		expect(notes[0]).toHaveTextContent(/Need-to-know: Minor/);
		expect(notes[0]).toHaveTextContent(stray.hospitalNumber);
		expect(notes[0]).toHaveTextContent('(handbook 3.5, 4.11)');
		expect(notes[0].closest('li')).toHaveTextContent('Your PAS audit trail for this step shows you opened');
	});
});
