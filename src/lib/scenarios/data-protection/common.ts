/**
 * The shared frame for the data protection family (handbook 4, 5). Each kind's setup builds a list of steps whose
 * answer keys are computed by calling the domain rules ($lib/domain); this file turns those steps into a
 * ScenarioKind, judges answers against the keys, and words feedback naming the rule, the principle behind it and
 * the handbook section. No rule is restated here: only which law or principle a rule id rests on.
 */
import { z } from '../zod';
import { RULES, type Reason, type RuleId } from '../../domain/rules';
import { auditAccess, type AccessEntry, type KnownPerson, type WorkItem } from '../../domain/access-audit';
import type { TrustRules } from '../../domain/settings';
import type { TrustSettings } from '../../generator/types';
import type { Choice, DecisionOutcome, RuleRef } from '../decisions';
import type { Family } from '../definition';
import type { Judgement, ScenarioKind, StepView } from '../kind';
import type { OutcomeId } from '../outcomes';

/** A paper or screen the learner reads at a step: a letter, a form, a record entry, an email. */
export interface Panel {
	title: string;
	lines: string[];
	style: 'letter' | 'form' | 'record' | 'email' | 'note';
}

export type InputKind = 'choice' | 'date' | 'datetime' | 'choice-date';

/**
 * A step done with the simulated PAS beside it (handbook 3.5). `find`: the task needs `target`'s record, so the
 * learner must open it, with a reason that fits; `avoid`: nothing here needs a record, and opening someone the
 * learner knows is a critical error; `audit`: the learner reviews their own trail for the whole attempt, and the
 * right answer is worked out from it by the domain's access audit.
 */
export interface PasCheck {
	mode: 'find' | 'avoid' | 'audit';
	trust: TrustSettings;
	/** The reason pre-selected in the PAS's "why are you opening this record" form ('' for none). */
	defaultReason: string;
	target?: number;
	targetName?: string;
	/** The day's work: records a task needs, and the reasons that describe each task. */
	work: WorkItem[];
	/** People the learner knows in the story: a neighbour, family, someone in the news, themselves. */
	known: KnownPerson[];
	/** The trust's LOCAL rules the audit depends on (self-access); the defaults when left out. */
	rules?: Partial<TrustRules>;
}

/** What the screen needs to show the PAS; the answer key stays out of it. */
export interface PasView {
	mode: PasCheck['mode'];
	trust: TrustSettings;
	defaultReason: string;
	sessionKey: string;
}

export interface AnswerKey {
	/** Correct choice ids, or for date steps the one correct ISO date (or date-time). */
	correct: string[];
	correctText: string;
	/** For choice-date steps: the date a correct choice that needs a date must carry. */
	correctDate?: string;
	/** Severity of each wrong choice; anything not listed is a major error. */
	wrong: Partial<Record<string, DecisionOutcome>>;
	/** Severity of a wrong date. */
	wrongDate: DecisionOutcome;
	rule: RuleId;
	/** The domain's reasons, quoted in feedback. */
	reasons: Reason[];
}

export interface DpStep {
	id: string;
	title: string;
	prompt: string;
	panels: Panel[];
	input: InputKind;
	choices: Choice[];
	/** choice-date: the choices that need a date. */
	dateFor?: string[];
	dateLabel?: string;
	key: AnswerKey;
	hint: string | null;
	maxPoints: number;
	outcomes: OutcomeId[];
	pas?: PasCheck;
}

export interface DpCase {
	steps: DpStep[];
}

export interface DpView {
	title: string;
	panels: Panel[];
	input: InputKind;
	dateFor: string[];
	dateLabel: string;
	pas: PasView | null;
}

export const answerSchema = z
	.object({
		choice: z.string().min(1).max(60).optional(),
		date: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/)
			.optional(),
		/** Records opened on the PAS during the step (or, for an audit step, the whole attempt), from its audit trail. */
		opened: z
			.array(
				z.object({
					patient: z.number().int().nonnegative(),
					reason: z.string().max(40),
					name: z.string().max(120).optional()
				})
			)
			.max(500)
			.optional()
	})
	.refine((a) => a.choice !== undefined || a.date !== undefined);
