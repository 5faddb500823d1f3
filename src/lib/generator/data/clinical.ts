/**
 * Organisation and clinical vocabulary. Plausible, not clinical teaching: enough for a records clerk to recognise
 * a clinic letter or a discharge summary, never a basis for care.
 */

const w = (s: string): readonly string[] => s.split(' ');

export interface SpecialtyDef {
	code: string;
	name: string;
	/** Who this specialty sees. */
	ages: 'all' | 'adult' | 'child';
	/** Maternity and gynaecology only see female patients (and maternity only of child-bearing age). */
	sex?: 'female';
	outpatient: boolean;
	inpatient: boolean;
}

/** Treatment function style specialties (names as patients see them on letters). */
export const SPECIALTIES: readonly SpecialtyDef[] = [
	{ code: 'EMER', name: 'Emergency Department', ages: 'all', outpatient: false, inpatient: false },
	{ code: 'GMED', name: 'General Medicine', ages: 'adult', outpatient: true, inpatient: true },
	{ code: 'GSUR', name: 'General Surgery', ages: 'adult', outpatient: true, inpatient: true },
	{ code: 'CARD', name: 'Cardiology', ages: 'adult', outpatient: true, inpatient: true },
	{ code: 'RESP', name: 'Respiratory Medicine', ages: 'adult', outpatient: true, inpatient: true },
	{ code: 'TRAU', name: 'Trauma and Orthopaedics', ages: 'all', outpatient: true, inpatient: true },
	{ code: 'ENT', name: 'Ear, Nose and Throat', ages: 'all', outpatient: true, inpatient: false },
	{ code: 'OPHT', name: 'Ophthalmology', ages: 'all', outpatient: true, inpatient: false },
	{ code: 'DERM', name: 'Dermatology', ages: 'all', outpatient: true, inpatient: false },
	{ code: 'GERI', name: 'Elderly Care', ages: 'adult', outpatient: true, inpatient: true },
	{ code: 'PAED', name: 'Paediatrics', ages: 'child', outpatient: true, inpatient: true },
	{ code: 'GYNA', name: 'Gynaecology', ages: 'adult', sex: 'female', outpatient: true, inpatient: true },
	{ code: 'MATY', name: 'Maternity', ages: 'adult', sex: 'female', outpatient: true, inpatient: true },
	{ code: 'DIAB', name: 'Diabetes and Endocrinology', ages: 'all', outpatient: true, inpatient: false },
	{ code: 'UROL', name: 'Urology', ages: 'adult', outpatient: true, inpatient: true }
];

/** Fictional place names for the trust and its sites (invented; no real trust has these names). */
export const TRUST_PLACES = w(
	'Kettleby Aireborough Calderwick Holmevale Wharfedene Dearnley Rothwick Elmsall'
);

export const SITE_KINDS = ['General Hospital', 'Infirmary', 'Community Hospital'] as const;

export const WARD_NAMES = w(
	'Ash Beech Cedar Elm Hazel Juniper Larch Maple Oak Rowan Willow Aire Calder Wharfe Nidd Don Dearne Holme'
);

export const CLINIC_DAYS = w('Monday Tuesday Wednesday Thursday Friday');

export const SESSIONS = [
	{ name: 'AM', start: '09:00', end: '12:30' },
	{ name: 'PM', start: '13:30', end: '17:00' }
] as const;

export const GP_PRACTICE_NAMES = w(
	'Beech-Tree Riverside Market-Square Moorview Millbrook Station-Road Park-Lane Dale-View Castle-Street ' +
		'Northfield Southgate Valley Canal-Side Church-Lane The-Grange Oakwood Hillside Westgate'
).map((n) => n.replace(/-/g, ' '));

export const GP_PRACTICE_SUFFIXES = [
	'Surgery',
	'Medical Centre',
	'Health Centre',
	'Medical Practice'
] as const;

export const ALLERGIES = [
	{ substance: 'Penicillin', reaction: 'Rash' },
	{ substance: 'Penicillin', reaction: 'Anaphylaxis' },
	{ substance: 'Latex', reaction: 'Skin reaction' },
	{ substance: 'Codeine', reaction: 'Nausea and vomiting' },
	{ substance: 'Elastoplast', reaction: 'Blistering' },
	{ substance: 'Peanuts', reaction: 'Anaphylaxis' },
	{ substance: 'Trimethoprim', reaction: 'Rash' },
	{ substance: 'Ibuprofen', reaction: 'Wheeze' }
] as const;

