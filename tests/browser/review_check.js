// Drives the Debian chromium package headless over the DevTools protocol on a pipe
// (--remote-debugging-pipe: no port, no network, no npm package) and checks a review
// page as staff read it — the short summary (issue 13 point 5: every line lives in the
// workbench): no console errors, the summary, treasury, held-lines and "every line"
// sections render with the chart, the page points to the workbench and ledger.csv, and
// no script smuggled in through a payee or bank name ran. Keeps a full-page screenshot.
//
// usage: node review_check.js CHROMIUM PAGE.html SCREENSHOT.png EXPECTED_TEXT...
//   EXPECTED_TEXT: strings that must show on the page as text (the hostile names).
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const [chromium, page, screenshot, ...expectedTexts] = process.argv.slice(2);
if (!chromium || !page || !screenshot) {
  console.error('usage: node review_check.js CHROMIUM PAGE.html SCREENSHOT.png [EXPECTED_TEXT...]');
  process.exit(2);
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'patsub-chromium-'));
const browser = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions',
  `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let browserLog = '';
browser.stdio[2].on('data', (d) => { browserLog += d; });

const pending = new Map();
const listeners = [];
let nextId = 1;
let buffer = '';
browser.stdio[4].on('data', (chunk) => {
  buffer += chunk.toString('utf8');
  let end;
  while ((end = buffer.indexOf('\0')) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (message.id && pending.has(message.id)) {
      const { resolve, reject, method } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    } else if (message.method) {
      for (const l of listeners) l(message);
    }
  }
});

function send(method, params = {}, sessionId) {
  const id = nextId++;
  const message = { id, method, params };
  if (sessionId) message.sessionId = sessionId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, method });
    browser.stdio[3].write(JSON.stringify(message) + '\0');
  });
}

function waitFor(method, sessionId, timeoutMs = 15000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}`)), timeoutMs);
    listeners.push(function once(m) {
      if (m.method !== method || (sessionId && m.sessionId !== sessionId)) return;
      listeners.splice(listeners.indexOf(once), 1);
      clearTimeout(timer);
      resolve(m.params);
    });
  });
}

const failures = [];
function check(condition, what) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (!condition) failures.push(what);
}

async function main() {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const s = (method, params) => send(method, params, sessionId);
  const consoleErrors = [];
  listeners.push((m) => {
    if (m.sessionId !== sessionId) return;
    if (m.method === 'Runtime.consoleAPICalled' && (m.params.type === 'error' || m.params.type === 'assert'))
      consoleErrors.push(m.params.args.map((a) => a.value ?? a.description).join(' '));
    if (m.method === 'Runtime.exceptionThrown')
      consoleErrors.push(m.params.exceptionDetails.exception?.description ?? m.params.exceptionDetails.text);
    if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error') consoleErrors.push(m.params.entry.text);
  });
  await s('Runtime.enable');
  await s('Log.enable');
  await s('Page.enable');
  await s('Emulation.setDeviceMetricsOverride', { width: 1300, height: 1000, deviceScaleFactor: 1, mobile: false });
  const loaded = waitFor('Page.loadEventFired', sessionId);
  await s('Page.navigate', { url: pathToFileURL(path.resolve(page)).href });
  await loaded;

  const evaluate = async (expression) => {
    const r = await s('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`${expression}: ${r.exceptionDetails.text}`);
    return r.result.value;
  };
  for (const id of ['summary', 'notice', 'treasury', 'attention', 'more'])
    check(await evaluate(`!!document.getElementById('${id}')`), `the summary has its ${id} section`);
  check(await evaluate("document.querySelectorAll('svg rect').length > 0"), 'the chart of amounts by clause renders');
  const treasuryRows = await evaluate("document.querySelectorAll('#treasury tbody tr').length");
  check(treasuryRows >= 1, `the treasury rows an approval would pay are listed (${treasuryRows})`);
  check(await evaluate("!!document.querySelector('#more a[href=\"ledger.csv\"]')"), 'the page links the batch\'s ledger.csv');
  check(await evaluate("document.getElementById('more').innerText.indexOf('patsub serve') >= 0"),
        'the page says where every line is (the workbench)');
  check(await evaluate("document.scripts.length === 0"), 'the summary carries no script');

  // Move the mouse over every row and cell: an injected onmouseover would fire here.
  const points = await evaluate(
    "Array.from(document.querySelectorAll('td, th, span, code')).map(function(e){var r=e.getBoundingClientRect();return [r.left+r.width/2,r.top+r.height/2+window.scrollY];})");
  for (const [x, yPage] of points.slice(0, 600)) {
    await evaluate(`window.scrollTo(0, ${Math.max(0, yPage - 400)})`);
    await s('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y: yPage - (await evaluate('window.scrollY')) });
  }
  await evaluate('window.scrollTo(0, 0)');

  const pwned = await evaluate("typeof window.__pwned === 'undefined' ? 'undefined' : String(window.__pwned)");
  check(pwned === 'undefined', `no injected script ran (window.__pwned ${pwned})`);
  const bodyText = await evaluate('document.body.innerText');
  for (const t of expectedTexts) check(bodyText.includes(t), `shows as text: ${t}`);
  check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? ': ' + consoleErrors.join(' | ') : ''}`);

  // Full-page screenshot for people to look at, with the first explanation open.
  const metrics = await s('Page.getLayoutMetrics');
  const height = Math.min(Math.ceil(metrics.cssContentSize.height), 12000);
  await s('Emulation.setDeviceMetricsOverride', { width: 1300, height, deviceScaleFactor: 1, mobile: false });
  const shot = await s('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
  fs.mkdirSync(path.dirname(path.resolve(screenshot)), { recursive: true });
  fs.writeFileSync(screenshot, Buffer.from(shot.data, 'base64'));
  console.log(`screenshot: ${screenshot}`);
  await send('Browser.close').catch(() => {});
}

const deadline = setTimeout(() => {
  console.error('FAIL: the browser check took longer than 120 s');
  browser.kill('SIGKILL');
  process.exit(1);
}, 120000);

main().then(
  () => finish(failures.length === 0 ? 0 : 1),
  (e) => {
    console.error(`FAIL: ${e.message}`);
    if (browserLog) console.error(browserLog.split('\n').slice(-15).join('\n'));
    finish(1);
  });

function finish(code) {
  clearTimeout(deadline);
  const done = () => {
    fs.rmSync(profile, { recursive: true, force: true });
    console.log(code === 0 ? 'browser check: ok' : `browser check: ${failures.length} failed`);
    process.exit(code);
  };
  if (browser.exitCode !== null) return done();
  browser.once('exit', done);
  setTimeout(() => { browser.kill('SIGKILL'); }, 5000).unref();
}
