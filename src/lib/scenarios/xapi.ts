/**
 * Maps a decision onto an xAPI "answered" statement (xAPI 1.0.3), one to one, so a later issue can publish
 * attempts to a learning record store without re-deriving anything.
 */
import type { Decision } from './decisions';

export const XAPI_ANSWERED = 'http://adlnet.gov/expapi/verbs/answered';
const ACTIVITY_BASE = 'https://records-room.example/xapi/scenarios';

export interface XapiStatement {
	actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
	verb: { id: typeof XAPI_ANSWERED; display: { 'en-GB': 'answered' } };
	object: {
		objectType: 'Activity';
		id: string;
		definition: {
			type: 'http://adlnet.gov/expapi/activities/cmi.interaction';
			name: { 'en-GB': string };
			interactionType: 'choice' | 'other';
			choices?: { id: string; description: { 'en-GB': string } }[];
			correctResponsesPattern: string[];
		};
	};
	result: {
		response: string;
		success: boolean;
		score: { raw: number; min: 0; max: number; scaled: number };
		duration: string;
		extensions: Record<string, unknown>;
	};
	context: { registration?: string; extensions: Record<string, unknown> };
	timestamp: string;
}

/** Milliseconds as an ISO 8601 duration, e.g. 83_500 → "PT1M23.5S". */
export function isoDuration(ms: number): string {
	const totalSeconds = Math.max(0, ms) / 1000;
	const h = Math.floor(totalSeconds / 3600);
	const m = Math.floor((totalSeconds % 3600) / 60);
	const s = Math.round((totalSeconds % 60) * 100) / 100;
	return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

export interface XapiContext {
	actor: { name: string; profileId: string };
	definitionId: string;
	definitionVersion: number;
	/** The attempt id; must be a UUID to be a valid xAPI registration, so it is only set when it is one. */
	attemptId: string;
	rubricVersion: number;
}

export function decisionToXapi(decision: Decision, ctx: XapiContext): XapiStatement {
	const isChoice = decision.choices.length > 0;
	return {
		actor: {
			objectType: 'Agent',
			name: ctx.actor.name,
			account: { homePage: 'https://records-room.example/profiles', name: ctx.actor.profileId }
		},
		verb: { id: XAPI_ANSWERED, display: { 'en-GB': 'answered' } },
		object: {
			objectType: 'Activity',
			id: `${ACTIVITY_BASE}/${ctx.definitionId}/v${ctx.definitionVersion}/${decision.step}`,
			definition: {
				type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
				name: { 'en-GB': decision.prompt },
				interactionType: isChoice ? 'choice' : 'other',
				...(isChoice
					? { choices: decision.choices.map((c) => ({ id: c.id, description: { 'en-GB': c.label } })) }
					: {}),
				correctResponsesPattern: decision.correct.values
			}
		},
		result: {
			response: decision.response.value,
			success: decision.outcome === 'correct',
			score: {
				raw: decision.points,
				min: 0,
				max: decision.maxPoints,
				scaled: decision.maxPoints > 0 ? decision.points / decision.maxPoints : 0
			},
			duration: isoDuration(decision.timeTakenMs),
			extensions: {
				[`${ACTIVITY_BASE}/ext/outcome`]: decision.outcome,
				[`${ACTIVITY_BASE}/ext/rule`]: decision.rule
			}
		},
		context: {
			...(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ctx.attemptId)
				? { registration: ctx.attemptId }
				: {}),
			extensions: {
				[`${ACTIVITY_BASE}/ext/learning-outcomes`]: decision.outcomes,
				[`${ACTIVITY_BASE}/ext/rubric-version`]: ctx.rubricVersion
			}
		},
		timestamp: decision.at
	};
}
