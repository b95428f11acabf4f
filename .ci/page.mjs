// The release build (dist/) as a visitor gets it: served on loopback, opened in Debian's Chromium
// at phone and desktop widths, in both languages. Checks what a person would notice and saves
// screenshots to target/screenshots/. Usage: node .ci/page.mjs [dist]
import { execFileSync } from 'node:child_process';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { launch, require, serve, checks } from './browser.mjs';

const dist = process.argv[2] ?? 'dist';
const shots = 'target/screenshots';
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const { origin, close } = await serve(dist);
const browser = await launch();
await mkdir(shots, { recursive: true });

/** Pages of a PDF: its page objects, not the /Pages tree. */
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/** FNV-1a of a link's fields, as src/link.rs checks them. */
function fnv(text) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
const today = new Date();
const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
/** A four-activity quotation issued today (tests/golden.rs's first link, dated today). */
const quoteFields = `v=1&t=2026-11&s=jakarta&k=36m&c=USD&l=id&f=30&call-centre=shared.45000.0.3000.1200~10&accounting=4000.1500.250.2.6~1&fulfilment=12000.9000.120.0.300.40~1&sales=3.40.150~1&for=PT%20Maju%20Jaya&by=Sari%20Dewi&contact=sari@contoh.co.id&ref=Q-118&d=${iso}`;
const quoteLink = `${quoteFields}&z=${fnv(quoteFields)}`;
/** The four activities as a quotation the demo key signed (tests/fixtures/signed-natively.txt). */
const signedQuote = (await readFile('tests/fixtures/signed-natively.txt', 'utf8')).trim();
/** The same four activities as a prospect's own estimate (.ci/bench.mjs's link). */
const fourActivities = 'v=1&t=2026-11&s=jakarta&k=36m&c=USD&l=id&f=30&call-centre=shared.45000.0.3000.1200~10&accounting=4000.1500.250.2.6~1&fulfilment=12000.9000.120.0.300.40~1&sales=3.40.150~1&z=a3f3cc3c';

const { check, finish } = checks();

// The parts below the totals are laid out only near the screen (content-visibility in
// src/ui/more.css): before measuring widths or taking a part's picture, every one is laid out,
// as scrolling to it would, so that nothing wider than the screen hides off it.
const wholly = (page) => page.evaluate(() => {
  for (const part of document.querySelectorAll('.breakdown, .compare, .staffing')) part.style.contentVisibility = 'visible';
});

const volumes = {
  'input-call-centre-minutes': { en: '45,000', id: '45.000' },
  'input-accounting-invoices': { en: '1,500', id: '1.500' },
  'input-fulfilment-orders': { en: '12,000', id: '12.000' },
  'input-sales-appointments': { en: '40', id: '40' },
};

