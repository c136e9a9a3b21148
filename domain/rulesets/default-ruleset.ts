import { bonusDefaults, type Ruleset } from '../../contracts/events/index.ts';

/**
 * The rules in force until the office publishes a version (DESIGN §4, after
 * published practice in Yinchuan, Xi'an and Suqian): green while at most 10
 * points behind expected progress (序时进度); yellow more than 10 and up to 30
 * behind, or due within 3 days and not done; red more than 30 behind, or overdue;
 * reminders 3 working days before a due date's limit; a blockage goes to the
 * responsible leader after 3 days and to the main leader after 7; per period a
 * lead unit loses 5 points for a deadline of its own not done (a cooperating
 * unit 3 for its own milestone; late, a share by working days late; one task
 * at most 5), each unit that returned a task in a ping-pong 1; accountability
 * deductions are not capped. Bonus points (加分): one award at most 5, a unit's
 * awards at most 5 a year (`bonusDefaults`, after local 督查考评 practice).
 */
export const defaultRuleset: Ruleset = Object.freeze({
  version: 0,
  inForceFrom: '2000-01-01',
  lights: Object.freeze({ yellowBehindPoints: 10, redBehindPoints: 30, yellowDueWithinDays: 3 }),
  reminderLeadDays: 3,
  escalation: Object.freeze({ toResponsibleLeaderAfterDays: 3, toMainLeaderAfterDays: 7 }),
  scoring: Object.freeze({
    leadUnitFailedTask: -5,
    cooperatingUnitFailedTask: -3,
    pingPongPerUnit: -1,
    accountabilityDeductionCap: null,
    ...bonusDefaults,
  }),
  note: 'DESIGN §4 defaults (Yinchuan, Xi’an, Suqian practice)',
});
