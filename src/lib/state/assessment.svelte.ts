import { getSetting, putSetting } from '$lib/db/settings';
import { getLearningRecord, putLearningRecord } from '$lib/db/learning-records';
import { listAttempts, type AttemptRow } from '$lib/db/attempts';
import {
	DEFAULT_SCENARIO_COUNT,
	parsePassMarks,
	pickAssessmentItems,
	scoreAssessment,
	type AssessmentPassMarks,
	type AssessmentResult,
	type AssessmentSession
} from '$lib/scenarios/assessment';
import { BUILT_IN_DEFINITIONS } from '$lib/scenarios/registry';
import { app } from './app.svelte';
import { newSeed } from './attempt.svelte';

/** Trust-wide pass marks, a LOCAL setting (handbook 7.1, 7.4) a trainer may change. */
export const PASS_MARKS_KEY = 'assessment:pass-marks';

export type ItemState =
	| { kind: 'not-started' }
	| { kind: 'in-progress'; attempt: AttemptRow }
	| { kind: 'finished'; attempt: AttemptRow };

/**
 * The active profile's mock assessment. The session stores only the plan (scenarios, cases, pass marks); which
 * attempts belong to it is worked out from the attempts table (same scenario and case, started after the session
 * began), so the player needs no knowledge of assessments and a reload loses nothing.
 */
class AssessmentState {
	passMarks = $state.raw<AssessmentPassMarks>(parsePassMarks(undefined));
	session = $state.raw<AssessmentSession | null>(null);
	items = $state.raw<ItemState[]>([]);
	result = $state.raw<AssessmentResult | null>(null);
	loadedFor = $state<string | null>(null);

	async load() {
		const db = app.db;
		const profileId = app.activeId;
		if (!db || !profileId) {
			this.session = null;
			this.items = [];
			this.result = null;
			this.loadedFor = null;
			return;
		}
		this.passMarks = parsePassMarks(await getSetting(db, PASS_MARKS_KEY));
		const session = (await getLearningRecord<AssessmentSession>(db, profileId, 'assessment-session')) ?? null;
		const attempts = session ? await listAttempts(db, profileId) : [];
		this.session = session;
		this.items = session
			? session.items.map((item): ItemState => {
					const mine = attempts.filter(
						(a) =>
							a.definitionId === item.definitionId && a.seed === item.seed && a.startedAt >= session.createdAt
					);
					const done = mine.find((a) => a.status === 'finished' && a.summary);
					if (done) return { kind: 'finished', attempt: done };
					const going = mine.find((a) => a.status === 'in-progress');
					return going ? { kind: 'in-progress', attempt: going } : { kind: 'not-started' };
				})
			: [];
		this.result = session
			? scoreAssessment(
					session.items,
					this.items.map((s) => (s.kind === 'finished' ? s.attempt.summary : null)),
					session.passMarks
				)
			: null;
		this.loadedFor = profileId;
	}

	async start(count = DEFAULT_SCENARIO_COUNT) {
		const db = app.db;
		const profileId = app.activeId;
		if (!db || !profileId) return;
		const seed = newSeed();
		const session: AssessmentSession = {
			id: crypto.randomUUID(),
			profileId,
			seed,
			createdAt: new Date().toISOString(),
			passMarks: this.passMarks,
			items: pickAssessmentItems(BUILT_IN_DEFINITIONS, count, seed)
		};
		await putLearningRecord(db, profileId, 'assessment-session', session);
		await this.load();
	}

	async savePassMarks(marks: AssessmentPassMarks) {
		if (!app.db) return;
		await putSetting(app.db, PASS_MARKS_KEY, marks);
		this.passMarks = marks;
	}
}

export const assessment = new AssessmentState();
