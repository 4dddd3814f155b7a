/**
 * The map island: choosing a measure or year recolours both maps from the
 * embedded JSON (mapdata.ts islandPayload), and rewrites the legend, the
 * missing-data note, the table and every council's accessible name. The URL
 * becomes the matching pre-rendered page (/map/<measure>/<year>/), so it can
 * be shared and works without JavaScript. Without JS the selects stay hidden
 * and the links under the map lead to those pages.
 */
import { fillOf, legend, quantileClasses } from '../../lib/maps/classify.ts';
import type { IslandPayload } from '../../lib/maps/mapdata.ts';
import { areaLabel, viewTitle } from '../../lib/maps/labels.ts';
import { formatMeasure, type MeasureDef } from '../../lib/councils/measures.ts';
import { rankOf } from '../../lib/councils/rank.ts';
import { sortable } from '../charts/chart-island.ts';
import { labelInk } from '../../lib/maps/hexgrid.ts';

const DEFAULT = 'cla_rate_per_10k';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function initMap(): void {
  const root = document.querySelector<HTMLElement>('[data-map-view]');
  const raw = root?.querySelector('script[data-map-payload]')?.textContent;
  const form = root?.querySelector<HTMLElement>('[data-map-controls]');
  if (!root || !raw || !form) return;
  const data = JSON.parse(raw) as IslandPayload;
  const mSel = form.querySelector<HTMLSelectElement>('#map-measure')!;
  const ySel = form.querySelector<HTMLSelectElement>('#map-year')!;
  const tbody = root.querySelector<HTMLTableSectionElement>('[data-map-tbody]')!;
  const info = new Map<string, { name: string; slug: string; region: string }>();
  for (const tr of tbody.querySelectorAll<HTMLTableRowElement>('tr[data-code]')) {
    info.set(tr.dataset.code!, { name: tr.dataset.name!, slug: tr.dataset.slug!, region: tr.dataset.region! });
  }
  const areas = (code: string) => root.querySelectorAll<SVGAElement>(`a[data-code="${code}"]`);
  form.hidden = false;

  const yearText = (m: IslandPayload['measures'][number], y: number) =>
    m.timing === 'financial-year' ? `${y - 1}-${String(y % 100).padStart(2, '0')}` : String(y);

  function fillYears(key: string, keep?: number): number {
    const m = data.measures.find((x) => x.key === key)!;
    ySel.replaceChildren(
      ...m.years.map((y) => {
        const o = el('option', yearText(m, y));
        o.value = String(y);
        return o;
      }),
    );
    const y = keep !== undefined && m.years.includes(keep) ? keep : m.years[0]!;
    ySel.value = String(y);
    return y;
  }

  function render(key: string, year: number): void {
    const m = data.measures.find((x) => x.key === key)!;
    const def = { label: m.label, unit: m.unit, decimals: m.decimals, timing: m.timing } as MeasureDef;
    const values = data.values[key]![year]!;
    const reasons = data.reasons[key]![year]!;
    const classes = quantileClasses(values, 5, m.decimals);
    const fmt = (v: number) => formatMeasure(def, v);
    const field = data.codes.map((code, i) => ({ code, value: values[i] ?? null }));
    const of = values.filter((v) => v !== null).length;
    const cells = data.codes.map((code, i) => {
      const r = rankOf(code, field);
      const reason = reasons[i] ? (data.reasonText[reasons[i]!] ?? reasons[i]!) : null;
      return { code, ...info.get(code)!, value: values[i] ?? null, rank: r?.fromTop ?? null, tied: (r?.tiedWith ?? 1) > 1, reason };
    });
    for (const c of cells) {
      for (const a of areas(c.code)) {
        a.querySelector('path')?.setAttribute('fill', fillOf(classes, c.value));
        a.querySelector('text')?.setAttribute('fill', labelInk(fillOf(classes, c.value)));
        if (a.hasAttribute('aria-label')) a.setAttribute('aria-label', areaLabel(def, c, of, c.reason ?? undefined));
      }
    }
    const title = viewTitle(def, year);
    root!.querySelector('[data-map-title]')!.textContent = title;
    root!.querySelector('[data-map-caption]')!.textContent = `${title}, highest first`;
    root!.querySelector('[data-map-unit]')!.textContent = m.label;
    root!.querySelector('[data-map-subtitle]')!.textContent =
      `Quantile classes: each colour holds about a fifth of the ${of} councils with a figure. Darker = higher.`;
    const ul = root!.querySelector<HTMLUListElement>('[data-map-legend]')!;
    const missingKey = ul.querySelector('[data-missing-key]')!;
    const nMissing = cells.length - of;
    ul.replaceChildren(
      ...legend(classes, values, fmt).map((item) => {
        const li = el('li');
        li.innerHTML = `<svg viewBox="0 0 18 12" width="18" height="12" aria-hidden="true"><rect width="18" height="12" fill="${item.colour}" stroke="currentColor" stroke-width="0.5"/></svg> `;
        li.append(`${item.label} `, el('span', `(${item.count})`, 'count'));
        return li;
      }),
      missingKey,
    );
    missingKey.querySelector('[data-missing-count]')!.textContent = `(${nMissing})`;
    const note = root!.querySelector<HTMLElement>('[data-map-missing]')!;
    const p = el('p');
    if (!nMissing) p.textContent = 'Every council has a figure.';
    else {
      const by = new Map<string, string[]>();
      for (const c of cells) if (c.value === null) by.set(c.reason ?? '', [...(by.get(c.reason ?? '') ?? []), c.name]);
      p.append(
        el('strong', `${nMissing} ${nMissing === 1 ? 'council has' : 'councils have'} no figure`),
        ` (hatched): ${[...by].map(([r, n]) => `${n.join(', ')}: ${lower(r)}`).join('; ')}.`,
      );
    }
    note.replaceChildren(p);
    const sorted = [...cells].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name, 'en-GB'));
    tbody.replaceChildren(
      ...sorted.map((c) => {
        const tr = el('tr');
        Object.assign(tr.dataset, { code: c.code, name: c.name, slug: c.slug, region: c.region });
        const a = el('a', c.name);
        a.href = `/councils/${c.slug}/`;
        const td = el('td');
        td.append(a);
        const v = el('td', undefined, 'num');
        if (c.value === null) v.append(el('span', `No figure (${lower(c.reason ?? '')})`, 'missing-value'));
        else v.textContent = fmt(c.value);
        tr.append(el('td', c.rank === null ? '—' : `${c.tied ? '=' : ''}${c.rank}`, 'num'), td, el('td', c.region), v);
        return tr;
      }),
    );
    const first = data.measures.find((x) => x.key === DEFAULT)!.years[0];
    const url = key === DEFAULT && year === first ? '/map/' : `/map/${key}/${year}/`;
    if (location.pathname !== url) history.replaceState(null, '', url);
    for (const a of root!.querySelectorAll<HTMLAnchorElement>('.map-variants a')) {
      if (new URL(a.href).pathname === url) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  }

  setupTips(root);
  const table = root.querySelector<HTMLTableElement>('table[data-sortable]');
  if (table) sortable(table);
  mSel.addEventListener('change', () => render(mSel.value, fillYears(mSel.value, Number(ySel.value))));
  ySel.addEventListener('change', () => render(mSel.value, Number(ySel.value)));
}

