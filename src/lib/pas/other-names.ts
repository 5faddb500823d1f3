/** Previous names and aliases of a full record, in the shape the search index takes (handbook 1.7, 3.2). */
import type { PatientRecord } from '../generator/types';
import { splitAlias, type OtherName } from './search-index';

export function otherNamesOf(r: Pick<PatientRecord, 'index' | 'previousNames' | 'aliases'>): OtherName[] {
	const out: OtherName[] = r.previousNames.map((p) => ({
		patient: r.index,
		forenames: p.forenames,
		surname: p.surname,
		kind: 'previous name'
	}));
	for (const a of r.aliases) out.push({ patient: r.index, ...splitAlias(a.name, a.kind), kind: 'alias' });
	return out;
}
