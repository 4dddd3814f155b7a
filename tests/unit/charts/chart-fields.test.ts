/**
 * One list of each chart's data fields: the editors' checks (CHART_SPECS in src/lib/figures/chart-spec.ts,
 * which must not import the renderers) name the same field props, in the same value roles, as each chart
 * unit declares (`fields` of its defineChart declaration).
 */
import { describe, expect, it } from 'vitest';
import { RENDERERS } from '../../../src/lib/charts/registry.ts';
import { CHART_SPECS, isValueRole, type ChartKind } from '../../../src/lib/figures/chart-spec.ts';

/** Options whose every prop is its own name, so a unit's fields() returns the props it reads. */
const named = new Proxy({}, { get: (_t, p) => String(p) }) as never;

describe.each(Object.keys(RENDERERS) as ChartKind[])('%s', (kind) => {
  const fields = RENDERERS[kind].unit.fields(named);
  it('declares the field props the editors’ checks know', () => {
    const spec = CHART_SPECS[kind];
    expect(fields.map((f) => f.field).sort()).toEqual([...spec.fields, ...spec.optionalFields].sort());
  });
  it('its numeric fields are the value roles the editors’ suggestions use', () => {
    for (const f of fields) expect(isValueRole(kind, f.field!), `${kind}.${f.field}`).toBe(f.numeric === true);
  });
});
