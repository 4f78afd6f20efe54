// End-to-end test of the browser workspace in Debian's headless Chromium (playwright-core):
// the workspace file /data/workspace.db lives on IndexedDB (IDBFS), a first visit finds the
// demo county in it, enterprises imported from CSV through the page's entry point survive a
// reload with their audit entries, and without IndexedDB the app still works in memory and
// says that changes will not be kept.
//
// usage: node persistence.test.mjs --site build/wasm/web --out build/artifacts
//                                  [--test-plugins build/wasm/test-plugins]   (unused; accepted like app.test.mjs)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, out, serve, site, waitReady } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pngColours = path.join(here, '..', 'support', 'png_colours.py');

const WARNING_RED = '191,38,25,40';   // ui/screen_menu.cpp: a storage problem in the menu bar

// Three enterprises with valid credit codes that the demo county (seed 1) does not have,
// written as tests/data/exchange/enterprises_ok.csv is; one name is quoted and holds a comma.
const CSV = [
  '企业名称,信用代码,等级,名单,乡镇,行业,规上企业',
  '云和县正鑫机械有限公司,91331125MAJXHQJR71,A,白名单、重点监管,南屏镇,机械制造,是',
  '"云和县佳信商贸有限公司（城西店, 二号）",91331125MAGWGYEJXU,B,,城西街道,批发零售,否',
  '云和县木玩厂,91331125MAEUG5AB4W,C,,紧水滩镇,玩具,',
].join('\r\n') + '\r\n';
const CODES = ['91331125MAJXHQJR71', '91331125MAGWGYEJXU', '91331125MAEUG5AB4W'];

const server = await serve(site);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

// A fresh context is a fresh profile: empty IndexedDB, shared by its pages and reloads.
async function newContext({ withoutIndexedDB = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (withoutIndexedDB) {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
  }
  return context;
}

const open = (context, query) => openApp(context, `${base}/index.html?${query}`);

const status = (page) => page.evaluate(() => window.inspectonce.workspaceStatus());
const find = (page, code) => page.evaluate((c) => window.inspectonce.findEnterprise(c), code);
const importCsv = (page, text) => page.evaluate((t) => window.inspectonce.importCsv(t, { name: 'three.csv' }), text);
const whenSynced = (page) => page.evaluate(() => window.inspectonce.whenSynced());

function warningPixels(file) {
  const output = execFileSync('python3', [pngColours, file, WARNING_RED]).toString();
  return Number(output.match(/: (\d+) pixels/)[1]);
}

test('the workspace lives on IndexedDB: the demo county on a first visit, imported enterprises after a reload', async () => {
  const context = await newContext();
  const { page, errors, millisToReady } = await open(context, 'county=yunhe');
  console.log(`# first visit, time to ready (demo county generated and saved): ${millisToReady} ms`);
  const first = await status(page);
  console.log(`# first visit: ${JSON.stringify(first)}`);
  assert.equal(first.storage, 'persistent');
  assert.equal(first.created, true, 'a first visit makes the demo county');
  assert.equal(first.county, 'yunhe');
  assert.ok(first.enterprises > 0, 'the demo county has enterprises');
  assert.ok(first.plans > 0, 'the demo county has plans');
  let shown = await page.evaluate(() => ({ message: window.inspectonce.storageMessage, problem: window.inspectonce.storageProblem }));
  assert.deepEqual(shown, { message: '数据保存在本浏览器', problem: false });
  // The demo county was saved by a committed transaction: its copy to IndexedDB.
  const firstSync = await whenSynced(page);
  assert.equal(firstSync?.ok, true, `the first copy to IndexedDB worked: ${JSON.stringify(firstSync)}`);
  for (const code of CODES) assert.equal(await find(page, code), null, `${code} is not in the demo county`);

  const report = await importCsv(page, CSV);
  assert.deepEqual({ rows: report.rows, added: report.added, written: report.written, problems: report.problemCount },
                   { rows: 3, added: 3, written: true, problems: 0 }, JSON.stringify(report));
  const afterImport = await status(page);
  assert.equal(afterImport.enterprises, first.enterprises + 3);
  assert.equal(afterImport.audit, first.audit + 3, 'one audit entry per imported row');
  const syncs = await page.evaluate(() => window.inspectonce.storage.syncs);
  const lastSync = await whenSynced(page);
  assert.equal(lastSync.ok, true, JSON.stringify(lastSync));
  assert.ok(await page.evaluate(() => window.inspectonce.storage.syncs) >= syncs);
  console.log(`# import of 3 rows copied to IndexedDB in ${lastSync.millis} ms`);

  // A bad file writes nothing (and is not copied anywhere).
  const bad = await importCsv(page, '企业名称,信用代码,等级\r\n坏企业,91331125MA2E00046X,A\r\n');
  assert.equal(bad.written, false);
  assert.ok(bad.problemCount > 0);
  assert.equal((await status(page)).enterprises, afterImport.enterprises);

  await page.reload();
  await waitReady(page);
  const reloaded = await status(page);
  console.log(`# after reload: ${JSON.stringify(reloaded)}`);
  console.log(`# loading /data from IndexedDB before main(): ${await page.evaluate(() => window.inspectonce.storage.loadMillis)} ms`);
  assert.equal(reloaded.storage, 'persistent');
  assert.equal(reloaded.created, false, 'the reload opened the saved file');
  assert.equal(reloaded.enterprises, first.enterprises + 3, 'the imported enterprises survived the reload');
  assert.equal(reloaded.audit, afterImport.audit, 'the audit entries survived the reload');
  assert.ok(reloaded.audit >= 3);
  assert.deepEqual(await find(page, '91331125MAGWGYEJXU'),
    { uscc: '91331125MAGWGYEJXU', name: '云和县佳信商贸有限公司（城西店, 二号）', grade: 'B', town: '城西街道', industry: '批发零售' });
  for (const code of CODES) assert.notEqual(await find(page, code), null, code);

  // Another county in the URL does not replace the saved workspace.
  const other = await open(context, 'county=pingyang');
  const again = await status(other.page);
  assert.equal(again.county, 'yunhe');
  assert.equal(again.enterprises, reloaded.enterprises);
  await other.page.close();

  await page.screenshot({ path: path.join(out, 'browser-persistence-reloaded.png') });
  // The "数据 / Data" menu of the menu bar lists the counts (a picture for people, not asserted).
  await page.mouse.click(339, 12);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'browser-persistence-data-menu.png') });
  assert.deepEqual(errors, []);
  assert.deepEqual(other.errors, []);
  await context.close();
});

