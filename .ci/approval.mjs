// A discount over a salesperson's own limit, approved by a colleague who may (issue 24, item 2),
// in Chromium with three browser contexts as three devices, on 8 December 2026 in Jakarta:
// Budi Pratama (5 %, demo key BP) asks 8 % for PT Gamma; the console makes it a request for
// Sari Dewi (sales manager, approves up to 20 %), which the client's page prices without the
// discount; Sari approves it in her console; the client's page then applies the 8 % and says who
// approved it and when, on screen and on paper; Budi records the approved link, and his register
// says so; a changed approval applies nothing, anywhere.
// Usage: node .ci/approval.mjs [dist]
import { mkdir } from 'node:fs/promises';
import { launch, serve, checks, consoleWith } from './browser.mjs';

const dist = process.argv[2] ?? 'dist';
const { origin, close } = await serve(dist);
const browser = await launch();
await mkdir('target/screenshots', { recursive: true });
const { check, finish } = checks();
const problems = [];

/** A console with `key` loaded, in a context of its own, at 10:00 in Jakarta. */
const consoleAt = (key, lang = 'en') => consoleWith(browser, origin, { key, lang, problems });

/** The client's page for `link`, at noon in Jakarta on the 9th. */
async function client(link, lang = 'en', width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === 'id' ? 'id-ID' : 'en-US', timezoneId: 'Asia/Jakarta', serviceWorkers: 'block' });
  await context.clock.setFixedTime(new Date('2026-12-09T05:00:00Z'));
  await context.addInitScript((code) => localStorage.setItem('biaya-bpo.lang', code), lang);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(link);
  await page.waitForSelector('[data-testid="quote-signature"]:not([data-state="checking"])');
  await page.waitForSelector('.document', { state: 'attached' });
  return { context, page };
}

const amount = (text) => Number(String(text).replace(/[^0-9]/g, ''));

// Budi asks 8 %: over his 5 %, within what Sari may approve.
const budi = await consoleAt('tests/fixtures/demo-key-bp.jwk');
await budi.page.click('[data-testid="activity-sales"]');
await budi.page.waitForSelector('[data-testid="console-monthly"]');
await budi.page.click('[data-testid="console-confirm-examples"]').catch(() => null);
await budi.page.fill('[data-testid="console-client"]', 'PT Gamma');
const help = await budi.page.textContent('#console-discount-help');
check('his limit and how far an approval goes are under the discount', help.includes('At most 5% off the monthly charges for Budi Pratama; up to 20% with approval.'), help);
await budi.page.fill('[data-testid="console-discount"]', '21');
const over = await budi.page.textContent('[data-testid="error-console-discount"]').catch(() => '');
check('21 % is over what anyone may approve: refused at the field', over.includes('at most 20%'), over);
await budi.page.fill('[data-testid="console-discount"]', '8');
const asking = await budi.page.textContent('[data-testid="console-issue-status"]');
check('8 % is a request: the form says who must approve it', asking.includes('Over your limit (5%): Sari Dewi must approve it.'), asking);
check('and the button asks for approval rather than issuing', (await budi.page.$('[data-testid="console-issue"]')) === null && (await budi.page.$('[data-testid="console-request-approval"]')) !== null);
await budi.page.click('[data-testid="console-request-approval"]');
await budi.page.waitForSelector('[data-testid="console-issued-link"]');
const request = await budi.page.textContent('[data-testid="console-issued-link"]');
const title = await budi.page.textContent('[data-testid="console-issued"] h4');
const toSari = await budi.page.getAttribute('[data-testid="console-whatsapp"]', 'href');
check('the request goes to Sari on WhatsApp, with its link', title === 'Approval requested' && toSari.startsWith('https://wa.me/6281200000000?text=') && decodeURIComponent(toSari).includes('Please approve a discount of 8% on quotation NLY/BP/2026/12/'), `${title} ${decodeURIComponent(toSari).slice(0, 200)}`);
check('the request is signed by Budi, 8 % asked', request.includes('&disc=8&') && request.includes('&key=BP-740312&sig='), request);
const waiting = await budi.page.textContent('[data-testid="register-approval"]');
check('his register says it awaits approval', waiting === 'Awaiting approval', waiting);
await budi.page.screenshot({ path: 'target/screenshots/approval-requested-en-1280.png', fullPage: false });

// The request, opened by a client: Budi's quotation, without the discount.
const asked = await client(request);
const askedMonthly = amount(await asked.page.textContent('[data-testid="total-monthly"]'));
check('the request stands on the client\'s page, its discount not applied', (await asked.page.getAttribute('[data-testid="quote-signature"]', 'data-state')) === 'valid' && (await asked.page.$('[data-testid="quote-over-limit"]')) !== null && (await asked.page.$('[data-testid="quote-approved-by"]')) === null);
await asked.context.close();

