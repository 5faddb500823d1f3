import { describe, expect, it } from 'vitest';
import { patientRecord, patientSummary } from '../../generator/index';
import { getBuiltInDefinition, getKind } from '../registry';
import { playThrough } from '../testing/play';
import { clinicPreparation, shelfWalkOrder, type ClinicPrepCase } from './clinic-preparation';
import { compareTerminalDigit } from '../../domain/filing-order';
import { trustOf } from './common';
import { missingNotes, type MissingCase } from './missing-notes';
import { registrationCheck, type RegistrationCase } from './registration-check';
import { urgentRequest, type UrgentCase } from './urgent-request';
import { buildPasIndex, searchPas } from '../../pas/search-index';

const TODAY = '2026-11-25';
const def = (id: string) => getBuiltInDefinition(id)!;

describe('clinic preparation', { timeout: 60_000 }, () => {
	const c = clinicPreparation.setup(
		def('clinic-preparation-realistic') as never,
		11,
		TODAY
	) as ClinicPrepCase;
	const trust = trustOf(c.trust);

	it('is the same case for the same seed, and lists the patients the definition asks for', () => {
		expect(clinicPreparation.setup(def('clinic-preparation-realistic') as never, 11, TODAY)).toEqual(c);
		expect(c.slots).toHaveLength(5);
		expect(c.clinic.date).toBe('2026-11-26');
	});

	it('plants look-alikes that a name and DOB search cannot tell apart, and notes out of the library', () => {
		const traps = c.slots.filter((s) => s.trap);
		expect(traps.length).toBeGreaterThan(0);
		for (const s of traps) {
			const a = patientSummary(trust, s.listed.index);
			const b = patientSummary(trust, s.trap!.index);
			expect(b.surname).toBe(a.surname);
			expect(b.dateOfBirth).toBe(a.dateOfBirth);
			expect(b.nhsNumber).not.toBe(a.nhsNumber);
		}
		expect(c.slots.some((s) => s.volume.tracked.kind !== 'library')).toBe(true);
	});

	it('judges the look-alike as a critical error and names the rule and handbook section', () => {
		const s = c.slots.find((x) => x.trap)!;
		const j = clinicPreparation.judge(c, `find-${s.slot}`, { patient: s.trap!.index });
		expect(j.outcome).toBe('critical');
		expect(j.explanation).toMatch(/handbook 1\.6, 1\.7/);
		expect(clinicPreparation.judge(c, `find-${s.slot}`, { patient: s.listed.index }).outcome).toBe('correct');
	});

	it('needs the right way to get the notes and tracking to the clinic', () => {
		const out = c.slots.find((x) => x.volume.tracked.kind !== 'library')!;
		const step = `get-${out.slot}`;
		expect(
			clinicPreparation.judge(c, step, { action: 'request-from-holder', trackedTo: 'clinic' }).outcome
		).toBe('correct');
		const pulled = clinicPreparation.judge(c, step, { action: 'pull-from-library', trackedTo: 'clinic' });
		expect(pulled.outcome).toBe('major');
		expect(pulled.rule.handbook).toBe('2.5');
		const untracked = clinicPreparation.judge(c, step, {
			action: 'request-from-holder',
			trackedTo: 'not-tracked'
		});
		expect(untracked.outcome).toBe('major');
		expect(untracked.explanation).toMatch(/handbook 2\.5/);
		expect(
			clinicPreparation.judge(c, step, { action: 'pull-closed-volume', trackedTo: 'clinic' }).explanation
		).toMatch(/2\.6|2\.5/);
	});

	it('tells the screen which volume is the current one, so only its tracking counts (handbook 2.6)', () => {
		for (const s of c.slots) {
			const r = patientRecord(trust, s.listed.index);
			expect(clinicPreparation.view(c, `get-${s.slot}`).data.volume).toBe(r.volumes.at(-1)!.number);
			expect(clinicPreparation.view(c, `find-${s.slot}`).data.volume).toBeNull();
		}
	});

	it('starts with the pull list of library folders, judged in terminal digit order (handbook 2.3)', () => {
		const onShelf = c.slots.filter((x) => x.volume.tracked.kind === 'library');
		expect(clinicPreparation.firstStep(c)).toBe('pull-order');
		expect(c.pull.map((p) => p.hospitalNumber)).toEqual(onShelf.map((x) => x.listed.hospitalNumber));
		const right = shelfWalkOrder(c.pull).map((p) => p.hospitalNumber);
		for (let i = 1; i < right.length; i++)
			expect(compareTerminalDigit(right[i - 1], right[i])).toBeLessThan(0);
		const good = clinicPreparation.judge(c, 'pull-order', { order: right });
		expect(good.outcome).toBe('correct');
		expect(good.rule.id).toBe('filing.terminal-digit');
		expect(good.explanation).toMatch(/filing\.terminal-digit, handbook 2\.3/);
		const swapped = clinicPreparation.judge(c, 'pull-order', {
			order: [right[1], right[0], ...right.slice(2)]
		});
		expect(swapped.outcome).toBe('minor');
		expect(swapped.explanation).toContain(right[0]);
		expect(clinicPreparation.judge(c, 'pull-order', { order: [...right].reverse() }).outcome).toBe(
			right.length > 2 ? 'major' : 'minor'
		);
		expect(() => clinicPreparation.judge(c, 'pull-order', { order: right.slice(1) })).toThrow(RangeError);
		expect(clinicPreparation.next(c, 'pull-order', { order: right })).toBe('find-1');
	});

	it('scores need-to-know from the PAS audit trail (rule access.need-to-know, handbook 3.5)', () => {
		const s = c.slots.find((x) => x.trap)!;
		const target = patientSummary(trust, s.listed.index);
		const twin = patientSummary(trust, s.trap!.index);
		const right = { patient: s.listed.index };
		const step = `find-${s.slot}`;
		const fair = clinicPreparation.judge(c, step, {
			...right,
			opened: [twin.hospitalNumber, target.hospitalNumber]
		});
		expect(fair.outcome).toBe('correct');
		let stranger = 0;
		while (
			patientSummary(trust, stranger).surname === target.surname ||
			patientSummary(trust, stranger).dateOfBirth === target.dateOfBirth
		)
			stranger++;
		const hn = patientSummary(trust, stranger).hospitalNumber;
		const nosy = clinicPreparation.judge(c, step, { ...right, opened: [target.hospitalNumber, hn] });
		expect(nosy.outcome).toBe('minor');
		expect(nosy.rule.id).toBe('access.need-to-know');
		expect(nosy.explanation).toContain(hn);
		expect(nosy.explanation).toMatch(/access\.need-to-know, handbook 3\.5/);
		// A worse mistake keeps its own outcome and rule; the note is still added.
		const wrong = clinicPreparation.judge(c, step, { patient: s.trap!.index, opened: [hn] });
		expect(wrong.outcome).toBe('critical');
		expect(wrong.explanation).toContain(hn);
	});

	it('leaves the pull-order step out when a definition turns it off', () => {
		const d = def('clinic-preparation-realistic');
		const off = clinicPreparation.setup(
			{ ...d, params: { ...(d.params as object), pullOrder: false } } as never,
			11,
			TODAY
		) as ClinicPrepCase;
		expect(off.pull).toEqual([]);
		expect(clinicPreparation.firstStep(off)).toBe('find-1');
	});

	it('a perfect run scores full marks and a wrong patient fails the assessment', () => {
		const kind = getKind('clinic-preparation')!;
		const d = def('clinic-preparation-assessment');
		const perfect = playThrough(kind, d, { seed: 3 }).context.result!;
		expect(perfect.percent).toBe(100);
		expect(perfect.passed).toBe(true);
		const wrong = playThrough(kind, d, {
			seed: 3,
			answer: (step, opts) => (step.startsWith('find') && opts.length > 2 ? opts[2] : opts[0])
		}).context.result!;
		expect(wrong.passed).toBe(false);
	});
});

