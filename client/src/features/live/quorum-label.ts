import type { QuorumRule } from '@phonghop/shared';

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The quorum rule in the current language (Vietnamese: the same words as `quorumRuleLabelVi`). */
export function quorumRuleLabel(rule: QuorumRule, t: Translate): string {
  switch (rule.kind) {
    case 'more_than_half':
      return t('live.quorum.rules.moreThanHalf');
    case 'at_least_fraction':
      return rule.numerator * 3 === rule.denominator * 2
        ? t('live.quorum.rules.twoThirds')
        : t('live.quorum.rules.fraction', { numerator: rule.numerator, denominator: rule.denominator });
    case 'at_least_count':
      return t('live.quorum.rules.count', { count: rule.count });
  }
}
