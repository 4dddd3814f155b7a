/**
 * What sits on top of the boundary map: where the London inset goes and
 * where the place names go. Pure geometry on boxes in the map's own units
 * (the SVG viewBox), so it can be tested without the boundary files.
 *
 *   - insetBox: the first candidate box that overlaps no council's bounding
 *     box (the map's empty sea), so the inset covers no land.
 *   - placeLabels: each name, in the order given, goes to the first of four
 *     spots beside its dot (right, left, above, below) where its box stays
 *     inside the map and overlaps no earlier name, no dot and no obstacle
 *     (the inset); a name with no free spot is left off (`dropped`). Text
 *     width is estimated at 0.62 em a character (bold sans), which
 *     over-estimates, so real text fits inside its box.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
export function inside(a: Box, outer: Box): boolean {
  return a.x >= outer.x && a.y >= outer.y && a.x + a.w <= outer.x + outer.w && a.y + a.h <= outer.y + outer.h;
}

/** The first candidate that overlaps none of `land`; throws naming the candidates when none is free. */
export function insetBox(candidates: readonly Box[], land: readonly Box[]): Box {
  const free = candidates.find((c) => !land.some((l) => overlaps(c, l)));
  if (!free)
    throw new Error(
      `London inset: every candidate box overlaps a council (${candidates.map((c) => `${c.x},${c.y} ${c.w}×${c.h}`).join('; ')}); move the inset`,
    );
  return free;
}

export interface PlacePoint {
  label: string;
  code: string;
  x: number;
  y: number;
}
export interface PlacedLabel extends PlacePoint {
  /** Text anchor point and alignment. */
  tx: number;
  ty: number;
  anchor: 'start' | 'end' | 'middle';
  box: Box;
}

export const CHAR_EM = 0.62;

export function labelBox(label: string, fontSize: number): { w: number; h: number } {
  return { w: label.length * CHAR_EM * fontSize, h: fontSize * 1.2 };
}

export function placeLabels(
  points: readonly PlacePoint[],
  fontSize: number,
  bounds: Box,
  obstacles: readonly Box[] = [],
  dot = 3,
): { placed: PlacedLabel[]; dropped: string[] } {
  const gap = dot + fontSize * 0.25;
  const dots: Box[] = points.map((p) => ({ x: p.x - dot, y: p.y - dot, w: 2 * dot, h: 2 * dot }));
  const placed: PlacedLabel[] = [];
  const dropped: string[] = [];
  points.forEach((p, i) => {
    const { w, h } = labelBox(p.label, fontSize);
    // Baseline sits 0.35 em below the box's middle.
    const spots: Array<Omit<PlacedLabel, keyof PlacePoint>> = [
      { tx: p.x + gap, ty: p.y + fontSize * 0.35, anchor: 'start', box: { x: p.x + gap, y: p.y - h / 2, w, h } },
      { tx: p.x - gap, ty: p.y + fontSize * 0.35, anchor: 'end', box: { x: p.x - gap - w, y: p.y - h / 2, w, h } },
      { tx: p.x, ty: p.y - gap - h * 0.25, anchor: 'middle', box: { x: p.x - w / 2, y: p.y - gap - h, w, h } },
      { tx: p.x, ty: p.y + gap + h * 0.75, anchor: 'middle', box: { x: p.x - w / 2, y: p.y + gap, w, h } },
    ];
    const ok = spots.find(
      (s) =>
        inside(s.box, bounds) &&
        !placed.some((q) => overlaps(s.box, q.box)) &&
        !dots.some((d, j) => j !== i && overlaps(s.box, d)) &&
        !obstacles.some((o) => overlaps(s.box, o)),
    );
    if (ok) placed.push({ ...p, ...ok });
    else dropped.push(p.label);
  });
  return { placed, dropped };
}
