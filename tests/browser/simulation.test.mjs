// End-to-end test of the simulation screen in Debian's headless Chromium (issue 8): a
// trainer runs the five counties' policies and no policy on the same county-year in the
// browser (the core compiled to wasm, the county plugins loaded as side modules), plays the
// replay, steps a day, jumps to a date, and sees the figures side by side.
//
// usage: node simulation.test.mjs --site build/wasm/web --out build/artifacts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { clickMark, frames, launch, openApp, out, serve, showScreen, state, waitReady } from './support.mjs';

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

test('the five policies and no policy on the same year, replayed day by day', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openApp(context, `${base}/index.html?county=yunhe&today=2026-03-16`);
  await showScreen(page, 'simulation');
  assert.deepEqual((await state(page)).simulation.runs, []);

  const started = Date.now();
  await clickMark(page, 'sim-run');
  await page.waitForFunction(() => window.inspectonce.simulation.queued === 0 && window.inspectonce.simulation.runs.length > 0,
    null, { timeout: 180000 });
  console.log(`# six county-years of 2 000 enterprises in the browser: ${Date.now() - started} ms`);
  let sim = (await state(page)).simulation;
  assert.deepEqual(sim.runs.map((r) => r.policy), ['dinghai', 'pingyang', 'wuxi', 'yuancheng', 'yunhe', 'none']);
  const none = sim.runs.at(-1).visits;
  for (const run of sim.runs.slice(0, -1)) assert.ok(run.visits < none, `${run.policy} merges visits (${run.visits} < ${none})`);
  assert.match((await state(page)).message.text, /模拟完成：6 种情形/);
  assert.equal(sim.day, '2025-01-01');

  await clickMark(page, 'sim-step');
  assert.equal((await state(page)).simulation.day, '2025-01-02');

  await clickMark(page, 'sim-play');
  assert.equal((await state(page)).simulation.playing, true);
  await page.waitForTimeout(1200);
  await clickMark(page, 'sim-play');
  sim = (await state(page)).simulation;
  assert.equal(sim.playing, false);
  assert.ok(sim.day > '2025-01-04', `the replay moved on while playing (${sim.day})`);

  await clickMark(page, 'sim-jump-date');
  await page.keyboard.type('2025-08-21');
  await frames(page);
  await clickMark(page, 'sim-jump');
  assert.equal((await state(page)).simulation.day, '2025-08-21');
  await frames(page, 3);
  await page.screenshot({ path: path.join(out, 'browser-simulation.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test.after(async () => {
  await browser.close();
  server.close();
});
