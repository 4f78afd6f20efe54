// What the browser tests share: arguments, a static server for the site, Debian's headless
// Chromium, waiting for the app, clicking its named widgets (window.inspectonce.marks), and
// counting the "ink" of a screenshot (a small PNG reader: no image library needed).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

export const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) =>
  (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []));
export const site = path.resolve(args.site ?? 'build/wasm/web');
export const out = path.resolve(args.out ?? 'build/artifacts');
fs.mkdirSync(out, { recursive: true });

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
               '.json': 'application/json', '.data': 'application/octet-stream' };

// A static server on loopback, as `tools/run` serves the site.
export function serve(root = site) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const file = path.join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404); response.end('not found'); return;
    }
    response.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic',
                      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
}

// --cpu-throttle N runs every page's CPU N times slower (DevTools' throttling): what a slow,
// busy CI machine does to frames, to be seen and fixed locally.
const cpuThrottle = Number(args['cpu-throttle'] ?? 1);

// Opens the app at `address` (the site's index.html and its query) in a new page of
// `context`, collecting the page's errors; `before(page)` runs before it loads (routes).
export async function openApp(context, address, { before } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (cpuThrottle > 1) {
    const devtools = await context.newCDPSession(page);
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  }
  if (before) await before(page);
  const started = Date.now();
  await page.goto(address);
  await waitReady(page);
  return { page, errors, millisToReady: Date.now() - started };
}

export async function waitReady(page) {
  await page.waitForFunction(() => window.inspectonce && window.inspectonce.ready, null, { timeout: 30000 });
}

// Lets the app draw a few frames (what a click changed is published after the next one).
export async function frames(page, count = 3) {
  for (let i = 0; i < count; ++i) await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
}

export const state = (page) => page.evaluate(() => window.inspectonce);

// Waits for the widget called `name` to be drawn, and returns its rectangle.
export async function mark(page, name, timeout = 5000) {
  await page.waitForFunction((n) => window.inspectonce.marks && window.inspectonce.marks[n], name, { timeout });
  return page.evaluate((n) => window.inspectonce.marks[n], name);
}

// Hovers first, for a frame: some ImGui widgets (tabs, items that allow overlap) only take a
// click when the mouse was over them on the frame before.
export async function clickRect(page, rect) {
  const x = rect.x + rect.width / 2, y = rect.y + rect.height / 2;
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.click(x, y);
}

export async function clickMark(page, name) {
  await clickRect(page, await mark(page, name));
  await frames(page);
}

// Shows a screen through the navigation, as an official would.
export async function showScreen(page, id) {
  await clickMark(page, `nav-${id}`);
  await page.waitForFunction((s) => window.inspectonce.screen === s, id, { timeout: 5000 });
  await frames(page);
}

// The pixels of a PNG (8-bit RGB or RGBA, as Chromium writes them).
export function readPng(buffer) {
  let pos = 8, width = 0, height = 0, type = 0;
  const idat = [];
  while (pos < buffer.length) {
    const length = buffer.readUInt32BE(pos);
    const kind = buffer.toString('ascii', pos + 4, pos + 8);
    const body = buffer.subarray(pos + 8, pos + 8 + length);
    if (kind === 'IHDR') { width = body.readUInt32BE(0); height = body.readUInt32BE(4); type = body[9]; }
    if (kind === 'IDAT') idat.push(body);
    pos += 12 + length;
  }
  const channels = type === 6 ? 4 : 3;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; ++i) {
      const value = raw[y * (stride + 1) + 1 + i];
      const left = i >= channels ? pixels[y * stride + i - channels] : 0;
      const up = y ? pixels[(y - 1) * stride + i] : 0;
      const corner = y && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - corner, pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - corner);
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : corner;
      }
      pixels[y * stride + i] = (value + predicted) & 255;
    }
  }
  return { width, height, channels, pixels };
}

// Pixels in `rect` clearly darker than the light background: text, lines, charts.
export function inkPixels(png, rect, below = 160) {
  const { width, height, channels, pixels } = readPng(png);
  let ink = 0;
  for (let y = Math.max(0, rect.y); y < Math.min(height, rect.y + rect.height); ++y)
    for (let x = Math.max(0, rect.x); x < Math.min(width, rect.x + rect.width); ++x) {
      const at = (y * width + x) * channels;
      if ((pixels[at] + pixels[at + 1] + pixels[at + 2]) / 3 < below) ++ink;
    }
  return ink;
}
