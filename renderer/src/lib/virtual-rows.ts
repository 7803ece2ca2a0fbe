import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

/** Height of one table row in pixels (rows are one line; long values are cut with an ellipsis). */
export const ROW_HEIGHT = 40;
/**
 * Rows drawn when the scroller has no size yet (first paint, or jsdom in tests): a screen's height
 * of rows (the scrollers are at most 60vh: 33 rows on a 2160-pixel-high screen). More only slows
 * the first paint (100 rows cost ~30 ms more with 5,000 devices) and are dropped once measured.
 */
const UNMEASURED_ROW_LIMIT = 40;

/**
 * The rows of a long table to put in the DOM: those in view (TanStack Virtual), or the first 100
 * while the scroller has no size yet.
 * @param keyOf a stable key of row `index`.
 * @returns the scroller's ref and the rows to draw with their top offset in pixels.
 */
export function useVirtualRows(count: number, keyOf: (index: number) => string | number) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- expected with TanStack Virtual (STACK.md 13)
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: keyOf,
    overscan: 10,
  });
  const measured = (virtualizer.scrollRect?.height ?? 0) > 0;
  const items = measured
    ? virtualizer.getVirtualItems().map((item) => ({ index: item.index, start: item.start }))
    : Array.from({ length: Math.min(count, UNMEASURED_ROW_LIMIT) }, (_, index) => ({
        index,
        start: index * ROW_HEIGHT,
      }));
  return { scrollRef, items };
}
