import type { PickedTextFile } from './pick-text-file';

/** Opens the browser's file chooser for a .txt file; null when nothing was chosen. */
export const pickTextFile = (): Promise<PickedTextFile | null> =>
  new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.txt,text/plain';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      file.text().then((text) => resolve({ name: file.name, text }), reject);
    });
    document.body.appendChild(input);
    input.click();
  });
