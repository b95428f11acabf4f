// A sales team's register from files (issue 24, item 6), in Chromium with three browser contexts
// as three devices: Sari issues a quotation on her laptop and records its acceptance, and another
// on her phone; each exports its register; the manager imports both files into their console and
// sees both quotations with salesperson, client, discount, standing and the acceptance's day,
// searchable, in a CSV; importing again adds nothing, and a file of another provider is refused.
// Usage: node .ci/team.mjs [dist]
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, checks } from './browser.mjs';

const dist = process.argv[2] ?? 'dist';
const work = await mkdtemp(join(tmpdir(), 'team-'));
const { origin, close } = await serve(dist);
const browser = await launch();
const { check, finish } = checks();
const problems = [];

/** A device: a browser context of its own (its own IndexedDB), its console open, on 8 December
 * 2026 at 10:00 in Jakarta. */
async function device(lang = 'en') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'id' ? 'id-ID' : 'en-GB', timezoneId: 'Asia/Jakarta', serviceWorkers: 'block', acceptDownloads: true });
  await context.clock.setFixedTime(new Date('2026-12-08T03:00:00Z'));
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${origin}/console.html`);
  await page.waitForSelector('[data-testid="console-key"][data-state="ready"]');
  return { context, page };
}

/** Issues a quotation for `client` with `discount` % off; returns its link. */
async function issue(page, client, discount) {
  await page.click('[data-testid="activity-sales"]');
  await page.waitForSelector('[data-testid="console-monthly"]');
  await page.click('[data-testid="console-confirm-examples"]').catch(() => null);
  await page.fill('[data-testid="console-client"]', client);
  await page.fill('[data-testid="console-discount"]', String(discount));
  await page.click('[data-testid="console-issue"]');
  await page.waitForSelector('[data-testid="console-issued-link"]');
  return page.textContent('[data-testid="console-issued-link"]');
}

/** The register exported, as the file its button downloads. */
async function exported(page, name) {
  const download = page.waitForEvent('download');
  await page.click('[data-testid="register-export"]');
  const file = join(work, name);
  await (await download).saveAs(file);
  return file;
}

// Sari's laptop: a quotation, accepted by its client.
const laptop = await device();
await laptop.page.setInputFiles('[data-testid="console-key-file"]', 'tests/fixtures/demo-key.jwk');
await laptop.page.waitForSelector('[data-testid="console-signer"]');
const alfa = await issue(laptop.page, 'PT Alfa', 5);
await laptop.page.fill('[data-testid="console-acceptance-text"]', alfa);
await laptop.page.click('[data-testid="console-acceptance-record"]');
await laptop.page.waitForSelector('[data-testid="console-acceptance-finding"][data-state="recorded"]');
const laptopFile = await exported(laptop.page, 'laptop.json');
const written = JSON.parse(await readFile(laptopFile, 'utf8'));
check('the laptop\'s file holds its quotation and its acceptance', written.format === 'biaya-register-1' && written.links.length === 1 && written.links[0] === alfa && written.accepted[0]?.endsWith('|2026-12-08'), JSON.stringify(written).slice(0, 300));

// Her phone: another quotation, its own number.
const phone = await device('id');
await phone.page.setInputFiles('[data-testid="console-key-file"]', 'tests/fixtures/demo-key.jwk');
await phone.page.waitForSelector('[data-testid="console-signer"]');
const beta = await issue(phone.page, 'PT Beta', 3);
const phoneFile = await exported(phone.page, 'phone.json');
const number = (link) => link.split('&ref=')[1]?.split('&')[0];
check('the two devices numbered their quotations apart', number(alfa) && number(beta) && number(alfa) !== number(beta), `${number(alfa)} / ${number(beta)}`);

// The manager's console: no key needed to read the team's register.
const manager = await device();
await manager.page.setInputFiles('[data-testid="register-import"]', [laptopFile, phoneFile]);
await manager.page.waitForFunction(() => document.querySelectorAll('[data-testid="register-row"]').length === 2, null, { timeout: 10000 }).catch(() => null);
const said = await manager.page.textContent('[data-testid="register-import-said"]');
check('both files imported: two quotations added', said.startsWith('2 quotations added; 0 already here.'), said);
const rows = await manager.page.$$eval('[data-testid="register-row"]', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
const alfaRow = rows.find((r) => r[1] === 'PT Alfa');
const betaRow = rows.find((r) => r[1] === 'PT Beta');
check('the manager sees each with its salesperson and discount', alfaRow?.[2] === 'Sari Dewi' && alfaRow?.[5] === '5%' && betaRow?.[2] === 'Sari Dewi' && betaRow?.[5] === '3%', JSON.stringify(rows));
check('and the laptop\'s acceptance, with its day', alfaRow?.includes('8 December 2026') && (await manager.page.$$eval('[data-testid="register-accepted"]', (cells) => cells.map((c) => c.textContent))).filter(Boolean).length === 1, JSON.stringify(alfaRow));
await manager.page.fill('[data-testid="register-search"]', 'beta');
const found = await manager.page.$$eval('[data-testid="register-row"]', (trs) => trs.length);
check('searchable by client', found === 1, String(found));
await manager.page.fill('[data-testid="register-search"]', '');
const csv = await manager.page.evaluate(async () => {
  const anchor = document.querySelector('[data-testid="register-csv"]');
  anchor.addEventListener('click', (e) => e.preventDefault(), { once: true });
  anchor.click();
  return decodeURIComponent(anchor.getAttribute('href').replace('data:text/csv;charset=utf-8,', ''));
});
check('its CSV holds both, with the acceptance', csv.includes('PT Alfa') && csv.includes('PT Beta') && csv.includes('2026-12-08'), csv.slice(0, 300));
// The same files again: nothing added twice. A file of another provider: refused.
const foreign = join(work, 'foreign.json');
await writeFile(foreign, JSON.stringify({ ...written, provider: 'KKN' }));
await manager.page.setInputFiles('[data-testid="register-import"]', [laptopFile, phoneFile, foreign]);
await manager.page.waitForFunction(() => document.querySelector('[data-testid="register-import-said"]').textContent.startsWith('0 '), null, { timeout: 10000 }).catch(() => null);
const again = await manager.page.textContent('[data-testid="register-import-said"]');
check('importing again adds nothing; another provider\'s file is refused', again.startsWith('0 quotations added; 2 already here.') && again.includes('1 files or links did not read'), again);
check('still two rows', (await manager.page.$$('[data-testid="register-row"]')).length === 2);
// After a reload, the merged register is the manager's own.
await manager.page.reload();
await manager.page.waitForFunction(() => document.querySelectorAll('[data-testid="register-row"]').length === 2, null, { timeout: 10000 }).catch(() => null);
check('kept on the manager\'s device after a reload', (await manager.page.$$('[data-testid="register-row"]')).length === 2);
await (await manager.page.$('[data-testid="register"]')).screenshot({ path: 'target/screenshots/team-register-en-1280.png' });

// Revisions (issue 24, item 4): Sari revises PT Alfa's quotation on her laptop, 4 % in place of
// 5 %; the client, who opened the first issue before, opens the revision, then the first again.
await laptop.page.click('[data-testid="register-revise"]');
await laptop.page.waitForFunction(() => document.querySelector('[data-testid="console-client"]')?.value === 'PT Alfa', null, { timeout: 10000 }).catch(() => null);
const proposed = await laptop.page.inputValue('[data-testid="console-number"]');
check('"Revise" puts the quotation\'s terms in the form, under its next revision\'s number', proposed === `${number(alfa)}-R1`
  && await laptop.page.inputValue('[data-testid="console-discount"]') === '5', proposed);
const focusedField = await laptop.page.evaluate(() => document.activeElement?.id);
check('and hands the focus to the form', focusedField === 'console-client', focusedField);
await laptop.page.waitForSelector('[data-testid="console-monthly"]');
await laptop.page.click('[data-testid="console-confirm-examples"]').catch(() => null);
await laptop.page.fill('[data-testid="console-discount"]', '4');
await laptop.page.click('[data-testid="console-issue"]');
await laptop.page.waitForFunction((n) => document.querySelector('[data-testid="console-issued-link"]')?.textContent.includes(`&ref=${n}-R1&`), number(alfa), { timeout: 10000 }).catch(() => null);
const revised = await laptop.page.textContent('[data-testid="console-issued-link"]');
const alfaCode = alfa.split('&sig=')[1].slice(0, 8);
await laptop.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="register-row"] td[data-standing]')].some((td) => td.dataset.standing === 'superseded'), null, { timeout: 5000 }).catch(() => null);
const standings = await laptop.page.$$eval('[data-testid="register-row"]', (trs) => trs.map((tr) => `${tr.querySelector('th').textContent} ${tr.querySelector('td[data-standing]').dataset.standing}`));
check('the register marks the first issue superseded, the revision valid', standings.includes(`${number(alfa)} superseded`) && standings.includes(`${number(alfa)}-R1 valid`), standings.join(' | '));
check('the revision is issued, naming what it replaces by number and code', revised.includes(`&ref=${number(alfa)}-R1&`) && revised.includes(`&was=${number(alfa)}%20${alfaCode}`), revised);
const client = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-GB', serviceWorkers: 'block' });
await client.clock.setFixedTime(new Date('2026-12-08T04:00:00Z'));
const reader = await client.newPage();
reader.on('pageerror', (e) => problems.push(String(e)));
const show = async (link) => {
  await reader.goto(`${origin}/#${link.split('#')[1]}`);
  await reader.reload();
  await reader.waitForSelector('[data-testid="quote-signature"]:not([data-state="checking"])');
};
await show(alfa);
check('the first issue, opened first, says nothing of revisions', (await reader.$('[data-testid="quote-revision"]')) === null && (await reader.$('[data-testid="quote-newer-revision"]')) === null);
await show(revised);
const revisionLine = await reader.textContent('[data-testid="quote-revision"]');
check('the revision says which it is and what it replaces', revisionLine === `Revision: 1, replacing ${number(alfa)} (code ${alfaCode})`, revisionLine);
await reader.screenshot({ path: 'target/screenshots/revision-en-375.png' });
await show(alfa);
await reader.waitForSelector('[data-testid="quote-newer-revision"]', { timeout: 5000 }).catch(() => null);
const notice = await reader.textContent('[data-testid="quote-newer-revision"]').catch(() => '');
check('the first issue, opened after the revision, says a newer one exists', notice.includes('A newer revision of this quotation (revision 1)') && notice.includes('Open revision 1'), notice);
await reader.screenshot({ path: 'target/screenshots/revision-replaced-en-375.png' });
await reader.click('[data-testid="quote-newer-revision"] a');
await reader.waitForFunction(() => document.querySelector('[data-testid="quote-revision"]'), null, { timeout: 5000 }).catch(() => null);
check('and opens it', (await reader.textContent('[data-testid="quote-revision"]').catch(() => '')).startsWith('Revision: 1, replacing'));
await client.close();
check('no script error', problems.length === 0, problems.join(' | '));

await browser.close();
close();
await rm(work, { recursive: true, force: true });
process.exit(finish('team'));