for (const lang of ['id', 'en']) {
  for (const [width, height] of [[320, 640], [375, 812], [1280, 900]]) {
    const name = `${lang}-${width}`;
    const context = await browser.newContext({
      viewport: { width, height },
      locale: lang === 'id' ? 'id-ID' : 'en-US',
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const problems = [];
    const foreign = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('request', (r) => { if (!r.url().startsWith(origin)) foreign.push(r.url()); });

    await page.goto(origin, { waitUntil: 'load' });
    // Nothing chosen yet: an invitation, not a bill of zero.
    await page.waitForSelector('[data-testid="empty-invitation"]');
    check(`${name}: no totals before an activity is chosen`, (await page.$('[data-testid="total-monthly"]')) === null);
    for (const id of ['call-centre', 'accounting', 'fulfilment', 'sales']) {
      await page.click(`[data-testid="activity-${id}"]`);
    }
    for (const [testid, text] of Object.entries(volumes)) {
      await page.fill(`[data-testid="${testid}"]`, text[lang]);
    }
    // The totals are painted first; the method follows a frame later.
    await page.waitForSelector('[data-testid="method"]', { timeout: 5000 });
    const monthly = await page.textContent('[data-testid="total-monthly"]');
    const drawn = await page.$$eval('[data-testid^="curve-"], [data-testid^="estimate-"]', (es) => es.length);
    check(`${name}: a chart and a breakdown for each activity`, drawn === 8, `${drawn} of 8`);
    check(`${name}: first visit follows the browser's language`, (await page.getAttribute('html', 'lang')) === lang);
    check(`${name}: four activities give a monthly total`, /\d{3}/.test(monthly), monthly);
    await wholly(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(`${name}: nothing wider than the screen`, overflow <= 0, `${overflow}px too wide`);
    await page.fill('[data-testid="input-fulfilment-orders"]', 'abc');
    const error = await page.textContent('[data-testid="error-input-fulfilment-orders"]');
    check(`${name}: a bad volume shows its message`, error.length > 5, error);
    check(`${name}: and the total stays`, (await page.textContent('[data-testid="total-monthly"]')) === monthly);
    await page.screenshot({ path: `${shots}/${name}-error.png`, fullPage: false });
    await page.fill('[data-testid="input-fulfilment-orders"]', volumes['input-fulfilment-orders'][lang]);
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    if (width === 1280) {
      // The printed estimate: every line, the link and its QR code, on A4.
      const pdf = await page.pdf({ path: `${shots}/${name}-estimate.pdf`, format: 'A4', printBackground: true });
      check(`${name}: the four-activity estimate prints on two A4 pages at most`, pages(pdf) <= 2, `${pages(pdf)} pages`);
      const qr = await page.$eval('#print-qr', (e) => e.innerHTML);
      check(`${name}: printing draws the link's QR code`, qr.startsWith('<svg'), qr.slice(0, 40));
      // Written a moment after the last keystroke.
      await page.waitForTimeout(400);
      const shown = await page.textContent('[data-testid="share-link"]');
      check(`${name}: the address bar holds the shared link`, shown === page.url() && /#v=\d+&t=/.test(shown), `${shown} vs ${page.url()}`);
    }
    check(`${name}: no script error`, problems.length === 0, problems.join(' | '));
    const csp = await page.evaluate(() => window.__csp);
    check(`${name}: works under its Content-Security-Policy`, csp.length === 0, csp.join(' | '));
    const enforced = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      return window.__injected !== true;
    });
    check(`${name}: the policy is in force: an injected inline script does not run`, enforced);
    check(`${name}: no request to another host`, foreign.length === 0, foreign.join(' '));
    await context.close();
  }
}

// A quotation as its client opens it: the quote view, on a phone and a desktop in both languages,
// and on paper as a Surat Penawaran Harga of two A4 pages at most.
for (const lang of ['id', 'en']) {
  for (const [width, height] of [[375, 812], [1280, 900]]) {
    const name = `quote-${lang}-${width}`;
    const context = await browser.newContext({ viewport: { width, height }, locale: lang === 'id' ? 'id-ID' : 'en-US', serviceWorkers: 'block' });
    // The four-activity quotation signed with the demo key (tests/fixtures), read on a day it
    // stands: 10 December 2026 in Jakarta.
    await context.clock.setFixedTime(new Date('2026-12-10T03:00:00Z'));
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${origin}/#${signedQuote}`);
    await page.waitForSelector('[data-testid="quote-view"]');
    await page.waitForSelector('[data-testid="quote-signature"]:not([data-state="checking"])');
    await page.waitForSelector('.document', { state: 'attached' });
    check(`${name}: opens as a quotation, not the calculator`, (await page.$('[data-testid="input-call-centre-minutes"]')) === null);
    const until = await page.textContent('[data-testid="quote-valid-until"]');
    check(`${name}: says until when it is valid, as a letter writes a date`, until === (lang === 'id' ? '26 Februari 2027' : '26 February 2027'), until);
    check(`${name}: can be accepted`, (await page.$('[data-testid="quote-accept"]')) !== null);
    await wholly(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(`${name}: nothing wider than the screen`, overflow <= 0, `${overflow}px too wide`);
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: false });
    await page.screenshot({ path: `${shots}/${name}-full.png`, fullPage: true });
    if (width === 1280) {
      const pdf = await page.pdf({ path: `${shots}/${name}.pdf`, format: 'A4', printBackground: true });
      check(`${name}: the four-activity quotation prints on two A4 pages at most`, pages(pdf) <= 2, `${pages(pdf)} pages`);
      const title = await page.textContent('.document-title');
      check(`${name}: on paper it is a quotation`, title === (lang === 'id' ? 'SURAT PENAWARAN HARGA' : 'QUOTATION'), title);
      const qr = await page.$eval('#print-qr', (e) => e.innerHTML);
      check(`${name}: printing draws the quotation's QR code`, qr.startsWith('<svg'), qr.slice(0, 40));
    }
    check(`${name}: no script error`, problems.length === 0, problems.join(' | '));
    await context.close();
  }
}

// The estimate as a decision: every site and term side by side, the in-house side the buyer's
// own, on a phone and a desktop in both languages, with nothing wider than the screen.
for (const lang of ['id', 'en']) {
  for (const [width, height] of [[375, 812], [1280, 900]]) {
    const name = `compare-${lang}-${width}`;
    const context = await browser.newContext({ viewport: { width, height }, locale: lang === 'id' ? 'id-ID' : 'en-US', serviceWorkers: 'block' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.goto(origin);
    await page.waitForSelector('[data-testid="empty-invitation"]');
    await page.click('[data-testid="activity-call-centre"]');
    await page.click('[data-testid="activity-fulfilment"]');
    await page.waitForSelector('[data-testid="compare-sites"] tbody tr');
    const rows = await page.$$eval('[data-testid="compare-sites"] tbody tr', (rs) => rs.length);
    check(`${name}: a row for every site`, rows >= 3, `${rows} rows`);
    const fix = await page.$('[data-testid="fix-site-manila"]');
    check(`${name}: Manila says why it cannot, with the fix one click away`, fix !== null);
    await page.$eval('[data-testid="in-house-adjust"]', (d) => { d.open = true; });
    await page.fill('[data-testid="own-call-centre-wage"]', lang === 'id' ? '4.000.000' : '4,000,000');
    const refused = await page.textContent('[data-testid="error-own-call-centre-wage"]');
    check(`${name}: a wage under the minimum is refused with the minimum named`, /5[.,]729[.,]876/.test(refused), refused);
    await wholly(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(`${name}: nothing wider than the screen`, overflow <= 0, `${overflow}px too wide`);
    for (const part of ['compare-sites', 'compare-terms', 'in-house-adjust']) {
      await (await page.$(`[data-testid="${part}"]`)).screenshot({ path: `${shots}/${name}-${part}.png` });
    }
    if (fix) {
      await fix.click();
      await page.waitForFunction(() => document.querySelector('[data-testid="site"]').value === 'manila');
      check(`${name}: one click prices Manila`, (await page.$('[data-testid="error-site"]')) === null);
    }
    check(`${name}: no script error`, problems.length === 0, problems.join(' | '));
    await context.close();
  }
}

// A link pasted in a chat previews with the provider's name and a 1200 × 630 picture.
{
  const index = await readFile(`${dist}/index.html`, 'utf8');
  const image = index.match(/<meta property="og:image" content="([^"]+)"/)?.[1] ?? '';
  check('the page carries Open Graph and Twitter card tags', /^https:\/\/.+\/og\.png$/.test(image)
    && /<meta property="og:title" content="[^"]+"/.test(index) && /<meta name="twitter:card" content="summary_large_image"/.test(index), image);
  const png = await readFile(`${dist}/og.png`);
  const size = [png.readUInt32BE(16), png.readUInt32BE(20)];
  check('its picture is a 1200 × 630 PNG', png.subarray(1, 4).toString() === 'PNG' && size[0] === 1200 && size[1] === 630, size.join(' × '));
}

// Accessibility: axe-core's WCAG 2.1 A and AA rules, in the states a visitor meets, in both
// languages (the sales console's, with a quotation issued, below).
for (const lang of ['en', 'id']) {
  const locale = lang === 'id' ? 'id-ID' : 'en-US';
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  const audit = async (state, on = page) => {
    await on.evaluate(axeSource);
    const result = await on.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    const found = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
    check(`axe-${lang}, ${state}: no WCAG 2.1 A/AA violation`, found.length === 0, found.join(' | '));
  };
  await page.goto(origin);
  await page.waitForSelector('[data-testid="method"]');
  await audit('empty page');
  for (const id of ['call-centre', 'accounting', 'fulfilment', 'sales']) {
    await page.click(`[data-testid="activity-${id}"]`);
  }
  await audit('all four activities');
  // The comparisons and the in-house figures open, one of them refused.
  await page.waitForSelector('[data-testid="compare-terms"]');
  await page.$eval('[data-testid="in-house-adjust"]', (d) => { d.open = true; });
  await page.fill('[data-testid="own-sales-wage"]', '1');
  await page.waitForSelector('[data-testid="error-own-sales-wage"]');
  await audit('the comparisons open, an in-house figure refused');
  await page.fill('[data-testid="own-sales-wage"]', '');
  await page.fill('[data-testid="input-fulfilment-orders"]', '-12');
  await audit('an input showing an error');
  await page.fill('[data-testid="input-fulfilment-orders"]', '3000');
  // Dedicated agents sized from their calls: the traffic form, the staffing, every section open.
  await page.click('[data-testid="model-call-centre-dedicated"]');
  await page.click('[data-testid="sizing-call-centre"]');
  await page.waitForSelector('[data-testid="traffic-call-centre-calls"]');
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  await page.waitForTimeout(300);
  await audit('agents sized from their calls, every section open');
  // A site chosen in the comparison: the row's marker has the focus, the choice is said.
  await page.click('[data-testid="choose-site-yogyakarta"]');
  await page.waitForFunction(() => document.activeElement?.id === 'chosen-site');
  await audit('a site chosen in the comparison');
  const link = (await page.textContent('[data-testid="share-link"]')).split('#')[1];
  await context.close();
  const shared = await browser.newContext({ viewport: { width: 375, height: 812 }, locale });
  const opened = await shared.newPage();
  await opened.goto(`${origin}/#${link}`);
  await opened.waitForSelector('[data-testid="shared-notice"]');
  await opened.waitForSelector('[data-testid="chart-contributions"]');
  await audit('a page opened from a link', opened);
  await opened.goto(`${origin}/#${quoteLink}`);
  await opened.reload();
  await opened.waitForSelector('[data-testid="quote-view"]');
  await opened.waitForSelector('[data-testid^="estimate-"]');
  await audit('a quotation as its client opens it', opened);
  await shared.close();
}

// The landing page prerendered at build time (issue 16): what shows before the WebAssembly, to a
// visitor in each language, to one with a link, to a browser without JavaScript; and what a
// visitor did before the calculator started is kept.
{
  const shown = (page) => page.evaluate(() => {
    const visible = (e) => e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    return {
      lang: document.documentElement.lang,
      blocks: document.querySelectorAll('.prerender').length,
      prerender: document.querySelector('.prerender')?.getAttribute('lang') ?? null,
      picker: visible(document.querySelector('.prerender [data-testid="activity-call-centre"]')),
      opening: visible(document.querySelector('.prerender .opening-note')),
      currency: visible(document.querySelector('.prerender [data-testid="currency"]')),
      heading: document.querySelector('.prerender h1')?.textContent ?? '',
    };
  });
  for (const [locale, lang] of [['id-ID', 'id'], ['en-US', 'en']]) {
    // The WebAssembly held back: what the prerendered page shows on its own.
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(/\.wasm$/, () => {});
    await page.goto(origin, { waitUntil: 'domcontentloaded' });
    const before = await shown(page);
    check(`prerender-${lang}: the landing shows before the WebAssembly, in the visitor's language`, before.lang === lang && before.blocks === 1
      && before.prerender === lang && before.picker && before.currency && !before.opening, JSON.stringify(before));
    await page.screenshot({ path: `${shots}/prerender-${lang}-375.png` });
    // A new page: from the landing, the link would only move within it.
    const linked = await context.newPage();
    await linked.route(/\.wasm$/, () => {});
    await linked.goto(`${origin}/#${quoteLink}`, { waitUntil: 'domcontentloaded' });
    const link = await shown(linked);
    check(`prerender-${lang}: a visitor with a link sees it opening, not the landing's inputs nor its currency`, link.opening && !link.picker && !link.currency, JSON.stringify(link));
    await context.close();
  }
  {
    // A visitor whose draft is stored waits for it too.
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'id-ID', serviceWorkers: 'block' });
    await context.addInitScript(() => localStorage.setItem('biaya-bpo.draft', 'v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&sales=0.20&z=62d31751'));
    const page = await context.newPage();
    await page.route(/\.wasm$/, () => {});
    await page.goto(origin, { waitUntil: 'domcontentloaded' });
    const draft = await shown(page);
    check('prerender: a visitor with a stored draft sees it opening, not the landing', draft.opening && !draft.picker && !draft.currency, JSON.stringify(draft));
    await context.close();
  }
  {
    // Without JavaScript: the landing, readable, and a line saying the calculator needs it.
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-US', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(origin, { waitUntil: 'load' });
    const text = await page.textContent('body');
    check('prerender: without JavaScript the landing reads, and says the calculator needs it',
      (await page.isVisible('.noscript')) && (await page.isVisible('[data-testid="activity-call-centre"]')) && /JavaScript/.test(await page.textContent('.noscript')) && text.includes('Pusat panggilan'),
      await page.textContent('.noscript').catch(() => 'no line'));
    await page.screenshot({ path: `${shots}/prerender-noscript-375.png` });
    await context.close();
  }
  {
    // Ticked before the calculator started: still ticked after, and priced.
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-US', serviceWorkers: 'block' });
    const page = await context.newPage();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(origin, { waitUntil: 'domcontentloaded' });
    await page.click('.prerender [data-testid="activity-sales"]');
    await page.selectOption('.prerender [data-testid="currency"]', 'USD');
    release();
    await page.waitForSelector('[data-testid="total-monthly"]');
    const after = await page.evaluate(() => ({
      blocks: document.querySelectorAll('.prerender').length,
      sales: document.querySelector('[data-testid="activity-sales"]')?.checked,
      currency: document.querySelector('[data-testid="currency"]')?.value,
      total: document.querySelector('[data-testid="total-monthly"]')?.textContent,
    }));
    check('prerender: what was chosen before the calculator started is kept and priced', after.blocks === 0 && after.sales && after.currency === 'USD' && /USD/.test(after.total), JSON.stringify(after));
    await context.close();
  }
  {
    // Once the calculator runs, one page: the prerendered one gone, nothing twice.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(origin);
    await page.waitForSelector('[data-testid="empty-invitation"]');
    const once = await page.evaluate(() => ({ blocks: document.querySelectorAll('.prerender, template').length, pickers: document.querySelectorAll('[data-testid="activity-call-centre"]').length, opening: document.documentElement.classList.contains('opening') }));
    check('prerender: once the calculator runs, it alone is on the page', once.blocks === 0 && once.pickers === 1 && !once.opening, JSON.stringify(once));
    await context.close();
  }
}

// A link's figures before its forms (issue 16): the totals are drawn first, the forms, settings and
// footer after the first paint, below the picker, where nothing on the screen moves for them; and
// nothing moves from the first byte to the deferred parts either (the opening note under the
// provider's header, the notices' buttons styled by the first style sheet).
for (const [width, height] of [[375, 812], [1280, 900]]) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US', serviceWorkers: 'block' });
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push([e.startTime, e.value]);
    }).observe({ type: 'layout-shift', buffered: true });
    new MutationObserver((_, observer) => {
      if (!/[1-9]/.test(document.querySelector('[data-testid="total-monthly"]')?.textContent ?? '')) return;
      window.__first = {
        at: performance.now(),
        forms: document.querySelectorAll('.forms > *').length,
        busy: document.querySelector('.inputs')?.getAttribute('aria-busy'),
        settings: document.querySelector('#settings-title') !== null,
      };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const page = await context.newPage();
  await page.goto(`${origin}/#${fourActivities}`);
  await page.waitForSelector('[data-testid="input-sales-appointments"]');
  await page.waitForSelector('[data-testid="chart-contributions"]');
  await page.waitForTimeout(500);
  const seen = await page.evaluate(() => ({
    first: window.__first,
    forms: document.querySelectorAll('.forms > *').length,
    busy: document.querySelector('.inputs')?.getAttribute('aria-busy'),
    settings: document.querySelector('#settings-title') !== null,
    shift: Math.round(window.__shifts.reduce((a, [, v]) => a + v, 0) * 1000) / 1000,
  }));
  check(`first figures ${width}: a link's totals come before its forms, the forms and settings after, and nothing on the screen moves while it opens (layout shift ${seen.shift})`,
    seen.first?.forms === 0 && seen.first.busy === 'true' && !seen.first.settings
      && seen.forms === 4 && seen.busy === null && seen.settings && seen.shift < 0.001, JSON.stringify(seen));
  await context.close();
}

// The keyboard alone, a doubled default font and the bar at the foot of a phone (issue 15).
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(origin);
  await page.waitForSelector('[data-testid="empty-invitation"]');
  const focused = () => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.className ?? document.activeElement?.tagName);
  // The first Tab reaches the skip link; Enter moves to the summary without touching the address.
  await page.keyboard.press('Tab');
  check('keyboard: the first Tab reaches the skip link', (await focused()) === 'skip', await focused());
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  check('keyboard: the skip link moves focus to the summary', await page.evaluate(() => document.activeElement?.id === 'summary-title'), await focused());
  check('keyboard: and leaves the address alone, no alert', !page.url().includes('summary-title') && (await page.$('[role="alert"]')) === null, page.url());
  // Space on an activity chooses it and the focus stays there; the next Tab goes on from it.
  await page.focus('[data-testid="activity-call-centre"]');
  await page.keyboard.press('Space');
  await page.waitForSelector('[data-testid="total-monthly"]');
  check('keyboard: Space chooses an activity and the focus stays on it', (await focused()) === 'activity-call-centre', await focused());
  await page.keyboard.press('Tab');
  const next = await focused();
  await page.keyboard.press('Space');
  await page.waitForTimeout(200);
  check('keyboard: the next Tab goes on to the next activity, and Space chooses it too', next === 'activity-accounting' && (await focused()) === next
    && await page.isChecked('[data-testid="activity-accounting"]'), `${next} then ${await focused()}`);
  await page.keyboard.press('Space');
  await page.waitForTimeout(200);
  check('keyboard: Space again puts it back, the focus still there', (await focused()) === 'activity-accounting' && !(await page.isChecked('[data-testid="activity-accounting"]')), await focused());
  await context.close();
}
for (const lang of ['id', 'en']) {
  // A visitor whose browser's default font is 32 px, not 16, on the narrowest phone.
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: lang === 'id' ? 'id-ID' : 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await page.goto(origin);
  await page.waitForSelector('[data-testid="empty-invitation"]');
  for (const id of ['call-centre', 'accounting', 'fulfilment', 'sales']) {
    await page.click(`[data-testid="activity-${id}"]`);
  }
  await page.waitForSelector('[data-testid="chart-contributions"]');
  // Every model's fields: dedicated agents sized from their calls, every section opened.
  await page.click('[data-testid="model-call-centre-dedicated"]');
  await page.click('[data-testid="sizing-call-centre"]');
  await page.waitForSelector('[data-testid="traffic-call-centre-calls"]');
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  await page.waitForTimeout(600);
  // Every field shows its whole value (a doubled font once left 15 of them two characters wide).
  await wholly(page);
  const clipped = await page.$$eval('input[type="text"], select', (es) => es
    .filter((e) => e.offsetParent && e.scrollWidth > e.clientWidth + 1)
    .map((e) => `${e.dataset.testid}: ${e.clientWidth}px for ${e.scrollWidth}px`));
  check(`font-${lang}-320: every field shows its whole value`, clipped.length === 0, clipped.join(', '));
  const root = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  check(`font-${lang}-320: the page follows the browser's default font (32 px)`, root === '32px', root);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(`font-${lang}-320: nothing wider than the screen`, overflow <= 0, `${overflow}px too wide`);
  // The provider's logo stays 3 em square, not as wide as the screen.
  const logo = await page.$eval('.masthead .logo', (e) => Math.round(e.getBoundingClientRect().width));
  check(`font-${lang}-320: the logo keeps its size (3 em, 96 px)`, logo === 96, `${logo}px`);
  // The skip link waits above the page until it has the focus, however tall the font makes it.
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  const skip = await page.$eval('.skip', (e) => Math.round(e.getBoundingClientRect().bottom));
  check(`font-${lang}-320: the skip link out of sight until focused`, skip <= 0, `its foot at ${skip}px`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/font-${lang}-320.png` });
  await context.close();
}
{
  // On a phone, a field being typed in near the foot of the screen is not under the total bar.
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'id-ID', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(origin);
  await page.waitForSelector('[data-testid="empty-invitation"]');
  await page.click('[data-testid="activity-sales"]');
  await page.waitForSelector('.peek', { state: 'visible' });
  const field = '[data-testid="input-sales-appointments"]';
  // The field's foot at the screen's foot, where the bar is.
  await page.$eval(field, (e) => window.scrollBy(0, e.getBoundingClientRect().bottom - window.innerHeight + 4));
  await page.focus(field);
  await page.keyboard.type('5');
  const covered = await page.$eval(field, (e) => {
    const r = e.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, Math.min(r.bottom - 2, window.innerHeight - 2));
    return at === e ? '' : at?.outerHTML.slice(0, 80) ?? 'nothing';
  });
  check('phone: the bar at the foot does not hide the field being typed in', covered === '', covered);
  await page.evaluate(() => document.activeElement.blur());
  check('phone: the bar is back once no field is focused', await page.isVisible('.peek'));
  await context.close();
}

// The sales console (console.html) as a salesperson gets it, on a phone and a desktop in both
// languages: the demo key loaded from its file, a four-activity quotation issued with a
// negotiated discount. The link, signed by WebCrypto in the browser, verifies natively (the
// quote tool, p256) and opens as valid on the prospect's page; it is kept in
// target/signed-in-browser.txt.
const key = 'tests/fixtures/demo-key.jwk';
const secret = JSON.parse(await readFile(key, 'utf8')).d;
for (const lang of ['id', 'en']) {
  for (const [width, height] of [[375, 812], [1280, 900]]) {
    const name = `console-${lang}-${width}`;
    const context = await browser.newContext({ viewport: { width, height }, locale: lang === 'id' ? 'id-ID' : 'en-US', deviceScaleFactor: 1, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const problems = [];
    const foreign = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('request', (r) => { if (!r.url().startsWith(origin)) foreign.push(r.url()); });
    await page.goto(`${origin}/console.html`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="console-key"][data-state="ready"]');
    await page.waitForSelector('[data-testid="method"]', { timeout: 5000 });
    check(`${name}: opens in the visitor's language`, (await page.getAttribute('html', 'lang')) === lang);
    // The console comes first on its page: the first Tab still finds the way to the estimate.
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.dataset.testid);
    check(`${name}: the first Tab reaches a skip link to the estimate`, first === 'console-skip', String(first));
    await page.keyboard.press('Enter');
    const landed = await page.evaluate(() => document.activeElement?.id);
    check(`${name}: which moves the focus to the estimate`, landed === 'summary-title', String(landed));
    await page.screenshot({ path: `${shots}/${name}-no-key.png`, fullPage: false });
    await page.setInputFiles('[data-testid="console-key-file"]', key);
    await page.waitForSelector('[data-testid="console-signer"]');
    check(`${name}: says who signs`, (await page.textContent('[data-testid="console-signer"]')).includes('Sari Dewi'));
    for (const id of ['call-centre', 'accounting', 'fulfilment', 'sales']) {
      await page.click(`[data-testid="activity-${id}"]`);
    }
    await page.waitForSelector('[data-testid="console-monthly"]');
    // The four activities at their starting volumes: not issued until the salesperson confirms
    // them as the client's (or sets them to zero).
    await page.waitForSelector('[data-testid="console-examples"]');
    check(`${name}: starting volumes are not issued unconfirmed`, await page.isDisabled('[data-testid="console-issue"]'));
    await page.click('[data-testid="console-confirm-examples"]');
    await page.waitForSelector('[data-testid="console-examples"]', { state: 'detached' });
    const number = await page.inputValue('[data-testid="console-number"]');
    check(`${name}: proposes the month's first number, with this device's tag`, /^NLY\/SD\/\d{4}\/\d{2}\/0001-[0-9A-HJKMNP-TV-Z]{3}$/.test(number) && number.length <= 24, number);
    await page.fill('[data-testid="console-client"]', 'PT Maju Jaya');
    await page.fill('[data-testid="console-attention"]', 'Ibu Rina');
    await page.fill('[data-testid="console-discount"]', '12');
    const over = await page.textContent('[data-testid="error-console-discount"]').catch(() => '');
    check(`${name}: a discount over the limit is refused at its field`, /10\s?%/.test(over), over);
    await page.fill('[data-testid="console-discount"]', '5');
    await page.fill('[data-testid="console-note"]', 'Harga termasuk laporan mingguan.');
    await page.click('[data-testid="console-issue"]');
    await page.waitForSelector('[data-testid="console-issued-link"]');
    const link = await page.textContent('[data-testid="console-issued-link"]');
    check(`${name}: the link is for the prospect's page`, /^[^#]+\/#v=\d+&/.test(link) && link.startsWith(`${origin}/#v=`) && link.includes('&key=SD-14cd3d&sig='), link);
    const listed = await page.textContent('[data-testid="register"]');
    check(`${name}: the register lists it`, listed.includes(number) && listed.includes('PT Maju Jaya'), listed.slice(0, 200));
    const everything = await page.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...localStorage }));
    check(`${name}: the private key is in neither the page, its storage nor the link`, !everything.includes(secret) && !link.includes(secret));
    await wholly(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(`${name}: nothing wider than the screen`, overflow <= 0, `${overflow}px too wide`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: false });
    await page.screenshot({ path: `${shots}/${name}-full.png`, fullPage: true });
    await page.locator('.console').screenshot({ path: `${shots}/${name}-panel.png` });
    // In each language and width, with a quotation issued.
    await page.evaluate(axeSource);
    const audited = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    const found = audited.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
    check(`axe, ${name}, the sales console with a quotation issued: no WCAG 2.1 A/AA violation`, found.length === 0, found.join(' | '));
    if (lang === 'en' && width === 1280) {
      await writeFile('target/signed-in-browser.txt', `${link}\n`);
      let state = '';
      try {
        state = JSON.parse(execFileSync('target/debug/quote', [link], { encoding: 'utf8' })).signature.state;
      } catch (e) {
        state = String(e);
      }
      check('a quotation signed in the browser verifies natively (quote tool: "state": "valid")', state === 'valid', state);
      const client = await context.newPage();
      await client.goto(link);
      await client.waitForSelector('[data-testid="quote-signature"]:not([data-state="checking"])');
      const opened = await client.getAttribute('[data-testid="quote-signature"]', 'data-state');
      check('the quotation signed in the console opens as valid on index.html', opened === 'valid', opened);
      const discounted = await client.$('.lines .discount, [data-testid="quote-note"]');
      check('its discount and special terms stand', discounted !== null);
      await client.close();
    }
    check(`${name}: no script error`, problems.length === 0, problems.join(' | '));
    const csp = await page.evaluate(() => window.__csp);
    check(`${name}: works under its Content-Security-Policy`, csp.length === 0, csp.join(' | '));
    check(`${name}: no request to another host`, foreign.length === 0, foreign.join(' '));
    await context.close();
  }
}

