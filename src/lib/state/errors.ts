import { ProfileError } from '$lib/db/profiles';
import { isQuotaError } from './app.svelte';

/**
 * Turns anything thrown by the storage layer into words for the person at the screen, with the form field it is
 * about. Unknown failures still get a plain next step rather than a stack trace.
 */
export function describeError(err: unknown): { field: string; message: string } {
	if (err instanceof ProfileError) return { field: err.field, message: err.message };
	if (isQuotaError(err)) {
		return {
			field: 'profile',
			message:
				'This computer has run out of space for Records Room. Export your progress, then free some space.'
		};
	}
	return {
		field: 'profile',
		message:
			'Something went wrong while saving. Try again; if it keeps happening, reload the page. Nothing already saved is lost.'
	};
}
