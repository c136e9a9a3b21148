import type { DomainEvent, OfficialContacts, Post } from '../../contracts/events/index.ts';
import { deriveNotifications, type SourceFact } from '../../domain/notifications/derive.ts';
import { notificationId } from '../../domain/notifications/ids.ts';
import type { NotifyContext, Recipient } from '../../domain/notifications/types.ts';

const email = (address: string): OfficialContacts => ({
  email: address,
  mobile: null,
  channels: ['email'],
});

/** Who holds what: edu's contact and head, env's contact, a responsible and a main leader. */
const people: Record<
  string,
  { name: string; unitId: string; post: Post; contacts?: OfficialContacts }
> = {
  li: { name: '李联络', unitId: 'edu', post: 'contact', contacts: email('li@x.cn') },
  wang: {
    name: '王局长',
    unitId: 'edu',
    post: 'unit_head',
    contacts: { email: 'wang@x.cn', mobile: '13800000001', channels: ['email', 'dingtalk'] },
  },
  zhao: { name: '赵联络', unitId: 'env', post: 'contact' },
  sun: { name: '孙副区长', unitId: 'gov', post: 'responsible_leader', contacts: email('sun@x.cn') },
  zhou: { name: '周区长', unitId: 'gov', post: 'main_leader', contacts: email('zhou@x.cn') },
};

const recipient = (id: string): Recipient => {
  const person = people[id]!;
  return {
    officialId: id,
    name: person.name,
    unitId: person.unitId,
    ...(person.contacts ? { contacts: person.contacts } : {}),
  };
};

const context: NotifyContext = {
  task: {
    taskId: 't1',
    title: '老旧小区改造',
    leadUnitId: 'edu',
    cooperatingUnitIds: ['env'],
    responsibleLeader: 'sun',
    milestoneTitles: { m1: '完成选址' },
  },
  unitName: (id) => ({ edu: '区教育局', env: '区生态环境局' })[id] ?? id,
  holders: (unitId, post) =>
    Object.entries(people)
      .filter(([, p]) => p.unitId === unitId && p.post === post)
      .map(([id]) => recipient(id)),
  mainLeaders: () => [recipient('zhou')],
  official: (idOrName) => {
    const id = people[idOrName]
      ? idOrName
      : Object.keys(people).find((key) => people[key]!.name === idOrName);
    return id ? recipient(id) : null;
  },
};

const fact = (event: DomainEvent): SourceFact => ({
  eventId: 'e-1',
  position: 42,
  recordedAt: '2021-03-01T02:00:00.000Z',
  event,
});

const routes = (event: DomainEvent, ctx = context) =>
  deriveNotifications(fact(event), ctx)
    .map((n) => `${n.officialId}:${n.channel}:${n.address ?? '-'}`)
    .sort();

const notice = (level: 'blue' | 'yellow' | 'red'): DomainEvent => ({
  type: 'SupervisionNoticeIssued',
  data: {
    taskId: 't1',
    noticeId: 'n1',
    level,
    toUnitId: 'edu',
    subject: '进度滞后',
    body: '请整改',
    replyDueDate: '2021-03-05',
  },
});

