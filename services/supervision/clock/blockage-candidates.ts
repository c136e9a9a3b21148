import type { Ruleset } from '../../../contracts/events/index.ts';
import type { EscalationLevel } from '../../../contracts/events/task-events.ts';
import { escalationLevel } from '../../../domain/judgement/index.ts';
import type {
  AgendaBlockage,
  ClockAgendaItem,
} from '../../../projections/clock-agenda/projection.ts';
import type { ClockCandidate } from './candidates.ts';

const levelNumber = {
  none: 0,
  responsible_leader: 1,
  main_leader: 2,
} as const satisfies Record<ReturnType<typeof escalationLevel>, 0 | EscalationLevel>;

/**
 * Each level an open blockage has reached on `day` and not yet been escalated to,
 * lowest first: a clock that missed days still tells the responsible leader (1)
 * before the main leader (2), so the record shows both steps.
 */
const escalations = (
  taskId: string,
  blockage: AgendaBlockage,
  day: string,
  ruleset: Pick<Ruleset, 'escalation'>,
): ClockCandidate[] => {
  if (!blockage.open) return [];
  const reached = levelNumber[escalationLevel(blockage.openSince, day, ruleset)];
  const levels = ([1, 2] as const).filter((level) => level > blockage.level && level <= reached);
  return levels.map((level) => ({
    kind: 'escalate',
    taskId,
    blockageId: blockage.blockageId,
    level,
  }));
};

/** The escalations one task's open blockages (堵点) are due for on `day`. */
export const blockageCandidates = (
  item: ClockAgendaItem,
  day: string,
  ruleset: Pick<Ruleset, 'escalation'>,
): ClockCandidate[] =>
  item.blockages.flatMap((blockage) => escalations(item.taskId, blockage, day, ruleset));
