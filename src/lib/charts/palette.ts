/**
 * Colours. The SVG never carries literal colours: marks use CSS custom
 * properties (var(--chart-1) …) defined in src/styles/charts.css, which has
 * light and dark values (prefers-color-scheme), so charts follow the page's
 * theme and meet contrast in both.
 *
 * Series colours are the Okabe–Ito palette (designed to stay distinguishable
 * for deuteranopia, protanopia and tritanopia) in this order: blue, vermillion,
 * bluish green, reddish purple, orange, sky blue. In light mode the last four
 * are darkened so every series colour has at least 3:1 contrast on white
 * (WCAG 1.4.11; measured 3.6–5.3:1); dark mode uses the original, lighter
 * members (7.6–14:1 on #121212). Values and ratios are in charts.css.
 */
export const SERIES_COLORS = [1, 2, 3, 4, 5, 6].map((i) => `var(--chart-${i})`);

/**
 * Text in a series' colour (direct labels): the same hue, darkened in light
 * mode where the mark colour is under 4.5:1 for text (values in charts.css).
 */
export const SERIES_TEXT_COLORS = [1, 2, 3, 4, 5, 6].map((i) => `var(--chart-${i}-text)`);

export const INK = 'var(--chart-ink, currentColor)';
export const MUTED = 'var(--chart-muted, currentColor)';
export const HIGHLIGHT = 'var(--chart-highlight)';
export const CONTEXT = 'var(--chart-context)';

/** Ofsted grades, worst to best: the order of every grade legend and stack. */
export const OFSTED_GRADES = ['Inadequate', 'Requires improvement', 'Good', 'Outstanding'] as const;
export type Grade = (typeof OFSTED_GRADES)[number];

/** Diverging scheme: vermillion (bad) ↔ blue (good), two lightnesses each; CVD-safe (no red/green). */
export const GRADE_COLORS: Record<Grade, string> = {
  Inadequate: 'var(--grade-inadequate)',
  'Requires improvement': 'var(--grade-ri)',
  Good: 'var(--grade-good)',
  Outstanding: 'var(--grade-outstanding)',
};

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length]!;
}

export function seriesTextColor(i: number): string {
  return SERIES_TEXT_COLORS[i % SERIES_TEXT_COLORS.length]!;
}
