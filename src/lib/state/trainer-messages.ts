import { TrainerPinError, type UnlockResult } from '$lib/db/trainer';
import { describeWait } from '$lib/trainer/pin';
import { describeError } from './errors';

const FIELD_IDS: Record<string, string> = {
	pin: 'new-pin',
	confirm: 'confirm-pin',
	current: 'current-pin',
	profile: 'trainer-heading'
};

/** A thrown PIN or storage problem as words for the screen, with the id of the field it belongs next to. */
export function describeTrainerError(err: unknown, fieldIds: Record<string, string> = FIELD_IDS) {
	fieldIds = { ...FIELD_IDS, ...fieldIds };
	if (err instanceof TrainerPinError)
		return { field: fieldIds[err.field] ?? 'trainer-heading', message: err.message };
	return { ...describeError(err), field: 'trainer-heading' };
}

/** Why a PIN was not accepted, and what to do next. */
export function describeUnlockFailure(
	result: Exclude<UnlockResult, { ok: true }>,
	which: 'pin' | 'current' = 'pin'
) {
	const what = which === 'current' ? 'current PIN' : 'PIN';
	switch (result.reason) {
		case 'no-pin':
			return 'No PIN is set for this profile yet. Reload the page to set one.';
		case 'wait':
			return `Too many wrong tries. Wait ${describeWait(result.waitMs)}, then try again.`;
		case 'wrong':
			if (result.waitMs > 0) {
				return `That ${what} is not right. Too many wrong tries: wait ${describeWait(result.waitMs)}, then try again.`;
			}
			return `That ${what} is not right. Check it and try again. ${result.triesBeforeWait} ${
				result.triesBeforeWait === 1 ? 'try' : 'tries'
			} left before you have to wait.`;
	}
}
