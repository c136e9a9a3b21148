import type { Actor } from '../contracts/actor.ts';
import { addDays } from '../domain/dates.ts';
import { headOf, office } from './actors.ts';
import type { Schedule } from './schedule.ts';

type Call = (
  action: string,
  params: Record<string, unknown>,
  actor: Actor,
) => Promise<Record<string, unknown>>;

/**
 * The demo's matters from sources other than the plan (事项来源). The 2021 work
 * report states none of them: every one is assumed (假定), its intake marked so
 * (`assumed: ['source']`, 「假定」 on the task page) and filed under a section
 * that says so. Each is due its kind's time limit in the ruleset (no due date
 * given), counted in working days from the day issued, and done well within it,
 * so that none changes the plan's figures: only the 政协提案 rated 不满意 costs its
 * lead unit the ruleset's point.
 */
export const demoMatterSection = '交办事项（演示假定）';

interface DemoMatter {
  key: string;
  kind: string;
  title: string;
  documentNumber: string | null;
  issuer: string;
  issuedOn: string;
  originalText: string;
  channel?: string;
  lead: string;
  leader: string;
  /** Calendar days from the day issued to the milestone's due date: within the kind's limit. */
  span: number;
  reply?: string;
  /** For the 提案 rated 不满意: what it says, and the second answer. */
  redo?: { comment: string; secondReply: string };
  /** For 建议 and 提案: the proposer's words with a 满意. */
  satisfied?: string;
}

