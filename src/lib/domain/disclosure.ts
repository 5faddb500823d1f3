/**
 * The disclosure decision engine (handbook 3.2, 4.5-4.13, 6.1-6.5): given who is asking, how, whether their
 * identity is verified, what the record says, what is asked for and what paperwork exists, decide what front-line
 * staff should do, with reasons that each name a rule and its handbook section. It drives the phone and data
 * protection scenarios; scoring compares a learner's choice with `decision`.
 */
import { reason, type Reason, type RuleId } from './rules';
import { DEFAULT_TRUST_RULES, type TrustRules } from './settings';

export const REQUESTERS = [
	'patient',
	'relative',
	'carer',
	'parent',
	'attorney',
	'deputy',
	'gp',
	'professional',
	'police',
	'solicitor',
	'insurer',
	'employer',
	'press',
	'unknown'
] as const;
export type Requester = (typeof REQUESTERS)[number];

export type Channel = 'phone' | 'in-person' | 'letter' | 'email';

/** How identity was checked (handbook 6.2, 4.7). */
export type IdentityMethod =
	| 'positive-id'
	| 'photo-id'
	| 'call-back-switchboard'
	| 'call-back-number-on-record'
	| 'secure-email'
	| 'known-to-staff';

export const ASKS = [
	'appointment-details',
	'is-patient',
	'results',
	'record-copy',
	'change-of-address'
] as const;
export type Ask = (typeof ASKS)[number];

export const DECISIONS = [
	'disclose',
	'disclose-within-limits',
	'verify-first',
	'call-back-via-switchboard',
	'take-message',
	'refer-ig-or-access-team',
	'refuse'
] as const;
/** For a change of address, 'disclose' means "go ahead with the change". */
export type Decision = (typeof DECISIONS)[number];

export interface RecordFacts {
	/** Consent recorded by the patient: who it covers and what it covers (handbook 4.5, 6.3). */
	consent?: { to: 'named-contacts' | 'anyone'; scope: readonly Ask[] };
	/** The requester is a named contact on the record. */
	requesterIsNamedContact?: boolean;
	/** PDS sensitive (S) flag or safe-contact note (handbook 3.2). */
	sensitive?: boolean;
	ageYears?: number;
	/** The child has been judged competent (Gillick-type); undefined when no one has judged it. */
	competentChild?: boolean;
	lacksCapacity?: boolean;
	safeguardingAlert?: boolean;
	deceased?: boolean;
	/** The patient agreed that callers may be told they are here (handbook 6.3). */
	callersMayBeTold?: boolean;
	/** The type of Lasting Power of Attorney held by an attorney who is asking (handbook 4.7). */
	lpaType?: 'health-and-welfare' | 'property-and-financial-affairs';
}

export interface Paperwork {
	/** The patient's signed written authority (handbook 4.7). */
	signedAuthority?: boolean;
	/** The force's written disclosure form countersigned by a senior officer (handbook 4.9). */
	countersignedPoliceForm?: boolean;
	courtOrder?: boolean;
	/** Immediate risk to life or of serious harm (handbook 4.9). */
	emergency?: boolean;
	/** Parental responsibility confirmed (handbook 6.3). */
	parentalResponsibility?: boolean;
	/** The registered LPA or deputy order has been seen (handbook 4.7, 6.3). */
	registeredAuthoritySeen?: boolean;
	/** Grant of probate or letters of administration: a personal representative (handbook 4.8). */
	personalRepresentative?: boolean;
	/** Details of a claim arising from the death (handbook 4.8). */
	claimArisingFromDeath?: boolean;
}

export interface DisclosureRequest {
	requester: Requester;
	channel: Channel;
	identity: { verified: boolean; method?: IdentityMethod };
	record: RecordFacts;
	asks: Ask;
	paperwork?: Paperwork;
}

export interface DisclosureResult {
	decision: Decision;
	/** What may be shared, when the decision is disclose-within-limits (or extra care for disclose). */
	limits: string[];
	/** Why, each naming a rule and handbook section; the first is the deciding rule. */
	reasons: Reason[];
}

