/**
 * Telephone calls that the ordinary disclosure decision does not settle on its own (handbook 6.1-6.4, 3.2, 4.8,
 * 4.9): a caller in an emergency, a call about a patient who has died, a call about a patient whose record is
 * restricted (sensitive flag or safeguarding alert), and which team, if any, a call is transferred to. Pure: the
 * phone scenarios' answer keys call these, and they call `decideDisclosure` where it already holds the rule.
 */
import { decideDisclosure, type Decision, type Requester } from './disclosure';
import { reason, type Reason } from './rules';

export const EMERGENCY_SITUATIONS = [
	'life-threatening',
	'urgent-not-life-threatening',
	'mental-health-crisis'
] as const;
/** What the caller describes. A mental health crisis with someone in immediate danger is life-threatening. */
export type EmergencySituation = (typeof EMERGENCY_SITUATIONS)[number];

export const EMERGENCY_SERVICES = ['999', '111', '111-mental-health'] as const;
/** '111-mental-health' is NHS 111, option 2 (England). */
export type EmergencyService = (typeof EMERGENCY_SERVICES)[number];

/**
 * Where to send a caller in an emergency, at once and before anything else (handbook 6.4, 4.9). No identity check
 * comes first: telling someone to ring 999 or 111 discloses nothing, and any delay can cost a life. UNCERTAIN:
 * the handbook leaves the route to local escalation; the services here (999, NHS 111, NHS 111 option 2 for a
 * mental health crisis) are the simulator's defaults for England.
 * @example emergencySignpost('life-threatening').service // '999'
 * @example emergencySignpost('urgent-not-life-threatening').service // '111'
 * @example emergencySignpost('mental-health-crisis').identityCheckFirst // false
 */
export function emergencySignpost(situation: EmergencySituation): {
	service: EmergencyService;
	identityCheckFirst: false;
	reasons: Reason[];
} {
	const service: EmergencyService =
		situation === 'life-threatening'
			? '999'
			: situation === 'mental-health-crisis'
				? '111-mental-health'
				: '111';
	const words: Record<EmergencyService, string> = {
		'999':
			'Someone’s life may be at risk: tell the caller to hang up and dial 999 now, then tell your manager',
		'111':
			'Urgent but not life-threatening: tell the caller to ring NHS 111 now (999 if it gets worse), then tell your manager',
		'111-mental-health':
			'A mental health crisis with no one in immediate danger: tell the caller to ring NHS 111 and choose the mental health option (999 if anyone is in danger), then tell your manager'
	};
	return {
		service,
		identityCheckFirst: false,
		reasons: [reason('call.emergency-signpost', words[service]), reason('call.no-identity-gate')]
	};
}

/** A third-party caller's facts about a patient who has died (handbook 4.8). */
export interface DeceasedCallFacts {
	requester: Requester;
	/** The caller says they are the executor or administrator; the access team checks the grant later. */
	personalRepresentative?: boolean;
	/** The caller says they may have a claim arising from the death. */
	claimArisingFromDeath?: boolean;
}

/**
 * A call about a patient who has died (handbook 4.5, 4.8, 4.13). Nothing is disclosed on the phone: confidentiality
 * continues after death. A personal representative or someone with a claim arising from the death is referred to
 * the access to records team to apply under the Access to Health Records Act 1990; anyone else, next of kin
 * included, has no right of access and is told so kindly, with how a personal representative applies. Condolence
 * comes first either way.
 * @example deceasedPatientCall({ requester: 'relative', personalRepresentative: true }).decision // 'refer-ig-or-access-team'
 * @example deceasedPatientCall({ requester: 'relative' }).decision // 'refuse'
 * @example deceasedPatientCall({ requester: 'relative' }).condolence // true
 */
export function deceasedPatientCall(facts: DeceasedCallFacts): {
	decision: Decision;
	condolence: true;
	reasons: Reason[];
} {
	const d = decideDisclosure({
		requester: facts.requester,
		channel: 'phone',
		identity: { verified: false },
		record: { deceased: true },
		asks: 'record-copy',
		paperwork: {
			personalRepresentative: facts.personalRepresentative,
			claimArisingFromDeath: facts.claimArisingFromDeath
		}
	});
	return { decision: d.decision, condolence: true, reasons: [...d.reasons, reason('call.condolence')] };
}

/** The record's restrictions as the PAS shows them (handbook 3.2, 6.2). */
export interface RestrictedRecordFacts {
	requester: Requester;
	/** PDS sensitive (S) flag. */
	sensitive?: boolean;
	safeguardingAlert?: boolean;
}

/**
 * True when the record's flags restrict what any third party may be told (handbook 3.2, 6.2, 6.3).
 * @example isRestrictedRecord({ requester: 'relative', sensitive: true }) // true
 * @example isRestrictedRecord({ requester: 'patient', safeguardingAlert: true }) // false
 */
export function isRestrictedRecord(facts: RestrictedRecordFacts): boolean {
	return facts.requester !== 'patient' && Boolean(facts.sensitive || facts.safeguardingAlert);
}

