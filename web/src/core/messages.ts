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
    : ruleText(error.message);

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
