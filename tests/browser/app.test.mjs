// End-to-end test of the browser app in Debian's headless Chromium (playwright-core, no
// browser download): the page loads, fetches and loads the five county plugins as wasm side
// modules at run time, renders the calendar with readable Chinese and the county's blackout
// days, reacts to a click, and reports a missing plugin instead of failing.
//
// A policy author's plugin picked from disk replaces the county's plugin without rebuilding
// the app; a bad one is refused with its reason and changes nothing.
//
// usage: node app.test.mjs --site build/wasm/web --out build/artifacts
//                          [--test-plugins build/wasm/test-plugins]   (default: beside the site)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { args, launch, openApp, out, serve, site } from './support.mjs';

const testPlugins = path.resolve(args['test-plugins'] ?? path.join(site, '..', 'test-plugins'));
const here = path.dirname(fileURLToPath(import.meta.url));
const pngColours = path.join(here, '..', 'support', 'png_colours.py');

const BLACKOUT_SHADE = '247,218,160,12';   // ui/screen_calendar.cpp kBlackoutShade over the background
const COUNTIES = ['dinghai', 'pingyang', 'wuxi', 'yuancheng', 'yunhe'];

const server = await serve(site);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

async function open(query, { blockPlugin } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const before = blockPlugin
    ? (page) => page.route(`**/plugins/${blockPlugin}`, (route) => route.fulfill({ status: 404, body: '' }))
    : undefined;
  const opened = await openApp(context, `${base}/index.html?${query}`, { before });
  return { ...opened, state: await opened.page.evaluate(() => window.inspectonce) };
}

function shadedPixels(file) {
  const output = execFileSync('python3', [pngColours, file, BLACKOUT_SHADE]).toString();
  return Number(output.match(/: (\d+) pixels/)[1]);
}

test('the app loads the five county plugins at run time and shows Yunhe\'s quiet period', async () => {
  const { page, state, errors, millisToReady } = await open('county=yunhe&month=2026-11&screen=calendar');
  console.log(`# time to ready: ${millisToReady} ms`);
  assert.deepEqual(errors, []);
  assert.deepEqual(state.plugins.map((p) => p.id), COUNTIES);
  assert.ok(state.plugins.every((p) => p.file === `/plugins/${p.id}.wasm`));
  assert.deepEqual(state.refused, []);
  assert.deepEqual(state.fetchErrors, []);
  assert.equal(state.fontLoaded, true);
  assert.equal(state.county, 'yunhe');
  assert.equal(state.screen, 'calendar');
  assert.deepEqual(state.blackoutDays.map((d) => d.date),
    Array.from({ length: 10 }, (_, i) => `2026-11-${21 + i}`));
  assert.ok(state.blackoutDays.every((d) => d.clause === '004 二(三)'));
  const shot = path.join(out, 'browser-calendar-yunhe.png');
  await page.screenshot({ path: shot });
  assert.ok(shadedPixels(shot) > 20000, 'the quiet period is shaded on the calendar');
  await page.context().close();
});

// Where the second entry of the county combo's open list is: the list opens under the
// combo, one row per plugin (ImGui's combo popup: 8 px of padding, rows of the font's
// height and 4 px of spacing; the font is 18 px).
function secondComboEntry(combo) {
  return { x: combo.x + combo.width / 2, y: combo.y + combo.height + 8 + 22 + 9 };
}