describe('urgent request', { timeout: 60_000 }, () => {
	const c = urgentRequest.setup(def('urgent-request-realistic') as never, 5, TODAY) as UrgentCase;
	it('includes a call whose notes are out of the library and hides the number when the caller does not give it', () => {
		expect(c.calls.some((x) => x.tracked.kind !== 'library')).toBe(true);
		expect(urgentRequest.view(c, 'find-1').data.call.hospitalNumber).toBeNull();
		// At the send stage the screen judges the tracking of the current volume only (handbook 2.6).
		const trust = trustOf(c.trust);
		c.calls.forEach((call, k) =>
			expect(urgentRequest.view(c, `send-${k + 1}`).data.volume).toBe(
				patientRecord(trust, call.patient.index).volumes.at(-1)!.number
			)
		);
	});
	it('a temporary folder for notes that are only elsewhere is wrong (handbook 2.7)', () => {
		const j = urgentRequest.judge(c, 'send-1', { action: 'temporary-folder', trackedTo: 'ed' });
		expect(j.outcome).toBe('major');
		expect(j.explanation).toMatch(/handbook 2\.7/);
	});
	it('the right action tracked to the ED is correct', () => {
		const [right] = urgentRequest.answerOptions(c, 'send-1');
		expect(urgentRequest.judge(c, 'send-1', right).outcome).toBe('correct');
	});
});

