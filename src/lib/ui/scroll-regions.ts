/**
 * Regions that scroll (a wide table's `.table-wrap`, a list marked `data-scroll-region`): while their
 * content does not fit they can be focused, so the keyboard scrolls them, are named for a screen reader
 * (after their card's heading), and say that they scroll sideways (`data-scrolls="x"`, the CSS cue).
 * One observer for the whole page, so every table of every view, present or added later, behaves alike.
 */
const SELECTOR = '.table-wrap, [data-scroll-region]';
const LISTS = new Set(['OL', 'UL']);

/** Which ways a box's content overflows: 'x', 'y', 'x y' or ''. */
export function overflow(box: { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number }): string {
  return [box.scrollWidth > box.clientWidth + 1 && 'x', box.scrollHeight > box.clientHeight + 1 && 'y'].filter(Boolean).join(' ');
}

export interface ScrollWords {
  /** What a scroll region is called when its card has no heading. */
  region: string;
  /** The visible cue over a table that scrolls sideways. */
  cue: string;
}

function mark(el: HTMLElement, words: ScrollWords) {
  const ways = overflow(el);
  const name = words.region;
  if (ways) {
    el.dataset.scrolls = ways;
    el.dataset.cue = words.cue;
    el.tabIndex = 0;
    if (!LISTS.has(el.tagName)) el.setAttribute('role', 'region'); // a list stays a list, named
    const heading = el.closest('section')?.querySelector('h1, h2, h3')?.textContent?.trim();
    el.setAttribute('aria-label', heading ? `${heading} · ${name}` : name);
  } else if (el.dataset.scrolls != null) {
    delete el.dataset.scrolls;
    delete el.dataset.cue;
    el.removeAttribute('tabindex');
    if (!LISTS.has(el.tagName)) el.removeAttribute('role');
    el.removeAttribute('aria-label');
  }
}

/** Watches `root` for scroll regions, in the current language's `words()`. Returns the stop. */
export function watchScrollRegions(root: HTMLElement, words: () => ScrollWords): () => void {
  const seen = new WeakSet<Element>();
  const sizes = new ResizeObserver((entries) => entries.forEach((e) => mark(e.target as HTMLElement, words())));
  const scan = () => {
    for (const el of root.querySelectorAll<HTMLElement>(SELECTOR)) {
      if (!seen.has(el)) {
        seen.add(el);
        sizes.observe(el);
        // its content changing size changes whether it scrolls
        if (el.firstElementChild) sizes.observe(el.firstElementChild);
      }
      mark(el, words());
    }
  };
  // once a frame at most: reading a box's size lays the page out
  let queued = 0;
  const changes = new MutationObserver(() => (queued ||= requestAnimationFrame(() => ((queued = 0), scan()))));
  changes.observe(root, { childList: true, subtree: true });
  scan();
  return () => {
    cancelAnimationFrame(queued);
    changes.disconnect();
    sizes.disconnect();
  };
}