test('choosing a county in the navigation\'s combo shows its own blackout days', async () => {
  const { page, errors } = await open('county=dinghai&month=2026-10&screen=calendar');
  const before = path.join(out, 'browser-calendar-dinghai.png');
  await page.screenshot({ path: before });
  assert.ok(shadedPixels(before) < 500, 'Dinghai has no blackout period to shade');
  const rect = await page.evaluate(() => window.inspectonce.marks.county);
  assert.ok(rect && rect.width > 0, 'the county combo is drawn');
  await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(out, 'browser-county-combo.png') });
  const entry = secondComboEntry(rect);
  await page.mouse.click(entry.x, entry.y);  // 平阳县, the second county
  await page.waitForFunction(() => window.inspectonce.county === 'pingyang', null, { timeout: 5000 });
  const state = await page.evaluate(() => window.inspectonce);
  assert.deepEqual(state.blackoutDays.map((d) => d.date),
    ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-11']);
  assert.ok(state.blackoutDays.every((d) => d.clause === '001 三.1'));
  const after = path.join(out, 'browser-calendar-pingyang.png');
  await page.screenshot({ path: after });
  assert.ok(shadedPixels(after) > 10000, 'the service week is shaded after the click');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('an official tries a decision in the browser and sees the clauses behind it', async () => {
  const { page, errors } = await open('county=yunhe&month=2026-11&screen=decision');
  await page.waitForFunction(() => window.inspectonce.decideButton.width > 0, null, { timeout: 5000 });
  const button = await page.evaluate(() => window.inspectonce.decideButton);
  // The form's defaults: a county-level on-site inspection of a grade C enterprise on
  // 2026-11-24, inside Yunhe's quiet period (004 二(三)).
  await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
  await page.waitForFunction(() => window.inspectonce.decision !== null, null, { timeout: 5000 });
  const decision = await page.evaluate(() => window.inspectonce.decision);
  assert.equal(decision.county, 'yunhe');
  assert.equal(decision.outcome, 'allowed-with-obligations');
  for (const clause of ['004 二(三)', '004 二(二)', '004 二(五)', '004 二(十)']) {
    assert.ok(decision.clauses.includes(clause), `cites ${clause}`);
  }
  await page.screenshot({ path: path.join(out, 'browser-decision-yunhe.png') });
  assert.deepEqual(errors, []);
  await page.context().close();
  const rules = await open('county=wuxi&screen=rules');
  await rules.page.screenshot({ path: path.join(out, 'browser-rules-wuxi.png') });
  await rules.page.context().close();
});

test('a plugin that cannot be fetched is reported and the others still load', async () => {
  const { page, state } = await open('county=yunhe&lang=en', { blockPlugin: 'yunhe.wasm' });
  assert.deepEqual(state.plugins.map((p) => p.id), ['dinghai', 'pingyang', 'wuxi', 'yuancheng']);
  assert.deepEqual(state.fetchErrors, ['plugins/yunhe.wasm: HTTP 404']);
  assert.deepEqual(state.refused, ['plugins/yunhe.wasm: could not be fetched (HTTP 404)'], 'shown in the plugin list');
  assert.equal(state.county, 'dinghai', 'falls back to the first loaded county');
  assert.equal(state.language, 'en');
  await page.screenshot({ path: path.join(out, 'browser-missing-plugin.png') });
  await page.context().close();
});

// The policy screen's plugins tab, through the navigation: its tab's mark when the screen
// sets one, else where the third tab is drawn in English ("Rules", "Try a decision", "Plugins").
async function showPluginsTab(page) {
  const nav = await page.evaluate(() => window.inspectonce.marks['nav-policy']);
  await page.mouse.click(nav.x + nav.width / 2, nav.y + nav.height / 2);
  await page.waitForFunction(() => window.inspectonce.screen === 'policy', null, { timeout: 5000 });
  await page.waitForTimeout(100);
  const marks = await page.evaluate(() => window.inspectonce.marks);
  const tab = marks['tab-plugins'] ?? { x: nav.x + nav.width + PLUGINS_TAB_X, y: 42, width: 56, height: 20 };
  // A tab takes a click only when the mouse was over it on the frame before.
  await page.mouse.move(tab.x + tab.width / 2, tab.y + tab.height / 2);
  await page.waitForTimeout(100);
  await page.mouse.click(tab.x + tab.width / 2, tab.y + tab.height / 2);
  await page.waitForFunction(() => window.inspectonce.loadPluginButton.width > 0, null, { timeout: 5000 });
}
const PLUGINS_TAB_X = 180;  // from the navigation's right edge

// Picks `file` through the app's own button: a click on the canvas opens the file chooser.
async function pickPluginFile(page, file) {
  const button = await page.evaluate(() => window.inspectonce.loadPluginButton);
  assert.ok(button.width > 0, 'the "Load plugin file…" button is drawn');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 5000 }),
    page.mouse.click(button.x + button.width / 2, button.y + button.height / 2),
  ]);
  await chooser.setFiles(file);
}

