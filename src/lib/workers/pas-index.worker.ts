/// <reference lib="webworker" />
/**
 * The simulated PAS in a Web Worker: generating and indexing 100,000 patients takes seconds, which must not
 * freeze the page. Search and record requests are answered here; previous names and aliases are indexed in the
 * background between requests.
 */
import { PasService, type PasRequest, type PasResponse } from '../pas/service';

let service: PasService | null = null;
let namesTimer: ReturnType<typeof setTimeout> | null = null;
const post = (m: PasResponse) => postMessage(m);

function indexNamesLater() {
	if (namesTimer) clearTimeout(namesTimer);
	namesTimer = setTimeout(() => {
		if (!service) return;
		const done = service.addNamesChunk(2000);
		post({ type: 'names', done: service.namesDone, total: service.trust.settings.patients });
		if (!done) indexNamesLater();
	}, 0);
}

addEventListener('message', (event: MessageEvent<PasRequest>) => {
	const m = event.data;
	try {
		if (m.type === 'open') {
			service = new PasService(m.settings);
			post({
				type: 'ready',
				patients: service.trust.settings.patients,
				organisation: service.trust.organisation,
				today: service.trust.settings.today,
				generateMs: service.generateMs,
				buildMs: service.buildMs
			});
			indexNamesLater();
		} else if (!service) {
			post({ type: 'error', id: m.id, message: 'The PAS has no trust loaded yet.' });
		} else if (m.type === 'search') {
			const t = performance.now();
			const results = service.search(m.query, m.limit);
			post({ type: 'results', id: m.id, results, ms: performance.now() - t });
		} else if (m.type === 'record') {
			post({ type: 'record', id: m.id, ...service.record(m.patient) });
		}
	} catch (e) {
		post({
			type: 'error',
			id: 'id' in m ? m.id : undefined,
			message: e instanceof Error ? e.message : String(e)
		});
	}
});
