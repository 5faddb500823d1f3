import type { HandbookSectionId } from './handbook-sections';

/**
 * The new starter's induction route (issue 12): one module per topic, each a short plain-English introduction
 * followed by a quick knowledge check. Written for someone who has never worked in the NHS, from the handbook,
 * citing its sections. Glossary terms are found and explained on the page automatically (see glossary.ts), so the
 * text is kept plain rather than marked up.
 */

/** A paragraph, or a bulleted list of short points. */
export type ContentBlock = string | { bullets: string[] };

export interface IntroSection {
	heading: string;
	body: ContentBlock[];
	/** Where in the handbook this part comes from. */
	sections: HandbookSectionId[];
}

export interface QuestionOption {
	id: string;
	text: string;
}

/** A multiple-choice knowledge check: quick recall, not a scenario. */
export interface KnowledgeQuestion {
	id: string;
	prompt: string;
	options: QuestionOption[];
	/** The id of the one correct option. */
	answer: string;
	/** Why the answer is right, shown after any attempt. */
	explanation: string;
	sections: HandbookSectionId[];
}

export interface InductionModule {
	id: string;
	title: string;
	/** One line for the route page. */
	summary: string;
	/** Reading plus the knowledge check, at a steady pace for a new starter. */
	minutes: number;
	intro: IntroSection[];
	questions: KnowledgeQuestion[];
	/**
	 * Practice scenarios that follow this module, gentle to realistic, by scenario id. Scenario definitions are
	 * registered by the scenario engine; the lead wires the ids in once those exist, so this may be empty.
	 */
	practiceScenarioIds: string[];
}

function opts(...texts: string[]): QuestionOption[] {
	return texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text }));
}

