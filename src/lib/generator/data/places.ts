/**
 * Places, postcodes and phone numbers. Towns are real West and South Yorkshire towns with their real postcode
 * areas and district numbers, so addresses read naturally; street names are common English street names; house
 * numbers and postcode sectors and units are random, so an address is well-formed but made up.
 *
 * Phone numbers come ONLY from the ranges Ofcom reserves for TV, radio and drama (Ofcom, "Telephone numbers for
 * use in TV and radio drama programmes"): they are never allocated to a real line.
 */

const w = (s: string): readonly string[] => s.split(' ');

export interface Town {
	name: string;
	/** Postcode area letters, e.g. 'LS'. */
	area: string;
	/** Postcode district numbers that belong to this town. */
	districts: readonly number[];
	/** Ofcom drama range for landlines here: the prefix and the first of its 1,000 numbers. */
	landline: PhoneRange;
	/** Rough share of the trust's catchment. */
	weight: number;
}

export interface PhoneRange {
	/** Display prefix including any space before the digits, e.g. '0113 496 ' or '07700 900'. */
	prefix: string;
	/** The reserved block as [first, last] of the digits after the prefix, e.g. [0, 999] for 0xxx. */
	first: number;
	last: number;
	/** Digits after the prefix. */
	width: number;
}

/** Ofcom drama ranges (the only numbers the generator ever prints). */
export const PHONE_RANGES = {
	leeds: { prefix: '0113 496 ', first: 0, last: 999, width: 4 },
	sheffield: { prefix: '0114 496 ', first: 0, last: 999, width: 4 },
	noArea: { prefix: '01632 960', first: 0, last: 999, width: 3 },
	mobile: { prefix: '07700 900', first: 0, last: 999, width: 3 },
	london: { prefix: '020 7946 ', first: 0, last: 999, width: 4 }
} as const satisfies Record<string, PhoneRange>;

/** Matches every number the generator can print, and nothing else. */
export const DRAMA_PHONE_PATTERN =
	/^(0113 496 0\d{3}|0114 496 0\d{3}|01632 960\d{3}|07700 900\d{3}|020 7946 0\d{3})$/;

export const TOWNS: readonly Town[] = [
	{
		name: 'Leeds',
		area: 'LS',
		districts: [6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17],
		landline: PHONE_RANGES.leeds,
		weight: 22
	},
	{ name: 'Wakefield', area: 'WF', districts: [1, 2, 3, 4], landline: PHONE_RANGES.noArea, weight: 12 },
	{
		name: 'Bradford',
		area: 'BD',
		districts: [2, 3, 4, 5, 6, 7, 8, 9],
		landline: PHONE_RANGES.noArea,
		weight: 14
	},
	{ name: 'Huddersfield', area: 'HD', districts: [1, 2, 3, 4, 5], landline: PHONE_RANGES.noArea, weight: 9 },
	{ name: 'Halifax', area: 'HX', districts: [1, 2, 3, 6], landline: PHONE_RANGES.noArea, weight: 6 },
	{ name: 'Dewsbury', area: 'WF', districts: [12, 13], landline: PHONE_RANGES.noArea, weight: 5 },
	{ name: 'Pontefract', area: 'WF', districts: [8, 9], landline: PHONE_RANGES.noArea, weight: 4 },
	{ name: 'Castleford', area: 'WF', districts: [10], landline: PHONE_RANGES.noArea, weight: 3 },
	{ name: 'Barnsley', area: 'S', districts: [70, 71, 72, 73, 75], landline: PHONE_RANGES.noArea, weight: 7 },
	{
		name: 'Sheffield',
		area: 'S',
		districts: [2, 5, 6, 7, 8, 10, 11, 12, 13],
		landline: PHONE_RANGES.sheffield,
		weight: 10
	},
	{ name: 'Rotherham', area: 'S', districts: [60, 61, 65], landline: PHONE_RANGES.noArea, weight: 4 },
	{ name: 'Harrogate', area: 'HG', districts: [1, 2, 3], landline: PHONE_RANGES.noArea, weight: 3 },
	{ name: 'Keighley', area: 'BD', districts: [20, 21, 22], landline: PHONE_RANGES.noArea, weight: 3 }
];

export const TOWN_WEIGHTS = TOWNS.map((t) => t.weight);

export const STREET_NAMES = w(
	'Church Station Victoria Albert Park Mill Chapel Queen King High Manor Springfield Westfield Hollin Moor Green ' +
		'Beech Oak Ash Elm Willow Cherry Priory Grange Orchard Meadow Brook Hall Valley Ridge Bank Croft Town ' +
		'Wesley Nelson Wellington Clarence Regent York Lancaster Windsor Rosedale Heather Fern Kirkgate Northgate'
);

export const STREET_TYPES = w(
	'Street Road Lane Avenue Close Drive Grove Terrace Crescent Way Gardens Court Walk Rise'
);

export const HOUSE_NAMES = w('Rose-Cottage The-Laurels Hillcrest The-Old-Rectory Fairview Ivy-House').map(
	(n) => n.replace(/-/g, ' ')
);

/** Letters allowed in the last two characters of a UK postcode (the inward unit): never C, I, K, M, O or V. */
export const POSTCODE_UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/**
 * A well-formed UK postcode (Royal Mail's format: outward code, space, digit and two unit letters). Anchored so a
 * test can check every generated postcode.
 */
export const POSTCODE_PATTERN = /^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][ABDEFGHJLNPQRSTUWXYZ]{2}$/;

/** Email domains that can never receive mail: the .example top-level domain is reserved (RFC 2606). */
export const EMAIL_DOMAINS = w('mail.example inbox.example post.example');
