/** Every claim in the registry, in the order /claims/ lists them. One file per claim in this folder. */
import { claim as dfe } from './dfe-no-significant-correlation.ts';
import { claim as direct } from './minister-not-direct-correlation.ts';
import { claim as half } from './minister-half-as-much.ts';
import { claim as dep } from './lga-deprivation-half.ts';
import { claim as practice } from './newton-practice-13.ts';
import { claim as gap } from './lga-2bn-gap.ts';
import { claim as fall } from './spend-fall-2-58bn.ts';
import { claim as o69 } from './ofsted-77-of-69.ts';
import { claim as o136 } from './ofsted-136-shares.ts';
import { claim as cla } from './cla-72670.ts';
import { claim as day } from './cla-90-a-day.ts';
import { claim as share } from './cla-half-of-budgets.ts';
import { claim as inter } from './minister-36-out-of-intervention.ts';
import { claim as agency } from './minister-agency-staff.ts';
import type { ClaimId, ClaimRecord } from './types.ts';

export const REGISTRY: readonly ClaimRecord[] = [dfe, direct, half, agency, dep, practice, gap, fall, share, o69, o136, inter, cla, day];

export function registryClaim(id: ClaimId): ClaimRecord {
  const c = REGISTRY.find((x) => x.id === id);
  if (!c) throw new Error(`Unknown claim id "${id}" (src/lib/analysis/registry/).`);
  return c;
}
export * from './types.ts';
export * from './rubric.ts';