export type DpAnswer = z.infer<typeof answerSchema>;

/** The law or principle each rule rests on (handbook 4.1-4.4, 5.1), named in every piece of feedback. */
const PRINCIPLES: Partial<Record<RuleId, string>> = {
	'sar.one-month': 'UK GDPR Article 12(3): respond within one month',
	'sar.working-day': 'UK GDPR Article 12(3) with the ICO’s counting rule',
	'sar.clock-start': 'UK GDPR Article 12A (stopping the clock)',
	'sar.extension': 'UK GDPR Article 12(3): extension by two months for complex or numerous requests',
	'sar.any-channel': 'UK GDPR Article 15 (right of access) and Article 12',
	'sar.free': 'UK GDPR Article 12(5): no fee by default',
	'sar.fee': 'UK GDPR Article 12(5): a fee only for manifestly unfounded or excessive requests',
	'sar.proportionate-id':
		'UK GDPR Article 12(6) (reasonable doubts about identity) and Article 5(1)(c) data minimisation',
	'sar.child': 'UK GDPR Article 15; the child’s own right of access (Gillick competence)',
	'sar.capacity': 'Mental Capacity Act 2005 (attorneys and deputies) with UK GDPR Article 15',
	'sar.signed-authority': 'UK GDPR Article 15 through an agent; Caldicott principle 6 (comply with the law)',
	'sar.insurers': 'Access to Medical Reports Act 1988; Caldicott principle 3 (minimum necessary)',
	'sar.all-parts':
		'UK GDPR Article 15 and Article 15(1A) (reasonable and proportionate search); the Records Management Code covers all formats',
	'sar.third-party': 'DPA 2018 Schedule 2 Part 3 (information about other people)',
	'sar.health-professionals': 'DPA 2018 Schedule 2 Part 3, with the ICO’s guidance on health professionals',
	'sar.serious-harm': 'DPA 2018 Schedule 3 (health data: the serious harm test)',
	'ahra.applicants': 'Access to Health Records Act 1990, section 3',
	'ahra.scope': 'Access to Health Records Act 1990, sections 3 and 5',
	'ahra.time-limit': 'Access to Health Records Act 1990, section 3(5)',
	'disclosure.deceased':
		'Access to Health Records Act 1990; the duty of confidentiality continues after death',
	'disclosure.police':
		'DPA 2018 Schedule 2 Part 1 paragraph 2 (permits but does not compel); common law duty of confidentiality; Caldicott principle 6',
	'disclosure.police-emergency':
		'UK GDPR Article 6(1)(d) vital interests and the overriding public interest (common law)',
	'disclosure.court-order': 'A legal requirement (court order): UK GDPR Article 6(1)(c)',
	'disclosure.who-decides':
		'Caldicott principle 6 (someone responsible for lawful use: the Caldicott Guardian)',
	'disclosure.solicitor': 'Common law duty of confidentiality; UK GDPR Article 15 through an agent',
	'disclosure.call-back': 'UK GDPR Article 5(1)(f) integrity and confidentiality',
	'disclosure.no-automatic-right': 'Common law duty of confidentiality; Caldicott principle 4 (need to know)',
	'disclosure.record-call': 'UK GDPR Article 5(2) accountability',
	'disclosure.secure-email':
		'UK GDPR Article 5(1)(f) security; Caldicott principle 3 (minimum necessary); Secure Email Standard DCB1596',
	'consent.explicit': 'Common law duty of confidentiality (explicit consent); Caldicott principle 1',
	'consent.direct-care':
		'Common law duty of confidentiality (implied consent for care); Caldicott principle 7 (the duty to share for care)',
	'access.need-to-know': 'Caldicott principle 4 (strict need-to-know); DPA 2018 section 170 offence',
	'access.audit-trail':
		'UK GDPR Article 5(2) accountability; Caldicott principle 4 (need-to-know); DPA 2018 section 170 offence',
	'sar.child-competence':
		'UK GDPR Article 15: the right belongs to the child; Gillick competence (common law); DPA 2018 s.208 in Scotland',
	'sar.child-confidences': 'DPA 2018 Schedule 3 paragraph 4 (what a child gave in confidence)',
	'breach.grading':
		'UK GDPR Article 33(1) (risk to rights and freedoms), graded on the DSPT incident notification guide',
	'breach.tell-individuals': 'UK GDPR Article 34: tell people without undue delay when the risk is high',
	'breach.record-decision': 'UK GDPR Article 33(5): document every breach and the decision taken',
	'security.smartcard':
		'UK GDPR Article 5(1)(f) integrity and confidentiality; Caldicott principle 5 (know your responsibilities)',
	'security.clear-desk': 'UK GDPR Article 5(1)(f) integrity and confidentiality',
	'security.clear-screen': 'UK GDPR Article 5(1)(f) integrity and confidentiality',
	'security.transport': 'UK GDPR Article 5(1)(f) integrity and confidentiality',
	'breach.misdirected-email': 'UK GDPR Articles 33 and 34 (breach notification); Article 5(2) accountability',
	'breach.ico-72-hours': 'UK GDPR Article 33: notify the ICO within 72 hours of becoming aware',
	'breach.report-everything': 'UK GDPR Article 33(5): record every breach; Caldicott principle 5',
	'retention.legal-hold': 'Records Management Code of Practice 2021 (holds); litigation disclosure duties',
	'retention.moratorium':
		'Records Management Code of Practice 2021, Appendix I; Inquiries Act 2005 section 35',
	'retention.place-of-deposit': 'Public Records Act 1958; Records Management Code of Practice 2021 section 5',
	'retention.appraisal': 'Records Management Code of Practice 2021 (appraisal); UK GDPR Article 5(1)(e)',
	'retention.destroy-certificate':
		'Records Management Code of Practice 2021 (secure destruction and its record)'
};

