/**
 * The commands the console sends, each as `<field>(input: <Field>Input!)`
 * answered with the log position it reached.
 */
export const consoleMutations = [
  'signTask',
  'reportProgress',
  'completeMilestone',
  'reportBlockage',
  'resolveBlockage',
  'declareBlockagePartDone',
  'escalateBlockage',
  'requestDeadlineExtension',
  'reviewDeadlineExtension',
  'approveDeadlineExtension',
  'rejectDeadlineExtension',
  'answerSupervisionNotice',
  'issueLeadershipInstruction',
  'urgeTask',
  'assignMilestoneOwner',
  'registerTask',
  'assignTask',
  'transferTask',
  'planMilestone',
  'defineIndicator',
  'issueSupervisionNotice',
  'acceptTaskCompletion',
  'rejectTaskCompletion',
  'recordAccountability',
  'returnTask',
  'acceptReturn',
  'refuseReturn',
  'proposeSuspension',
  'proposeTermination',
  'approveLifecycleChange',
  'rejectLifecycleChange',
  'resumeTask',
  'awardBonus',
  'retryNotification',
  'answerUrge',
  'approveProgressReport',
  'returnProgressReport',
  'registerMatter',
  'replyToSource',
  'recordProposerEvaluation',
  'splitTask',
] as const;

export type ConsoleMutation = (typeof consoleMutations)[number];

const capitalised = (field: string) => `${field[0]?.toUpperCase()}${field.slice(1)}`;

/** The input type of a command whose input is not named after it: a reason is all it takes. */
const inputs: Partial<Record<ConsoleMutation, string>> = {
  rejectTaskCompletion: 'TaskReasonInput',
  returnTask: 'TaskReasonInput',
  acceptReturn: 'TransferTaskInput',
  refuseReturn: 'TaskReasonInput',
  proposeSuspension: 'TaskReasonInput',
  proposeTermination: 'TaskReasonInput',
  rejectLifecycleChange: 'TaskReasonInput',
  resumeTask: 'TaskReasonInput',
};

/** What a command answers beyond its position, where the console needs more: a new task's id. */
const answers: Partial<Record<ConsoleMutation, string>> = {
  registerTask: 'id position',
  registerMatter: 'id position',
};

/** The document of one of the console's commands. */
export const mutationDocument = (field: ConsoleMutation): string =>
  `mutation ${capitalised(field)}($input: ${inputs[field] ?? `${capitalised(field)}Input`}!) { ${field}(input: $input) { ${answers[field] ?? 'position'} } }`;
