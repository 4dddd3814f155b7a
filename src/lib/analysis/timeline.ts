/**
 * Policy and reorganisation milestones for charts.
 *
 * `date` is the calendar date (or month) of the event; `year` is the year
 * ending 31 March in which it falls, the unit every series on the site uses
 * (an event in Oct 2014 falls in year 2015 = 2014-15). Wording was checked
 * against contemporary reports where we could; "reported" marks details we
 * could not verify.
 */
export interface Milestone {
  id: string;
  date: string; // ISO date or YYYY-MM
  /** Year ending 31 March containing `date`. */
  year: number;
  kind: 'policy' | 'inspection' | 'reorganisation' | 'funding';
  label: string;
  detail: string;
  note?: string;
}

/** Year ending 31 March that contains an ISO date or YYYY-MM. */
export function yearEndingMarch(date: string): number {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) throw new Error(`Not an ISO date or month: "${date}".`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) throw new Error(`Month out of range in "${date}".`);
  return mo <= 3 ? y : y + 1;
}

const ms = (m: Omit<Milestone, 'year'>): Milestone => ({ ...m, year: yearEndingMarch(m.date) });

export const TIMELINE: readonly Milestone[] = [
  ms({
    id: 'innovation-programme',
    date: '2013-10',
    kind: 'funding',
    label: 'Children’s Social Care Innovation Programme',
    detail: 'Announced by children’s minister Edward Timpson in October 2013; £100m for projects in 2014-15 and 2015-16 (first projects funded in 2014).',
  }),
  ms({
    id: 'sif',
    date: '2013-11',
    kind: 'inspection',
    label: 'Single inspection framework (SIF)',
    detail:
      'Ofsted’s single inspection of services for children in need of help and protection, children looked after and care leavers begins; first reports published February 2014.',
  }),
  ms({
    id: 'innovation-programme-200m',
    date: '2016-04',
    kind: 'funding',
    label: 'Innovation Programme extended: £200m to 2020',
    detail: 'A further £200m over four years to 2020 announced on 4 April 2016.',
  }),
  ms({
    id: 'improvement-20m',
    date: '2017-10',
    kind: 'funding',
    label: '£20m improvement package (incl. Partners in Practice)',
    detail:
      '£20m to support councils at risk of failure and build continuous improvement, announced at the National Children and Adult Services conference; over £15m later went to eight new Partners in Practice (announced 2018).',
    note: 'Partners in Practice itself began earlier (2016, reported); the £20m was not for Partners in Practice alone.',
  }),
  ms({
    id: 'ilacs',
    date: '2018-01',
    kind: 'inspection',
    label: 'ILACS replaces SIF',
    detail:
      'Ofsted’s inspections of local authority children’s services (ILACS) begin in January 2018: standard and short inspections plus focused and monitoring visits.',
  }),
  ms({
    id: 'bcp',
    date: '2019-04-01',
    kind: 'reorganisation',
    label: 'Bournemouth, Christchurch and Poole',
    detail: 'BCP Council replaces Bournemouth and Poole; Christchurch leaves Dorset.',
  }),
  ms({
    id: 'buckinghamshire',
    date: '2020-04-01',
    kind: 'reorganisation',
    label: 'Buckinghamshire unitary',
    detail: 'Buckinghamshire Council replaces the county and its four districts (children’s services boundary unchanged).',
  }),
  ms({
    id: 'northamptonshire',
    date: '2021-04-01',
    kind: 'reorganisation',
    label: 'Northamptonshire split',
    detail: 'North Northamptonshire and West Northamptonshire replace Northamptonshire (children’s services run by Northamptonshire Children’s Trust).',
  }),
  ms({
    id: 'cumbria-nyorks-somerset',
    date: '2023-04-01',
    kind: 'reorganisation',
    label: 'Cumbria split; North Yorkshire and Somerset unitaries',
    detail:
      'Cumberland and Westmorland and Furness replace Cumbria; North Yorkshire and Somerset become unitary councils (children’s services boundaries unchanged).',
  }),
];
