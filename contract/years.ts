/**
 * Years as the outputs and the site write them. Every year in the outputs is a year ending
 * 31 March; spending and other flows are labelled by financial year ("2023-24"), counts by the
 * 31 March they were taken. One definition for the pipeline (england.json deflators.years
 * financialYear, anomaly notes) and the site (prose, charts, maps, council pages).
 */

/** Year ending 31 March 2024 as a financial year: 2024 → "2023-24"; 2000 → "1999-00". */
export function financialYear(yearEnding: number): string {
  if (!Number.isInteger(yearEnding)) {
    throw new RangeError(`financialYear: ${yearEnding} is not a whole year; pass the year ending 31 March (2024 for 2023-24)`);
  }
  return `${yearEnding - 1}-${String(yearEnding % 100).padStart(2, '0')}`;
}
