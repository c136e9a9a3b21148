import type { Role } from '../../contracts/actor.ts';
import { humanRoles } from '../../contracts/actor.ts';
import type { Operation, Scope } from '../../contracts/permissions.ts';
import { permissions, scopeOf } from '../../contracts/permissions.ts';
import { supervisionYearCommands } from '../support/operations.ts';

const roles: readonly Role[] = [...humanRoles, 'system'];

/** The expected table, written out by hand: operation → scope of office, department_head, leader, inspector, liaison, system. */
const table: Record<Operation, readonly (Scope | null)[]> = {
  registerUnit: ['all', null, null, null, null, null],
  registerTask: ['all', null, null, null, null, null],
  assignTask: ['all', null, null, null, null, null],
  planMilestone: ['all', null, null, null, null, null],
  reportProgress: ['all', 'own_unit', null, null, 'own_unit', null],
  completeMilestone: ['all', 'own_unit', null, null, null, null],
  reportBlockage: ['all', 'own_unit', null, null, null, null],
  resolveBlockage: ['all', 'own_unit', 'all', null, null, null],
  task: ['all', 'all', 'all', 'all', 'all', null],
  tasksById: ['all', 'all', 'all', 'all', 'all', null],
  tasks: ['all', 'all', 'all', 'all', 'all', null],
  units: ['all', 'all', 'all', 'all', 'all', null],
  taskHistory: ['all', 'all', 'all', 'all', 'all', null],
  signTask: [null, 'own_unit', null, null, 'own_unit', null],
  transferTask: ['all', null, null, null, null, null],
  returnTask: [null, 'own_unit', null, null, null, null],
  requestDeadlineExtension: [null, 'own_unit', null, null, null, null],
  reviewDeadlineExtension: ['all', null, null, null, null, null],
  approveDeadlineExtension: [null, null, 'own_tasks', null, null, null],
  rejectDeadlineExtension: [null, null, 'own_tasks', null, null, null],
  reopenMilestone: ['all', null, 'all', null, null, null],
  assignMilestoneOwner: ['all', null, null, null, null, null],
  reportTaskCompletion: [null, 'own_unit', null, null, null, null],
  acceptTaskCompletion: ['all', null, null, null, null, null],
  rejectTaskCompletion: ['all', null, null, null, null, null],
  acceptReturn: ['all', null, null, null, null, null],
  refuseReturn: ['all', null, null, null, null, null],
  proposeSuspension: ['all', null, null, null, null, null],
  proposeTermination: ['all', null, null, null, null, null],
  approveLifecycleChange: [null, null, 'own_tasks', null, null, null],
  rejectLifecycleChange: [null, null, 'own_tasks', null, null, null],
  suspendTask: [null, null, 'own_tasks', null, null, null],
  resumeTask: ['all', null, null, null, null, null],
  terminateTask: [null, null, 'own_tasks', null, null, null],
  defineIndicator: ['all', null, null, null, null, null],
  reportIndicatorValue: ['all', 'own_unit', null, null, null, null],
  issueSupervisionNotice: ['all', null, null, null, null, null],
  answerSupervisionNotice: [null, 'own_unit', null, null, null, null],
  issueLeadershipInstruction: [null, null, 'all', null, null, null],
  recordAccountability: ['all', null, null, 'all', null, null],
  awardBonus: [null, null, 'all', null, null, null],
  registerMatter: ['all', null, null, null, null, null],
  replyToSource: [null, 'own_unit', null, null, null, null],
  recordProposerEvaluation: ['all', null, null, null, null, null],
  escalateBlockage: [null, null, 'all', null, null, null],
  assignBlockageCoordination: [null, null, 'all', null, null, null],
  reopenBlockage: ['all', 'own_unit', null, null, null, null],
  declareBlockagePartDone: [null, 'own_unit', null, null, null, null],
  urgeTask: ['all', null, null, null, null, null],
  registerOfficial: ['all', null, null, null, null, null],
  assignPost: ['all', null, null, null, null, null],
  vacatePost: ['all', null, null, null, null, null],
  publishRuleset: ['all', null, null, null, null, null],
  publishWorkCalendar: ['all', null, null, null, null, null],
  officials: ['all', 'all', 'all', 'all', 'all', null],
  postHolders: ['all', 'all', 'all', 'all', 'all', null],
  rulesets: ['all', 'all', 'all', 'all', 'all', null],
  rulesetInForce: ['all', 'all', 'all', 'all', 'all', null],
  workCalendar: ['all', 'all', 'all', 'all', 'all', null],
  runClock: ['all', null, null, null, null, 'all'],
  responsibilityBoard: ['all', 'all', 'all', 'all', 'all', null],
  stageBoard: ['all', 'all', 'all', 'all', 'all', null],
  blockageBoard: ['all', 'all', 'all', 'all', 'all', null],
  progressBoard: ['all', 'all', 'all', 'all', 'all', null],
  resultsBoard: ['all', 'all', 'all', 'all', 'all', null],
  unitDeductions: ['all', 'all', 'all', 'all', 'all', null],
  unitFailedTasks: ['all', 'all', 'all', 'all', 'all', null],
  officialTasks: ['all', 'all', 'all', 'all', 'all', null],
  officialRecords: ['all', 'all', 'all', 'all', 'all', null],
  overview: ['all', 'all', 'all', 'all', 'all', null],
  auditSearch: ['own_actions', null, 'all', 'all', null, null],
  auditProof: [null, null, 'all', 'all', null, null],
  auditPublicKey: ['all', 'all', 'all', 'all', 'all', null],
  auditSign: ['all', null, null, 'all', null, null],
  internal: ['all', 'all', 'all', 'all', 'all', 'all'],
  splitTask: ['all', 'own_unit', null, null, null, null],
  answerUrge: [null, 'own_unit', null, null, null, null],
  changeOfficialContacts: ['all', null, null, null, null, null],
  retryNotification: ['all', null, null, null, null, null],
  notifications: ['all', null, null, null, null, null],
  myNotifications: ['all', 'all', 'all', 'all', 'all', null],
  approveProgressReport: [null, 'own_unit', null, null, null, null],
  returnProgressReport: [null, 'own_unit', null, null, null, null],
};

