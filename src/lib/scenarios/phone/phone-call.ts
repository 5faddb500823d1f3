/**
 * "Take a phone call" (family: phone; handbook 6.1-6.5, 1.6, 3.2, 4.5-4.13). One call per case: the learner
 * greets the caller, signposts an emergency at once, offers condolence to the bereaved, deals with abuse if there
 * is any, checks who the caller is (by asking, not telling), looks the patient up on the embedded PAS or calls
 * back through the directory, decides what may be said, takes a message when one is needed, transfers the call
 * to the right team (or keeps it), and closes and logs the call.
 *
 * The call's state (every answer so far) is carried in the step id, so `view`, `judge` and `next` read it back
 * and the caller reacts to what actually happened: a blagger who is read the details uses them, a genuine caller
 * asked properly answers, an angry caller calms or escalates. The steps on the way are fixed by the case (so the
 * score's denominator is exact); what the caller says, and the answer key, depend on the state.
 *
 * The answer keys come from the domain: `decideDisclosure` on the call's facts as they stand after the learner's
 * checks, `restrictedRecordCall` and `deceasedPatientCall` for flagged records, `emergencySignpost` for
 * emergencies and `transferFor` for transfers. This file never restates a disclosure rule. The records opened on
 * the PAS during each step (its audit trail) are judged for need-to-know by the shared code in ../need-to-know,
 * with the records the call needs from `callNeeds`; the debrief shows any finding as its own line.
 */
import { z } from '$lib/scenarios/zod';
import {
	deceasedPatientCall,
	emergencySignpost,
	isRestrictedRecord,
	restrictedRecordCall,
	TEAMS,
	transferFor,
	type EmergencyService,
	type Team
} from '../../domain/call-handling';
import { decideDisclosure, DECISIONS, type Decision, type DisclosureRequest } from '../../domain/disclosure';
import { matchIdentity, parseUkDate } from '../../domain/identity-match';
import { reason, type Reason, type RuleId } from '../../domain/rules';
import type { TrustSettings } from '../../generator/types';
import type { DecisionOutcome, RuleRef, Choice, Decision as DecisionRecord } from '../decisions';
import type { Judgement, ScenarioKind, StepView } from '../kind';
import type { OutcomeId } from '../outcomes';
import {
	NEED_TO_KNOW,
	NEED_TO_KNOW_OUTCOME,
	needToKnowNote,
	openedLabel,
	openedSchema,
	unneededOnTrust,
	withNeedToKnow,
	type Presented
} from '../need-to-know';
import { randomInt, seededRandom } from '../prng';
import { trustOf } from '../retrieval/common';
import { buildCall, CALL_TYPES, type CallCase } from './call-types';

export const paramsSchema = z.object({
	callTypes: z
		.array(z.enum(CALL_TYPES, { error: `must be one of: ${CALL_TYPES.join(', ')}` }))
		.min(1, 'must list at least one call type'),
	/** Share of callers (other than abusive ones) who are angry, 0-1. */
	angryShare: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
	/** Abusive callers carry on after a warning, so the call must be ended. */
	abusiveEscalates: z.boolean({ error: 'must be true or false' })
});
export type PhoneParams = z.infer<typeof paramsSchema>;

const PHASES = [
	'greet',
	'signpost',
	'condole',
	'calm',
	'warn',
	'identify',
	'check',
	'decide',
	'message',
	'transfer',
	'close'
] as const;
export type Phase = (typeof PHASES)[number];

const GREET = ['full', 'name-only', 'curt'] as const;
const SIGNPOST = ['dial-999', 'nhs-111', 'nhs-111-mental-health', 'identify-first', 'take-message'] as const;
const CONDOLE = ['condolence', 'straight-to-business', 'ask-what-happened'] as const;
const CALM = ['acknowledge', 'argue', 'placate'] as const;
const WARN = ['warn', 'hang-up', 'keep-listening'] as const;
const IDENTIFY = ['asked', 'readout', 'skipped'] as const;
const CHECK = [
	'lookup',
	'lookup-switchboard',
	'lookup-given-number',
	'lookup-record-number',
	'none'
] as const;
const DECIDE = [...DECISIONS, 'confirm-is-patient'] as const;
const MESSAGE = ['form', 'no-message'] as const;
const TRANSFER = ['transfer', 'no-transfer'] as const;
const CLOSE = ['next-steps-and-log', 'log-only', 'no-log', 'end-and-report', 'log-and-tell-manager'] as const;
const ALL_CHOICES = [
	...new Set<string>([
		...GREET,
		...SIGNPOST,
		...CONDOLE,
		...CALM,
		...WARN,
		...IDENTIFY,
		...CHECK,
		...DECIDE,
		...MESSAGE,
		...TRANSFER,
		...CLOSE
	])
] as [string, ...string[]];

const SERVICE_CHOICE: Record<EmergencyService, (typeof SIGNPOST)[number]> = {
	'999': 'dial-999',
	'111': 'nhs-111',
	'111-mental-health': 'nhs-111-mental-health'
};

/** The trust's internal directory (fictional extensions): who a call can be put through to. */
export const TEAM_DIRECTORY: Record<Team, { label: string; extension: string; handles: string }> = {
	communications: {
		label: 'Communications (press office)',
		extension: '4410',
		handles: 'journalists and media enquiries'
	},
	'access-to-records': {
		label: 'Access to health records team',
		extension: '4420',
		handles: 'copies of records, solicitors, insurers, deceased patients’ records'
	},
	'information-governance': {
		label: 'Information governance',
		extension: '4430',
		handles: 'police requests and other formal disclosures'
	},
	safeguarding: { label: 'Safeguarding team', extension: '4440', handles: 'safeguarding concerns' },
	pals: {
		label: 'Patient Advice and Liaison Service (PALS)',
		extension: '4450',
		handles: 'concerns and complaints'
	},
	'outpatient-appointments': {
		label: 'Outpatient appointments',
		extension: '4460',
		handles: 'booking and changing appointments'
	}
};

export const TOLD = ['explain', 'nothing', 'promise'] as const;
export type Told = (typeof TOLD)[number];

export const transferSchema = z.object({
	team: z.union([z.enum(TEAMS), z.literal('')]),
	/** Warm: speak to the team first, saying who is calling and why. */
	warm: z.boolean(),
	told: z.union([z.enum(TOLD), z.literal('')])
});
export type TransferForm = z.infer<typeof transferSchema>;

export const messageFormSchema = z.object({
	callerName: z.string().max(200),
	relationship: z.string().max(200),
	callBackNumber: z.string().max(50),
	patient: z.string().max(200),
	details: z.string().max(2000),
	urgency: z.enum(['routine', 'urgent', '']),
	/** Who the message goes to: the patient's clinical team, or a team from the directory. */
	sendTo: z.union([z.enum(TEAMS), z.literal('clinical-team'), z.literal('')])
});
export type MessageForm = z.infer<typeof messageFormSchema>;
export type MessageDestination = Exclude<MessageForm['sendTo'], ''>;

/**
 * Where a message goes: for a restricted record, the team `restrictedRecordCall` names (safeguarding, under local
 * procedure); otherwise the patient's clinical team, by a secure task (handbook 6.5).
 */
export function messageDestination(c: CallCase, s: CallState): MessageDestination {
	const restricted = restrictedRecordCall({
		requester: requestFor(c, s).requester,
		sensitive: c.facts.sensitive,
		safeguardingAlert: c.facts.safeguardingAlert
	});
	return restricted ? restricted.referTo : 'clinical-team';
}

export function destinationLabel(to: string): string {
	return to === 'clinical-team'
		? 'the patient’s clinical team'
		: `the ${TEAM_DIRECTORY[to as Team]?.label ?? 'chosen team'}`;
}

export const answerSchema = z.object({
	choice: z.enum(ALL_CHOICES),
	message: messageFormSchema.optional(),
	/** At the check: the patient whose record is open on the PAS (null: none open). */
	patient: z.number().int().nonnegative().nullable().optional(),
	transfer: transferSchema.optional(),
	/** Hospital numbers of the records opened on the PAS during the step, from its audit trail (handbook 3.5). */
	opened: openedSchema
});
export type PhoneAnswer = z.infer<typeof answerSchema>;

