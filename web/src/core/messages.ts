import { ApiError } from './api.ts';
import { lang } from './i18n.ts';

/** The input rules the server states, in Chinese: each English rule's pattern and its wording. */
const rules: readonly [RegExp, string][] = [
  [/^must not be empty$/, '不能为空'],
  [/^must be at most (\d+) characters$/, '最多 $1 个字符'],
  [/^must be at least (\d+)$/, '须至少为 $1'],
  [/^must be at most (\d+)$/, '须不超过 $1'],
  [/^must be an integer between (\S+) and (\S+)$/, '须为 $1 到 $2 之间的整数'],
  [/^must be a whole number between (\S+) and (\S+)$/, '须为 $1 到 $2 之间的整数'],
  [/^must be a number between (\S+) and (\S+)$/, '须为 $1 到 $2 之间的数'],
  [/^must be a whole number of at least (\d+)$/, '须为不小于 $1 的整数'],
  [
    /^must be an ISO date YYYY-MM-DD between (\S+) and (\S+)$/,
    '须为 $1 至 $2 之间的日期（年-月-日）',
  ],
  [/^must be one of (.+)$/, '须为以下之一：$1'],
  [/^must be a whole number: the indicator counts (.+)$/, '须为整数：该指标按“$1”计数'],
  [/^must name each field once$/, '每一项只能列一次'],
  [/^must be a list of field names$/, '须为字段名称的列表'],
  [/^must be true or false$/, '须为“是”或“否”'],
  [/^must contain a visible character$/, '须包含可见的文字'],
  [/^must not contain control characters.*$/, '不能包含控制字符（制表符和换行除外）'],
  [/^must not contain bidirectional .*$/, '不能包含改变文字方向的控制字符'],
  [/^must be well-formed Unicode.*$/, '须为完整的 Unicode 文本'],
  [/^must be greater than 0$/, '须大于 0'],
  [/^must be a finite number$/, '须为有效数字'],
  [/^must list at most (\d+) .+$/, '最多 $1 项'],
  [/^must name each day once$/, '每个日期只能出现一次'],
  [/^must be a year YYYY$/, '须为四位年份'],
  [
    /^is not settled yet: the clock closes (\d{4}) from (\S+), on its first run$/,
    '尚未结算：$1 年度自 $2 起由系统时钟结算',
  ],
  [/^must not be given with asOf: .*$/, '不能与截至日期同时选择：年度结算按该年最后一天计'],
  [/^required when progress goes backwards$/, '进度回退时须说明原因'],
  // The task decider's rules met by the office's forms.
  [/^must not be before plannedStart$/, '不能早于计划开始日期'],
  [/^must be within the task, (\S+) to (\S+)$/, '须在任务期限内（$1 至 $2）'],
  [/^must not be earlier than today, (\S+)$/, '不能早于今天（$1）'],
  [/^must not be the lead unit$/, '不能是牵头单位'],
  [/^must not repeat a unit$/, '同一单位不能重复'],
  [/^must be the lead or a cooperating unit of the task$/, '须为该任务的牵头单位或配合单位'],
  [/^must be a cooperating unit of task .*$/, '须为该任务的配合单位（不选则由牵头单位负责）'],
  [/^must not be the current lead unit$/, '不能是现在的牵头单位'],
  [
    /^must not be a cooperating unit: re-assign the task instead$/,
    '不能是配合单位：请改为重新交办',
  ],
  [/^\w+ applies to an official, not a unit$/, '此问责方式只适用于干部，不适用于单位'],
  [
    /^must be more than 0 and at most (\S+), the bonusPerAwardMax of ruleset version (\d+)$/,
    '须大于 0 且不超过 $1 分（第 $2 版规则每次加分的上限）',
  ],
  [/^must not be a supervising or discipline body: .*$/, '督查·纪检机关不参加排名，不能加分'],
  // The task decider's states met by the leaders' bonus form (ILLEGAL_STATE, told in words).
  [
    /^early_completion needs the completion of task \S+ accepted \(办结\) before its limit (\S+): it is not accepted$/,
    '提前完成加分须在期限 $1 之前验收办结：该任务尚未办结',
  ],
  [
    /^early_completion needs the completion of task \S+ accepted \(办结\) before its limit (\S+): it was accepted on (\S+)$/,
    '提前完成加分须在期限 $1 之前验收办结：该任务于 $2 办结',
  ],
  [
    /^unit \S+ already has its early_completion bonus for task \S+$/,
    '该单位已就本任务获得提前完成加分',
  ],
  // Matters (事项来源): the registration's rules per kind, the answer, the rating.
  [/^is required for a \w+: its document number \(文号\)$/, '该类事项须填写文号'],
  [/^is required for a public_clue$/, '群众诉求/督查线索须选择渠道'],
  [/^must be given only for a public_clue$/, '只有群众诉求/督查线索才选择渠道'],
  [/^must not be before source\.issuedOn$/, '不能早于交办日期'],
  [
    /^task \S+ is a \w+: reply to its source \(办理答复\) before reporting completion$/,
    '须先答复事项来源（办理答复），方可报送办结',
  ],
  [/^task \S+ is the annual plan's: it has no source to answer$/, '年度重点任务没有需要答复的来源'],
  [
    /^task \S+ is a \w+: only a deputy_suggestion or a cppcc_proposal is rated by its proposer$/,
    '只有人大代表建议和政协委员提案由提出人评价',
  ],
  [
    /^task \S+ has no reply to rate: the lead unit answers \(办理答复\) first$/,
    '没有待评价的答复：须由牵头单位先行答复',
  ],
  // 分解交办: the split's rules for each sub-task.
  [/^must be a sub-unit of the lead unit \S+$/, '须为牵头单位的下级单位'],
  [/^must be within what is left of the task, (\S+) to (\S+)$/, '须在任务剩余期限内（$1 至 $2）'],
  [/^must be a number greater than 0 and at most (\d+)$/, '须大于 0 且不超过 $1'],
  [/^must name at least 1 sub-task$/, '至少须分解 1 项'],
  // Deadline extensions (延期).
  [/^must be later than the current due date (\S+)$/, '须晚于现在的期限 $1'],
  [
    /^must not be later than the task's due date (\S+): ask for the task's own first$/,
    '不能晚于任务期限 $1：需要时请先申请任务整体延期',
  ],
  [/^must be true \(forward\) or false \(refuse\)$/, '须选择同意报送或不同意'],
  // 代录: the office records a unit's report only with its source.
  [
    /^required when the office records for a unit \(代录\): name the unit’s source, who reported and when$/,
    '督查室代录须注明来源：谁、何时、以何方式报送',
  ],
  [/^only the office records on a unit’s behalf \(代录\)$/, '只有督查室代录时才填写来源'],
  [/^must exist$/, '所指的记录不存在'],
  [
    /^letters, digits and _ \. : - only, at most (\d+) characters$/,
    '只能由字母、数字和 _ . : - 组成，最多 $1 个字符',
  ],
  // The rules of GraphQL itself, stated by the gateway for both kinds of input error.
  [/^is required$/, '必须填写'],
  [/^must not be null$/, '不能为空值'],
  [/^is not a field of (\w+)$/, '不是 $1 的字段'],
  [/^is not an argument of (\S+)$/, '不是 $1 的参数'],
  [/^must be a value of type (\w+)$/, '须为 $1 类型的值'],
  [/^must be a value of the enum (\w+)$/, '须为 $1 的取值之一'],
  [/^must be an object of type (\w+)$/, '须为 $1 类型的对象'],
  [/^is not a type of the schema$/, '不是接口定义的类型'],
  [/^must be a valid GraphQL document$/, '须为有效的 GraphQL 请求'],
];

/** The task decider's refusals the console's forms meet, in Chinese: each message's pattern and its wording. */
const refusals: readonly [RegExp, string][] = [
  [
    /^(?:milestone|task) \S+ was due (\S+), its limit (\S+): an extension asked on (\S+) is too late$/,
    '期限为 $1（最迟 $2），$3 申请延期已超过期限',
  ],
  [
    /^(?:milestone|task) \S+ already has the open request (\S+)$/,
    '已有未办结的延期申请（$1），办结后才能再申请',
  ],
  [/^extension request \S+ is closed$/, '该延期申请已办结'],
  [
    /^extension request \S+ was already reviewed and forwarded$/,
    '该延期申请已初审并报送分管领导，不能再次初审',
  ],
  [
    /^extension request \S+ awaits the office's review \(初审\) first$/,
    '该延期申请尚待督查室初审，初审同意后才能审批',
  ],
  [
    /^milestone \S+ is completed: reject the request instead$/,
    '节点已完成，不能再批准延期：请驳回',
  ],
  [
    /^the due date moved on to (\S+) since the request for (\S+): reject it instead$/,
    '期限已顺延至 $1，不早于申请的 $2：请驳回',
  ],
  [
    /^only the responsible leader of task \S+, (.+), may; not .+$/,
    '只有该任务的分管领导（$1）可以办理',
  ],
  // Returns (退回) and the office's proposals to suspend or terminate.
  [
    /^unit \S+ has asked to return task \S+: the office rules on it first$/,
    '本单位已申请退回，督查室裁定前不能签收',
  ],
  [
    /^unit \S+ has already asked to return task \S+: the office rules on it$/,
    '已申请退回，请等待督查室裁定',
  ],
  [/^task \S+ has no return request to rule on$/, '该任务没有待裁定的退回申请'],
  [/^unit \S+ has signed for task \S+: too late to return it$/, '已签收的任务不能再申请退回'],
  [
    /^task \S+ has an open proposal of (suspension|termination): the leader decides it first$/,
    '已有待分管领导审批的提请，须先审批',
  ],
  [/^task \S+ has no open proposal to decide$/, '该任务没有待审批的暂停或终止提请'],
];

/** A refusal's detail as the server words it, in Chinese where the console knows it. */
const refusalText = (message: string): string => {
  for (const [pattern, wording] of refusals)
    if (pattern.test(message)) return message.replace(pattern, wording);
  return ruleText(message);
};

/** What each refusal means to the user, by its code; the server's own words follow in brackets. */
const byCode: Readonly<Record<string, string>> = {
  // The console's request does not fit the server's schema: not the user's doing.
  GRAPHQL_VALIDATION: '请求与服务器接口不符，请刷新页面后重试；仍出现时请联系管理员',
  FORBIDDEN: '您的角色或单位不能办理此事项',
  NOT_FOUND: '未找到所指的记录',
  ILLEGAL_STATE: '当前状态下不能办理',
  CONFLICT: '记录已被他人更新，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  UNAVAILABLE: '服务暂时不可用，请稍后再试',
  INTERNAL: '服务器出错，请稍后再试或联系管理员',
};

/** A rule as the server states it, in the console's language. */
export const ruleText = (rule: string): string => {
  if (lang() !== 'zh-CN') return rule;
  for (const [pattern, wording] of rules)
    if (pattern.test(rule)) return rule.replace(pattern, wording);
  return rule;
};

/**
 * The server's detail of a refusal, in the console's language where its words
 * are known; of a request the schema refuses, what it got wrong.
 */
const detailOf = (error: ApiError): string =>
  error.code === 'GRAPHQL_VALIDATION' && error.field && error.rule
    ? `${error.field}：${ruleText(error.rule)}`
    : refusalText(error.message);

/**
 * What went wrong, in the console's language: a field's rule in words the user
 * reads, a refusal by what it means (the server's detail after it), a lost
 * connection as such.
 */
export const errorText = (error: unknown): string => {
  if (lang() !== 'zh-CN') return error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError) {
    if (error.code === 'VALIDATION' && error.rule) {
      return error.field ? `${error.field}：${ruleText(error.rule)}` : ruleText(error.rule);
    }
    const meaning = byCode[error.code];
    return meaning ? `${meaning}（${detailOf(error)}）` : error.message;
  }
  if (error instanceof TypeError) return '无法连接服务器，请检查网络后重试';
  return error instanceof Error ? error.message : String(error);
};