export const INDUCTION_MODULES: InductionModule[] = [
	{
		id: 'what-records-are-for',
		title: 'What health records are for',
		summary: 'Why every patient has a record, who uses it, and why the health records team matters.',
		minutes: 15,
		intro: [
			{
				heading: 'A record of care',
				sections: ['2.1', '3.6'],
				body: [
					'Every time someone is cared for by the NHS, the people treating them write down what they found, what they decided and what they did. Together, these pages make up the patient\u2019s health record.',
					'In a hospital, the record can be paper, electronic, or a mix of both. The paper part is a folder called the casenotes. It holds letters, notes written by doctors and nurses, test results and signed forms.',
					'Some parts live on computer systems instead, such as scans and X-rays. When people talk about "the record", they mean all the parts, wherever they are kept.'
				]
			},
			{
				heading: 'Who uses it, and why',
				sections: ['2.9', '4.4'],
				body: [
					'Doctors, nurses and other clinicians read the record before they treat someone. It tells them about allergies, earlier operations and test results. Good care depends on the right record being in the right place at the right time.',
					'If notes are missing or in the wrong place, a clinic may be cancelled or a decision may be made without the full picture. If a page is filed in the wrong patient\u2019s folder, a doctor could act on someone else\u2019s results.',
					'Records are also used to answer a patient\u2019s own request to see their information, and sometimes in legal cases. That is why they must be complete, accurate and kept for the right length of time.'
				]
			},
			{
				heading: 'What the health records team does',
				sections: ['2.2', '2.5', '3.1'],
				body: [
					'The health records team looks after the record so that it can be trusted. Day to day, that means:',
					{
						bullets: [
							'registering patients and checking their details are right,',
							'filing letters and results into the right folder, in the right place,',
							'finding notes for clinics and wards, and recording every time a folder moves,',
							'answering phone calls and requests for information, safely,',
							'keeping information private and reporting anything that goes wrong.'
						]
					},
					'Each of these has its own module in this induction.'
				]
			},
			{
				heading: 'Privacy comes with the job',
				sections: ['4.3', '4.4', '4.11'],
				body: [
					'Health information is among the most private information there is. The law treats it as special category data and protects it more strongly than, say, a shopping list.',
					'You will see records of people you may know. The rule is simple: you only look at what your current task needs. This is called need to know.'
				]
			},
			{
				heading: 'About the patients in Records Room',
				sections: ['1.3'],
				body: [
					'Everyone in Records Room is made up. Their NHS numbers come from a range kept for testing, which is never given to real people. You can practise, make mistakes and learn from them without any risk to a real patient.'
				]
			}
		],
		questions: [
			{
				id: 'q1',
				prompt:
					'What does "the record" mean for a patient whose notes are partly on paper and partly on computer?',
				options: opts(
					'Only the paper folder',
					'Only the computer system',
					'All the parts together, paper and electronic',
					'Whichever part was updated last'
				),
				answer: 'c',
				explanation:
					'A record kept partly on paper and partly on computer is a hybrid record. "The record" is all of it, so you need to know where each part lives.',
				sections: ['3.6']
			},
			{
				id: 'q2',
				prompt: 'A letter is filed in the wrong patient\u2019s folder. Why does this matter?',
				options: opts(
					'It only matters if the folder is full',
					'A clinician could act on the wrong information, and the other patient\u2019s privacy has been breached',
					'It does not matter as long as the letter is in a folder',
					'It only matters for paper records, not electronic ones'
				),
				answer: 'b',
				explanation:
					'A document in the wrong folder is both a risk to care (decisions made on someone else\u2019s results) and a breach of confidentiality.',
				sections: ['2.9']
			},
			{
				id: 'q3',
				prompt: 'You notice your neighbour has an appointment today. Can you open their record to see why?',
				options: opts(
					'Yes, because the system lets you in',
					'Yes, if you do not tell anyone what you read',
					'No: you only look at records your current task needs',
					'Only if they are a friend'
				),
				answer: 'c',
				explanation:
					'Access is on a need-to-know basis. Being able to open a record does not mean you may. Looking without a work reason can be a crime.',
				sections: ['4.4', '4.11']
			},
			{
				id: 'q4',
				prompt: 'Which of these is part of the health records team\u2019s everyday work?',
				options: opts(
					'Deciding which treatment a patient should have',
					'Recording every time a folder of notes moves',
					'Changing what a doctor wrote if a patient disagrees',
					'Telling relatives about test results'
				),
				answer: 'b',
				explanation:
					'Tracking every movement of notes is a core part of the job. Treatment decisions belong to clinicians, clinical opinion is not rewritten, and results are not given to relatives without consent.',
				sections: ['2.5']
			}
		],
		// A first taste of the job on day one: everyday moments on the records desk where privacy (above) matters.
		practiceScenarioIds: ['records-desk-day-gentle']
	},
	{
		id: 'identifying-patients',
		title: 'Identifying patients',
		summary: 'Positive patient identification, the NHS number and the hospital number.',
		minutes: 20,
		intro: [
			{
				heading: 'Right patient, right record',
				sections: ['1.6', '1.7'],
				body: [
					'Many people share the same name, and some share a birthday too. Picking a record on a name alone is one of the most common ways things go wrong.',
					'So every time you register someone, fetch notes, file a letter, book an appointment or give out information, you check who the patient is. This is called positive patient identification.'
				]
			},
			{
				heading: 'Three identifiers, and ask, do not tell',
				sections: ['1.6'],
				body: [
					'Trusts usually ask for at least three identifiers: the full name, the date of birth, and a number such as the NHS number or hospital number. The address or postcode is a useful extra.',
					'Ask the patient to tell you their details, with an open question: "Can you tell me your full name and date of birth?" Never read the details out and ask them to agree ("Are you John Smith?"). A worried or confused person may just say yes.'
				]
			},
			{
				heading: 'The NHS number',
				sections: ['1.1', '1.2', '1.4'],
				body: [
					'The NHS number is 10 digits long and stays with a person for life. It is written in groups of three, three and four, like 999 234 5675.',
					'The last digit is a check digit worked out from the other nine. The Modulus 11 check catches most typing mistakes, such as one wrong digit or two digits swapped.',
					'Passing the check does not prove the number belongs to this patient. That is confirmed by tracing it on the national PDS database. A number traced and confirmed has status 01, which means verified.'
				]
			},
			{
				heading: 'The hospital number',
				sections: ['1.5'],
				body: [
					'Each hospital trust also gives a patient its own hospital number, sometimes called the unit number or MRN, when they first register. It is unique in that trust only: another hospital may use the same number for someone else.',
					'Paper casenotes are filed by the hospital number, so it matters just as much to get it right.'
				]
			},
			{
				heading: 'Common traps',
				sections: ['1.7', '3.3'],
				body: [
					{
						bullets: [
							'Twins: same surname, date of birth and address. Check the first name and the NHS number.',
							'Swapped day and month in a date of birth, such as 03/04 and 04/03.',
							'Changed names after marriage or by choice. Old names are kept as an alias so searches still work.',
							'Registering someone again without searching first, which creates a duplicate record.'
						]
					}
				]
			}
		],
		questions: [
			{
				id: 'q1',
				prompt: 'A patient comes to the desk. Which is the right way to check who they are?',
				options: opts(
					'"Are you Sarah Jones, born 4 March 1987?"',
					'"Can you tell me your full name and date of birth?"',
					'"Is this your address?" while showing the screen',
					'Check the name only, as it is quicker'
				),
				answer: 'b',
				explanation:
					'Ask, do not tell: an open question makes the patient give their details, which you then check against the record.',
				sections: ['1.6']
			},
			{
				id: 'q2',
				prompt: 'How many identifiers do trusts usually require to identify a patient?',
				options: opts('One', 'Two', 'At least three', 'Five'),
				answer: 'c',
				explanation:
					'The usual local standard is at least three: full name, date of birth and a unique number such as the NHS number.',
				sections: ['1.6']
			},
			{
				id: 'q3',
				prompt: 'An NHS number passes the Modulus 11 check. What does that tell you?',
				options: opts(
					'It definitely belongs to this patient',
					'It is correctly formed, but you still need other checks to know it is this patient\u2019s',
					'The patient is registered with a GP',
					'It has been verified on PDS'
				),
				answer: 'b',
				explanation:
					'The check catches most typing mistakes, but a well-formed number can still be the wrong one. Only a trace on PDS verifies it (status 01).',
				sections: ['1.2', '1.4']
			},
			{
				id: 'q4',
				prompt: 'Which statement about the hospital number is true?',
				options: opts(
					'It is the same in every hospital in England',
					'It is unique only within the trust that issued it',
					'It replaces the NHS number',
					'It changes at every visit'
				),
				answer: 'b',
				explanation:
					'The hospital number is issued locally by the trust\u2019s PAS and is unique only inside that trust. Under unit numbering the same number is used at every visit.',
				sections: ['1.5']
			},
			{
				id: 'q5',
				prompt:
					'Two patients on today\u2019s clinic list are twins. What should you check to tell their records apart?',
				options: opts(
					'Surname and date of birth',
					'Address and GP',
					'First name and NHS number',
					'Nothing: they can share a folder'
				),
				answer: 'c',
				explanation:
					'Twins share a surname, date of birth, address and often a GP. The first name and NHS number tell them apart.',
				sections: ['1.7']
			}
		],
		practiceScenarioIds: ['nhs-number-check-gentle', 'nhs-number-check-realistic']
	},
	{
		id: 'paper-and-electronic-records',
		title: 'Paper and electronic records',
		summary: 'Casenotes and volumes, the PAS and the MPI, scanned and hybrid records.',
		minutes: 20,
		intro: [
			{
				heading: 'The casenote folder',
				sections: ['2.1'],
				body: [
					'Under unit numbering, each patient has one folder in each trust, filed under their hospital number. The cover shows the hospital number, full name, date of birth, NHS number and volume number.',
					'The cover never shows a diagnosis. Anyone carrying the folder through a corridor could be seen with it.',
					'Inside, papers are punched and held on the folder\u2019s fasteners. They are never left loose or tucked in a pocket, because loose papers fall out and get lost.'
				]
			},
			{
				heading: 'Volumes',
				sections: ['2.6'],
				body: [
					'When a folder gets too full to hold safely, it is closed and a new volume is opened. Volumes are numbered, such as "Volume 2 of 2", and the old one is marked closed.',
					'Key documents such as alerts are carried forward into the new volume. Each volume is tracked on its own. Unless someone asks for older volumes, fetch the current one.'
				]
			},
			{
				heading: 'The PAS and the MPI',
				sections: ['3.1', '3.2'],
				body: [
					'The PAS is the hospital\u2019s main administration system. It registers patients, books appointments and admissions, and often tracks the paper notes.',
					'The MPI is the list of every patient the hospital has registered, with their demographics (name, date of birth, address, NHS number, GP and so on).',
					'Before registering a new patient, search the MPI: by NHS number first, then by name, date of birth and sex, trying previous names too. Only register when you are sure the person is not already there.',
					'When details change, check who you are talking to first, keep the old details as history, and take extra care with anyone asking to change an address or phone number.'
				]
			},
			{
				heading: 'Duplicates and confused records',
				sections: ['3.3'],
				body: [
					'A duplicate record is one person registered twice. A confused record is worse: two different people\u2019s information mixed in one record. Both are passed to the trained data quality team. A merge often cannot be undone, so it is left to specialists who compare the records carefully first.'
				]
			},
			{
				heading: 'Scanned and hybrid records',
				sections: ['3.4', '3.6'],
				body: [
					'Many hospitals scan paper into an EDM system. Each scanned page must be indexed to the right patient and document type, and checked for quality. A page indexed to the wrong patient is a breach, and it is fixed by a controlled re-index, never by deleting it.',
					'Most records today are a hybrid record: part paper, part electronic. Know where each part lives, and remember that a request for "the record" means all of it.'
				]
			}
		],
		questions: [
			{
				id: 'q1',
				prompt: 'Which of these should never appear on the outside of a casenote folder?',
				options: opts(
					'The hospital number',
					'The patient\u2019s diagnosis',
					'The volume number',
					'The NHS number'
				),
				answer: 'b',
				explanation:
					'The cover shows identifiers and the volume number, but never a diagnosis, because anyone could see the outside of the folder.',
				sections: ['2.1']
			},
			{
				id: 'q2',
				prompt: 'A clinic asks for a patient\u2019s notes. The patient has three volumes. Which do you send?',
				options: opts(
					'All three, always',
					'The current volume, unless older ones are asked for',
					'The oldest volume',
					'None until the clinic says which'
				),
				answer: 'b',
				explanation:
					'By default the current volume is fetched. Older volumes are fetched on request, or all volumes for things like a subject access request or a legal case.',
				sections: ['2.6']
			},
			{
				id: 'q3',
				prompt: 'What should you do before registering a new patient on the PAS?',
				options: opts(
					'Nothing: registering is quick to undo',
					'Search the MPI, starting with the NHS number, to make sure they are not already registered',
					'Ask a colleague if they remember the patient',
					'Create the record and merge later if needed'
				),
				answer: 'b',
				explanation:
					'Searching first prevents duplicate records. Search by NHS number, then by name, date of birth and sex, including previous names.',
				sections: ['3.1']
			},
			{
				id: 'q4',
				prompt: 'A scanned letter has been indexed to the wrong patient. What is the right fix?',
				options: opts(
					'Delete the scanned image',
					'Print it and file it in the paper folder',
					'A controlled re-index to the right patient, with an audit trail, and report it',
					'Leave it: the paper original is the real record'
				),
				answer: 'c',
				explanation:
					'Mis-indexing is a breach and a risk to care. It is corrected through a controlled re-index with an audit trail, never by deleting.',
				sections: ['3.4']
			}
		],
		practiceScenarioIds: ['registration-check-gentle', 'folder-care-gentle', 'registration-check-realistic']
	},
	{
		id: 'filing',
		title: 'Filing',
		summary: 'Loose filing, casenote sections and terminal digit filing.',
		minutes: 25,
		intro: [
			{
				heading: 'Loose filing, step by step',
				sections: ['2.2'],
				body: [
					'Loose filing means adding single documents, such as clinic letters and results, to a patient\u2019s existing folder. Do it promptly: a letter waiting in a tray is a letter nobody can read. Your trust sets the deadline.',
					{
						bullets: [
							'Check every sheet has the identifiers your trust requires (at least name, date of birth and a hospital or NHS number).',
							'Check they match the folder exactly.',
							'If anything is missing or does not match, do not file it. Return it to whoever sent it, or to your supervisor. Never guess and never file it in the "nearest match".',
							'File it in the right section, in date order, fastened in.'
						]
					},
					'If you find a page that belongs to another patient, take it out, file it in the right folder, and report it: it is a possible breach and a risk to care.'
				]
			},
			{
				heading: 'Sections inside the folder',
				sections: ['2.1'],
				body: [
					'Folders are divided into sections by dividers, often coloured. Each trust publishes its own order of filing. A typical order puts alerts and resuscitation decisions (DNACPR and ReSPECT forms) at the very front, then correspondence, clinical notes, results, operation notes, nursing records, drug charts and consent forms.',
					'Within a section, many trusts put the newest document on top. Records Room uses this as its default, and your trust may do it differently.'
				]
			},
			{
				heading: 'Terminal digit filing',
				sections: ['2.3'],
				body: [
					'Many file rooms shelve folders by terminal digit filing. It sounds hard but is quick once practised. Take a six-digit hospital number, such as 34 63 71, and read it in pairs from the right:',
					{
						bullets: [
							'The last pair (71) is the primary: it tells you which of the 100 shelf sections, 00 to 99, the folder goes in.',
							'The middle pair (63) is the secondary: it orders folders within that section.',
							'The first pair (34) is the tertiary: it orders folders that share the first two pairs.'
						]
					},
					'Shorter numbers are padded with zeros at the front, so 72248 becomes 07 22 48.',
					'Why bother? New numbers spread evenly across all 100 sections, so no shelf gets crowded, and with colour-coded number bands a misfiled folder stands out.'
				]
			},
			{
				heading: 'Other filing systems',
				sections: ['2.4'],
				body: [
					'You may also meet straight numeric filing (plain number order), middle digit filing (middle pair first) and alphabetical filing by surname in small or GP settings. The checks before filing are the same whatever the system.'
				]
			},
			{
				heading: 'When filing goes wrong',
				sections: ['2.9'],
				body: [
					'A folder put back in the wrong place is as good as lost. Common causes are swapped digits, similar names and skipping the identifier checks. If you find a misfile, move it to the right place, tell your supervisor, and report it so the cause can be found.'
				]
			}
		],
		questions: [
			{
				id: 'q1',
				prompt:
					'A results sheet has the right name and date of birth but a different hospital number from the folder. What do you do?',
				options: opts(
					'File it: two out of three match',
					'Correct the number by hand, then file it',
					'Do not file it; return it to the sender or your supervisor to resolve',
					'File it at the back of the folder'
				),
				answer: 'c',
				explanation:
					'Every identifier must match the folder exactly. A sheet with a mismatch is not filed: it goes back to be resolved. Never guess.',
				sections: ['2.2']
			},
			{
				id: 'q2',
				prompt: 'Using terminal digit filing, which shelf section does folder 34 63 71 go in?',
				options: opts('Section 34', 'Section 63', 'Section 71', 'Section 346'),
				answer: 'c',
				explanation: 'Read from the right: the last pair, 71, is the primary and picks the shelf section.',
				sections: ['2.3']
			},
			{
				id: 'q3',
				prompt:
					'In terminal digit order, which of these two folders comes first on the shelf: 65 43 21 or 12 33 56?',
				options: opts(
					'65 43 21, because its primary pair (21) is lower than 56',
					'12 33 56, because 12 is lower than 65',
					'They go in the same place',
					'It depends on the patient\u2019s name'
				),
				answer: 'a',
				explanation:
					'Compare the last pair first: 21 comes before 56, so 65 43 21 is shelved first, whatever the first digits are.',
				sections: ['2.3']
			},
			{
				id: 'q4',
				prompt: 'Where in the folder are resuscitation decisions such as DNACPR forms usually filed?',
				options: opts(
					'At the very front, so they can be found fast',
					'At the back, with miscellaneous papers',
					'In the folder pocket',
					'With the correspondence'
				),
				answer: 'a',
				explanation:
					'Alerts and legal-status documents such as DNACPR and ReSPECT forms are usually at the front. The exact order of filing is set by each trust.',
				sections: ['2.1']
			}
		],
		practiceScenarioIds: [
			'loose-filing-gentle',
			'shelving-gentle',
			'loose-filing-realistic',
			'shelving-realistic'
		]
	},
	{
		id: 'tracking-and-missing-notes',
		title: 'Tracking and missing notes',
		summary: 'Recording every movement, tracer cards, temporary notes and the search for missing notes.',
		minutes: 20,
		intro: [
			{
				heading: 'Track every move',
				sections: ['2.5'],
				body: [
					'Whenever notes leave the shelf, or pass from one person or place to another, the move is recorded on the tracking system at that moment: where they went, when, and who has them.',
					'Everyone who handles notes is responsible for this, not only the health records team. Moves that are not recorded are the main reason notes go "missing".'
				]
			},
			{
				heading: 'Tracer cards',
				sections: ['2.5'],
				body: [
					'In some file rooms, and whenever the computer system is down, a tracer card (also called an outguide) is put in the gap on the shelf. It shows the number, where the folder went, the date and who took it. It comes out when the folder goes back.'
				]
			},
			{
				heading: 'Borrowing and moving notes',
				sections: ['2.5'],
				body: [
					'Notes are requested through health records and tracked to the borrower. They are kept only as long as needed, stored securely, and moved in closed containers. Never leave notes unattended in a public area.'
				]
			},
			{
				heading: 'When notes cannot be found',
				sections: ['2.8'],
				body: [
					'Follow the missing notes procedure in order:',
					{
						bullets: [
							'Check the tracking history: the current location, then earlier ones.',
							'Search the tracked location, then the shelf, including nearby slots and numbers with digits swapped.',
							'Try returns trolleys and sorting areas, clinics, secretaries\u2019 offices, wards, coding, scanning and the off-site store.',
							'Keep a search log of who looked where, and when.',
							'Tell your supervisor if the notes are still not found.'
						]
					},
					'If they stay lost past the trust\u2019s deadline, an incident is reported: a lost record is a possible data breach.'
				]
			},
			{
				heading: 'Temporary notes',
				sections: ['2.7'],
				body: [
					'If care cannot wait, a manager may agree to temporary notes, but only after a full search has failed. The temporary folder is clearly marked, holds copies of key documents, and is tracked like any other. When the original turns up, the two are brought together and tracking is updated.'
				]
			}
		],
		questions: [
			{
				id: 'q1',
				prompt: 'A nurse takes notes from the clinic to a ward. When should the tracking be updated?',
				options: opts(
					'At the end of the day',
					'At the moment the notes move',
					'When the notes come back to the library',
					'Only if someone asks where they are'
				),
				answer: 'b',
				explanation:
					'Every move is tracked when it happens. Untracked moves are the main cause of missing notes.',
				sections: ['2.5']
			},
			{
				id: 'q2',
				prompt: 'Notes are not on the shelf. What is the first thing to check?',
				options: opts(
					'Make temporary notes straight away',
					'The tracking history',
					'Report it as lost',
					'Ask the patient'
				),
				answer: 'b',
				explanation:
					'Start with the tracking history, then search the tracked location and the shelf, including nearby and swapped-digit positions.',
				sections: ['2.8']
			},
			{
				id: 'q3',
				prompt: 'When may a temporary folder be made?',
				options: opts(
					'Whenever notes are late for clinic',
					'Only after a full search has failed, with a manager\u2019s agreement',
					'Whenever a patient asks',
					'Never'
				),
				answer: 'b',
				explanation:
					'Temporary notes are a last resort: only after an exhaustive search, and only on a manager\u2019s authority.',
				sections: ['2.7']
			},
			{
				id: 'q4',
				prompt: 'What is a tracer card used for?',
				options: opts(
					'Marking the shelf gap where a folder was taken out, showing where it went',
					'Recording a patient\u2019s allergies',
					'Closing an old volume',
					'Tracing an NHS number on PDS'
				),
				answer: 'a',
				explanation:
					'A tracer card (outguide) stands in for a removed folder and shows the number, destination, date and who took it. It is used when the system is down and in manual systems.',
				sections: ['2.5']
			}
		],
		practiceScenarioIds: [
			'clinic-preparation-gentle',
			'missing-notes-gentle',
			'urgent-request-gentle',
			'missing-notes-realistic'
		]
	},
	{
		id: 'confidentiality-and-data-protection',
		title: 'Confidentiality and data protection',
		summary: 'The Caldicott Principles, UK GDPR basics, need to know, smartcards and breaches.',
		minutes: 25,
		intro: [
			{
				heading: 'Why it matters',
				sections: ['4.3', '4.5'],
				body: [
					'Patients tell the NHS things they may tell nobody else, and expect it to stay private. Health information is special category data, and the common law duty of confidentiality means it may only be shared in ways the patient would expect, with their consent, or where the law or a serious public interest allows.',
					'Sharing with the people caring for the patient is expected: this is implied consent. Sharing for other reasons, such as with an employer or the press, needs explicit consent or another legal basis.'
				]
			},
			{
				heading: 'UK GDPR in brief',
				sections: ['4.2'],
				body: [
					'UK GDPR sets principles for handling personal data. The ones you will use most:',
					{
						bullets: [
							'Use only what is needed (data minimisation).',
							'Keep it accurate and up to date.',
							'Keep it no longer than needed.',
							'Keep it secure.'
						]
					},
					'People also have rights, such as asking for a copy of their own information (a SAR).'
				]
			},
			{
				heading: 'The Caldicott Principles and the Caldicott Guardian',
				sections: ['4.4'],
				body: [
					'The eight Caldicott Principles guide every use of confidential information:',
					{
						bullets: [
							'Justify the purpose.',
							'Use it only when necessary.',
							'Use the minimum needed.',
							'Give access only on a need-to-know basis.',
							'Know your responsibilities.',
							'Obey the law.',
							'Share when it helps the patient\u2019s care.',
							'Tell patients how their information is used.'
						]
					},
					'Each organisation has a Caldicott Guardian, a senior person who protects patient confidentiality and advises on difficult decisions.'
				]
			},
			{
				heading: 'Need to know and your smartcard',
				sections: ['3.5', '4.11'],
				body: [
					'Only open records your current task needs. Looking up a neighbour, a relative, a colleague, a celebrity or yourself is not allowed, even if the system lets you in. Every look is logged in an audit trail, and misuse can lead to disciplinary action and prosecution.',
					'Your smartcard and passcode are yours alone. Never lend the card, let someone work in your session, or write the passcode down. Remove the card or lock the screen whenever you step away, and report a lost card to the RA.',
					'Keep a clear desk: lock papers away, collect printing at once, and use the confidential waste bins.'
				]
			},
			{
				heading: 'When something goes wrong',
				sections: ['4.10', '4.12'],
				body: [
					'A personal data breach is any slip that lets personal data be lost, changed, seen by the wrong person or not available. Examples: an email to the wrong address, a clinic list left on the printer, a letter filed in the wrong folder, or information given to a caller who lied about who they were (blagging).',
					'Report every actual or suspected breach, and every near miss, straight away through the incident system and to IG. Do not try to sort it out alone or hide it. IG decides whether it must go to the ICO, which has to happen within 72 hours of becoming aware of a breach that is likely to put people at risk.'
				]
			}
		],
		questions: [
			{
				id: 'q1',
				prompt:
					'A colleague asks to use your smartcard session "just for a minute" because theirs is not working. What do you do?',
				options: opts(
					'Let them, as long as you watch',
					'Refuse: each person uses only their own card, and the problem goes to the RA or IT',
					'Give them your passcode so they can log in themselves',
					'Let them if they are more senior'
				),
				answer: 'b',
				explanation:
					'Never let anyone use your card or work in your session: the audit trail would show you. Refuse, and report problems through the proper route.',
				sections: ['4.11']
			},
			{
				id: 'q2',
				prompt:
					'You find a clinic list on the shared printer. Nobody seems to have read it. What should happen?',
				options: opts(
					'Put it in the normal recycling',
					'Leave it for its owner',
					'Hand it to a manager or IG and report it, even if nobody read it',
					'Nothing, as no harm was done'
				),
				answer: 'c',
				explanation:
					'Left print is a possible breach. Collect it, hand it in and log it: near misses are reported too.',
				sections: ['4.10', '4.12']
			},
			{
				id: 'q3',
				prompt: 'Which Caldicott Principle says you should only see the information your role needs?',
				options: opts(
					'Justify the purpose',
					'Strict need-to-know access',
					'Inform patients and service users',
					'Comply with the law'
				),
				answer: 'b',
				explanation:
					'Principle 4: only people who need the information for their role should have access, and only to the parts they need.',
				sections: ['4.4']
			},
			{
				id: 'q4',
				prompt: 'An email with patient details went to the wrong address. What is your first step?',
				options: opts(
					'Wait to see if the person replies',
					'Report it to your manager and IG at once, and do not forward it any further',
					'Delete it from your sent items',
					'Tell the patient yourself'
				),
				answer: 'b',
				explanation:
					'Report straight away so IG can act, try to recall it, and ask the recipient to delete it. IG decides about the ICO and telling the patient.',
				sections: ['4.10']
			},
			{
				id: 'q5',
				prompt: 'Why is health information treated more strictly than other personal data?',
				options: opts(
					'It is special category data under UK GDPR',
					'It is always out of date',
					'It belongs to the hospital, not the patient',
					'It is only kept on paper'
				),
				answer: 'a',
				explanation:
					'Health data is special category data: misuse could cause more harm, so the law protects it more strongly.',
				sections: ['4.3']
			}
		],
		practiceScenarioIds: [
			'records-desk-day-gentle',
			'subject-access-request-gentle',
			'police-and-third-parties-gentle',
			'retention-disposal-review-gentle',
			'records-desk-day-realistic'
		]
	},
	{
		id: 'phone-calls',
		title: 'Phone calls',
		summary: 'Verifying callers, what may be said to whom, and taking messages.',
		minutes: 20,
		intro: [
			{
				heading: 'Before you say anything',
				sections: ['6.1'],
				body: [
					'Take calls where the public cannot hear you, and never say a name together with clinical details out loud in a reception area.',
					'Nobody has an automatic right to someone else\u2019s health information: not family, not friends, not carers, and not other professionals without a reason.'
				]
			},
			{
				heading: 'Check who is calling',
				sections: ['6.2'],
				body: [
					{
						bullets: [
							'Ask the caller to tell you the patient\u2019s full name, date of birth and address or postcode. Do not prompt or confirm parts of it.',
							'If the details are wrong, give no hints, such as "that is not the address we have". Politely explain how they can get the information another way.',
							'Take extra care with requests to change an address or phone number, urgent or pushy callers, and sensitive subjects.',
							'If you are unsure who a professional caller is, use a call-back through a published switchboard, never a number the caller gives.'
						]
					}
				]
			},
			{
				heading: 'What you may say, and to whom',
				sections: ['6.3', '4.13'],
				body: [
					{
						bullets: [
							'A verified patient: their own appointment and admin details. Copies of records go through a SAR.',
							'A relative or next of kin with no recorded consent: nothing about the patient\u2019s health or even whether they are in hospital. Listen and offer to pass a message on.',
							'A relative with recorded consent: only what the consent covers.',
							'A GP or other health professional: what they need for care, once you have checked who they are.',
							'Police, solicitors, insurers and the press: nothing over the phone. Explain the written route or pass them to the right team.'
						]
					},
					'If someone asks "is this person a patient here?", do not confirm or deny it unless the patient has agreed. Even saying yes can be a disclosure.'
				]
			},
			{
				heading: 'Difficult callers',
				sections: ['6.4'],
				body: [
					'Stay calm, listen and explain what you can do. If a caller becomes abusive, warn them clearly that you will end the call, then end it if it goes on, and tell your manager. Never give out information to calm someone down or to end a call: pressure is a warning sign of blagging.'
				]
			},
			{
				heading: 'Taking messages',
				sections: ['6.5'],
				body: [
					'Write down the caller\u2019s name, who they are to the patient, a call-back number, the date and time, the patient (with as few identifiers as possible), the message, how urgent it is, and your name. Pass it on promptly through a secure route, and tell the caller only that you will pass it on.'
				]
			}
		],
		questions: [
			{
				id: 'q1',
				prompt:
					'A caller says she is the patient\u2019s daughter and asks how her mother\u2019s operation went. There is no consent on the record. What do you say?',
				options: opts(
					'Tell her, because she is next of kin',
					'Give a general answer like "it went well"',
					'Give no information about the patient, but offer to take a message for the ward',
					'Read her the latest notes'
				),
				answer: 'c',
				explanation:
					'Next of kin has no right to information. Without recorded consent, give nothing, but listen and offer to pass a message on.',
				sections: ['6.3']
			},
			{
				id: 'q2',
				prompt:
					'A caller gets the patient\u2019s address wrong during the identity check. What should you do?',
				options: opts(
					'Tell them the address you have so they can correct it',
					'Give them a hint: "it is not the one on Station Road"',
					'Politely refuse without giving any hint, and explain how they can get the information',
					'Carry on, as the name and date of birth were right'
				),
				answer: 'c',
				explanation:
					'If a caller fails the check, give no hints about what is on the record. Refuse politely and explain the proper route.',
				sections: ['6.2']
			},
			{
				id: 'q3',
				prompt:
					'A caller says he is a police officer and needs a patient\u2019s address urgently. What is the right response?',
				options: opts(
					'Give the address: the police always have a right to it',
					'Give nothing over the phone; explain that requests must be made in writing and refer to IG',
					'Give the address if he gives his badge number',
					'Confirm the patient is in hospital, but nothing more'
				),
				answer: 'b',
				explanation:
					'The police have no general right to records. Requests come in writing through the formal process and are decided by IG or senior staff, not on the phone. Only an immediate risk to life is handled differently, by a senior on-call decision.',
				sections: ['4.9', '6.3']
			},
			{
				id: 'q4',
				prompt: 'You need to check a GP surgery caller is genuine. Which number do you call back on?',
				options: opts(
					'The mobile number the caller gives you',
					'The surgery\u2019s published main number, found independently',
					'Any number shown on your phone display',
					'No need to call back; GPs are always genuine'
				),
				answer: 'b',
				explanation:
					'Call back through a number you find yourself, such as the published switchboard, never a number the caller supplies.',
				sections: ['6.2']
			}
		],
		practiceScenarioIds: ['phone-call-gentle', 'phone-call-realistic']
	}
];

export function getModule(id: string | null | undefined): InductionModule | undefined {
	return INDUCTION_MODULES.find((m) => m.id === id);
}

/** The whole route's estimated time, for the route page. */
export function totalMinutes(modules: readonly InductionModule[] = INDUCTION_MODULES): number {
	return modules.reduce((sum, m) => sum + m.minutes, 0);
}

/** Every piece of a module's introduction as plain text, in reading order, for term marking and word counts. */
export function moduleTexts(m: InductionModule): string[] {
	return m.intro.flatMap((s) => s.body.flatMap((b) => (typeof b === 'string' ? [b] : b.bullets)));
}
