// A quotation of several options (issue 24, item 3), in Chromium, on 8 December 2026 in Jakarta:
// Sari Dewi prices sales support in Jakarta for 12 months, adds it as an option, moves it to
// Yogyakarta for 36 months and adds that, then a third with more appointments; issues the three
// in one signed link. The client, on a phone in another browser context, compares them side by
// side, opens the second in full (its totals are the ones its card gave), prints it, and accepts
// it: the message names option 2 of 3. Back in the console the acceptance matches, names the
// option, and the register records it. The quote tool verifies the link and lists the options.
// Usage: node .ci/options.mjs [dist]
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { launch, serve, checks, consoleWith } from './browser.mjs';

const dist = process.argv[2] ?? 'dist';
const { origin, close } = await serve(dist);
const browser = await launch();
await mkdir('target/screenshots', { recursive: true });
const { check, finish } = checks();
const problems = [];
const amount = (text) => Number(String(text).replace(/[^0-9]/g, ''));

const { context: desk, page: sari } = await consoleWith(browser, origin, { problems });
await sari.click('[data-testid="activity-sales"]');
await sari.waitForSelector('[data-testid="console-monthly"]');
await sari.click('[data-testid="console-confirm-examples"]').catch(() => null);
await sari.selectOption('[data-testid="term"]', '12m');
const monthlyOf = async () => sari.textContent('[data-testid="console-monthly"]');
const first = await monthlyOf();
await sari.click('[data-testid="console-add-option"]');
await sari.waitForSelector('[data-testid="console-option-1"]');
check('the first option is listed with its settings and monthly figure', (await sari.textContent('[data-testid="console-option-1"]')).includes(first), await sari.textContent('[data-testid="console-option-1"]'));
const single = await sari.textContent('[data-testid="console-issue-status"]');
check('one option alone is not a quotation of options: the form says to add another', (await sari.getAttribute('[data-testid="console-issue"]', 'disabled')) !== null && single.includes('Options'), single);
check('the same estimate twice is refused: the button waits, and says why', (await sari.getAttribute('[data-testid="console-add-option"]', 'disabled')) !== null && (await sari.textContent('[data-testid="console-option-already"]')).includes('already option 1'));
await sari.selectOption('[data-testid="site"]', 'yogyakarta');
await sari.selectOption('[data-testid="term"]', '36m');
await sari.waitForFunction((before) => document.querySelector('[data-testid="console-monthly"]')?.textContent !== before, first);
const second = await monthlyOf();
await sari.click('[data-testid="console-add-option"]');
await sari.waitForSelector('[data-testid="console-option-2"]');
await sari.fill('[data-testid="input-sales-appointments"]', '120');
await sari.waitForFunction((before) => document.querySelector('[data-testid="console-monthly"]')?.textContent !== before, second);
const third = await monthlyOf();
await sari.click('[data-testid="console-add-option"]');
await sari.waitForSelector('[data-testid="console-option-3"]');
check('the focus goes to the list of options once one is added', await sari.evaluate(() => document.activeElement?.id) === 'console-options-title');
await sari.click('[data-testid="console-remove-option-3"]');
await sari.waitForSelector('[data-testid="console-option-3"]', { state: 'detached' });
check('an option removed leaves the others, the focus on the list', (await sari.$('[data-testid="console-option-2"]')) !== null && await sari.evaluate(() => document.activeElement?.id) === 'console-options-title');
await sari.click('[data-testid="console-add-option"]');
await sari.waitForSelector('[data-testid="console-option-3"]');
check('at three the console offers no more', await sari.getAttribute('[data-testid="console-add-option"]', 'disabled') !== null);
await sari.fill('[data-testid="console-client"]', 'PT Delta Niaga');
await sari.screenshot({ path: 'target/screenshots/options-console-en-1280.png', fullPage: false });
await sari.click('[data-testid="console-issue"]');
await sari.waitForSelector('[data-testid="console-issued-link"]');
const issued = await sari.textContent('[data-testid="console-issued-link"]');
const fragment = issued.split('#')[1];
check('the three options go out in one signed link of format 4', fragment.startsWith('v=4&') && fragment.includes('&o2=') && fragment.includes('&o3=') && fragment.includes('&sig='), fragment);
check('within 2,048 characters', fragment.length <= 2048, String(fragment.length));