/** Everything the learner has done so far: the step id carries it. */
export interface CallState {
	greet?: string;
	signpost?: string;
	condole?: string;
	calm?: string;
	warn?: string;
	identify?: string;
	check?: string;
	/** Which record was open on the PAS at the check: 'ok' (the caller's patient), 'wrong' or 'none'. */
	found?: string;
	decide?: string;
	message?: string;
	/** How complete the message form was: missing field names, comma-separated ('' = complete). */
	missing?: string;
	/** 'none', or team.warm|cold.told (see encodeTransfer). */
	transfer?: string;
	close?: string;
}

export interface PhoneCase extends CallCase {
	steps: Phase[];
	messageExpected: boolean;
}

export interface Turn {
	who: 'caller' | 'you' | 'action';
	text: string;
}

export interface PhoneView {
	phase: Phase;
	/** The conversation so far, the caller's newest line last. */
	transcript: Turn[];
	/** The trust the embedded PAS runs on, and the key of its session. */
	trust: TrustSettings;
	sessionKey: string;
	/** Notes a real record would carry that the PAS does not (an LPA seen, a young person's wishes), shown on it. */
	recordNotes: { patient: number; lines: string[] };
	directory: {
		practice: string;
		switchboard: string;
		teams: { id: Team; label: string; extension: string; handles: string }[];
	};
	/** What the learner may tell a caller who is transferred. */
	toldOptions: { id: Told; label: string }[];
	givenNumber: string;
	mood: 'calm' | 'anxious' | 'angry' | 'abusive';
	/** Suggested message form contents are never given: the learner fills the form. */
	messageFields: (keyof MessageForm)[];
}

const OUTCOMES: OutcomeId[] = ['cs2.enquiries', 'dsa.law-and-principles', 'dsa.threats'];
const POINTS: Record<Phase, number> = {
	greet: 1,
	signpost: 4,
	condole: 1,
	transfer: 2,
	calm: 2,
	warn: 2,
	identify: 2,
	check: 2,
	decide: 4,
	message: 2,
	close: 2
};

/** The feedback panel adds "(handbook N)" itself, so the rule's own text goes without it. */
const bare = (text: string) => text.replace(/ \(handbook [^)]*\)\.?$/, '.');
const ruleRef = (id: RuleId, text?: string): RuleRef => {
	const r = reason(id, text);
	return { id: r.rule, handbook: r.handbook, text: bare(r.text) };
};
const GREETING_RULE: RuleRef = {
	id: 'phone.greeting',
	handbook: '6.1',
	text: 'Answer promptly with your department and your name.'
};
const ABUSE_RULE: RuleRef = {
	id: 'phone.abusive-caller',
	handbook: '6.4',
	text: 'Stay calm, acknowledge the frustration and explain what you can do; if abuse continues, give a clear warning, then end the call and report it.'
};
const MESSAGE_RULE: RuleRef = {
	id: 'phone.message',
	handbook: '6.5',
	text: 'A message records the caller’s name, relationship, call-back number, the patient (minimum identifiers), the message and its urgency.'
};

// ---------- state in the step id ----------

const KEYS: (keyof CallState)[] = [
	'greet',
	'signpost',
	'condole',
	'calm',
	'warn',
	'identify',
	'check',
	'found',
	'decide',
	'message',
	'missing',
	'transfer',
	'close'
];

export function encodeTransfer(a: Pick<PhoneAnswer, 'choice' | 'transfer'>): string {
	if (a.choice !== 'transfer') return 'none';
	const t = a.transfer ?? { team: '', warm: false, told: '' };
	return `${t.team || 'unknown'}.${t.warm ? 'warm' : 'cold'}.${t.told || 'unsaid'}`;
}

export function decodeTransfer(v: string | undefined): { team: string; warm: boolean; told: string } | null {
	if (!v || v === 'none') return null;
	const [team, warmth, told] = v.split('.');
	return { team, warm: warmth === 'warm', told };
}

export function encodeStep(phase: Phase, s: CallState): string {
	const parts = KEYS.filter((k) => s[k] !== undefined).map((k) => `${k}=${s[k]}`);
	return parts.length ? `${phase}?${parts.join('&')}` : phase;
}

export function decodeStep(stepId: string): { phase: Phase; state: CallState } {
	const [phase, query = ''] = stepId.split('?');
	if (!PHASES.includes(phase as Phase)) throw new RangeError(`No call step ${stepId}`);
	const state: CallState = {};
	for (const part of query.split('&').filter(Boolean)) {
		const [k, v = ''] = part.split('=');
		if (KEYS.includes(k as keyof CallState)) state[k as keyof CallState] = v;
	}
	return { phase: phase as Phase, state };
}

// ---------- the facts and the answer key ----------

const PROFESSIONAL = new Set(['gp', 'professional']);
/** Callers who get nothing on the phone whoever they are (handbook 6.3): a missed check matters less. */
const REFUSED = new Set(['police', 'press', 'insurer', 'solicitor']);

/** The disclosure request as the call stands: who is really asking, how far identity was checked. */
export function requestFor(c: CallCase, s: CallState): DisclosureRequest {
	const p = c.persona;
	const looked = (s.check ?? 'none').startsWith('lookup') && s.found === 'ok';
	const switchboard = s.check === 'lookup-switchboard';
	let requester = p.requester;
	// Ringing the real surgery exposes a caller who only pretended to be it: they are now an unknown caller.
	if (!p.genuine && PROFESSIONAL.has(p.requester) && switchboard) requester = 'unknown';
	let verified = false;
	let method: DisclosureRequest['identity']['method'];
	if (PROFESSIONAL.has(requester)) {
		verified = switchboard && p.genuine;
		method = switchboard ? 'call-back-switchboard' : undefined;
	} else if (requester !== 'unknown') {
		const stated = matchIdentity(
			{ name: p.states.name, dateOfBirth: p.states.dateOfBirth, postcode: p.states.postcode },
			{ name: c.record.name, dateOfBirth: c.record.dobIso, postcode: c.record.postcode }
		);
		verified = s.identify === 'asked' && looked && stated.outcome === 'match' && p.genuine;
		if (verified) method = s.check === 'lookup-record-number' ? 'call-back-number-on-record' : 'positive-id';
	}
	return {
		requester,
		channel: 'phone',
		identity: { verified, method },
		asks: p.asks,
		record: {
			ageYears: c.facts.ageYears,
			consent: c.facts.consent,
			requesterIsNamedContact: p.namedContact && p.genuine,
			competentChild: c.facts.competentChild,
			lacksCapacity: c.facts.lacksCapacity,
			lpaType: c.facts.lpaType,
			deceased: c.facts.deceased,
			sensitive: c.facts.sensitive,
			safeguardingAlert: c.facts.safeguardingAlert
		},
		paperwork: {
			parentalResponsibility: Boolean(c.facts.parentalResponsibilityOnRecord) && looked,
			registeredAuthoritySeen: Boolean(c.facts.registeredLpaOnRecord) && looked,
			personalRepresentative: c.persona.personalRepresentative
		}
	};
}

/** The domain's answer for the decision step, with its reasons: flagged records first, then the ordinary rule. */
export function keyResult(
	c: CallCase,
	s: CallState
): { decision: Decision; limits: string[]; reasons: Reason[]; verified: boolean } {
	const req = requestFor(c, s);
	const verified = req.identity.verified;
	const restricted = restrictedRecordCall({
		requester: req.requester,
		sensitive: c.facts.sensitive,
		safeguardingAlert: c.facts.safeguardingAlert
	});
	if (restricted) return { decision: restricted.decision, limits: [], reasons: restricted.reasons, verified };
	if (c.facts.deceased) {
		const d = deceasedPatientCall({
			requester: req.requester,
			personalRepresentative: c.persona.personalRepresentative
		});
		return { decision: d.decision, limits: [], reasons: d.reasons, verified };
	}
	const d = decideDisclosure(req);
	return { decision: d.decision, limits: d.limits, reasons: d.reasons, verified };
}

