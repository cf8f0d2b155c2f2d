// The workbench flow in a real browser (issue 13 point 7): Debian's chromium, headless,
// driven by puppeteer-core (pinned in package-lock.json; tests/e2e/workbench_browser.sh
// installs it and starts `patsub serve`). Two people, each in their own browser context:
// the reviewer logs in through the form, finds a line by its ZL number, holds it with a
// reason, marks the batch reviewed and publishes the notice; the approve button is
// missing for them with the reason shown, and a forged approval POST with their session
// and CSRF token is refused. Then the script prints "PHASE reviewer done" and waits for a
// line on stdin while the server restarts after the notice period; the approver logs in,
// approves, and downloads the treasury CSV and xlsx into DOWNLOADS. Before that the
// reviewer asks what the file EARN_FILE (environment) would earn through the check page's
// upload form (issue 14 point 7). Every page must show
// the Chinese texts staff read at that step, with no console error and no CSP violation.
// A 1366x768 screenshot of each step goes to ARTIFACTS.
//
// usage: node workbench_flow.js CHROMIUM BASE_URL ZL_NUMBER LINE_ID ARTIFACTS DOWNLOADS
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const puppeteer = require('puppeteer-core');

const [chromium, base, zl, lineId, artifacts, downloads] = process.argv.slice(2);
if (!downloads) {
  console.error('usage: node workbench_flow.js CHROMIUM BASE_URL ZL_NUMBER LINE_ID ARTIFACTS DOWNLOADS');
  process.exit(2);
}

const failures = [];
function check(condition, what) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (!condition) failures.push(what);
}

// Problems any page reported: console errors, uncaught exceptions, CSP violations
// (seen by a listener installed before the page's own scripts), failed requests.
const problems = [];
async function watch(page, who) {
  await page.setViewport({ width: 1366, height: 768, deviceScaleFactor: 1 });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'assert') problems.push(`${who}: console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${who}: page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().includes('/approve')) problems.push(`${who}: ${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // A download ends its navigation request "aborted": that is the browser saving the file.
    if (!r.url().includes('/download/')) problems.push(`${who}: request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  // The two irreversible buttons ask first (workbench.js); a person says yes.
  page.on('dialog', (d) => { console.log(`     ${who} confirms: ${d.message()}`); d.accept(); });
}

let shot = 0;
async function screenshot(page, name) {
  shot += 1;
  const file = path.join(artifacts, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`     screenshot ${file}`);
}

const text = (page) => page.evaluate(() => document.body.innerText);
async function shows(page, expected, step) {
  const body = await text(page);
  for (const t of expected) check(body.includes(t), `${step}: the page shows 「${t}」`);
}
async function clickAndWait(page, selector) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

async function logIn(page, name, password) {
  await page.goto(`${base}/`, { waitUntil: 'load' });
  check(new URL(page.url()).pathname === '/login', `${name}: an anonymous visit lands on the login form`);
  await shows(page, ['专利资助工作台', '用户名', '密码'], `${name} login form`);
  await page.type('#name', name);
  await page.type('#password', password);
  await screenshot(page, `${name}-login`);
  await clickAndWait(page, '#login');
  check(new URL(page.url()).pathname === '/', `${name}: logged in, on the batch list`);
  await shows(page, ['批次列表', name, '退出登录'], `${name} batch list`);
}

async function reviewer(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await watch(page, 'shen');
  await logIn(page, 'shen', 'pass-shen-123');
  await screenshot(page, 'shen-batches');

  // The CSP watch works: an image from elsewhere is blocked and reported (then forgotten).
  await page.evaluate(() => { const i = document.createElement('img'); i.src = 'http://192.0.2.1/x.png'; document.body.appendChild(i); });
  const until = Date.now() + 5000;
  while (!problems.some((p) => p.includes('CSP violation: img-src')) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  check(problems.some((p) => p.includes('CSP violation: img-src')), 'a CSP violation would be seen (a foreign image, blocked)');
  const probe = problems.filter((p) => p.includes('192.0.2.1'));
  console.log(`     the probe's reports: ${probe.join(' | ')}`);
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('192.0.2.1')));
  await page.reload({ waitUntil: 'load' });

  await clickAndWait(page, '#batches a[href="/batch/1"]');
  await shows(page, ['批次 1', '待审核', '专利号、申请号、企业名称或信用代码'], 'batch 1');
  await page.type('#q', zl);
  await clickAndWait(page, '#apply');
  const found = await page.$$eval('#lines a[href^="/line/"]', (as) => as.map((a) => a.getAttribute('href')));
  check(found.length === 1 && found[0] === `/line/${lineId}`, `searching ${zl} finds line ${lineId} only (${found.join(' ')})`);
  await screenshot(page, 'shen-search');

  await clickAndWait(page, `#lines a[href="/line/${lineId}"]`);
  await shows(page, [`条目 ${lineId}`, '逐项核查', '暂缓原因', '暂缓支付'], `line ${lineId}`);
  const reason = '收款账户待核实（银行回函未到）';
  await page.type('#hold-why', reason);
  await clickAndWait(page, '#hold');
  await shows(page, [`已暂缓条目 ${lineId}。`, `已被 shen 暂缓：${reason}`, '解除暂缓'], 'after the hold');
  await screenshot(page, 'shen-hold');

  await page.goto(`${base}/batch/1`, { waitUntil: 'load' });
  await shows(page, ['本批次尚未标记为已审核，不能发布公示。'], 'batch 1 before review');
  await clickAndWait(page, '#mark-reviewed');
  await shows(page, ['批次 1 已标记为已审核。', '已审核'], 'after marking reviewed');
  await screenshot(page, 'shen-reviewed');
  await clickAndWait(page, '#publish');
  await shows(page, ['批次 1 的公示已发布。', '公示期：'], 'after publishing');
  check(await page.$('#approve') === null, 'the reviewer has no approve button');
  const why = await page.$eval('#why-no-approve', (e) => e.innerText).catch(() => '');
  check(why === '您的角色（审核员）不能执行此操作。', `the page says why: ${why}`);
  await screenshot(page, 'shen-published');

  // What would it earn: a file chosen in the form and uploaded as the browser sends it.
  await page.goto(`${base}/check`, { waitUntil: 'load' });
  await shows(page, ['资助测算：上传专利文件', '上传并测算'], 'the check page');
  const chooser = await page.$('#earn-file');
  await chooser.uploadFile(process.env.EARN_FILE);
  await clickAndWait(page, '#earn-submit');
  await shows(page, [path.basename(process.env.EARN_FILE), '共 3 件文献，其中 2 件有昆明专利权人，1 件应付，合计 30000.00 元。',
                     'US11553104B2', '30000.00'], 'the answer to the upload');
  await screenshot(page, 'shen-check');

  // A forged approval: the reviewer's own session and CSRF token, posted by hand.
  const csrf = await page.$eval('input[name="csrf"]', (e) => e.value);
  const cookie = (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join('; ');
  const forged = await fetch(`${base}/batch/1/approve`, {
    method: 'POST', redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf }).toString(),
  });
  const forgedBody = await forged.text();
  check(forged.status === 403 && forgedBody.includes('您的角色无权访问此页面。'),
        `a forged approval POST by the reviewer is refused (${forged.status})`);
  await context.close();
}

