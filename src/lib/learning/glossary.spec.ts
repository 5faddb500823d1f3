import { describe, expect, it } from 'vitest';
import {
	filterGlossary,
	findGlossaryTerms,
	GLOSSARY,
	glossaryEntry,
	indexLetter,
	markTermsAcross,
	segmentText,
	sortedGlossary,
	type GlossaryEntry
} from './glossary';
import { isHandbookSection } from './handbook-sections';

function found(text: string, opts?: Parameters<typeof findGlossaryTerms>[1]) {
	return findGlossaryTerms(text, opts).map((m) => [m.id, text.slice(m.start, m.end)]);
}

// Every row of the handbook's section 8 glossary, by the id it has here. A new handbook term must be added to
// the glossary, and this list, together.
const HANDBOOK_GLOSSARY_IDS = [
	'a-and-e', 'ahra', 'alias', 'amspar', 'amalgamation', 'appraisal', 'bcc', 'blagging', 'caldicott-guardian',
	'casenotes', 'chi', 'cis', 'confused-record', 'continuation-sheet', 'copi', 'cpi', 'dcb1596', 'deputy', 'dna',
	'dnacpr', 'dpa-2018', 'dpo', 'dsa-l1', 'dspt', 'duplicate-record', 'duaa', 'edm', 'epr', 'h-and-c-number',
	'hospital-number', 'hybrid-record', 'ico', 'ig', 'ihrim', 'implied-consent', 'legal-hold',
	'legitimate-relationship', 'lloyd-george', 'loose-filing', 'lpa', 'mpi', 'mod-11', 'ndg', 'ndoo', 'nhs-number',
	'nhsmail', 'nok', 'outguide', 'pas', 'pacs', 'pcse', 'pds', 'personal-data', 'place-of-deposit', 'ppi', 'ra',
	'rbac', 'reconstituted-record', 'retention-schedule', 'rtt', 's-flag', 'sar', 'secondary-storage', 'siro',
	'smartcard', 'spine', 'scr', 'sponsor', 'tci', 'tdf', 'temporary-notes', 'tracking', 'uk-gdpr', 'volume'
]; // prettier-ignore

describe('glossary content', () => {
	it('covers every term of the handbook glossary (section 8) and the terms named in the brief', () => {
		const ids = new Set(GLOSSARY.map((e) => e.id));
		const missing = HANDBOOK_GLOSSARY_IDS.filter((id) => !ids.has(id));
		expect(missing).toEqual([]);
		expect(GLOSSARY.length).toBeGreaterThanOrEqual(HANDBOOK_GLOSSARY_IDS.length);
	});

	it('has unique, anchor-safe ids and unique terms', () => {
		const ids = GLOSSARY.map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
		const terms = GLOSSARY.map((e) => e.term.toLowerCase());
		expect(new Set(terms).size).toBe(terms.length);
	});

	it.each(GLOSSARY.map((e) => [e.id, e] as const))(
		'%s has a plain definition and a real handbook section',
		(_id, e) => {
			expect(e.term.trim()).not.toBe('');
			expect(e.definition.length).toBeGreaterThan(20);
			// A definition that only repeats the term's own words explains nothing.
			expect(e.definition.toLowerCase()).not.toBe(e.term.toLowerCase());
			expect(/[.!?]$/.test(e.definition)).toBe(true);
			expect(isHandbookSection(e.section)).toBe(true);
		}
	);

	it('no phrase is claimed by two different terms, so marking is never ambiguous', () => {
		const owner = new Map<string, string>();
		for (const e of GLOSSARY) {
			for (const p of e.match ?? [e.term, ...e.aliases]) {
				const key = p.toLowerCase();
				expect(owner.get(key) ?? e.id, `"${p}" is in ${owner.get(key)} and ${e.id}`).toBe(e.id);
				owner.set(key, e.id);
			}
		}
	});

	it('every term, written as in the glossary, is found by the term finder', () => {
		for (const e of GLOSSARY) {
			const phrase = (e.match ?? [e.term])[0];
			const hits = findGlossaryTerms(`Read about ${phrase} here.`);
			expect(
				hits.map((h) => h.id),
				phrase
			).toContain(e.id);
		}
	});
});