// The client, on a phone, in Indonesian.
const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', serviceWorkers: 'block' });
await phone.clock.setFixedTime(new Date('2026-12-09T05:00:00Z'));
const client = await phone.newPage();
client.on('pageerror', (e) => problems.push(String(e)));
await client.goto(issued);
await client.waitForSelector('[data-testid="quote-signature"][data-state="valid"]');
await client.waitForSelector('[data-testid="quote-option-3"]');
const cards = await client.$$eval('[data-testid^="quote-option-"][data-testid$="-see"], [data-testid="quote-option-shown"]', (els) => els.length);
check('the page compares three options, the first shown', cards === 3 && (await client.getAttribute('[data-testid="quote-option-1"]', 'aria-current')) === 'true');
const viewing = await client.textContent('[data-testid="quote-option-viewing"]');
check('under the standing: which option is shown', viewing.includes('opsi 1 dari 3'), viewing);
const cardMonthly = async (n) => amount(await client.textContent(`[data-testid="quote-option-${n}"] [data-testid="quote-option-monthly"]`));
const shownMonthly = async () => amount(await client.textContent('[data-testid="total-monthly"]'));
check('each card\'s month is the one the console showed for it', await cardMonthly(1) === amount(first) && await cardMonthly(2) === amount(second) && await cardMonthly(3) === amount(third), `${await cardMonthly(1)} ${await cardMonthly(2)} ${await cardMonthly(3)} / ${first} ${second} ${third}`);
check('the first option\'s totals are the page\'s', await shownMonthly() === await cardMonthly(1));
const difference = await client.textContent('[data-testid="quote-option-2"] [data-testid="quote-option-difference"]');
const less = amount(first) - amount(second);
check('the second card says what it saves a month against the first', amount(difference.split(' per ')[0]) === less && difference.includes('lebih rendah dari opsi 1'), `${difference} / ${less}`);
await (await client.$('[data-testid="quote-options"]')).screenshot({ path: 'target/screenshots/options-compare-id-375.png' });
await client.click('[data-testid="quote-option-2-see"]');
await client.waitForSelector('[data-testid="quote-option-2"][aria-current="true"]');
await client.waitForSelector('[data-testid="quote-signature"][data-state="valid"]');
check('the second option opens in full: its totals are its card\'s', await shownMonthly() === await cardMonthly(2), `${await shownMonthly()} ${await cardMonthly(2)}`);
check('its link is the issued one with the choice after it', client.url().endsWith(`${fragment}&o=2`), client.url());
const focused = await client.evaluate(() => document.activeElement?.id);
check('the focus is on the option opened', focused === 'quote-option-2-title', focused);
const accept = await client.textContent('[data-testid="quote-accept"]');
check('the accept button names the option', accept === 'Terima opsi 2', accept);
const message = decodeURIComponent((await client.getAttribute('[data-testid="quote-accept"]', 'href')).split('text=')[1]);
check('the acceptance names option 2 of 3, its figures and its link', message.includes('opsi 2 dari 3') && message.includes(`${fragment}&o=2`), message);
const paper = await client.textContent('[data-testid="print-options"]');
check('the printed quotation lists the three options', (paper.match(/Opsi \d/g) ?? []).length === 3, paper);
await client.screenshot({ path: 'target/screenshots/options-option2-id-375.png', fullPage: true });
await client.emulateMedia({ media: 'print' });
await client.pdf({ path: 'target/screenshots/options-option2-id.pdf', format: 'A4' }).catch(() => null);
await client.emulateMedia({ media: 'screen' });
await phone.close();

// English at 1280: the cards side by side.
const wide = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Asia/Jakarta', serviceWorkers: 'block' });
await wide.clock.setFixedTime(new Date('2026-12-09T05:00:00Z'));
await wide.addInitScript(() => localStorage.setItem('biaya-bpo.lang', 'en'));
const reader = await wide.newPage();
reader.on('pageerror', (e) => problems.push(String(e)));
await reader.goto(`${issued}&o=3`);
await reader.waitForSelector('[data-testid="quote-option-3"][aria-current="true"]');
const tops = await reader.$$eval('.option-card', (els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
check('at 1280 px the options stand side by side', tops.length === 3 && new Set(tops).size === 1, tops.join(' '));
await (await reader.$('[data-testid="quote-options"]')).screenshot({ path: 'target/screenshots/options-compare-en-1280.png' });
await wide.close();

// Sari checks the acceptance: it matches, and names the option.
await sari.fill('[data-testid="console-acceptance-text"]', message);
await sari.waitForSelector('[data-testid="console-acceptance-finding"][data-state="matches"]', { timeout: 10000 }).catch(() => null);
const finding = await sari.textContent('[data-testid="console-acceptance-finding"]');
check('the console: the acceptance matches, option 2', finding.includes('option 2'), finding);
await sari.click('[data-testid="console-acceptance-record"]');
await sari.waitForSelector('[data-testid="console-acceptance-finding"][data-state="recorded"]');
const recorded = await sari.textContent('[data-testid="register-accepted"]');
check('the register: accepted on the day, option 2', recorded.includes('option 2'), recorded);
const registered = await sari.$eval('[data-testid="register-accepted"]', (td) => td.nextElementSibling.textContent);
check('and its monthly figure is option 2\'s', amount(registered) === amount(second), `${registered} / ${second}`);

// The quote tool verifies it, as an operator would.
const report = JSON.parse(execFileSync('target/debug/quote', ['--provider', 'providers/example', '--at', '2026-12-09T05:00:00Z', `${issued}&o=2`]).toString());
check('the quote tool: valid, three options, the second shown', report.standing === 'valid' && report.options.length === 3 && report.options[1].shown && amount(report.options[1].totals.monthly) === amount(second), JSON.stringify(report.options));

check('no script error', problems.length === 0, problems.join(' | '));
await desk.close();
await browser.close();
close();
process.exit(finish('options'));
