import { gql } from '../../core/api.ts';
import type { LightCounts } from '../../core/format.ts';
import { overviewQuery } from '../../operations/boards.ts';
import type { LightPoint } from '../light-chart.ts';
import { rememberSections } from '../lookups.ts';
import type { CockpitScope } from './links.ts';

export interface SectionRow extends LightCounts {
  section: string | null;
  suspended: number;
  /** Tasks whose completion (办结) was accepted. */
  accepted: number;
  total: number;
}

/** A unit as the cockpit ranks it: worst first. */
export interface UnitRow {
  unitId: string;
  unitName: string | null;
  /** Within its category; null: not ranked (督查·纪检机关). */
  rank: number | null;
  category: string;
  score: number;
  tasksLed: number;
  tasksCoOwned: number;
  lights: { red: number };
  overdueMilestones: number;
  openBlockages: number;
}

export interface RedTask {
  taskId: string;
  title: string;
  section: string | null;
  leadUnitName: string | null;
  actual: number;
  expected: number;
  behind: number;
  dueDate: string;
}

export interface OverdueMilestone {
  taskId: string;
  /** The task's responsible leader (分管领导): only that leader decides its extensions. */
  responsibleLeader: string | null;
  title: string;
  dueDate: string;
  daysOverdue: number;
  extensions: { requestId: string; status: string; requestedDueDate: string }[];
}

export interface OpenBlockage {
  taskId: string;
  taskTitle: string;
  blockageId: string;
  description: string;
  waitingOnUnitName: string | null;
  ageDays: number;
  level: string;
}

/** What `overviewQuery` answers: everything the cockpit shows, as of one day. */
export interface Cockpit {
  overview: {
    day: string;
    rulesetVersion: number;
    totals: LightCounts;
    sections: SectionRow[];
    series: LightPoint[];
  };
  units: { totalCount: number; nodes: UnitRow[] };
  red: { totalCount: number; nodes: RedTask[] };
  overdue: {
    totalCount: number;
    counts: { doneOnTime: number; doneLate: number; overdue: number };
    nodes: OverdueMilestone[];
  };
  blockages: { totalCount: number; nodes: OpenBlockage[] };
}

let inFlight: { scope: CockpitScope; answer: Promise<Cockpit> } | null = null;

/**
 * The cockpit of `scope` (today and every kind when null), in one request.
 * Asked again while the same answer is on its way (the page drawn twice in a
 * row, a refresh on top of a load), the request already sent serves both.
 */
export const loadCockpit = (scope: CockpitScope): Promise<Cockpit> => {
  const { asOf, kind } = scope;
  if (inFlight?.scope.asOf === asOf && inFlight.scope.kind === kind) return inFlight.answer;
  const answer = gql<Cockpit>(overviewQuery, { asOf, kind });
  const entry = { scope, answer };
  inFlight = entry;
  const settle = () => {
    if (inFlight === entry) inFlight = null;
  };
  answer.then(settle, settle);
  return answer.then((cockpit) => {
    // A kind's sections are only those with its tasks: not the plan's whole list.
    if (!asOf && !kind) rememberSections(cockpit.overview.sections);
    return cockpit;
  });
};
