import type { Component } from 'svelte';
import NhsNumberCheckScreen from './screens/NhsNumberCheckScreen.svelte';
import PhoneCallScreen from '$lib/components/phone/PhoneCallScreen.svelte';
import type { ScreenProps } from './screen-props';

/**
 * Screen components by scenario kind. Kept out of src/lib/scenarios so the engine stays UI-free and runs in Node;
 * a new kind adds one line here (see src/lib/scenarios/README.md).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SCREENS: Record<string, Component<ScreenProps<any>>> = {
	'nhs-number-check': NhsNumberCheckScreen,
	'phone-call': PhoneCallScreen
};
