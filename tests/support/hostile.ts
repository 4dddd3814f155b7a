/**
 * Markup in data must render as text. Helpers for the hostile fixture site
 * (tests/support/fixture-sites.ts), where a council is renamed to PAYLOAD in
 * every output file, and for its browser test (tests/e2e/fixture-sites/hostile.spec.ts).
 */
import { parseHTML } from 'linkedom';

export const PAYLOAD = `<img src=x onerror=alert(1)>Testshire "quoted" & <script>alert(2)</script>`;

/** Replace a JSON string value everywhere in a JSON text (exact, as JSON-encoded). */
export function renameInJson(json: string, from: string, to: string): { text: string; count: number } {
  const needle = JSON.stringify(from);
  const parts = json.split(needle);
  return { text: parts.join(JSON.stringify(to)), count: parts.length - 1 };
}

/**
 * Problems in one built page that mentions the payload council (empty when safely
 * rendered). Markup characters inside a quoted attribute value or a JSON data island
 * are inert; what matters is whether the payload became an element, an attribute or
 * executable script, or broke a JSON island open.
 */
export function escapingProblems(html: string): string[] {
  const problems: string[] = [];
  const { document } = parseHTML(html);
  if (document.querySelector('img[src="x"]')) problems.push('an <img src="x"> element exists: the name was rendered as markup');
  for (const el of document.querySelectorAll('[onerror]')) problems.push(`<${el.tagName.toLowerCase()} onerror> exists`);
  for (const s of document.querySelectorAll('script')) {
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    const text = s.textContent ?? '';
    if (type.includes('json')) {
      try {
        JSON.parse(text);
      } catch {
        problems.push('a JSON data island does not parse: data text broke out of it');
      }
    } else if (text.includes('alert(2)')) problems.push('an executable <script> contains the payload');
  }
  return problems;
}