const matters: readonly DemoMatter[] = [
  {
    key: 'instruction-traffic',
    kind: 'leader_instruction',
    title: '解决实验小学周边上下学时段交通拥堵',
    documentNumber: '领导批示〔2021〕7号',
    issuer: '李主任',
    issuedOn: '2021-03-15',
    originalText: '请城管局会同交警部门一周内拿出方案，确保开学后秩序井然。',
    lead: 'urban',
    leader: 'deputy-sun',
    span: 10,
    reply: '已设置临时停车区和护学岗，高峰时段通行时间缩短一半。',
  },
  {
    key: 'instruction-canteen',
    kind: 'leader_instruction',
    title: '开展校园食堂食品安全专项检查',
    documentNumber: '领导批示〔2021〕21号',
    issuer: '王副主任',
    issuedOn: '2021-09-06',
    originalText: '开学在即，请市场监管局牵头对辖区学校食堂开展全覆盖检查。',
    lead: 'market',
    leader: 'deputy-sun',
    span: 10,
    reply: '已检查学校食堂42家，整改问题17项，全部完成复查。',
  },
  {
    key: 'meeting-parking',
    kind: 'meeting_decision',
    title: '推进老旧小区停车位改造试点',
    documentNumber: '主任办公会纪要〔2021〕5号',
    issuer: '管委会主任办公会议',
    issuedOn: '2021-04-12',
    originalText: '会议议定：由建设管理局牵头，选取两个老旧小区开展停车位改造试点。',
    lead: 'construction',
    leader: 'deputy-sun',
    span: 20,
  },
  {
    key: 'meeting-jobs',
    kind: 'meeting_decision',
    title: '举办高校毕业生专场招聘会',
    documentNumber: '专题会议纪要〔2021〕12号',
    issuer: '稳就业专题会议',
    issuedOn: '2021-05-10',
    originalText: '会议议定：人社局于6月上旬前举办高校毕业生专场招聘会，岗位不少于2000个。',
    lead: 'labor',
    leader: 'deputy-wang',
    span: 20,
  },
  {
    key: 'assignment-flood',
    kind: 'leader_assignment',
    title: '汛前排查地下通道积水隐患',
    documentNumber: null,
    issuer: '孙副主任',
    issuedOn: '2021-06-01',
    originalText: '孙副主任在汛期工作部署会上口头交办：汛前完成全部地下通道积水隐患排查。',
    lead: 'safety',
    leader: 'deputy-sun',
    span: 10,
  },
  {
    key: 'assignment-museum',
    kind: 'leader_assignment',
    title: '筹备科技馆周末免费开放',
    documentNumber: null,
    issuer: '王副主任',
    issuedOn: '2021-08-02',
    originalText: '暑期请文旅体局研究科技馆周末免费开放的安排。',
    lead: 'culture',
    leader: 'deputy-wang',
    span: 10,
  },
  {
    key: 'suggestion-clinic',
    kind: 'deputy_suggestion',
    title: '在产业园区增设社区卫生服务站',
    documentNumber: '建议第0031号',
    issuer: '刘代表',
    issuedOn: '2021-03-08',
    originalText: '园区职工就医不便，建议在产业园区增设社区卫生服务站。',
    lead: 'health',
    leader: 'deputy-wang',
    span: 60,
    reply: '已在两个产业园区各设服务站一处，配备全科医生4名。',
    satisfied: '服务站已开诊，职工反映良好，满意。',
  },
  {
    key: 'suggestion-bus',
    kind: 'deputy_suggestion',
    title: '优化园区通勤公交线路',
    documentNumber: '建议第0047号',
    issuer: '赵代表',
    issuedOn: '2021-03-08',
    originalText: '建议增开地铁站至园区的通勤公交，缩短高峰发车间隔。',
    lead: 'urban',
    leader: 'deputy-sun',
    span: 60,
    reply: '已协调公交集团增开微循环线路2条，高峰间隔缩短至8分钟。',
    satisfied: '基本解决了通勤问题。',
  },
  {
    key: 'proposal-elderly',
    kind: 'cppcc_proposal',
    title: '加快建设社区养老服务中心',
    documentNumber: '提案第0123号',
    issuer: '张委员',
    issuedOn: '2021-03-10',
    originalText: '辖区老龄人口增长快，建议加快建设社区嵌入式养老服务中心。',
    lead: 'civil',
    leader: 'deputy-wang',
    span: 60,
    reply: '已将社区养老服务中心建设列入年度计划，年内建成2个。',
    redo: {
      comment: '答复未说明建设资金来源和选址，不满意。',
      secondReply: '两处中心已选址，建设资金已列入区财政预算，9月底前投入运营。',
    },
    satisfied: '资金和选址均已落实，满意。',
  },
  {
    key: 'proposal-reading',
    kind: 'cppcc_proposal',
    title: '建设园区职工书屋',
    documentNumber: '提案第0156号',
    issuer: '陈委员',
    issuedOn: '2021-03-10',
    originalText: '建议在园区建设职工书屋，丰富职工文化生活。',
    lead: 'culture',
    leader: 'deputy-wang',
    span: 60,
    reply: '已建成职工书屋3处，藏书1.2万册。',
    satisfied: '满意。',
  },
  {
    key: 'clue-noise',
    kind: 'public_clue',
    title: '处理夜间施工噪音投诉',
    documentNumber: '12345工单GD2021071400123',
    issuer: '市民王女士（12345热线）',
    issuedOn: '2021-07-14',
    originalText: '某工地连续多日夜间施工，噪音扰民，请求处理。',
    channel: 'hotline_12345',
    lead: 'environment',
    leader: 'deputy-sun',
    span: 15,
    reply: '已责令工地停止夜间施工并处罚款，已电话回复来电人。',
  },
  {
    key: 'clue-approval',
    kind: 'public_clue',
    title: '核查企业反映的审批超时问题',
    documentNumber: '互联网+督查线索〔2021〕0412',
    issuer: '国务院“互联网+督查”平台',
    issuedOn: '2021-10-11',
    originalText: '有企业反映某项目施工许可办理超过承诺时限。',
    channel: 'internet_inspection',
    lead: 'approval',
    leader: 'deputy-zhao',
    span: 15,
    reply: '经核查属实，已办结许可并对相关人员约谈，核查报告已上报平台。',
  },
];

