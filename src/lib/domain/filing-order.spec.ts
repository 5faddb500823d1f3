import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	alphabeticalOrder,
	compareDocuments,
	compareMiddleDigit,
	compareTerminalDigit,
	middleDigitOrder,
	misfileSearchCandidates,
	misplacedDocuments,
	numberGroups,
	orderDocuments,
	shelfSectionFor,
	straightNumericOrder,
	terminalDigitOrder
} from './filing-order';

const sixDigits = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'));

describe('terminal digit order (handbook 2.3)', () => {
	it('2.3 worked example (checked by script in the handbook)', () => {
		expect(
			terminalDigitOrder(['123456', '654321', '223456', '123356', '003456', '999999', '000000'])
		).toEqual(['00-00-00', '65-43-21', '12-33-56', '00-34-56', '12-34-56', '22-34-56', '99-99-99']);
	});
	it.each([
		['72248', '07-22-48', '48', '2.3 step 1: zero padding'],
		['34-63-71', '34-63-71', '71', '2.3 step 2 example'],
		['34 63 71', '34-63-71', '71', '2.3 typed with spaces'],
		['K346371', '34-63-71', '71', '2.3 step 6: letter prefix ignored (LOCAL)'],
		['1234567', '123-45-67', '67', '2.3 step 6: seven digits, tertiary is the rest'],
		['5', '00-00-05', '05', '2.3 step 1: single digit']
	])('%s → %s, section %s (%s)', (input, display, section) => {
		expect(numberGroups(input).display).toBe(display);
		expect(shelfSectionFor(input)).toBe(section);
	});
	it('orders numbers over six digits by the tertiary compared numerically (2.3 step 6)', () => {
		expect(terminalDigitOrder(['1234567', '994567', '0994567'])).toEqual([
			'99-45-67',
			'099-45-67',
			'123-45-67'
		]);
	});
	it('throws a RangeError on entries with no digits, or a prefix the trust does not ignore (LOCAL)', () => {
		expect(() => terminalDigitOrder(['123456', 'abc'])).toThrow(RangeError);
		expect(() => numberGroups('K123456', { ignoreLetterPrefixForShelf: false })).toThrow(RangeError);
	});
	it('agrees with sorting by (primary, secondary, tertiary) (property)', () => {
		fc.assert(
			fc.property(fc.array(sixDigits, { maxLength: 40 }), (ns) => {
				const expected = [...ns]
					.sort((a, b) => {
						const ka = a.slice(4) + a.slice(2, 4) + a.slice(0, 2);
						const kb = b.slice(4) + b.slice(2, 4) + b.slice(0, 2);
						return ka < kb ? -1 : ka > kb ? 1 : 0;
					})
					.map((n) => `${n.slice(0, 2)}-${n.slice(2, 4)}-${n.slice(4)}`);
				expect(terminalDigitOrder(ns)).toEqual(expected);
			})
		);
	});
	it('is a total order: antisymmetric, transitive, equal only for the same number (property)', () => {
		const num = fc.oneof(sixDigits, fc.integer({ min: 0, max: 99_999_999 }).map(String));
		fc.assert(
			fc.property(num, num, num, (a, b, c) => {
				const ab = Math.sign(compareTerminalDigit(a, b));
				const ba = Math.sign(compareTerminalDigit(b, a));
				if (ab !== -ba) return false;
				if ((ab === 0) !== (numberGroups(a).digits === numberGroups(b).digits)) return false;
				if (compareTerminalDigit(a, b) <= 0 && compareTerminalDigit(b, c) <= 0)
					return compareTerminalDigit(a, c) <= 0;
				return true;
			})
		);
	});
	it('puts every number in the section of its last two digits (property)', () => {
		fc.assert(fc.property(sixDigits, (n) => shelfSectionFor(n) === n.slice(4)));
	});
});

describe('middle digit and straight numeric (handbook 2.4)', () => {
	it('2.4 example: 01-08-49 files under 08, then 01, then 49', () => {
		expect(numberGroups('01-08-49').secondary).toBe('08');
		expect(shelfSectionFor('01-08-49', 'middle-digit')).toBe('08');
		expect(middleDigitOrder(['010849', '990801', '020800', '010750'])).toEqual([
			'01-07-50',
			'01-08-49',
			'02-08-00',
			'99-08-01'
		]);
	});
	it('keeps blocks of 100 consecutive numbers together (2.4)', () => {
		const block = Array.from({ length: 100 }, (_, i) => `0108${String(i).padStart(2, '0')}`);
		const ordered = middleDigitOrder([...block].reverse());
		expect(ordered).toEqual(block.map((n) => `01-08-${n.slice(4)}`));
	});
	it('is antisymmetric (property)', () => {
		fc.assert(
			fc.property(
				sixDigits,
				sixDigits,
				(a, b) => Math.sign(compareMiddleDigit(a, b)) === -Math.sign(compareMiddleDigit(b, a))
			)
		);
	});
	it('straight numeric sorts the whole number (2.4)', () => {
		expect(straightNumericOrder(['123456', '72248', '654321', '1000000'])).toEqual([
			'07-22-48',
			'12-34-56',
			'65-43-21',
			'100-00-00'
		]);
		expect(shelfSectionFor('123456', 'straight-numeric')).toBe('1234');
	});
});

