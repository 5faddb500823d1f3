import { chromium } from 'playwright';
const [, , url, out, w = '1280', h = '900'] = process.argv;
const b = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto(url);
await p.waitForSelector('main[data-app-ready="true"]').catch(() => {});
await p.waitForTimeout(300);
await p.screenshot({ path: out, fullPage: true });
await b.close();
