/**
 * Compare island: reads ?c=&m= (compare.ts), fills the selects, and draws a
 * line chart by hand (SVG, no libraries) in the look of the build-time charts:
 * same series colours (CSS variables from charts.css), axis, legend, a
 * generated description and a data table. Changing a select redraws and
 * updates the URL (history.replaceState), so a reload or a shared link
 * restores the view. Missing values are gaps, shown in the table as "—".
 */
import { compareQuery, MAX_COUNCILS, parseCompareParams, type ComparePayload } from '../../lib/councils/compare.ts';
import { formatMeasure, type MeasureDef } from '../../lib/councils/measures.ts';

const SVGNS = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}
function h<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}
function niceMax(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

export function initCompare(): void {
  const raw = document.querySelector('script[data-compare-payload]')?.textContent;
  const form = document.querySelector<HTMLElement>('[data-compare-controls]');
  const liveEl = document.querySelector<HTMLElement>('[data-compare-live]');
  const serverEl = document.querySelector<HTMLElement>('[data-compare-server]');
  const statusEl = document.querySelector<HTMLElement>('[data-compare-status]');
  if (!raw || !form || !liveEl || !serverEl || !statusEl) return;
  // Narrowed once here: closures below do not keep TypeScript's narrowing.
  const live: HTMLElement = liveEl;
  const server: HTMLElement = serverEl;
  const status: HTMLElement = statusEl;
  const data = JSON.parse(raw) as ComparePayload;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('[data-compare-council]')];
  const mSel = form.querySelector<HTMLSelectElement>('[data-compare-measure]')!;
  const known = new Set(data.areas.map((a) => a.s));
  form.hidden = false;
  document.querySelector<HTMLElement>('[data-compare-nojs]')?.setAttribute('hidden', '');

  const state = parseCompareParams(location.search, known);
  if (!location.search) state.slugs = ['blackpool', 'leeds', 'kent'].filter((s) => known.has(s));
  selects.forEach((s, i) => (s.value = state.slugs[i] ?? ''));
  mSel.value = state.measure;
  if (state.dropped.length) status.textContent = `Not shown: ${state.dropped.join(', ')} (unknown council or more than ${MAX_COUNCILS}).`;

  function draw(): void {
    const slugs = [...new Set(selects.map((s) => s.value).filter(Boolean))].slice(0, MAX_COUNCILS);
    const key = mSel.value;
    const m = data.measures.find((x) => x.key === key)!;
    const def = { label: m.label, unit: m.unit, decimals: m.decimals, timing: m.timing } as MeasureDef;
    const fmt = (v: number | null) => (v === null ? '—' : formatMeasure(def, v));
    const yearText = (y: number) => (m.timing === 'financial-year' ? `${y - 1}-${String(y % 100).padStart(2, '0')}` : String(y));
    const series = [
      ...slugs.map((s) => {
        const i = data.areas.findIndex((a) => a.s === s);
        return { name: data.areas[i]!.n, values: data.v[key]![i]! };
      }),
      { name: 'England', values: data.e[key]! },
    ];
    const years = data.years;
    const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
    const W = 640, H = 360, ml = 56, mr = 34, mt = 16, mb = 36;
    const yMax = niceMax(Math.max(1, ...all));
    const x = (y: number) => ml + ((y - years[0]!) / Math.max(1, years.at(-1)! - years[0]!)) * (W - ml - mr);
    const yy = (v: number) => mt + (1 - v / yMax) * (H - mt - mb);
    const titleId = 'compare-live-title';
    const descId = 'compare-live-desc';
    const fig = h('figure', undefined, 'chart-block chart-block--line');
    fig.setAttribute('aria-labelledby', titleId);
    const names = series.map((s) => s.name);
    const title = h('h2', `${m.label}: ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`, 'chart-title');
    title.id = titleId;
    const legend = h('ul', undefined, 'chart-legend');
    legend.setAttribute('aria-hidden', 'true');
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId, 'aria-describedby': descId, width: '100%' });
    root.style.maxWidth = '100%';
    root.style.height = 'auto';
    const axis = svg('g', { 'font-size': 12 });
    axis.style.fill = 'var(--chart-muted, currentColor)';
    for (let i = 0; i <= 5; i++) {
      const v = (yMax / 5) * i;
      const line = svg('line', { x1: ml, x2: W - mr, y1: yy(v), y2: yy(v), 'stroke-width': 1 });
      line.style.stroke = 'var(--chart-grid, var(--rule))';
      const t = svg('text', { x: ml - 6, y: yy(v) + 4, 'text-anchor': 'end' });
      t.textContent = fmt(v);
      axis.append(line, t);
    }
    for (const y of years) {
      if ((y - years[0]!) % 3 !== 0 && y !== years.at(-1)) continue;
      const t = svg('text', { x: x(y), y: H - mb + 18, 'text-anchor': 'middle' });
      t.textContent = yearText(y);
      axis.append(t);
    }
    root.append(axis);
    const desc: string[] = [];
    series.forEach((s, i) => {
      const colour = `var(--chart-${(i % 6) + 1})`;
      let d = '';
      let pen = false;
      s.values.forEach((v, j) => {
        if (v === null) {
          pen = false;
          return;
        }
        d += `${pen ? 'L' : 'M'}${x(years[j]!).toFixed(1)},${yy(v).toFixed(1)}`;
        pen = true;
      });
      const path = svg('path', { d, fill: 'none', 'stroke-width': s.name === 'England' ? 2 : 2.5 });
      path.style.stroke = colour;
      if (s.name === 'England') path.setAttribute('stroke-dasharray', '5 3');
      root.append(path);
      s.values.forEach((v, j) => {
        if (v === null) return;
        const c = svg('circle', { cx: x(years[j]!), cy: yy(v), r: 2.5 });
        c.style.fill = colour;
        root.append(c);
      });
      const li = h('li');
      const key = h('span', undefined, 'chart-key chart-key--line');
      key.style.display = 'inline-block';
      key.style.width = '16px';
      key.style.height = '3px';
      key.style.background = colour;
      key.style.marginRight = '0.35rem';
      key.style.verticalAlign = 'middle';
      li.append(key, s.name);
      legend.append(li);
      const idx = s.values.map((v, j) => (v === null ? -1 : j)).filter((j) => j >= 0);
      if (!idx.length) desc.push(`${s.name}: no figures.`);
      else desc.push(`${s.name}: ${fmt(s.values[idx[0]!]!)} in ${yearText(years[idx[0]!]!)}, ${fmt(s.values[idx.at(-1)!]!)} in ${yearText(years[idx.at(-1)!]!)}.`);
    });
    const p = h('p', `Line chart of ${m.label.toLowerCase()}. ${desc.join(' ')}`, 'chart-description');
    p.id = descId;
    const details = h('details', undefined, 'chart-table');
    details.append(h('summary', 'Show the data as a table'));
    const wrap = h('div', undefined, 'table-scroll');
    const table = h('table');
    table.append(h('caption', m.label));
    const thead = h('thead');
    const hr = h('tr');
    hr.append(h('th', 'Year'), ...series.map((s) => Object.assign(h('th', s.name, 'num'), { scope: 'col' })));
    thead.append(hr);
    const tbody = h('tbody');
    years.forEach((y, j) => {
      const tr = h('tr');
      tr.append(Object.assign(h('th', yearText(y)), { scope: 'row' }), ...series.map((s) => h('td', fmt(s.values[j] ?? null), 'num')));
      tbody.append(tr);
    });
    table.append(thead, tbody);
    wrap.append(table);
    details.append(wrap);
    fig.append(title, legend, root, p, details);
    live.replaceChildren(fig);
    live.hidden = false;
    server.remove();
    const q = compareQuery({ slugs, measure: key });
    if (location.search !== q) history.replaceState(null, '', `${location.pathname}${q}`);
    if (!state.dropped.length) status.textContent = `Showing ${slugs.length} council${slugs.length === 1 ? '' : 's'} and England.`;
    state.dropped = [];
  }

  for (const s of [...selects, mSel]) s.addEventListener('change', draw);
  draw();
}
