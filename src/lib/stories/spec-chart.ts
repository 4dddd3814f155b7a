/**
 * The specification chart of a claim: every specification's estimate with its
 * 95% interval, sorted by estimate, coloured by whether it agrees with the
 * claim, with a reference line (zero for a correlation, the claimed value for
 * a share). Rendered at build time with Observable Plot as a chart unit
 * (defineChart, src/lib/charts/unit.ts: same block, description, table and CSV
 * as every other chart).
 * One chart per scale: rank correlations, ordinal-logit coefficients, R² and
 * shares are not drawn on one axis.
 */
import * as Plot from '@observablehq/plot';
import { formatValue } from '../format.ts';
import { tableAndCsv, yAxisOptions } from '../charts/common.ts';
import { MUTED, seriesColor } from '../charts/palette.ts';
import type { ChartOutput, CommonOptions } from '../charts/types.ts';
import { defineChart } from '../charts/unit.ts';
import type { EvaluatedClaimData, SpecificationData } from '../../../contract/claims-schema.ts';

interface Scale {
  key: string;
  methods: readonly string[];
  title: string;
  yLabel: string;
  unit: 'number' | 'percent';
  reference: (c: EvaluatedClaimData) => { value: number; label: string } | null;
}

const SCALES: readonly Scale[] = [
  {
    key: 'rank',
    methods: ['spearman', 'partial-spearman'],
    title: 'Rank correlations (ρ)',
    yLabel: 'ρ',
    unit: 'number',
    reference: () => ({ value: 0, label: 'No association' }),
  },
  {
    key: 'ologit',
    methods: ['ordinal-logit'],
    title: 'Ordinal logistic regression (log-odds per standard deviation)',
    yLabel: 'log-odds',
    unit: 'number',
    reference: () => ({ value: 0, label: 'No association' }),
  },
  { key: 'r2', methods: ['r2'], title: 'Share of variation explained (R²)', yLabel: 'R²', unit: 'percent', reference: (c) => claimedShare(c) },
  { key: 'share', methods: ['share'], title: 'Shares and ratios', yLabel: 'share', unit: 'percent', reference: (c) => claimedShare(c) },
];

function claimedShare(c: EvaluatedClaimData): { value: number; label: string } | null {
  const q = c.quantities.find((x) => x.unit === 'share');
  return q ? { value: q.value, label: 'Claimed' } : null;
}

const AGREES = seriesColor(0);
const DISAGREES = seriesColor(3);

type Pt = { i: number; e: number; lo: number; hi: number; agrees: boolean | null; label: string };

export function specificationCharts(c: EvaluatedClaimData): Array<{ output: ChartOutput; title: string; methods: readonly string[] }> {
  const out: Array<{ output: ChartOutput; title: string; methods: readonly string[] }> = [];
  for (const scale of SCALES) {
    const specs = c.specifications.filter((s) => scale.methods.includes(s.method) && s.estimate !== null);
    if (specs.length < 3) continue;
    out.push({ output: chart(c, scale, specs), title: `${scale.title}: ${specs.length} specifications`, methods: scale.methods });
  }
  return out;
}

/** One scale's specifications, sorted by estimate, as chart options: `data` is the table's rows, `points` what is drawn. */
function chart(c: EvaluatedClaimData, scale: Scale, specs: SpecificationData[]): ChartOutput {
  const sorted = [...specs].sort((a, b) => a.estimate! - b.estimate!);
  // Shares are fractions in claims.json; the percent unit of the chart library expects 0–100.
  const k = scale.unit === 'percent' ? 100 : 1;
  const sc = (v: number | null) => (v === null ? null : v * k);
  const points: Pt[] = sorted.map((s, i) => ({
    i: i + 1,
    e: sc(s.estimate)!,
    lo: sc(s.ci_low ?? s.estimate)!,
    hi: sc(s.ci_high ?? s.estimate)!,
    agrees: s.supports,
    label: s.label,
  }));
  const ref0 = scale.reference(c);
  const rows = sorted.map((s) => ({
    specification: s.label,
    estimate: sc(s.estimate),
    ci_low: sc(s.ci_low),
    ci_high: sc(s.ci_high),
    n: s.n === null ? '' : String(s.n),
    p: s.p === null ? '' : s.p < 0.001 ? '< 0.001' : s.p.toFixed(3),
    p_adjusted: s.p_adjusted === null ? '' : s.p_adjusted < 0.001 ? '< 0.001' : s.p_adjusted.toFixed(3),
    agrees: s.supports === null ? 'context' : s.supports ? 'yes' : 'no',
  }));
  return renderSpecifications({
    id: `spec-${c.id}-${scale.key}`,
    title: `${scale.title}: ${specs.length} specifications`,
    data: rows,
    unit: scale.unit,
    decimals: scale.unit === 'percent' ? 1 : 2,
    yLabel: scale.yLabel,
    points,
    reference: ref0 ? { ...ref0, value: ref0.value * k } : null,
  });
}