/**
 * Tooltips on both maps: hovering or focusing a council shows its name, value
 * and rank (the boundary map link's accessible name, which render() keeps
 * current). On a touch screen the first tap shows the same and a second tap
 * on the same council opens its page.
 */
function setupTips(root: HTMLElement): void {
  const maps = root.querySelector<HTMLElement>('[data-maps]');
  const tip = root.querySelector<HTMLElement>('[data-map-tip]');
  if (!maps || !tip) return;
  let armed: string | null = null;
  const textFor = (code: string) => root.querySelector(`a[data-code="${code}"][aria-label]`)?.getAttribute('aria-label') ?? '';
  const show = (a: SVGAElement, x: number, y: number, touch: boolean) => {
    const code = a.dataset.code ?? a.getAttribute('data-code') ?? '';
    tip.replaceChildren(textFor(code));
    if (touch) {
      const go = document.createElement('span');
      go.className = 'map-tip-go';
      go.textContent = 'Tap again to open the council’s page';
      tip.append(go);
    }
    tip.hidden = false;
    const box = maps.getBoundingClientRect();
    const half = tip.offsetWidth / 2;
    tip.style.left = `${Math.min(Math.max(x - box.left, half), box.width - half)}px`;
    tip.style.top = `${Math.max(tip.offsetHeight + 10, y - box.top)}px`;
  };
  const areaOf = (t: EventTarget | null) => (t instanceof Element ? t.closest<SVGAElement>('a[data-code]') : null);
  maps.addEventListener('pointermove', (e) => {
    if (e.pointerType === 'touch') return;
    const a = areaOf(e.target);
    if (a) show(a, e.clientX, e.clientY, false);
    else tip.hidden = true;
  });
  maps.addEventListener('pointerleave', () => {
    tip.hidden = true;
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
  maps.addEventListener('focusout', () => {
    tip.hidden = true;
  });
}