// By keyboard alone (issue 25): each action that takes away the control that had the focus
// hands it on to the natural next place, in both languages.
for (const lang of ['en', 'id']) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'id' ? 'id-ID' : 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  const at = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.dataset.testid || document.activeElement?.tagName);
  const press = async (testid, key) => { await page.focus(`[data-testid="${testid}"]`); await page.keyboard.press(key); };
  await page.goto(origin);
  await page.waitForSelector('[data-testid="method"]');
  await press('activity-call-centre', 'Space');
  await press('activity-accounting', 'Space');
  // The sizing box: Space turns it on, the traffic's fields open after it, the focus stays.
  await press('sizing-call-centre', 'Space');
  await page.waitForSelector('[data-testid="traffic-call-centre-calls"]');
  check(`keys-${lang}: Space on "size from calls" keeps the focus on the box`, (await at()) === 'sizing-call-centre', await at());
  await press('sizing-call-centre', 'Space');
  // "Choose" in the site comparison: the focus goes to the chosen row's marker.
  await page.waitForSelector('[data-testid="choose-site-yogyakarta"]');
  await press('choose-site-yogyakarta', 'Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'chosen-site', null, { timeout: 5000 }).catch(() => {});
  check(`keys-${lang}: Enter on a site's "Choose" leaves the focus on the chosen row`, (await at()) === 'chosen-site', await at());
  await press('choose-term-36m', 'Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'chosen-term', null, { timeout: 5000 }).catch(() => {});
  check(`keys-${lang}: Enter on a term's "Choose" leaves the focus on the chosen row`, (await at()) === 'chosen-term', await at());
  // The in-house reset: disabled once pressed, it hands the focus to the first figure.
  await page.$eval('[data-testid="in-house-adjust"]', (d) => { d.open = true; });
  await page.fill('[data-testid="own-call-centre-wage"]', lang === 'id' ? '8.000.000' : '8,000,000');
  await page.keyboard.press('Tab');
  await page.waitForSelector('[data-testid="own-call-centre-reset"]:not([disabled])');
  await press('own-call-centre-reset', 'Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'own-call-centre-wage', null, { timeout: 5000 }).catch(() => {});
  check(`keys-${lang}: Enter on the in-house reset leaves the focus on the first figure`, (await at()) === 'own-call-centre-wage', await at());
  await context.close();
  // A quotation: "Edit this estimate" hands the focus to the calculator's first step.
  const reader = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: lang === 'id' ? 'id-ID' : 'en-US', serviceWorkers: 'block' });
  const opened = await reader.newPage();
  await opened.goto(`${origin}/#${quoteLink}`);
  await opened.waitForSelector('[data-testid="quote-edit"]');
  await opened.focus('[data-testid="quote-edit"]');
  await opened.keyboard.press('Enter');
  await opened.waitForFunction(() => document.activeElement?.id === 'activities-title', null, { timeout: 5000 }).catch(() => {});
  const landed = await opened.evaluate(() => document.activeElement?.id);
  check(`keys-${lang}: Enter on "Edit this estimate" leaves the focus on the calculator's first step`, landed === 'activities-title', String(landed));
  await reader.close();
}

