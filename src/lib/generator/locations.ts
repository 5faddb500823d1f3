/** Tracking locations (handbook 2.5) built from the organisation. */
import { terminalDigitLabel } from './identifiers';
import type { Clinic, Organisation, StaffMember, TrackedLocation, Ward } from './types';

/** The library shelf position of a folder under terminal-digit filing (handbook 2.3). */
export function shelfOf(org: Organisation, hospitalNumber: string): string {
	const { primary, label } = terminalDigitLabel(hospitalNumber);
	const bay = org.library.bays.find((b) => primary >= b.primaryFrom && primary <= b.primaryTo)!;
	return `Bay ${bay.bay}, ${label}`;
}

export function libraryLocation(org: Organisation, hospitalNumber: string): TrackedLocation {
	const shelf = shelfOf(org, hospitalNumber);
	return { kind: 'library', code: shelf, label: `Health records library (${shelf})` };
}

export function clinicLocation(org: Organisation, clinic: Clinic): TrackedLocation {
	const site = org.sites.find((s) => s.code === clinic.siteCode)!;
	return { kind: 'clinic', code: clinic.code, label: `${clinic.name} (${clinic.code}), ${site.name}` };
}

export function wardLocation(org: Organisation, ward: Ward): TrackedLocation {
	const site = org.sites.find((s) => s.code === ward.siteCode)!;
	return { kind: 'ward', code: ward.code, label: `${ward.name} (${ward.code}), ${site.name}` };
}

export function secretaryLocation(person: StaffMember): TrackedLocation {
	return { kind: 'secretary', code: person.id, label: `${person.name}, medical secretary` };
}

export function offSiteLocation(org: Organisation): TrackedLocation {
	return { kind: 'off-site store', code: 'OFFSITE', label: org.offSiteStore.name };
}

export const CODING: TrackedLocation = { kind: 'coding', code: 'CODING', label: 'Clinical coding office' };
