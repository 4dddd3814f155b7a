/**
 * Compare island: reads ?c=&m= (compare.ts), fills the selects, and draws a
 * line chart by hand (SVG, no libraries) in the look of the build-time charts:
 * same series colours (CSS variables from charts.css), axis, legend, a
 * generated description and a data table. Changing a select redraws and
 * updates the URL (history.replaceState), so a reload or a shared link
 * restores the view. Missing values are gaps, shown in the table as "—".
 *
 * Each line is labelled at its last value (the same label-separation step as
 * the build-time charts, src/lib/charts/labels.ts), England is dashed in the
 * text colour and thicker; the y scale turns logarithmic when the figures span
 * more than LOG_SPAN_RATIO (compare-scale.ts), with a note and Linear/Log
 * buttons; a flagged council-year (the payload's `fl`) gets a ring, a number
 * and its note, as on the server-rendered chart.
 */
import { financialYear } from '../../../contract/years.ts';
import { compareQuery, defaultCompareSlugs, MAX_COUNCILS, parseCompareParams, type ComparePayload } from '../../lib/councils/compare.ts';
import { formatMeasure, type MeasureDef } from '../../lib/councils/measures.ts';
import { decideScale, effectiveScale, logTicks, type ScaleChoice, scaleNote } from '../../lib/councils/compare-scale.ts';
import { labelLines, labelMargin } from '../../lib/charts/direct-labels.ts';
import { separateLabels } from '../../lib/charts/labels.ts';