test('without IndexedDB the app works in memory and says that changes will not be kept', async () => {
  const context = await newContext({ withoutIndexedDB: true });
  const { page, errors } = await open(context, 'county=yunhe');
  assert.equal(await page.evaluate(() => typeof window.indexedDB), 'undefined');
  const first = await status(page);
  assert.equal(first.storage, 'unavailable');
  assert.ok(first.enterprises > 0, 'the demo county is there, in memory');
  const shown = await page.evaluate(() => ({ message: window.inspectonce.storageMessage, problem: window.inspectonce.storageProblem }));
  assert.deepEqual(shown, { message: '浏览器存储不可用，更改不会保留', problem: true });
  const report = await importCsv(page, CSV);
  assert.equal(report.added, 3);
  assert.equal((await status(page)).enterprises, first.enterprises + 3);
  const shot = path.join(out, 'browser-persistence-unavailable.png');
  await page.screenshot({ path: shot });
  const red = warningPixels(shot);
  console.log(`# warning-red pixels in the screenshot: ${red}`);
  assert.ok(red > 50, 'the warning is drawn in the menu bar');

  // Nothing was kept: a reload starts from the demo county again.
  await page.reload();
  await waitReady(page);
  assert.equal((await status(page)).enterprises, first.enterprises);
  assert.deepEqual(errors, []);

  // In English with ?lang=en.
  const english = await open(context, 'county=yunhe&lang=en');
  assert.equal(await english.page.evaluate(() => window.inspectonce.storageMessage),
               'Browser storage unavailable, changes will not be kept');
  await english.page.screenshot({ path: path.join(out, 'browser-persistence-unavailable-en.png') });
  await context.close();
});

test('an IndexedDB that refuses to open (as in private mode) falls back to memory at once', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      const request = { error: new DOMException('simulated: private browsing', 'InvalidStateError') };
      setTimeout(() => request.onerror && request.onerror({ preventDefault() {} }), 10);
      return request;
    };
  });
  const { page, errors, millisToReady } = await open(context, 'county=yunhe&lang=en');
  const state = await status(page);
  assert.equal(state.storage, 'unavailable');
  assert.ok(state.enterprises > 0);
  assert.match(await page.evaluate(() => window.inspectonce.storage.reason), /InvalidStateError/);
  assert.equal(await page.evaluate(() => window.inspectonce.storageMessage), 'Browser storage unavailable, changes will not be kept');
  assert.ok(millisToReady < 15000, `no wait for a timeout (${millisToReady} ms)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a copy to IndexedDB that fails is reported (storage full, aborted) and the next good copy clears it', async () => {
  const context = await newContext();
  const { page, errors } = await open(context, 'county=yunhe');
  await whenSynced(page);
  // Storage runs out: IndexedDB refuses the write with a QuotaExceededError.
  await page.evaluate(() => {
    window.realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () { throw new DOMException('simulated: the quota is used up', 'QuotaExceededError'); };
  });
  const report = await importCsv(page, CSV);
  assert.equal(report.added, 3);
  const full = await whenSynced(page);
  assert.equal(full.ok, false);
  assert.match(full.error, /QuotaExceededError/);
  assert.equal((await status(page)).storage, 'full');
  await page.waitForFunction(() => window.inspectonce.storageProblem, null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.inspectonce.storageMessage), '存储空间已满，最近的更改未保留');
  await page.screenshot({ path: path.join(out, 'browser-persistence-full.png') });

  // A transaction aborted under IDBFS (which never calls back then): reported, no hang.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function (...args) {
      const request = window.realPut.apply(this, args);
      this.transaction.abort();
      return request;
    };
  });
  const more = '企业名称,信用代码,等级\r\n云和县康瑞仓储有限公司,91331125MACTFB6480,C\r\n';
  assert.equal((await importCsv(page, more)).added, 1);
  const aborted = await whenSynced(page);
  assert.equal(aborted.ok, false);
  assert.equal((await status(page)).storage, 'failed');
  await page.waitForFunction(() => /保存到浏览器存储失败/.test(window.inspectonce.storageMessage), null, { timeout: 5000 });

  // Space again: the next change is copied, with everything before it.
  await page.evaluate(() => { IDBObjectStore.prototype.put = window.realPut; });
  const last = '企业名称,信用代码,等级\r\n云和县永金货运有限公司,91331125MAAREH1W08,A\r\n';
  assert.equal((await importCsv(page, last)).added, 1);
  assert.equal((await whenSynced(page)).ok, true);
  await page.waitForFunction(() => !window.inspectonce.storageProblem, null, { timeout: 5000 });
  const before = await status(page);
  assert.equal(before.storage, 'persistent');
  await page.reload();
  await waitReady(page);
  assert.equal((await status(page)).enterprises, before.enterprises, 'every change is there after the reload');
  assert.deepEqual(errors, []);
  await context.close();
});

test.after(async () => {
  await browser.close();
  server.close();
});
