/**
 * Name tables. Drawn by hand from several kinds of published source rather than one compiled list (faker's
 * CONTRIBUTING gives the reason: one list carries one list's biases):
 * - ONS "Baby names in England and Wales" releases and their historical top-100 tables (1904-1994 by decade), for
 *   forenames by birth era, so an 85-year-old is a Dorothy or a Kenneth and a 5-year-old an Isla or an Arlo;
 * - National Records of Scotland's babies' first names and Welsh-language name lists, for Scottish and Welsh names;
 * - ONS and academic surname-frequency studies of England and Wales (the "Surnames of Britain" family of studies),
 *   for common surnames, plus surnames common among the UK's larger migrant and settled communities (Census 2021
 *   country-of-birth and ethnic-group releases guided which communities to include).
 * Lists are short samples, not frequency tables; weights are rough. Names are common enough that no list
 * identifies anyone.
 */

/** Splits a space-separated list: keeps the tables compact under Prettier. */
const w = (s: string): readonly string[] => s.split(' ');

export type Sex = 'female' | 'male';

/** Birth-era bands; index by year of birth with {@link eraOf}. */
export const ERAS = [1900, 1945, 1965, 1985, 2005] as const;

export function eraOf(year: number): number {
	for (let i = ERAS.length - 1; i >= 0; i--) if (year >= ERAS[i]) return i;
	return 0;
}

/** English and Welsh forenames by era (ONS baby-name tables by decade). */
export const FORENAMES_BY_ERA: Record<Sex, readonly (readonly string[])[]> = {
	female: [
		w(
			'Margaret Dorothy Joan Mary Joyce Doris Irene Betty Eileen Kathleen Edna Winifred Elsie Florence Audrey Hilda Gladys Vera Marjorie Ivy'
		),
		w(
			'Susan Linda Christine Margaret Janet Patricia Carol Elizabeth Mary Anne Jacqueline Pauline Sandra Valerie Jean Gillian Brenda Maureen Barbara Wendy'
		),
		w(
			'Sarah Claire Nicola Emma Lisa Joanne Michelle Helen Samantha Karen Amanda Rachel Louise Julie Clare Rebecca Kelly Tracey Donna Victoria'
		),
		w(
			'Jessica Lauren Sophie Chloe Hannah Emily Charlotte Amy Megan Rebecca Katie Bethany Danielle Laura Jade Georgia Holly Abigail Shannon Natasha'
		),
		w(
			'Olivia Amelia Isla Ava Mia Ivy Lily Isabella Sophia Grace Freya Poppy Evie Ella Florence Willow Rosie Daisy Harper Millie'
		)
	],
	male: [
		w(
			'John William George Thomas Arthur Frederick Albert Ernest Harold Kenneth Leslie Stanley Walter Sidney Frank Dennis Ronald Reginald Norman Cyril'
		),
		w(
			'David John Michael Peter Robert Stephen Paul Alan Christopher Richard Anthony Brian Keith Graham Colin Barry Trevor Geoffrey Derek Malcolm'
		),
		w(
			'Mark Paul Andrew David Richard Matthew Daniel Christopher Darren Michael James Lee Stuart Craig Wayne Jason Gareth Neil Simon Carl'
		),
		w(
			'Thomas James Jack Daniel Matthew Ryan Joshua Luke Samuel Jordan Adam Liam Callum Connor Jake Lewis Bradley Kieran Nathan Harry'
		),
		w(
			'Oliver George Noah Arthur Muhammad Leo Oscar Harry Archie Jack Henry Theodore Freddie Alfie Charlie Theo Arlo Finley Thomas Reuben'
		)
	]
};

/** Common surnames in England and Wales (surname-frequency studies). */
export const SURNAMES_ENGLAND_WALES = w(
	'Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Dixon Fletcher Booth Sutcliffe Brook Haigh Greenwood Ackroyd Lockwood Hirst Firth Crowther'
);

/** Scottish forenames and surnames (National Records of Scotland name lists). */
export const SCOTTISH = {
	female: w('Fiona Morag Catriona Eilidh Kirsty Isla Ailsa Mhairi Shona Iona'),
	male: w('Alistair Angus Callum Euan Fraser Hamish Ross Iain Duncan Ruaridh'),
	surnames: w('MacDonald Campbell Stewart Robertson Reid Murray Ferguson McLean Fraser Sinclair')
};

/** Welsh forenames and surnames (Welsh-language name lists; surnames from the patronymic tradition). */
export const WELSH = {
	female: w('Cerys Ffion Megan Seren Nia Carys Sian Angharad Bethan Eleri'),
	male: w('Dylan Rhys Gareth Owain Iwan Dafydd Huw Emyr Gethin Aled'),
	surnames: w('Pritchard Powell Bowen Vaughan Rees Jenkins Howells Pugh Llewellyn Parry')
};

/** Irish forenames and surnames (Irish heritage is the UK's longest-standing migrant community). */
export const IRISH = {
	female: w('Siobhan Niamh Aoife Roisin Sinead Bridget Orla Ciara Grainne Maeve'),
	male: w('Sean Patrick Declan Ciaran Eamon Padraig Liam Cormac Niall Fergal'),
	surnames: w("O'Brien O'Connor Murphy Byrne Doyle Gallagher McCarthy Quinn Brennan Fitzgerald")
};

