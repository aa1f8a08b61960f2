/**
 * The keys of an ARIA tab list (WAI-ARIA Authoring Practices, "Tabs"): arrows move to the previous or next
 * tab, wrapping round, Home and End to the first and last. The tab moved to is also chosen.
 */
export function tabKey(key: string, at: number, count: number, vertical = false): number | null {
  const [back, forth] = vertical ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
  const to: Record<string, number> = { [back]: at - 1, [forth]: at + 1, Home: 0, End: count - 1 };
  return key in to ? (to[key] + count) % count : null;
}
