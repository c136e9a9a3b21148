/**
 * Sources of matters (事项来源). Every task was once the annual plan's (年度重点任务);
 * a matter comes from elsewhere and says so: a registration without a source is
 * the plan's, as every fact recorded before matters existed reads.
 */
export const matterKinds = [
  /** 领导批示件: a leader's written instruction on a document. */
  'leader_instruction',
  /** 会议议定事项: a decision of a meeting (常务会议, 专题会议), from its minutes (纪要). */
  'meeting_decision',
  /** 领导交办事项: a leader's assignment, often oral. */
  'leader_assignment',
  /** 人大代表建议: a people's congress deputy's suggestion. */
  'deputy_suggestion',
  /** 政协委员提案: a CPPCC member's proposal. */
  'cppcc_proposal',
  /** 群众诉求/督查线索: a citizen's request or a clue (12345 hotline, 互联网+督查). */
  'public_clue',
] as const;
export type MatterKind = (typeof matterKinds)[number];

/** The kind of every task: the annual plan's, or a matter's source. */
export const taskKinds = ['annual_plan', ...matterKinds] as const;
export type TaskKind = (typeof taskKinds)[number];

/** Where a clue came in: the 12345 hotline (政务服务便民热线), or the 国务院 互联网+督查 platform. */
export const clueChannels = ['hotline_12345', 'internet_inspection'] as const;
export type ClueChannel = (typeof clueChannels)[number];

/**
 * The intake of a matter, as its source gives it. `issuer` is the issuing body
 * or person: 批示领导, 会议名称, 交办领导, 代表 or 委员's name, 来电人 or platform.
 */
export interface MatterSource {
  kind: MatterKind;
  /** 文号: 批示件编号, 纪要文号, 建议号, 提案号, 工单号; null where the kind has none. */
  documentNumber: string | null;
  issuer: string;
  /** The day issued (交办之日): the time limit counts from it. */
  issuedOn: string;
  /** 原文: the instruction, decision, suggestion, proposal or request as written. */
  originalText: string;
  /** Only for a clue: where it came in. */
  channel: ClueChannel | null;
}

/** The kind of a task: its source's, or the plan's when it has none. */
export const kindOf = (source: MatterSource | null | undefined): TaskKind =>
  source ? source.kind : 'annual_plan';

/**
 * Kinds whose source is answered (办理答复) before completion is accepted: a
 * leader who wrote 批示 is told the result (报结); deputies and CPPCC members are
 * answered in writing by law; a citizen or the platform is answered (回复) on the
 * work order. A meeting's decision and a leader's oral assignment have no
 * addressee besides the office: their completion report is their answer.
 */
export const answeredKinds: readonly MatterKind[] = [
  'leader_instruction',
  'deputy_suggestion',
  'cppcc_proposal',
  'public_clue',
];

/** Kinds whose proposer rates the answer (满意度征询): 建议 and 提案. */
export const evaluatedKinds: readonly MatterKind[] = ['deputy_suggestion', 'cppcc_proposal'];

/** The kinds whose 文号 is required: all but a leader's (often oral) assignment. */
export const numberedKinds: readonly MatterKind[] = [
  'leader_instruction',
  'meeting_decision',
  'deputy_suggestion',
  'cppcc_proposal',
  'public_clue',
];

/** 满意 / 基本满意 / 不满意: the proposer's rating of an answer (征询意见表). */
export const proposerRatings = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type ProposerRating = (typeof proposerRatings)[number];
