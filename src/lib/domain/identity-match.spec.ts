import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	formatDateOfBirth,
	formatPatientName,
	matchIdentity,
	parseUkDate,
	type RecordIdentifiers
} from './identity-match';

const record: RecordIdentifiers = {
	surname: 'Smith',
	forenames: 'John Paul',
	dateOfBirth: '1987-03-04',
	nhsNumber: '999 000 0018',
	hospitalNumber: '072248',
	postcode: 'LS1 4AB',
	aliases: ['Jack Smith', 'John Jones']
};

describe('parseUkDate (handbook 1.6-1.7 date formats)', () => {
	it.each([
		['1987-03-04', '1987-03-04'],
		['04-Mar-1987', '1987-03-04'],
		['04-MAR-1987', '1987-03-04'],
		['4 March 1987', '1987-03-04'],
		['4th March 1987', '1987-03-04'],
		['4 Sept 1987', '1987-09-04'],
		['04/03/1987', '1987-03-04'],
		['4.3.1987', '1987-03-04'],
		['29/02/2024', '2024-02-29'],
		['29/02/2023', null],
		['04-Mrc-1987', null],
		['4 Marchy 1987', null],
		['1987/03/04', null],
		['', null]
	])('%j → %s', (input, expected) => {
		expect(parseUkDate(input)).toBe(expected);
	});
	it('never throws (property)', () => {
		fc.assert(
			fc.property(fc.string(), (s) => parseUkDate(s) === null || /^\d{4}-\d{2}-\d{2}$/.test(parseUkDate(s)!))
		);
	});
	it('formats for wristbands and round-trips (1.6, property)', () => {
		expect(formatDateOfBirth('1987-03-04')).toBe('04-Mar-1987');
		expect(formatPatientName('smith', 'JOHN paul')).toBe('SMITH John Paul');
		fc.assert(
			fc.property(
				fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
				(d) => {
					const iso = d.toISOString().slice(0, 10);
					return parseUkDate(formatDateOfBirth(iso)) === iso;
				}
			)
		);
	});
});

describe('matchIdentity (handbook 1.6, 1.7, 2.2)', () => {
	it.each([
		[
			'1.6 three identifiers, wristband style',
			{ name: 'SMITH John Paul', dateOfBirth: '04-Mar-1987', nhsNumber: '9990000018' },
			'match',
			[],
			[]
		],
		[
			'1.6 name order, case and spacing normalised',
			{ name: '  smith,  JOHN paul ', dateOfBirth: '4 March 1987', hospitalNumber: '07-22-48' },
			'match',
			[],
			[]
		],
		[
			'1.6 middle name left out still counts',
			{ name: 'John Smith', dateOfBirth: '1987-03-04', postcode: 'ls14ab' },
			'match',
			[],
			[]
		],
		[
			'1.6 two identifiers are not enough',
			{ name: 'John Smith', dateOfBirth: '1987-03-04' },
			'insufficient',
			[],
			[]
		],
		[
			'1.6 surname alone does not count',
			{ name: 'Smith', dateOfBirth: '1987-03-04', nhsNumber: '9990000018' },
			'insufficient',
			[],
			[]
		],
		[
			'1.6 nickname is a conflict',
			{ name: 'Johnny Smith', dateOfBirth: '1987-03-04', nhsNumber: '9990000018' },
			'mismatch',
			['name'],
			[]
		],
		[
			'1.7 same name, different DOB',
			{ name: 'John Smith', dateOfBirth: '1987-03-05', nhsNumber: '9990000018' },
			'mismatch',
			['dateOfBirth'],
			['same-name-different-dob']
		],
		[
			'1.7 day and month swapped',
			{ name: 'John Smith', dateOfBirth: '03/04/1987', nhsNumber: '9990000018' },
			'mismatch',
			['dateOfBirth'],
			['day-month-swap']
		],
		[
			'1.7 twins: same surname and DOB, different first name',
			{ name: 'James Smith', dateOfBirth: '04-Mar-1987', postcode: 'LS1 4AB' },
			'mismatch',
			['name'],
			['twin']
		],
		[
			'1.7 previous name on a document (filing: strict)',
			{ name: 'John Jones', dateOfBirth: '1987-03-04', nhsNumber: '9990000018' },
			'mismatch',
			['name'],
			['alias-or-previous-name']
		],
		[
			'1.7 transposed NHS number',
			{ name: 'John Smith', dateOfBirth: '1987-03-04', nhsNumber: '9990000081' },
			'mismatch',
			['nhsNumber'],
			['number-keying-error']
		],
		[
			'1.7 miskeyed hospital number',
			{ name: 'John Smith', dateOfBirth: '1987-03-04', hospitalNumber: '072249' },
			'mismatch',
			['hospitalNumber'],
			['number-keying-error']
		],
		[
			'6.2 wrong postcode',
			{ name: 'John Smith', dateOfBirth: '1987-03-04', postcode: 'LS1 4AC' },
			'mismatch',
			['postcode'],
			[]
		]
	] as const)('%s', (_label, presented, outcome, conflicts, traps) => {
		const r = matchIdentity(presented, record);
		expect(r.outcome).toBe(outcome);
		expect(r.conflicts).toEqual(conflicts);
		expect(r.traps).toEqual(traps);
		expect(r.reasons[0].text).toMatch(/handbook (1\.6|2\.2)/);
	});

	it('accepts an alias for enquiries when asked to, still naming the trap (1.7)', () => {
		const r = matchIdentity(
			{ name: 'Jack Smith', dateOfBirth: '1987-03-04', nhsNumber: '9990000018' },
			record,
			{
				acceptAliases: true
			}
		);
		expect(r.outcome).toBe('match');
		expect(r.traps).toEqual(['alias-or-previous-name']);
	});

	it('uses the LOCAL minimum number of identifiers', () => {
		const presented = { name: 'John Smith', dateOfBirth: '1987-03-04' };
		expect(matchIdentity(presented, record, {}, { minIdentifiers: 2 }).outcome).toBe('match');
		expect(
			matchIdentity({ ...presented, nhsNumber: '9990000018' }, record, {}, { minIdentifiers: 4 }).outcome
		).toBe('insufficient');
	});

	it('never throws and a record always matches itself (property)', () => {
		const name = fc.stringMatching(/^[A-Za-z]{2,10}$/);
		fc.assert(
			fc.property(
				name,
				name,
				fc.date({ min: new Date('1900-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
				(s, f, d) => {
					const r = {
						surname: s,
						forenames: f,
						dateOfBirth: d.toISOString().slice(0, 10),
						nhsNumber: '9990000018'
					};
					return matchIdentity(r, r).outcome === 'match';
				}
			)
		);
		fc.assert(
			fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
				const r = matchIdentity(
					{ name: a, dateOfBirth: b, nhsNumber: c },
					{ name: b, dateOfBirth: a, postcode: c }
				);
				return ['match', 'mismatch', 'insufficient'].includes(r.outcome);
			})
		);
	});
});