const INK = 'var(--chart-ink, currentColor)';

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
/** A round gridline step at least v: 1, 2, 2.5 or 5 × a power of ten. */
function niceStep(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
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
  if (!location.search) state.slugs = defaultCompareSlugs(data.areas.filter((a) => !a.f).map((a) => a.s));
  selects.forEach((s, i) => (s.value = state.slugs[i] ?? ''));
  mSel.value = state.measure;
  if (state.dropped.length) status.textContent = `Not shown: ${state.dropped.join(', ')} (unknown council or more than ${MAX_COUNCILS}).`;

  const hiddenSeries = new Set<string>();
  let scaleChoice: ScaleChoice = 'auto';
  let lastWidth = 0;

  function draw(): void {
    const slugs = [...new Set(selects.map((s) => s.value).filter(Boolean))].slice(0, MAX_COUNCILS);
    const key = mSel.value;
    const m = data.measures.find((x) => x.key === key)!;
    const def = { label: m.label, unit: m.unit, decimals: m.decimals, timing: m.timing } as MeasureDef;
    const fmt = (v: number | null) => (v === null ? '—' : formatMeasure(def, v));
    const yearText = (y: number) => (m.timing === 'financial-year' ? financialYear(y) : String(y));
    const years = data.years;
    const series = [
      ...slugs.map((s) => {
        const i = data.areas.findIndex((a) => a.s === s);
        return { name: data.areas[i]!.n, values: data.v[key]![i]!, idx: i, england: false };
      }),
      { name: 'England', values: data.e[key]!, idx: -1, england: true },
    ];
    // Rank among all councils with a figure that year (1 = highest).
    const rankOf = (j: number, v: number): string => {
      const col = data.v[key]!.map((row) => row[j]).filter((x): x is number => x !== null && x !== undefined);
      const r = col.filter((x) => x > v).length + 1;
      return `${r} of ${col.length}, highest first`;
    };
    // Flagged council-years of the shown councils, numbered in the order drawn.
    const flagList = series
      .filter((s) => !s.england && !hiddenSeries.has(s.name))
      .flatMap((s) => (data.fl[key] ?? []).filter(([i]) => i === s.idx).map(([, j, note]) => ({ s, j, note })))
      .map((f, k) => ({ ...f, n: k + 1 }));
    const flagAt = (s: (typeof series)[number], j: number) => flagList.find((f) => f.s === s && f.j === j);
    const shown = series.filter((s) => !hiddenSeries.has(s.name));
    const all = shown.flatMap((s) => s.values).filter((v): v is number => v !== null);
    // Drawn at the container's own width, so text stays 12 px on screen at any width (a fixed 640-wide viewBox shrank it to 6 px on a phone).
    live.hidden = false; // measured visible: a hidden element has no width
    const W = Math.round(Math.max(280, Math.min(760, live.clientWidth || 640)));
    lastWidth = W;
    const narrow = W < 520;
    const FS = 12;
    const H = narrow ? 300 : 380,
      mt = 16,
      mb = 36;
    const decision = decideScale(all);
    const useLog = effectiveScale(decision, scaleChoice) === 'log';
    const positive = all.filter((v) => v > 0);
    const nTicks = narrow ? 4 : 5;
    const stepY = niceStep(Math.max(1, ...all) / nTicks);
    const yMax = stepY * Math.ceil(Math.max(1, ...all) / stepY);
    const log = useLog ? logTicks(Math.min(...positive), Math.max(...positive)) : null;
    const [yMinLog, yMaxLog] = log ? log.domain : [1, 10];
    const ticks: number[] = [];
    if (log) ticks.push(...log.ticks);
    else for (let v = 0; v <= yMax + stepY / 2; v += stepY) ticks.push(v);
    const tickText = ticks.map((v) => fmt(v));
    const ml = Math.max(36, Math.round(10 + Math.max(...tickText.map((t) => t.length)) * FS * 0.62));
    // Direct labels at each shown line's last figure; the right margin grows to hold them (as the build-time line chart).
    const labelVariant = { narrow, width: W, fontSize: FS };
    let ci = 0;
    const styled = series.map((s) => {
      const i = s.england ? -1 : ci++ % 6;
      return { ...s, colour: s.england ? INK : `var(--chart-${i + 1})`, text: s.england ? INK : `var(--chart-${i + 1}-text)` };
    });
    const ends = styled
      .filter((s) => !hiddenSeries.has(s.name))
      .flatMap((s) => {
        const j = s.values.findLastIndex((v) => v !== null && v !== undefined && (!useLog || v > 0));
        return j < 0 ? [] : [{ name: s.name, x: years[j]!, y: s.values[j]!, color: s.text }];
      });
    const mr = ends.length ? labelMargin(ends, years, labelVariant, ml, narrow ? 12 : 24) : narrow ? 12 : 24;
    const x = (y: number) => ml + ((y - years[0]!) / Math.max(1, years.at(-1)! - years[0]!)) * (W - ml - mr);
    const yy = (v: number) =>
      useLog
        ? mt + (1 - (Math.log10(Math.max(v, yMinLog)) - Math.log10(yMinLog)) / (Math.log10(yMaxLog) - Math.log10(yMinLog))) * (H - mt - mb)
        : mt + (1 - v / yMax) * (H - mt - mb);
    const titleId = 'compare-live-title';
    const descId = 'compare-live-desc';
    const fig = h('figure', undefined, 'chart-block chart-block--line');
    fig.id = 'compare-chart';
    fig.setAttribute('aria-labelledby', titleId);
    const names = series.map((s) => s.name);
    const title = h('h2', `${m.label}: ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`, 'chart-title');
    title.id = titleId;
    // The key doubles as the show/hide control for each line.
    const legend = h('ul', undefined, 'chart-legend chart-legend--toggles');
    legend.setAttribute('aria-label', 'Show or hide a line');
    const root = svg('svg', {
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-labelledby': titleId,
      'aria-describedby': descId,
      class: 'chart-svg compare-svg',
      'font-size': FS,
    });
    const axis = svg('g', { 'font-size': FS, 'aria-hidden': 'true' });
    axis.style.fill = 'var(--chart-muted, currentColor)';
    ticks.forEach((v, i) => {
      const line = svg('line', { x1: ml, x2: W - mr, y1: yy(v), y2: yy(v), 'stroke-width': 1 });
      line.style.stroke = 'var(--chart-rule, var(--rule))';
      line.style.strokeOpacity = '0.35';
      const t = svg('text', { x: ml - 6, y: yy(v) + 4, 'text-anchor': 'end' });
      t.textContent = tickText[i]!;
      axis.append(line, t);
    });
    const step = narrow ? 4 : 3;
    for (const y of years) {
      const last = y === years.at(-1);
      if ((y - years[0]!) % step !== 0 && !last) continue;
      // A tick too close to the last year's (which is always drawn, end-anchored) would touch it at 360 px.
      if (!last && years.at(-1)! - y <= step * 0.75) continue;
      const t = svg('text', { x: x(y), y: H - mb + 18, 'text-anchor': y === years[0] ? 'start' : last ? 'end' : 'middle' });
      t.textContent = yearText(y);
      axis.append(t);
    }
    root.append(axis);
    const marks = svg('g', { 'aria-hidden': 'true' });
    root.append(marks);
    const desc: string[] = [];
    const csvRows: string[] = [['year', ...series.map((s) => s.name)].map(csvCell).join(',')];
    years.forEach((y, j) =>
      csvRows.push([yearText(y), ...series.map((s) => ((s.values[j] ?? null) === null ? '' : String(s.values[j])))].map(csvCell).join(',')),
    );
    styled.forEach((s) => {
      // England is drawn in ink, dashed, thicker and behind the councils, so it never reads as one of them.
      const colour = s.colour;
      const off = hiddenSeries.has(s.name);
      if (!off) {
        let d = '';
        let pen = false;
        s.values.forEach((v, j) => {
          if (v === null || (useLog && v <= 0)) {
            pen = false;
            return;
          }
          d += `${pen ? 'L' : 'M'}${x(years[j]!).toFixed(1)},${yy(v).toFixed(1)}`;
          pen = true;
        });
        const path = svg('path', { d, fill: 'none', 'stroke-width': s.england ? 3 : 2.5 });
        path.style.stroke = colour;
        if (s.england) path.setAttribute('stroke-dasharray', '6 4');
        if (s.england) marks.prepend(path);
        else marks.append(path);
        s.values.forEach((v, j) => {
          if (v === null || (useLog && v <= 0)) return;
          const c = svg('circle', { cx: x(years[j]!), cy: yy(v), r: 2.5 });
          c.style.fill = colour;
          const flag = flagAt(series[styled.indexOf(s)]!, j);
          c.setAttribute(
            'data-label',
            `${s.name}, ${yearText(years[j]!)}: ${fmt(v)}${s.england ? '' : ` (rank ${rankOf(j, v)})`}${flag ? ` (flagged, note ${flag.n})` : ''}`,
          );
          marks.append(c);
        });
      }
      const li = h('li');
      const btn = h('button', undefined, 'chart-toggle');
      btn.type = 'button';
      btn.setAttribute('aria-pressed', String(!off));
      const keySwatch = h('span', undefined, 'chart-key chart-key--line');
      keySwatch.style.cssText = `display:inline-block;width:16px;height:0;border-top:3px ${s.england ? 'dashed' : 'solid'} ${colour};margin-right:0.35rem;vertical-align:middle`;
      btn.append(keySwatch, s.name);
      btn.addEventListener('click', () => {
        if (hiddenSeries.has(s.name)) hiddenSeries.delete(s.name);
        else hiddenSeries.add(s.name);
        draw();
        live.querySelectorAll<HTMLButtonElement>('.chart-toggle')[styled.indexOf(s)]?.focus();
      });
      li.append(btn);
      legend.append(li);
      const idx = s.values.map((v, j) => (v === null ? -1 : j)).filter((j) => j >= 0);
      if (!idx.length) desc.push(`${s.name}: no figures.`);
      else
        desc.push(`${s.name}: ${fmt(s.values[idx[0]!]!)} in ${yearText(years[idx[0]!]!)}, ${fmt(s.values[idx.at(-1)!]!)} in ${yearText(years[idx.at(-1)!]!)}.`);
    });
    // Rings around flagged figures (in the text colour, as flagMarks draws them), with their numbers.
    const flagNotes = flagList.map((f) => `Flagged value ${f.n}: ${f.note}`);
    for (const f of flagList) {
      const v = f.s.values[f.j];
      if (v === null || v === undefined || (useLog && v <= 0)) continue;
      const r = narrow ? 6 : 7;
      const g = svg('g', { class: 'chart-flag' });
      const ring = svg('circle', { cx: x(years[f.j]!), cy: yy(v), r, fill: 'none', 'stroke-width': 2 });
      ring.style.stroke = INK;
      const num = svg('text', {
        x: x(years[f.j]!) + r + 2,
        y: yy(v) - r - 2,
        'font-weight': 700,
        'paint-order': 'stroke',
        'stroke-width': 3,
        class: 'chart-flag-label',
      });
      num.style.fill = INK;
      num.style.stroke = 'var(--chart-bg)';
      num.textContent = String(f.n);
      g.append(ring, num);
      marks.append(g);
    }
    // Direct labels, nudged apart so they never overlap.
    const lh = FS * 1.2;
    const lines = ends.map((e) => labelLines(e.name, labelVariant));
    const ys = separateLabels(
      ends.map((e, i) => ({ target: yy(e.y), height: lines[i]!.length * lh })),
      { min: mt, max: H - mb, gap: 2 },
    );
    const labelGroup = svg('g', { class: 'chart-direct-labels' });
    ends.forEach((e, i) => {
      const t = svg('text', {
        class: 'chart-direct-label',
        'data-series': e.name,
        'font-weight': 600,
        'text-anchor': 'start',
        'paint-order': 'stroke',
        'stroke-width': 3,
        'stroke-linejoin': 'round',
      });
      t.style.fill = e.color;
      t.style.stroke = 'var(--chart-bg)';
      const top = ys[i]! - (lines[i]!.length * lh) / 2;
      lines[i]!.forEach((line, k) => {
        const span = svg('tspan', { x: (x(e.x) + 6).toFixed(1), y: (top + lh * (k + 0.5)).toFixed(1), dy: '0.32em' });
        span.textContent = line;
        t.append(span);
      });
      labelGroup.append(t);
    });
    marks.append(labelGroup);
    const p = h('p', `${m.label}. ${desc.join(' ')}${flagNotes.length ? ` ${flagNotes.join(' ')}` : ''}`, 'chart-description visually-hidden');
    p.id = descId;
    const frame = h('div', undefined, 'chart-frame');
    frame.append(root);
    const tip = h('div', undefined, 'chart-tooltip');
    tip.hidden = true;
    frame.append(tip);
    const showTip = (e: PointerEvent) => {
      // Nearest year column: every shown line's value, so a tap anywhere on the chart reads out that year.
      const box = root.getBoundingClientRect();
      const ux = ((e.clientX - box.left) / box.width) * W;
      let j = 0;
      years.forEach((y, k) => {
        if (Math.abs(x(y) - ux) < Math.abs(x(years[j]!) - ux)) j = k;
      });
      const lines = shown.map((s) => {
        const v = s.values[j] ?? null;
        const flag = flagAt(s, j);
        return `${s.name}: ${fmt(v)}${v !== null && !s.england ? ` (rank ${rankOf(j, v)})` : ''}${flag ? ` (flagged, note ${flag.n})` : ''}`;
      });
      tip.replaceChildren(h('strong', yearText(years[j]!)), ...lines.map((l) => h('span', l)));
      tip.hidden = false;
      const half = tip.offsetWidth / 2;
      const px = (x(years[j]!) / W) * box.width;
      tip.style.left = `${Math.min(Math.max(px, half), box.width - half)}px`;
      tip.style.top = `${Math.max(tip.offsetHeight, e.clientY - box.top - 12)}px`;
    };
    root.addEventListener('pointermove', showTip);
    root.addEventListener('pointerdown', showTip);
    root.addEventListener('pointerleave', () => {
      tip.hidden = true;
    });
    // Linear/Log: the reader's choice; log is unavailable when a figure is zero or below.
    const controls = h('fieldset', undefined, 'chart-controls compare-scale');
    controls.append(h('legend', 'Scale'));
    for (const [value, text] of [
      ['linear', 'Linear'],
      ['log', 'Log'],
    ] as const) {
      const label = h('label');
      const radio = h('input');
      radio.type = 'radio';
      radio.name = 'compare-scale';
      radio.value = value;
      radio.checked = (useLog ? 'log' : 'linear') === value;
      radio.disabled = value === 'log' && !decision.logPossible;
      radio.addEventListener('change', () => {
        scaleChoice = value;
        draw();
        live.querySelector<HTMLInputElement>(`.compare-scale input[value="${value}"]`)?.focus();
      });
      label.append(radio, ` ${text}`);
      controls.append(label);
    }
    const details = h('details', undefined, 'chart-data');
    details.append(h('summary', 'Show the data as a table'));
    const wrap = h('div', undefined, 'chart-table-wrap');
    const table = h('table');
    table.append(h('caption', m.label));
    const thead = h('thead');
    const hr = h('tr');
    hr.append(Object.assign(h('th', 'Year'), { scope: 'col' }), ...series.map((s) => Object.assign(h('th', s.name, 'num'), { scope: 'col' })));
    thead.append(hr);
    const tbody = h('tbody');
    years.forEach((y, j) => {
      const tr = h('tr');
      tr.append(
        Object.assign(h('th', yearText(y)), { scope: 'row' }),
        ...series.map((s) => {
          const flag = flagAt(s, j);
          return h('td', `${fmt(s.values[j] ?? null)}${flag ? ` (flagged, note ${flag.n})` : ''}`, 'num');
        }),
      );
      tbody.append(tr);
    });
    table.append(thead, tbody);
    wrap.append(table);
    details.append(wrap);
    const dl = h('p', undefined, 'chart-download');
    const a = h('a', 'Download CSV');
    a.href = `data:text/csv;charset=utf-8,${encodeURIComponent('\uFEFF' + csvRows.join('\r\n') + '\r\n')}`;
    a.download = `compare-${key}.csv`;
    dl.append(a);
    const caption = h('div', undefined, 'chart-caption');
    const note = scaleNote(decision, useLog ? 'log' : 'linear', !log || log.ticks.every((t) => Math.log10(t) % 1 === 0));
    if (note) caption.append(h('p', note, 'chart-note chart-scale-note'));
    for (const n of flagNotes) caption.append(h('p', n, 'chart-note chart-flag-note'));
    caption.append(p, details, dl);
    fig.append(title, legend, controls, frame, caption);
    live.replaceChildren(fig);
    live.hidden = false;
    server.remove();
    const q = compareQuery({ slugs, measure: key });
    if (location.search !== q) history.replaceState(null, '', `${location.pathname}${q}`);
    if (!state.dropped.length) status.textContent = `Showing ${slugs.length} council${slugs.length === 1 ? '' : 's'} and England.`;
    state.dropped = [];
  }
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (Math.abs((live.clientWidth || 0) - lastWidth) > 40) draw();
    }, 150);
  });

  for (const s of [...selects, mSel]) s.addEventListener('change', draw);
  draw();
}
