// A trainee answers a training exercise in the browser app (Debian's headless Chromium,
// playwright-core) with the mouse only: opens the exercises screen, picks an answer to every
// question, submits, and sees the score with each mistake's engine answer and clause (the
// quiet period's 004 二(三)). Screenshot: build/artifacts/browser-exercises.png.
//
// usage: node exercises.test.mjs --site build/wasm/web --out build/artifacts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { clickMark, clickRect, frames, inkPixels, launch, mark, openApp, out, serve, showScreen, state, waitReady } from './support.mjs';

// Two mistakes: q1 (the quiet period obliges approval and filing, 004 二(三)) and q4 (the
// plans need two visits, not three).
const ANSWERS = { q1: 'allowed', q2: 'refused', q3: 'allowed-with-obligations', q4: '3', q5: 'yes', q6: 'no', q7: 'yes' };

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

// Clicks a choice, scrolling the questions with the mouse wheel until it is on screen.
async function clickChoice(page, name, viewport) {
  for (let attempt = 0; attempt < 25; ++attempt) {
    const rect = await mark(page, name);
    const top = (await mark(page, 'exercise-submit')).y + 40;
    if (rect.y >= top && rect.y + rect.height <= viewport.height - 40) {
      await clickRect(page, rect);
      await frames(page);
      return;
    }
    await page.mouse.move(rect.x + 4, Math.min(Math.max(top + 20, rect.y), viewport.height - 60));
    await page.mouse.wheel(0, rect.y < top ? -200 : 200);
    await frames(page, 3);
  }
  assert.fail(`${name} never came on screen`);
}

test('a trainee answers an exercise and sees the score with the clause of each mistake', async () => {
  const viewport = { width: 1280, height: 800 };
  const context = await browser.newContext({ viewport });
  const { page, errors } = await openApp(context, `${base}/index.html?county=yunhe&today=2026-03-16`);
  await showScreen(page, 'exercises');
  await mark(page, 'exercise-q1-allowed');

  for (const [question, choice] of Object.entries(ANSWERS)) await clickChoice(page, `exercise-${question}-${choice}`, viewport);
  await clickMark(page, 'exercise-submit');
  await page.waitForFunction(() => /得分/.test(window.inspectonce.message?.text ?? ''), null, { timeout: 20000 });
  const scored = await state(page);
  // The status bar: the score and the clauses to read again.
  assert.match(scored.message.text, /^练习 yunhe-joint-visits 得分 5\/7；请重读 .*004 二\(三\)/);
  assert.equal(scored.message.problem, true, 'a score below full marks is flagged');
  // The screen: the score beside Submit, and the mistakes' results with their reasons.
  const score = await mark(page, 'exercise-score');
  await mark(page, 'exercise-result-q1');
  const png = await page.screenshot({ path: path.join(out, 'browser-exercises.png') });
  const ink = inkPixels(png, { x: Math.round(score.x), y: Math.round(score.y), width: Math.round(score.width), height: Math.round(score.height) });
  assert.ok(ink > 20, `the score is drawn (${ink} px)`);

  // Try again: the answers are cleared and can be given anew.
  await clickMark(page, 'exercise-retry');
  await clickChoice(page, 'exercise-q1-allowed-with-obligations', viewport);
  await clickMark(page, 'exercise-submit');
  await page.waitForFunction(() => /得分 1\/7/.test(window.inspectonce.message?.text ?? ''), null, { timeout: 20000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test.after(async () => {
  await browser.close();
  server.close();
});
