/** The generator's entry points: a trust from settings, then patients on demand. */
import { coreFacts, defectLayout, parseTodayCached, summaryFromCore } from './core';
import { buildAnswerKey, DEFAULT_DEFECT_RATES } from './defects';
import { DEFAULT_TRUST_RULES } from '../domain/settings';
import { hospitalDigitCount, MAX_PATIENTS } from './identifiers';
import { buildOrganisation } from './organisation';
import { DEFAULT_LONG_HISTORY_SHARE } from './record';
import { hashSeed, mix32 } from './random';
import { GENERATOR_VERSION } from './version';
import type {
	DefectKind,
	DefectRates,
	HospitalNumberFormat,
	PatientSummary,
	Trust,
	TrustSettings
} from './types';

export { GENERATOR_VERSION };

/**
 * The hospital number format a trust uses: the domain library's LOCAL setting (handbook 1.5), its default unless
 * the settings give one, with `hospitalNumberPrefix` overriding the prefix.
 */
export function hospitalFormat(settings: TrustSettings): HospitalNumberFormat {
	const base = settings.hospitalNumber ?? DEFAULT_TRUST_RULES.hospitalNumber;
	return {
		prefix: settings.hospitalNumberPrefix ?? base.prefix,
		minDigits: base.minDigits,
		maxDigits: base.maxDigits
	};
}

/** Settings problems as plain sentences a trainer can act on; empty when the settings are usable. */
export function checkSettings(settings: TrustSettings): string[] {
	const problems: string[] = [];
	if (typeof settings.seed !== 'number' && typeof settings.seed !== 'string')
		problems.push('The seed must be a number or text.');
	else if (String(settings.seed).length === 0) problems.push('The seed is empty: give any number or word.');
	if (!Number.isInteger(settings.patients) || settings.patients < 1 || settings.patients > MAX_PATIENTS) {
		problems.push(
			`The number of patients must be a whole number from 1 to ${MAX_PATIENTS.toLocaleString('en-GB')}.`
		);
	}
	try {
		parseTodayCached(settings.today);
	} catch {
		problems.push(
			`"today" must be a real date written YYYY-MM-DD, for example 2026-11-25 (got ${JSON.stringify(settings.today)}).`
		);
	}
	const format = hospitalFormat(settings);
	if (!/^[A-Z]{0,3}$/.test(format.prefix)) {
		problems.push('The hospital number prefix must be up to three capital letters, or empty.');
	}
	if (
		!Number.isInteger(format.minDigits) ||
		!Number.isInteger(format.maxDigits) ||
		format.minDigits < 1 ||
		format.maxDigits > 12 ||
		format.minDigits > format.maxDigits
	) {
		problems.push(
			'The hospital number length must be whole numbers of digits from 1 to 12, the shortest no longer than the longest.'
		);
	} else if (Number.isInteger(settings.patients) && hospitalDigitCount(format, settings.patients) === null) {
		problems.push(
			`Hospital numbers of at most ${format.maxDigits} digits cannot give ${settings.patients.toLocaleString('en-GB')} patients a number each: allow longer numbers or make fewer patients.`
		);
	}
	for (const [kind, rate] of Object.entries(settings.defects ?? {})) {
		if (!(kind in DEFAULT_DEFECT_RATES))
			problems.push(
				`Unknown defect kind "${kind}". Known kinds: ${Object.keys(DEFAULT_DEFECT_RATES).join(', ')}.`
			);
		else if (typeof rate !== 'number' || !(rate >= 0 && rate <= 0.2))
			problems.push(`The rate for ${kind} must be between 0 and 0.2 (got ${rate}).`);
	}
	if (
		settings.longHistories !== undefined &&
		(typeof settings.longHistories !== 'number' ||
			!(settings.longHistories >= 0 && settings.longHistories <= 1))
	)
		problems.push(
			`The share of patients with long histories must be between 0 and 1 (got ${settings.longHistories}).`
		);
	return problems;
}

/**
 * Creates a trust: organisation, identifier keys and the defect answer key. Cheap (no patient is built except
 * those in the answer key); patients come from {@link patientSummary} and `patientRecord`.
 * @throws RangeError listing every settings problem.
 * @example const trust = createTrust({ seed: 42, patients: 1000, today: '2026-11-25' });
 */
export function createTrust(settings: TrustSettings): Trust {
	const problems = checkSettings(settings);
	if (problems.length) throw new RangeError(problems.join(' '));
	const seedHash = hashSeed(settings.seed);
	const format = hospitalFormat(settings);
	const defects: DefectRates = { ...DEFAULT_DEFECT_RATES, ...settings.defects };
	const trust: Trust = {
		generatorVersion: GENERATOR_VERSION,
		settings: {
			seed: settings.seed,
			patients: settings.patients,
			today: settings.today,
			hospitalNumber: format,
			hospitalNumberPrefix: format.prefix,
			defects,
			longHistories: settings.longHistories ?? DEFAULT_LONG_HISTORY_SHARE
		},
		seedHash,
		organisation: buildOrganisation(seedHash),
		answerKey: [],
		keys: {
			nhs: mix32(seedHash ^ 0x1111),
			hospital: mix32(seedHash ^ 0x2222),
			slots: mix32(seedHash ^ 0x3333),
			nhsDigit: mix32(seedHash ^ 0x4444) % 10
		}
	};
	const layout = defectLayout(trust);
	const used = layout.reduce((n, r) => n + r.width, 0);
	if (used > settings.patients) {
		throw new RangeError(
			`The defect rates need ${used} patients but the trust has ${settings.patients}: lower the rates or add patients.`
		);
	}
	trust.answerKey = buildAnswerKey(trust);
	return trust;
}

/** The searchable summary of patient i (NHS number, hospital number, names, DOB, sex, postcode). */
export function patientSummary(trust: Trust, i: number): PatientSummary {
	if (!Number.isInteger(i) || i < 0 || i >= trust.settings.patients) {
		throw new RangeError(`No patient ${i}: this trust has patients 0 to ${trust.settings.patients - 1}.`);
	}
	return summaryFromCore(coreFacts(trust, i));
}

/** Summaries of patients [from, to), for a search index or a paged table. */
export function patientSummaries(trust: Trust, from = 0, to = trust.settings.patients): PatientSummary[] {
	const out: PatientSummary[] = [];
	for (let i = Math.max(0, from); i < Math.min(to, trust.settings.patients); i++)
		out.push(summaryFromCore(coreFacts(trust, i)));
	return out;
}

/** Defects of one kind from the answer key. */
export function defectsOfKind(trust: Trust, kind: DefectKind) {
	return trust.answerKey.filter((d) => d.kind === kind);
}
