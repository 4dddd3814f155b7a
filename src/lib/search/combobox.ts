/**
 * The header's council suggestions: an ARIA 1.2 combobox over the search input
 * (a list of suggestions, the highlighted one named by aria-activedescendant).
 * Loaded by Header.astro only when the search box first gets focus; it fetches
 * /search-index.json and matches with src/lib/search/places.ts.
 *
 * Keys: Down/Up move through the suggestions (opening the list), Enter opens the
 * highlighted council page (with none highlighted the form submits to /search/),
 * Escape closes the list, or clears the box when the list is closed. Until the
 * index loads, or if it fails to, the form is a plain GET form to /search/.
 */
import { createPlaceSearch, type PlaceIndex, type PlaceResult, type PlaceSearch } from './places.ts';

let indexPromise: Promise<PlaceSearch> | undefined;

/** The place search over the site's index, fetched once per page. */
export function loadPlaceSearch(): Promise<PlaceSearch> {
  indexPromise ??= fetch('/search-index.json')
    .then((r) => {
      if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
      return r.json() as Promise<PlaceIndex>;
    })
    .then(createPlaceSearch);
  return indexPromise;
}

export async function attach(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const list = form.querySelector<HTMLUListElement>('[data-suggestions]');
  const status = form.querySelector<HTMLElement>('[data-suggestions-status]');
  if (!input || !list || !status) return;
  let search: PlaceSearch;
  try {
    search = await loadPlaceSearch();
  } catch {
    return; // the plain form still works
  }
  // Roles are set here, not in the HTML: without this code the box is a plain search field.
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Councils');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  let results: PlaceResult[] = [];
  let active = -1;

  const open = (yes: boolean) => {
    const show = yes && results.length > 0;
    list.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) {
      active = -1;
      input.removeAttribute('aria-activedescendant');
    }
  };
  const highlight = (i: number) => {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const go = (r: PlaceResult) => {
    window.location.href = r.href;
  };
  const update = () => {
    results = input.value.trim() ? search(input.value, 8) : [];
    list.replaceChildren(
      ...results.map((r, i) => {
        const li = document.createElement('li');
        li.id = `${list.id}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.href = r.href;
        li.textContent = r.label;
        li.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the box
        li.addEventListener('click', () => go(r));
        return li;
      }),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
    open(true);
    status.textContent = !input.value.trim()
      ? ''
      : results.length
        ? `${results.length} council${results.length === 1 ? '' : 's'} suggested`
        : 'No council matches; press Enter to search the site.';
  };

  input.addEventListener('input', update);
  input.addEventListener('keydown', (e) => {
    const n = results.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!n) return;
      e.preventDefault();
      if (list.hidden) open(true);
      const d = e.key === 'ArrowDown' ? 1 : -1;
      highlight(active < 0 ? (d > 0 ? 0 : n - 1) : (active + d + n) % n);
    } else if (e.key === 'Enter') {
      if (!list.hidden && active >= 0 && results[active]) {
        e.preventDefault();
        go(results[active]!);
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        open(false);
      } else if (input.value) {
        e.preventDefault();
        input.value = '';
        update();
      }
    }
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) open(false);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim()) open(true);
  });
  if (input.value.trim()) update();
}
