/** A page as the boards service answers it: its nodes and, in the same order, their cursors. */
interface Page {
  nodes: unknown[];
  cursors: string[];
}

const edges = (page: Page) =>
  page.nodes.map((node, index) => ({ node, cursor: page.cursors[index] }));

const connections = [
  'ResponsibilityBoard',
  'StageBoard',
  'BlockageBoard',
  'ProgressBoard',
  'ResultsBoard',
  'ScoreDeductionConnection',
  'UnitFailureConnection',
  'TaskIdConnection',
  'OfficialRecordConnection',
];

type Counts = Record<string, number>;

/**
 * The boards' edges, built from the cursors the service sends beside the
 * nodes, and the counts whose keys the service spells as the states it counts.
 */
export const boardResolvers = {
  ...Object.fromEntries(connections.map((name) => [name, { edges }])),
  StageCounts: {
    dueSoon: (counts: Counts) => counts.due_soon,
    doneOnTime: (counts: Counts) => counts.done_on_time,
    doneLate: (counts: Counts) => counts.done_late,
  },
  BlockageCounts: {
    responsibleLeader: (counts: Counts) => counts.responsible_leader,
    mainLeader: (counts: Counts) => counts.main_leader,
  },
};