/**
 * A third-party call about a patient whose record is restricted (handbook 3.2, 6.2, 6.3). The caller is never told
 * whether the patient is known, where they are or when they are due, however genuine they sound and whatever they
 * already know: the only safe words are "I can't confirm whether they are a patient here, but I can take a
 * message". The caller is not transferred (putting them through to a team would itself confirm the patient), and
 * their details go to the safeguarding team under local procedure. Returns null when the record is not restricted
 * for this caller, so `decideDisclosure` applies as usual.
 * @example restrictedRecordCall({ requester: 'relative', safeguardingAlert: true })?.decision // 'take-message'
 * @example restrictedRecordCall({ requester: 'relative', sensitive: true })?.confirmKnown // false
 * @example restrictedRecordCall({ requester: 'relative' }) // null
 */
export function restrictedRecordCall(facts: RestrictedRecordFacts): {
	decision: Decision;
	confirmKnown: false;
	referTo: 'safeguarding';
	reasons: Reason[];
} | null {
	if (!isRestrictedRecord(facts)) return null;
	const reasons = [reason('call.restricted-record'), reason('disclosure.is-patient')];
	if (facts.sensitive) reasons.push(reason('disclosure.s-flag'));
	if (facts.safeguardingAlert) reasons.push(reason('disclosure.safeguarding'));
	reasons.push(reason('disclosure.take-message'));
	return { decision: 'take-message', confirmKnown: false, referTo: 'safeguarding', reasons };
}

export const TEAMS = [
	'communications',
	'access-to-records',
	'information-governance',
	'safeguarding',
	'pals',
	'outpatient-appointments'
] as const;
export type Team = (typeof TEAMS)[number];

export interface TransferFacts {
	requester: Requester;
	emergency?: boolean;
	deceased?: boolean;
	/** Sensitive flag or safeguarding alert on the record (see isRestrictedRecord). */
	restricted?: boolean;
	/**
	 * The disclosure decision for this call as it stands (decideDisclosure on the checks made). It changes only the
	 * words of a "keep the call" answer, so they fit the call: a caller who was refused or is not verified was not
	 * "helped".
	 */
	decision?: Decision;
}

/** Why a caller nobody else deals with stays on this call, in words that fit what the call decided. */
const KEEP_REASON: Record<Decision, string> = {
	disclose: 'This caller can be helped on this call: do not pass them on',
	'disclose-within-limits':
		'This caller can be helped on this call, within what they are entitled to: do not pass them on',
	'take-message':
		'A message to the patient’s team is the right help for this caller, and you take it on this call: no other team deals with it',
	'verify-first':
		'The caller’s identity is not confirmed, and no team may tell an unverified caller more: passing them on only gives them another try. Keep the call and explain how they can prove who they are',
	'call-back-via-switchboard':
		'The caller is not confirmed yet: the check is a call back through their switchboard, which you make yourself. Passing them on skips the check',
	'refer-ig-or-access-team':
		'The request has to come in writing: tell the caller how to make it, rather than passing them on',
	refuse:
		'This caller cannot be given information on the phone, and no other team will give them more: explain the proper route and close the call'
};

/**
 * Which team a call is transferred to, or null when the caller should be helped on this call (handbook 6.1, 6.3,
 * 4.8, 4.9). Press go to Communications; a deceased patient's family, solicitors, insurers and employers to the
 * access to records team; the police to information governance. Nobody is transferred in an emergency (signpost
 * at once) or about a restricted record (a transfer would confirm the patient is known); everyone else is helped
 * here, with a message where needed. A transfer is warm: tell the team who is calling and why first. Given the
 * call's disclosure decision, the reason for keeping a call says what fits it (refused, not verified, a message).
 * @example transferFor({ requester: 'press' }).team // 'communications'
 * @example transferFor({ requester: 'patient', decision: 'verify-first' }).reasons[0].text.startsWith('The caller’s identity is not confirmed') // true
 * @example transferFor({ requester: 'relative', deceased: true }).team // 'access-to-records'
 * @example transferFor({ requester: 'relative', restricted: true }).team // null
 * @example transferFor({ requester: 'patient' }).team // null
 */
export function transferFor(facts: TransferFacts): { team: Team | null; reasons: Reason[] } {
	const none = (r: Reason) => ({ team: null, reasons: [r] });
	const to = (team: Team, r: Reason) => ({ team, reasons: [r, reason('call.transfer')] });
	if (facts.emergency)
		return none(reason('call.emergency-signpost', 'In an emergency, signpost at once: do not transfer'));
	if (facts.restricted && facts.requester !== 'patient')
		return none(
			reason(
				'call.restricted-record',
				'Do not transfer the caller: putting them through to a team would confirm the patient is known'
			)
		);
	switch (facts.requester) {
		case 'press':
			return to('communications', reason('disclosure.press'));
		case 'police':
			return to('information-governance', reason('disclosure.who-decides'));
		case 'solicitor':
			return to('access-to-records', reason('disclosure.solicitor'));
		case 'insurer':
		case 'employer':
			return to('access-to-records', reason('sar.insurers'));
		default:
			break;
	}
	if (facts.deceased) return to('access-to-records', reason('ahra.applicants'));
	return none(
		reason(
			'call.transfer',
			facts.decision
				? KEEP_REASON[facts.decision]
				: 'This caller can be helped on this call (with a message where needed): do not pass them on'
		)
	);
}
