// How the browser keeps the workspace file on IndexedDB (web/persistence.js), in Debian's
// headless Chromium: in chunks, a change writing only the chunks it changed; another tab's
// copy never mixed with this tab's; and a workspace kept by the earlier store (Emscripten's
// IDBFS, one value per file) carried over on the first visit after the update.
//
// usage: node storage.test.mjs --site build/wasm/web --out build/artifacts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clickMark, launch, openApp, serve, showScreen, waitReady } from './support.mjs';

const CHUNK = 256 * 1024;  // persistence.js
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

// Enterprises with valid credit codes that Yuancheng's demo county (seed 1) does not have.
const ONE = '企业名称,信用代码,等级\r\n源城区康瑞仓储有限公司,91331125MACTFB6480,C\r\n';
const OTHER = '企业名称,信用代码,等级\r\n源城区永金货运有限公司,91331125MAAREH1W08,A\r\n';

const open = (context, query = 'county=yuancheng&today=2026-03-16') => openApp(context, `${base}/index.html?${query}`);

const status = (page) => page.evaluate(() => window.inspectonce.workspaceStatus());
const whenSynced = (page) => page.evaluate(() => window.inspectonce.whenSynced());
const importCsv = (page, text, name) => page.evaluate(([t, n]) => window.inspectonce.importCsv(t, { name: n }), [text, name]);
const find = (page, code) => page.evaluate((c) => window.inspectonce.findEnterprise(c), code);

// What the chunked store holds for the workspace file: its record, its chunks and their bytes
// put together (base64, to leave the page).
function storedFile(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('inspectonce-data');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction(['files', 'chunks'], 'readonly');
      let record = null;
      const parts = [];
      transaction.objectStore('files').get('/data/workspace.db').onsuccess = (event) => { record = event.target.result ?? null; };
      transaction.objectStore('chunks').openCursor().onsuccess = (event) => {
        const cursor = event.target.result;
        if (!cursor) return;
        if (cursor.key[0] === '/data/workspace.db') parts.push(cursor.value);
        cursor.continue();
      };
      transaction.onabort = () => reject(transaction.error);
      transaction.oncomplete = () => {
        db.close();
        const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) { bytes.set(p, at); at += p.length; }
        let text = '';
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        resolve({ record, chunks: parts.length, size: bytes.length, base64: btoa(text) });
      };
    };
  }));
}

