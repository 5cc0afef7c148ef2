// snapshot-download.js - a dedicated worker that downloads the corpus snapshot for web/shell/corpus.js. The page's
// main thread reads the snapshot while it arrives, and a download read on the main thread stops whenever that
// thread is busy (the browser takes no more bytes from the network while the page has not taken the last ones);
// here it goes on at the network's speed, and what arrives waits in the page's message queue instead.
// The snapshot's URL is the worker's name (new Worker(script, {name: url})), so the download starts as soon as the
// worker does. Messages out: {length} (from the response headers, 0 when unknown), {chunk} for each piece as it
// arrives (an ArrayBuffer, transferred, not copied), then {done, at: when it ended, ms since the epoch} or {error}.
'use strict';

async function download(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const length = response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length')) || 0;
  postMessage({ length });
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const whole = value.byteOffset === 0 && value.byteLength === value.buffer.byteLength;
    const chunk = whole ? value.buffer : value.slice().buffer;
    postMessage({ chunk }, [chunk]);
  }
}

download(self.name)
  .then(() => postMessage({ done: true, at: performance.timeOrigin + performance.now() }))
  .catch((e) => postMessage({ error: String((e && e.message) || e) }));