// A reload straight after a keystroke keeps it: leaving the page writes the draft at once.
{
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(origin);
  await page.click('[data-testid="activity-sales"]');
  await page.fill('[data-testid="input-sales-appointments"]', '77');
  await page.goto(origin);
  await page.waitForSelector('[data-testid="activity-sales"]');
  const kept = await page.$eval('[data-testid="input-sales-appointments"]', (e) => e.value).catch(() => 'missing');
  check('a reload right after typing finds the draft', kept === '77', kept);
  await context.close();
}

// What a screen reader hears while a buyer types (issue 25): the staffing's answer and the
// total each said once when the typing pauses, not at every keystroke; the figures beside the
// fields, which change at every key, are not a live region.
for (const lang of ['en', 'id']) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: lang === 'id' ? 'id-ID' : 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(origin);
  await page.click('[data-testid="activity-call-centre"]');
  await page.click('[data-testid="model-call-centre-dedicated"]');
  await page.click('[data-testid="sizing-call-centre"]');
  const calls = '[data-testid="traffic-call-centre-calls"]';
  await page.waitForSelector(calls);
  await page.waitForSelector('[data-testid="said-sized-call-centre"]:not(:empty)');
  await page.waitForTimeout(1500);
  const live = await page.$$eval('[aria-live], [role="status"], [role="alert"]', (es) => es.map((e) => e.dataset.testid ?? e.className));
  check(`said-${lang}: the figures beside the traffic fields are not read at every change`,
    !live.includes('sized-call-centre') && live.includes('said-sized-call-centre'), live.join(' '));
  // Every change of a live region's words from here on, as a screen reader would be told them.
  await page.evaluate(() => {
    window.__said = [];
    for (const region of document.querySelectorAll('[aria-live]')) {
      new MutationObserver(() => window.__said.push([region.dataset.testid ?? region.className, region.textContent]))
        .observe(region, { childList: true, subtree: true, characterData: true });
    }
  });
  await page.fill(calls, '');
  await page.type(calls, '45000', { delay: 150 });
  await page.waitForTimeout(2000);
  const said = await page.evaluate(() => window.__said);
  const times = (id) => said.filter(([region]) => region === id);
  const agents = times('said-sized-call-centre');
  check(`said-${lang}: typing "45000" says the agents once, when it pauses`,
    agents.length === 1 && /\d/.test(agents[0][1]) && agents[0][1].split(/\s+/).length <= 16, JSON.stringify(agents));
  const total = times('announced');
  check(`said-${lang}: and the monthly total once`, total.length === 1 && /\d/.test(total[0][1]), JSON.stringify(total));
  await context.close();
}