describe('findGlossaryTerms', () => {
	it('prefers the longest term at the same place', () => {
		expect(found('We use terminal digit filing here.')).toEqual([['tdf', 'terminal digit filing']]);
		expect(found('Record the casenote tracking now.')).toEqual([['tracking', 'casenote tracking']]);
	});

	it('marks whole words only', () => {
		expect(found('Passing the PASsword test')).toEqual([]);
		expect(found('compassion and bypass')).toEqual([]);
		expect(found('Grab a SARdine')).toEqual([]);
	});

	it('marks each term at its first occurrence only', () => {
		const text = 'Open PAS. Then PAS again, and the Patient Administration System.';
		const hits = findGlossaryTerms(text);
		expect(hits).toHaveLength(1);
		expect(hits[0]).toEqual({ id: 'pas', start: 5, end: 8 });
	});

	it('matches words in any case but abbreviations only in capitals', () => {
		expect(found('the SPINE and the spine')).toEqual([['spine', 'SPINE']]);
		expect(found('Loose Filing is done daily')).toEqual([['loose-filing', 'Loose Filing']]);
		expect(found('the pas de deux; ra ra; an ico')).toEqual([]);
		expect(found('Tell the RA.')).toEqual([['ra', 'RA']]);
	});

	it('accepts plurals, and spaces or hyphens between words', () => {
		expect(found('Two SARs arrived.')).toEqual([['sar', 'SARs']]);
		expect(found('All smartcards are personal.')).toEqual([['smartcard', 'smartcards']]);
		expect(found('Strict need to know access.')).toEqual([['need-to-know', 'need to know']]);
	});

	it('does not mark a term again inside a later, longer mention of a term already explained', () => {
		const text = 'Loose filing first. Then more loose filing.';
		expect(found(text)).toEqual([['loose-filing', 'Loose filing']]);
	});

	it('skips terms already explained on the page', () => {
		expect(found('Check the MPI and PAS.', { skip: new Set(['pas']) })).toEqual([['mpi', 'MPI']]);
	});

	it('works with a custom term list and handles regex characters in terms', () => {
		const entries: GlossaryEntry[] = [
			{ id: 'a', term: 'C++ (lang)', aliases: ['x.y'], definition: 'A test entry.', section: '8' }
		];
		expect(found('Use x.y or xzy', { entries })).toEqual([['a', 'x.y']]);
	});

	it('leaves ordinary words that share a term name alone where the term asks for it', () => {
		expect(found('There was some confusion at the desk.')).toEqual([]);
		expect(found('A confused record was split.')).toEqual([['confused-record', 'confused record']]);
	});

	it('returns hits in text order without overlaps', () => {
		const text = 'The PAS holds the MPI; use the NHS number and the hospital number for PPI.';
		const hits = findGlossaryTerms(text);
		for (let i = 1; i < hits.length; i++) expect(hits[i].start).toBeGreaterThanOrEqual(hits[i - 1].end);
		expect(hits.map((h) => h.id)).toEqual(['pas', 'mpi', 'nhs-number', 'hospital-number', 'ppi']);
	});
});

describe('segmentText and markTermsAcross', () => {
	it('splits text into plain runs and terms that join back to the original', () => {
		const text = 'Ask for the NHS number.';
		const segs = segmentText(text, findGlossaryTerms(text));
		expect(segs).toEqual([
			{ kind: 'text', text: 'Ask for the ' },
			{ kind: 'term', id: 'nhs-number', text: 'NHS number' },
			{ kind: 'text', text: '.' }
		]);
		expect(segs.map((s) => s.text).join('')).toBe(text);
	});

	it('explains each term once per page, at its first paragraph', () => {
		const [a, b] = markTermsAcross(['The PAS.', 'The PAS and the MPI.']);
		expect(a.filter((s) => s.kind === 'term')).toHaveLength(1);
		expect(b.filter((s) => s.kind === 'term').map((s) => (s.kind === 'term' ? s.id : ''))).toEqual(['mpi']);
	});
});

describe('A-Z listing and filter', () => {
	it('sorts terms A-Z ignoring case and files symbols under #', () => {
		const terms = sortedGlossary().map((e) => e.term);
		const resorted = [...terms].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }));
		expect(terms).toEqual(resorted);
		expect(indexLetter('pas')).toBe('P');
		expect(indexLetter('999 range')).toBe('#');
	});

	it('filters by term, alias or definition, best name matches first', () => {
		expect(filterGlossary('pas')[0].id).toBe('pas');
		expect(filterGlossary('Master Patient').map((e) => e.id)).toContain('mpi');
		expect(filterGlossary('fleeing abuse').map((e) => e.id)).toEqual(['s-flag']);
		expect(filterGlossary('  ')).toHaveLength(GLOSSARY.length);
		expect(filterGlossary('zzzz')).toEqual([]);
	});

	it('looks entries up by id', () => {
		expect(glossaryEntry('pds')?.term).toBe('PDS');
		expect(glossaryEntry('nope')).toBeUndefined();
	});
});