describe('missing notes', { timeout: 60_000 }, () => {
	const c = missingNotes.setup(def('missing-notes-assessment') as never, 8, TODAY) as MissingCase;
	it('draws found and never-found cases and follows the procedure order', () => {
		expect(c.items.some((x) => x.foundAt === null)).toBe(true);
		expect(c.items.some((x) => x.foundAt !== null)).toBe(true);
		const lost = c.items.find((x) => x.foundAt === null)!;
		const steps: string[] = [];
		let step: string | null = `case-${lost.n}-first`;
		while (step && step.startsWith(`case-${lost.n}-`)) {
			steps.push(step.replace(`case-${lost.n}-`, ''));
			step = missingNotes.next(c, step, { choice: 'x' });
		}
		expect(steps).toEqual(['first', 'search', 'log', 'escalate', 'temporary', 'incident']);
	});
	it('a temporary folder first, or without authority, is wrong; feedback cites 2.7 and 2.8', () => {
		const first = missingNotes.judge(c, 'case-1-first', { choice: 'temporary-folder' });
		expect(first.outcome).toBe('major');
		expect(first.explanation).toMatch(/handbook 2\.8/);
		const lost = c.items.find((x) => x.foundAt === null)!;
		const t = missingNotes.judge(c, `case-${lost.n}-temporary`, { choice: 'temporary-no-authority' });
		expect(t.outcome).toBe('major');
		expect(t.explanation).toMatch(/handbook 2\.7/);
	});
});

describe('missing notes with several volumes (handbook 2.6)', { timeout: 60_000 }, () => {
	it('always asks for the current volume, and says which of how many when there are older ones', () => {
		let several = 0;
		for (let seed = 1; seed <= 40; seed++) {
			const m = missingNotes.setup(def('missing-notes-assessment') as never, seed, TODAY) as MissingCase;
			const trust = trustOf(m.trust);
			for (const item of m.items) {
				const r = patientRecord(trust, item.patient.index);
				const current = r.volumes.at(-1)!;
				expect(current.status).toBe('current');
				expect([item.volume, item.of]).toEqual([current.number, r.volumes.length]);
				const facts = missingNotes.view(m, `case-${item.n}-first`).data.facts[0];
				if (r.volumes.length > 1) {
					several++;
					expect(facts).toContain(`the current volume (volume ${current.number} of ${current.of})`);
				} else expect(facts).toContain(`needs volume 1 of ${item.patient.name}`);
			}
		}
		expect(several).toBeGreaterThan(0);
	});

	it('still reads a case saved before volumes were counted', () => {
		const m = missingNotes.setup(def('missing-notes-gentle') as never, 3, TODAY) as MissingCase;
		const old = { ...m, items: m.items.map(({ of: _of, ...rest }) => rest) };
		expect(missingNotes.view(old, 'case-1-first').data.facts[0]).toMatch(/needs volume \d+ of /);
	});
});

describe('registration check', { timeout: 60_000 }, () => {
	const c = registrationCheck.setup(
		def('registration-check-realistic') as never,
		4,
		TODAY
	) as RegistrationCase;
	const trust = trustOf(c.trust);
	const index = buildPasIndex(
		Array.from({ length: trust.settings.patients }, (_, i) => patientSummary(trust, i))
	);

	it('has one referral of each kind', () => {
		expect(c.referrals.map((r) => r.kind).sort()).toEqual(['changed-name', 'duplicate', 'new', 'typo']);
	});

	it('the existing record is findable on the PAS from what the referral says', () => {
		const typo = c.referrals.find((r) => r.kind === 'typo')!;
		const surname = typo.written.name.split(' ').pop()!;
		const hits = searchPas(index, { surname, dob: typo.written.dob }).hits.map((h) => h.patient.index);
		expect(hits).toContain(typo.existing[0]);
		const dup = c.referrals.find((r) => r.kind === 'duplicate')!;
		const [forename, ...rest] = dup.written.name.split(' ');
		const dupHits = searchPas(index, { surname: rest.pop()!, forename, dob: dup.written.dob }).hits.map(
			(h) => h.patient.index
		);
		expect(dupHits).toEqual(expect.arrayContaining(dup.existing));
	});

	it('registering someone who already has a record is critical; reporting the duplicate is right', () => {
		for (const r of c.referrals.filter((x) => x.kind !== 'new')) {
			const j = registrationCheck.judge(c, `referral-${r.n}`, { decision: 'register-new', patient: null });
			expect(j.outcome).toBe('critical');
			expect(j.explanation).toMatch(/handbook 3\./);
		}
		const dup = c.referrals.find((r) => r.kind === 'duplicate')!;
		expect(
			registrationCheck.judge(c, `referral-${dup.n}`, {
				decision: 'report-duplicate',
				patient: dup.existing[1]
			}).outcome
		).toBe('correct');
		const fresh = c.referrals.find((r) => r.kind === 'new')!;
		expect(
			registrationCheck.judge(c, `referral-${fresh.n}`, { decision: 'register-new', patient: null }).outcome
		).toBe('correct');
		expect(
			registrationCheck.judge(c, `referral-${fresh.n}`, { decision: 'existing', patient: fresh.decoy })
				.outcome
		).toBe('critical');
	});
});
