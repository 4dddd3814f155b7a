/**
 * Hand-curated facts about upper-tier reorganisations in England, 1 April 2009
 * to 31 March 2025, that no single machine-readable source states at upper-tier
 * level. Everything here is checked against the DfE lookup when the geography
 * is built (every code must exist in lookups/las.csv, and a predecessor's last
 * year must be the year before its successor's first year), so a typo fails
 * loudly instead of silently linking the wrong councils.
 *
 * Continuing councils that only changed code (Gateshead and Northumberland in
 * 2013, Buckinghamshire in 2020, North Yorkshire and Somerset in 2023, the ONS
 * recodes of Barnsley and Sheffield in 2025) are NOT listed here: the geography
 * derives them from the data (same DfE three-digit code, or an ONS "new_code"
 * change) and treats each as one council whose series continues.
 */

export interface Reorganisation {
  /** First year (ending 31 March) of the new councils. */
  year: number;
  /** GSS codes of the councils abolished. */
  from: string[];
  /** GSS codes of the councils that replaced them. */
  to: string[];
  /** Plain-English note for readers. */
  note: string;
}

export const REORGANISATIONS: readonly Reorganisation[] = [
  {
    year: 2020,
    from: ['E06000028', 'E06000029', 'E10000009'],
    to: ['E06000058', 'E06000059'],
    note: 'On 1 April 2019 Bournemouth, Poole and Dorset County Council were abolished. Bournemouth, Poole and Christchurch (previously part of the Dorset county area) became Bournemouth, Christchurch and Poole (BCP); the rest of the county became the new Dorset unitary council. Figures from 2020 (year ending 31 March 2020) are for the new councils and are not directly comparable with the old ones.',
  },
  {
    year: 2022,
    from: ['E10000021'],
    to: ['E06000061', 'E06000062'],
    note: "On 1 April 2021 Northamptonshire County Council was abolished and replaced by two unitary councils, North Northamptonshire and West Northamptonshire. Children's services in both are delivered by the Northamptonshire Children's Trust. Figures from 2022 are for the two new councils.",
  },
  {
    year: 2024,
    from: ['E10000006'],
    to: ['E06000063', 'E06000064'],
    note: 'On 1 April 2023 Cumbria County Council was abolished and replaced by two unitary councils, Cumberland and Westmorland and Furness. Figures from 2024 are for the two new councils.',
  },
];

/**
 * Continuing councils whose code changed, with a note for readers. The code
 * history itself comes from the data; these notes only explain it.
 */
export const CODE_CHANGE_NOTES: Readonly<Record<string, string>> = {
  E08000037:
    "Gateshead's ONS code changed from E08000020 to E08000037 on 1 April 2013 after a minor boundary change. It is the same council and its series continues.",
  E06000057:
    "Northumberland's ONS code changed from E06000048 to E06000057 on 1 April 2013 after a minor boundary change. It is the same council and its series continues.",
  E06000060:
    "On 1 April 2020 Buckinghamshire County Council and the four district councils in the county merged into one unitary council, Buckinghamshire Council (code E10000002 became E06000060). The area and the children's services authority are the same, so the series continues.",
  E06000065:
    'On 1 April 2023 North Yorkshire County Council and the seven district councils merged into one unitary council (code E10000023 became E06000065). The area is the same, so the series continues.',
  E06000066:
    'On 1 April 2023 Somerset County Council and the four district councils merged into one unitary council (code E10000027 became E06000066). The area is the same, so the series continues.',
  E08000016:
    'In 2025 ONS gave Barnsley a new code, E08000038, after a small boundary change with Sheffield. DfE figures for the year ending 31 March 2025 still use E08000016, so that code is used here; the new code is accepted as another name for the same council.',
  E08000019:
    'In 2025 ONS gave Sheffield a new code, E08000039, after a small boundary change with Barnsley. DfE figures for the year ending 31 March 2025 still use E08000019, so that code is used here; the new code is accepted as another name for the same council.',
};

/** Display names that differ from DfE's, where two councils would otherwise share a name. */
export const NAME_OVERRIDES: Readonly<Record<string, string>> = {
  E10000009: 'Dorset County Council',
};

/** Short names readers search for, beyond those in the mySociety lookup. */
export const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  E06000058: ['BCP', 'Bournemouth Christchurch and Poole'],
  E06000010: ['Hull'],
  E06000023: ['Bristol'],
  E06000047: ['Durham'],
  E08000013: ['St Helens'],
  E06000019: ['Herefordshire'],
  E06000033: ['Southend'],
  E06000020: ['Telford'],
  E06000040: ['Windsor and Maidenhead', 'Windsor'],
  E06000059: ['Dorset Council'],
  E10000009: ['Dorset'],
  E06000060: ['Bucks'],
  E06000061: ['North Northants'],
  E06000062: ['West Northants'],
  E06000053: ['Scilly'],
};

/** The nine English regions (ITL1 / former Government Office Regions). */
export const REGIONS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'E12000001', name: 'North East' },
  { code: 'E12000002', name: 'North West' },
  { code: 'E12000003', name: 'Yorkshire and The Humber' },
  { code: 'E12000004', name: 'East Midlands' },
  { code: 'E12000005', name: 'West Midlands' },
  { code: 'E12000006', name: 'East of England' },
  { code: 'E12000007', name: 'London' },
  { code: 'E12000008', name: 'South East' },
  { code: 'E12000009', name: 'South West' },
];