/** The domain's answer for the transfer step: the team, or null to keep the call. */
export function transferKey(c: CallCase, s: CallState): { team: Team | null; reasons: Reason[] } {
	const requester = requestFor(c, s).requester;
	return transferFor({
		requester,
		// The decision the call should have reached, so a "keep the call" reason fits it (refused, not verified).
		decision: c.facts.emergency ? undefined : keyResult(c, s).decision,
		emergency: Boolean(c.facts.emergency),
		deceased: c.facts.deceased,
		restricted: isRestrictedRecord({
			requester,
			sensitive: c.facts.sensitive,
			safeguardingAlert: c.facts.safeguardingAlert
		})
	});
}

/** The right check for this caller: who would a careful member of staff ring, and what would they look at. */
export function idealCheck(c: CallCase): (typeof CHECK)[number] {
	if (PROFESSIONAL.has(c.persona.requester)) return 'lookup-switchboard';
	if (c.persona.asks === 'change-of-address') return 'lookup-record-number';
	return 'lookup';
}

/** The state a careful learner reaches before deciding: used for the message step and in tests. */
export function idealState(c: CallCase): CallState {
	return { greet: 'full', identify: 'asked', check: idealCheck(c), found: 'ok' };
}

/** Steps after the check: the record has been read, and for a restricted record nothing more on it is needed. */
const AFTER_CHECK = new Set<Phase>(['decide', 'message', 'transfer', 'close']);

/**
 * Which records a step of the call needs (handbook 3.5, 4.11): the caller's patient, and anyone sharing the
 * surname or date of birth the caller gave (opening look-alikes to compare is identification, 1.7). An emergency
 * needs no record at all: signposting discloses nothing and needs no identity. A restricted record is needed to
 * see its flag at the check; after that nothing on it may be shared, so opening it again goes beyond the need.
 */
export function callNeeds(c: CallCase, phase: Phase): { needed: number[]; presented: Presented[] } {
	if (c.facts.emergency) return { needed: [], presented: [] };
	const restricted = isRestrictedRecord({
		requester: c.persona.requester,
		sensitive: c.facts.sensitive,
		safeguardingAlert: c.facts.safeguardingAlert
	});
	if (restricted && AFTER_CHECK.has(phase)) return { needed: [], presented: [] };
	const stated = c.persona.states;
	return {
		needed: [c.record.index],
		presented: [{ surname: stated.name.split(' ').pop(), dob: parseUkDate(stated.dateOfBirth) ?? undefined }]
	};
}

/** Records opened during a step that the call did not need, each once (empty when none were opened). */
export function unneededInCall(c: CallCase, phase: Phase, opened: readonly string[] | undefined): string[] {
	if (!opened?.length) return [];
	const { needed, presented } = callNeeds(c, phase);
	return unneededOnTrust(trustOf(c.trust), opened, needed, presented);
}

export function answerKey(c: CallCase, s: CallState): Decision {
	return keyResult(c, s).decision;
}

const DISCLOSING = new Set<string>(['disclose', 'disclose-within-limits']);

// ---------- words ----------

function patientFirstName(c: CallCase): string {
	return c.record.name.split(' ')[0];
}

function choicesFor(c: PhoneCase, phase: Phase): Choice[] {
	const r = c.record;
	const first = patientFirstName(c);
	switch (phase) {
		case 'greet':
			return [
				{ id: 'full', label: `“Good morning, ${c.department}, ${c.learnerName} speaking. How can I help?”` },
				{ id: 'name-only', label: `“Hello, ${c.learnerName} speaking.”` },
				{ id: 'curt', label: '“Yeah, hello?”' }
			];
		case 'signpost':
			return [
				{
					id: 'dial-999',
					label: '“Please hang up now and dial 999. Tell them exactly what you have told me.”'
				},
				{
					id: 'nhs-111',
					label: '“Please ring NHS 111 now: they can get you seen today. If it gets worse, dial 999.”'
				},
				{
					id: 'nhs-111-mental-health',
					label:
						'“Please ring NHS 111 and choose the mental health option: they can help you today. If you feel you might act on these feelings, dial 999.”'
				},
				{
					id: 'identify-first',
					label: '“Before I can help, can you give me the patient’s full name and date of birth?”'
				},
				{
					id: 'take-message',
					label: '“I’ll pass a message to the clinic and someone will ring you back.”'
				}
			];
		case 'condole':
			return [
				{
					id: 'condolence',
					label: '“I’m so sorry for your loss. Let me see how I can help.”'
				},
				{ id: 'straight-to-business', label: '“Right. What’s the patient’s full name and date of birth?”' },
				{ id: 'ask-what-happened', label: '“Oh no, what happened?”' }
			];
		case 'calm':
			return [
				{
					id: 'acknowledge',
					label:
						'“I can hear this has been really frustrating. I do want to help: let me explain what I can do.”'
				},
				{ id: 'argue', label: '“There’s no need to talk to me like that. Calm down.”' },
				{ id: 'placate', label: 'Tell them what they asked for, so that they stop shouting' }
			];
		case 'warn':
			return [
				{
					id: 'warn',
					label: '“I want to help, but if the abusive language continues I will end this call.”'
				},
				{ id: 'hang-up', label: 'Put the phone down straight away, without a warning' },
				{ id: 'keep-listening', label: 'Say nothing and let them carry on' }
			];
		case 'identify':
			return [
				{
					id: 'asked',
					label:
						'“So I can help, please can you tell me the patient’s full name, date of birth and postcode?”'
				},
				{
					id: 'readout',
					label: `“Let me find them… is that ${r.name}, born ${r.dateOfBirth}, postcode ${r.postcode}?”`
				},
				{ id: 'skipped', label: 'Carry on without checking who the patient is or who is calling' }
			];
		case 'check':
			return [
				{
					id: 'lookup',
					label:
						'Put the caller on hold and check the record open on the PAS: details, contacts and consent, alerts and flags'
				},
				{
					id: 'lookup-switchboard',
					label:
						'Check the record open on the PAS, then end the call and ring back through the switchboard number in the directory'
				},
				{
					id: 'lookup-given-number',
					label: `Check the record open on the PAS, then ring back on the number the caller gives (${c.persona.givenNumber})`
				},
				{
					id: 'lookup-record-number',
					label:
						'Check the record open on the PAS, then ring back on the phone number already on the patient’s record'
				},
				{ id: 'none', label: 'Go by what the caller has told you' }
			];
		case 'decide':
			return [
				{ id: 'disclose', label: 'Give them what they asked for' },
				{
					id: 'disclose-within-limits',
					label:
						'Give only what they need, or what the consent or authority on the record covers, and nothing more'
				},
				{
					id: 'verify-first',
					label:
						'“I can’t go any further until I’ve confirmed who you are and that you can have this”, and explain how'
				},
				{
					id: 'call-back-via-switchboard',
					label: '“I’ll ring you back through your switchboard before I share anything”'
				},
				{
					id: 'take-message',
					label: `“I can’t confirm whether ${first} is a patient here, but I can take a message and pass it on”`
				},
				{
					id: 'refer-ig-or-access-team',
					label:
						'“This needs to come in writing to our information governance / access to records team”, and how'
				},
				{
					id: 'refuse',
					label: '“I’m sorry, I can’t give out any information on the phone”, and explain the proper route'
				},
				{ id: 'confirm-is-patient', label: `“Yes, ${first} is known to us”, then take a message` }
			];
		case 'message':
			return [
				{ id: 'form', label: 'Fill in the message form and send it to the team' },
				{ id: 'no-message', label: 'No message needed' }
			];
		case 'transfer':
			return [
				{ id: 'transfer', label: 'Transfer the call to a team in the directory' },
				{ id: 'no-transfer', label: 'Keep the call: no transfer' }
			];
		case 'close':
			if (c.steps.includes('signpost'))
				return [
					{
						id: 'log-and-tell-manager',
						label: 'Record the call in the call log and tell your manager straight away'
					},
					{ id: 'log-only', label: 'Record the call in the call log' },
					{ id: 'no-log', label: 'Get on with your work: the caller has the number to ring' }
				];
			return c.steps.includes('warn')
				? [
						{
							id: 'end-and-report',
							label: 'End the call, write it up in the call log and tell your manager (incident report)'
						},
						{ id: 'no-log', label: 'End the call and get on with your work' },
						{ id: 'log-only', label: 'Write a note in the call log only' }
					]
				: [
						{
							id: 'next-steps-and-log',
							label:
								'Explain what happens next, thank them, and record the call (who, what was asked, what you said and why) in the call log'
						},
						{ id: 'log-only', label: 'Say goodbye and record the call in the call log' },
						{
							id: 'no-log',
							label: 'Tell them what happens next, say goodbye and go straight on to the next call'
						}
					];
	}
}

