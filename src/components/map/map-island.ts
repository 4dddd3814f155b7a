/**
 * The map island. Choosing a measure or year fetches that layer's JSON
 * (/map/layers/<key>.json, once per layer) and recolours the boundary map,
 * the London inset and the hex map with the same view the build draws
 * (lib/maps/layers.ts layerView); it rewrites the key, the notes, the table
 * and every council's accessible name. The URL becomes the matching
 * pre-rendered page (/map/<key>/<year>/), so a view can be shared and works
 * without JavaScript. Without JS the selects stay hidden and the links under
 * the map lead to those pages.
 */
import {
  cellLabel,
  formatLayerValue,
  type KeyItem,
  type LayerData,
  type LayerMeta,
  layerTitle,
  layerView,
  tableOrder,
  yearText,
} from '../../lib/maps/layers.ts';
import { sortable } from '../charts/chart-island.ts';
import { labelInk } from '../../lib/maps/hexgrid.ts';
import { viewHref } from '../../lib/maps/viewhref.ts';

interface Boot {
  layers: LayerMeta[];
  /** Years with a pre-rendered page, per layer, newest first. */
  prerendered: Record<string, number[]>;
  current: { key: string; year: number };
  default: { key: string; year: number };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const SVG = 'http://www.w3.org/2000/svg';

/** One key row, the same markup as MapKey.astro. */
function keyRow(item: KeyItem): HTMLLIElement {
  const li = el('li');
  li.dataset.kind = item.kind;
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 18 12', width: '18', height: '12', 'aria-hidden': 'true' })) svg.setAttribute(k, v);
  const rect = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({ width: '18', height: '12', fill: item.fill, stroke: 'currentColor', 'stroke-width': '0.5' })) rect.setAttribute(k, v);
  svg.append(rect);
  li.append(svg, ` ${item.label} `, el('span', `(${item.count})`, 'count'));
  return li;
}

