import { describe, expect, it } from '@jest/globals';
import { type QuorumRule, quorumRuleLabelVi } from '@phonghop/shared';
import { vi } from '../../i18n/vi';
import { quorumRuleLabel } from './quorum-label';

/** A minimal `t` over the Vietnamese resources (i18next interpolation: {{name}}). */
function t(key: string, vars: Record<string, string | number> = {}): string {
  const text = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], vi);
  return (text as string).replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(vars[name]));
}

describe('quorumRuleLabel', () => {
  it('says in Vietnamese exactly what the shared rule label says', () => {
    const rules: QuorumRule[] = [
      { kind: 'more_than_half' },
      { kind: 'at_least_fraction', numerator: 2, denominator: 3 },
      { kind: 'at_least_fraction', numerator: 4, denominator: 6 },
      { kind: 'at_least_fraction', numerator: 3, denominator: 4 },
      { kind: 'at_least_count', count: 5 },
    ];
    for (const rule of rules) expect(quorumRuleLabel(rule, t)).toBe(quorumRuleLabelVi(rule));
  });
});
