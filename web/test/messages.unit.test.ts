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