// Sari approves it in her console, in Indonesian.
const sari = await consoleAt('tests/fixtures/demo-key.jwk', 'id');
await sari.page.fill('[data-testid="console-approval-link"]', request);
await sari.page.waitForSelector('[data-testid="console-approval-finding"][data-state="approvable"]', { timeout: 10000 }).catch(() => null);
const reading = await sari.page.textContent('[data-testid="console-approval-finding"]');
check('Sari reads the request: number, client, who asks, 8 % over a 5 % limit', reading.includes('untuk PT Gamma, ditandatangani Budi Pratama: diskon 8% (batasnya 5%)'), reading);
await sari.page.click('[data-testid="console-approve"]');
await sari.page.waitForSelector('[data-testid="console-approved-link"]');
const approved = await sari.page.textContent('[data-testid="console-approved-link"]');
check('her approval is the request countersigned with her key and the day', approved.startsWith(`${request}&ok=SD-14cd3d&okd=2026-12-08&osig=`), approved);
check('every quotation link stays within 2,048 characters', approved.length - approved.indexOf('#') - 1 <= 2048, String(approved.length));
const backToBudi = await sari.page.getAttribute('[data-testid="console-approved-whatsapp"]', 'href');
check('it goes back to Budi on WhatsApp', backToBudi.startsWith('https://wa.me/6281300000000?text='), backToBudi);
await sari.page.screenshot({ path: 'target/screenshots/approval-approve-id-1280.png', fullPage: false });
// Her own quotation she may not approve, and one within its signer's limit needs none.
await sari.page.fill('[data-testid="console-approval-link"]', approved);
await sari.page.waitForSelector('[data-testid="console-approval-finding"][data-state="elsewhere"]', { timeout: 10000 }).catch(() => null);
check('the approved link, pasted again, reads approved', (await sari.page.textContent('[data-testid="console-approval-finding"]')).includes('disetujui oleh Sari Dewi pada 8 Desember 2026'));

// The approved link on the client's page: 8 % off, and who approved it, on screen and on paper.
for (const [lang, width, line] of [['en', 375, 'Discount approved by: Sari Dewi, Sales Manager, 8 December 2026'], ['id', 1280, 'Diskon disetujui oleh: Sari Dewi, Manajer Penjualan, 8 Desember 2026']]) {
  const reader = await client(approved, lang, width);
  const said = await reader.page.textContent('[data-testid="quote-approved-by"]').catch(() => '');
  check(`${lang} ${width}: the page names the approval`, said === line, said);
  const monthly = amount(await reader.page.textContent('[data-testid="total-monthly"]'));
  // 8 % off the recurring charges: 0.92 of the undiscounted month, to the rupiah.
  check(`${lang} ${width}: the month is 8 % less than the request's`, Math.abs(monthly - askedMonthly * 0.92) <= 1 && monthly < askedMonthly, `${monthly} against ${askedMonthly}`);
  const paper = await reader.page.textContent('.document');
  check(`${lang} ${width}: the printed quotation names it too`, paper.includes(lang === 'en' ? 'Discount approved by' : 'Diskon disetujui oleh') && paper.includes('Sari Dewi'), paper.slice(0, 200));
  await reader.page.screenshot({ path: `target/screenshots/approval-approved-${lang}-${width}.png`, fullPage: false });
  await reader.context.close();
}

// A changed approval (another day) applies nothing, on the page and in the console.
const changed = approved.replace('okd=2026-12-08', 'okd=2026-12-09');
const tampered = await client(changed);
check('a changed approval: the page says it does not hold and applies no discount', (await tampered.page.$('[data-testid="quote-approval-void"]')) !== null && amount(await tampered.page.textContent('[data-testid="total-monthly"]')) === askedMonthly);
await tampered.context.close();
await budi.page.fill('[data-testid="console-approval-link"]', changed);
await budi.page.waitForSelector('[data-testid="console-approval-finding"][data-state="bad"]', { timeout: 10000 }).catch(() => null);
check('and the console will not record it', (await budi.page.$('[data-testid="console-record-approval"]')) === null && (await budi.page.getAttribute('[data-testid="console-approval-finding"]', 'data-state')) === 'bad');

// Budi records the approved link: his register shows one row for the quotation, approved.
await budi.page.fill('[data-testid="console-approval-link"]', approved);
await budi.page.waitForSelector('[data-testid="console-record-approval"]', { timeout: 10000 }).catch(() => null);
await budi.page.click('[data-testid="console-record-approval"]');
await budi.page.waitForSelector('[data-testid="register-approval"][data-state="approved"]', { timeout: 10000 }).catch(() => null);
const rows = await budi.page.$$eval('[data-testid="register-row"]', (trs) => trs.map((tr) => tr.textContent));
const cell = await budi.page.textContent('[data-testid="register-approval"]');
check('his register: one row, approved by Sari with the day', rows.length === 1 && cell === 'approved by Sari Dewi, 8 December 2026', `${rows.length} ${cell}`);
const recorded = await budi.page.textContent('[data-testid="console-approval-finding"]');
check('and the card says it is recorded', recorded === 'The approval is recorded in the register.', recorded);
await budi.page.screenshot({ path: 'target/screenshots/approval-recorded-en-1280.png', fullPage: false });

check('no script error', problems.length === 0, problems.join(' | '));
await browser.close();
close();
process.exit(finish('approval'));