// Offline after the first visit: the service worker serves the release from its cache.
{
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(origin);
  await page.waitForSelector('[data-testid="empty-invitation"]');
  const cached = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active);
  });
  check('a service worker is active after the first visit', cached);
  await context.setOffline(true);
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('[data-testid="activity-sales"]');
  await page.click('[data-testid="activity-sales"]');
  const total = await page.textContent('[data-testid="total-monthly"]');
  check('offline, the page reloads and prices', total !== 'IDR 0', total);
  await context.close();
}

// ---------------------------------------------------------------------------------------------
// Issue 15, figures a visitor can trust at a glance. All four activities chosen and every
// deferred part drawn, then every <details> on the page opened, as a curious visitor (or the
// printer) would: nothing may be wider than the screen. And the charts as displayed, at 320, 375
// and 1280 px: every word at 12 px at least (its CSS size times the scale of its viewBox), no two
// words of a chart over each other, no word across a curve, nothing cut at a drawing's edge, each
// legend swatch beside its words, each curve saying what its axis counts.
for (const lang of ['id', 'en']) {
  for (const [width, height] of [[320, 640], [375, 812], [1280, 900]]) {
    const name = `glance-${lang}-${width}`;
    const context = await browser.newContext({ viewport: { width, height }, locale: lang === 'id' ? 'id-ID' : 'en-US', deviceScaleFactor: 1, serviceWorkers: 'block' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(origin);
    await page.waitForSelector('[data-testid="empty-invitation"]');
    for (const id of ['call-centre', 'accounting', 'fulfilment', 'sales']) {
      await page.click(`[data-testid="activity-${id}"]`);
    }
    for (const [testid, text] of Object.entries(volumes)) {
      await page.fill(`[data-testid="${testid}"]`, text[lang]);
    }
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="curve-"] svg').length === 4
      && document.querySelector('[data-testid="method"]') && document.querySelector('[data-testid="compare-terms"]'));
    // Opening one part may draw others: until none is left closed.
    await page.waitForFunction(() => {
      const closed = [...document.querySelectorAll('details:not([open])')];
      for (const d of closed) d.open = true;
      return closed.length === 0;
    }, null, { polling: 200, timeout: 5000 });
    await page.waitForTimeout(300);
    const opened = await page.$$eval('details', (ds) => [ds.length, ds.filter((d) => !d.open).length]);
    check(`${name}: every part opened (${opened[0]})`, opened[0] >= 8 && opened[1] === 0, `${opened[1]} of ${opened[0]} still closed`);
    await wholly(page);
    const wide = await page.evaluate(() => {
      const over = document.documentElement.scrollWidth - window.innerWidth;
      // The deepest elements that reach past the screen's edge: what to fix.
      const reach = (e) => e.getBoundingClientRect().left + Math.max(e.getBoundingClientRect().width, e.scrollWidth);
      const past = [...document.body.querySelectorAll('*')].filter((e) => e instanceof HTMLElement || e instanceof SVGSVGElement)
        .filter((e) => e.getClientRects().length > 0 && reach(e) > window.innerWidth + 0.5)
        .filter((e) => ![...e.children].some((c) => c instanceof HTMLElement && c.getClientRects().length > 0 && reach(c) > window.innerWidth + 0.5))
        .slice(0, 4)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').trim().slice(0, 40)}"`);
      return { over, past };
    });
    check(`${name}: every part opened, nothing wider than the screen`, wide.over <= 0, `${wide.over}px too wide: ${wide.past.join(' | ')}`);
    await (await page.$('[data-testid="method"]')).screenshot({ path: `${shots}/${name}-method.png` });
    // Every word of every chart as the screen shows it, a chart's drawings read together.
    const charts = await page.$$eval('figure.chart', (figures) => figures.map((figure) => {
      const svgs = [...figure.querySelectorAll('svg')].filter((svg) => svg.getClientRects().length > 0);
      const words = svgs.flatMap((svg) => [...svg.querySelectorAll('text')]).filter((t) => t.textContent.trim() !== '').map((t) => {
        const m = t.getScreenCTM();
        const r = t.getBoundingClientRect();
        return {
          text: t.textContent.trim(),
          // The CSS size times the scale of the drawing's viewBox.
          size: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
          box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
        };
      });
      // A word sits across a curve when a point of its box (1 px in) is on the curve's stroke.
      const curves = svgs.flatMap((svg) => [...svg.querySelectorAll('path')]);
      const crossed = [];
      for (const w of words) {
        const { left, top, right, bottom } = w.box;
        hit: for (let i = 0; i <= 12; i += 1) {
          for (let j = 0; j <= 4; j += 1) {
            const at = new DOMPoint(left + 1 + ((right - left - 2) * i) / 12, top + 1 + ((bottom - top - 2) * j) / 4);
            for (const c of curves) {
              if (c.isPointInStroke(at.matrixTransform(c.getScreenCTM().inverse()))) {
                crossed.push(`"${w.text}" on ${c.getAttribute('class')}`);
                break hit;
              }
            }
          }
        }
      }
      return { chart: figure.dataset.testid, words, crossed };
    }));
    const small = charts.flatMap((c) => c.words.filter((w) => w.size < 12).map((w) => `${c.chart} "${w.text}" ${w.size.toFixed(1)}px`));
    check(`${name}: every chart word is 12 px at least as displayed (${charts.length} charts)`, charts.length === 5 && small.length === 0, small.slice(0, 6).join(' | '));
    const overlaps = [];
    for (const c of charts) {
      c.words.forEach((a, i) => c.words.slice(i + 1).forEach((b) => {
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 0.5 && y > 0.5) overlaps.push(`${c.chart}: "${a.text}" / "${b.text}"`);
      }));
    }
    check(`${name}: no two words of a chart overlap`, overlaps.length === 0, overlaps.slice(0, 6).join(' | '));
    const crossed = charts.flatMap((c) => c.crossed.map((x) => `${c.chart}: ${x}`));
    check(`${name}: no chart word drawn across a curve`, crossed.length === 0, crossed.slice(0, 6).join(' | '));
    // A legend's swatch and its words start on the same line, the words right after it.
    const apart = await page.$$eval('figure.chart .legend .key', (keys) => keys.filter((k) => {
      const key = k.getBoundingClientRect();
      const range = document.createRange();
      if (!k.nextSibling) return true;
      range.selectNode(k.nextSibling);
      const word = range.getClientRects()[0];
      return !word || Math.abs((word.top + word.bottom) / 2 - (key.top + key.bottom) / 2) > 8 || word.left < key.right - 0.5;
    }).map((k) => k.className));
    check(`${name}: each legend swatch beside its words`, apart.length === 0, `${apart.length} apart: ${apart.slice(0, 4).join(', ')}`);
    // The drawing clips what passes its edges: a word cut short, the break-even's ring halved.
    const cut = await page.$$eval('figure.chart svg.curve', (svgs) => svgs.flatMap((svg) => {
      const edge = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text, circle, path, line, rect')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.left < edge.left - 0.5 || r.right > edge.right + 0.5 || r.top < edge.top - 0.5 || r.bottom > edge.bottom + 0.5;
      }).map((e) => `${svg.closest('figure').dataset.testid} ${e.tagName}.${e.getAttribute('class')} "${e.textContent.trim()}"`);
    }));
    check(`${name}: every word and mark of a curve inside its drawing`, cut.length === 0, cut.slice(0, 6).join(' | '));
    // Each curve says under its title what its axis counts, the unit written under the axis,
    // and that the activity's other volumes follow it.
    const notes = await page.$$eval('figure.chart[data-testid^="curve-"]', (figures) => figures.filter((figure) => {
      const note = figure.querySelector('figcaption .axis-note');
      const ticks = [...figure.querySelectorAll('svg text.tick')];
      const unit = (ticks[ticks.length - 1]?.textContent ?? '').trim().toLowerCase();
      return !note || note.getClientRects().length === 0 || parseFloat(getComputedStyle(note).fontSize) < 12
        || unit === '' || !note.textContent.toLowerCase().includes(unit) || !/(follow in proportion|secara sebanding)/.test(note.textContent);
    }).map((figure) => figure.dataset.testid));
    check(`${name}: each curve says what its axis counts and what follows it`, notes.length === 0, notes.join(', '));
    // Every chart mark that carries meaning 3:1 at least (WCAG 1.4.11) against the card it is
    // drawn on, and a line drawn across the fluctuation band against the band's fill too: the
    // colours as the browser computes them, the contrast worked from their luminances.
    const marks = await page.$$eval('figure.chart', (figures) => {
      const rgb = (text) => (text.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = ([r, g, b]) => [r, g, b].map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
      const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      return figures.flatMap((figure) => {
        const card = rgb(getComputedStyle(figure).backgroundColor);
        const band = figure.querySelector('svg .band');
        const bandFill = band ? rgb(getComputedStyle(band).fill) : null;
        const drawn = [
          ...[...figure.querySelectorAll('rect.fixed, rect.variable')].map((e) => [e, 'fill', false]),
          ...[...figure.querySelectorAll('.band, .outsourced, .in-house, .tier, .axis, .now, .guide, .even')]
            .filter((e) => e instanceof SVGElement).map((e) => [e, 'stroke', !e.classList.contains('band') && !e.classList.contains('axis')]),
        ];
        return drawn.map(([e, paint, crossesBand]) => {
          const colour = rgb(getComputedStyle(e)[paint]);
          const against = [['card', card], ...(crossesBand && bandFill ? [['band', bandFill]] : [])];
          return { mark: `${figure.dataset.testid} .${e.getAttribute('class')}`, least: Math.min(...against.map(([, c]) => contrast(colour, c))) };
        });
      });
    });
    const faint = [...new Map(marks.filter((m) => m.least < 3).map((m) => [m.mark, `${m.mark} ${m.least.toFixed(2)}:1`])).values()];
    check(`${name}: every chart mark 3:1 at least on the card and across the band (${marks.length} marks)`, marks.length > 20 && faint.length === 0, faint.slice(0, 6).join(' | '));
    for (const [i, chart] of (await page.$$('figure.chart')).entries()) {
      await chart.screenshot({ path: `${shots}/${name}-chart-${i}.png` });
    }
    check(`${name}: no script error`, problems.length === 0, problems.join(' | '));
    await context.close();
  }
}

// One activity's share of its own bill says nothing: the bars come with a second activity.
for (const lang of ['id', 'en']) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: lang === 'id' ? 'id-ID' : 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(origin);
  await page.waitForSelector('[data-testid="empty-invitation"]');
  await page.click('[data-testid="activity-accounting"]');
  await page.waitForSelector('[data-testid="curve-accounting"] svg');
  const alone = await page.$('[data-testid="chart-contributions"]');
  check(`contributions-${lang}-375: no share-of-the-bill chart for one activity`, alone === null);
  await page.click('[data-testid="activity-sales"]');
  const two = await page.waitForSelector('[data-testid="chart-contributions"]', { timeout: 5000 }).catch(() => null);
  check(`contributions-${lang}-375: it comes with a second activity`, two !== null);
  await context.close();
}
// ---------------------------------------------------------------------------------------------

await browser.close();
close();
process.exit(finish('page'));
