import type { StepView } from '$lib/scenarios/kind';

/**
 * What every kind's screen component receives. The screen shows the step and calls `onanswer` with an answer in
 * the kind's answer shape; it never judges the answer (the machine does).
 */
export interface ScreenProps<TData = unknown> {
	view: StepView<TData>;
	onanswer: (answer: unknown) => void;
}
