// Long work never freezes the page (issue 7), in Debian's headless Chromium: a county of
// 20 000 enterprises generated from the settings (written in slices), scheduled from the planner, then its
// enterprises exported, renamed and imported back with the file picker. While the scheduler or
// the import runs, the page keeps drawing frames and the published progress moves on through
// them; nothing is saved (or shown) until the run ends. Then the page is reloaded and the kept
// county read again, in slices, the page drawing meanwhile. Prints the run's time, the frames drawn during
// it and the longest gap between two frames (figures for the README, not asserted).
//
// usage: node responsive.test.mjs --site build/wasm/web --out build/artifacts [--enterprises 5000|20000|100000]
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { args, clickMark, frames, launch, openApp, out, serve, showScreen, state, waitReady } from './support.mjs';

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
  const { page, errors } = await openApp(context, `${base}/index.html?county=yuancheng&today=2026-03-16`);

  // A bigger demo county, from the settings screen as an official would make one.
  await showScreen(page, 'settings');
  await clickMark(page, 'demo-size');
  await clickMark(page, `demo-size-${enterprises}`);
  await clickMark(page, 'demo-generate');
  await recordFrames(page);
  const generating = Date.now();
  await clickMark(page, 'demo-replace');
  await page.waitForFunction((n) => window.inspectonce.workspace.enterprises === n && !window.inspectonce.work, enterprises,
    { timeout: 600000 });
  const generated = Date.now() - generating;
  await frames(page, 2);
  const made = await framesDuringWork(page);
  const madeSteps = [...new Set(made.during.map((f) => f.fraction).filter((f) => f > 0 && f < 1))];
  console.log(`# a demo county of ${enterprises} enterprises made in the browser: ${generated} ms, ${made.during.length} frames ` +
              `drawn meanwhile, ${madeSteps.length} progress steps, longest gap between frames ${made.longest.toFixed(0)} ms, ` +
              `then ${made.after.toFixed(0)} ms`);
  assert.ok(madeSteps.length >= 3, `the demo's progress moved through frames (${madeSteps.length} steps seen)`);
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

  // The county's enterprises exported, every name changed, and imported back with the file
  // picker: checked, counted and written in slices, nothing shown changed until the end.
  await showScreen(page, 'settings');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), clickMark(page, 'export-enterprises')]);
  const lines = fs.readFileSync(await download.path(), 'utf8').split('\r\n');
  const header = lines[0].replace(/^\uFEFF/, '').split(',');  // the export starts with a BOM (Excel)
  const nameAt = header.indexOf('企业名称'), codeAt = header.indexOf('统一社会信用代码');
  assert.ok(nameAt >= 0 && codeAt >= 0, `the export's header: ${lines[0]}`);
  const renamed = lines.map((line, i) => {
    if (i === 0 || !line) return line;
    const cells = line.split(',');  // generated names and towns hold no commas or quotes
    cells[nameAt] += '（新址）';
    return cells.join(',');
  }).join('\r\n');
  const firstCode = lines[1].split(',')[codeAt];
  const firstName = lines[1].split(',')[nameAt];
  await recordFrames(page);
  const importStarted = Date.now();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), clickMark(page, 'import-csv')]);
  await chooser.setFiles({ name: 'renamed.csv', mimeType: 'text/csv', buffer: Buffer.from(renamed, 'utf8') });
  await page.waitForFunction(() => window.inspectonce.work && window.inspectonce.work.fraction > 0.5, null, { timeout: 600000 });
  const shownMidway = await page.evaluate((c) => window.inspectonce.findEnterprise(c), firstCode);
  assert.equal(shownMidway.name, firstName, 'nothing of the import shows before it ends');
  await page.waitForFunction(() => !window.inspectonce.work && /renamed\.csv：/.test(window.inspectonce.message?.text ?? ''), null,
    { timeout: 600000 });
  const importTook = Date.now() - importStarted;
  await frames(page, 2);
  const imported = await framesDuringWork(page);
  const importSteps = [...new Set(imported.during.map((f) => f.fraction).filter((f) => f > 0 && f < 1))];
  const message = (await state(page)).message.text;
  console.log(`# importing ${enterprises} renamed enterprises in the browser: ${importTook} ms, ${imported.during.length} frames drawn ` +
              `meanwhile, ${importSteps.length} progress steps, longest gap between frames ${imported.longest.toFixed(0)} ms, ` +
              `then ${imported.after.toFixed(0)} ms; ${message}`);
  assert.match(message, new RegExp(`${enterprises} 行，新增 0，更新 ${enterprises}，未变 0`));
  assert.ok(importSteps.length >= 3, `the import's progress moved through frames (${importSteps.length} steps seen)`);
  for (let i = 1; i < importSteps.length; ++i) assert.ok(importSteps[i] > importSteps[i - 1], 'the progress only moves on');
  assert.equal((await page.evaluate((c) => window.inspectonce.findEnterprise(c), firstCode)).name, `${firstName}（新址）`);
  const synced = await page.evaluate(() => window.inspectonce.whenSynced());
  console.log(`# the last copy to IndexedDB after the import: ${synced.chunks} chunks (${synced.bytes} bytes of ${synced.size}), ` +
              `${synced.millis} ms, of which ${synced.prepareMillis} ms in one go`);

  // The county kept in the browser is read again when the page opens: in slices under the
  // overlay, frames drawn from the start, the page ready once it is open.
  await page.addInitScript(() => {
    window.recordedFrames = [];
    const record = (now) => {
      const work = window.inspectonce && window.inspectonce.work;
      window.recordedFrames.push({ at: now, fraction: work ? work.fraction : null });
      if (window.recordedFrames.length < 1000000) requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
  });
  const beforeReload = (await state(page)).workspace;
  const reloading = Date.now();
  await page.reload();
  await waitReady(page);
  const reopenTook = Date.now() - reloading;
  const reopened = await framesDuringWork(page);
  const reopenSteps = [...new Set(reopened.during.map((f) => f.fraction).filter((f) => f > 0 && f < 1))];
  console.log(`# reopening the ${enterprises} enterprises kept in the browser: ready ${reopenTook} ms after the reload, ` +
              `${reopened.during.length} frames drawn while reading, ${reopenSteps.length} progress steps, ` +
              `longest gap between frames ${reopened.longest.toFixed(0)} ms`);
  const kept = await state(page);
  assert.equal(kept.workspace.enterprises, enterprises);
  assert.ok(beforeReload.visits > 0);
  assert.equal(kept.workspace.visits, beforeReload.visits, 'the scheduled visits are kept');
  assert.ok(reopenSteps.length >= 3, `the opening's progress moved through frames (${reopenSteps.length} steps seen)`);
  for (let i = 1; i < reopenSteps.length; ++i) assert.ok(reopenSteps[i] > reopenSteps[i - 1], 'the progress only moves on');
  assert.equal((await page.evaluate((c) => window.inspectonce.findEnterprise(c), firstCode)).name, `${firstName}（新址）`);
  assert.deepEqual(errors, []);
  await context.close();
});

test.after(async () => {
  await browser.close();
  server.close();
});
