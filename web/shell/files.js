// files.js - files in and out: the reader's digest files and articles (chooser, drag-and-drop) read and handed to
// the app as text, and the app's downloads (exports, reading lists, drafted digests). The app validates what it
// receives and refuses bad files with located messages; it decides whether a file is a digest or an article for
// "New digest from article…". HTML articles go to it as lines made by the browser's DOMParser (article-lines.js).
import { htmlToLinesJson, looksLikeHtml } from './article-lines.js';
import { cxx, isRunning } from './bridge.js';

const MAX_FILE_BYTES = 64 * 1024 * 1024;

function receiveFiles(fileList) {
  for (const file of Array.from(fileList || [])) {
    if (file.size > MAX_FILE_BYTES) { console.warn('papertide: ' + file.name + ' is larger than 64 MiB; not read'); continue; }
    file.text().then((text) => {
      if (!isRunning()) return;
      const lines = looksLikeHtml(file.name, text) ? htmlToLinesJson(text) : null;
      if (lines !== null) cxx.receiveArticleLines(file.name, lines);
      else cxx.receiveFile(file.name, text);
    }).catch((e) => console.warn('papertide: cannot read ' + file.name + ':', e && e.message));
  }
}

export function setUpFiles() {
  const picker = document.getElementById('file-picker');
  picker.addEventListener('change', () => { receiveFiles(picker.files); picker.value = ''; });
  const app = document.getElementById('app');
  app.addEventListener('dragover', (event) => {
    if (event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      app.classList.add('dropping');
    }
  });
  app.addEventListener('dragleave', () => app.classList.remove('dropping'));
  app.addEventListener('drop', (event) => {
    app.classList.remove('dropping');
    if (!event.dataTransfer || !event.dataTransfer.files.length) return;
    event.preventDefault();
    receiveFiles(event.dataTransfer.files);
  });
}

export const handlers = {
  chooseFiles() {
    document.getElementById('file-picker').click();
    return true;
  },
  // A download through a temporary object URL (bytes: a Uint8Array, which may contain NULs).
  saveFile(name, mime, bytes) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([bytes], { type: mime }));
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    return true;
  },
};
