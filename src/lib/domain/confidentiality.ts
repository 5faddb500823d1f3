/**
 * Confidentiality rules that are not a single disclosure decision or deadline (handbook 3.5, 3.6, 4.7, 4.8,
 * 4.10-4.12, 5.3): what a subject access response gathers and redacts, proportionate identity evidence, when an
 * extension or a fee is allowed, what each applicant for a deceased patient's record may see, how to respond to
 * everyday security moments, and the appraisal outcome for a record at review. The data protection scenarios take
 * every answer from here, so scoring cannot disagree with the rules.
 */
import { ownRecordAccess } from './access-audit';
import { decideDisclosure, type Paperwork } from './disclosure';
import { disposalOptions, type RetentionRecord } from './retention';
import { reason, type Reason } from './rules';
import type { TrustRules } from './settings';

/** A part of a patient's record (handbook 3.6): a paper volume, the electronic record or scanned documents. */
export interface RecordPart {
	id: string;
	format: 'paper' | 'electronic' | 'scanned';
	/** Where it is kept, e.g. "Main library" or "Off-site store". */
	location: string;
}

/**
 * The parts of the record a subject access response must gather: all of them, in every format and wherever they
 * are stored (handbook 3.6, 4.7).
 * @example sarPartsToGather([{ id: 'v1', format: 'paper', location: 'Library' }, { id: 'epr', format: 'electronic', location: 'EPR' }]).ids // ['v1', 'epr']
 */
export function sarPartsToGather(parts: readonly RecordPart[]): { ids: string[]; reasons: Reason[] } {
	return { ids: parts.map((p) => p.id), reasons: [reason('sar.all-parts')] };
}

/** An entry in the record, as the person preparing a subject access response sees it (handbook 4.7). */
export interface RecordEntry {
	/** Who, apart from the patient, the entry identifies. */
	identifies: 'patient-only' | 'third-party' | 'health-professional';
	/** The third party has agreed to their information being released. */
	thirdPartyConsented?: boolean;
	/** A clinician flagged that the entry may cause serious harm if released (handbook 4.7, DPA 2018 Sch 3). */
	mayCauseSeriousHarm?: boolean;
}

export type EntryAction = 'release' | 'redact' | 'clinician-review';

/**
 * What to do with one entry when preparing a subject access response (handbook 4.7): possible serious harm goes
 * to the appropriate clinician first; another person's details are redacted unless they agreed; health
 * professionals acting in their role are not redacted.
 * @example sarEntryAction({ identifies: 'third-party' }).action // 'redact'
 * @example sarEntryAction({ identifies: 'health-professional' }).action // 'release'
 * @example sarEntryAction({ identifies: 'patient-only', mayCauseSeriousHarm: true }).action // 'clinician-review'
 */
export function sarEntryAction(entry: RecordEntry): { action: EntryAction; reasons: Reason[] } {
	if (entry.mayCauseSeriousHarm) return { action: 'clinician-review', reasons: [reason('sar.serious-harm')] };
	if (entry.identifies === 'third-party' && !entry.thirdPartyConsented)
		return { action: 'redact', reasons: [reason('sar.third-party')] };
	if (entry.identifies === 'health-professional')
		return { action: 'release', reasons: [reason('sar.health-professionals')] };
	if (entry.identifies === 'third-party')
		return {
			action: 'release',
			reasons: [reason('sar.third-party', 'The other person agreed to their information being released')]
		};
	return {
		action: 'release',
		reasons: [reason('sar.all-parts', 'The patient’s own information is theirs to have')]
	};
}

export type SarRequester = 'patient' | 'parent' | 'attorney' | 'solicitor';
export type IdEvidence = 'none' | 'photo-id-and-address' | 'authority-and-photo-id';

/**
 * Proportionate identity evidence for a subject access request (handbook 4.7): none from someone already known to
 * staff; photo ID and proof of address from a patient; the document giving authority (parental responsibility,
 * the registered LPA, the patient's signed authority) plus photo ID from someone acting for the patient.
 * @example sarIdentityEvidence({ requester: 'patient', knownToStaff: true }).evidence // 'none'
 * @example sarIdentityEvidence({ requester: 'patient', knownToStaff: false }).evidence // 'photo-id-and-address'
 * @example sarIdentityEvidence({ requester: 'attorney', knownToStaff: false }).evidence // 'authority-and-photo-id'
 */
