import { ApiError } from '../src/core/api.ts';
import { ruleText } from '../src/core/messages.ts';
import { onRow } from '../src/forms/split-task.ts';

jest.mock('../src/core/i18n.ts', () => ({ lang: () => 'zh-CN', t: (key: string) => key }));

describe('a refusal of a split (分解交办)', () => {
  const refusal = (field: string | null) =>
    new ApiError('bad', 'VALIDATION', field, 'must be greater than 0');

  it('of a sub-task’s field is told of its row’s control, rows left empty skipped', () => {
    // Rows 0 and 2 chosen: the server's second sub-task is the third row.
    expect((onRow(refusal('subTasks[1].dueDate'), [0, 2]) as ApiError).field).toBe('due2');
    expect((onRow(refusal('input.subTasks.0.weight'), [0, 2]) as ApiError).field).toBe('weight0');
    expect((onRow(refusal('subTasks[0].unitId'), [0]) as ApiError).field).toBe('unit0');
  });

  it('keeps its rule, and any other refusal as it came', () => {
    expect((onRow(refusal('subTasks[0].title'), [0]) as ApiError).rule).toBe(
      'must be greater than 0',
    );
    for (const field of ['taskId', 'subTasks', null, 'subTasks[5].dueDate']) {
      const error = refusal(field);
      expect(onRow(error, [0, 1])).toBe(error);
    }
  });

  it.each([
    ['must be a sub-unit of the lead unit urban', '须为牵头单位的下级单位'],
    [
      'must be within what is left of the task, 2021-12-31 to 2022-06-30',
      '须在任务剩余期限内（2021-12-31 至 2022-06-30）',
    ],
    ['must be a number greater than 0 and at most 100', '须大于 0 且不超过 100'],
    ['must name at least 1 sub-task', '至少须分解 1 项'],
  ])('states %j as %j', (rule, wording) => {
    expect(ruleText(rule)).toBe(wording);
  });
});
