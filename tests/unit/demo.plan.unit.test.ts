import { readFileSync } from 'node:fs';
import { PlanError, parsePlan } from '../../demo/load-plan.ts';

const file = 'plans/2021-gaoxin.json';
const original = () => JSON.parse(readFileSync(file, 'utf8'));
const problemsOf = (plan: unknown): string[] => {
  try {
    parsePlan('plan.json', JSON.stringify(plan));
  } catch (error) {
    if (error instanceof PlanError) return error.problems;
    throw error;
  }
  throw new Error('expected the plan to be refused');
};

describe('the 2021 plan file', () => {
  it('holds: every reference resolves and every date fits its task', () => {
    const plan = parsePlan(file, readFileSync(file, 'utf8'));
    expect(plan.sections).toHaveLength(6);
    expect(plan.sections.flatMap((section) => section.tasks)).toHaveLength(25);
  });

  it('carries every quantitative target of the work report as an indicator', () => {
    const plan = parsePlan(file, readFileSync(file, 'utf8'));
    const targets = plan.sections
      .flatMap((section) => section.tasks)
      .flatMap((task) => task.indicators)
      .map((indicator) => `${indicator.name}:${indicator.target}`);
    for (const expected of [
      '新建中小学:3',
      '投用中小学:7',
      '省控及以上地表水考核断面水质优良率:89',
      '受污染耕地安全利用率:100',
      '污染地块安全利用率:100',
      '新增绿化面积:900000',
      '新建综合性公园:2',
      '新建微公园、游园:16',
      '垃圾分类覆盖率:97',
      '平台融合完成:1',
      '石佛社区卫生服务中心改制完成:1',
      '社区多功能运动场:2',
      '社区健身活动中心:2',
      '健身路径:10',
      '城市书房:3',
      '公共卫生服务中心建筑面积:22000',
      '高新区医院建筑面积:12000',
      '养老综合体建筑面积:15000',
    ]) {
      expect(targets).toContain(expected);
    }
  });
});

describe('a plan with a mistake', () => {
  it('names a wrong date by its path', () => {
    const plan = original();
    plan.sections[3].tasks[0].milestones[1].dueDate = '2021-02-30';
    expect(problemsOf(plan)).toEqual([
      'sections[3].tasks[0].milestones[1].dueDate: must be an ISO date YYYY-MM-DD',
    ]);
  });

  it('names a missing unit by its path', () => {
    const plan = original();
    plan.sections[0].tasks[1].cooperating = ['nobody'];
    expect(problemsOf(plan)).toEqual([
      'sections[0].tasks[1].cooperating[0]: unit nobody is not in units',
    ]);
  });

  it('names a milestone due outside its task', () => {
    const plan = original();
    plan.sections[0].tasks[0].milestones[0].dueDate = '2022-01-15';
    expect(problemsOf(plan)).toEqual([
      "sections[0].tasks[0].milestones[0].dueDate: must lie within the task's plannedStart and dueDate",
    ]);
  });

  it('names a missing field', () => {
    const plan = original();
    delete plan.sections[1].tasks[0].title;
    expect(problemsOf(plan)).toEqual([
      'sections[1].tasks[0].title: Invalid input: expected string, received undefined',
    ]);
  });

  it('names an unknown leader', () => {
    const plan = original();
    plan.sections[2].tasks[0].leader = 'ghost';
    expect(problemsOf(plan)).toEqual([
      'sections[2].tasks[0].leader: official ghost is not in officials',
    ]);
  });

  it('says when the file is not JSON', () => {
    expect(() => parsePlan('plan.json', '{ nope')).toThrow(/plan\.json:\n {2}not valid JSON/);
  });
});
