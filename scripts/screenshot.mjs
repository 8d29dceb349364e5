// Screenshots a page, or the elements a CSS selector matches, in a running headless Chromium over the DevTools
// protocol: node --experimental-websocket scripts/screenshot.mjs <devtools port> <url> <out.png> [selector]
// Waits for the load event and two animation frames; with a selector, the picture is clipped to the box around
// every matching element (with a margin), whatever its position on the page.
import { openPage } from './devtools.mjs';
import { writeFileSync } from 'node:fs';

const [port, url, out, selector] = process.argv.slice(2);
const { send, next, close } = await openPage(port);

await send('Page.enable');
await send('Emulation.setDeviceMetricsOverride', { width: 1200, height: 900, deviceScaleFactor: 1, mobile: false });
const loaded = next('Page.loadEventFired');
await send('Page.navigate', { url });
await loaded;
const box = (await send('Runtime.evaluate', {
  awaitPromise: true,
  returnByValue: true,
  expression: `(async () => {
    const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    await frames();
    const elements = ${selector ? `[...document.querySelectorAll(${JSON.stringify(selector)})]` : '[]'};
    if (elements.length === 0) return null;
    for (const e of elements) { e.scrollIntoView(); await frames(); }
    const boxes = elements.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top + scrollY, left: r.left + scrollX, bottom: r.bottom + scrollY, right: r.right + scrollX }));
    const m = 8;
    const top = Math.max(0, Math.min(...boxes.map((b) => b.top)) - m), left = Math.max(0, Math.min(...boxes.map((b) => b.left)) - m);
    return { x: left, y: top, width: Math.max(...boxes.map((b) => b.right)) + m - left, height: Math.max(...boxes.map((b) => b.bottom)) + m - top, scale: 1 };
  })()`,
})).result.value;
if (selector && !box) {
  console.error(`nothing on ${url} matches ${selector}`);
  process.exit(1);
}

const shot = await send('Page.captureScreenshot', box ? { format: 'png', clip: box, captureBeyondViewport: true } : { format: 'png' });
writeFileSync(out, Buffer.from(shot.data, 'base64'));
await close();
