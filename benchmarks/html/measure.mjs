// Measures how fast headless Chromium shows a page: node --experimental-websocket measure.mjs <devtools port> <url> [runs]
// Per run: navigation start to first contentful paint, to the load event, and to the first frame after it (two
// animation frames: the visible part laid out and painted); then, each until it is painted: scrolling to the first
// open file table, re-sorting it by rate (its radio), and opening every collapsed layer and scrolling to the end.
// Prints one JSON line per run and the medians. DevTools evaluation is not subject to the page's CSP.
import { openPage } from '../../scripts/devtools.mjs';
const [port, url, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const { send, next, close } = await openPage(port);
const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result.value;

await send('Page.enable');
await send('Runtime.enable');
await send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });
const results = [];
for (let run = 0; run < runs; run++) {
  const blank = next('Page.loadEventFired');
  await send('Page.navigate', { url: 'about:blank' });
  await blank;
  const loaded = next('Page.loadEventFired');
  await send('Page.navigate', { url });
  await loaded;
  const timing = JSON.parse(await evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    done(JSON.stringify({ fcp: fcp ? fcp.startTime : null, load: nav.loadEventEnd, frame: performance.now(), bytes: nav.transferSize || nav.encodedBodySize,
      elements: document.getElementsByTagName('*').length }));
  })))`));
  // Each step ends when two animation frames have passed: the change is laid out and painted.
  const frames = 'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))';
  timing.toFiles = await evaluate(`(async () => { const start = performance.now();
    document.querySelector('details[open]').scrollIntoView(); await ${frames}; return performance.now() - start; })()`);
  timing.sort = await evaluate(`(async () => { const radio = document.querySelector('details[open] input[id$="-3"]'); if (!radio) return null;
    const start = performance.now(); radio.checked = true; await ${frames}; return performance.now() - start; })()`);
  timing.openAll = await evaluate(`(async () => { const start = performance.now(); for (const d of document.querySelectorAll('details')) d.open = true;
    window.scrollTo(0, document.body.scrollHeight); await ${frames}; return performance.now() - start; })()`);
  results.push(timing);
  console.log(JSON.stringify(timing));
}

const median = (key) => {
  const values = results.map((r) => r[key]).filter((v) => v !== null).sort((a, b) => a - b);
  return values.length ? Math.round(values[Math.floor(values.length / 2)]) : null;
};
console.log(JSON.stringify({ median: { fcpMs: median('fcp'), loadMs: median('load'), firstFrameMs: median('frame'), toFilesMs: median('toFiles'), sortMs: median('sort'), openAllMs: median('openAll'), elements: results[0].elements } }));
await close();
