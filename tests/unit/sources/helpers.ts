/** Assertion helpers shared by the source-family unit tests. */
import { expect } from 'vitest';
import { DataError } from '../../../scripts/data/core/errors.ts';
import type { Observation } from '../../../scripts/data/core/types.ts';

/** Observations whose fields equal every field of `q`. */
export function find(obs: Observation[], q: Partial<Observation>): Observation[] {
  return obs.filter((o) => Object.entries(q).every(([k, v]) => (o as unknown as Record<string, unknown>)[k] === v));
}

/** The single observation matching `q` (fails the test if there are none or several). */
export function one(obs: Observation[], q: Partial<Observation>): Observation {
  const hits = find(obs, q);
  expect(hits, JSON.stringify(q)).toHaveLength(1);
  return hits[0]!;
}

/** Replace one exact substring, failing loudly if it is absent (so a broken fixture cannot make a test pass). */
export function edit(text: string, from: string, to: string): string {
  expect(text.includes(from), `fixture contains ${from}`).toBe(true);
  return text.replace(from, to);
}

/** Expect a DataError whose message names everything in `parts`. */
export function expectDataError(fn: () => unknown, ...parts: string[]): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a DataError').toBeInstanceOf(DataError);
  for (const p of parts) expect((err as Error).message).toContain(p);
}