export function initMap(): void {
  const root = document.querySelector<HTMLElement>('[data-map-view]');
  const raw = root?.querySelector('script[data-map-boot]')?.textContent;
  const form = root?.querySelector<HTMLElement>('[data-map-controls]');
  if (!root || !raw || !form) return;
  const boot = JSON.parse(raw) as Boot;
  const mSel = form.querySelector<HTMLSelectElement>('#map-measure')!;
  const ySel = form.querySelector<HTMLSelectElement>('#map-year')!;
  const status = form.querySelector<HTMLElement>('[data-map-status]')!;
  const tbody = root.querySelector<HTMLTableSectionElement>('[data-map-tbody]')!;
  const info = new Map<string, { name: string; slug: string; region: string }>();
  for (const tr of tbody.querySelectorAll<HTMLTableRowElement>('tr[data-code]')) {
    info.set(tr.dataset.code!, { name: tr.dataset.name!, slug: tr.dataset.slug!, region: tr.dataset.region! });
  }
  const nameOf = (code: string) => info.get(code)?.name ?? code;
  const areas = new Map<string, SVGAElement[]>();
  for (const a of root.querySelectorAll<SVGAElement>('[data-maps] a[data-code]')) {
    const code = a.getAttribute('data-code')!;
    areas.set(code, [...(areas.get(code) ?? []), a]);
  }
  const cache = new Map<string, Promise<LayerData>>();
  const load = (key: string): Promise<LayerData> => {
    let p = cache.get(key);
    if (!p) {
      p = fetch(`/map/layers/${key}.json`).then((r) => {
        if (!r.ok) throw new Error(`map layer ${key}: HTTP ${r.status}`);
        return r.json() as Promise<LayerData>;
      });
      p.catch(() => cache.delete(key));
      cache.set(key, p);
    }
    return p;
  };

  function fillYears(meta: LayerMeta, keep?: number): number {
    ySel.replaceChildren(
      ...meta.years.map((y) => {
        const o = el('option', yearText(meta, y));
        o.value = String(y);
        return o;
      }),
    );
    const y = keep !== undefined && meta.years.includes(keep) ? keep : meta.years[0]!;
    ySel.value = String(y);
    return y;
  }

  function render(layer: LayerData, year: number): void {
    const view = layerView(layer, year);
    for (const c of view.cells) {
      for (const a of areas.get(c.code) ?? []) {
        a.querySelector('path')?.setAttribute('fill', c.fill);
        a.querySelector('text')?.setAttribute('fill', labelInk(c.fill));
        if (a.hasAttribute('aria-label')) a.setAttribute('aria-label', cellLabel(layer, nameOf(c.code), c, view.of));
      }
    }
    const title = layerTitle(layer, year);
    root!.querySelector('[data-map-title]')!.textContent = title;
    root!.querySelector('[data-map-caption]')!.textContent = `${title}, ${layer.kind === 'grade' ? 'best grade first' : 'highest first'}`;
    const unit = root!.querySelector<HTMLElement>('[data-map-unit]')!;
    (unit.querySelector('button') ?? unit).textContent = layer.label;
    root!.querySelector('[data-map-subtitle]')!.textContent = view.method;
    root!.querySelector('[data-map-legend]')!.replaceChildren(...view.key.map(keyRow));

    const unranked = view.cells.filter((c) => c.unranked).map((c) => nameOf(c.code));
    const up = root!.querySelector<HTMLElement>('[data-map-unranked]')!;
    up.hidden = unranked.length === 0;
    up.replaceChildren();
    if (unranked.length)
      up.append(el('strong', 'Not ranked'), ` (dotted): ${layer.unrankedNote} They are shown with their own figures but left out of the colour breaks.`);
    const nMissing = view.cells.filter((c) => c.value === null).length;
    const np = root!.querySelector<HTMLElement>('[data-map-nofigure]')!;
    np.replaceChildren();
    if (!nMissing) np.textContent = 'Every council has a figure.';
    else {
      const by = new Map<string, string[]>();
      for (const c of view.cells) if (c.value === null) by.set(c.reason ?? '', [...(by.get(c.reason ?? '') ?? []), nameOf(c.code)]);
      np.append(
        el('strong', `${nMissing} ${nMissing === 1 ? 'council has' : 'councils have'} no figure`),
        ` (hatched): ${[...by].map(([r, n]) => `${n.join(', ')}: ${lower(r)}`).join('; ')}.`,
      );
    }
    tbody.replaceChildren(
      ...tableOrder(layer, view.cells, nameOf).map((c) => {
        const i = info.get(c.code)!;
        const tr = el('tr');
        Object.assign(tr.dataset, { code: c.code, name: i.name, slug: i.slug, region: i.region });
        const a = el('a', i.name);
        a.href = `/councils/${i.slug}/`;
        const td = el('td');
        td.append(a);
        const v = el('td', undefined, 'num');
        if (c.value === null) v.append(el('span', `No figure (${lower(c.reason ?? '')})`, 'missing-value'));
        else v.textContent = `${formatLayerValue(layer, c.value)}${c.unranked ? ' (not ranked)' : ''}`;
        tr.append(el('td', c.rank === null ? '—' : `${c.tied ? '=' : ''}${c.rank}`, 'num'), td, el('td', i.region), v);
        return tr;
      }),
    );
    const url = viewHref(layer.key, year, boot.default.year, boot.prerendered[layer.key] ?? []);
    if (location.pathname + location.search !== url) history.replaceState(null, '', url);
    for (const a of root!.querySelectorAll<HTMLAnchorElement>('.map-variants a')) {
      if (new URL(a.href).pathname === url) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  }

  let seq = 0;
  async function show(key: string, year: number): Promise<void> {
    const mine = ++seq;
    status.textContent = '';
    root!.setAttribute('aria-busy', 'true');
    try {
      const layer = await load(key);
      if (mine !== seq) return;
      render(layer, year);
    } catch {
      if (mine === seq) status.textContent = 'This map could not be loaded. Use the links under the map instead.';
    } finally {
      if (mine === seq) root!.removeAttribute('aria-busy');
    }
  }

  setupTips(root);
  const table = root.querySelector<HTMLTableElement>('table[data-sortable]');
  if (table) sortable(table);
  const metaOf = (key: string) => boot.layers.find((m) => m.key === key)!;
  mSel.addEventListener('change', () => void show(mSel.value, fillYears(metaOf(mSel.value), Number(ySel.value))));
  ySel.addEventListener('change', () => void show(mSel.value, Number(ySel.value)));
  // An earlier year shared as ?year=<year> on the layer's page.
  const asked = Number(new URLSearchParams(location.search).get('year'));
  const meta = metaOf(boot.current.key);
  if (meta && asked && asked !== boot.current.year && meta.years.includes(asked)) {
    ySel.value = String(asked);
    void show(meta.key, asked);
  }
  // Warm the cache when a reader reaches for the controls.
  form.addEventListener('focusin', () => void load(mSel.value).catch(() => undefined), { once: true });
}

/**
 * Tooltips on the maps: hovering or focusing a council shows its name, value
 * and rank (the boundary map link's accessible name, which render() keeps
 * current). On a touch screen the first tap shows the same, outlines the
 * council on every map and shows its hexagon's label (hex labels are hidden
 * on narrow screens), and a second tap on the same council opens its page.
 */
function setupTips(root: HTMLElement): void {
  const maps = root.querySelector<HTMLElement>('[data-maps]');
  const tip = root.querySelector<HTMLElement>('[data-map-tip]');
  if (!maps || !tip) return;
  let armed: string | null = null;
  const textFor = (code: string) => root.querySelector(`a[data-code="${code}"][aria-label]`)?.getAttribute('aria-label') ?? '';
  const select = (code: string | null) => {
    for (const a of maps.querySelectorAll('a.is-selected')) a.classList.remove('is-selected');
    if (code) for (const a of maps.querySelectorAll(`a[data-code="${code}"]`)) a.classList.add('is-selected');
  };
  const show = (a: SVGAElement, x: number, y: number, touch: boolean) => {
    const code = a.getAttribute('data-code') ?? '';
    tip.replaceChildren(textFor(code));
    if (touch) {
      const go = document.createElement('span');
      go.className = 'map-tip-go';
      go.textContent = 'Tap again to open the council’s page';
      tip.append(go);
    }
    select(code);
    tip.hidden = false;
    const box = maps.getBoundingClientRect();
    const half = tip.offsetWidth / 2;
    tip.style.left = `${Math.min(Math.max(x - box.left, half), box.width - half)}px`;
    tip.style.top = `${Math.max(tip.offsetHeight + 10, y - box.top)}px`;
  };
  const hide = () => {
    tip.hidden = true;
    select(null);
  };
  const areaOf = (t: EventTarget | null) => (t instanceof Element ? t.closest<SVGAElement>('a[data-code]') : null);
  maps.addEventListener('pointermove', (e) => {
    if (e.pointerType === 'touch') return;
    const a = areaOf(e.target);
    if (a) show(a, e.clientX, e.clientY, false);
    else hide();
  });
  maps.addEventListener('pointerleave', (e) => {
    if (e.pointerType !== 'touch') hide();
  });
  maps.addEventListener('click', (e) => {
    const a = areaOf(e.target);
    if (!a) return;
    const pe = e as PointerEvent;
    if (pe.pointerType !== 'touch') return;
    const code = a.getAttribute('data-code');
    if (armed !== code) {
      e.preventDefault();
      armed = code;
      show(a, pe.clientX, pe.clientY, true);
    }
  });
  maps.addEventListener('focusin', (e) => {
    const a = areaOf(e.target);
    if (!a) return;
    const r = a.getBoundingClientRect();
    show(a, r.left + r.width / 2, r.top, false);
  });
  maps.addEventListener('focusout', hide);
}
