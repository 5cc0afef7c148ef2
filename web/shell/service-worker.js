// service-worker.js - offline use: registers sw.js once the app is ready, and the "new version" notice.
// sw.js precaches one version of every file (one cache per version) and serves the page from it. A newer
// deployment is installed in the background into its own cache and waits; it takes over when the reader clicks
// "Reload" in the notice, or by itself once no page of the old version is open. So a page never mixes files of
// two versions. The single file (papertide.html) and file: pages have no service worker.
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const updateEl = document.getElementById('update');
  const container = navigator.serviceWorker;
  let reloadRequested = false;
  let waitingWorker = null;
  function offer(worker) {
    if (!worker || !container.controller) return;  // the first install: nothing to replace
    waitingWorker = worker;
    if (updateEl) updateEl.hidden = false;
  }
  function watch(worker) {
    if (!worker) return;
    if (worker.state === 'installed') offer(worker);
    else worker.addEventListener('statechange', () => { if (worker.state === 'installed') offer(worker); });
  }
  if (updateEl) {
    updateEl.querySelector('button').addEventListener('click', () => {
      reloadRequested = true;
      if (waitingWorker && waitingWorker.state === 'installed') waitingWorker.postMessage({ type: 'papertide-activate' });
      else location.reload();  // already active (another tab chose to reload)
    });
  }
  container.addEventListener('controllerchange', () => {
    if (reloadRequested) location.reload();
    else if (waitingWorker) offer(waitingWorker);  // activated from another tab: this page is still old
  });
  container.register('sw.js').then((registration) => {
    watch(registration.waiting);
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    // Navigations check for a new sw.js anyway; this also covers a page restored from the back/forward cache.
    if (container.controller && navigator.onLine) registration.update().catch(() => {});
    // A tab left open for long: look again when it is shown (at most hourly).
    let checked = Date.now();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible' || !navigator.onLine || Date.now() - checked < 3600e3) return;
      checked = Date.now();
      registration.update().catch(() => {});
    });
  }).catch((error) => console.warn('Papertide: offline use is not available:', error && error.message));
}
