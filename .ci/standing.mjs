// One truth on every surface (issue 21): a quotation's standing as the release build shows it on
// screen, prints it (every PDF page read back with pdftotext), puts it in its CSV and its
// messages, and as the quote tool reads it, for each standing in both languages; readers in
// three time zones; the console issuing at 06:30 in Jakarta; and the page and the tool reading
// the same address forms. Dates are held still with Playwright's clock, so the run reads the same
// whatever the day. Usage: node .ci/standing.mjs [dist] (after `cargo build --bin quote`).
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { launch, serve, checks, consoleWith } from './browser.mjs';

const dist = process.argv[2] ?? 'dist';
const shots = 'target/screenshots';
await mkdir(shots, { recursive: true });
const { origin, close } = await serve(dist);
const browser = await launch();
const { check, finish } = checks();

const fixture = async (name) => (await readFile(`tests/fixtures/${name}`, 'utf8')).trim();
// Signed with the demo key on 28 November 2026, 5 % off, special terms, its link asking until
// 2099: the provider's 90 days end it on 26 February 2027.
const signed = await fixture('signed-natively.txt');
// Signed at 06:30 on 8 December 2026 in Jakarta (`quote --at 2026-12-07T23:30:00Z sign`).
const at0630 = await fixture('signed-0630-wib.txt');
const unsignedFields = 'v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&sales=3.40.150&for=%3DHYPERLINK(%22http%3A%2F%2Fx.example%22%2C%22PT%20Maju%22)&by=Sari%20Dewi&contact=sari@contoh.co.id&ref=Q-118&subj=%E2%9C%94%20Digitally%20signed%3B%2010%25%20discount%20applies&d=2026-12-09';

/** FNV-1a of a link's fields, as src/link.rs checks them. */
function fnv(text) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
const unsigned = `${unsignedFields}&z=${fnv(unsignedFields)}`;

const READING = '2026-12-10T03:00:00Z';
const cases = [
  // [standing, link, instant, what every printed page carries (id, en), whether it closes]
  ['valid', signed, READING, ['Ditandatangani secara digital oleh Sari Dewi pada 28 November 2026; berlaku sampai 26 Februari 2027.', 'Digitally signed by Sari Dewi on 28 November 2026; valid until 26 February 2027.'], true],
  ['expired', signed, '2027-02-27T03:00:00Z', ['KEDALUWARSA pada 26 Februari 2027', 'EXPIRED on 26 February 2027'], false],
  ['altered', signed.replace('Maju', 'Maja'), READING, ['BUKAN PENAWARAN YANG SAH: tautannya diubah setelah ditandatangani', 'NOT A VALID QUOTATION: the link was changed after it was signed'], false],
  ['unsigned', unsigned, READING, ['TIDAK DITANDATANGANI: siapa pun dapat menulis angka ini', 'NOT SIGNED: anyone could have written these figures'], false],
];

/** Every cell of CSV rows separated by `;`, quotes honoured and undoubled. */
function csvCells(text) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"' && quoted && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ';' || c === '\r' || c === '\n')) { if (cell !== '') cells.push(cell); cell = ''; } else cell += c;
  }
  if (cell !== '') cells.push(cell);
  return cells;
}

/** The text of each page of a PDF, as pdftotext lays it out. */
function pdfPages(file) {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p) => p.trim() !== '');
}
/** The text of a PDF with every run of white space as one space: sentences wrap across lines. */
const flat = (text) => text.replace(/\s+/g, ' ');

function tool(args) {
  try {
    return JSON.parse(execFileSync('target/debug/quote', args, { encoding: 'utf8' }));
  } catch (e) {
    return { error: String(e), stdout: e.stdout };
  }
}

async function opened(link, { lang, at, timezoneId = 'UTC', width = 1280 }) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === 'id' ? 'id-ID' : 'en-US', timezoneId, serviceWorkers: 'block' });
  await context.clock.setFixedTime(new Date(at));
  await context.addInitScript((code) => localStorage.setItem('biaya-bpo.lang', code), lang);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(link.startsWith('http') ? link : `${origin}/#${link}`);
  await page.waitForSelector('[data-testid="quote-signature"]:not([data-state="checking"])');
  await page.waitForSelector('.document', { state: 'attached' });
  await page.waitForSelector('[data-testid="download-csv"]');
  return { context, page, problems };
}

