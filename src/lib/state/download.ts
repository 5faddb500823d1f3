/**
 * How long the object URL outlives the click. Revoking it at once can cancel the download in some browsers, since
 * the click only queues it; ten seconds is ample for the browser to have read the Blob.
 */
export const REVOKE_AFTER_MS = 10_000;

/**
 * Hands a Blob to the browser as a file download named `fileName`, through a temporary `<a download>` link. The
 * link is put in the document because some browsers ignore a click on a detached link, and removed straight after.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** `downloadBlob` for JSON text, the format of every file the app exports except the cohort CSV. */
export function downloadJson(text: string, fileName: string): void {
	downloadBlob(new Blob([text], { type: 'application/json' }), fileName);
}