/** Registers, assigns and plans one matter on the day issued; answers what the later steps need. */
const registered = async (call: Call, matter: DemoMatter) => {
  const { id } = await call(
    'tasks.registerMatter',
    {
      title: matter.title,
      section: demoMatterSection,
      source: {
        kind: matter.kind,
        documentNumber: matter.documentNumber,
        issuer: matter.issuer,
        issuedOn: matter.issuedOn,
        originalText: matter.originalText,
        channel: matter.channel ?? null,
      },
      assumed: ['source'],
      idempotencyKey: `demo-matter-${matter.key}`,
    },
    office,
  );
  const taskId = id as string;
  await call(
    'tasks.assignTask',
    {
      taskId,
      leadUnitId: matter.lead,
      responsibleLeader: matter.leader,
      assumed: ['lead_unit', 'responsible_leader'],
    },
    office,
  );
  const planned = await call(
    'tasks.planMilestone',
    {
      taskId,
      title: `${matter.title}：办理完成`,
      dueDate: addDays(matter.issuedOn, matter.span),
      weight: 1,
      assumed: ['title', 'due_date', 'weight'],
    },
    office,
  );
  return { taskId, milestoneId: planned.milestoneId as string };
};

/** Report, accept: the completion of the round the matter is in. */
const closing = (call: Call, taskId: () => string, head: Actor, summary: string) => ({
  report: () => call('tasks.reportTaskCompletion', { taskId: taskId(), summary }, head),
  accept: () =>
    call('tasks.acceptTaskCompletion', { taskId: taskId(), comment: '同意办结' }, office),
});

/**
 * One matter's course on the schedule, in calendar days from the day issued:
 * signed the next day, progress at a third and two thirds of its span, done at
 * four fifths, answered (where its kind is), reported and accepted before its
 * milestone's due date; a 建议 or 提案 then rated, the one 不满意 done again.
 */
const planMatter = (matter: DemoMatter, call: Call, schedule: Schedule) => {
  const ids = { taskId: '', milestoneId: '' };
  const taskId = () => ids.taskId;
  const head = headOf(matter.lead);
  const on = (days: number, job: () => Promise<unknown>) =>
    schedule.on(addDays(matter.issuedOn, days), job);
  const { span } = matter;
  on(0, async () => Object.assign(ids, await registered(call, matter)));
  on(1, () => call('tasks.signTask', { taskId: taskId() }, head));
  for (const [share, percent] of [
    [1 / 3, 40],
    [2 / 3, 75],
  ] as const) {
    on(Math.round(span * share), () =>
      call('tasks.reportProgress', { ...ids, percent, note: `已完成约${percent}%` }, head),
    );
  }
  const done = Math.round(span * 0.8);
  on(done, () => call('tasks.completeMilestone', { ...ids, note: '已办理完成' }, head));
  if (matter.reply) {
    const text = matter.reply;
    on(done, () => call('tasks.replyToSource', { taskId: taskId(), text }, head));
  }
  const round = closing(call, taskId, head, `${matter.title}：已办结`);
  on(done + 1, round.report);
  on(done + 2, round.accept);
  const rated = (rating: string, comment: string) => () =>
    call('tasks.recordProposerEvaluation', { taskId: taskId(), rating, comment }, office);
  if (matter.redo) {
    const { comment, secondReply } = matter.redo;
    on(done + 7, rated('dissatisfied', comment));
    on(done + 14, () => call('tasks.replyToSource', { taskId: taskId(), text: secondReply }, head));
    const again = closing(call, taskId, head, `${matter.title}：重新办理完成`);
    on(done + 15, again.report);
    on(done + 16, again.accept);
    on(done + 21, rated('satisfied', matter.satisfied ?? '满意'));
  } else if (matter.satisfied) {
    on(done + 7, rated('satisfied', matter.satisfied));
  }
};

/** Plans every demo matter of the year onto the schedule. */
export const planMatters = (call: Call, schedule: Schedule): number => {
  for (const matter of matters) planMatter(matter, call, schedule);
  return matters.length;
};