function labelOf(c: PhoneCase, phase: Phase, id: string | undefined): string {
	return choicesFor(c, phase).find((ch) => ch.id === id)?.label ?? id ?? '';
}

function toldLabel(team: string, told: string): string {
	const entry = TEAM_DIRECTORY[team as Team];
	const who = entry ? `our ${entry.label}` : 'the team';
	switch (told) {
		case 'explain':
			return `“I’m going to put you through to ${who}, who deal with this. I’ll tell them who you are and what you need, so you won’t have to explain it all again.”`;
		case 'nothing':
			return '“Hold on, I’ll put you through.”';
		case 'promise':
			return '“I’ll put you through to someone who can tell you everything you want to know.”';
		default:
			return '(You say nothing before putting the caller through.)';
	}
}

/** What the learner did at the transfer step, in words for the transcript and the debrief. */
function transferWords(v: string | undefined): string {
	const t = decodeTransfer(v);
	if (!t) return 'Keep the call: no transfer';
	const entry = TEAM_DIRECTORY[t.team as Team];
	const where = entry ? `the ${entry.label} (extension ${entry.extension})` : 'a team';
	return `Transfer to ${where}, ${t.warm ? 'after telling the team who is calling and why (warm transfer)' : 'straight through without speaking to the team first'}. You say: ${toldLabel(t.team, t.told)}`;
}

function opening(c: PhoneCase, s: CallState): string {
	const p = c.persona;
	const angry = p.mood === 'angry' || p.mood === 'abusive';
	const pre =
		s.greet === 'full' ? '' : angry ? 'Is this even Health Records? ' : 'Oh, hello… is that Health Records? ';
	const about = p.requester === 'patient' ? '' : ` I’m calling about ${c.record.name}.`;
	const who =
		p.requester === 'patient' ? `It’s ${p.claimedName}.` : `I’m ${p.claimedName}, ${p.claimedRole}.`;
	const want = ` I want ${p.wants}.`;
	if (p.mood === 'abusive')
		return `${pre}${who}${about} I’ve been ringing for hours, you lot are useless. I want ${p.wants} and I want it NOW.`;
	if (angry)
		return `${pre}${who}${about}${want} And I’d like an answer today, please, not another runaround.`;
	return `${pre}${who}${about}${want}`;
}

function identifyReaction(c: PhoneCase, s: CallState): string {
	const p = c.persona;
	if (s.identify === 'readout')
		return p.genuine
			? 'Yes, that’s right.'
			: `Yes, that’s me: ${c.record.dateOfBirth}, ${c.record.postcode}. So, what have you got for me?`;
	if (s.identify === 'skipped') return 'Right. So can you help me or not?';
	if (PROFESSIONAL.has(p.requester) && !p.genuine)
		return `I haven’t got all that in front of me: just search for ${c.record.name}, it’s all on your system. The patient is sitting here with me. Ring me on ${p.givenNumber} if you must.`;
	if (!p.genuine)
		return `It’s ${p.states.name}… date of birth ${p.states.dateOfBirth}, I think? Postcode ${p.states.postcode}. You can see it all on your screen anyway, can’t you?`;
	if (REFUSED.has(p.requester))
		return `I’ve got the name, ${c.record.name}, and date of birth ${p.states.dateOfBirth}. Look, it’s a simple question.`;
	return `Yes: ${p.states.name}, born ${p.states.dateOfBirth}, postcode ${p.states.postcode}.`;
}

function checkReaction(c: PhoneCase, s: CallState): string {
	const p = c.persona;
	const r = c.record;
	switch (s.check) {
		case 'lookup':
			return s.found === 'ok'
				? '(You put the caller on hold and check the patient’s record on the PAS.)'
				: s.found === 'wrong'
					? '(You put the caller on hold and check the record open on the PAS: it is another patient’s.)'
					: '(You put the caller on hold, but no record is open on the PAS.)';
		case 'lookup-switchboard':
			if (p.requester === 'professional')
				return p.genuine
					? '(You look the patient up, then ring the ward through the hospital switchboard. The nurse in charge confirms the request.)'
					: '(You ring through the switchboard. The ward has never heard of the caller.)';
			if (p.requester === 'gp')
				return p.genuine
					? `(You look the patient up, then ring ${r.gpPractice.name} on ${r.gpPractice.switchboard} from the directory. The receptionist puts you through and ${p.claimedName} confirms the request.)`
					: `(You ring ${r.gpPractice.name} on ${r.gpPractice.switchboard} from the directory. The practice has nobody called ${p.claimedName} and no record of anyone calling about this patient.)`;
			return `(You ring the switchboard number in the directory. Nobody there knows of this call: ${p.claimedName} is not a professional who can be verified this way.)`;
		case 'lookup-given-number':
			return `(You ring ${p.givenNumber}, the number the caller gave. The same voice answers: “Hello, yes, it’s me.”)`;
		case 'lookup-record-number':
			return r.homePhone && p.genuine && p.requester === 'patient'
				? `(You ring ${r.homePhone}, the number on the record. ${r.name} answers and confirms they asked for this.)`
				: `(You ring ${r.homePhone ?? 'the number on the record'}. ${p.genuine ? 'Someone answers, but it is not the caller.' : `${r.name} answers, and says they have not rung the hospital today.`})`;
		default:
			return '(You carry on with what the caller has told you.)';
	}
}

function decideReaction(c: PhoneCase, s: CallState): string {
	const p = c.persona;
	const d = s.decide ?? '';
	const calmed = p.mood !== 'abusive' || s.calm === 'acknowledge';
	if (DISCLOSING.has(d) || d === 'confirm-is-patient' || s.calm === 'placate') {
		if (!p.genuine)
			return `Great, that’s really helpful. And just so I’ve got it right, which address have you got for ${patientFirstName(c)}? And the mobile number?`;
		return 'Thank you, that’s all I needed.';
	}
	if (!calmed) return 'Typical. Useless, the lot of you.';
	if (!p.genuine) return 'Fine. Forget it then.';
	if (p.mood === 'angry') return 'Right… OK. I suppose that makes sense. What happens now?';
	return 'OK, I understand. What happens now?';
}

/** A line of the call; the learner's own lines carry the step they answered. */
export interface CallLine extends Turn {
	phase?: Phase;
}

/**
 * The call as lines, rebuilt from the state: every step up to (not including) `upTo`, or, without it, every step
 * the state has an answer for.
 */
export function callLines(c: PhoneCase, s: CallState, upTo?: Phase): CallLine[] {
	const lines: CallLine[] = [{ who: 'action', text: '(The phone rings.)' }];
	const steps = c.steps;
	for (const step of steps) {
		if (step === upTo) break;
		const chosen = s[step as keyof CallState];
		if (upTo === undefined && chosen === undefined) break;
		if (step === 'transfer') lines.push({ who: 'action', text: transferWords(chosen), phase: step });
		else if (step === 'check' || step === 'message')
			lines.push({ who: 'action', text: labelOf(c, step, chosen), phase: step });
		else lines.push({ who: 'you', text: labelOf(c, step, chosen), phase: step });
		const next = steps[steps.indexOf(step) + 1];
		const line = reactionAfter(c, step, s, next);
		if (line) lines.push(line);
	}
	return lines;
}

/** The conversation up to the start of `phase`, rebuilt from the state. */
export function transcriptFor(c: PhoneCase, phase: Phase, s: CallState): Turn[] {
	return callLines(c, s, phase).map(({ who, text }) => ({ who, text }));
}

function signpostReaction(c: PhoneCase, s: CallState): string {
	const first = patientFirstName(c);
	switch (s.signpost) {
		case 'dial-999':
			return 'OK… OK. I’m hanging up and ringing 999 now.';
		case 'nhs-111':
			return 'Right, I’ll ring 111 now. Thank you.';
		case 'nhs-111-mental-health':
			return 'OK. I’ll ring them now. Thank you for listening.';
		case 'identify-first':
			return c.facts.emergency === 'life-threatening'
				? `What? ${first} isn’t breathing properly! I haven’t got time for this!`
				: 'I need help now, not questions.';
		default:
			return 'A message? This can’t wait!';
	}
}

