/**
 * Progressive enhancement for chart blocks (bundled as a module by Astro; no
 * inline handlers, so it works under a CSP without 'unsafe-inline').
 *  - Tooltips: hovering a mark that has data-label shows its label.
 *  - Highlight select (DotStrip, Scatter): reveals the select (hidden without
 *    JS), emphasises the chosen council's marks and announces its values.
 * Without JS the chart, description, table and CSV all still work.
 */
function setup(block: HTMLElement): void {
  const frame = block.querySelector<HTMLElement>('.chart-frame');
  if (!frame) return;
  const tip = document.createElement('div');
  tip.className = 'chart-tooltip';
  tip.hidden = true;
  frame.append(tip);
  frame.addEventListener('pointermove', (e) => {
    const t = e.target as Element | null;
    const label = t?.getAttribute?.('data-label');
    if (!label) { tip.hidden = true; return; }
    const box = frame.getBoundingClientRect();
    tip.textContent = label;
    tip.hidden = false;
    // Keep the tooltip inside the chart: clamp its centre by its own half-width.
    const half = tip.offsetWidth / 2;
    const x = e.clientX - box.left;
    tip.style.left = `${Math.min(Math.max(x, half), box.width - half)}px`;
    tip.style.top = `${e.clientY - box.top - 12}px`;
  });
  frame.addEventListener('pointerleave', () => { tip.hidden = true; });

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

for (const block of document.querySelectorAll<HTMLElement>('.chart-block')) setup(block);
