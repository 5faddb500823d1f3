import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	csvCell,
	decisionTable,
	extractCohortFile,
	filterAttempts,
	median,
	mergeCohort,
	NO_FILTERS,
	scenarioTable,
	summariseCohort,
	summariseFiles,
	summaryPart,
	combineParts,
	finishSummary,
	toCsv,
	traineeTable,
	type CohortAttempt,
	type CohortDecision,
	type CohortFile
} from './cohort';

function decision(step: string, outcome: CohortDecision['outcome'], response = 'Accept'): CohortDecision {
	return {
		seq: 0,
		step,
		prompt: `Prompt for ${step}`,
		response: { value: response, text: response },
		correct: { values: ['reject'], text: 'Reject' },
		outcome,
		maxPoints: 2,
		points: outcome === 'correct' ? 2 : 0,
		outcomes: [],
		rule: { id: 'nhs.modulus-11', handbook: '1.2', text: 'Check the NHS number' },
		explanation: 'Because.',
		timeTakenMs: 1000,
		at: '2026-11-01T10:00:00.000Z'
	};
}

function attempt(over: Partial<CohortAttempt> & { id: string; profileId: string }): CohortAttempt {
	return {
		definitionId: 'nhs-number-check-gentle',
		definitionVersion: 1,
		title: 'NHS number check',
		family: 'identification',
		mode: 'practice',
		outcomes: ['ihrim.unique-identifiers'],
		status: 'finished',
		startedAt: '2026-11-01T10:00:00.000Z',
		updatedAt: '2026-11-01T10:10:00.000Z',
		finishedAt: '2026-11-01T10:10:00.000Z',
		summary: {
			percent: 80,
			passed: true,
			points: 8,
			possiblePoints: 10,
			criticalErrors: 0,
			rubricVersion: 1,
			elapsedMs: 600_000,
			outcomesEvidenced: ['ihrim.unique-identifiers']
		},
		decisions: [],
		hints: [],
		result: null,
		...over
	};
}

function file(sha256: string, trainees: [string, string][], attempts: CohortAttempt[]): CohortFile {
	return {
		sha256,
		fileName: `${sha256}.json`,
		importedAt: '2026-11-25T00:00:00.000Z',
		exportedAt: '2026-11-24T00:00:00.000Z',
		appVersion: 'test',
		trainees: trainees.map(([id, name]) => ({ id, name, role: 'apprentice' })),
		attempts,
		skippedAttempts: 0
	};
}

const fail = (id: string, profileId: string, percent = 40, extra: Partial<CohortAttempt> = {}) =>
	attempt({
		id,
		profileId,
		summary: { ...attempt({ id, profileId }).summary!, percent, passed: false, outcomesEvidenced: [] },
		...extra
	});

describe('median', () => {
	it.each([
		[[], null],
		[[5], 5],
		[[3, 1, 2], 2],
		[[4, 1, 3, 2], 2.5],
		[[10, 10, 0], 10]
	])('median(%j) is %j', (values, expected) => {
		expect(median(values)).toBe(expected);
	});
});

