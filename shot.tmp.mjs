import { chromium } from 'playwright-core';
const [,, url, out, width, selector, height] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const p = await b.newPage({ viewport: { width: Number(width), height: Number(height ?? 900) } });
await p.goto(url);
if (selector) await p.locator(selector).first().scrollIntoViewIfNeeded();
if (selector) await p.evaluate((s) => document.querySelector(s).scrollIntoView(), selector);
await p.screenshot({ path: out });
await b.close();
