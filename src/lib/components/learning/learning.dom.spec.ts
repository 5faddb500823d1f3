import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { getModule } from '$lib/learning/induction';
import GlossaryTerm from './GlossaryTerm.svelte';
import KnowledgeCheck from './KnowledgeCheck.svelte';

describe('GlossaryTerm', () => {
	it('is a button that reveals the definition inline and hides it again with Escape', async () => {
		render(GlossaryTerm, { id: 'pas', text: 'PAS' });
		const button = screen.getByRole('button', { name: /PAS/ });
		const definition = document.getElementById(button.getAttribute('aria-controls')!)!;
		expect(button).toHaveAttribute('aria-expanded', 'false');
		expect(definition).not.toBeVisible();
		await fireEvent.click(button);
		expect(button).toHaveAttribute('aria-expanded', 'true');
		expect(definition).toBeVisible();
		expect(definition).toHaveTextContent('main administration computer system');
		expect(definition.querySelector('a')?.getAttribute('href')).toMatch(/\/glossary\/#term-pas$/);
		await fireEvent.keyDown(button, { key: 'Escape' });
		expect(button).toHaveAttribute('aria-expanded', 'false');
		expect(document.activeElement).toBe(button);
	});

	it('renders unknown ids as plain text', () => {
		const { container } = render(GlossaryTerm, { id: 'nope', text: 'nope' });
		expect(container.querySelector('button')).toBeNull();
		expect(container).toHaveTextContent('nope');
	});
});

describe('KnowledgeCheck', () => {
	const m = getModule('filing')!;
	const q = m.questions[1];

	it('gives immediate feedback with the explanation and handbook section, and allows a retry', async () => {
		render(KnowledgeCheck, { module: m });
		const box = screen.getAllByTestId('knowledge-question')[1];
		const feedback = box.querySelector('[data-testid="question-feedback"]')!;
		expect(feedback).toHaveAttribute('aria-live', 'polite');

		await fireEvent.click(box.querySelector('button[type="submit"]')!);
		expect(box).toHaveTextContent('Choose an answer');

		const wrong = q.options.find((o) => o.id !== q.answer)!;
		await fireEvent.click(screen.getByLabelText(wrong.text));
		await fireEvent.submit(box.querySelector('form')!);
		expect(feedback).toHaveTextContent('Not quite.');
		expect(feedback).toHaveTextContent(q.explanation);
		expect(feedback).toHaveTextContent(`handbook ${q.sections.join(', ')}`);

		await fireEvent.click(screen.getByLabelText(q.options.find((o) => o.id === q.answer)!.text));
		await fireEvent.submit(box.querySelector('form')!);
		expect(feedback).toHaveTextContent('Correct.');
		expect(screen.getByTestId('check-score')).toHaveTextContent(`1 of ${m.questions.length}`);
	});
});