describe('summariseCohort', () => {
	const ada = file(
		'a',
		[['p-ada', 'Ada']],
		[
			attempt({
				id: '1',
				profileId: 'p-ada',
				decisions: [decision('item-1', 'major', 'Accept'), decision('item-2', 'correct')]
			}),
			fail('2', 'p-ada', 40, {
				mode: 'assessment',
				definitionId: 'nhs-number-check-assessment',
				title: 'NHS number check (assessment)',
				startedAt: '2026-11-10T09:00:00.000Z',
				updatedAt: '2026-11-10T09:20:00.000Z',
				decisions: [decision('item-1', 'critical', 'Accept anyway')]
			})
		]
	);
	const ben = file(
		'b',
		[['p-ben', 'Ben']],
		[
			attempt({
				id: '3',
				profileId: 'p-ben',
				summary: { ...attempt({ id: '3', profileId: 'p-ben' }).summary!, elapsedMs: 200_000 },
				decisions: [decision('item-1', 'major', 'Accept')]
			}),
			attempt({ id: '4', profileId: 'p-ben', status: 'in-progress', summary: null, finishedAt: null })
		]
	);

	const cases: { name: string; filters: Partial<typeof NO_FILTERS>; attempts: number; passed: number }[] = [
		{ name: 'no filters', filters: {}, attempts: 4, passed: 2 },
		{ name: 'practice only', filters: { mode: 'practice' }, attempts: 3, passed: 2 },
		{ name: 'assessment only', filters: { mode: 'assessment' }, attempts: 1, passed: 0 },
		{ name: 'from a date', filters: { from: '2026-11-05' }, attempts: 1, passed: 0 },
		{ name: 'up to a date', filters: { to: '2026-11-01' }, attempts: 3, passed: 2 },
		{ name: 'an assignment', filters: { assignmentId: 'week-1' }, attempts: 1, passed: 0 },
		{ name: 'a deleted assignment', filters: { assignmentId: 'gone' }, attempts: 0, passed: 0 }
	];
	const assignments = [
		{ id: 'week-1', title: 'Week 1', items: [{ definitionId: 'nhs-number-check-assessment' }] }
	];
	it.each(cases)('$name', ({ filters, attempts, passed }) => {
		const s = summariseCohort([ada, ben], { ...NO_FILTERS, ...filters }, assignments);
		expect(s.totals.attempts).toBe(attempts);
		expect(s.totals.passed).toBe(passed);
	});

	it('gives each trainee, scenario and decision point its figures', () => {
		const s = summariseCohort([ada, ben], NO_FILTERS, []);
		expect(s.trainees.map((t) => [t.name, t.attempts, t.finished, t.passed, t.passRate])).toEqual([
			['Ada', 2, 2, 1, 50],
			['Ben', 2, 1, 1, 100]
		]);
		expect(s.trainees[0].outcomesCovered).toBe(1);
		const practice = s.scenarios.find((r) => r.definitionId === 'nhs-number-check-gentle')!;
		expect(practice).toMatchObject({ attempts: 3, finished: 2, passed: 2, trainees: 2, passRate: 100 });
		expect(practice.medianTimeMs).toBe(400_000);
		const item1 = s.decisionPoints.find(
			(d) => d.definitionId === 'nhs-number-check-gentle' && d.step === 'item-1'
		)!;
		expect(item1).toMatchObject({ answered: 2, wrong: 2, wrongRate: 100 });
		expect(item1.topWrong).toEqual([{ text: 'Accept', count: 2 }]);
		expect(s.decisionPoints[0].wrong).toBeGreaterThanOrEqual(s.decisionPoints.at(-1)!.wrong);
	});

	it('counts an attempt found in two files once, keeping the copy saved last', () => {
		const early = file(
			'x',
			[['p', 'Cleo']],
			[
				attempt({
					id: '9',
					profileId: 'p',
					status: 'in-progress',
					summary: null,
					updatedAt: '2026-11-01T10:01:00.000Z'
				})
			]
		);
		const late = file('y', [['p', 'Cleo']], [attempt({ id: '9', profileId: 'p' })]);
		for (const order of [
			[early, late],
			[late, early]
		]) {
			const s = summariseCohort(order, NO_FILTERS, []);
			expect(s.totals).toMatchObject({ trainees: 1, attempts: 1, finished: 1, passed: 1 });
		}
	});
});

// Property tests: random cohorts, random filters.
const arbDecision = fc.record({
	step: fc.constantFrom('item-1', 'item-2', 'item-3'),
	outcome: fc.constantFrom('correct', 'minor', 'major', 'critical') as fc.Arbitrary<
		CohortDecision['outcome']
	>,
	response: fc.constantFrom('Accept', 'Reject', '=cmd', 'Leave it')
});
const arbAttempt = fc.record({
	id: fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5', 'a6'),
	profileId: fc.constantFrom('p1', 'p2', 'p3'),
	definitionId: fc.constantFrom('s1', 's2', 's3'),
	mode: fc.constantFrom('practice', 'assessment') as fc.Arbitrary<'practice' | 'assessment'>,
	status: fc.constantFrom('finished', 'in-progress', 'abandoned') as fc.Arbitrary<CohortAttempt['status']>,
	day: fc.integer({ min: 1, max: 28 }),
	minute: fc.integer({ min: 0, max: 59 }),
	percent: fc.integer({ min: 0, max: 100 }),
	decisions: fc.array(arbDecision, { maxLength: 5 })
});
type AttemptSpec = typeof arbAttempt extends fc.Arbitrary<infer T> ? T : never;
const arbFile = fc.record({
	sha: fc.constantFrom('f1', 'f2', 'f3', 'f4'),
	attempts: fc.array(arbAttempt, { maxLength: 8 })
});