async function approver(browser) {
  const context = await browser.createBrowserContext({
    downloadBehavior: { policy: 'allow', downloadPath: path.resolve(downloads) },
  });
  const page = await context.newPage();
  await watch(page, 'wang');
  await logIn(page, 'wang', 'pass-wang-123');
  await clickAndWait(page, '#batches a[href="/batch/1"]');
  await shows(page, ['批次 1', '审核人', 'shen', '公示期：', '审批通过并生成国库文件'], 'batch 1 for the approver');
  const held = await page.$$eval('#lines tr', (rows) => rows.map((r) => r.innerText).filter((t) => t.includes('shen')));
  check(held.length === 1, `the batch lists the held line with who held it (${held.length})`);
  await screenshot(page, 'wang-batch');
  await clickAndWait(page, '#approve');
  await shows(page, ['批次 1 已审批，国库文件已生成。', '已审批', '下载', 'treasury-1.csv', 'treasury-1.xlsx'], 'after approving');
  check(await page.$('#approve') === null, 'no approve button once approved');
  await screenshot(page, 'wang-approved');

  for (const name of ['treasury-1.csv', 'treasury-1.xlsx']) {
    await page.click(`#downloads a[href="/download/1/${name}"]`);
    const file = path.join(downloads, name);
    const until = Date.now() + 20000;
    while (!fs.existsSync(file) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    check(fs.existsSync(file), `${name} downloaded into ${downloads}`);
  }
  await context.close();
}

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-extensions', '--lang=zh-CN'],
  });
  try {
    await reviewer(browser);
    console.log('PHASE reviewer done');
    // The shell restarts the server on a clock past the notice period, then writes a line.
    const lines = readline.createInterface({ input: process.stdin });
    await new Promise((resolve, reject) => {
      lines.once('line', resolve);
      lines.once('close', () => reject(new Error('stdin closed before the server came back after the notice period')));
    });
    lines.close();
    await approver(browser);
  } finally {
    await browser.close();
  }
  check(problems.length === 0, `no console error, CSP violation or failed request${problems.length ? ':\n  ' + problems.join('\n  ') : ''}`);
}

const deadline = setTimeout(() => { console.error('FAIL: the browser flow took longer than 240 s'); process.exit(1); }, 240000);
main().then(
  () => {
    clearTimeout(deadline);
    console.log(failures.length === 0 ? 'browser flow: ok' : `browser flow: ${failures.length} failed`);
    process.exit(failures.length === 0 ? 0 : 1);
  },
  (e) => {
    clearTimeout(deadline);
    console.error(`FAIL: ${e.stack || e.message}`);
    process.exit(1);
  });