test('a change writes only the chunks it changed, and a reload reads them back', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await open(context);
  // A county of 5 000 enterprises (a file of a few MB), from the settings as an official would.
  await showScreen(page, 'settings');
  await clickMark(page, 'demo-size');
  await clickMark(page, 'demo-size-5000');
  await clickMark(page, 'demo-generate');
  await clickMark(page, 'demo-replace');
  await page.waitForFunction(() => window.inspectonce.workspace.enterprises === 5000 && !window.inspectonce.work, null,
    { timeout: 120000 });
  const whole = await whenSynced(page);
  assert.equal(whole.ok, true, JSON.stringify(whole));
  assert.ok(whole.size > 8 * CHUNK, `a file of several chunks (${whole.size} bytes)`);
  console.log(`# a workspace of 5 000 enterprises: ${whole.size} bytes, ${Math.ceil(whole.size / CHUNK)} chunks`);

  const report = await importCsv(page, ONE, 'one.csv');
  assert.equal(report.added, 1, JSON.stringify(report));
  const small = await whenSynced(page);
  assert.equal(small.ok, true, JSON.stringify(small));
  const all = Math.ceil(small.size / CHUNK);
  console.log(`# one enterprise imported: ${small.chunks} of ${all} chunks written (${small.bytes} bytes) in ${small.millis} ms`);
  assert.ok(small.chunks >= 1, 'the change was written');
  assert.ok(small.chunks <= all / 3, `only the changed chunks are written (${small.chunks} of ${all})`);

  // IndexedDB holds the file as it is now: its size, every chunk.
  const stored = await storedFile(page);
  assert.equal(stored.record.size, small.size);
  assert.equal(stored.chunks, all);
  assert.equal(stored.size, small.size);
  assert.equal(Buffer.from(stored.base64, 'base64').subarray(0, 15).toString('latin1'), 'SQLite format 3');

  await page.reload();
  await waitReady(page);
  const reloaded = await status(page);
  assert.equal(reloaded.created, false);
  assert.equal(reloaded.enterprises, 5001);
  assert.equal((await find(page, '91331125MACTFB6480'))?.name, '源城区康瑞仓储有限公司');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a copy after another tab wrote the file writes it whole, never a mix of the two', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await open(context);
  assert.equal((await whenSynced(a.page)).ok, true);
  const b = await open(context);
  const before = await status(b.page);

  assert.equal((await importCsv(a.page, ONE, 'a.csv')).added, 1);
  const fromA = await whenSynced(a.page);
  assert.ok(fromA.chunks < Math.ceil(fromA.size / CHUNK), 'tab A wrote only its changed chunks');

  // Tab B never saw A's change: its copy must replace the file whole (last writer wins).
  assert.equal((await importCsv(b.page, OTHER, 'b.csv')).added, 1);
  const fromB = await whenSynced(b.page);
  assert.equal(fromB.ok, true, JSON.stringify(fromB));
  assert.equal(fromB.chunks, Math.ceil(fromB.size / CHUNK), 'tab B wrote every chunk');

  const c = await open(context);
  const now = await status(c.page);
  assert.equal(now.error, undefined, `the stored file opens: ${JSON.stringify(now)}`);
  assert.equal(now.enterprises, before.enterprises + 1);
  assert.notEqual(await find(c.page, '91331125MAAREH1W08'), null, "B's enterprise is there");
  assert.equal(await find(c.page, '91331125MACTFB6480'), null, "A's change was replaced whole, not mixed in");
  assert.deepEqual([...a.errors, ...b.errors, ...c.errors], []);
  await context.close();
});

test('a workspace kept by the earlier IDBFS store is read and carried over to the chunked store', async () => {
  // A workspace file with three imported enterprises, as bytes.
  const first = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const made = await open(first);
  assert.equal((await importCsv(made.page, ONE, 'one.csv')).added, 1);
  await whenSynced(made.page);
  const file = await storedFile(made.page);
  const enterprises = (await status(made.page)).enterprises;
  await first.close();

  // Another profile where only the old store holds it: IDBFS's database "/data", store FILE_DATA.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const setup = await context.newPage();
  await setup.goto(`${base}/plugins/index.json`);  // the same origin, without the app
  await setup.evaluate((base64) => new Promise((resolve, reject) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const request = indexedDB.open('/data', 21);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('FILE_DATA');
      store.createIndex('timestamp', 'timestamp', { unique: false });
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction(['FILE_DATA'], 'readwrite');
      const files = transaction.objectStore('FILE_DATA');
      files.put({ timestamp: new Date(), mode: 0o40777 }, '/data');
      files.put({ timestamp: new Date(), mode: 0o100666, contents: data }, '/data/workspace.db');
      transaction.oncomplete = () => { db.close(); resolve(); };
      transaction.onerror = () => reject(transaction.error);
    };
  }), file.base64);
  await setup.close();

  const { page, errors } = await open(context);
  const carried = await status(page);
  assert.equal(carried.created, false, 'the old workspace was opened, not a new demo county');
  assert.equal(carried.enterprises, enterprises);
  assert.notEqual(await find(page, '91331125MACTFB6480'), null);
  // Its first copy writes it whole to the chunked store, then the old store is deleted.
  assert.equal((await importCsv(page, OTHER, 'other.csv')).added, 1);
  const copied = await whenSynced(page);
  assert.equal(copied.chunks, Math.ceil(copied.size / CHUNK));
  await page.waitForFunction(async () => !(await indexedDB.databases()).some((d) => d.name === '/data'), null,
    { timeout: 5000, polling: 100 });
  await page.reload();
  await waitReady(page);
  assert.equal((await status(page)).enterprises, enterprises + 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test.after(async () => {
  await browser.close();
  server.close();
});