/** South Asian heritage names (Indian, Pakistani and Bangladeshi communities). */
export const SOUTH_ASIAN = {
	female: w('Aisha Fatima Priya Anjali Nusrat Sana Zara Harpreet Amrit Shabana Rukhsana Deepa'),
	male: w('Mohammed Imran Arjun Rajesh Tariq Asif Sanjay Gurpreet Bilal Rahul Yusuf Kamran'),
	surnames: w('Patel Khan Ahmed Hussain Ali Singh Kaur Begum Shah Sharma Rahman Iqbal Mahmood Chowdhury Gill')
};

/** Polish heritage names (Poland is the largest non-UK country of birth in recent censuses). */
export const POLISH = {
	female: w('Agnieszka Katarzyna Magdalena Joanna Anna Zofia Natalia Ewa'),
	male: w('Piotr Tomasz Krzysztof Marek Jakub Pawel Lukasz Michal'),
	surnames: w('Nowak Kowalski Wisniewski Wojcik Kaminski Lewandowski Zielinski Szymanski')
};

/** West African heritage names (Nigerian and Ghanaian communities). */
export const WEST_AFRICAN = {
	female: w('Chioma Adaeze Funmilayo Ama Abena Ngozi Folake Efua'),
	male: w('Chinedu Oluwaseun Kwame Kofi Emeka Adebayo Tunde Yaw'),
	surnames: w('Okafor Adeyemi Mensah Owusu Okoro Boateng Adebayo Asante')
};

/** Chinese heritage names (UK usage: an English or Chinese given name with a Cantonese or Mandarin surname). */
export const CHINESE = {
	female: w('Mei Xiu Xiao Wing Jing Hui'),
	male: w('Wei Jun Ming Kai Chun Hao'),
	surnames: w('Chen Wong Li Zhang Lam Cheung Liu Ho')
};

/** Heritage groups with rough weights for a northern English trust's catchment. */
export const HERITAGE = [
	{ id: 'english-welsh-era', weight: 72 },
	{ id: 'scottish', weight: 3 },
	{ id: 'welsh', weight: 2 },
	{ id: 'irish', weight: 4 },
	{ id: 'south-asian', weight: 11 },
	{ id: 'polish', weight: 3 },
	{ id: 'west-african', weight: 3 },
	{ id: 'chinese', weight: 2 }
] as const;

export type HeritageId = (typeof HERITAGE)[number]['id'];

export const HERITAGE_IDS = HERITAGE.map((h) => h.id);
export const HERITAGE_WEIGHTS = HERITAGE.map((h) => h.weight);

export const GROUPS: Record<
	Exclude<HeritageId, 'english-welsh-era'>,
	{ female: readonly string[]; male: readonly string[]; surnames: readonly string[] }
> = {
	scottish: SCOTTISH,
	welsh: WELSH,
	irish: IRISH,
	'south-asian': SOUTH_ASIAN,
	polish: POLISH,
	'west-african': WEST_AFRICAN,
	chinese: CHINESE
};

/** Spoken languages by heritage, for communication needs (interpreters are booked for some). */
export const LANGUAGES: Record<HeritageId, readonly string[]> = {
	'english-welsh-era': ['English'],
	scottish: ['English'],
	welsh: ['English', 'Welsh'],
	irish: ['English'],
	'south-asian': ['Urdu', 'Punjabi', 'Bengali (Sylheti)', 'Gujarati'],
	polish: ['Polish'],
	'west-african': ['English', 'Yoruba', 'Twi'],
	chinese: ['Cantonese', 'Mandarin']
};

/** Nicknames and known-as forms recorded as aliases (handbook 1.7: search on alias). */
export const KNOWN_AS: Record<string, string> = {
	Margaret: 'Peggy',
	Elizabeth: 'Liz',
	Katherine: 'Kate',
	Kathleen: 'Kath',
	Patricia: 'Pat',
	Susan: 'Sue',
	Christine: 'Chris',
	Jacqueline: 'Jackie',
	Samantha: 'Sam',
	Rebecca: 'Becky',
	Victoria: 'Vicky',
	Abigail: 'Abi',
	William: 'Bill',
	Robert: 'Bob',
	Richard: 'Dick',
	Anthony: 'Tony',
	Michael: 'Mick',
	Christopher: 'Chris',
	Frederick: 'Fred',
	Kenneth: 'Ken',
	Thomas: 'Tom',
	Matthew: 'Matt',
	Daniel: 'Dan',
	Joshua: 'Josh',
	Alexander: 'Alex',
	Theodore: 'Teddy',
	Mohammed: 'Mo',
	Oluwaseun: 'Seun',
	Krzysztof: 'Chris',
	Agnieszka: 'Aga',
	Chinedu: 'Chin',
	Alistair: 'Ali',
	Padraig: 'Paddy',
	Nicola: 'Nicky',
	Joanne: 'Jo',
	Deborah: 'Debbie'
};

export const TITLES: Record<Sex, readonly string[]> = { female: ['Mrs', 'Ms', 'Miss'], male: ['Mr'] };
