/**
 * Optional speech for the caller's lines (issue 10). Captions are always on; speech is an extra, so every
 * function here does nothing when the browser has no speechSynthesis.
 */
export function speechAvailable(): boolean {
	return (
		typeof window !== 'undefined' &&
		'speechSynthesis' in window &&
		typeof SpeechSynthesisUtterance === 'function'
	);
}

export function speak(text: string): void {
	if (!speechAvailable()) return;
	window.speechSynthesis.cancel();
	const utterance = new SpeechSynthesisUtterance(text);
	utterance.lang = 'en-GB';
	window.speechSynthesis.speak(utterance);
}

export function stopSpeaking(): void {
	if (speechAvailable()) window.speechSynthesis.cancel();
}

/** Whether the learner turned speech on; kept for the whole visit because the screen remounts at every step. */
let wanted = false;
export function speechWanted(): boolean {
	return wanted;
}
export function setSpeechWanted(on: boolean): void {
	wanted = on;
	if (!on) stopSpeaking();
}
