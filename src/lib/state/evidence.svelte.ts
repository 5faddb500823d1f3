import { listAttempts } from '$lib/db/attempts';
import { deleteLearningRecord, getLearningRecord, putLearningRecord } from '$lib/db/learning-records';
import {
	buildEvidenceData,
	buildEvidencePack,
	evidenceFileName,
	type EvidenceData,
	type SignOff
} from '$lib/learning/evidence';
import { app } from './app.svelte';
import { downloadJson } from './download';
import { roleLabel } from './labels';

/** The active profile's evidence pack, built from its attempts, with the trainer's sign-off kept between visits. */
class EvidenceState {
	data = $state.raw<EvidenceData | null>(null);
	loadedFor = $state<string | null>(null);

	async load() {
		const db = app.db;
		const profile = app.active;
		if (!db || !profile) {
			this.data = null;
			this.loadedFor = null;
			return;
		}
		const [attempts, signOff] = await Promise.all([
			listAttempts(db, profile.id),
			getLearningRecord<SignOff>(db, profile.id, 'evidence-signoff')
		]);
		this.data = buildEvidenceData(
			{ name: profile.name, role: roleLabel(profile.role) },
			attempts,
			signOff ?? null,
			new Date().toISOString()
		);
		this.loadedFor = profile.id;
	}

	async saveSignOff(signOff: SignOff | null) {
		const db = app.db;
		const id = app.activeId;
		if (!db || !id || !this.data) return;
		if (signOff) await putLearningRecord(db, id, 'evidence-signoff', signOff);
		else await deleteLearningRecord(db, id, 'evidence-signoff');
		this.data = { ...this.data, signOff };
	}

	/** Hands the pack to the browser as a JSON download; returns the file name. */
	async download(): Promise<string> {
		if (!this.data) throw new Error('The evidence pack has not loaded yet.');
		const data = { ...this.data, generatedAt: new Date().toISOString() };
		const pack = await buildEvidencePack(data);
		const name = evidenceFileName(data.learner.name, data.generatedAt);
		downloadJson(JSON.stringify(pack, null, 1), name);
		return name;
	}
}

export const evidence = new EvidenceState();