// Each standing, on screen and on paper, in both languages.
for (const [standing, link, at, carried, closes] of cases) {
  for (const [i, lang] of ['id', 'en'].entries()) {
    const name = `${standing}-${lang}`;
    const { context, page, problems } = await opened(link, { lang, at });
    const shown = await page.getAttribute('[data-testid="quote-signature"]', 'data-state');
    check(`${name}: the screen says ${standing}`, shown === standing, shown);
    const accept = await page.$('[data-testid="quote-accept"]');
    check(`${name}: ${closes ? 'it can be accepted' : 'nothing to accept, a new quotation to ask for'}`,
      closes ? accept !== null : accept === null && (await page.$('[data-testid="quote-ask-again"]')) !== null);
    if (closes) {
      const before = await page.evaluate(() => {
        const terms = document.querySelector('[data-testid="quote-terms"]');
        const accept = document.querySelector('[data-testid="quote-accept"]');
        return Boolean(terms && accept && (terms.compareDocumentPosition(accept) & Node.DOCUMENT_POSITION_FOLLOWING));
      });
      check(`${name}: the payment, indexation, notice and SLA terms come before Accept`, before);
      const href = await accept.getAttribute('href');
      const message = decodeURIComponent(href.split('?text=')[1]);
      const monthly = await page.textContent('[data-testid="total-monthly"]');
      check(`${name}: the accept message names the number, the monthly total and the last day`,
        message.includes('NLY/SD/2026/11/0001') && message.includes(monthly) && message.includes(i === 0 ? '26 Februari 2027' : '26 February 2027'), message);
    }
    await page.emulateMedia({ media: 'print' });
    const file = `${shots}/standing-${name}.pdf`;
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    const pages = pdfPages(file);
    check(`${name}: every printed page (${pages.length}) says what it is`, pages.length > 0 && pages.every((p) => flat(p).includes(carried[i])),
      pages.map((p, n) => `page ${n + 1}: ${flat(p).slice(0, 120)}`).join(' | '));
    const all = flat(pages.join(' '));
    const regards = i === 0 ? 'Hormat kami' : 'Yours faithfully';
    check(`${name}: ${closes ? 'closes in the signer\'s name' : 'closes in nobody\'s name'}`, closes ? all.includes(regards) : !all.includes(regards));
    if (standing === 'valid') {
      check(`${name}: the signed special terms print`, all.includes('Harga termasuk laporan mingguan.'));
      check(`${name}: the validity line says the real last day`, all.includes(i === 0 ? 'berlaku sampai 26 Februari 2027 (90 hari' : 'valid until 26 February 2027 (90 days'));
    }
    if (standing !== 'valid') {
      check(`${name}: no validity promised by a document that does not stand`,
        !/berlaku sampai|valid until/.test(all.replace(/[^.]*(Ditandatangani|Digitally signed)[^.]*\./g, ''))
          && all.includes(i === 0 ? 'Tidak mengikat' : 'Not binding'), all.slice(0, 300));
    }
    if (standing === 'unsigned') {
      check(`${name}: the link's own words are never the provider's or a salesperson's`, !all.includes('Sari Dewi') && !all.includes('sari@contoh.co.id'));
    }
    // An expired quotation is still what its signer offered, special terms included; one that
    // was never theirs carries none.
    if (standing !== 'valid' && standing !== 'expired') {
      check(`${name}: no special terms in anyone's name`, !all.includes('laporan mingguan'));
    }
    check(`${name}: no script error`, problems.length === 0, problems.join(' | '));
    // The tool says the same of the same link at the same instant.
    const json = tool(['--at', at, link]);
    check(`${name}: the quote tool reads ${standing} too`, json.standing === standing, json.standing ?? json.error);
    await context.close();
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', file, file.replace(/\.pdf$/, '')]);
    } catch { /* the pictures are for people to look at; the checks above stand without them */ }
  }
}

// A quotation issued at 06:30 in Jakarta stands at once for readers in Jakarta, London (UTC) and
// New York, whose calendars still show the day before.
for (const timezoneId of ['Asia/Jakarta', 'UTC', 'America/New_York']) {
  const { context, page } = await opened(at0630, { lang: 'en', at: '2026-12-07T23:31:00Z', timezoneId });
  const shown = await page.getAttribute('[data-testid="quote-signature"]', 'data-state');
  check(`a quotation issued at 06:30 WIB reads valid a minute later in ${timezoneId}`, shown === 'valid', shown);
  await context.close();
}
const early = tool(['--at', '2026-12-07T23:31:00Z', at0630]);
check('the quote tool reads it valid too', early.standing === 'valid', early.standing ?? early.error);

