import type { Locator, Page } from 'playwright-core';

/**
 * Layout measurements of the h5 build in Chromium. Sizes are in design px (the 750 px wide design the
 * stylesheets are written in, miniapp/config designWidth): Taro turns them into rem scaled to the
 * window, so a design px is innerWidth / 750 CSS px (0.52 on a 390 px wide phone).
 */

/** How many lines an element's text takes: its text boxes, grouped by line (tops more than half a line apart). */
export const textLines = (locator: Locator): Promise<number> =>
  locator.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const tops: number[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.push(r.top);
    }
    const half = Number.parseFloat(getComputedStyle(el).fontSize) / 2;
    return tops.sort((a, b) => a - b).filter((t, i, all) => i === 0 || t - (all[i - 1] ?? t) > half).length;
  });

export interface PageLayout {
  /** Visible member page roots (`[data-large]`, components/member-page.tsx): one on a member page. */
  roots: number;
  /** 'on' or 'off': the root's `data-large`. */
  large: string | null;
  /** The root's font size (body text), design px. */
  bodyPx: number;
  /** Every visible text under `minPx`: `<tag.class> <size> <text>`. */
  smallTexts: string[];
  /** Buttons whose label takes more than one line. */
  wrappedButtons: string[];
  /** The document wider than the window, or an element reaching past either edge, or clipping its own text. */
  overflow: string[];
}

/** The visible member page: its text sizes, wrapped button labels and horizontal overflow. */
export const pageLayout = (page: Page, minPx: number): Promise<PageLayout> =>
  page.evaluate((min) => {
    const designPx = window.innerWidth / 750;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}>`;
    const sizeOf = (el: Element) => Number.parseFloat(getComputedStyle(el).fontSize) / designPx;
    const lines = (el: Element) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const tops: number[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.push(r.top);
      }
      const half = Number.parseFloat(getComputedStyle(el).fontSize) / 2;
      return tops.sort((a, b) => a - b).filter((t, i, all) => i === 0 || t - (all[i - 1] ?? t) > half).length;
    };

    const roots = Array.from(document.querySelectorAll('[data-large]')).filter(visible);
    const root = roots[0];
    const overflow: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      overflow.push(`document ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window`);
    if (!root) return { roots: 0, large: null, bodyPx: 0, smallTexts: [], wrappedButtons: [], overflow };

    const smallTexts: string[] = [];
    const wrappedButtons: string[] = [];
    for (const el of Array.from(root.querySelectorAll<Element>('*'))) {
      if (!visible(el)) continue;
      const text = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      const r = el.getBoundingClientRect();
      if (r.left < -1 || r.right > window.innerWidth + 1)
        overflow.push(
          `${describe(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px: ${(el.textContent ?? '').trim().slice(0, 30)}`,
        );
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' && !['INPUT', 'TEXTAREA'].includes(el.tagName);
      if (clips && text && el.scrollWidth > el.clientWidth + 1)
        overflow.push(`${describe(el)} clips its text (${el.scrollWidth} > ${el.clientWidth} px): ${text.slice(0, 30)}`);
      if (text && sizeOf(el) < min - 0.25) smallTexts.push(`${describe(el)} ${sizeOf(el).toFixed(1)} px: ${text.slice(0, 20)}`);
      const isButton = el.tagName === 'TARO-BUTTON-CORE' || el.tagName === 'BUTTON';
      if (isButton && lines(el) > 1) wrappedButtons.push(`${describe(el)} ${lines(el)} lines: ${(el.textContent ?? '').trim()}`);
    }
    return {
      roots: roots.length,
      large: root.getAttribute('data-large'),
      bodyPx: sizeOf(root),
      smallTexts,
      wrappedButtons,
      overflow,
    };
  }, minPx);