function buildFile(f: { sha: string; attempts: AttemptSpec[] }): CohortFile {
	const attempts = f.attempts.map((a) => {
		const at = `2026-11-${String(a.day).padStart(2, '0')}T10:${String(a.minute).padStart(2, '0')}:00.000Z`;
		return attempt({
			id: a.id,
			profileId: a.profileId,
			definitionId: a.definitionId,
			title: a.definitionId,
			mode: a.mode,
			status: a.status,
			startedAt: at,
			updatedAt: at,
			summary:
				a.status === 'in-progress'
					? null
					: { ...attempt({ id: '', profileId: '' }).summary!, percent: a.percent, passed: a.percent >= 60 },
			decisions: a.decisions.map((d) => decision(d.step, d.outcome, d.response))
		});
	});
	return file(
		f.sha,
		[
			['p1', 'One'],
			['p2', 'Two'],
			['p3', 'Three']
		],
		attempts
	);
}

const arbFilters = fc.record({
	assignmentId: fc.constantFrom('', 'w1'),
	from: fc.constantFrom('', '2026-11-05', '2026-11-15'),
	to: fc.constantFrom('', '2026-11-20', '2026-11-10'),
	mode: fc.constantFrom('', 'practice', 'assessment') as fc.Arbitrary<'' | 'practice' | 'assessment'>
});
const assignments = [{ id: 'w1', title: 'Week 1', items: [{ definitionId: 's1' }, { definitionId: 's3' }] }];

describe('cohort properties', () => {
	it('counts add up: trainees, scenarios and decision points account for every attempt and decision', () => {
		fc.assert(
			fc.property(fc.array(arbFile, { maxLength: 5 }), arbFilters, (raw, filters) => {
				const s = summariseCohort(raw.map(buildFile), filters, assignments);
				const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
				expect(sum(s.trainees.map((t) => t.attempts))).toBe(s.totals.attempts);
				expect(sum(s.scenarios.map((r) => r.attempts))).toBe(s.totals.attempts);
				expect(sum(s.trainees.map((t) => t.passed))).toBe(s.totals.passed);
				expect(sum(s.scenarios.map((r) => r.passed))).toBe(s.totals.passed);
				expect(sum(s.decisionPoints.map((d) => d.answered))).toBe(s.totals.decisions);
				for (const t of s.trainees) expect(t.passed <= t.finished && t.finished <= t.attempts).toBe(true);
				for (const d of s.decisionPoints) {
					expect(d.wrong).toBeLessThanOrEqual(d.answered);
					expect(sum(d.topWrong.map((w) => w.count))).toBeLessThanOrEqual(d.wrong);
				}
			})
		);
	});

	it('re-importing is idempotent and file order does not matter', () => {
		fc.assert(
			fc.property(fc.array(arbFile, { minLength: 1, maxLength: 4 }), arbFilters, (raw, filters) => {
				const files = raw.map(buildFile);
				const once = summariseCohort(files, filters, assignments);
				expect(summariseCohort([...files, ...files], filters, assignments)).toEqual(once);
				expect(summariseCohort([...files].reverse(), filters, assignments)).toEqual(once);
			})
		);
	});

	it("adding up the files' parts gives exactly the tables made from every attempt, reading only shared files", () => {
		fc.assert(
			fc.property(fc.array(arbFile, { maxLength: 6 }), fc.boolean(), (raw, distinct) => {
				const files = raw.map((f, i) => {
					const built = buildFile(f);
					// Titles, rule texts and scores that differ from attempt to attempt, so "the first attempt to meet a
					// step" and "the newest attempt of a scenario" must be the same ones however the files are added.
					built.attempts = built.attempts.map((a, j) => ({
						...a,
						id: distinct ? `${i}-${j}-${a.id}` : a.id,
						title: `${a.definitionId} (${a.startedAt.slice(8, 16)})`,
						summary: a.summary && { ...a.summary, percent: Math.min(100, a.summary.percent + (j % 10) / 10) },
						decisions: a.decisions.map((d, k) => ({
							...d,
							rule: { ...d.rule, text: `${a.id} ${d.step} ${k} in file ${i}` }
						}))
					}));
					return { ...built, part: summaryPart(built.attempts) };
				});
				const read: string[] = [];
				const fromParts = summariseFiles(files, (f) => {
					read.push(f.sha256);
					return f.attempts;
				});
				expect(fromParts).toEqual(summariseCohort(files, NO_FILTERS, []));
				const keys = files.flatMap((f) => f.attempts.map((a) => `${a.profileId} ${a.id}`));
				if (new Set(keys).size === keys.length) {
					expect(read).toEqual([]);
					// Parts as they are kept (encoded) add up to the same tables, and to the same keys.
					const trainees = mergeCohort(files).trainees;
					const combined = combineParts(files.map((f) => f.part));
					expect(finishSummary(trainees, combined)).toEqual(fromParts);
					expect(combined.keys.sort()).toEqual(keys.map((k) => k.replace(' ', '\u0000')).sort());
				}
			})
		);
	});

	it('filters only ever narrow', () => {
		fc.assert(
			fc.property(fc.array(arbFile, { maxLength: 4 }), arbFilters, (raw, filters) => {
				const all = mergeCohort(raw.map(buildFile)).attempts;
				const some = filterAttempts(all, filters, assignments);
				expect(some.every((a) => all.includes(a))).toBe(true);
			})
		);
	});
});