function reactionAfter(c: PhoneCase, step: Phase, s: CallState, next: Phase | undefined): Turn | null {
	const p = c.persona;
	switch (step) {
		case 'greet':
			return { who: 'caller', text: opening(c, s) };
		case 'signpost':
			return { who: 'caller', text: signpostReaction(c, s) };
		case 'condole':
			return {
				who: 'caller',
				text:
					s.condole === 'condolence'
						? 'Thank you. It’s been a hard few weeks.'
						: s.condole === 'ask-what-happened'
							? '(A long pause.) I’d rather not go into it. I just want the notes.'
							: '…Right. Yes.'
			};
		case 'transfer': {
			const t = decodeTransfer(s.transfer);
			if (!t) return null;
			return {
				who: 'caller',
				text:
					t.told === 'explain'
						? 'Thank you, that’s helpful.'
						: t.told === 'promise'
							? 'Great, finally someone who’ll tell me.'
							: 'Who are you putting me through to?'
			};
		}
		case 'calm':
			if (s.calm === 'acknowledge' && !p.escalates)
				return { who: 'caller', text: 'All right… sorry. I’m just really worried about them.' };
			if (s.calm === 'placate')
				return { who: 'caller', text: decideReaction(c, { ...s, decide: 'disclose' }) };
			return {
				who: 'caller',
				text: 'Don’t you tell me what to do! You’re a [offensive language] waste of space, and I’ll be down there to sort you out.'
			};
		case 'warn':
			return s.warn === 'hang-up'
				? { who: 'action', text: '(You put the phone down.)' }
				: { who: 'caller', text: '[More offensive language and a threat.] (The abuse carries on.)' };
		case 'identify':
			return { who: 'caller', text: identifyReaction(c, s) };
		case 'check':
			return { who: 'action', text: checkReaction(c, s) };
		case 'decide':
			return { who: 'caller', text: decideReaction(c, s) };
		case 'message':
			return next ? { who: 'caller', text: 'Thank you.' } : null;
		default:
			return null;
	}
}

// ---------- judging ----------

function judgeDecide(c: PhoneCase, s: CallState, chosen: string) {
	const result = keyResult(c, s);
	const key = result.decision;
	const first = result.reasons[0];
	const rule: RuleRef = first
		? { id: first.rule, handbook: first.handbook, text: bare(first.text) }
		: ruleRef('disclosure.no-automatic-right');
	const why = result.reasons.map((r) => r.text).join(' ');
	const limits = result.limits.length ? ` Limits: ${result.limits.join('; ')}.` : '';
	const verifiedNote = result.verified
		? 'Identity was checked properly.'
		: 'Identity was not verified on this call.';
	let outcome: DecisionOutcome;
	let lead: string;
	if (chosen === key) {
		outcome = 'correct';
		lead = 'Right decision.';
	} else if ((DISCLOSING.has(chosen) && !DISCLOSING.has(key)) || chosen === 'confirm-is-patient') {
		outcome = DISCLOSING.has(key) ? 'major' : 'critical';
		lead =
			chosen === 'confirm-is-patient'
				? 'Confirming that someone is a patient is itself a disclosure (handbook 6.3).'
				: 'Information was disclosed to a caller who was not verified or not entitled to it: a breach, and blagging if they were not who they said (handbook 4.10, 6.2).';
	} else if (chosen === 'disclose' && key === 'disclose-within-limits') {
		outcome = 'major';
		lead = 'More than was needed: share only what the rules allow (Caldicott principle 3, handbook 4.4).';
	} else if (DISCLOSING.has(key)) {
		outcome = 'major';
		lead = 'This caller was entitled to the information once checked, and was turned away.';
	} else {
		outcome = 'minor';
		lead = 'Nothing was disclosed, which is safe, but this is not the right route for this caller.';
	}
	return {
		outcome,
		rule,
		correct: { values: [key], text: labelOf(c, 'decide', key) },
		explanation: `${lead} ${verifiedNote} ${why}${limits}`
	};
}

export function missingFields(form: MessageForm | undefined): (keyof MessageForm)[] {
	if (!form) return ['callerName', 'relationship', 'callBackNumber', 'patient', 'details', 'urgency'];
	return (Object.keys(messageFormSchema.shape) as (keyof MessageForm)[]).filter(
		(k) => String(form[k] ?? '').trim() === ''
	);
}

const FIELD_NAMES: Record<keyof MessageForm, string> = {
	callerName: 'caller’s name',
	relationship: 'relationship or role',
	callBackNumber: 'call-back number',
	patient: 'patient',
	details: 'message',
	urgency: 'urgency',
	sendTo: 'who it goes to'
};

function judgeSignpost(c: PhoneCase, chosen: string) {
	const situation = c.facts.emergency ?? 'life-threatening';
	const sp = emergencySignpost(situation);
	const right = SERVICE_CHOICE[sp.service];
	const rule = ruleRef('call.emergency-signpost');
	const correct = { values: [right], text: labelOf(c, 'signpost', right) };
	const lifeAtRisk = sp.service === '999';
	const why = sp.reasons.map((r) => r.text).join(' ');
	if (chosen === right) return { outcome: 'correct' as const, rule, correct, explanation: `Right. ${why}` };
	if (chosen === 'identify-first' || chosen === 'take-message')
		return {
			outcome: lifeAtRisk ? ('critical' as const) : ('major' as const),
			rule: ruleRef('call.no-identity-gate'),
			correct,
			explanation: `${chosen === 'identify-first' ? 'Identity questions hold up an emergency, and signposting discloses nothing, so it needs no check.' : 'A message leaves someone in danger waiting for a call back.'} ${why}`
		};
	if (lifeAtRisk)
		return {
			outcome: 'critical' as const,
			rule,
			correct,
			explanation: `NHS 111 is too slow when a life may be at risk. ${why}`
		};
	return {
		outcome: 'minor' as const,
		rule,
		correct,
		explanation: `${chosen === 'dial-999' ? '999 is safe, but this is urgent rather than life-threatening.' : 'There is a better service for this.'} ${why}`
	};
}

/** The learner withheld what a verified caller was entitled to: the transfer feedback says so rather than "helped". */
function turnedAway(c: PhoneCase, s: CallState): boolean {
	return s.decide !== undefined && !DISCLOSING.has(s.decide) && DISCLOSING.has(answerKey(c, s));
}

function judgeTransfer(c: PhoneCase, s: CallState, answer: PhoneAnswer) {
	const key = transferKey(c, s);
	const rule = ruleRef('call.transfer');
	const why = key.reasons.map((r) => r.text).join(' ');
	const entry = key.team ? TEAM_DIRECTORY[key.team] : null;
	const correct = entry
		? {
				values: [`${key.team}.warm.explain`],
				text: `Warm transfer to the ${entry.label} (extension ${entry.extension}), telling the caller who they are going to and why`
			}
		: { values: ['none'], text: 'Keep the call: no transfer' };
	if (answer.choice !== 'transfer') {
		return entry
			? {
					outcome: 'major' as const,
					rule,
					correct,
					explanation: `This caller needed the ${entry.label}, who deal with ${entry.handles}: transfer them, warm, and tell them who they are going to. ${why}`
				}
			: {
					outcome: 'correct' as const,
					rule,
					correct,
					explanation: `Right: no transfer.${turnedAway(c, s) ? ' You turned this caller away at the decision, but they were entitled to help on this call, so no other team needed to take it.' : ''} ${why}`
				};
	}
	const t = answer.transfer ?? { team: '', warm: false, told: '' };
	const restricted = isRestrictedRecord({
		requester: requestFor(c, s).requester,
		sensitive: c.facts.sensitive,
		safeguardingAlert: c.facts.safeguardingAlert
	});
	if (!entry)
		return {
			outcome: restricted ? ('critical' as const) : ('major' as const),
			rule: restricted ? ruleRef('call.restricted-record') : rule,
			correct,
			explanation: restricted
				? `Putting the caller through to a team tells them the patient is known here, which the restricted record forbids (handbook 3.2, 6.3). ${why}`
				: DISCLOSING.has(answerKey(c, s))
					? `This caller could be helped on this call: passing them on wastes their time and another team’s. ${why}`
					: `No team deals with this caller, so there was nobody to put them through to. ${why}`
		};
	if (t.team !== key.team)
		return {
			outcome: 'major' as const,
			rule,
			correct,
			explanation: `Wrong team: the ${entry.label} deal with ${entry.handles}${t.team ? `, not the ${TEAM_DIRECTORY[t.team as Team]?.label ?? t.team}` : ''}. ${why}`
		};
	if (t.told === 'promise')
		return {
			outcome: 'major' as const,
			rule,
			correct,
			explanation: `Right team, but never promise what another team will disclose: they decide under the rules, not to please the caller (handbook 6.3, 6.4). ${why}`
		};
	if (!t.warm || t.told !== 'explain')
		return {
			outcome: 'minor' as const,
			rule,
			correct,
			explanation: `Right team. Make it a warm transfer: speak to the team first (who is calling and why), and tell the caller who they are going to, so nobody has to start again (handbook 6.1). ${why}`
		};
	return {
		outcome: 'correct' as const,
		rule,
		correct,
		explanation: `Right team, warm transfer, and the caller knows what happens next. ${why}`
	};
}

