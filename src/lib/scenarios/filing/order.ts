/**
 * The filing family's only doorway to the domain's ordering rules (handbook 2.1 order within a section, 2.3-2.4
 * shelf order). Everything that decides "which comes first" is a call into $lib/domain/filing-order; this file only
 * adapts the family's shapes to it.
 */
import {
	compareAlphabetical,
	compareDocuments,
	compareMiddleDigit,
	compareTerminalDigit,
	misplacedDocuments,
	alphabeticalKey,
	numberGroups,
	orderDocuments,
	shelfSectionFor
} from '../../domain/filing-order';

type WithinOrder = 'newest-first' | 'oldest-first';

/** Sheets of one section in the order the trust files them (handbook 2.1). */
export function orderSheets<T extends { date: string }>(sheets: T[], order: WithinOrder): T[] {
	const wrapped = sheets.map((s) => ({ section: 'x', date: s.date, sheet: s }));
	return orderDocuments(wrapped, { withinSectionOrder: order }).map((w) => w.sheet);
}

/** Where a sheet dated `date` first fits among a section's ordered sheets: 0 = on top. */
export function insertPosition(sheets: { date: string }[], date: string, order: WithinOrder): number {
	const doc = { section: 'x', date };
	return sheets.filter(
		(s) => compareDocuments({ section: 'x', date: s.date }, doc, { withinSectionOrder: order }) < 0
	).length;
}

/** True when putting the sheet at `position` leaves the section in date order (ties with equal dates are fine). */
export function positionInOrder(
	sheets: { date: string }[],
	date: string,
	position: number,
	order: WithinOrder
): boolean {
	if (position < 0 || position > sheets.length) return false;
	const list = sheets.map((s) => ({ section: 'x', date: s.date }));
	list.splice(position, 0, { section: 'x', date });
	return misplacedDocuments(list, { withinSectionOrder: order }).length === 0;
}

export type FilingSystem = 'terminal-digit' | 'middle-digit' | 'alphabetical';

export interface ShelfFolder {
	hospitalNumber: string;
	surname: string;
	forenames: string;
	dateOfBirth: string;
}

/** Shelf comparison under the trust's filing system (handbook 2.3, 2.4). */
export function compareFolders(a: ShelfFolder, b: ShelfFolder, system: FilingSystem): number {
	if (system === 'terminal-digit') return compareTerminalDigit(a.hospitalNumber, b.hospitalNumber);
	if (system === 'middle-digit') return compareMiddleDigit(a.hospitalNumber, b.hospitalNumber);
	return compareAlphabetical(a, b);
}

/** The pairs of a hospital number as written on a folder ("12-34-56") and the primary pair (handbook 2.3). */
export function numberPairs(hospitalNumber: string): { display: string; primary: string; secondary: string } {
	const g = numberGroups(hospitalNumber);
	return { display: g.display, primary: g.primary, secondary: g.secondary };
}

/**
 * The file-room section a folder belongs in (handbook 2.3, 2.4): the primary pair (terminal digit), the middle
 * pair (middle digit), or the surname's first filing letter (alphabetical).
 */
export function sectionOf(folder: ShelfFolder, system: FilingSystem): string {
	if (system === 'alphabetical') return (alphabeticalKey(folder)[0][0] ?? '?').toUpperCase();
	return shelfSectionFor(folder.hospitalNumber, system);
}
