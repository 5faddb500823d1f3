import type { Component } from 'svelte';
import DecisionScreen from '$lib/components/data-protection/DecisionScreen.svelte';
import NhsNumberCheckScreen from './screens/NhsNumberCheckScreen.svelte';
import ClinicPreparationScreen from '../retrieval/ClinicPreparationScreen.svelte';
import MissingNotesScreen from '../retrieval/MissingNotesScreen.svelte';
import RegistrationCheckScreen from '../retrieval/RegistrationCheckScreen.svelte';
import UrgentRequestScreen from '../retrieval/UrgentRequestScreen.svelte';
import LooseFilingScreen from '$lib/components/filing/LooseFilingScreen.svelte';
import ShelvingScreen from '$lib/components/filing/ShelvingScreen.svelte';
import FolderCareScreen from '$lib/components/filing/FolderCareScreen.svelte';
import PhoneCallScreen from '$lib/components/phone/PhoneCallScreen.svelte';
import CallDebrief from '$lib/components/phone/CallDebrief.svelte';
import type { Decision } from '$lib/scenarios/decisions';
import type { ScreenProps } from './screen-props';

/**
 * Screen components by scenario kind. Kept out of src/lib/scenarios so the engine stays UI-free and runs in Node;
 * a new kind adds one line here (see src/lib/scenarios/README.md).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SCREENS: Record<string, Component<ScreenProps<any>>> = {
	'nhs-number-check': NhsNumberCheckScreen,
	'clinic-preparation': ClinicPreparationScreen,
	'urgent-request': UrgentRequestScreen,
	'missing-notes': MissingNotesScreen,
	'registration-check': RegistrationCheckScreen,
	'loose-filing': LooseFilingScreen,
	shelving: ShelvingScreen,
	'folder-care': FolderCareScreen,
	'subject-access-request': DecisionScreen,
	'deceased-patient-records': DecisionScreen,
	'police-and-third-parties': DecisionScreen,
	'records-desk-day': DecisionScreen,
	'retention-disposal-review': DecisionScreen,
	'phone-call': PhoneCallScreen
};

/** A kind's own section in the debrief (shown before the path), by scenario kind; most kinds have none. */
export const DEBRIEF_PANELS: Record<string, Component<{ caseData: unknown; decisions: Decision[] }>> = {
	'phone-call': CallDebrief
};
