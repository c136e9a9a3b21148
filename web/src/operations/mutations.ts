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
  'approveDeadlineExtension',
  'rejectDeadlineExtension',
  'answerSupervisionNotice',
  'issueLeadershipInstruction',
  'urgeTask',
  'assignMilestoneOwner',
] as const;

export type ConsoleMutation = (typeof consoleMutations)[number];

const capitalised = (field: string) => `${field[0]?.toUpperCase()}${field.slice(1)}`;

/** The document of one of the console's commands. */
export const mutationDocument = (field: ConsoleMutation): string =>
  `mutation ${capitalised(field)}($input: ${capitalised(field)}Input!) { ${field}(input: $input) { position } }`;
