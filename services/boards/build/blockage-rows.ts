import type { TaskKind } from '../../../contracts/events/matter-sources.ts';
import { daysBetween } from '../../../domain/dates.ts';
import { type EscalationLevel, escalationLevel } from '../../../domain/judgement/index.ts';
import type { BoardBlockage, EscalationEntry } from '../../../projections/boards/index.ts';
import { type BoardView, perTaskOfView, perView } from './board-view.ts';
import { joinedItems } from './slot-list.ts';
import { boardKindOf } from './task-kind.ts';
import {
  edgesByUnit,
  reachableFrom,
  type WaitEdge,
  waitingChain,
  waitingCycles,
} from './waiting-chains.ts';

/** One open blockage (堵点) on the blockage board. */
export interface BlockageRow {
  /** `taskId/blockageId`. */
  id: string;
  taskId: string;
  taskTitle: string;
  section: string | null;
  /** The annual plan's task, or a matter's source. */
  kind: TaskKind;
  blockageId: string;
  description: string;
  /** The unit held up: the one that reported it, or the task's lead unit. */
  blockedUnitId: string | null;
  blockedUnitName: string | null;
  waitingOnUnitId: string | null;
  waitingOnUnitName: string | null;
  coordinatorUnitId: string | null;
  reportedOn: string;
  openedOn: string;
  /** Whole days open since it was last opened. */
  ageDays: number;
  /** The level recorded (escalations only go up). */
  level: EscalationLevel;
  /** The level the ruleset says it should have reached by the day. */
  dueLevel: EscalationLevel;
  escalations: EscalationEntry[];
  reopenedCount: number;
  /** The units waited on in turn: A waits on B, which waits on C… */
  chain: string[];
  chainClosesCycle: boolean;
  /** The blocked unit is itself waited on, further down the chains: a circle of waiting. */
  inCycle: boolean;
}

/** Escalation levels by number: 0, 1 (分管领导), 2 (主要领导). */
export const levelNames = ['none', 'responsible_leader', 'main_leader'] as const;

type OpenBlockage = { blockage: BoardBlockage; blocked: string | null };

const none: readonly OpenBlockage[] = [];

/** Each supervised task's open blockages, in the view's task order. */
const openPerTask = perTaskOfView(({ task }, view): readonly OpenBlockage[] => {
  const blockages = view.blockagesByTask.get(task.id);
  if (blockages === undefined || !blockages.some((blockage) => blockage.open)) return none;
  return blockages
    .filter((blockage) => blockage.open)
    .map((blockage) => ({ blockage, blocked: blockage.reportedByUnitId ?? task.leadUnitId }));
});

const joinedOpen = joinedItems<OpenBlockage>();

const openBlockages = (view: BoardView): OpenBlockage[] => joinedOpen(openPerTask(view));

/** The waiting graph: blockages with a blocked unit and a unit waited on. */
const waitEdges = (open: readonly OpenBlockage[]): WaitEdge[] =>
  open.flatMap(({ blockage, blocked }) =>
    blocked !== null && blockage.waitingOnUnitId !== null
      ? [
          {
            id: blockage.id,
            from: blocked,
            to: blockage.waitingOnUnitId,
            openedOn: blockage.openedOn,
          },
        ]
      : [],
  );

type EdgesByUnit = ReturnType<typeof edgesByUnit>;

/** The units reachable from each unit, each computed once per board. */
const reachability = (byUnit: EdgesByUnit) => {
  const reach = new Map<string, Set<string>>();
  return (unit: string): Set<string> => {
    const known = reach.get(unit) ?? reachableFrom(unit, byUnit);
    reach.set(unit, known);
    return known;
  };
};

/** The blocked unit is waited on again down the line (or waits on itself). */
const inCycle = (edge: WaitEdge, reach: (unit: string) => Set<string>): boolean =>
  edge.to === edge.from || reach(edge.to).has(edge.from);

const row = (
  view: BoardView,
  { blockage, blocked }: OpenBlockage,
  graph: {
    byUnit: EdgesByUnit;
    edgeOf: Map<string, WaitEdge>;
    reach: (unit: string) => Set<string>;
  },
): BlockageRow => {
  const { task } = view.taskById.get(blockage.taskId)!;
  const { byUnit } = graph;
  const edge = graph.edgeOf.get(blockage.id);
  const waiting = edge ? waitingChain(edge, byUnit) : { chain: [], closesCycle: false };
  return {
    id: blockage.id,
    taskId: task.id,
    taskTitle: task.title,
    section: task.section,
    kind: boardKindOf(task),
    blockageId: blockage.blockageId,
    description: blockage.description,
    blockedUnitId: blocked,
    blockedUnitName: view.unitName(blocked),
    waitingOnUnitId: blockage.waitingOnUnitId,
    waitingOnUnitName: view.unitName(blockage.waitingOnUnitId),
    coordinatorUnitId: blockage.coordinatorUnitId,
    reportedOn: blockage.reportedOn,
    openedOn: blockage.openedOn,
    ageDays: daysBetween(blockage.openedOn, view.day, { from: 'openedOn', to: 'day' }),
    level: levelNames[blockage.level],
    dueLevel: escalationLevel(blockage.openedOn, view.day, view.input.ruleset),
    escalations: blockage.escalations,
    reopenedCount: blockage.reopenedCount,
    chain: waiting.chain,
    chainClosesCycle: waiting.closesCycle,
    inCycle: edge ? inCycle(edge, graph.reach) : false,
  };
};

/**
 * Every open blockage of the supervised tasks with its age, levels and chain on
 * the day, and the cycles of waiting among them.
 */
export const openBlockageRows = perView(
  (view: BoardView): { rows: BlockageRow[]; cycles: string[][] } => {
    const open = openBlockages(view);
    const edges = waitEdges(open);
    const byUnit = edgesByUnit(edges);
    const graph = {
      byUnit,
      edgeOf: new Map(edges.map((edge) => [edge.id, edge])),
      reach: reachability(byUnit),
    };
    return { rows: open.map((item) => row(view, item, graph)), cycles: waitingCycles(edges) };
  },
);
