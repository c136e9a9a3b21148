import { validationError } from '../../contracts/errors.ts';
import type { ScoringRules } from '../../contracts/events/index.ts';
import { pointsText, roundPoints } from './points.ts';
import type { Bonus, ScoreItem } from './scoring-facts.ts';

const bonusPoints = (bonus: Bonus, index: number): number => {
  const { points } = bonus;
  if (typeof points !== 'number' || !Number.isFinite(points) || points <= 0) {
    throw validationError(`bonuses[${index}].points`, 'must be a number > 0');
  }
  return points;
};

const refOf = (bonus: Bonus): string => `${bonus.taskId}/${bonus.bonusId}`;

/**
 * The bonuses (加分) in the order given, each listed with the points awarded;
 * once a unit's bonuses pass the period's cap (bonusCapPerPeriod), each award
 * past it is followed by a `bonus_capped` item taking back what the cap leaves
 * out, so a unit gains min(cap, its bonuses) and every award stays visible.
 */
export const bonusItems = (bonuses: readonly Bonus[], scoring: ScoringRules): ScoreItem[] => {
  const cap = scoring.bonusCapPerPeriod;
  const counted = new Map<string, number>();
  return bonuses.flatMap((bonus, index) => {
    const points = bonusPoints(bonus, index);
    const before = counted.get(bonus.unitId) ?? 0;
    const kept = roundPoints(Math.max(0, Math.min(points, cap - before)));
    counted.set(bonus.unitId, roundPoints(before + kept));
    const award: ScoreItem = {
      unitId: bonus.unitId,
      rule: 'bonus',
      points,
      ref: refOf(bonus),
      // The leader's own words: the rule, the kind and `ref` say the rest.
      reason: bonus.reason,
      bonusKind: bonus.kind,
    };
    if (kept === points) return [award];
    const excess = roundPoints(kept - points);
    return [
      award,
      {
        unitId: bonus.unitId,
        rule: 'bonus_capped',
        points: excess,
        ref: refOf(bonus),
        reason: `bonus ${bonus.bonusId}: ${pointsText(0 - excess)} over the cap of ${pointsText(cap)} per period, not counted`,
        bonusKind: bonus.kind,
      },
    ];
  });
};