export function sarIdentityEvidence(who: { requester: SarRequester; knownToStaff: boolean }): {
	evidence: IdEvidence;
	reasons: Reason[];
} {
	if (who.requester !== 'patient') {
		const rule =
			who.requester === 'parent'
				? 'sar.child'
				: who.requester === 'attorney'
					? 'sar.capacity'
					: 'sar.signed-authority';
		return {
			evidence: 'authority-and-photo-id',
			reasons: [reason(rule), reason('sar.proportionate-id', 'Check the authority and who is presenting it')]
		};
	}
	if (who.knownToStaff)
		return {
			evidence: 'none',
			reasons: [
				reason('sar.proportionate-id', 'Do not ask for ID from someone whose identity is already known')
			]
		};
	return {
		evidence: 'photo-id-and-address',
		reasons: [
			reason(
				'sar.proportionate-id',
				'Photo ID and proof of address are enough, and proportionate, for copies sent out'
			)
		]
	};
}

/**
 * Whether a subject access deadline may be extended by two further months (handbook 4.7): only for a complex
 * request or several requests from one person, and the requester must be told why within the first month.
 * @example sarExtensionAllowed({ complex: true, severalRequests: false }).allowed // true
 * @example sarExtensionAllowed({ complex: false, severalRequests: false }).allowed // false
 */
export function sarExtensionAllowed(facts: { complex: boolean; severalRequests: boolean }): {
	allowed: boolean;
	reasons: Reason[];
} {
	const allowed = facts.complex || facts.severalRequests;
	return {
		allowed,
		reasons: [
			reason(
				'sar.extension',
				allowed
					? 'The request is complex or one of several, so two further months are allowed; tell the requester why within the first month'
					: 'Only a complex request, or several from one person, can be extended: one calendar month applies'
			)
		]
	};
}

/**
 * Whether a subject access request may be charged for (handbook 4.7): free by default, with no special fee for
 * health records; a reasonable admin fee only when manifestly unfounded or excessive, or for further copies.
 * @example sarFee({ manifestlyUnfoundedOrExcessive: false, furtherCopy: false }).fee // 'free'
 * @example sarFee({ manifestlyUnfoundedOrExcessive: false, furtherCopy: true }).fee // 'reasonable-admin-fee'
 */
export function sarFee(facts: { manifestlyUnfoundedOrExcessive: boolean; furtherCopy: boolean }): {
	fee: 'free' | 'reasonable-admin-fee';
	reasons: Reason[];
} {
	if (facts.manifestlyUnfoundedOrExcessive || facts.furtherCopy)
		return { fee: 'reasonable-admin-fee', reasons: [reason('sar.fee')] };
	return { fee: 'free', reasons: [reason('sar.free')] };
}

export type AhraAccess = 'whole-record' | 'relevant-to-claim' | 'none';

/**
 * What an applicant for a deceased patient's record may see (handbook 4.8): the personal representative the whole
 * record, a person with a claim arising from the death only what is relevant to the claim, anyone else (including
 * "next of kin") nothing. Who may apply comes from decideDisclosure.
 * @example ahraAccess({ personalRepresentative: true }).access // 'whole-record'
 * @example ahraAccess({ claimArisingFromDeath: true }).access // 'relevant-to-claim'
 * @example ahraAccess({}).access // 'none'
 */
export function ahraAccess(paperwork: Paperwork): { access: AhraAccess; reasons: Reason[] } {
	const d = decideDisclosure({
		requester: 'relative',
		channel: 'letter',
		identity: { verified: true },
		record: { deceased: true },
		asks: 'record-copy',
		paperwork
	});
	if (d.decision !== 'refer-ig-or-access-team') return { access: 'none', reasons: d.reasons };
	const access: AhraAccess = paperwork.personalRepresentative ? 'whole-record' : 'relevant-to-claim';
	return {
		access,
		reasons: [
			reason(
				'ahra.scope',
				access === 'whole-record'
					? 'A personal representative (executor or administrator) may see the whole record'
					: 'A person with a claim arising from the death gets only the information relevant to that claim'
			),
			...d.reasons
		]
	};
}

/**
 * Everyday moments on the records desk (handbook 3.5, 4.10-4.12). `family-lookup`: a relative asks you to check on
 * a family member; `own-record`: you could check your own appointment on the PAS (a LOCAL rule, see
 * ownRecordAccess); `work-lookup`: a clinic needs a detail from a record for a patient's care, which is a real need.
 */
export type SecurityMoment =
	| { kind: 'colleague-lookup'; alreadyLooked: boolean }
	| { kind: 'family-lookup' }
	| { kind: 'own-record' }
	| { kind: 'work-lookup' }
	| { kind: 'smartcard-borrow' }
	| { kind: 'printout-left' }
	| { kind: 'unlocked-screen' }
	| { kind: 'email-external' }
	| { kind: 'misdirected-email' }
	| { kind: 'notes-in-car' };