function judgePhase(c: PhoneCase, phase: Phase, s: CallState, answer: PhoneAnswer) {
	const p = c.persona;
	const chosen = answer.choice;
	const correctOf = (id: string) => ({ values: [id], text: labelOf(c, phase, id) });
	switch (phase) {
		case 'signpost':
			return judgeSignpost(c, chosen);
		case 'condole':
			return {
				outcome: chosen === 'condolence' ? ('correct' as const) : ('minor' as const),
				rule: ruleRef('call.condolence'),
				correct: correctOf('condolence'),
				explanation:
					chosen === 'condolence'
						? 'Condolence first: the caller has lost someone, and kindness costs nothing (handbook 4.8, 6.1).'
						: chosen === 'ask-what-happened'
							? 'Asking how they died is not your business and can hurt: offer condolence and move on to how you can help (handbook 4.8, 6.1).'
							: 'Say you are sorry for their loss before anything else (handbook 4.8, 6.1).'
			};
		case 'transfer':
			return judgeTransfer(c, s, answer);
		case 'greet':
			return chosen === 'full'
				? {
						outcome: 'correct' as const,
						rule: GREETING_RULE,
						correct: correctOf('full'),
						explanation:
							'A good start: the caller knows where they are and who they are talking to (handbook 6.1).'
					}
				: {
						outcome: 'minor' as const,
						rule: GREETING_RULE,
						correct: correctOf('full'),
						explanation:
							'Greet with your department and your name, so the caller knows they have the right place (handbook 6.1).'
					};
		case 'calm':
			return {
				outcome:
					chosen === 'acknowledge'
						? ('correct' as const)
						: chosen === 'placate'
							? ('critical' as const)
							: ('minor' as const),
				rule: ABUSE_RULE,
				correct: correctOf('acknowledge'),
				explanation:
					chosen === 'placate'
						? 'Never give out information to calm a caller down or end the call: pressure is a warning sign of blagging (handbook 6.4).'
						: chosen === 'argue'
							? 'Telling someone to calm down usually makes things worse. Listen, acknowledge and say what you can do (handbook 6.4).'
							: 'Acknowledging the frustration and saying what you can do is how to de-escalate (handbook 6.4).'
			};
		case 'warn':
			return {
				outcome: chosen === 'warn' ? ('correct' as const) : ('minor' as const),
				rule: ABUSE_RULE,
				correct: correctOf('warn'),
				explanation:
					chosen === 'warn'
						? 'A clear, calm warning first; when the abuse carries on you may end the call (handbook 6.4).'
						: 'When abuse continues, give a clear warning that you will end the call, and end it if it carries on (handbook 6.4).'
			};
		case 'identify': {
			const rule = ruleRef('ppi.ask-dont-tell');
			if (chosen === 'asked')
				return {
					outcome: 'correct' as const,
					rule,
					correct: correctOf('asked'),
					explanation:
						'An open question: the caller has to state the details, and you compare them with the record (handbook 1.6, 6.2).'
				};
			if (chosen === 'readout') {
				const isPatient = p.genuine && p.requester === 'patient';
				return {
					outcome: isPatient ? ('major' as const) : ('critical' as const),
					rule,
					correct: correctOf('asked'),
					explanation: isPatient
						? 'Reading the details out lets anyone say “yes”: ask the caller to state them (handbook 1.6, 6.2).'
						: `Reading out the name, date of birth and postcode told ${p.genuine ? 'a caller who is not the patient' : 'someone who was not the patient'} the patient’s details and confirmed they are known here: a disclosure to an unverified caller (handbook 1.6, 6.2, 6.3).`
				};
			}
			const matters = !REFUSED.has(p.requester);
			return {
				outcome: matters ? ('major' as const) : ('minor' as const),
				rule,
				correct: correctOf('asked'),
				explanation:
					'Check which patient the call is about, and who is calling, before going any further (handbook 6.2).'
			};
		}
		case 'check': {
			const ideal = idealCheck(c);
			if (chosen.startsWith('lookup') && answer.patient !== c.record.index) {
				const wrong = answer.patient !== null && answer.patient !== undefined;
				return {
					outcome: wrong ? ('critical' as const) : ('major' as const),
					rule: wrong ? ruleRef('ppi.three-identifiers') : ruleRef('disclosure.verify-caller'),
					correct: {
						values: [ideal],
						text: `${labelOf(c, 'check', ideal)}, with ${c.record.name}’s record open`
					},
					explanation: wrong
						? `The record open on the PAS was another patient’s, not ${c.record.name} (${c.record.hospitalNumber}). Everything you check or say now is about the wrong person: match the name, date of birth and postcode the caller gives against three identifiers on the record (handbook 1.6, 1.7).`
						: 'No record was open on the PAS, so there was nothing to check against: search for the patient, open the record with a reason, and read the contacts, consent and alerts (handbook 6.2, 3.5).'
				};
			}
			const rule =
				ideal === 'lookup-switchboard'
					? ruleRef('disclosure.call-back')
					: ideal === 'lookup-record-number'
						? ruleRef('disclosure.change-of-contact')
						: ruleRef('disclosure.verify-caller');
			if (chosen === ideal)
				return {
					outcome: 'correct' as const,
					rule,
					correct: correctOf(ideal),
					explanation:
						ideal === 'lookup-switchboard'
							? 'Ringing back through the number in the directory proves who a professional is; the number a caller gives proves nothing (handbook 6.2).'
							: ideal === 'lookup-record-number'
								? 'Before changing contact details, ring back on the number already on the record (handbook 3.2, 6.2).'
								: 'Looking at the record shows whether the details match and what consent, contacts and notes say (handbook 6.2, 6.3).'
				};
			return {
				outcome:
					chosen === 'lookup-given-number' || (chosen === 'none' && !REFUSED.has(p.requester))
						? ('major' as const)
						: ('minor' as const),
				rule,
				correct: correctOf(ideal),
				explanation:
					chosen === 'lookup-given-number'
						? 'Never ring back on the number the caller gives: a blagger answers it. Use the switchboard number from the directory, or a number you already hold (handbook 6.2).'
						: chosen === 'none'
							? 'Look at the record: it holds the details to compare, the consent and contacts, and any notes (handbook 6.2, 6.3).'
							: `The better check here: ${labelOf(c, 'check', ideal).toLowerCase()} (handbook 6.2).`
			};
		}
		case 'decide':
			return judgeDecide(c, s, chosen);
		case 'message': {
			const missing = chosen === 'form' ? missingFields(answer.message) : missingFields(undefined);
			if (chosen === 'no-message')
				return {
					outcome: 'major' as const,
					rule: MESSAGE_RULE,
					correct: correctOf('form'),
					explanation:
						'The caller had something the team needs to know: take a message rather than let it drop (handbook 6.3, 6.5).'
				};
			const to = messageDestination(c, s);
			const sentTo = answer.message?.sendTo ?? '';
			const correct = {
				values: ['form'],
				text: `${labelOf(c, 'message', 'form')}, complete, to ${destinationLabel(to)}`
			};
			if (missing.length)
				return {
					outcome: 'minor' as const,
					rule: MESSAGE_RULE,
					correct,
					explanation: `The message is missing: ${missing.map((m) => FIELD_NAMES[m]).join(', ')} (handbook 6.5).`
				};
			if (sentTo !== to)
				return {
					outcome: to === 'safeguarding' ? ('major' as const) : ('minor' as const),
					rule: to === 'safeguarding' ? ruleRef('call.restricted-record') : MESSAGE_RULE,
					correct,
					explanation:
						to === 'safeguarding'
							? 'Someone asking after a patient with a restricted record is exactly what the safeguarding team must hear about: send the message to them, under local procedure (handbook 3.2, 6.3).'
							: `A message about the patient goes to ${destinationLabel(to)}, who can act on it, not to ${destinationLabel(sentTo)} (handbook 6.5).`
				};
			return {
				outcome: 'correct' as const,
				rule: to === 'safeguarding' ? ruleRef('call.restricted-record') : MESSAGE_RULE,
				correct,
				explanation:
					to === 'safeguarding'
						? 'A complete message, to the safeguarding team, and nothing confirmed to the caller (handbook 3.2, 6.3, 6.5).'
						: 'A complete message the team can act on (handbook 6.5).'
			};
		}
		case 'close': {
			if (c.steps.includes('signpost'))
				return {
					outcome:
						chosen === 'log-and-tell-manager'
							? ('correct' as const)
							: chosen === 'no-log'
								? ('major' as const)
								: ('minor' as const),
					rule: ruleRef('call.emergency-signpost'),
					correct: correctOf('log-and-tell-manager'),
					explanation:
						chosen === 'log-and-tell-manager'
							? 'The call is on record and your manager can follow it up under local escalation (handbook 6.1, 6.4).'
							: 'After an emergency call, record it and tell your manager straight away, so it can be followed up (handbook 6.1, 6.4).'
				};
			const ended = c.steps.includes('warn');
			const right = ended ? 'end-and-report' : 'next-steps-and-log';
			return {
				outcome:
					chosen === right
						? ('correct' as const)
						: chosen === 'no-log'
							? ('major' as const)
							: ('minor' as const),
				rule: ended ? ABUSE_RULE : ruleRef('disclosure.record-call'),
				correct: correctOf(right),
				explanation: ended
					? 'After ending an abusive call: record it accurately, tell your manager and report it through the incident system (handbook 6.4).'
					: chosen === right
						? 'The caller knows what happens next, and the call log shows who called, what was asked, what was said and why (handbook 6.1).'
						: chosen === 'no-log'
							? 'Record every call that matters: who, what was asked, what was disclosed and on what basis (handbook 6.1).'
							: 'Tell the caller what happens next, so they are not left wondering (handbook 6.1).'
			};
		}
	}
}