/**
 * Decides what front-line staff should do with a request for information (handbook 4.5-4.13, 6.1-6.5, 3.2).
 * Checks run from the most to the least restrictive: court orders, police, press, insurers and employers,
 * solicitors, unknown callers, deceased patients, changes of contact details, copies of records, then identity
 * and what each kind of requester may be told. LOCAL details come from the settings (results by phone, the age
 * below which parents are usually told, competence age, call-back before changing contact details). Never throws.
 * @example decideDisclosure({ requester: 'relative', channel: 'phone', identity: { verified: true }, record: {}, asks: 'results' }).decision // 'take-message'
 * @example decideDisclosure({ requester: 'police', channel: 'phone', identity: { verified: true }, record: {}, asks: 'appointment-details' }).reasons[0].rule // 'disclosure.police'
 * @example decideDisclosure({ requester: 'patient', channel: 'phone', identity: { verified: false }, record: {}, asks: 'appointment-details' }).decision // 'verify-first'
 */
export function decideDisclosure(
	req: DisclosureRequest,
	settings: Partial<TrustRules> = {}
): DisclosureResult {
	const s: TrustRules = { ...DEFAULT_TRUST_RULES, ...settings };
	const record: RecordFacts = req?.record ?? {};
	const paper: Paperwork = req?.paperwork ?? {};
	const identity = req?.identity ?? { verified: false };
	const reasons: Reason[] = [];
	const limits: string[] = [];
	const why = (id: RuleId, text?: string) => reasons.push(reason(id, text));
	const done = (decision: Decision): DisclosureResult => {
		if (
			(decision === 'disclose' || decision === 'disclose-within-limits') &&
			record.sensitive &&
			req.requester !== 'patient'
		) {
			limits.push('Do not give the address, location or contact details');
			why('disclosure.s-flag');
		}
		if (decision === 'disclose' || decision === 'disclose-within-limits') {
			if (req.channel === 'email') {
				limits.push(
					'Send only by secure email ([secure] outside NHSmail, where local policy allows), with no identifiers in the subject'
				);
				why('disclosure.secure-email');
			}
			why('disclosure.record-call');
		}
		return { decision, limits, reasons };
	};
	const written = req?.channel === 'letter' || req?.channel === 'email';
	const ask = req?.asks;
	const requester = req?.requester;

	if (paper.courtOrder) {
		why('disclosure.court-order');
		why('disclosure.who-decides');
		return done('refer-ig-or-access-team');
	}

	switch (requester) {
		case 'police':
			if (paper.emergency) {
				if (req.channel === 'phone' && !identity.verified) {
					why(
						'disclosure.call-back',
						'Verify the officer through the force control room or a number you know before acting'
					);
					why('disclosure.police-emergency');
					return done('call-back-via-switchboard');
				}
				why(
					'disclosure.police-emergency',
					'An immediate risk to life goes at once to the senior on-call decision-maker'
				);
				why('disclosure.who-decides');
				return done('refer-ig-or-access-team');
			}
			if (paper.countersignedPoliceForm) {
				why('disclosure.police', 'A countersigned written request goes to the IG team, who decide');
				why('disclosure.who-decides');
				return done('refer-ig-or-access-team');
			}
			why(
				'disclosure.police',
				'Disclose nothing; ask for a written request on the force’s disclosure form, countersigned by a senior officer'
			);
			return done('refuse');
		case 'press':
			why('disclosure.press');
			return done('refuse');
		case 'insurer':
		case 'employer':
			why('sar.insurers');
			why('consent.explicit');
			return done('refuse');
		case 'solicitor':
			if (paper.signedAuthority && written) {
				why(
					'sar.signed-authority',
					'A written request with the patient’s signed authority goes to the access-to-records team'
				);
				return done('refer-ig-or-access-team');
			}
			why('disclosure.solicitor');
			return done('refuse');
		case 'unknown':
			why('disclosure.no-automatic-right');
			if (ask === 'is-patient') why('disclosure.is-patient');
			return done('refuse');
		default:
			break;
	}

	if (record.deceased) {
		if (paper.personalRepresentative || paper.claimArisingFromDeath) {
			why(
				'ahra.applicants',
				'A personal representative or claimant applies through the access team under the Access to Health Records Act'
			);
			why('disclosure.deceased');
			return done('refer-ig-or-access-team');
		}
		why('ahra.applicants');
		why('disclosure.deceased');
		return done('refuse');
	}

	if (ask === 'change-of-address') {
		const mayChange =
			requester === 'patient' ||
			((requester === 'attorney' || requester === 'deputy') && paper.registeredAuthoritySeen === true);
		if (!mayChange) {
			why(
				'disclosure.change-of-contact',
				'Only the patient, or an attorney or deputy within their authority, can change contact details'
			);
			why('disclosure.take-message');
			return done('take-message');
		}
		if (!identity.verified) {
			why('disclosure.verify-caller');
			why('disclosure.change-of-contact');
			return done('verify-first');
		}
		if (
			req.channel === 'phone' &&
			s.changeOfContactNeedsCallBack &&
			identity.method !== 'call-back-number-on-record'
		) {
			why(
				'disclosure.change-of-contact',
				'Call back on the number already on the record before changing contact details'
			);
			return done('verify-first');
		}
		why(
			'disclosure.change-of-contact',
			'Identity is verified, so the change can be made and the old details kept as history'
		);
		return done('disclose');
	}

	if (ask === 'record-copy') {
		switch (requester) {
			case 'patient':
				why('sar.any-channel', 'A request for a copy is a subject access request, however it is made');
				why('sar.free');
				why('sar.proportionate-id');
				return done('refer-ig-or-access-team');
			case 'parent':
				why('sar.child');
				return done('refer-ig-or-access-team');
			case 'attorney':
			case 'deputy':
				why('sar.capacity');
				return done('refer-ig-or-access-team');
			case 'gp':
			case 'professional':
				break;
			default:
				if (paper.signedAuthority) {
					why('sar.signed-authority');
					return done('refer-ig-or-access-team');
				}
				why('disclosure.no-automatic-right');
				why(
					'sar.signed-authority',
					'A copy for someone else needs the patient’s signed authority, sent to the access team'
				);
				return done('refuse');
		}
	}

	switch (requester) {
		case 'gp':
		case 'professional': {
			const trusted =
				identity.verified &&
				(identity.method === 'call-back-switchboard' ||
					identity.method === 'known-to-staff' ||
					(req.channel === 'email' && identity.method === 'secure-email') ||
					req.channel === 'in-person');
			if (!trusted) {
				why('disclosure.call-back');
				return done('call-back-via-switchboard');
			}
			why('consent.direct-care');
			limits.push('Only what they need for the patient’s direct care');
			return done('disclose-within-limits');
		}
		case 'patient':
			if (!identity.verified) {
				why('disclosure.verify-caller');
				why('ppi.ask-dont-tell');
				return done('verify-first');
			}
			return patientLevel(ask, s, why, done);
		case 'parent':
			return parentDecision(req, s, why, done, limits);
		case 'attorney':
		case 'deputy':
			if (!paper.registeredAuthoritySeen || !identity.verified) {
				why('sar.capacity', 'See the registered LPA or deputy order, and verify who is asking, first');
				return done('verify-first');
			}
			if (requester === 'attorney' && record.lpaType === 'property-and-financial-affairs') {
				why('sar.capacity', 'A property and financial affairs LPA does not cover health information');
				return done('refuse');
			}
			if (record.lacksCapacity) {
				why('sar.capacity');
				limits.push('Only what the registered LPA or deputy order authorises; record the decision');
				return done('disclose-within-limits');
			}
			// A health and welfare attorney acts only when the patient lacks capacity; otherwise treat as a relative.
			return relativeDecision(req, why, done, limits);
		default:
			return relativeDecision(req, why, done, limits);
	}
}

