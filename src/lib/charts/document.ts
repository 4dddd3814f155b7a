/**
 * The one place that makes a DOM for build-time rendering. Observable Plot
 * needs a `document` to create SVG elements; at build time (Node, no browser)
 * that is linkedom's. A fresh document per chart keeps renders independent.
 */
import { parseHTML } from 'linkedom';

export function createDocument(): Document {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  return document as unknown as Document;
}
