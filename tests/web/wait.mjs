// wait.mjs - how the browser tests wait for the app: on a condition of window.papertide.state(), on frames it
// has rendered, or until it has drawn everything it knows of (idle); and the click they make on a named target.
// Nothing here waits for a fixed time, except quietWindow() (a test proving that nothing happens during a
// window, e.g. no frames while idle) and gesturePause() (time that is part of the input itself).
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const pollInterval = 50;  // ms between two looks at the page

// The state without its many hit rectangles (their names are kept), for failure messages.
function describeState(state) {
  if (!state || typeof state !== 'object') return JSON.stringify(state);
  return JSON.stringify({ ...state, targets: Object.keys(state.targets || {}) });
}

// Calls `read()` until `predicate(value)` holds and returns that value; fails after `timeout` ms naming `what`
// and showing the last value (through `describe`).
export async function poll(read, predicate, what, { timeout = 45000, describe = JSON.stringify } = {}) {
  const deadline = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (predicate(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last: ${describe(value)}`);
    await pause(pollInterval);
  }
}

// `app` is anything with a playwright `page` showing Papertide (openApp's result, or { page }).
export const appState = (app) => app.page.evaluate(() => window.papertide.state());

// Polls the app's state until `predicate(state)` holds; returns that state. On timeout the error names `what`
// and shows the last state.
export function until(app, predicate, what, timeout = 45000) {
  return poll(() => appState(app), predicate, what, { timeout, describe: describeState });
}

export const framesNow = async (app) => (await appState(app)).framesRendered;

// Waits until the app has rendered `n` frames after frame number `since` (read BEFORE the input that makes it
// draw: the app renders only when something happened, so a count taken afterwards may never advance).
export function nextFrames(app, since, n = 1, what = `${n} frame(s) after frame ${since}`, timeout = 45000) {
  if (typeof since !== 'number') throw new Error('nextFrames needs the frame count from before the input');
  return until(app, (s) => s.framesRendered >= since + n, what, timeout);
}

// Waits until the app has drawn everything it knows of: one of its main-loop iterations (one per animation
// frame) rendered nothing, so no input is pending, nothing is settling, gliding or animating, and the state
// describes the last frame. Input already delivered to the page (DOM events, which SDL queues) counts; what
// arrives later (file reads, IndexedDB, clipboard promises) must be waited for on its own condition first.
// Between two consecutive animation-frame callbacks of ours exactly one main-loop iteration runs.
export async function idle(app, what = 'the app to finish drawing (an animation frame without rendering)', timeout = 45000) {
  const quietFrame = () => app.page.evaluate(() => new Promise((resolve) => {
    const frames = () => window.papertide.state().framesRendered;
    requestAnimationFrame(() => {
      const before = frames();
      requestAnimationFrame(() => resolve(frames() === before));
    });
  }));
  await poll(quietFrame, (quiet) => quiet, what, { timeout });
  return appState(app);
}

export const centre = (rect) => ({ x: rect[0] + rect[2] / 2, y: rect[1] + rect[3] / 2 });

// The centre of a named UI target (state().targets, the hit rectangles of the last frame), once it is there and
// the app has drawn everything: a frame that changed the layout (a filter chip appearing, a list refilled) may be
// followed by one that moves the target, and a click at the first place misses it. A target that keeps coming
// back but is never there once the app is idle fails after `timeout` ms, not at CTest's limit.
export async function target(app, name, timeout = 45000) {
  const settled = await poll(async () => {
    await until(app, (s) => s.targets && s.targets[name], `target ${name}`);
    return idle(app, `the app to settle before using target ${name}`);
  }, (s) => s.targets && s.targets[name], `target ${name} once the app is idle`, { timeout, describe: describeState });
  return centre(settled.targets[name]);
}

// A real mouse click (move, press, release) at the centre of a named UI target; `options` as page.mouse.click
// (button, modifiers).
export async function click(app, name, options = {}) {
  const { x, y } = await target(app, name);
  await app.page.mouse.click(x, y, options);
}

// The one fixed wait for the app: a test proving that NOTHING happens during a window of time (no frames while
// idle, no second popup). `why` says what must not happen; it is required so every such place says so.
export async function quietWindow(ms, why) {
  if (!why) throw new Error('quietWindow: say what must not happen during the window');
  await pause(ms);
}

// Frames the app renders during a quiet window of `ms` with no input (expected: next to none).
export async function framesDuring(app, ms, why) {
  const before = await framesNow(app);
  await quietWindow(ms, why);
  return (await framesNow(app)) - before;
}

// Time that is part of the input being made, not a wait for the app: a finger resting before it lifts (the app
// decides "rested, no glide" by the time between the last move and the lift).
export async function gesturePause(ms, why) {
  if (!why) throw new Error('gesturePause: say what the gesture needs the time for');
  await pause(ms);
}