type Why = (id: RuleId, text?: string) => void;
type Done = (decision: Decision) => DisclosureResult;

function patientLevel(ask: Ask, s: TrustRules, why: Why, done: Done): DisclosureResult {
	if (ask === 'results' && s.resultsGivenBy === 'clinician-only') {
		why('disclosure.results', 'Results are given by a clinician here: take a message for the clinical team');
		why('disclosure.take-message');
		return done('take-message');
	}
	why('disclosure.patient-admin');
	return done('disclose');
}

function parentDecision(
	req: DisclosureRequest,
	s: TrustRules,
	why: Why,
	done: Done,
	limits: string[]
): DisclosureResult {
	const record = req.record ?? {};
	if (!req.paperwork?.parentalResponsibility || !req.identity?.verified) {
		why('disclosure.parent-child', 'Confirm parental responsibility and verify who is asking first');
		return done('verify-first');
	}
	if (record.safeguardingAlert) {
		why('disclosure.safeguarding');
		return done('refer-ig-or-access-team');
	}
	const age = typeof record.ageYears === 'number' ? record.ageYears : undefined;
	const competent = record.competentChild ?? (age !== undefined && age >= s.childPresumedCompetentAge);
	if (!competent && age !== undefined && age < s.parentYoungChildUnderAge) {
		why(
			'disclosure.parent-child',
			`A child under ${s.parentYoungChildUnderAge}: a parent with parental responsibility is usually told`
		);
		return patientLevel(req.asks, s, why, done);
	}
	if (competent && consentCovers(req)) {
		why('consent.scope', 'The young person has agreed to this being shared');
		limits.push(`Only what the consent covers: ${(record.consent?.scope ?? []).join(', ')}`);
		return done('disclose-within-limits');
	}
	why(
		'disclosure.parent-child',
		competent
			? 'The young person is competent and has not agreed, so their confidentiality is respected'
			: 'An older child’s competence is judged by the clinical team: take a message'
	);
	why('disclosure.take-message');
	return done('take-message');
}

