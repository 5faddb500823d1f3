/// <reference lib="webworker" />
/**
 * Checks trainee progress files off the main thread (issue 11): hashing, parsing and verifying 200 files of a few
 * megabytes each would freeze the page and its progress bar, and several workers use every core.
 */
import { verifyProgressFile } from '../db/cohort';

export type VerifyRequest = { job: number; file: File; importedAt: string; known: string[] | null };
export type VerifyResponse = { job: number; result: Awaited<ReturnType<typeof verifyProgressFile>> };

let known = new Set<string>();

addEventListener('message', async (event: MessageEvent<VerifyRequest>) => {
	const { job, file, importedAt } = event.data;
	if (event.data.known) known = new Set(event.data.known);
	let result: VerifyResponse['result'];
	try {
		result = await verifyProgressFile(await file.arrayBuffer(), file.name, importedAt, known);
	} catch {
		result = {
			ok: false,
			fileName: file.name,
			problem: 'The file could not be read. Try choosing it again.'
		};
	}
	postMessage({ job, result } satisfies VerifyResponse);
});
