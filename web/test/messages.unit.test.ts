import { ApiError } from '../src/core/api.ts';
import { errorText, ruleText } from '../src/core/messages.ts';

jest.mock('../src/core/i18n.ts', () => ({ lang: () => 'zh-CN' }));

describe('a refusal in Chinese', () => {
  it('of a request the schema refuses says so, naming what it got wrong', () => {
    const error = new ApiError(
      'Cannot query field "nickname" on type "Actor".',
      'GRAPHQL_VALIDATION',
      'nickname',
      'is not a field of Actor',
    );
    expect(errorText(error)).toBe(
      '请求与服务器接口不符，请刷新页面后重试；仍出现时请联系管理员（nickname：不是 Actor 的字段）',
    );
  });

  it('of a request without a field gives the server’s words', () => {
    const error = new ApiError('Syntax Error: Unexpected <EOF>.', 'GRAPHQL_VALIDATION', null);
    expect(errorText(error)).toBe(
      '请求与服务器接口不符，请刷新页面后重试；仍出现时请联系管理员（Syntax Error: Unexpected <EOF>.）',
    );
  });

  it('of a value the user gave names the field and its rule', () => {
    const error = new ApiError(
      'bad',
      'VALIDATION',
      'nickname',
      'is not a field of RegisterTaskInput',
    );
    expect(errorText(error)).toBe('nickname：不是 RegisterTaskInput 的字段');
  });

  it.each([
    ['is required', '必须填写'],
    ['must not be null', '不能为空值'],
    ['is not an argument of Query.me', '不是 Query.me 的参数'],
    ['must be a value of type Int', '须为 Int 类型的值'],
    ['must be a value of the enum Post', '须为 Post 的取值之一'],
    ['must be an object of type RegisterTaskInput', '须为 RegisterTaskInput 类型的对象'],
    ['must be a valid GraphQL document', '须为有效的 GraphQL 请求'],
  ])('states %j as %j', (rule, wording) => {
    expect(ruleText(rule)).toBe(wording);
  });
});

describe('a refusal of an extension (延期) in Chinese', () => {
  it.each([
    [
      'ILLEGAL_STATE',
      'milestone m1 was due 2021-10-03, its limit 2021-10-08: an extension asked on 2021-10-09 is too late',
      '当前状态下不能办理（期限为 2021-10-03（最迟 2021-10-08），2021-10-09 申请延期已超过期限）',
    ],
    [
      'ILLEGAL_STATE',
      'task t-1 already has the open request r1',
      '当前状态下不能办理（已有未办结的延期申请（r1），办结后才能再申请）',
    ],
    [
      'ILLEGAL_STATE',
      "extension request r1 awaits the office's review (初审) first",
      '当前状态下不能办理（该延期申请尚待督查室初审，初审同意后才能审批）',
    ],
    [
      'ILLEGAL_STATE',
      'extension request r1 was already reviewed and forwarded',
      '当前状态下不能办理（该延期申请已初审并报送分管领导，不能再次初审）',
    ],
    [
      'FORBIDDEN',
      'only the responsible leader of task t-1, deputy-wang, may; not deputy-li',
      '您的角色或单位不能办理此事项（只有该任务的分管领导（deputy-wang）可以办理）',
    ],
  ])('of %s says %j in Chinese', (code, message, wording) => {
    expect(errorText(new ApiError(message, code, 'requestId'))).toBe(wording);
  });

  it.each([
    ['must be later than the current due date 2021-06-30', '须晚于现在的期限 2021-06-30'],
    [
      "must not be later than the task's due date 2021-12-31: ask for the task's own first",
      '不能晚于任务期限 2021-12-31：需要时请先申请任务整体延期',
    ],
  ])('states the rule %j as %j', (rule, wording) => {
    expect(ruleText(rule)).toBe(wording);
  });
});

describe('a refusal of a return, a proposal or a record for a unit (代录) in Chinese', () => {
  it.each([
    [
      'ILLEGAL_STATE',
      'unit edu has asked to return task t-1: the office rules on it first',
      '当前状态下不能办理（本单位已申请退回，督查室裁定前不能签收）',
    ],
    [
      'ILLEGAL_STATE',
      'task t-1 has an open proposal of suspension: the leader decides it first',
      '当前状态下不能办理（已有待分管领导审批的提请，须先审批）',
    ],
    [
      'ILLEGAL_STATE',
      'task t-1 has no return request to rule on',
      '当前状态下不能办理（该任务没有待裁定的退回申请）',
    ],
  ])('of %s says %j in Chinese', (code, message, wording) => {
    expect(errorText(new ApiError(message, code, 'taskId'))).toBe(wording);
  });

  it('names the source a record for a unit needs', () => {
    expect(
      ruleText(
        'required when the office records for a unit (代录): name the unit’s source, who reported and when',
      ),
    ).toBe('督查室代录须注明来源：谁、何时、以何方式报送');
  });
});