function consentCovers(req: DisclosureRequest): boolean {
	const c = req.record?.consent;
	if (!c || !c.scope.includes(req.asks)) return false;
	return c.to === 'anyone' || req.record.requesterIsNamedContact === true;
}

function relativeDecision(req: DisclosureRequest, why: Why, done: Done, limits: string[]): DisclosureResult {
	const record = req.record ?? {};
	if (record.safeguardingAlert) {
		why('disclosure.safeguarding');
		return done('refer-ig-or-access-team');
	}
	if (consentCovers(req)) {
		if (!req.identity?.verified) {
			why(
				'disclosure.verify-caller',
				'Check the caller is the person the consent names, and that they know the patient’s details'
			);
			return done('verify-first');
		}
		why('consent.scope');
		limits.push(`Only what the patient's consent covers: ${(record.consent?.scope ?? []).join(', ')}`);
		return done('disclose-within-limits');
	}
	if (req.asks === 'is-patient' && record.callersMayBeTold) {
		why('disclosure.is-patient', 'The patient agreed that callers may be told they are here');
		limits.push('Confirm only that the person is a patient here, nothing about their care');
		return done('disclose-within-limits');
	}
	if (record.lacksCapacity && (req.requester === 'carer' || req.requester === 'relative')) {
		if (!req.identity?.verified) {
			why('disclosure.verify-caller');
			return done('verify-first');
		}
		why('disclosure.best-interests');
		limits.push(
			'Only what they need to support the patient, in the patient’s best interests; record the decision'
		);
		return done('disclose-within-limits');
	}
	if (record.consent && req.record.consent?.scope.length) {
		why('consent.scope', 'The recorded consent does not cover this request or this person');
	}
	if (req.asks === 'is-patient') why('disclosure.is-patient');
	why('disclosure.relative-no-consent');
	why('disclosure.take-message');
	return done('take-message');
}
