// Long work never freezes the page (issue 7), in Debian's headless Chromium: a county of
// 20 000 enterprises generated from the settings, then scheduled from the planner. While the
// scheduler runs, the page keeps drawing frames and the published progress moves on through
// them; nothing is saved until the run ends. Prints the run's time, the frames drawn during
// it and the longest gap between two frames (figures for the README, not asserted).
//
// usage: node responsive.test.mjs --site build/wasm/web --out build/artifacts [--enterprises 5000|20000|100000]
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { args, clickMark, frames, launch, out, serve, showScreen, state, waitReady } from './support.mjs';

const enterprises = Number(args.enterprises ?? 20000);
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

// Records every animation frame with the long work's progress at that moment.
function recordFrames(page) {
  return page.evaluate(() => {
    window.recordedFrames = [];
    const record = (now) => {
      const work = window.inspectonce.work;
      window.recordedFrames.push({ at: now, fraction: work ? work.fraction : null });
      if (window.recordedFrames.length < 1000000) requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
  });
}

// Frames drawn while work was under way, the longest gap between two frames then, and the
// longest gap after it (the visits written to IndexedDB).
async function framesDuringWork(page) {
  const recorded = await page.evaluate(() => window.recordedFrames);
  const during = recorded.filter((f) => f.fraction !== null);
  const lastDuring = recorded.findLastIndex((f) => f.fraction !== null);
  let longest = 0, after = 0;
  for (let i = 1; i < recorded.length; ++i) {
    const gap = recorded[i].at - recorded[i - 1].at;
    if (recorded[i].fraction !== null || recorded[i - 1].fraction !== null) longest = Math.max(longest, gap);
    else if (i > lastDuring) after = Math.max(after, gap);
  }
  return { during, longest, after };
}

test(`scheduling ${enterprises} enterprises keeps the page drawing, its progress moving`, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/index.html?county=yuancheng&today=2026-03-16`);
  await waitReady(page);

  // A bigger demo county, from the settings screen as an official would make one.
  await showScreen(page, 'settings');
  await clickMark(page, 'demo-size');
  await clickMark(page, `demo-size-${enterprises}`);
  await clickMark(page, 'demo-generate');
  await clickMark(page, 'demo-replace');
  await page.waitForFunction((n) => window.inspectonce.workspace.enterprises === n && !window.inspectonce.work, enterprises,
    { timeout: 600000 });
  const before = (await state(page)).workspace;
  assert.equal(before.visits, 0);

  // Frame time with the county loaded: the enterprises table, 120 frames (a figure, not asserted).
  await showScreen(page, 'enterprises');
  await recordFrames(page);
  await frames(page, 120);
  const times = await page.evaluate(() => window.recordedFrames.map((f) => f.at));
  const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  console.log(`# enterprises screen with ${enterprises} enterprises loaded: frame mean ${mean.toFixed(1)} ms, ` +
              `p95 ${gaps[Math.floor(gaps.length * 0.95)].toFixed(1)} ms over ${gaps.length} frames`);

  await showScreen(page, 'planner');
  await recordFrames(page);
  const started = Date.now();
  await clickMark(page, 'run-scheduler');
  // Nothing is saved while the run goes on.
  await page.waitForFunction(() => window.inspectonce.work && window.inspectonce.work.fraction > 0, null, { timeout: 60000 });
  const midway = await state(page);
  assert.equal(midway.workspace.visits, 0, 'visits saved before the run ended');
  assert.ok(midway.marks['work-progress'], 'the progress overlay is drawn');
  await page.screenshot({ path: path.join(out, 'browser-scheduling-progress.png') });
  await page.waitForFunction(() => !window.inspectonce.work && window.inspectonce.workspace.visits > 0, null, { timeout: 600000 });
  const took = Date.now() - started;
  await frames(page, 2);

  const { during, longest, after } = await framesDuringWork(page);
  const steps = [...new Set(during.map((f) => f.fraction).filter((f) => f > 0 && f < 1))];
  console.log(`# scheduling ${enterprises} enterprises in the browser: ${took} ms, ${during.length} frames drawn meanwhile, ` +
              `${steps.length} progress steps, longest gap between frames ${longest.toFixed(0)} ms, ` +
              `then ${after.toFixed(0)} ms while saving`);
  // At least three frames drawn part-way, each further on (a faster machine needs fewer slices).
  assert.ok(steps.length >= 3, `the progress moved through frames (${steps.length} steps seen)`);
  for (let i = 1; i < steps.length; ++i) assert.ok(steps[i] > steps[i - 1], 'the progress only moves on');
  assert.match((await state(page)).message.text, /排期完成/);
  assert.deepEqual(errors, []);
  await context.close();
});

test.after(async () => {
  await browser.close();
  server.close();
});