test('a plugin file picked from disk replaces the county\'s plugin without rebuilding the app', async () => {
  const { page, errors } = await open('county=dinghai&month=2026-11&lang=en');
  await showPluginsTab(page);
  const before = await page.evaluate(() => window.inspectonce.pluginFiles.length);
  await pickPluginFile(page, path.join(testPlugins, 'yunhe-modified', 'yunhe.wasm'));
  await page.waitForFunction((n) => window.inspectonce.pluginFiles.length > n, before, { timeout: 10000 });
  let state = await page.evaluate(() => window.inspectonce);
  const [picked] = state.pluginFiles;
  assert.equal(picked.loaded, true, picked.refused);
  assert.equal(picked.name, 'yunhe.wasm');
  assert.equal(picked.id, 'yunhe');
  assert.equal(picked.replaced, '/plugins/yunhe.wasm', 'shows which file it replaced');
  assert.match(picked.file, /^\/picked\/\d+\/yunhe\.wasm$/);
  assert.equal(state.county, 'yunhe', 'the replaced county is shown');
  assert.equal(state.plugins.find((p) => p.id === 'yunhe').file, picked.file, 'yunhe now comes from the picked file');
  assert.deepEqual(state.plugins.map((p) => p.id), COUNTIES);
  assert.deepEqual(state.blackoutDays.map((d) => d.date),
    Array.from({ length: 10 }, (_, i) => `2026-11-${11 + i}`), 'the quiet period is now days 11–20');
  await page.screenshot({ path: path.join(out, 'browser-plugin-picked.png') });

  // A plugin built for another ABI is refused with its reason; yunhe stays as it was.
  await pickPluginFile(page, path.join(testPlugins, 'wrong_abi.wasm'));
  await page.waitForFunction(() => window.inspectonce.pluginFiles.length === 2, null, { timeout: 10000 });
  state = await page.evaluate(() => window.inspectonce);
  const refused = state.pluginFiles[1];
  assert.equal(refused.loaded, false);
  assert.match(refused.refused, /^wrong_abi\.wasm: built for plugin ABI version 99/);
  assert.ok(state.refused.some((r) => r.includes('ABI version 99')), 'the reason is in the plugin list');
  assert.equal(state.plugins.find((p) => p.id === 'yunhe').file, picked.file, 'yunhe is still the picked plugin');
  assert.deepEqual(state.plugins.map((p) => p.id), COUNTIES);
  assert.equal(state.blackoutDays[0].date, '2026-11-11');
  await page.screenshot({ path: path.join(out, 'browser-plugin-refused.png') });
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a picked file that imports what the host lacks is refused before it is loaded', async () => {
  const { page, errors } = await open('county=yunhe&month=2026-11&lang=en');
  await page.setInputFiles('#inspectonce-plugin-file', path.join(testPlugins, 'missing_import.wasm'));
  await page.waitForFunction(() => window.inspectonce.pluginFiles.length === 1, null, { timeout: 10000 });
  const state = await page.evaluate(() => window.inspectonce);
  assert.match(state.pluginFiles[0].refused, /imports env\.inspectonce_function_nobody_exports/);
  assert.equal(state.plugins.find((p) => p.id === 'yunhe').file, '/plugins/yunhe.wasm');
  assert.equal(state.blackoutDays[0].date, '2026-11-21');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test.after(async () => {
  await browser.close();
  server.close();
});