export const MEDICATIONS = w(
	'Amlodipine-5mg Atorvastatin-20mg Metformin-500mg Ramipril-2.5mg Omeprazole-20mg Levothyroxine-50mcg ' +
		'Salbutamol-inhaler Sertraline-50mg Bisoprolol-2.5mg Lansoprazole-15mg Paracetamol-1g Apixaban-5mg'
).map((m) => m.replace(/-/g, ' '));

export const CARE_NEEDS = [
	'Uses a walking frame',
	'Wheelchair user: needs an accessible room',
	'Hearing impaired: uses a hearing loop',
	'Partially sighted: send letters in large print',
	'Learning disability: has a hospital passport',
	'Lives alone: check transport home',
	'Carer attends appointments'
] as const;

export const COMMUNICATION_NEEDS = [
	'Large print letters',
	'British Sign Language interpreter',
	'Easy Read letters',
	'Prefers phone calls to letters'
] as const;

/** Alert kinds shown on PAS and, under LOCAL policy, on the casenote cover (handbook 2.1). */
export const ALERT_TEXTS = {
	safeguarding: 'Safeguarding concern: contact the safeguarding team before sharing information',
	'violence-risk': 'History of aggression towards staff: two staff to attend',
	'same-name': 'Another patient has the same name: check three identifiers (handbook 1.6)',
	'respect-dnacpr': 'ReSPECT form held at the front of the notes',
	'mental-health-act': 'Detained under the Mental Health Act in the past: papers at the front of the notes',
	'learning-disability': 'Learning disability: reasonable adjustments needed',
	twin: 'Twin: check first name and NHS number'
} as const;

export type AlertKind = keyof typeof ALERT_TEXTS;

/** Short, plausible phrases for rendered letters, keyed by specialty code. */
export const REASONS: Record<string, readonly string[]> = {
	GMED: ['breathlessness on exertion', 'recurrent dizziness', 'unexplained weight loss', 'anaemia'],
	GSUR: ['right inguinal hernia', 'gallstones', 'abdominal pain', 'a lump in the groin'],
	CARD: ['palpitations', 'chest pain on exertion', 'a heart murmur', 'high blood pressure'],
	RESP: ['a persistent cough', 'asthma review', 'COPD review', 'an abnormal chest X-ray'],
	TRAU: ['a painful left knee', 'a fractured wrist', 'hip pain', 'lower back pain'],
	ENT: ['hearing loss', 'recurrent tonsillitis', 'nasal blockage', 'tinnitus'],
	OPHT: ['cataract', 'glaucoma review', 'blurred vision', 'a painful red eye'],
	DERM: ['eczema', 'a changing mole', 'psoriasis', 'a rash'],
	GERI: ['falls', 'memory problems', 'reduced mobility', 'medication review'],
	PAED: ['recurrent wheeze', 'poor weight gain', 'abdominal pain', 'a febrile convulsion'],
	GYNA: ['heavy periods', 'pelvic pain', 'a prolapse', 'postmenopausal bleeding'],
	MATY: ['antenatal booking', 'a growth scan', 'reduced fetal movements', 'a postnatal check'],
	DIAB: ['type 2 diabetes review', 'thyroid problems', 'type 1 diabetes review', 'high calcium'],
	UROL: ['prostate symptoms', 'kidney stones', 'blood in the urine', 'recurrent urine infections']
};

export const EMERGENCY_REASONS = [
	'a fall at home',
	'chest pain',
	'a cut hand',
	'an ankle injury',
	'shortness of breath',
	'abdominal pain'
] as const;

export const RESULT_TESTS = w(
	'Full-blood-count Urea-and-electrolytes Liver-function-tests HbA1c Chest-X-ray Thyroid-function'
).map((t) => t.replace(/-/g, ' '));

export const STAFF_ROLES = [
	'Health records clerk',
	'Health records supervisor',
	'Ward clerk',
	'Medical secretary',
	'Clinic receptionist'
] as const;
