/**
 * Charts as Plot-like units. Every chart type is declared once with
 * `defineChart`, in three parts:
 *
 *   fields    which option names a data field, in what role, and whether it must be numeric;
 *   channels  the option normaliser: options → the chart's channels (typed rows, series, formats …);
 *   plot      channels + a width variant → Plot options (the marks and scales for that width);
 *   text      channels → the description, legend, table and CSV.
 *
 * The preamble every renderer used to repeat (check the fields, normalise the
 * unit, make the ids, render the narrow and wide variants with a fresh DOM,
 * call Plot.plot with the shared options, assemble the output) lives here only.
 */
import * as Plot from '@observablehq/plot';
import type { Unit } from '../format.ts';
import { idsFor, normaliseUnit, output, renderVariants, requireField, requireNumeric, type Variant } from './common.ts';
import { flaggedRows } from './flags.ts';
import type { ChartOutput, ChartText, CommonOptions } from './types.ts';

/** One field-naming option: its field name (undefined = optional and not given), its role in messages, whether it must hold numbers. */
export interface FieldRole {
  field: string | undefined;
  role: string;
  numeric?: boolean;
}

/** Plot options a chart gives per variant; `document`, `width` and `className` are set by the unit. */
export type PlotSpec = Omit<Plot.PlotOptions, 'document' | 'width' | 'className'>;

export interface ChartUnit<O extends CommonOptions, C> {
  /** Component name used in error messages, e.g. "LineChart". */
  name: string;
  /** Output kind (CSS class chart-block--<kind>), e.g. "line". */
  kind: string;
  fields(o: O): FieldRole[];
  channels(o: O, unit: Unit): C;
  plot(c: C, v: Variant, o: O): PlotSpec;
  text(c: C, o: O, unit: Unit): ChartText;
}

/** A chart's render function, carrying its declaration (tests compare its fields with the editors' CHART_SPECS). */
export type ChartRenderer<O extends CommonOptions, C> = ((o: O) => ChartOutput) & { unit: ChartUnit<O, C> };

/** Turns a chart declaration into its render function: options → ChartOutput. */
export function defineChart<O extends CommonOptions, C>(u: ChartUnit<O, C>): ChartRenderer<O, C> {
  const render = (o: O) => {
    const fields = u.fields(o).filter((f): f is FieldRole & { field: string } => f.field !== undefined);
    for (const f of fields) requireField(o.data, f.field, u.name, f.role);
    for (const f of fields) if (f.numeric) requireNumeric(o.data, f.field, u.name);
    flaggedRows(o.data, o.flags, u.name);
    const unit = normaliseUnit(o.unit);
    const c = u.channels(o, unit);
    const svgs = renderVariants(
      (v, document) => Plot.plot({ document, width: v.width, className: 'plot', ...u.plot(c, v, o) }) as unknown as Element,
      idsFor(o),
    );
    return output(u.kind, o, { ...svgs, ...u.text(c, o, unit) });
  };
  return Object.assign(render, { unit: u });
}
