// A newcomer's path through the browser app, with the mouse and the system input method
// only: schedule the demo county's plans from the planner, log an enterprise's demand typed
// in Chinese, reload, and find both still there.
//
// usage: node flow.test.mjs --site build/wasm/web --out build/artifacts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { clickMark, frames, launch, openApp, out, serve, showScreen, state, waitReady } from './support.mjs';

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

test('schedule, then log a demand typed in Chinese, and find both after a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await openApp(context, `${base}/index.html?county=yuancheng&today=2026-03-16`);
  const start = (await state(page)).workspace;
  assert.equal(start.county, 'yuancheng');
  assert.equal(start.visits, 0, 'a first visit has nothing scheduled');

  // The planner's button, through the "working" overlay, to the saved visits.
  await showScreen(page, 'planner');
  await clickMark(page, 'run-scheduler');
  await page.waitForFunction(() => window.inspectonce.workspace.visits > 0, null, { timeout: 60000 });
  const scheduled = (await state(page)).workspace;
  await page.screenshot({ path: path.join(out, 'browser-flow-planner.png') });

  // A demand in the enterprise's own words, typed with the input method.
  await showScreen(page, 'demands');
  await clickMark(page, 'case-new');
  await clickMark(page, 'case-words');
  await page.waitForFunction(() => window.inspectonce.textField.editing, null, { timeout: 5000 });
  const cdp = await context.newCDPSession(page);
  const words = '企业用电报装进度太慢，希望协调供电部门';
  await cdp.send('Input.imeSetComposition', { text: 'qiye', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.insertText', { text: words });
  await frames(page, 4);
  assert.equal((await state(page)).textField.text, words);
  await clickMark(page, 'case-open');
  await page.waitForFunction((n) => window.inspectonce.workspace.cases === n + 1, start.cases, { timeout: 10000 });
  const logged = await state(page);
  assert.equal(logged.message?.problem ?? false, false, JSON.stringify(logged.message));
  await page.screenshot({ path: path.join(out, 'browser-flow-demand.png') });

  // Everything survives a reload (IndexedDB).
  await page.evaluate(() => window.inspectonce.whenSynced());
  await page.reload();
  await waitReady(page);
  const after = (await state(page)).workspace;
  assert.equal(after.visits, scheduled.visits);
  assert.equal(after.cases, start.cases + 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test.after(async () => {
  await browser.close();
  server.close();
});
