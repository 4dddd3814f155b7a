/**
 * Turns Observable Plot's SVG element into accessible, CSP-safe, responsive
 * markup for the page.
 *
 * Plot's raw output fails axe: every mark group carries aria-label but no
 * role, and it embeds a <style> element (blocked by a CSP without
 * 'unsafe-inline' and redundant with charts.css). This module:
 *   - gives the root svg role="img", aria-labelledby (the block's title id)
 *     and aria-describedby (the generated description's id);
 *   - removes every aria-label/aria-description below the root: a group's
 *     label becomes a class ("plot-y-axis-tick-label") for styling, a single
 *     mark's label becomes data-label (read by the tooltip/highlight island);
 *   - marks all groups aria-hidden (the description and the table carry the
 *     content; role="img" children are presentational anyway);
 *   - drops width/height so the viewBox scales to the container (CSS sets
 *     width: 100%; height: auto) and rounds coordinates to 2 decimals (smaller,
 *     stable snapshots).
 */

const NUMERIC_ATTRS = ['d', 'transform', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'points', 'dx', 'dy'];

export function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'chart'
  );
}

function round(attr: string): string {
  return attr.replace(/-?\d+\.\d{3,}(?:e-?\d+)?/g, (m) => {
    const n = Number(Number(m).toFixed(2));
    return String(Object.is(n, -0) ? 0 : n);
  });
}

export interface FinishOptions {
  titleId: string;
  descId: string;
  /** Extra class on the root, e.g. "chart-svg--narrow". */
  className: string;
}

export function finishSvg(svg: SVGSVGElement | HTMLElement, opts: FinishOptions): string {
  const root = svg as Element;
  if (root.tagName.toLowerCase() !== 'svg') {
    throw new Error(`finishSvg: expected an <svg> root, got <${root.tagName}> (a Plot legend or caption option was set?)`);
  }
  for (const style of Array.from(root.querySelectorAll('style'))) style.remove();
  root.removeAttribute('width');
  root.removeAttribute('height');
  root.setAttribute('class', `chart-svg ${opts.className}`);
  root.setAttribute('role', 'img');
  root.setAttribute('aria-labelledby', opts.titleId);
  root.setAttribute('aria-describedby', opts.descId);
  root.setAttribute('focusable', 'false');
  root.removeAttribute('aria-label');
  root.removeAttribute('aria-description');

  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    const label = el.getAttribute('aria-label');
    if (label !== null) {
      el.removeAttribute('aria-label');
      if (tag === 'g') el.setAttribute('class', `${el.getAttribute('class') ?? ''} plot-${slug(label)}`.trim());
      else el.setAttribute('data-label', label);
    }
    el.removeAttribute('aria-description');
    if (tag === 'g' && el.parentNode === root) el.setAttribute('aria-hidden', 'true');
    for (const a of NUMERIC_ATTRS) {
      const v = el.getAttribute(a);
      if (v !== null && /\d\.\d{3}/.test(v)) el.setAttribute(a, round(v));
    }
  }
  return root.outerHTML;
}