describe('CSV', () => {
	it.each([
		['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
		['+44 20', '"\'+44 20"'],
		['-1', '"\'-1"'],
		['@SUM(A1)', '"\'@SUM(A1)"'],
		['\tTab', '"\'\tTab"'],
		['Ada, Lovelace', '"Ada, Lovelace"'],
		['Plain', 'Plain'],
		['line\nbreak', '"line\nbreak"']
	])('csvCell(%j) is %s', (input, expected) => {
		expect(csvCell(input)).toBe(expected);
	});
	it('keeps numbers as numbers', () => {
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(12.5)).toBe('12.5');
	});
	it('never lets a cell start with a formula character, whatever the text', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				const cell = csvCell(text);
				const inner = cell.startsWith('"') ? cell.slice(1) : cell;
				expect(/^[=+\-@\t\r]/.test(inner)).toBe(false);
			})
		);
	});
	it('exports every table with a header row, one line per row and the synthetic marker', () => {
		const s = summariseCohort(
			[
				file(
					'a',
					[['p', '=Evil']],
					[attempt({ id: '1', profileId: 'p', decisions: [decision('s', 'major', '@x')] })]
				)
			],
			NO_FILTERS,
			[]
		);
		for (const table of [traineeTable(s), scenarioTable(s), decisionTable(s)]) {
			const lines = toCsv(table).trimEnd().split('\r\n');
			expect(lines[0]).toContain('synthetic training data');
			expect(lines).toHaveLength(2 + table.rows.length);
			expect(lines[1].split(',')).toHaveLength(table.headers.length);
		}
		expect(toCsv(traineeTable(s))).toContain("'=Evil");
		expect(toCsv(decisionTable(s))).toContain("'@x");
	});
});

describe('extractCohortFile', () => {
	const row = (id: string, extra: Record<string, unknown> = {}) => ({
		id,
		profileId: 'p1',
		definitionId: 'nhs-number-check-gentle',
		startedAt: '2026-11-01T10:00:00.000Z',
		status: 'finished',
		definition: { title: 'NHS number check', family: 'identification', mode: 'practice', outcomes: [] },
		...extra
	});

	it('leaves out trainer previews without calling them unreadable', () => {
		const backup = {
			data: {
				profiles: [{ id: 'p1', name: 'Ada', role: 'apprentice' }],
				tables: { attempts: [row('a1'), row('a2', { preview: true })] }
			}
		};
		const f = extractCohortFile(backup as never, { sha256: 'ab', fileName: 'f.json', importedAt: '' });
		expect(f.attempts.map((a) => a.id)).toEqual(['a1']);
		expect(f.skippedAttempts).toBe(0);
	});
});
