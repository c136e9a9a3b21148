import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/**
 * Matters from sources other than the plan (事项来源): their registration, the
 * lead unit's answer to the source (办理答复) and the proposer's rating.
 */
export const matterTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    Registers a matter from a source other than the annual plan (批示件, 会议议定事项, 领导交办,
    人大代表建议, 政协委员提案, 群众诉求/督查线索), in the state REGISTERED, planned from the day
    issued. Without a dueDate it is due the kind's time limit in the ruleset, counted in working
    days from the day issued. VALIDATION on source.documentNumber when the kind has one (all
    but LEADER_ASSIGNMENT) and it is missing; on source.channel when a PUBLIC_CLUE has none or
    another kind has one; on dueDate before source.issuedOn. Roles: OFFICE.
    """
    registerMatter(
      "The matter and its source."
      input: RegisterMatterInput!
    ): RegisterTaskPayload!
    """
    办理答复: the lead unit answers the matter's source (the leader, the deputy or member, the
    citizen). A 批示件, 建议, 提案 or clue is answered before its completion is reported, and
    again after 重新办理. ILLEGAL_STATE for the plan's task (no source). Not on a closed or
    suspended matter. Roles: DEPARTMENT_HEAD of the lead unit.
    """
    replyToSource(
      "The matter and the answer."
      input: ReplyToSourceInput!
    ): ReplyToSourcePayload!
    """
    The proposer's rating of the last answer of a 建议 or 提案 (满意度征询), recorded by the office
    on the proposer's behalf. DISSATISFIED reopens the matter for 重新办理, closed or not, due the
    ruleset's redo limit in working days from today, and costs the lead unit the ruleset's points.
    ILLEGAL_STATE for another kind, or when the last answer is rated already or none was given.
    Roles: OFFICE.
    """
    recordProposerEvaluation(
      "The matter, the rating and the proposer's words."
      input: RecordProposerEvaluationInput!
    ): RecordProposerEvaluationPayload!
  }

  "Where a matter comes from (事项来源)."
  enum MatterKind {
    "领导批示件: a leader's written instruction."
    LEADER_INSTRUCTION
    "会议议定事项: a decision of a meeting, from its minutes."
    MEETING_DECISION
    "领导交办事项: a leader's assignment."
    LEADER_ASSIGNMENT
    "人大代表建议: a people's congress deputy's suggestion."
    DEPUTY_SUGGESTION
    "政协委员提案: a CPPCC member's proposal."
    CPPCC_PROPOSAL
    "群众诉求/督查线索: a citizen's request or a clue (12345, 互联网+督查)."
    PUBLIC_CLUE
  }

  "The kind of a task: the annual plan's, or a matter's source."
  enum TaskKind {
    "年度重点任务: the annual plan's task."
    ANNUAL_PLAN
    "领导批示件."
    LEADER_INSTRUCTION
    "会议议定事项."
    MEETING_DECISION
    "领导交办事项."
    LEADER_ASSIGNMENT
    "人大代表建议."
    DEPUTY_SUGGESTION
    "政协委员提案."
    CPPCC_PROPOSAL
    "群众诉求/督查线索."
    PUBLIC_CLUE
  }

  "Where a clue came in."
  enum ClueChannel {
    "12345 政务服务便民热线."
    HOTLINE_12345
    "国务院 互联网+督查 platform."
    INTERNET_INSPECTION
  }

  "The proposer's rating of an answer."
  enum ProposerRating {
    "满意."
    SATISFIED
    "基本满意."
    BASICALLY_SATISFIED
    "不满意: the matter is reopened for 重新办理."
    DISSATISFIED
  }

  "A matter's intake, as its source gives it."
  input MatterSourceInput {
    "The kind of source."
    kind: MatterKind!
    "文号 (批示件编号, 纪要文号, 建议号, 提案号, 工单号), at most 100 characters; required but for LEADER_ASSIGNMENT."
    documentNumber: String
    "The issuing body or person (批示领导, 会议名称, 交办领导, 代表 or 委员, 来电人 or platform); 1–100 characters."
    issuer: String!
    "The day issued (交办之日): the time limit counts from it."
    issuedOn: Date!
    "原文: the text as the source wrote it; 1–4000 characters."
    originalText: String!
    "Where a clue came in: required for PUBLIC_CLUE, absent for the other kinds."
    channel: ClueChannel
  }

  "A matter to register."
  input RegisterMatterInput {
    "What is to be done; 1–200 characters."
    title: String!
    "More detail; at most 4000 characters. Blank or absent: none."
    description: String
    "A section to group it under; at most 200 characters. Blank or absent: none."
    section: String
    "Where it comes from."
    source: MatterSourceInput!
    "The due date, not before source.issuedOn; absent: the kind's limit in the ruleset, in working days."
    dueDate: Date
    "SOURCE when the intake is assumed (假定), e.g. in a demonstration; absent: none."
    assumed: [TaskAssumption!]
${idempotencyKeyField}  }

  "The lead unit's answer to the source."
  input ReplyToSourceInput {
    "The matter."
    taskId: ID!
    "The answer as sent; 1–4000 characters."
    text: String!
    "The answer's own 文号 (复文号); at most 100 characters. Blank or absent: none."
    documentNumber: String
    "Files sent with it (佐证材料), named by SHA-256; at most 20."
    evidence: [EvidenceInput!]
${idempotencyKeyField}  }

  "The proposer's rating, as the office took it down."
  input RecordProposerEvaluationInput {
    "The matter: a DEPUTY_SUGGESTION or CPPCC_PROPOSAL."
    taskId: ID!
    "满意, 基本满意 or 不满意."
    rating: ProposerRating!
    "The proposer's own words; 1–2000 characters."
    comment: String!
${idempotencyKeyField}  }

  "An answer recorded: its id, and where the command left the log."
  type ReplyToSourcePayload {
    "The answer's id, unique within its matter."
    replyId: ID!
${commandPositionFields}  }

  "A rating recorded: its id, and where the command left the log."
  type RecordProposerEvaluationPayload {
    "The rating's id, unique within its matter."
    evaluationId: ID!
${commandPositionFields}  }

  "A matter's intake (事项来源)."
  type MatterSource {
    "The kind of source."
    kind: MatterKind!
    "文号; null for a leader's assignment without one."
    documentNumber: String
    "The issuing body or person."
    issuer: String!
    "The day issued."
    issuedOn: Date!
    "原文."
    originalText: String!
    "Where a clue came in; null for the other kinds."
    channel: ClueChannel
  }

  "办理答复: an answer of the lead unit to the source."
  type SourceReply {
    "The answer's id."
    id: ID!
    "The answer as sent."
    text: String!
    "Its 文号; null when none."
    documentNumber: String
    "Files sent with it."
    evidence: [Evidence!]!
    "The unit that answered."
    unit: Unit!
    "The business day answered."
    repliedOn: Date!
    "When it was recorded."
    repliedAt: DateTime!
    "Who recorded it."
    repliedBy: ID!
  }

  "The proposer's rating of an answer."
  type ProposerEvaluation {
    "The rating's id."
    id: ID!
    "The answer rated."
    replyId: ID!
    "满意, 基本满意 or 不满意."
    rating: ProposerRating!
    "The proposer's words."
    comment: String!
    "The lead unit that answered: a 不满意 counts against it."
    unit: Unit!
    "The business day recorded."
    recordedOn: Date!
    "When it was recorded."
    recordedAt: DateTime!
    "The office's actor who recorded it."
    recordedBy: ID!
  }

  "重新办理 after a 不满意."
  type MatterRedo {
    "The rating that reopened it."
    evaluationId: ID!
    "The due date before."
    previousDueDate: Date!
    "The new due date."
    dueDate: Date!
    "The business day reopened."
    reopenedOn: Date!
    "When it was recorded."
    reopenedAt: DateTime!
  }

  extend type Task {
    "The annual plan's task, or the kind of the matter's source."
    kind: TaskKind!
    "事项来源: the matter's intake; null for the plan's task."
    source: MatterSource
    "办理答复: the answers to the source, oldest first."
    replies: [SourceReply!]!
    "The proposer's ratings, oldest first."
    evaluations: [ProposerEvaluation!]!
    "Each 重新办理, oldest first."
    redos: [MatterRedo!]!
  }

  "The working days a kind of matter is given, from the day issued."
  type MatterLimit {
    "The kind."
    kind: MatterKind!
    "Working days from the day issued to the due date."
    workingDays: Int!
  }

  """
  Time limits and the score of matters. Versions that publish none read the defaults: 批示件
  10 working days, 会议议定事项 20, 领导交办事项 10, 人大代表建议 and 政协委员提案 60 (three months
  from 交办, the provinces' 代表建议 办理办法 and the 提案 rules), 群众诉求/督查线索 15 (12345
  rules: 5–7 for a general request, 15 for a complex one); 重新办理 20 (a month for a second
  answer, as provincial rules under the 代表法 give it);
  a 不满意 −1 point.
  """
  type MatterRules {
    "Each kind's time limit, in the order of MatterKind."
    limits: [MatterLimit!]!
    "Working days from a 不满意 to the new due date of 重新办理."
    redoWorkingDays: Int!
    "Points (−100 to 0) the lead unit loses for each 不满意."
    dissatisfiedDeduction: Float!
  }

  "A kind's time limit to publish."
  input MatterLimitInput {
    "The kind."
    kind: MatterKind!
    "Working days from the day issued, 1–250."
    workingDays: Int!
  }

  "Time limits and the score of matters to publish."
  input MatterRulesInput {
    "Kinds with their working days, each once; a kind left out keeps its default."
    limits: [MatterLimitInput!]!
    "Working days from a 不满意 to the new due date of 重新办理, 1–250."
    redoWorkingDays: Int!
    "Points (−100 to 0) the lead unit loses for each 不满意."
    dissatisfiedDeduction: Float!
  }

  extend type Ruleset {
    "Time limits and the score of matters: as published, or the defaults."
    matters: MatterRules!
  }

  extend input PublishRulesetInput {
    "Time limits and the score of matters (事项来源); absent: the defaults."
    matters: MatterRulesInput
  }

  extend type TaskSummary {
    "The annual plan's task, or the kind of the matter's source."
    kind: TaskKind!
  }

  extend input TaskFilter {
    "Only tasks of this kind (the annual plan's, or a matter's source)."
    kind: TaskKind
  }

  extend input StageFilter {
    "Only milestones of tasks of this kind (the annual plan's, or a matter's source)."
    kind: TaskKind
  }

  extend input BlockageFilter {
    "Only blockages of tasks of this kind (the annual plan's, or a matter's source)."
    kind: TaskKind
  }

  extend input ProgressFilter {
    "Only tasks of this kind (the annual plan's, or a matter's source)."
    kind: TaskKind
  }

  extend input ResultFilter {
    "Only indicators of tasks of this kind (the annual plan's, or a matter's source)."
    kind: TaskKind
  }

  extend input ResponsibilityFilter {
    """
    Only the tasks of this kind count: the units' and officials' tasks, lights, blockages and
    scores (the deductions and bonuses of those tasks) are of matters of this source alone.
    """
    kind: TaskKind
  }
`;
