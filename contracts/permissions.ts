import type { Role } from './actor.ts';

/**
 * Who may do what: one table, read by the services (which enforce it) and the
 * gateway (which documents it). Scope `all`: any task or record; `own_unit`: only
 * tasks the actor's unit leads or co-owns, checked by the task decider;
 * `own_actions`: only the events the actor itself recorded (audit search).
 * Nobody edits or deletes history: no operation here can.
 */
export type Scope = 'all' | 'own_unit' | 'own_actions';

export interface Permission {
  kind: 'command' | 'query';
  roles: Partial<Record<Role, Scope>>;
}

const office = { office: 'all' } as const;
const reporters = { office: 'all', department_head: 'own_unit' } as const;
const readers = { office: 'all', department_head: 'all', leader: 'all', inspector: 'all' } as const;

export const permissions = {
  registerUnit: { kind: 'command', roles: office },
  registerTask: { kind: 'command', roles: office },
  assignTask: { kind: 'command', roles: office },
  planMilestone: { kind: 'command', roles: office },
  reportProgress: { kind: 'command', roles: reporters },
  completeMilestone: { kind: 'command', roles: reporters },
  reportBlockage: { kind: 'command', roles: reporters },
  resolveBlockage: { kind: 'command', roles: { ...reporters, leader: 'all' } },
  task: { kind: 'query', roles: readers },
  tasks: { kind: 'query', roles: readers },
  units: { kind: 'query', roles: readers },
  taskHistory: { kind: 'query', roles: readers },
  /**
   * The supervision year (issue 3): roles as the task decider's requirement table
   * has them; a department head's unit scope is checked by the decider.
   */
  signTask: { kind: 'command', roles: { department_head: 'own_unit' } },
  transferTask: { kind: 'command', roles: office },
  returnTask: { kind: 'command', roles: { department_head: 'own_unit' } },
  requestDeadlineExtension: { kind: 'command', roles: { department_head: 'own_unit' } },
  approveDeadlineExtension: { kind: 'command', roles: { leader: 'all' } },
  rejectDeadlineExtension: { kind: 'command', roles: { leader: 'all' } },
  reopenMilestone: { kind: 'command', roles: { office: 'all', leader: 'all' } },
  reportTaskCompletion: { kind: 'command', roles: { department_head: 'own_unit' } },
  acceptTaskCompletion: { kind: 'command', roles: office },
  rejectTaskCompletion: { kind: 'command', roles: office },
  suspendTask: { kind: 'command', roles: office },
  resumeTask: { kind: 'command', roles: office },
  terminateTask: { kind: 'command', roles: office },
  defineIndicator: { kind: 'command', roles: office },
  reportIndicatorValue: { kind: 'command', roles: reporters },
  issueSupervisionNotice: { kind: 'command', roles: office },
  answerSupervisionNotice: { kind: 'command', roles: { department_head: 'own_unit' } },
  issueLeadershipInstruction: { kind: 'command', roles: { leader: 'all' } },
  recordAccountability: { kind: 'command', roles: { office: 'all', inspector: 'all' } },
  escalateBlockage: { kind: 'command', roles: { leader: 'all' } },
  assignBlockageCoordination: { kind: 'command', roles: { leader: 'all' } },
  reopenBlockage: { kind: 'command', roles: reporters },
  /** The directory of officials and posts (任职), and the versioned rules (规则版本). */
  registerOfficial: { kind: 'command', roles: office },
  assignPost: { kind: 'command', roles: office },
  vacatePost: { kind: 'command', roles: office },
  publishRuleset: { kind: 'command', roles: office },
  officials: { kind: 'query', roles: readers },
  postHolders: { kind: 'query', roles: readers },
  rulesets: { kind: 'query', roles: readers },
  rulesetInForce: { kind: 'query', roles: readers },
  /** Audit (纪检监察): history search, Merkle proofs, signed tree heads. */
  auditSearch: {
    kind: 'query',
    roles: { inspector: 'all', leader: 'all', office: 'own_actions' },
  },
  auditProof: { kind: 'query', roles: { inspector: 'all', leader: 'all' } },
  /** The key tree heads are signed with is public: anyone may check a head. */
  auditPublicKey: { kind: 'query', roles: readers },
  auditSign: { kind: 'command', roles: { inspector: 'all', office: 'all' } },
  /** The supervision clock: run by its own schedule as `system`, or by the office on demand. */
  runClock: { kind: 'command', roles: { office: 'all', system: 'all' } },
  /** The five boards (钉钉子) and the overview, of today or as known on a past day. */
  responsibilityBoard: { kind: 'query', roles: readers },
  stageBoard: { kind: 'query', roles: readers },
  blockageBoard: { kind: 'query', roles: readers },
  progressBoard: { kind: 'query', roles: readers },
  resultsBoard: { kind: 'query', roles: readers },
  overview: { kind: 'query', roles: readers },
  /** Lookups services make for each other on behalf of the calling actor. */
  internal: { kind: 'query', roles: { ...readers, system: 'all' } },
} as const satisfies Record<string, Permission>;

export type Operation = keyof typeof permissions;

/** The scope a role has for an operation, or null when it may not use it. */
export const scopeOf = (operation: Operation, role: Role): Scope | null => {
  const roles = permissions[operation].roles as Partial<Record<Role, Scope>>;
  // Own properties only: a role named `toString` must not find Object.prototype's.
  return Object.hasOwn(roles, role) ? (roles[role] ?? null) : null;
};
