/**
 * The console's words for scores (亮赛比) and bonus points (加分), in both
 * languages (spread into `zh.ts` and `en.ts`): the score breakdown names each
 * item's rule, the task page lists and awards bonuses.
 */
export const scoresZh = {
  scoreBreakdown: '得分明细',
  scoreItems: '{count} 项加减分',
  scoreItemsMore: '仅列出前 {shown} 项（共 {count} 项）',
  bonusPointsOf: '加分 {points}',
  scoreRule_DEADLINE_MISSED: '扣分·节点逾期未完成',
  scoreRule_DEADLINE_LATE: '扣分·节点逾期完成',
  scoreRule_WAITED_ON: '扣分·堵点等待本单位',
  scoreRule_RED_BEHIND: '扣分·红灯滞后',
  scoreRule_RETURNED_FOR_REWORK: '扣分·办结退回重办',
  scoreRule_PING_PONG: '扣分·推诿退回',
  scoreRule_ACCOUNTABILITY: '扣分·问责',
  scoreRule_BONUS: '加分',
  scoreRule_BONUS_CAPPED: '加分超出年度上限，不计',
  bonusKind_COMMENDATION: '表扬',
  bonusKind_EARLY_COMPLETION: '提前完成',
  awardBonus: '加分',
  bonusUnit: '加分单位',
  bonusKind: '加分类型',
  bonusPoints: '分值',
  bonusReason: '加分理由',
  bonuses: '加分记录',
  bonusAwardedOn: '加分日期',
} as const;

export const scoresEn: Record<keyof typeof scoresZh, string> = {
  scoreBreakdown: 'Score breakdown',
  scoreItems: '{count} items',
  scoreItemsMore: 'The first {shown} of {count} items',
  bonusPointsOf: 'bonus {points}',
  scoreRule_DEADLINE_MISSED: 'Deduction: deadline missed',
  scoreRule_DEADLINE_LATE: 'Deduction: deadline met late',
  scoreRule_WAITED_ON: 'Deduction: a blockage waited on this unit',
  scoreRule_RED_BEHIND: 'Deduction: red, behind',
  scoreRule_RETURNED_FOR_REWORK: 'Deduction: returned for rework',
  scoreRule_PING_PONG: 'Deduction: ping-pong',
  scoreRule_ACCOUNTABILITY: 'Deduction: accountability',
  scoreRule_BONUS: 'Bonus',
  scoreRule_BONUS_CAPPED: 'Bonus over the year’s cap, not counted',
  bonusKind_COMMENDATION: 'Commendation',
  bonusKind_EARLY_COMPLETION: 'Early completion',
  awardBonus: 'Award bonus points',
  bonusUnit: 'Unit',
  bonusKind: 'Kind',
  bonusPoints: 'Points',
  bonusReason: 'Reason',
  bonuses: 'Bonus points',
  bonusAwardedOn: 'Awarded on',
};