export const SECURITY_ACTIONS = [
	'go-along',
	'refuse-and-explain',
	'refuse-and-report',
	'collect-and-report',
	'shred-quietly',
	'leave-it',
	'lock-and-tell',
	'read-record',
	'send-as-is',
	'remove-identifiers-only',
	'send-secure-no-identifiers',
	'contain-and-report',
	'recall-and-wait',
	'delete-and-say-nothing',
	'report-loss-now',
	'search-first-tomorrow',
	'look-up-yourself',
	'ask-colleague-to-look',
	'use-proper-route',
	'look-up-and-answer',
	'give-without-checking',
	'refuse-work-lookup',
	'look-up-own-record',
	'ask-colleague-own-record',
	'use-patient-route'
] as const;
export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

/**
 * What an action amounts to: right; right but incomplete; unsafe; a disclosure of (or access to) confidential
 * information without a lawful basis; or hiding an incident.
 */
export type SecurityVerdict = 'right' | 'incomplete' | 'unsafe' | 'unlawful-disclosure' | 'conceals-incident';

const MOMENT_RULES: Record<SecurityMoment['kind'], Parameters<typeof reason>[0]> = {
	'colleague-lookup': 'access.need-to-know',
	'family-lookup': 'access.need-to-know',
	'own-record': 'access.need-to-know',
	'work-lookup': 'consent.direct-care',
	'smartcard-borrow': 'security.smartcard',
	'printout-left': 'security.clear-desk',
	'unlocked-screen': 'security.clear-screen',
	'email-external': 'disclosure.secure-email',
	'misdirected-email': 'breach.misdirected-email',
	'notes-in-car': 'security.transport'
};

const VERDICTS: Record<SecurityMoment['kind'], Partial<Record<SecurityAction, SecurityVerdict>>> = {
	'colleague-lookup': {
		'go-along': 'unlawful-disclosure',
		'refuse-and-explain': 'right',
		'refuse-and-report': 'right'
	},
	'family-lookup': {
		'look-up-yourself': 'unlawful-disclosure',
		'ask-colleague-to-look': 'unlawful-disclosure',
		'use-proper-route': 'right'
	},
	// Where the trust forbids self-access (the default); securityActions relaxes it where the trust allows it.
	'own-record': {
		'look-up-own-record': 'unlawful-disclosure',
		'ask-colleague-own-record': 'unlawful-disclosure',
		'use-patient-route': 'right'
	},
	'work-lookup': {
		'look-up-and-answer': 'right',
		'give-without-checking': 'unsafe',
		'refuse-work-lookup': 'incomplete'
	},
	'smartcard-borrow': {
		'go-along': 'unsafe',
		'refuse-and-explain': 'incomplete',
		'refuse-and-report': 'right'
	},
	'printout-left': { 'collect-and-report': 'right', 'shred-quietly': 'incomplete', 'leave-it': 'unsafe' },
	'unlocked-screen': { 'lock-and-tell': 'right', 'leave-it': 'unsafe', 'read-record': 'unlawful-disclosure' },
	'email-external': {
		'send-secure-no-identifiers': 'right',
		'remove-identifiers-only': 'incomplete',
		'send-as-is': 'unsafe'
	},
	'misdirected-email': {
		'contain-and-report': 'right',
		'recall-and-wait': 'unsafe',
		'delete-and-say-nothing': 'conceals-incident'
	},
	'notes-in-car': {
		'report-loss-now': 'right',
		'search-first-tomorrow': 'unsafe',
		'delete-and-say-nothing': 'conceals-incident'
	}
};

/**
 * The actions worth weighing in a moment, and what each amounts to (handbook 3.5, 4.10-4.12). When a colleague has
 * already looked a neighbour up, refusing is not enough: it must be reported.
 * @example securityActions({ kind: 'smartcard-borrow' })['refuse-and-report'] // 'right'
 * @example securityActions({ kind: 'family-lookup' })['look-up-yourself'] // 'unlawful-disclosure'
 * @example securityActions({ kind: 'colleague-lookup', alreadyLooked: true })['refuse-and-explain'] // 'incomplete'
 * @example securityActions({ kind: 'own-record' })['look-up-own-record'] // 'unlawful-disclosure'
 * @example securityActions({ kind: 'own-record' }, { selfAccess: 'allowed' })['look-up-own-record'] // 'right'
 */
