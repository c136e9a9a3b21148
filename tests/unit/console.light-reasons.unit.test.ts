import { light } from '../../domain/judgement/light.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import { lightReasonMessage } from '../../web/src/i18n/light-reasons.ts';
import { sendErrorMessage } from '../../web/src/i18n/send-errors.ts';
import { zh } from '../../web/src/i18n/zh.ts';

/** The reasons the judgement gives a light on `day` for work due on `dueDate`. */
const reasonsOf = (actual: number, expected: number, day: string, dueDate: string) =>
  light({ actual, expected, dueDate, day, done: false }, defaultRuleset).reasons;

describe('a light’s reasons in the console (亮灯原因)', () => {
  const reasons = [
    ...reasonsOf(40, 52.5, '2021-06-01', '2021-12-31'),
    ...reasonsOf(10, 90, '2021-06-03', '2021-06-01'),
    ...reasonsOf(50, 50, '2021-06-01', '2021-06-03'),
    ...reasonsOf(50, 50, '2021-06-01', '2021-06-02'),
    ...reasonsOf(50, 50, '2021-06-01', '2021-06-01'),
  ];

  it('reads every shape the judgement words a reason in', () => {
    expect(reasons).toEqual([
      'behind 12.5 points',
      'overdue since 2021-06-02',
      'behind 80 points',
      'due in 2 days',
      'due in 1 day',
      'due today',
    ]);
    for (const reason of reasons) {
      const message = lightReasonMessage(reason);
      expect(message).not.toBeNull();
      expect(zh[message!.key]).toMatch(/\p{Script=Han}/u);
    }
    expect(lightReasonMessage('behind 12.5 points')?.params).toEqual({ points: '12.5' });
    expect(lightReasonMessage('overdue since 2021-06-02')?.params).toEqual({ day: '2021-06-02' });
  });

  it('reads a milestone’s reason inside it, and a sub-task’s light', () => {
    expect(lightReasonMessage('milestone "建成 2 个站点" due in 2 days')).toEqual({
      key: 'lightReason_milestone',
      params: { title: '建成 2 个站点' },
      inner: { key: 'lightReason_dueIn', params: { days: '2' } },
    });
    expect(lightReasonMessage('sub-task "社区排查" is red')).toEqual({
      key: 'lightReason_subTask',
      params: { title: '社区排查' },
      light: 'red',
    });
  });

  it('leaves a reason of no known shape to be shown as it is', () => {
    expect(lightReasonMessage('something new')).toBeNull();
    expect(lightReasonMessage('milestone "X" something new')).toBeNull();
  });
});

describe('a channel’s failure in the console (通知发送失败)', () => {
  it('names the system’s error, keeping its code and address', () => {
    expect(sendErrorMessage('connect ECONNREFUSED 127.0.0.1:25')).toEqual({
      key: 'sendError_ECONNREFUSED',
      params: { detail: 'ECONNREFUSED 127.0.0.1:25' },
    });
    expect(zh.sendError_ECONNREFUSED).toBe('连接被拒绝（{detail}）');
  });

  it('reads an HTTP refusal and a robot’s errcode', () => {
    expect(sendErrorMessage('HTTP 502: Bad Gateway')).toEqual({
      key: 'sendErrorHttp',
      params: { status: '502', body: 'Bad Gateway' },
    });
    expect(sendErrorMessage('DingTalk refused: errcode 310000 keywords not in content')).toEqual({
      key: 'sendErrorDingTalk',
      params: { code: '310000', message: 'keywords not in content' },
    });
  });

  it('marks any other failure as one, its text as recorded', () => {
    expect(sendErrorMessage('Greeting never received')).toEqual({
      key: 'sendErrorOther',
      params: { message: 'Greeting never received' },
    });
  });
});