/** The principle a rule rests on, in words a new starter can look up. */
export function principleFor(id: RuleId): string {
	const named = PRINCIPLES[id];
	if (named) return named;
	if (id.startsWith('retention.'))
		return 'Records Management Code of Practice 2021, Appendix II retention schedule; UK GDPR Article 5(1)(e) storage limitation';
	if (id.startsWith('sar.')) return 'UK GDPR Article 15 (right of access)';
	return 'Common law duty of confidentiality; UK GDPR Article 5';
}

export function ruleRef(id: RuleId): RuleRef {
	const meta = RULES[id];
	return {
		id,
		handbook: meta.handbook,
		text: `${meta.title}: ${meta.summary.replace(/\.$/, '')}. Principle: ${principleFor(id)}`
	};
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Monday 5 October 2026" (and ", 14:30" for date-times): how dates read in UK letters. */
export function longDate(iso: string): string {
	const m = ISO_DATE.exec(iso);
	if (!m) return iso;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const day = DAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
	return `${day} ${d} ${MONTHS[mo - 1]} ${y}${m[4] ? ` at ${m[4]}:${m[5]}` : ''}`;
}

function reasonText(reasons: readonly Reason[]): string {
	const seen = new Set<string>();
	return reasons
		.map((r) => r.text)
		.filter((t) => (seen.has(t) ? false : (seen.add(t), true)))
		.join(' ');
}

function labelOf(step: DpStep, id: string): string {
	return step.choices.find((c) => c.id === id)?.label ?? id;
}

function responseOf(step: DpStep, a: DpAnswer): { value: string; text: string } {
	if (step.input === 'date' || step.input === 'datetime')
		return { value: a.date ?? '', text: a.date ? longDate(a.date) : 'no date' };
	const choice = a.choice ?? '';
	const needsDate = step.dateFor?.includes(choice);
	return {
		value: needsDate ? `${choice}@${a.date ?? ''}` : choice,
		text: `${labelOf(step, choice)}${needsDate ? `, until ${a.date ? longDate(a.date) : 'no date given'}` : ''}`
	};
}

/** Judges an answer against a step's fixed key. Pure and total: a malformed answer is simply wrong. */
function judgeKeyed(step: DpStep, answer: DpAnswer): Judgement {
	const { key } = step;
	const principle = principleFor(key.rule);
	const because = reasonText(key.reasons);
	const response = responseOf(step, answer);
	const correctValues =
		step.input === 'choice-date' && key.correctDate
			? key.correct.map((c) => (step.dateFor?.includes(c) ? `${c}@${key.correctDate}` : c))
			: key.correct;
	const base = {
		response,
		correct: { values: correctValues, text: key.correctText },
		maxPoints: step.maxPoints,
		outcomes: step.outcomes,
		rule: ruleRef(key.rule)
	};
	const say = (outcome: DecisionOutcome, lead: string): Judgement => ({
		...base,
		outcome,
		explanation: `${lead} ${because} Principle: ${principle}.`
	});

	if (step.input === 'date' || step.input === 'datetime') {
		const right = key.correct[0];
		if (answer.date === right) return say('correct', `Right: ${longDate(right)}.`);
		return say(
			key.wrongDate,
			`You entered ${answer.date ? longDate(answer.date) : 'no date'}; the right answer is ${longDate(right)}.`
		);
	}
	const choice = answer.choice ?? '';
	if (key.correct.includes(choice)) {
		if (step.dateFor?.includes(choice) && key.correctDate && answer.date !== key.correctDate) {
			return say(
				key.wrongDate,
				`Right decision, but the date is wrong: you entered ${answer.date ? longDate(answer.date) : 'no date'}; the record must be kept until ${longDate(key.correctDate)}.`
			);
		}
		return say('correct', 'Right.');
	}
	const outcome = key.wrong[choice] ?? 'major';
	// "What should have happened" is shown beside this, so the lead says only how serious the mistake is.
	return say(
		outcome,
		outcome === 'critical'
			? 'This is a critical error: it breaks the law on confidentiality or records.'
			: 'Not the right action here.'
	);
}

const RANK: Record<DecisionOutcome, number> = { correct: 0, minor: 1, major: 2, critical: 3 };

export const AUDIT_CHOICES: Choice[] = [
	{ id: 'nothing-to-report', label: 'Nothing to report: every record I opened today was for my work' },
	{
		id: 'report-own-access',
		label: 'Tell my manager or the IG team now about a record I opened without needing it'
	}
];

function openedText(opened: readonly DpOpened[]): string {
	if (!opened.length) return 'no records opened on the PAS';
	return `records opened on the PAS: ${opened.map((o) => `${o.name ?? `patient ${o.patient}`} (${o.reason})`).join('; ')}`;
}

type DpOpened = NonNullable<DpAnswer['opened']>[number];

/**
 * The learner's own audit trail, judged by the domain (handbook 3.5, 4.11, 4.12). For a `find` step the trail must
 * show the task's record opened with a fitting reason; for any step, opening someone the learner knows with no
 * task is critical, and opening a record no task needed is major.
 */
function judgeTrail(
	check: PasCheck,
	opened: readonly AccessEntry[]
): { outcome: DecisionOutcome; rule: RuleId; text: string } {
	const audit = auditAccess(opened, check.work, check.known, check.rules);
	const notes: { outcome: DecisionOutcome; rule: RuleId; text: string }[] = [];
	for (const e of audit.entries) {
		if (e.verdict === 'curiosity')
			notes.push({
				outcome: 'critical',
				rule: e.reasons[0].rule,
				text: `Critical: you opened a record with no work reason. ${e.reasons[0].text}`
			});
		else if (e.verdict === 'not-needed')
			notes.push({
				outcome: 'major',
				rule: e.reasons[0].rule,
				text: `You opened a record no task needed. ${e.reasons[0].text}`
			});
		else if (e.verdict === 'wrong-reason')
			notes.push({ outcome: 'minor', rule: e.reasons[0].rule, text: e.reasons[0].text });
	}
	if (check.mode === 'find' && check.target !== undefined && !opened.some((o) => o.patient === check.target))
		notes.push({
			outcome: 'major',
			rule: 'access.audit-trail',
			text: `Your audit trail shows you did not open ${check.targetName ?? 'the patient'}’s record, so your answer was not checked against it: find the patient on the PAS and open the record, giving your reason (handbook 3.5).`
		});
	if (!notes.length) return { outcome: 'correct', rule: 'access.need-to-know', text: '' };
	const worst = notes.reduce((w, n) => (RANK[n.outcome] > RANK[w.outcome] ? n : w));
	const seen = new Set<string>();
	const text = notes
		.map((n) => n.text)
		.filter((t) => (seen.has(t) ? false : (seen.add(t), true)))
		.join(' ');
	return { outcome: worst.outcome, rule: worst.rule, text };
}

function judgeAudit(step: DpStep, check: PasCheck, answer: DpAnswer): Judgement {
	const opened = answer.opened ?? [];
	const audit = auditAccess(opened, check.work, check.known, check.rules);
	const right = audit.shouldReport ? 'report-own-access' : 'nothing-to-report';
	const choice = answer.choice ?? '';
	const outcome: DecisionOutcome =
		choice === right
			? 'correct'
			: audit.shouldReport
				? audit.worst === 'curiosity'
					? 'critical'
					: 'major'
				: 'minor';
	const flagged = audit.entries.filter((e) => e.verdict === 'curiosity' || e.verdict === 'not-needed');
	const found = flagged.length
		? `Your trail shows ${flagged.length === 1 ? 'a record' : `${flagged.length} records`} opened without a need: ${flagged.map((e) => (e.entry as DpOpened).name ?? `patient ${e.entry.patient}`).join(', ')}.`
		: `Your trail shows ${opened.length ? `${opened.length === 1 ? 'one record' : `${opened.length} records`}, each needed for your work${audit.entries.some((e) => e.verdict === 'permitted-self') ? ' or your own, which this trust allows' : ''}` : 'no records opened'}.`;
	const lead =
		outcome === 'correct'
			? 'Right.'
			: outcome === 'critical'
				? 'This is a critical error: hiding access without a work reason conceals an incident.'
				: 'Not the right answer here.';
	const because = reasonText(audit.reasons);
	return {
		outcome,
		response: { value: choice, text: `${labelOf(step, choice)} (${openedText(opened)})` },
		correct: { values: [right], text: labelOf(step, right) },
		maxPoints: step.maxPoints,
		outcomes: step.outcomes,
		rule: ruleRef('access.audit-trail'),
		explanation: `${lead} ${found} ${because} Principle: ${principleFor('access.audit-trail')}.`
	};
}

/**
 * Judges an answer: against the step's key, and for a PAS step also against the learner's own audit trail, the
 * worse of the two deciding the outcome. Pure and total: a malformed answer is simply wrong.
 */
export function judgeStep(step: DpStep, answer: DpAnswer): Judgement {
	const check = step.pas;
	if (!check) return judgeKeyed(step, answer);
	if (check.mode === 'audit') return judgeAudit(step, check, answer);
	const keyed = judgeKeyed(step, answer);
	const opened = answer.opened ?? [];
	const trail = judgeTrail(check, opened);
	const response = { ...keyed.response, text: `${keyed.response.text} (${openedText(opened)})` };
	if (trail.outcome === 'correct') return { ...keyed, response };
	const worse = RANK[trail.outcome] > RANK[keyed.outcome];
	return {
		...keyed,
		response,
		outcome: worse ? trail.outcome : keyed.outcome,
		rule: worse ? ruleRef(trail.rule) : keyed.rule,
		explanation: `${keyed.explanation} ${trail.text}`
	};
}

function stepOf(c: DpCase, id: string): DpStep {
	const s = c.steps.find((x) => x.id === id);
	if (!s) throw new RangeError(`No step ${id}`);
	return s;
}

/** A day off the right date, for model tests: the wrong date a learner might enter. */
function offByOne(date: string): string {
	const m = ISO_DATE.exec(date)!;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
	return d.toISOString().slice(0, 10) + (m[4] ? `T${m[4]}:${m[5]}` : '');
}

/**
 * Builds a linear ScenarioKind from a setup function that returns the steps. Every other part of the kind is
 * shared, so the five kinds differ only in the cases they build and the domain functions they call.
 */
export function linearKind<TParams>(spec: {
	kind: string;
	family?: Family;
	machineVersion: number;
	paramsSchema: z.ZodType<TParams>;
	build: (params: TParams, seed: number, today: string) => DpCase;
}): ScenarioKind<TParams, DpCase, DpAnswer, DpView> {
	return {
		kind: spec.kind,
		family: spec.family ?? 'data-protection',
		machineVersion: spec.machineVersion,
		paramsSchema: spec.paramsSchema,
		answerSchema: answerSchema as unknown as z.ZodType<DpAnswer>,
		setup: (definition, seed, today) => spec.build(definition.params, seed, today),
		firstStep: (c) => c.steps[0].id,
		view(c, stepId): StepView<DpView> {
			const step = stepOf(c, stepId);
			return {
				id: step.id,
				index: c.steps.indexOf(step),
				total: c.steps.length,
				prompt: step.prompt,
				choices: step.choices,
				data: {
					title: step.title,
					panels: step.panels,
					input: step.input,
					dateFor: step.dateFor ?? [],
					dateLabel: step.dateLabel ?? 'Date',
					pas: step.pas
						? {
								mode: step.pas.mode,
								trust: step.pas.trust,
								defaultReason: step.pas.defaultReason,
								sessionKey: `${spec.kind}-${String(step.pas.trust.seed)}`
							}
						: null
				}
			};
		},
		judge: (c, stepId, answer) => judgeStep(stepOf(c, stepId), answer),
		next(c, stepId) {
			const i = c.steps.findIndex((s) => s.id === stepId);
			return i >= 0 && i + 1 < c.steps.length ? c.steps[i + 1].id : null;
		},
		hint: (c, stepId) => stepOf(c, stepId).hint,
		possiblePoints: (c) => c.steps.reduce((sum, s) => sum + s.maxPoints, 0),
		answerOptions(c, stepId) {
			const step = stepOf(c, stepId);
			if (step.pas) return pasAnswerOptions(step, step.pas);
			const right = step.key.correct[0];
			if (step.input === 'date' || step.input === 'datetime')
				return [{ date: right }, { date: offByOne(right) }];
			const date = step.key.correctDate;
			const options: DpAnswer[] = step.choices.map((ch) =>
				step.dateFor?.includes(ch.id) ? { choice: ch.id, date: date ?? '2030-01-01' } : { choice: ch.id }
			);
			if (step.input === 'choice-date' && date && step.dateFor?.includes(right))
				options.push({ choice: right, date: offByOne(date) });
			return options;
		}
	};
}

/** The trail a careful learner leaves: each record a task needed, opened once with the task's first reason. */
export function perfectTrail(check: PasCheck): DpOpened[] {
	if (check.mode === 'avoid') return [];
	if (check.mode === 'find')
		return check.work
			.filter((w) => w.patient === check.target)
			.slice(0, 1)
			.map((w) => ({ patient: w.patient, reason: w.reasons[0] }));
	return check.work.map((w) => ({ patient: w.patient, reason: w.reasons[0] }));
}

function pasAnswerOptions(step: DpStep, check: PasCheck): DpAnswer[] {
	const perfect = perfectTrail(check);
	const ids = check.mode === 'audit' ? AUDIT_CHOICES.map((ch) => ch.id) : step.choices.map((ch) => ch.id);
	const options: DpAnswer[] = ids.map((choice) => ({ choice, opened: perfect }));
	const right = perfectAnswer(step).choice!;
	if (check.known.length)
		options.push({
			choice: right,
			opened: [...perfect, { patient: check.known[0].patient, reason: 'enquiry' }]
		});
	if (check.mode === 'find') options.push({ choice: right, opened: [] });
	return options;
}

/** The answer a careful learner gives: for tests and the e2e journeys. */
export function perfectAnswer(step: DpStep): DpAnswer {
	if (step.pas?.mode === 'audit') return { choice: 'nothing-to-report', opened: perfectTrail(step.pas) };
	if (step.pas) return { choice: step.key.correct[0], opened: perfectTrail(step.pas) };
	const right = step.key.correct[0];
	if (step.input === 'date' || step.input === 'datetime') return { date: right };
	if (step.dateFor?.includes(right)) return { choice: right, date: step.key.correctDate };
	return { choice: right };
}