// The console in Jakarta issues at 06:30 WIB; a reader in New York opens it a minute later.
{
  const { context, page } = await consoleWith(browser, origin, { lang: 'id', at: '2026-12-07T23:30:00Z' });
  await page.click('[data-testid="activity-sales"]');
  await page.waitForSelector('[data-testid="console-monthly"]');
  // The starting volumes are the client's, as the salesperson confirms (.ci/entered.mjs checks the refusal).
  await page.click('[data-testid="console-confirm-examples"]');
  await page.fill('[data-testid="console-client"]', '=HYPERLINK("http://x.example","PT Maju")');
  await page.click('[data-testid="console-issue"]');
  await page.waitForSelector('[data-testid="console-issued-link"]');
  const link = await page.textContent('[data-testid="console-issued-link"]');
  check('the console in Jakarta dates a quotation issued at 06:30 WIB that Jakarta day', link.includes('&d=2026-12-08&'), link);
  check('and numbers it in that month, with the device\'s tag', /&ref=NLY\/SD\/2026\/12\/0001-[0-9A-HJKMNP-TV-Z]{3}&/.test(link), link);
  // The register's CSV: the client's formula stays a name.
  const csv = await page.evaluate(async () => {
    const anchor = document.querySelector('[data-testid="register-csv"]');
    anchor.addEventListener('click', (e) => e.preventDefault(), { once: true });
    anchor.click();
    return decodeURIComponent(anchor.getAttribute('href').replace('data:text/csv;charset=utf-8,', ''));
  });
  check('the register\'s CSV names its separator and neutralises a formula', csv.startsWith('\ufeffsep=;\r\n') && csv.includes('"\'=HYPERLINK(""http://x.example"",""PT Maju"")"'), csv.slice(0, 300));
  // Announced as a button, it answers Space as a button does (issue 25).
  await page.focus('[data-testid="register-csv"]');
  const download = page.waitForEvent('download', { timeout: 5000 }).catch(() => null);
  await page.keyboard.press('Space');
  const file = await download;
  check('the register\'s CSV downloads with Space, as its button role says', file?.suggestedFilename() === 'penawaran.csv', String(file?.suggestedFilename()));
  const reader = await opened(link, { lang: 'en', at: '2026-12-07T23:31:00Z', timezoneId: 'America/New_York' });
  const shown = await reader.page.getAttribute('[data-testid="quote-signature"]', 'data-state');
  check('it reads valid in New York at 18:31 on the 7th', shown === 'valid', shown);
  // The client accepts it on WhatsApp; the salesperson pastes the message into the console
  // (issue 24, item 5): first changed on the way, then as sent.
  const acceptHref = await reader.page.getAttribute('[data-testid="quote-accept"]', 'href');
  const accepted = new URL(acceptHref).searchParams.get('text') ?? '';
  await reader.context.close();
  const code = link.split('&sig=')[1]?.slice(0, 8);
  check('the acceptance names the quotation, its code and its link', accepted.includes(link.split('&ref=')[1].split('&')[0]) && accepted.includes(`(code ${code})`) && accepted.includes(link.split('#')[1]), accepted);
  const finding = async (text) => {
    await page.fill('[data-testid="console-acceptance-text"]', text);
    await page.waitForTimeout(300);
    return page.getAttribute('[data-testid="console-acceptance-finding"]', 'data-state');
  };
  check('a link changed on the way is refused', await finding(accepted.replace('&f=30&', '&f=31&')) === 'differs');
  check('figures changed in the words are flagged', await finding(accepted.replace(/ a month/, '0 a month')) === 'figures-differ');
  check('the acceptance as sent matches', await finding(accepted) === 'matches', await page.textContent('[data-testid="console-acceptance-finding"]'));
  await page.click('[data-testid="console-acceptance-record"]');
  await page.waitForSelector('[data-testid="console-acceptance-finding"][data-state="recorded"]');
  const focused = await page.evaluate(() => document.activeElement?.id);
  check('recorded: said, the focus on what says so', focused === 'console-acceptance-finding', focused);
  await (await page.$('[data-testid="register"]')).screenshot({ path: `${shots}/console-accepted-id-1280-register.png` });
  await (await page.$('[data-testid="console-acceptance"]')).screenshot({ path: `${shots}/console-accepted-id-1280.png` });
  const day = await page.textContent('[data-testid="register-accepted"]');
  check('the register shows the day it was accepted, in Jakarta', day === '8 Desember 2026', day);
  const withAcceptance = await page.evaluate(async () => {
    const anchor = document.querySelector('[data-testid="register-csv"]');
    anchor.addEventListener('click', (e) => e.preventDefault(), { once: true });
    anchor.click();
    return decodeURIComponent(anchor.getAttribute('href').replace('data:text/csv;charset=utf-8,', ''));
  });
  check('and its CSV carries it', withAcceptance.includes('"Diterima"') && withAcceptance.includes('2026-12-08'), withAcceptance.slice(0, 300));
  await context.close();
  const json = tool(['--at', '2026-12-07T23:31:00Z', link]);
  check('and in the quote tool', json.standing === 'valid', json.standing ?? json.error);
}

