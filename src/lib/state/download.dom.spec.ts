import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, downloadJson, REVOKE_AFTER_MS } from './download';

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

function spyOnDownload() {
	const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test/123');
	const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
	const clicked: { href: string; download: string; inDocument: boolean }[] = [];
	vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
		clicked.push({ href: this.href, download: this.download, inDocument: this.isConnected });
	});
	return { create, revoke, clicked };
}

describe('downloadBlob', () => {
	it('clicks a link to an object URL of the blob, named for the file, then revokes the URL', () => {
		vi.useFakeTimers();
		const { create, revoke, clicked } = spyOnDownload();
		const blob = new Blob(['a,b\n'], { type: 'text/csv' });

		downloadBlob(blob, 'results 2026-11-26.csv');

		expect(create).toHaveBeenCalledExactlyOnceWith(blob);
		expect(clicked).toEqual([
			{ href: 'blob:test/123', download: 'results 2026-11-26.csv', inDocument: true }
		]);
		expect(document.querySelector('a[download]')).toBeNull();
		// Revoked later, not at once: the click only queues the download.
		expect(revoke).not.toHaveBeenCalled();
		vi.advanceTimersByTime(REVOKE_AFTER_MS);
		expect(revoke).toHaveBeenCalledExactlyOnceWith('blob:test/123');
	});
});

describe('downloadJson', () => {
	it('downloads the text as an application/json blob', async () => {
		vi.useFakeTimers();
		const { create, clicked } = spyOnDownload();

		downloadJson('{"a":1}', 'pack.json');

		const blob = create.mock.calls[0][0] as Blob;
		expect(blob.type).toBe('application/json');
		expect(await blob.text()).toBe('{"a":1}');
		expect(clicked.map((c) => c.download)).toEqual(['pack.json']);
	});
});