interface SpecificationChartOptions extends CommonOptions {
  unit: 'number' | 'percent';
  points: Pt[];
  reference: { value: number; label: string } | null;
}

interface SpecificationChannels {
  f: (v: number) => string;
  color: (p: Pt) => string;
}

const renderSpecifications = defineChart<SpecificationChartOptions, SpecificationChannels>({
  name: 'Specifications',
  kind: 'specifications',
  fields: () => [],
  channels: (o) => ({
    f: (v) => formatValue(v, o.unit, o.unit === 'percent' ? 0 : 2),
    color: (p) => (p.agrees === null ? MUTED : p.agrees ? AGREES : DISAGREES),
  }),
  plot: ({ f, color }, v, { points: pts, reference: ref, unit, yLabel }) => ({
    height: v.narrow ? 220 : 260,
    marginTop: 20,
    marginLeft: 48,
    marginRight: 16,
    marginBottom: 30,
    x: { label: 'specifications, sorted by estimate', domain: [0, pts.length + 1], ticks: [] },
    y: { ...yAxisOptions(unit, v, yLabel) },
    marks: [
      ...(ref
        ? [
            Plot.ruleY([ref.value], { stroke: MUTED, strokeDasharray: '4,3' }),
            Plot.text([ref], { y: 'value', x: 0.5, text: 'label', textAnchor: 'start', dy: -7, fill: MUTED, className: 'chart-annotation' }),
          ]
        : []),
      Plot.ruleX(pts, { x: 'i', y1: 'lo', y2: 'hi', stroke: color, strokeWidth: pts.length > 60 ? 1 : 2, strokeOpacity: 0.5 }),
      Plot.dot(pts, { x: 'i', y: 'e', r: pts.length > 60 ? 1.8 : 3, fill: color, ariaLabel: (p: Pt) => `${p.label}: ${f(p.e)}`, className: 'chart-point' }),
    ],
  }),
  text({ f }, o) {
    const { points: pts, reference: ref } = o;
    const agree = pts.filter((p) => p.agrees === true).length;
    const disagree = pts.filter((p) => p.agrees === false).length;
    const description =
      `${pts.length} specifications, estimates from ${f(pts[0]!.e)} to ${f(pts.at(-1)!.e)}; ${agree} agree with the claim and ${disagree} do not.` +
      (ref
        ? ` ${pts.filter((p) => p.lo <= ref.value && p.hi >= ref.value).length} of the intervals include ${ref.label.toLowerCase()} (${f(ref.value)}).`
        : '');
    const { table, csv } = tableAndCsv(
      o.data,
      [
        { key: 'specification', kind: 'text', label: 'Specification' },
        { key: 'estimate', kind: 'value', label: 'Estimate' },
        { key: 'ci_low', kind: 'value', label: '95% interval from' },
        { key: 'ci_high', kind: 'value', label: 'to' },
        { key: 'n', kind: 'text', label: 'Councils' },
        { key: 'p', kind: 'text', label: 'p' },
        { key: 'p_adjusted', kind: 'text', label: 'p, adjusted' },
        { key: 'agrees', kind: 'text', label: 'Agrees with the claim' },
      ],
      o,
    );
    return {
      description,
      legend: [
        { label: 'Agrees with the claim', color: AGREES, shape: 'dot' },
        { label: 'Does not agree', color: DISAGREES, shape: 'dot' },
      ],
      table,
      csv,
    };
  },
});