describe('misfile search (handbook 2.8)', () => {
	it('lists transpositions then neighbouring slots', () => {
		expect(misfileSearchCandidates('12-34-56')).toEqual([
			'21-34-56',
			'13-24-56',
			'12-43-56',
			'12-35-46',
			'12-34-65',
			'11-34-56',
			'13-34-56',
			'12-33-56',
			'12-35-56'
		]);
	});
	it('never includes the number itself and has no duplicates (property)', () => {
		fc.assert(
			fc.property(sixDigits, (n) => {
				const c = misfileSearchCandidates(n);
				return !c.includes(numberGroups(n).display) && new Set(c).size === c.length;
			})
		);
	});
});

describe('alphabetical filing (handbook 2.4, LOCAL prefixes)', () => {
	const p = (surname: string, forenames: string, dateOfBirth?: string) => ({
		surname,
		forenames,
		dateOfBirth
	});
	it.each([
		['as spelt (default)', {}, ['Mabey', 'Macdonald', 'Mcallister', 'McDonald']],
		['Mc as Mac', { alphabeticalMcAsMac: true }, ['Mabey', 'Mcallister', 'McDonald', 'Macdonald']]
	] as const)('Mc/Mac %s (2.4 LOCAL)', (_label, settings, expected) => {
		const people = [p('McDonald', 'A'), p('Macdonald', 'B'), p('Mabey', 'C'), p('Mcallister', 'D')];
		expect(alphabeticalOrder(people, settings).map((x) => x.surname)).toEqual(expected);
	});
	it.each([
		['one word (default)', {}, ['Smithers', 'Smith-Zane']],
		['separate words', { alphabeticalHyphen: 'separate-words' }, ['Smith-Zane', 'Smithers']]
	] as const)('hyphens %s (2.4 LOCAL)', (_label, settings, expected) => {
		expect(
			alphabeticalOrder([p('Smith-Zane', 'A'), p('Smithers', 'B')], settings).map((x) => x.surname)
		).toEqual(expected);
	});
	it('orders by surname, forename, further forenames, then date of birth (2.4)', () => {
		const people = [
			p('SMITH', 'John Paul', '1980-01-01'),
			p('Smith', 'John', '1990-05-05'),
			p('smith', 'John', '1970-05-05'),
			p('Smith', 'Anne'),
			p("O'Brien", 'Zoe'),
			p('Obrien', 'Adam'),
			p('Zúñiga', 'Eva')
		];
		expect(
			alphabeticalOrder(people).map((x) => `${x.surname} ${x.forenames} ${x.dateOfBirth ?? ''}`.trim())
		).toEqual([
			'Obrien Adam',
			"O'Brien Zoe",
			'Smith Anne',
			'smith John 1970-05-05',
			'Smith John 1990-05-05',
			'SMITH John Paul 1980-01-01',
			'Zúñiga Eva'
		]);
	});
	it('never throws on arbitrary names (property)', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), fc.string(), (s, f, d) => {
				alphabeticalOrder([p(s, f, d), p(f, s)]);
				return true;
			})
		);
	});
});

describe('documents within a folder (handbook 2.1, LOCAL)', () => {
	const docs = [
		{ id: 'a', section: 'investigations', date: '2026-02-01' },
		{ id: 'b', section: 'correspondence', date: '2025-12-01' },
		{ id: 'c', section: 'correspondence', date: '2026-03-01' },
		{ id: 'd', section: 'front', date: '2019-01-01' },
		{ id: 'e', section: 'no-such-section', date: '2026-01-01' }
	];
	it('orders by section, newest first within a section (default)', () => {
		expect(orderDocuments(docs).map((d) => d.id)).toEqual(['d', 'c', 'b', 'a', 'e']);
	});
	it('can put oldest first (LOCAL setting)', () => {
		expect(orderDocuments(docs, { withinSectionOrder: 'oldest-first' }).map((d) => d.id)).toEqual([
			'd',
			'b',
			'c',
			'a',
			'e'
		]);
	});
	it('follows a trust’s own section order (LOCAL setting)', () => {
		const casenoteSections = [
			{ id: 'correspondence', title: 'Letters' },
			{ id: 'front', title: 'Front' }
		];
		expect(orderDocuments(docs, { casenoteSections }).map((d) => d.id)).toEqual(['c', 'b', 'd', 'a', 'e']);
	});
	it('finds misplaced documents for marking', () => {
		expect(misplacedDocuments(orderDocuments(docs))).toEqual([]);
		// b is older than c in the same section, so c is out of place after it (newest first).
		expect(misplacedDocuments(docs)).toEqual([1, 2, 3]);
		expect(compareDocuments(docs[0], docs[0])).toBe(0);
	});
});
