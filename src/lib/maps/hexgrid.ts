/**
 * The hex cartogram: one equal hexagon per upper-tier council, from Open
 * Innovations' uk-upper-tier-local-authorities.hexjson (data/output/geo/odi-hex.json,
 * "odd-r" layout, r counting up from the south coast). That file has the
 * 2019/20 geography (151 councils), so the successors of the 2021 and 2023
 * reorganisations are placed here, by the rules below (docs/geography.md):
 *   - Northamptonshire (2021) → West Northamptonshire takes the hex west of the
 *     old county's, North Northamptonshire the old county's own; Warwickshire
 *     and Herefordshire move one hex west along their row to make room.
 *   - Cumbria (2023) → Westmorland and Furness (the south) keeps Cumbria's hex,
 *     Cumberland (the north and west) takes the free hex to its north-west.
 *   - North Yorkshire and Somerset (2023) kept their areas; the file already
 *     carries their new codes.
 * A code in the file that is neither current nor placed, or a current council
 * with no hex, or two councils on one hex, fails the build.
 */
export interface HexCell {
  code: string;
  name: string;
  q: number;
  r: number;
}

/** Moves and placements applied to the file's hexes, in order. */
export const HEX_PLACEMENT: ReadonlyArray<{ code: string; name: string; q: number; r: number; why: string }> = [
  { code: 'E06000019', name: 'Herefordshire, County of', q: 4, r: 6, why: 'moved one west to make room for West Northamptonshire' },
  { code: 'E10000031', name: 'Warwickshire', q: 5, r: 6, why: 'moved one west to make room for West Northamptonshire' },
  { code: 'E06000062', name: 'West Northamptonshire', q: 6, r: 6, why: 'successor of Northamptonshire (2021), west half' },
  { code: 'E06000061', name: 'North Northamptonshire', q: 7, r: 6, why: 'successor of Northamptonshire (2021), on the old county hex' },
  { code: 'E06000064', name: 'Westmorland and Furness', q: 6, r: 14, why: 'successor of Cumbria (2023), on the old county hex' },
  { code: 'E06000063', name: 'Cumberland', q: 5, r: 15, why: 'successor of Cumbria (2023), free hex to the north-west' },
];

export interface HexFile {
  layout: string;
  hexes: Record<string, { n: string; q: number; r: number; former?: boolean; successors?: string[] }>;
}

/** The cells for the given current councils (code → name), after placement. */
export function placeHexes(file: HexFile, current: ReadonlyMap<string, string>): HexCell[] {
  if (file.layout !== 'odd-r') throw new Error(`geo/odi-hex.json: layout "${file.layout}", expected "odd-r"`);
  const cells = new Map<string, HexCell>();
  for (const [code, h] of Object.entries(file.hexes)) {
    if (h.former) continue;
    cells.set(code, { code, name: h.n, q: h.q, r: h.r });
  }
  for (const p of HEX_PLACEMENT) {
    const name = current.get(p.code);
    // A council neither in the file nor current has nothing to place (a geography without it, such as a
    // test fixture's); one in the file that is not current is a mistake in this list.
    if (name === undefined && !(p.code in file.hexes)) continue;
    if (name === undefined) throw new Error(`hex placement: ${p.code} ${p.name} is not a current council in las.json`);
    cells.set(p.code, { code: p.code, name, q: p.q, r: p.r });
  }
  const out = [...cells.values()];
  const extra = out.filter((c) => !current.has(c.code)).map((c) => `${c.code} ${c.name}`);
  const missing = [...current.keys()].filter((c) => !cells.has(c));
  if (extra.length || missing.length)
    throw new Error(`geo/odi-hex.json after placement: not current: ${extra.join(', ') || 'none'}; no hex: ${missing.join(', ') || 'none'}`);
  const seen = new Map<string, string>();
  for (const c of out) {
    const k = `${c.q},${c.r}`;
    if (seen.has(k)) throw new Error(`geo/odi-hex.json after placement: ${c.code} and ${seen.get(k)} share hex ${k}`);
    seen.set(k, c.code);
  }
  return out.map((c) => ({ ...c, name: current.get(c.code) ?? c.name }));
}

/** Centre of a pointy-top hex of circumradius `size` in the odd-r layout, y growing downwards (north up). */
export function hexCentre(q: number, r: number, size: number): [number, number] {
  const w = Math.sqrt(3) * size;
  return [w * (q + (r & 1 ? 0.5 : 0)), -1.5 * size * r];
}

export function hexPath(cx: number, cy: number, size: number): string {
  const pts = [30, 90, 150, 210, 270, 330].map((a) => {
    const t = (Math.PI / 180) * a;
    return `${(cx + size * Math.cos(t)).toFixed(1)},${(cy + size * Math.sin(t)).toFixed(1)}`;
  });
  return `M${pts.join('L')}Z`;
}

/** Short hex label: initials of the main words ("North East Lincolnshire" → "NEL", "Kingston upon Hull, City of" → "KH"), else the first three letters ("Kent" → "KEN"). */
export function hexLabel(name: string): string {
  const base = name
    .replace(/,\s*(City|County) of$/i, '')
    .replace(/,/g, ' ')
    .replace(/\b(upon|on|and|of|the|with|le|in)\b/gi, ' ')
    .replace(/-/g, ' ')
    .trim();
  const words = base.split(/\s+/).filter(Boolean);
  if (words.length >= 2)
    return words
      .map((w) => w[0]!.toUpperCase())
      .join('')
      .slice(0, 3);
  return base.slice(0, 3).toUpperCase();
}

/** Label colour for a hex fill: whichever of white and dark ink (#1b1b1b) has the higher WCAG contrast with it. */
export function labelInk(fill: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return '#1b1b1b';
  const lin = (h: string) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const L = 0.2126 * lin(m[1]!) + 0.7152 * lin(m[2]!) + 0.0722 * lin(m[3]!);
  const onWhite = 1.05 / (L + 0.05);
  const onInk = (L + 0.05) / (0.0116 + 0.05); // #1b1b1b has luminance 0.0116
  return onWhite > onInk ? '#ffffff' : '#1b1b1b';
}
