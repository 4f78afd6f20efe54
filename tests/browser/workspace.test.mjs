// End-to-end test of the official's workspace in Debian's headless Chromium
// (playwright-core): a county's enterprises imported through the app's own file picker,
// still there after a reload; Chinese typed with an input method (simulated through the
// DevTools protocol, as an IME delivers it) arriving in an ImGui text field exactly once;
// an export as a download; and a screenshot of every screen, reached through the
// navigation, saved as build/artifacts/browser-<screen>.png.
//
// usage: node workspace.test.mjs --site build/wasm/web --out build/artifacts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clickMark, clickRect, frames, inkPixels, launch, mark, openApp, out, serve, showScreen, state, waitReady } from './support.mjs';

// A county's enterprises file as an official would have it: Chinese headers, a BOM, CRLF;
// three enterprises the demo county (seed 1) does not have, one name quoted with a comma.
const SAMPLE = path.join(os.tmpdir(), `inspectonce-${process.pid}`, '云和县企业.csv');
fs.mkdirSync(path.dirname(SAMPLE), { recursive: true });
fs.writeFileSync(SAMPLE, '\ufeff' + [
  '企业名称,信用代码,等级,名单,乡镇,行业,规上企业',
  '云和县正鑫机械有限公司,91331125MAJXHQJR71,A,白名单、重点监管,南屏镇,机械制造,是',
  '"云和县佳信商贸有限公司（城西店, 二号）",91331125MAGWGYEJXU,B,,城西街道,批发零售,否',
  '云和县木玩厂,91331125MAEUG5AB4W,C,,紧水滩镇,玩具,',
].join('\r\n') + '\r\n');
// ui/app.cpp kScreens, in the navigation's order; rules and decision are tabs of policy.
const SCREENS = ['dashboard', 'enterprises', 'plans', 'calendar', 'planner', 'draw', 'demands', 'findings', 'reports',
                 'simulation', 'exercises', 'policy', 'settings'];
const TODAY = '2026-03-16';

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

const open = (context, query) => openApp(context, `${base}/index.html?${query}`);

// The settings screen's "Import CSV file…" button: its mark when the screen sets one, else
// where it is drawn in Chinese at 1280 × 800 (the first button of the import section).
async function importButton(page) {
  const marks = (await state(page)).marks;
  if (marks['import-csv']) return marks['import-csv'];
  return { x: 356, y: 283, width: 118, height: 22 };
}

test('enterprises imported with the file picker are still there after a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const { page, errors } = await open(context, `county=yunhe&today=${TODAY}`);
  const first = await state(page);
  assert.equal(first.today, TODAY);
  assert.equal(first.screen, 'dashboard');
  assert.equal(first.workspace.open, true, JSON.stringify(first.workspace));
  assert.equal(first.workspace.county, 'yunhe');
  const before = first.workspace.enterprises;
  assert.ok(before > 0, 'the demo county');

  await showScreen(page, 'settings');
  const button = await importButton(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 5000 }),
    clickRect(page, button),
  ]);
  assert.equal(await page.evaluate(() => document.getElementById('inspectonce-file').accept), '.csv,text/csv');
  await chooser.setFiles(SAMPLE);
  await page.waitForFunction(() => window.inspectonce.message && /云和县企业\.csv/.test(window.inspectonce.message.text),
    null, { timeout: 10000 });
  let now = await state(page);
  console.log(`# status bar: ${now.message.text}`);
  assert.equal(now.message.problem, false, now.message.text);
  const [, rows, added] = now.message.text.match(/(\d+) 行，新增 (\d+)/).map(Number);
  assert.equal(rows, 3);
  assert.equal(added, 3);
  assert.equal(now.workspace.enterprises, before + 3, 'the counts follow the import');
  const status = await page.evaluate(() => window.inspectonce.workspaceStatus());
  assert.equal(status.enterprises, now.workspace.enterprises);
  assert.equal(status.audit, 3, 'one audit entry per row');
  const found = await page.evaluate(() => window.inspectonce.findEnterprise('91331125MAGWGYEJXU'));
  assert.equal(found?.name, '云和县佳信商贸有限公司（城西店, 二号）');
  await page.screenshot({ path: path.join(out, 'browser-import.png') });
  assert.equal((await page.evaluate(() => window.inspectonce.whenSynced())).ok, true);

  // Exported as a download: the "企业 CSV" button (its mark, else where it is drawn).
  const marks = (await state(page)).marks;
  const exportButton = marks['export-enterprises'] ?? { x: 204, y: 391, width: 68, height: 22 };
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 5000 }), clickRect(page, exportButton)]);
  assert.equal(download.suggestedFilename(), 'yunhe-enterprises.csv');
  const exported = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(exported.includes('云和县佳信商贸有限公司（城西店, 二号）'), 'the download holds the imported enterprise');
  assert.equal(exported.trim().split(/\r?\n/).length, before + 3 + 1, 'a header and one line per enterprise');
  assert.match(await messageText(page, /已保存 yunhe-enterprises\.csv/), /已保存 yunhe-enterprises\.csv/);

  await page.reload();
  await waitReady(page);
  now = await state(page);
  assert.equal(now.workspace.enterprises, before + 3, 'the import survived the reload');
  assert.equal((await page.evaluate(() => window.inspectonce.findEnterprise('91331125MAGWGYEJXU')))?.grade, 'B');
  assert.deepEqual(errors, []);
  await context.close();
});

