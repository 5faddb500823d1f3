/// <reference lib="webworker" />
/**
 * Checks trainee progress files off the main thread (issue 11): hashing, parsing and verifying 200 files of a few
 * megabytes each would freeze the page and its progress bar, and several workers use every core.
 */
import { verifyProgressFile } from '../db/cohort';

export type VerifyRequest = {
	job: number;
	bytes: ArrayBuffer;
	fileName: string;
	importedAt: string;
	known: string[] | null;
};
export type VerifyResponse = { job: number; result: Awaited<ReturnType<typeof verifyProgressFile>> };

let known = new Set<string>();

addEventListener('message', async (event: MessageEvent<VerifyRequest>) => {
	const { job, bytes, fileName, importedAt } = event.data;
	if (event.data.known) known = new Set(event.data.known);
	let result: VerifyResponse['result'];
	try {
		result = await verifyProgressFile(bytes, fileName, importedAt, known);
	} catch {
		result = {
			ok: false,
			fileName,
			problem: 'The file could not be read. Try choosing it again.'
		};
	}
	// The attempts' bytes are handed over, not copied: they are most of the file.
	postMessage({ job, result } satisfies VerifyResponse, {
		transfer: result.ok === true ? [result.file.dataJson.buffer] : []
	});
});
