// Staff without a rebuild (issue 23): a salesperson who joins after the release, certified by the
// provider's root key in staff.txt beside the page, as the client and the salesperson meet it in
// Chromium. The release is not rebuilt: only staff.txt changes. Checked: a quotation Ayu signs
// reads valid in her name on the page; her key loads in the console and issues a quotation that
// stands; with staff.txt altered by hand, or gone, the same link does not stand; offline, the
// service worker's last copy still vouches for her; withdrawn (the file replaced), her quotation
// reads withdrawn. Usage: node .ci/roster.mjs [dist] (after `cargo build --bin quote`).
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, checks } from './browser.mjs';

const dist = process.argv[2] ?? 'dist';
const work = await mkdtemp(join(tmpdir(), 'roster-'));
const site = join(work, 'site');
await cp(dist, site, { recursive: true });
const roster = join(site, 'staff.txt');
const quote = (args) => execFileSync('target/debug/quote', ['--provider', 'providers/example', ...args], { encoding: 'utf8' });

const { check, finish } = checks();

// The operator: Ayu's key made, certified with the demo root key, staff.txt next to the page.
const ayuKey = join(work, 'ayu.jwk');
const publicPoint = quote(['keygen', '--staff', 'AR', '--out', ayuKey]).match(/--public (\S+)/)?.[1];
quote(['staff', 'add', '--root', 'tests/fixtures/demo-root.jwk', '--roster', roster, '--id', 'AR',
  '--public', publicPoint, '--name', 'Ayu Rahma', '--title-id', 'Eksekutif Akun', '--title-en', 'Account Executive',
  '--email', 'ayu.rahma@nusa-layanan.example', '--whatsapp', '6281400000000', '--max-discount', '0.08']);
const certified = await readFile(roster, 'utf8');
const keyId = certified.match(/^cert 1\|NLY\|AR\|(AR-[0-9a-f]{6})\|/m)?.[1];
check('staff.txt certifies Ayu with her key', Boolean(keyId), certified);
// Ayu signs a quotation with the quote tool (the console's signing is checked below): 5 % off.
const unsigned = 'v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=en&f=30&sales=3.40.150&for=PT%20Maju%20Jaya&ref=NLY/AR/2026/12/0001&disc=5';
const signedUrl = quote(['--roster', roster, 'sign', '--key', ayuKey, unsigned]).trim();
const fragment = signedUrl.split('#')[1];
check('the quote tool signs with her certified key', fragment?.includes(`key=${keyId}&sig=`), signedUrl);

const { origin, close } = await serve(site);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
const problems = [];
const page = await context.newPage();
page.on('pageerror', (e) => problems.push(String(e)));

/** The quotation's standing and what the page says of it, read once the check is done. */
async function standing() {
  await page.goto(`${origin}/#${fragment}`, { waitUntil: 'load' });
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('[data-testid="quote-signature"]:not([data-state="checking"])', { timeout: 15000 });
  return {
    state: await page.getAttribute('[data-testid="quote-signature"]', 'data-state'),
    says: (await page.textContent('[data-testid="quote-signature"]')) ?? '',
    monthly: (await page.textContent('[data-testid="total-monthly"]'))?.replace(/\D/g, ''),
  };
}

const first = await standing();
check('the client sees the quotation valid, in Ayu\'s name', first.state === 'valid' && first.says.includes('Ayu Rahma'), JSON.stringify(first));
// Her 5 %, within her 8 %: the monthly total the tool prices with the discount, not without it.
const withRoster = JSON.parse(quote(['--roster', roster, signedUrl])).estimate.totals.monthly;
const without = JSON.parse(quote([signedUrl])).estimate.totals.monthly;
check('her 5 % discount applies on the page', first.monthly === withRoster && withRoster !== without, `${first.monthly} / ${withRoster} / ${without}`);
await page.screenshot({ path: 'target/screenshots/roster-valid-en-1280.png', fullPage: false });

// Offline, from the service worker's copy: the page goes on vouching for her.
// The service worker installed and in control, then the quotation read once through it (its check
// done, so staff.txt is in the worker's cache) before the network goes.
await page.evaluate(() => navigator.serviceWorker.ready);
await page.reload({ waitUntil: 'load' });
await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 15000 });
const online = await standing();
check('read through the service worker, it is valid', online.state === 'valid', JSON.stringify(online));
await context.setOffline(true);
const offline = await standing().catch((e) => ({ state: String(e) }));
check('offline, the last staff.txt seen still vouches for her', offline.state === 'valid', JSON.stringify(offline));
await context.setOffline(false);

// A line changed by hand (her limit raised to 50 %) no longer holds: no one the provider knows
// signed the quotation.
await writeFile(roster, certified.replace('|0.08|', '|0.50|'));
const altered = await standing();
check('a certificate altered by hand vouches for nobody', altered.state === 'unknown-key', JSON.stringify(altered));
// Gone from beside the page.
await rm(roster);
const gone = await standing();
check('without staff.txt her key is unknown', gone.state === 'unknown-key', JSON.stringify(gone));

// The console: Ayu loads her key, and issues a quotation that stands.
await writeFile(roster, certified);
const sales = await context.newPage();
sales.on('pageerror', (e) => problems.push(String(e)));
await sales.goto(`${origin}/console.html`, { waitUntil: 'load' });
await sales.waitForSelector('[data-testid="console-key"][data-state="ready"]');
await sales.setInputFiles('[data-testid="console-key-file"]', ayuKey);
const signer = await sales.waitForSelector('[data-testid="console-signer"]', { timeout: 15000 }).then((e) => e.textContent()).catch(() => '');
check('her key loads in the console, as Ayu Rahma', signer.includes('Ayu Rahma'), signer);
await sales.click('[data-testid="activity-sales"]');
await sales.waitForSelector('[data-testid="console-monthly"]');
await sales.click('[data-testid="console-confirm-examples"]');
await sales.fill('[data-testid="console-client"]', 'PT Sinar Abadi');
await sales.click('[data-testid="console-issue"]');
const issued = await sales.waitForSelector('[data-testid="console-issued-link"]', { timeout: 15000 })
  .then((e) => e.textContent()).catch(() => null);
check('the console issues her quotation, numbered with her id', /&ref=NLY\/AR\/\d{4}\/\d{2}\/0001-/.test(issued ?? ''), issued ?? await sales.textContent('body'));
if (issued) {
  const judged = JSON.parse(quote(['--roster', roster, issued]));
  check('and the quote tool reads it valid, in her name', judged.standing === 'valid' && judged.says.includes('Ayu Rahma'), judged.says);
}
await sales.close();

// Withdrawn from today: staff.txt replaced, nothing rebuilt.
quote(['staff', 'withdraw', '--root', 'tests/fixtures/demo-root.jwk', '--roster', roster, '--key', keyId]);
const withdrawn = await standing();
check('withdrawn, her quotation no longer stands', withdrawn.state === 'revoked', JSON.stringify(withdrawn));
await page.screenshot({ path: 'target/screenshots/roster-withdrawn-en-1280.png', fullPage: false });
check('no script error', problems.length === 0, problems.join(' | '));

await browser.close();
close();
await rm(work, { recursive: true, force: true });
process.exit(finish('roster'));