// Waits until the status line matches `pattern` (up to 5 s), then returns what it says.
async function messageText(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(window.inspectonce.message?.text ?? ''), pattern.source,
    { timeout: 5000 }).catch(() => {});
  return (await state(page)).message?.text ?? '';
}

// Waits until the ImGui field holds `text` (up to 5 s), then returns what it holds: under
// load a key or a commit can take a few more frames to land, so frames are not counted.
async function fieldText(page, text) {
  await page.waitForFunction((t) => window.inspectonce.textField.text === t, text, { timeout: 5000 }).catch(() => {});
  return (await state(page)).textField.text;
}

// Simulates the system input method as Chromium hands it to the page: a composition
// (pinyin being typed, shown in the field), then the chosen characters committed.
async function typeWithInputMethod(page, cdp, pinyin, chosen, shot) {
  for (let i = 1; i <= pinyin.length; ++i) {
    const text = pinyin.slice(0, i);
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  const composing = await page.evaluate(() => window.inspectonce.textInput.composing);
  if (shot) await page.screenshot({ path: shot });
  await cdp.send('Input.insertText', { text: chosen });
  await frames(page, 4);
  return composing;
}

// The text field to type into: the enterprise search when that screen marks it, else the
// settings' working-day field (any ImGui InputText takes the bridge's text).
async function focusSomeTextField(page) {
  await showScreen(page, 'enterprises');
  if ((await state(page)).marks['enterprise-search']) {
    await clickMark(page, 'enterprise-search');
    return 'enterprise-search';
  }
  await showScreen(page, 'settings');
  await page.mouse.click(250, 140);
  await frames(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await frames(page);
  return 'working day';
}

test('Chinese typed with the system input method arrives in the ImGui field once', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await open(context, `county=yunhe&today=${TODAY}`);
  const where = await focusSomeTextField(page);
  await page.waitForFunction(() => window.inspectonce.textField.editing && window.inspectonce.textInput.focused, null,
    { timeout: 5000 });
  const bridge = await page.evaluate(() => window.inspectonce.textInput);
  console.log(`# typing into the ${where} field; the <input> is at ${bridge.x}, ${bridge.y}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'inspectonce-text-input');
  assert.equal((await state(page)).textField.text, '', 'the field starts empty');

  const cdp = await page.context().newCDPSession(page);
  assert.equal(await typeWithInputMethod(page, cdp, 'yunhe', '云和', path.join(out, 'browser-ime-composing.png')), true,
    'the composition is shown in the <input>');
  await page.screenshot({ path: path.join(out, 'browser-ime-typed.png') });
  assert.equal(await fieldText(page, '云和'), '云和', 'the committed characters arrive once');
  assert.equal(await page.evaluate(() => document.getElementById('inspectonce-text-input').value), '', 'the <input> is emptied');

  // Latin keys go through SDL as before, once; editing keys reach ImGui.
  await page.keyboard.type('ab', { delay: 30 });
  assert.equal(await fieldText(page, '云和ab'), '云和ab');
  await page.keyboard.press('Backspace');
  assert.equal(await fieldText(page, '云和a'), '云和a');
  await frames(page, 3);
  assert.equal((await state(page)).textField.text, '云和a', 'one Backspace, one character');
  // A key pressed and released between two frames (a quick finger on a slow frame) is still
  // seen: both events are dispatched in one task, so no frame can run between them.
  await page.evaluate(() => {
    for (const type of ['keydown', 'keyup'])
      document.activeElement.dispatchEvent(new KeyboardEvent(type, { key: 'Backspace', code: 'Backspace', keyCode: 8,
                                                                     bubbles: true, cancelable: true }));
  });
  assert.equal(await fieldText(page, '云和'), '云和', 'a Backspace shorter than a frame deletes one character');
  await page.keyboard.type('a');
  assert.equal(await fieldText(page, '云和a'), '云和a');
  await typeWithInputMethod(page, cdp, 'qiye', '企业');
  assert.equal(await fieldText(page, '云和a企业'), '云和a企业');
  // A composition the official cancels (Escape in the IME: the composition becomes empty).
  await cdp.send('Input.imeSetComposition', { text: 'zh', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
  await frames(page, 4);
  assert.equal((await state(page)).textField.text, '云和a企业', 'an abandoned composition types nothing');
  const delivered = await page.evaluate(() => window.inspectonce.textInput.delivered);
  assert.deepEqual(delivered, ['云和', '企业'], 'only the commits went through the bridge');
  await page.screenshot({ path: path.join(out, 'browser-ime.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('text pasted from the system clipboard arrives once, and ImGui copies to it', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const { page, errors } = await open(context, `county=yunhe&today=${TODAY}`);
  await focusSomeTextField(page);
  await page.waitForFunction(() => window.inspectonce.textField.editing && window.inspectonce.textInput.focused, null,
    { timeout: 5000 });
  await page.evaluate(() => navigator.clipboard.writeText('云和 木玩'));
  await page.keyboard.press('Control+V');
  assert.equal(await fieldText(page, '云和 木玩'), '云和 木玩', 'the paste arrives');
  await frames(page, 3);
  assert.equal((await state(page)).textField.text, '云和 木玩', 'pasted once');
  // Copy: the field's text selected in ImGui and copied lands on the system clipboard.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  let copied = '';
  for (let tries = 0; tries < 50 && copied !== '云和 木玩'; ++tries) {
    await frames(page);
    copied = await page.evaluate(() => navigator.clipboard.readText());
  }
  assert.equal(copied, '云和 木玩');
  // A paste that lands in the same frame as Ctrl's press waits for Ctrl's release (ImGui drops
  // characters typed while Ctrl is down), then arrives once.
  await page.keyboard.press('End');
  await frames(page);
  await page.evaluate(() => {  // one task: no frame runs between the two
    const field = document.activeElement;
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Control', code: 'ControlLeft', keyCode: 17, ctrlKey: true,
                                                       bubbles: true, cancelable: true }));
    const data = new DataTransfer();
    data.setData('text/plain', '企业');
    field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await frames(page, 3);
  assert.equal((await state(page)).textField.text, '云和 木玩', 'nothing arrives while Ctrl is down');
  await page.evaluate(() => document.activeElement.dispatchEvent(
    new KeyboardEvent('keyup', { key: 'Control', code: 'ControlLeft', keyCode: 17, bubbles: true, cancelable: true })));
  assert.equal(await fieldText(page, '云和 木玩企业'), '云和 木玩企业', 'the paste arrives once Ctrl is released');
  await frames(page, 3);
  assert.equal((await state(page)).textField.text, '云和 木玩企业', 'once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a printable page opens in a window of its own, with its print dialog', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await open(context, `county=yunhe&today=${TODAY}`);
  await showScreen(page, 'reports');
  // The due list's "打印" button, where the screen drew it.
  const button = await mark(page, 'print-due');
  const [popup] = await Promise.all([context.waitForEvent('page', { timeout: 5000 }), clickRect(page, button)]);
  await popup.waitForLoadState();
  const printed = await page.evaluate(() => window.inspectonce.printed);
  assert.equal(printed.length, 1);
  assert.equal(printed[0].how, 'window');
  assert.match(await popup.content(), /<table|<h1|<p/i, 'the popup holds the printable page');
  await popup.screenshot({ path: path.join(out, 'browser-print-window.png') });
  assert.match(await messageText(page, /^打印页面：/), /^打印页面：/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a screenshot of every screen, reached through the navigation', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await open(context, `county=yunhe&month=2026-11&today=${TODAY}`);
  const navigation = await mark(page, 'nav-settings');
  // The screen area: right of the navigation, between the menu bar and the status bar.
  const area = { x: Math.round(navigation.x + navigation.width + 24), y: 40, height: 720 };
  area.width = 1280 - area.x - 16;
  const drawn = {};
  for (const id of SCREENS) {
    await showScreen(page, id);
    const file = path.join(out, `browser-${id}.png`);
    const png = await page.screenshot({ path: file });
    drawn[id] = inkPixels(png, area);
  }
  for (const id of ['rules', 'decision']) {
    const tab = await open(context, `county=yunhe&month=2026-11&today=${TODAY}&screen=${id}`);
    await frames(tab.page, 3);
    assert.equal((await state(tab.page)).screen, 'policy');
    drawn[id] = inkPixels(await tab.page.screenshot({ path: path.join(out, `browser-${id}.png`) }), area);
    await tab.page.close();
  }
  console.log(`# ink pixels in the screen area: ${JSON.stringify(drawn)}`);
  for (const [id, ink] of Object.entries(drawn)) assert.ok(ink > 150, `${id} drew something (${ink} px)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test.after(async () => {
  await browser.close();
  server.close();
  fs.rmSync(path.dirname(SAMPLE), { recursive: true, force: true });
});
