/**
 * Where a page's social preview card lives, and its size. Kept apart from
 * _card.ts so the page layout does not load the rasteriser.
 */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
export const SITE_NAME = 'Children’s services in England';

/** The card for a page path: /stories/x/ → /og/stories/x.png, /councils/x/ → /og/councils/x.png, else the site card. */
export function cardPathFor(pathname: string): string {
  const m = /^\/(stories|councils)\/([^/]+)\/$/.exec(pathname);
  return m ? `/og/${m[1]}/${m[2]}.png` : '/og/site.png';
}