const operations = Object.keys(permissions) as Operation[];
const cases = operations.flatMap((operation) =>
  roles.map((role, index) => [operation, role, table[operation][index] ?? null] as const),
);

/** What a responsible unit or a leader does in person (the task decider's role table). */
const notForTheOffice: readonly Operation[] = [
  'signTask',
  'returnTask',
  'requestDeadlineExtension',
  'approveDeadlineExtension',
  'rejectDeadlineExtension',
  'approveLifecycleChange',
  'rejectLifecycleChange',
  'suspendTask',
  'terminateTask',
  'reportTaskCompletion',
  'answerSupervisionNotice',
  'issueLeadershipInstruction',
  'awardBonus',
  'escalateBlockage',
  'assignBlockageCoordination',
  'declareBlockagePartDone',
  'replyToSource',
  'answerUrge',
  'approveProgressReport',
  'returnProgressReport',
];

describe('the permission table', () => {
  it('covers every operation', () => {
    expect(operations.sort()).toEqual(Object.keys(table).sort());
  });

  it.each(cases)('gives %s to %s the scope %s', (operation, role, scope) => {
    expect(scopeOf(operation, role)).toBe(scope);
  });

  it('marks commands and queries', () => {
    const commands = operations.filter((operation) => permissions[operation].kind === 'command');
    expect(commands.sort()).toEqual(
      [
        'registerUnit',
        'registerTask',
        'assignTask',
        'planMilestone',
        'reportProgress',
        'completeMilestone',
        'reportBlockage',
        'resolveBlockage',
        'runClock',
        'auditSign',
        'urgeTask',
        'splitTask',
        'answerUrge',
        'approveProgressReport',
        'returnProgressReport',
        ...supervisionYearCommands,
      ].sort(),
    );
  });
});

/** The office searches only its own actions and gets no proofs: it is what inspectors audit. */
const auditedOffice: Partial<Record<Operation, Scope | null>> = {
  auditSearch: 'own_actions',
  auditProof: null,
};

