// storage.js - what the page keeps for the reader: small values (settings, marks) in localStorage, and the
// reader's own digest files in IndexedDB, read once at start-up and handed to the app with the corpus.
const VALUE_PREFIX = 'papertide:';
const DB_NAME = 'papertide';
const STORE = 'user-digests';

function openDb() {
  return new Promise((resolve, reject) => {
    if (!window.indexedDB) { reject(new Error('IndexedDB unavailable')); return; }
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'name' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function withStore(mode, action) {
  return openDb().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = action(tx.objectStore(STORE));
    tx.oncomplete = () => { db.close(); resolve(result && 'result' in result ? result.result : undefined); };
    tx.onerror = () => { db.close(); reject(tx.error); };
  }));
}

// The kept digests, from readKeptDigests() until the app takes them (keptDigests).
let kept = [];

// Whether the reader's database exists at all: on a first visit it does not, and opening it would create it, which
// in a fresh profile takes longer than the app's start-up. (Where the list is not available, it may exist.)
function databaseExists() {
  if (!window.indexedDB || typeof indexedDB.databases !== 'function') return Promise.resolve(true);
  return indexedDB.databases().then((list) => list.some((db) => db.name === DB_NAME), () => true);
}

// Reads the kept digests; the corpus waits for this promise (it never rejects: a failure is a warning).
export function readKeptDigests() {
  return databaseExists()
    .then((exists) => (exists ? withStore('readonly', (store) => store.getAll()) : []))
    .then((files) => {
      kept = (files || []).filter((f) => f && typeof f.name === 'string' && typeof f.text === 'string');
    })
    .catch((e) => console.warn('papertide: kept digests unavailable:', e && e.message));
}

export const handlers = {
  loadValue(key) {
    try {
      return localStorage.getItem(VALUE_PREFIX + key);
    } catch (e) {
      return null;
    }
  },
  saveValue(key, value) {
    try {
      localStorage.setItem(VALUE_PREFIX + key, value);
    } catch (e) {
      console.warn('papertide: cannot save a setting:', e && e.message);
    }
  },
  storeDigest(name, bytes) {
    const text = new TextDecoder().decode(bytes);
    withStore('readwrite', (store) => store.put({ name, text, added: Date.now() }))
      .catch((e) => console.warn('papertide: cannot keep the digest ' + name + ':', e && e.message));
  },
  forgetDigest(name) {
    withStore('readwrite', (store) => store.delete(name))
      .catch((e) => console.warn('papertide: cannot forget the digest ' + name + ':', e && e.message));
  },
  // Handed over once: the app keeps its own copy from then on.
  keptDigests() {
    const files = kept.map(({ name, text }) => ({ name, text }));
    kept = [];
    return JSON.stringify(files);
  },
};