// The CSV of an unsigned quotation whose client is a formula, and of the buyer's own estimate
// made from it: columns named by `sep=;`, the formula neutralised, the date, the basis and the
// savings there.
for (const lang of ['id', 'en']) {
  const { context, page } = await opened(unsigned, { lang, at: READING });
  const csvOf = () => page.evaluate(async () => {
    const anchor = document.querySelector('[data-testid="download-csv"]');
    anchor.addEventListener('click', (e) => e.preventDefault(), { once: true });
    anchor.click();
    return decodeURIComponent(anchor.getAttribute('href').replace('data:text/csv;charset=utf-8,', ''));
  });
  const quoted = csvCells((await csvOf()).split('\r\n').slice(1).join('\r\n'));
  check(`csv-${lang}: the client's formula is kept as text`, quoted.includes('\'=HYPERLINK("http://x.example","PT Maju")'), quoted.slice(0, 14).join(' | '));
  check(`csv-${lang}: an unsigned quotation's CSV says it is not signed`, quoted.some((c) => c.startsWith(lang === 'id' ? 'TIDAK DITANDATANGANI' : 'NOT SIGNED')));
  await page.click('[data-testid="quote-edit"]');
  // "Edit this estimate" keeps the CSV at hand (it once went missing until a reload).
  await page.waitForSelector('[data-testid="download-csv"]');
  const csv = await csvOf();
  const lines = csv.split('\r\n');
  check(`csv-${lang}: opens in columns whatever Excel's region (sep=;)`, lines[0] === '\ufeffsep=;', lines[0]);
  const words = lang === 'id' ? ['Dibuat pada', 'Dasar angka', 'Penghematan tahun pertama', 'Penghematan selama kontrak'] : ['Made on', 'Basis of the figures', 'Saving in the first year', 'Saving over the contract'];
  check(`csv-${lang}: carries the date, the basis and the savings`, words.every((w) => csv.includes(`"${w}"`)), words.filter((w) => !csv.includes(w)).join(', '));
  const cells = csvCells(lines.slice(1).join('\r\n'));
  const runs = cells.filter((c) => /^[=+@\t\r]/.test(c) || (/^-/.test(c) && !/^-\d+([.,]\d+)?$/.test(c)));
  check(`csv-${lang}: no cell a spreadsheet would run`, cells.length > 50 && runs.length === 0, runs.join(' | '));
  await context.close();
}

// The page and the tool read the same address forms.
{
  const monthlyOf = async (url) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', serviceWorkers: 'block' });
    await context.clock.setFixedTime(new Date(READING));
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-testid="quote-signature"]:not([data-state="checking"])');
    const result = [await page.getAttribute('[data-testid="quote-signature"]', 'data-state'), await page.textContent('[data-testid="total-monthly"]')];
    await context.close();
    return result;
  };
  const spaced = signed.replaceAll('%20', ' ');
  for (const [form, url] of [
    ['a whole address', `${origin}/#${signed}`],
    ['the link after ?', `${origin}/?${signed}`],
    ['spaces where a chat app decoded %20', `${origin}/#${spaced}`],
  ]) {
    const [state, monthly] = await monthlyOf(url);
    const json = tool(['--at', READING, url.replace(origin, 'https://nusa-layanan.example/biaya')]);
    check(`${form}: the page and the tool both read it valid`, state === 'valid' && json.standing === 'valid', `${state} / ${json.standing ?? json.error}`);
    const total = json.estimate?.totals?.monthly;
    check(`${form}: with the same monthly total`, total !== undefined && monthly.replace(/[^\d.]/g, '') === Number(total).toFixed(2), `${monthly} / ${total}`);
  }
  let help = '';
  try {
    help = execFileSync('target/debug/quote', ['--help'], { encoding: 'utf8' });
  } catch (e) {
    help = `exit ${e.status}`;
  }
  check('quote --help prints the usage and exits 0', help.startsWith('usage: quote'), help.slice(0, 80));
}

await browser.close();
close();
process.exitCode = finish('page');
