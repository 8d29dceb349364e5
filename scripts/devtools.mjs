// A minimal DevTools-protocol client for a running headless Chromium: opens a new page target on the given port and
// returns send(method, params) (resolves with the result), next(event) (resolves with the event's next params) and
// close() (closes the connection and the page).
// Used by scripts/screenshot.mjs and benchmarks/html/measure.mjs (node --experimental-websocket).
export async function openPage(port) {
  const target = await (await fetch(`http://127.0.0.1:${port}/json/new?about:blank`, { method: 'PUT' })).json();
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
  let id = 0;
  const pending = new Map();
  const waiters = [];
  socket.onmessage = (message) => {
    const data = JSON.parse(message.data);
    if (data.id && pending.has(data.id)) {
      const { resolve, reject } = pending.get(data.id);
      pending.delete(data.id);
      data.error ? reject(new Error(JSON.stringify(data.error))) : resolve(data.result);
    } else if (data.method) {
      for (const waiter of waiters.filter((w) => w.method === data.method)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(data.params);
      }
    }
  };
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    pending.set(++id, { resolve, reject });
    socket.send(JSON.stringify({ id, method, params }));
  });
  const next = (method) => new Promise((resolve) => waiters.push({ method, resolve }));
  const close = async () => {
    socket.close();
    await fetch(`http://127.0.0.1:${port}/json/close/${target.id}`);
  };
  return { send, next, close };
}