describe('the office', () => {
  it('may use every operation on any record, except what a unit or a leader does itself', () => {
    for (const operation of operations) {
      const expected =
        operation in auditedOffice
          ? auditedOffice[operation]
          : notForTheOffice.includes(operation)
            ? null
            : 'all';
      expect(scopeOf(operation, 'office')).toBe(expected);
    }
  });
});

describe('a department head', () => {
  it('acts only on tasks of its own unit', () => {
    const commands = operations.filter((operation) => permissions[operation].kind === 'command');
    const allowed = commands.filter((operation) => scopeOf(operation, 'department_head'));
    expect(allowed.map((operation) => scopeOf(operation, 'department_head'))).toEqual(
      allowed.map(() => 'own_unit'),
    );
  });
});

describe('a liaison (联络员)', () => {
  it('signs for its unit and reports (a draft for the head where the rules ask), nothing else', () => {
    const commands = operations.filter((operation) => permissions[operation].kind === 'command');
    const allowed = commands.filter((operation) => scopeOf(operation, 'liaison'));
    expect(allowed.sort()).toEqual(['reportProgress', 'signTask']);
    expect(allowed.map((operation) => scopeOf(operation, 'liaison'))).toEqual(
      allowed.map(() => 'own_unit'),
    );
  });
});

describe('a leader', () => {
  it('decides extensions, suspensions and terminations only on the tasks it is the responsible leader of (分管)', () => {
    const ownTasks = operations.filter((operation) => scopeOf(operation, 'leader') === 'own_tasks');
    expect(ownTasks.sort()).toEqual(
      [
        'approveDeadlineExtension',
        'rejectDeadlineExtension',
        'approveLifecycleChange',
        'rejectLifecycleChange',
        'suspendTask',
        'terminateTask',
      ].sort(),
    );
  });
});

describe('a leader and an inspector', () => {
  it('run only the commands of leadership and of accountability', () => {
    const commands = operations.filter((operation) => permissions[operation].kind === 'command');
    expect(commands.filter((operation) => scopeOf(operation, 'leader')).sort()).toEqual(
      [
        'resolveBlockage',
        'approveDeadlineExtension',
        'rejectDeadlineExtension',
        'reopenMilestone',
        'issueLeadershipInstruction',
        'awardBonus',
        'escalateBlockage',
        'assignBlockageCoordination',
        'approveLifecycleChange',
        'rejectLifecycleChange',
        'suspendTask',
        'terminateTask',
      ].sort(),
    );
    expect(commands.filter((operation) => scopeOf(operation, 'inspector')).sort()).toEqual(
      ['recordAccountability', 'auditSign'].sort(),
    );
  });
});

describe('every human role', () => {
  it.each(humanRoles)('%s reads tasks, units and task history', (role) => {
    for (const operation of ['task', 'tasks', 'units', 'taskHistory'] as const) {
      expect(scopeOf(operation, role)).toBe('all');
    }
  });

  it.each(humanRoles)('%s reads officials, post holders and rulesets', (role) => {
    const directory = [
      'officials',
      'postHolders',
      'rulesets',
      'rulesetInForce',
      'workCalendar',
    ] as const;
    for (const operation of directory) {
      expect(scopeOf(operation, role)).toBe('all');
    }
  });

  it.each(humanRoles)(
    "%s reads the five boards, the overview and the responsibility rows' lists",
    (role) => {
      const boards = [
        'responsibilityBoard',
        'stageBoard',
        'blockageBoard',
        'progressBoard',
        'resultsBoard',
        'overview',
        'unitDeductions',
        'unitFailedTasks',
        'officialTasks',
        'officialRecords',
      ] as const;
      for (const operation of boards) expect(scopeOf(operation, role)).toBe('all');
    },
  );
});

describe('the system actor', () => {
  it('may only make internal lookups and run the clock', () => {
    expect(operations.filter((operation) => scopeOf(operation, 'system')).sort()).toEqual([
      'internal',
      'runClock',
    ]);
  });
});