// ---------- the kind ----------

function stepsFor(c: CallCase): { steps: Phase[]; messageExpected: boolean } {
	const abusive = c.persona.mood === 'abusive';
	// An emergency is signposted at once: no identity gate, nothing to disclose, nobody to transfer to.
	if (c.facts.emergency) return { steps: ['greet', 'signpost', 'close'], messageExpected: false };
	if (abusive && c.persona.escalates)
		return { steps: ['greet', 'calm', 'warn', 'close'], messageExpected: false };
	const ideal = idealState(c);
	const messageExpected = answerKey(c, ideal) === 'take-message';
	const steps: Phase[] = ['greet'];
	if (c.facts.deceased) steps.push('condole');
	if (abusive) steps.push('calm');
	steps.push('identify', 'check', 'decide');
	if (messageExpected) steps.push('message');
	steps.push('transfer', 'close');
	return { steps, messageExpected };
}

export function setupCall(params: PhoneParams, seed: number, today: string): PhoneCase {
	const random = seededRandom(seed);
	const type = params.callTypes[randomInt(random, params.callTypes.length)];
	const angry = random() < params.angryShare;
	const calmOrAnxious = random() < 0.3 ? 'anxious' : 'calm';
	const mood = type === 'abusive-caller' ? 'abusive' : angry ? 'angry' : calmOrAnxious;
	const base = buildCall(type, seed, today, mood, params.abusiveEscalates);
	return { ...base, ...stepsFor(base) };
}

function phasePrompt(c: PhoneCase, phase: Phase): string {
	switch (phase) {
		case 'greet':
			return 'The phone is ringing. How do you answer?';
		case 'signpost':
			return 'What do you say, straight away?';
		case 'condole':
			return 'What do you say first?';
		case 'transfer':
			return 'Do you transfer the call? Use the directory.';
		case 'calm':
			return 'The caller is shouting. What do you say?';
		case 'warn':
			return 'The abuse carries on. What do you do?';
		case 'identify':
			return 'What do you say next?';
		case 'check':
			return 'What do you do before you answer the request?';
		case 'decide':
			return `The caller wants ${c.persona.wants}. What do you tell them?`;
		case 'message':
			return 'Fill in the message form (or say no message is needed).';
		case 'close':
			return 'How do you finish?';
	}
}

/** What an answer adds to the call's state (the step id carries it on). */
function stateFrom(c: PhoneCase, phase: Phase, a: PhoneAnswer): CallState {
	const s: CallState = { [phase]: a.choice };
	if (phase === 'message' && a.choice === 'form') s.missing = missingFields(a.message).join(',');
	if (phase === 'check') s.found = a.patient === c.record.index ? 'ok' : a.patient == null ? 'none' : 'wrong';
	if (phase === 'transfer') s.transfer = encodeTransfer(a);
	return s;
}

/**
 * The decision record's value: the step's part of the call state in step-id form ("check=lookup&found=ok"), so
 * the whole call can be rebuilt from the log for the debrief transcript.
 */
function answerValue(c: PhoneCase, phase: Phase, a: PhoneAnswer): string {
	const s = stateFrom(c, phase, a);
	// The records opened during the step ride along (not in the call state: they change no later step), so the
	// debrief can show the audit trail's need-to-know line.
	const opened = a.opened?.length ? `&opened=${[...new Set(a.opened)].join(',')}` : '';
	if (Object.keys(s).length === 1 && !opened) return a.choice;
	return `${encodeStep(phase, s).split('?')[1]}${opened}`;
}

/** The records opened during a step, read back from its decision's value. */
function openedIn(value: string): string[] {
	const part = value.split('&').find((p) => p.startsWith('opened='));
	return part ? part.slice('opened='.length).split(',').filter(Boolean) : [];
}

/** The call state after every decision in a log (for the debrief), read back from the decisions' values. */
export function stateAfter(decisions: readonly { step: string; response: { value: string } }[]): CallState {
	const last = decisions.at(-1);
	if (!last) return {};
	const { phase, state } = decodeStep(last.step);
	const value = last.response.value;
	const added = value.includes('=') ? decodeStep(`${phase}?${value}`).state : { [phase]: value };
	return { ...state, ...added };
}

