import { gql } from '../../core/api.ts';
import type { Light } from '../../core/format.ts';

export interface UnitRef {
  id: string;
  name: string | null;
}

export interface TaskPage {
  id: string;
  /** Global position of the last event the page's read model reflects. */
  position: number;
  title: string;
  description: string | null;
  section: string | null;
  status: string;
  progress: number;
  plannedStart: string;
  dueDate: string;
  leadUnit: UnitRef | null;
  cooperatingUnits: UnitRef[];
  responsibleLeader: string | null;
  milestones: {
    id: string;
    title: string;
    dueDate: string;
    originalDueDate: string;
    progress: number;
    status: string;
    overdue: boolean;
    lastNote: string | null;
    extensions: { id: string; status: string; requestedDueDate: string; reason: string }[];
  }[];
  blockages: {
    id: string;
    description: string;
    status: string;
    waitingOnUnit: UnitRef | null;
    reportedByUnit: UnitRef | null;
    escalationLevel: number;
    resolution: string | null;
  }[];
  indicators: {
    id: string;
    name: string;
    unitOfMeasure: string;
    target: number;
    comparison: string;
    dueDate: string;
    latestSelfReported: { value: number; asOf: string } | null;
    latestMeasured: { value: number; asOf: string } | null;
  }[];
  notices: {
    id: string;
    level: string;
    toUnit: UnitRef;
    subject: string;
    body: string;
    replyDueDate: string;
    answered: boolean;
    answer: string | null;
  }[];
  urges: {
    urgeId: string;
    unit: UnitRef;
    message: string;
    replyBy: string | null;
    urgedOn: string;
    by: string;
  }[];
  instructions: { id: string; text: string; issuedAt: string; issuedBy: string }[];
  signatures: { unit: UnitRef; current: boolean }[];
  history: {
    position: number;
    type: string;
    recordedAt: string;
    actor: { id: string; role: string; name: string | null; unitId: string | null };
    coveredBySignedHead: boolean;
  }[];
}

export interface TaskBoards {
  stages: { milestoneId: string; state: string }[];
  light: Light | null;
  chains: { blockageId: string; chain: string[]; inCycle: boolean }[];
}

const taskQuery = `query ($id: ID!) { task(id: $id) {
  id position title description section status progress plannedStart dueDate
  leadUnit { id name } cooperatingUnits { id name } responsibleLeader
  milestones { id title dueDate originalDueDate progress status overdue lastNote
    extensions { id status requestedDueDate reason } }
  blockages { id description status waitingOnUnit { id name } reportedByUnit { id name } escalationLevel resolution }
  indicators { id name unitOfMeasure target comparison dueDate
    latestSelfReported { value asOf } latestMeasured { value asOf } }
  notices { id level toUnit { id name } subject body replyDueDate answered answer }
  urges { urgeId unit { id name } message replyBy urgedOn by }
  instructions { id text issuedAt issuedBy }
  signatures { unit { id name } current }
  history { position type recordedAt actor { id role name unitId } coveredBySignedHead } } }`;

const boardsQuery = `query ($id: ID!, $unitId: ID) {
  stageBoard(taskId: $id, first: 100) { nodes { milestoneId state } }
  progressBoard(unitId: $unitId, first: 100) { nodes { taskId light } }
  blockageBoard(first: 100) { nodes { taskId blockageId chain inCycle } } }`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long the page waits for its read model to reflect the task's own log. */
const catchUpTries = 20;
const catchUpPauseMs = 150;

/**
 * The task page, or null when there is no such task. The history is read from
 * the log itself and the rest from the read model, which follows it a moment
 * later: after the user's own action the page waits (a few seconds at most)
 * until the read model reflects every event of the history, so what they just
 * did is shown, not only listed in the history.
 */
export const loadTask = async (id: string): Promise<TaskPage | null> => {
  for (let tries = 1; ; tries++) {
    const { task } = await gql<{ task: TaskPage | null }>(taskQuery, { id });
    if (!task) return null;
    const logged = Math.max(0, ...task.history.map((event) => event.position));
    if (task.position >= logged || tries >= catchUpTries) return task;
    await pause(catchUpPauseMs);
  }
};

/** What the boards say of the task: its milestones' stages, its light, its blockages' chains. */
export const loadTaskBoards = async (task: TaskPage): Promise<TaskBoards> => {
  const data = await gql<{
    stageBoard: { nodes: TaskBoards['stages'] };
    progressBoard: { nodes: { taskId: string; light: Light | null }[] };
    blockageBoard: { nodes: (TaskBoards['chains'][number] & { taskId: string })[] };
  }>(boardsQuery, { id: task.id, unitId: task.leadUnit?.id ?? null });
  return {
    stages: data.stageBoard.nodes,
    light: data.progressBoard.nodes.find((row) => row.taskId === task.id)?.light ?? null,
    chains: data.blockageBoard.nodes.filter((row) => row.taskId === task.id),
  };
};