export function securityActions(
	moment: SecurityMoment,
	settings: Partial<TrustRules> = {}
): Partial<Record<SecurityAction, SecurityVerdict>> {
	const table = { ...VERDICTS[moment.kind] };
	if (moment.kind === 'colleague-lookup' && moment.alreadyLooked) table['refuse-and-explain'] = 'incomplete';
	// A colleague looking for you still has no work reason; only your own look-up follows the local rule.
	if (moment.kind === 'own-record' && ownRecordAccess(settings).allowed)
		table['look-up-own-record'] = 'right';
	return table;
}

/**
 * Judges one action in an everyday moment, with the rule behind it; a near miss reported counts as right.
 * @example assessSecurityAction({ kind: 'misdirected-email' }, 'delete-and-say-nothing').verdict // 'conceals-incident'
 * @example assessSecurityAction({ kind: 'printout-left' }, 'collect-and-report').reasons[1].rule // 'breach.report-everything'
 */
export function assessSecurityAction(
	moment: SecurityMoment,
	action: SecurityAction,
	settings: Partial<TrustRules> = {}
): { verdict: SecurityVerdict; best: SecurityAction[]; reasons: Reason[] } {
	const table = securityActions(moment, settings);
	const verdict = table[action] ?? 'unsafe';
	const best = (Object.keys(table) as SecurityAction[]).filter((a) => table[a] === 'right');
	const reasons = [reason(MOMENT_RULES[moment.kind])];
	if (
		moment.kind === 'printout-left' ||
		moment.kind === 'misdirected-email' ||
		moment.kind === 'notes-in-car'
	)
		reasons.push(reason('breach.report-everything'));
	if (moment.kind === 'colleague-lookup' && moment.alreadyLooked)
		reasons.push(
			reason('breach.report-everything', 'Access without a business need is an incident: report it')
		);
	if (moment.kind === 'smartcard-borrow')
		reasons.push(reason('access.need-to-know', 'Everyone works under their own access rights'));
	if (moment.kind === 'family-lookup')
		reasons.push(
			reason(
				'access.audit-trail',
				'Family members’ records are exactly what access audits look for; the ward can tell the family what the patient wants them told'
			)
		);
	if (moment.kind === 'own-record') return { verdict, best, reasons: ownRecordAccess(settings).reasons };
	if (moment.kind === 'work-lookup')
		reasons.push(
			reason(
				'ppi.three-identifiers',
				'Check three identifiers, including the NHS number, before giving a number'
			)
		);
	return { verdict, best, reasons };
}

export type AppraisalOutcome = 'destroy' | 'keep-until' | 'keep-on-hold' | 'transfer-to-place-of-deposit';

/**
 * The appraisal outcome for a record on a review date (handbook 5.1-5.3): under a legal hold or inquiry moratorium
 * keep it; not yet due, keep it until the review date; due and selected for permanent preservation, transfer it to
 * a Place of Deposit; otherwise destroy it securely with a certificate and a destruction register entry.
 * @example appraiseRecord({ type: 'adult', lastSeen: '2010-01-01' }, '2026-11-25').outcome // 'destroy'
 * @example appraiseRecord({ type: 'adult', lastSeen: '2020-01-01' }, '2026-11-25').keepUntil // '2028-01-01'
 * @example appraiseRecord({ type: 'adult', lastSeen: '2010-01-01', legalHold: true }, '2026-11-25').outcome // 'keep-on-hold'
 */
export function appraiseRecord(
	record: RetentionRecord,
	asOf: string,
	opts: { selectedForPreservation?: boolean } = {},
	settings: Partial<TrustRules> = {}
): { outcome: AppraisalOutcome; keepUntil: string | null; reasons: Reason[] } {
	const { due, review } = disposalOptions(record, asOf, settings);
	if (review.onHold) {
		// The hold is the deciding rule, so it comes first.
		const hold = review.reasons.filter(
			(r) => r.rule === 'retention.legal-hold' || r.rule === 'retention.moratorium'
		);
		return {
			outcome: 'keep-on-hold',
			keepUntil: null,
			reasons: [...hold, ...review.reasons.filter((r) => !hold.includes(r))]
		};
	}
	if (!due)
		return {
			outcome: 'keep-until',
			keepUntil: review.reviewDate,
			reasons: [
				...review.reasons,
				reason('retention.minimums', `Not due for review until ${review.reviewDate}`)
			]
		};
	if (opts.selectedForPreservation)
		return {
			outcome: 'transfer-to-place-of-deposit',
			keepUntil: null,
			reasons: [...review.reasons, reason('retention.place-of-deposit')]
		};
	return {
		outcome: 'destroy',
		keepUntil: null,
		reasons: [...review.reasons, reason('retention.appraisal'), reason('retention.destroy-certificate')]
	};
}