export const phoneCall: ScenarioKind<PhoneParams, PhoneCase, PhoneAnswer, PhoneView> = {
	kind: 'phone-call',
	family: 'phone',
	machineVersion: 2,
	paramsSchema,
	answerSchema,
	setup: (definition, seed, today) => setupCall(definition.params, seed, today),
	firstStep: () => 'greet',
	view(c, stepId): StepView<PhoneView> {
		const { phase, state } = decodeStep(stepId);
		const transcript = transcriptFor(c, phase, state);
		const last = [...transcript].reverse().find((t) => t.who === 'caller');
		return {
			id: stepId,
			index: Math.max(0, c.steps.indexOf(phase)),
			total: c.steps.length,
			prompt: `${last ? `Caller: “${last.text}” ` : ''}${phasePrompt(c, phase)}`,
			choices: choicesFor(c, phase),
			data: {
				phase,
				transcript,
				trust: c.trust,
				sessionKey: c.sessionKey,
				recordNotes: { patient: c.record.index, lines: c.record.notes },
				directory: {
					practice: c.record.gpPractice.name,
					switchboard: c.record.gpPractice.switchboard,
					teams: TEAMS.map((id) => ({ id, ...TEAM_DIRECTORY[id] }))
				},
				toldOptions: TOLD.map((id) => ({ id, label: toldLabel('', id) })),
				givenNumber: c.persona.givenNumber,
				mood: c.persona.mood,
				messageFields: Object.keys(messageFormSchema.shape) as (keyof MessageForm)[]
			}
		};
	},
	judge(c, stepId, answer): Judgement {
		const { phase, state } = decodeStep(stepId);
		const valid = choicesFor(c, phase).some((ch) => ch.id === answer.choice);
		const value = answerValue(c, phase, answer);
		const response = { value, text: labelOf(c, phase, answer.choice) };
		const base = { response, maxPoints: POINTS[phase], outcomes: OUTCOMES };
		if (!valid) {
			return {
				...base,
				outcome: 'major',
				correct: { values: [], text: 'One of the options offered at this point in the call' },
				rule: GREETING_RULE,
				explanation: 'That is not something you can do at this point in the call.'
			};
		}
		const judged: Judgement = { ...base, ...judgePhase(c, phase, state, answer) };
		if (!answer.opened?.length) return judged;
		const { needed, presented } = callNeeds(c, phase);
		return withNeedToKnow(trustOf(c.trust), judged, answer.opened, needed, presented);
	},
	next(c, stepId, answer) {
		const { phase, state } = decodeStep(stepId);
		const s: CallState = { ...state, ...stateFrom(c, phase, answer) };
		const i = c.steps.indexOf(phase);
		if (i < 0 || i + 1 >= c.steps.length) return null;
		return encodeStep(c.steps[i + 1], s);
	},
	hint(c, stepId) {
		const { phase } = decodeStep(stepId);
		switch (phase) {
			case 'greet':
				return 'Say where they have reached and who you are (handbook 6.1).';
			case 'signpost':
				return 'Is a life at risk? Then 999 at once; urgent but not life-threatening, NHS 111. No identity questions first (handbook 6.4, 4.9).';
			case 'condole':
				return 'The caller has lost someone (handbook 4.8, 6.1).';
			case 'transfer':
				return 'Does another team deal with this caller (press, records requests, police), or can you help them here? Never put a caller through about a restricted record (handbook 6.1, 6.3).';
			case 'identify':
				return 'Ask, don’t tell: the caller states the details, you never read them out (handbook 1.6, 6.2).';
			case 'check':
				return 'Open the patient’s record on the PAS (search, then open with a reason). Who could check this caller independently? The record, a number already on it, or the switchboard in the directory, never a number the caller gives (handbook 6.2).';
			case 'decide':
				return 'Who is really asking, is their identity checked, and what does the record say about consent, capacity or authority? (handbook 6.3, 4.13)';
			case 'message':
				return 'Caller’s name, relationship, call-back number, patient, message, urgency (handbook 6.5).';
			case 'calm':
			case 'warn':
				return 'Calm, acknowledge, explain what you can do; warn before ending (handbook 6.4).';
			case 'close':
				return 'What happens next, and the call log (handbook 6.1).';
		}
	},
	possiblePoints: (c) => c.steps.reduce((sum, p) => sum + POINTS[p], 0),
	answerOptions(c, stepId) {
		const { phase } = decodeStep(stepId);
		if (phase === 'message')
			return [
				{ choice: 'form', message: completeMessage(c) },
				{ choice: 'form', message: { ...completeMessage(c), callBackNumber: '' } },
				{ choice: 'no-message' }
			];
		// The record open on the PAS is the right one here; a wrong or missing record is unit-tested, which keeps
		// the model walk of every built-in definition to a few thousand states.
		if (phase === 'check')
			return choicesFor(c, phase).map((ch) => ({ choice: ch.id, patient: c.record.index }));
		if (phase === 'transfer') {
			const team = transferKey(c, decodeStep(stepId).state).team;
			const other: Team = team === 'communications' ? 'pals' : 'communications';
			// Every transfer answer makes a different close step, so the walk tries two (keep the call, or the key's
			// transfer when there is one, else a needless one); wrong teams, cold transfers and promises are unit-tested.
			return [
				{ choice: 'no-transfer' },
				{ choice: 'transfer', transfer: { team: team ?? other, warm: true, told: 'explain' } }
			];
		}
		// "Name only" behaves like "curt" in everything but its words, so the walk tries one of them.
		if (phase === 'greet') return [{ choice: 'full' }, { choice: 'curt' }];
		return choicesFor(c, phase).map((ch) => ({ choice: ch.id }));
	}
};

/** A message a careful learner would write (for tests and the model walk). */
export function completeMessage(c: CallCase): MessageForm {
	return {
		sendTo: messageDestination(c, idealState(c)),
		callerName: c.persona.claimedName,
		relationship: c.persona.claimedRole,
		callBackNumber: c.persona.givenNumber,
		patient: `${c.record.name}, ${c.record.hospitalNumber}`,
		details: c.persona.message || `Wants ${c.persona.wants}.`,
		urgency: 'routine'
	};
}

/** The best answer at each step, for tests and the "good call" transcript. */
export function bestAnswer(c: PhoneCase, stepId: string): PhoneAnswer {
	const { phase, state } = decodeStep(stepId);
	switch (phase) {
		case 'greet':
			return { choice: 'full' };
		case 'signpost':
			return { choice: SERVICE_CHOICE[emergencySignpost(c.facts.emergency ?? 'life-threatening').service] };
		case 'condole':
			return { choice: 'condolence' };
		case 'transfer': {
			const team = transferKey(c, state).team;
			return team
				? { choice: 'transfer', transfer: { team, warm: true, told: 'explain' } }
				: { choice: 'no-transfer' };
		}
		case 'calm':
			return { choice: 'acknowledge' };
		case 'warn':
			return { choice: 'warn' };
		case 'identify':
			return { choice: 'asked' };
		case 'check':
			return { choice: idealCheck(c), patient: c.record.index };
		case 'decide':
			return { choice: answerKey(c, state) };
		case 'message':
			return { choice: 'form', message: completeMessage(c) };
		case 'close':
			return {
				choice: c.steps.includes('signpost')
					? 'log-and-tell-manager'
					: c.steps.includes('warn')
						? 'end-and-report'
						: 'next-steps-and-log'
			};
	}
}

/** A line of the debrief transcript; the learner's lines carry the judgement of the step they answered. */
export interface AnnotatedLine extends CallLine {
	note?: {
		seq: number;
		outcome: DecisionOutcome;
		explanation: string;
		rule: RuleRef;
		points: number;
		maxPoints: number;
	};
	/** The PAS audit trail's need-to-know finding for the step just above (handbook 3.5, 4.11). */
	audit?: { outcome: DecisionOutcome; explanation: string; rule: RuleRef };
}

/**
 * The whole call as lines (you, the caller, your actions), each of the learner's lines annotated with the
 * feedback and rule of the decision it was. Rebuilt from the case and the decision log, so an old attempt shows
 * the same transcript.
 */
export function annotatedTranscript(c: PhoneCase, decisions: readonly DecisionRecord[]): AnnotatedLine[] {
	const s = stateAfter(decisions);
	const byPhase = new Map(decisions.map((d) => [decodeStep(d.step).phase, d]));
	return callLines(c, s).flatMap((line): AnnotatedLine[] => {
		const d = line.phase ? byPhase.get(line.phase) : undefined;
		if (!d || !line.phase) return [line];
		const extra = unneededInCall(c, line.phase, openedIn(d.response.value));
		const note = extra.length ? needToKnowNote(extra, (hn) => openedLabel(trustOf(c.trust), hn)) : '';
		// The audit finding gets its own line below, so the step's note leaves it out.
		const explanation =
			note && d.explanation.endsWith(` ${note}`) ? d.explanation.slice(0, -note.length - 1) : d.explanation;
		const annotated: AnnotatedLine = {
			...line,
			note: {
				seq: d.seq,
				outcome: d.outcome,
				explanation,
				rule: d.rule,
				points: d.points,
				maxPoints: d.maxPoints
			}
		};
		if (!note) return [annotated];
		const names = extra.map((hn) => openedLabel(trustOf(c.trust), hn));
		return [
			annotated,
			{
				who: 'action',
				text: `(Your PAS audit trail for this step shows you opened ${names.join(', ')}.)`,
				audit: { outcome: NEED_TO_KNOW_OUTCOME, explanation: note, rule: NEED_TO_KNOW }
			}
		];
	});
}
