import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import RadioGroup from './RadioGroup.svelte';

const choices = [
	{ id: 'accept', label: 'Accept it' },
	{ id: 'reject', label: 'Reject it' }
];

describe('RadioGroup', () => {
	it('is a named group of native radios, one name, ids the callers focus', () => {
		render(RadioGroup, { name: 'step-1-choice', legend: 'What do you do?', choices });
		const group = screen.getByRole('group', { name: 'What do you do?' });
		expect(group.tagName).toBe('FIELDSET');
		expect(group).not.toHaveAttribute('aria-describedby');
		const radios = screen.getAllByRole('radio');
		expect(radios.map((r) => r.id)).toEqual(['step-1-choice-0', 'step-1-choice-1']);
		expect(radios.every((r) => r.getAttribute('name') === 'step-1-choice')).toBe(true);
		expect(screen.getByLabelText('Reject it')).toHaveAttribute('value', 'reject');
		expect(screen.queryByRole('alert')).toBeNull();
	});

	it('names its hint and its error from the fieldset, and marks the group in error', () => {
		render(RadioGroup, {
			name: 'q',
			legend: 'Pick one',
			choices,
			value: 'reject',
			hint: 'Think first.',
			error: 'Choose one.',
			errorId: 'step-error'
		});
		const group = screen.getByRole('group', { name: 'Pick one' });
		expect(group).toHaveAttribute('aria-describedby', 'q-hint step-error');
		expect(group).toHaveAccessibleDescription('Think first. Error: Choose one.');
		expect(screen.getByRole('alert')).toHaveAttribute('id', 'step-error');
		expect(group.parentElement).toHaveClass('nhsuk-form-group--error');
		expect(screen.getByLabelText('Reject it')).toBeChecked();
	});
});
