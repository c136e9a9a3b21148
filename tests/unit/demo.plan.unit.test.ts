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
    expect(plan.sections.flatMap((section) => section.tasks)).toHaveLength(26);
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
      '公共卫生服务中心建筑面积:22000',
      '高新区医院建筑面积:12000',
      '养老综合体建筑面积:15000',
    ]) {
      expect(targets).toContain(expected);
    }
  });
});

describe('the 2021 plan, held against the work report line by line', () => {
  const report = readFileSync('plans/2021-gaoxin.report.txt', 'utf8');
  const plan = parsePlan(file, readFileSync(file, 'utf8'));
  const tasks = plan.sections.flatMap((section) => section.tasks);
  const taskOf = (key: string) => tasks.find((task) => task.key === key)!;
  /** Text compared without its punctuation and spaces: the report writes , and ， alike. */
  const bare = (text: string) => text.replace(/[\s,，;；:：、。.“”"（）()]/g, '');
  const inReport = (phrase: string) => bare(report).includes(bare(phrase));
  /** A title in the report's words: each of its clauses is a phrase of the report. */
  const inReportsWords = (title: string) =>
    title
      .split(/[：，；]/)
      .filter(Boolean)
      .every((clause) => inReport(clause));

  it('carries the commitment 狠抓机关自身建设, its 钉钉子精神 and the five 盯', () => {
    const section = plan.sections.find((each) => each.title.startsWith('聚焦党建引领'))!;
    const task = section.tasks.find((each) => each.title === '狠抓机关自身建设')!;
    expect(task.description).toContain('钉钉子精神');
    const titles = task.milestones.map((milestone) => milestone.title).join('；');
    for (const watch of ['盯责任', '盯环节', '盯堵点', '盯进度', '盯实效'])
      expect(titles).toContain(watch);
    expect(titles).toContain('依法治区、依法行政');
    expect(titles).toContain('廉洁从政、廉洁用权');
  });

  it('asks for the 运营管理 of the 3 existing 城市书房, not for building them', () => {
    const task = taskOf('sports-culture');
    expect(task.indicators.map((indicator) => indicator.name)).not.toContain('城市书房');
    expect(task.milestones.map((milestone) => milestone.title)).toContain(
      '做好高新区文化馆、图书馆、非遗馆及3个城市书房的运营管理',
    );
  });

  it('gives each target of 约 (about) a tolerance, itself marked assumed', () => {
    const about = [...report.matchAll(/约(\d+(?:\.\d+)?)万平方米/g)].map(
      (match) => Number(match[1]) * 10_000,
    );
    expect(about).toEqual([22_000, 12_000, 15_000]);
    const indicators = tasks.flatMap((task) => task.indicators);
    for (const target of about) {
      const indicator = indicators.find((each) => each.target === target)!;
      expect(indicator.tolerance).toBeGreaterThan(0);
      expect(indicator.assumed).toContain('tolerance');
    }
  });

  it('sets no completion where the report only says 推进: the hospitals are pushed on, not finished', () => {
    const titles = taskOf('hospitals').milestones.map((milestone) => milestone.title);
    for (const title of titles) expect(title).toMatch(/^推进/);
    expect(titles.join()).not.toMatch(/完工|建成|封顶/);
  });

  it('marks the baselines the report does not give', () => {
    for (const [task, indicator] of [
      ['pollution-control', 'water-quality'],
      ['pollution-control', 'farmland'],
      ['pollution-control', 'plots'],
      ['garbage-sorting', 'coverage'],
    ] as const) {
      expect(taskOf(task).indicators.find((each) => each.key === indicator)?.assumed).toContain(
        'baseline',
      );
    }
  });

  it('marks who answers for every task and when it starts: the report names no unit', () => {
    for (const task of tasks)
      expect(task.assumed).toEqual(
        expect.arrayContaining(['plannedStart', 'lead', 'cooperating', 'leader']),
      );
    expect(plan.assumed).toEqual(['units', 'officials']);
  });

  it('takes every milestone title not marked assumed from the report’s words', () => {
    const stated = tasks
      .flatMap((task) => task.milestones)
      .filter((milestone) => !milestone.assumed.includes('title'));
    expect(stated.length).toBeGreaterThan(10);
    for (const milestone of stated)
      expect({ title: milestone.title, inReport: inReportsWords(milestone.title) }).toEqual({
        title: milestone.title,
        inReport: true,
      });
  });

  it('dates a milestone, task or indicator otherwise than the year’s end only as an assumption or as the report does', () => {
    const stated = ['2021-08-31']; // 8月底前: the platforms' fusion
    const dated = [
      ...tasks.map((task) => ({ what: task.key, ...task })),
      ...tasks.flatMap((task) =>
        task.milestones.map((m) => ({ what: `${task.key}/${m.key}`, ...m })),
      ),
      ...tasks.flatMap((task) =>
        task.indicators.map((i) => ({ what: `${task.key}/${i.key}`, ...i })),
      ),
    ];
    for (const entry of dated) {
      if (entry.dueDate === '2021-12-31' || stated.includes(entry.dueDate)) continue;
      expect({ what: entry.what, assumed: entry.assumed }).toEqual({
        what: entry.what,
        assumed: expect.arrayContaining(['dueDate']),
      });
    }
  });

  it('takes every target whose unit the report gives from the report, in the report’s figures', () => {
    for (const indicator of tasks.flatMap((task) => task.indicators)) {
      if (indicator.assumed.includes('unitOfMeasure') || indicator.assumed.includes('target'))
        continue;
      const figure =
        indicator.target >= 10_000 ? `${indicator.target / 10_000}万` : `${indicator.target}`;
      expect({
        indicator: indicator.name,
        inReport: inReport(figure + indicator.unitOfMeasure),
      }).toEqual({
        indicator: indicator.name,
        inReport: true,
      });
    }
  });

  it('counts whole things in whole numbers', () => {
    for (const indicator of tasks.flatMap((task) => task.indicators))
      expect({ unit: indicator.unitOfMeasure, whole: indicator.wholeNumbers }).toEqual({
        unit: indicator.unitOfMeasure,
        whole: ['所', '个', '处', '条', '项', '起'].includes(indicator.unitOfMeasure),
      });
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

  it('names a fraction in a counting indicator', () => {
    const plan = original();
    plan.sections[3].tasks[0].indicators[0].target = 2.5;
    expect(problemsOf(plan)).toEqual([
      'sections[3].tasks[0].indicators[0].target: must be a whole number: the indicator counts 所',
    ]);
  });

  it('names an indicator due outside its task', () => {
    const plan = original();
    plan.sections[3].tasks[1].indicators[0].dueDate = '2021-10-01';
    expect(problemsOf(plan)).toEqual([
      "sections[3].tasks[1].indicators[0].dueDate: must lie within the task's plannedStart and dueDate",
    ]);
  });

  it('names an assumption that is no field of its entry', () => {
    const plan = original();
    plan.sections[0].tasks[0].milestones[0].assumed = ['colour'];
    expect(problemsOf(plan)[0]).toMatch(
      /^sections\[0\]\.tasks\[0\]\.milestones\[0\]\.assumed\[0\]: /,
    );
  });

  it('says when the file is not JSON', () => {
    expect(() => parsePlan('plan.json', '{ nope')).toThrow(/plan\.json:\n {2}not valid JSON/);
  });
});
