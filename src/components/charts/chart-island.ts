/**
 * Progressive enhancement for chart blocks (bundled as a module by Astro; no
 * inline handlers, so it works under a CSP without 'unsafe-inline').
 *  - Tooltips: hovering or tapping a mark that has data-label shows its label
 *    (council, value and rank where the chart has them).
 *  - Tables: every column header becomes a sort button (aria-sort on the th).
 *  - Highlight select (DotStrip, Scatter): reveals the select (hidden without
 *    JS), emphasises the chosen council's marks and announces its values.
 *  - "Download PNG": a button beside the CSV link (absent without JS); the rasteriser,
 *    chart-png.ts, is loaded on the first click.
 *  - "Copy code" for the embed snippet on story pages.
 * Without JS the chart, description, table and CSV all still work.
 */
import { cellKey, compareKeys } from '../../lib/charts/sort-key.ts';

function addPng(block: HTMLElement): void {
  const links = block.querySelector('.chart-download');
  if (!links || !block.id) return;
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.className = 'chart-png';
  btn.textContent = 'Download PNG';
  const title = block.querySelector('.chart-title')?.textContent ?? '';
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = ` of “${title}”`;
  btn.append(hidden);
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    try {
      await (await import('./chart-png.ts')).downloadPng(block);
    } finally {
      btn.disabled = false;
    }
  });
  links.querySelector('.chart-permalink')?.before(btn, ' ');
  const code = block.querySelector<HTMLTextAreaElement>('.chart-embed-code');
  if (code && navigator.clipboard) {
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'chart-png';
    copy.textContent = 'Copy code';
    copy.addEventListener('click', () => {
      void navigator.clipboard.writeText(code.value).then(() => {
        copy.textContent = 'Copied';
      });
    });
    code.after(copy);
  }
}

function setup(block: HTMLElement): void {
  addPng(block);
  const frame = block.querySelector<HTMLElement>('.chart-frame');
  if (!frame) return;
  const tip = document.createElement('div');
  tip.className = 'chart-tooltip';
  tip.hidden = true;
  frame.append(tip);
  const show = (e: PointerEvent) => {
    const t = e.target as Element | null;
    const label = t?.getAttribute?.('data-label');
    if (!label) {
      tip.hidden = true;
      return;
    }
    const box = frame.getBoundingClientRect();
    tip.textContent = label;
    tip.hidden = false;
    // Keep the tooltip inside the chart: clamp its centre by its own half-width.
    const half = tip.offsetWidth / 2;
    const x = e.clientX - box.left;
    tip.style.left = `${Math.min(Math.max(x, half), box.width - half)}px`;
    tip.style.top = `${e.clientY - box.top - 12}px`;
  };
  frame.addEventListener('pointermove', show);
  // A tap (touch or pen) shows the same label; a tap on empty space hides it.
  frame.addEventListener('pointerdown', show);
  frame.addEventListener('pointerleave', () => {
    tip.hidden = true;
  });

  const controls = block.querySelector<HTMLElement>('.chart-controls');
  const select = controls?.querySelector<HTMLSelectElement>('select');
  const status = controls?.querySelector<HTMLElement>('.chart-status');
  if (!controls || !select) return;
  controls.hidden = false;
  const apply = () => {
    const name = select.value;
    let found = '';
    for (const el of frame.querySelectorAll<SVGElement>('.chart-point--select [data-label]')) {
      const label = el.getAttribute('data-label') ?? '';
      const on = name !== '' && label.startsWith(`${name}:`);
      el.classList.toggle('is-selected', on);
      if (on) found = label;
    }
    frame.classList.toggle('has-selection', name !== '');
    if (status) status.textContent = found;
  };
  select.addEventListener('change', apply);
}

/** Makes a table's column headers sort buttons. Exported for other tables on the site (the map's ranking). */
export function sortable(table: HTMLTableElement): void {
  const head = table.tHead?.rows[0];
  const body = table.tBodies[0];
  if (!head || !body || table.dataset.sortable === 'on') return;
  table.dataset.sortable = 'on';
  [...head.cells].forEach((th, col) => {
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'sort-button';
    btn.append(...th.childNodes);
    th.append(btn);
    btn.addEventListener('click', () => {
      const asc = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of head.cells) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      const rows = [...body.rows];
      rows.sort((a, b) => compareKeys(cellKey(a.cells[col]?.textContent ?? ''), cellKey(b.cells[col]?.textContent ?? ''), asc));
      body.append(...rows);
    });
  });
}

for (const block of document.querySelectorAll<HTMLElement>('.chart-block')) setup(block);
for (const table of document.querySelectorAll<HTMLTableElement>('.chart-data table, table[data-sortable]')) sortable(table);