describe('the notifications a fact implies', () => {
  it('an assignment reaches the contact and head of the lead and cooperating units, on each chosen channel', () => {
    const event: DomainEvent = {
      type: 'TaskAssigned',
      data: {
        taskId: 't1',
        leadUnitId: 'edu',
        cooperatingUnitIds: ['env'],
        responsibleLeader: 'sun',
      },
    };
    expect(routes(event)).toEqual([
      'li:email:li@x.cn',
      'wang:dingtalk:13800000001',
      'wang:email:wang@x.cn',
      'zhao:none:-',
    ]);
    const [first] = deriveNotifications(fact(event), context);
    expect(first?.subject).toBe('【待签收】老旧小区改造');
    expect(first?.text).toContain('区教育局');
    expect(first?.text).toContain('区生态环境局');
  });

  it('names nobody reachable as such: a row with no channel, and why', () => {
    const event: DomainEvent = {
      type: 'TaskUrged',
      data: {
        taskId: 't1',
        urgeId: 'u1',
        unitId: 'env',
        message: '请报送',
        replyBy: null,
        urgedOn: '2021-03-01',
      },
    };
    const [only] = deriveNotifications(fact(event), context);
    expect(only).toMatchObject({ officialId: 'zhao', channel: 'none', address: null });
    expect(only?.unroutable).toMatch('无可用渠道');
  });

  it.each([
    ['blue', ['li', 'wang'], false],
    ['yellow', ['li', 'sun', 'wang'], false],
    ['red', ['li', 'sun', 'wang', 'zhou'], true],
  ] as const)('a %s notice goes to %j, urgent: %s', (level, officials, urgent) => {
    const derived = deriveNotifications(fact(notice(level)), context);
    expect([...new Set(derived.map((n) => n.officialId))].sort()).toEqual(officials);
    expect(derived.every((n) => n.urgent === urgent)).toBe(true);
  });

  it('an overdue milestone also reaches the responsible leader, named by a legacy plan', () => {
    const event: DomainEvent = {
      type: 'MilestoneOverdue',
      data: { taskId: 't1', milestoneId: 'm1', dueDate: '2021-02-26', recordedOn: '2021-03-01' },
    };
    const legacy = { ...context, task: { ...context.task!, responsibleLeader: '孙副区长' } };
    expect(routes(event, legacy)).toContain('sun:email:sun@x.cn');
    expect(deriveNotifications(fact(event), legacy)[0]?.text).toContain('完成选址');
  });

  it('an escalated blockage goes to the responsible leader at level 1 and the main leader at level 2, urgently', () => {
    const escalated = (level: 1 | 2): DomainEvent => ({
      type: 'BlockageEscalated',
      data: { taskId: 't1', blockageId: 'b1', level, by: 'system' },
    });
    expect(routes(escalated(1))).toEqual(['sun:email:sun@x.cn']);
    expect(routes(escalated(2))).toEqual(['zhou:email:zhou@x.cn']);
    expect(deriveNotifications(fact(escalated(2)), context)[0]?.urgent).toBe(true);
  });

  it('a person reached by two posts is notified once per channel', () => {
    const both = {
      ...context,
      holders: (unitId: string, post: Post) =>
        unitId === 'edu' && (post === 'contact' || post === 'unit_head') ? [recipient('li')] : [],
    };
    const event: DomainEvent = {
      type: 'LeadershipInstructionIssued',
      data: { taskId: 't1', instructionId: 'i1', text: '抓紧推进', addressedToUnitIds: ['edu'] },
    };
    expect(routes(event, both)).toEqual(['li:email:li@x.cn']);
  });

  it('is deterministic: the same fact gives the same ids, one per official and channel', () => {
    const event = notice('yellow');
    const once = deriveNotifications(fact(event), context);
    expect(deriveNotifications(fact(event), context)).toEqual(once);
    expect(new Set(once.map((n) => n.id)).size).toBe(once.length);
    expect(once.find((n) => n.officialId === 'li')?.id).toBe(notificationId('e-1', 'li', 'email'));
    expect(notificationId('e-1', 'li', 'email')).not.toBe(notificationId('e-2', 'li', 'email'));
  });

  it.each([
    [
      'a signing reminder reaches the unit not yet signed',
      {
        type: 'TaskSigningReminded',
        data: {
          taskId: 't1',
          unitId: 'edu',
          assignedOn: '2021-02-26',
          limitDate: '2021-03-01',
          remindedOn: '2021-03-02',
        },
      },
      ['li', 'wang'],
      '【签收提醒】',
    ],
    [
      'a missed report reaches the lead unit',
      {
        type: 'ProgressReportMissed',
        data: {
          taskId: 't1',
          unitId: 'edu',
          cycle: 'weekly',
          periodStart: '2021-03-01',
          periodEnd: '2021-03-07',
          recordedOn: '2021-03-08',
        },
      },
      ['li', 'wang'],
      '【未按期报送】',
    ],
    [
      'an urge not answered in time reaches the unit and the responsible leader',
      {
        type: 'UrgeReplyOverdue',
        data: {
          taskId: 't1',
          urgeId: 'u1',
          unitId: 'edu',
          replyBy: '2021-03-05',
          limitDate: '2021-03-05',
          recordedOn: '2021-03-08',
        },
      },
      ['li', 'sun', 'wang'],
      '【催办逾期未复】',
    ],
    [
      'a notice not answered in time reaches the unit and the responsible leader',
      {
        type: 'SupervisionNoticeReplyOverdue',
        data: {
          taskId: 't1',
          noticeId: 'n1',
          unitId: 'edu',
          level: 'blue',
          replyDueDate: '2021-03-05',
          limitDate: '2021-03-05',
          recordedOn: '2021-03-08',
        },
      },
      ['li', 'sun', 'wang'],
      '【蓝色督办单逾期未复】',
    ],
    [
      "a liaison's draft reaches the unit head alone",
      {
        type: 'ProgressReportDrafted',
        data: {
          taskId: 't1',
          draftId: 'd1',
          milestoneId: 'm1',
          unitId: 'edu',
          percent: 40,
          note: null,
          evidence: [],
          draftedBy: 'liaison-edu',
        },
      },
      ['wang'],
      '【待审核】',
    ],
    [
      'a redo reaches the lead unit',
      {
        type: 'TaskReopenedForRedo',
        data: {
          taskId: 't1',
          evaluationId: 'v1',
          previousDueDate: '2021-03-05',
          dueDate: '2021-04-02',
          reopenedOn: '2021-03-08',
        },
      },
      ['li', 'wang'],
      '【重新办理】',
    ],
  ] as const)('%s', (_name, event, officials, subject) => {
    const derived = deriveNotifications(fact(event as DomainEvent), context);
    expect([...new Set(derived.map((n) => n.officialId))].sort()).toEqual(officials);
    expect(derived.every((n) => n.subject.startsWith(subject))).toBe(true);
  });

  it("a clock's 催办 says the time-limit rules urged, not the office", () => {
    const event: DomainEvent = {
      type: 'TaskUrged',
      data: {
        taskId: 't1',
        urgeId: 'u2',
        unitId: 'edu',
        message: '请签收',
        replyBy: '2021-03-04',
        urgedOn: '2021-03-03',
        cause: 'signing',
      },
    };
    expect(deriveNotifications(fact(event), context)[0]?.text).toContain('督查系统按时限规则');
  });

  const lightChanged = (from: 'green' | 'yellow' | 'red', to: 'green' | 'yellow' | 'red') =>
    ({
      type: 'TaskLightChanged',
      data: {
        taskId: 't1',
        day: '2021-03-01',
        from,
        to,
        reasons: ['behind 35 points'],
        actual: 10,
        expected: 45,
        rulesetVersion: 0,
      },
    }) satisfies DomainEvent;

  it('a task turning red warns the lead unit (红灯预警), with its progress against the plan', () => {
    expect(routes(lightChanged('yellow', 'red'))).toEqual([
      'li:email:li@x.cn',
      'wang:dingtalk:13800000001',
      'wang:email:wang@x.cn',
    ]);
    const [first] = deriveNotifications(fact(lightChanged('green', 'red')), context);
    expect(first?.subject).toBe('【红灯预警】老旧小区改造');
    expect(first?.text).toContain('实际进度 10%，序时进度 45%');
  });

  it('a task turning yellow, or back to green, notifies nobody', () => {
    expect(routes(lightChanged('green', 'yellow'))).toEqual([]);
    expect(routes(lightChanged('red', 'green'))).toEqual([]);
  });

  it('facts that notify nobody imply nothing', () => {
    const event: DomainEvent = { type: 'TaskSigned', data: { taskId: 't1', unitId: 'edu' } };
    expect(deriveNotifications(fact(event), context)).toEqual([]);
  });
});
