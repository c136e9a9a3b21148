import { readFileSync } from 'node:fs';
import type { Plan, PlanTask } from './plan-schema.ts';
import { planSchema } from './plan-schema.ts';

/** A plan file that does not hold: every problem, each with its path in the file. */
export class PlanError extends Error {
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(`${file}:\n  ${problems.join('\n  ')}`);
    this.name = 'PlanError';
    this.problems = problems;
  }
}

const pathOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
    '',
  );

/** An indicator's dates fall inside its task; a counting one's figures are whole numbers. */
const indicatorProblems = (task: PlanTask, at: string): string[] =>
  task.indicators.flatMap((indicator, i) => {
    const here = `${at}.indicators[${i}]`;
    const problems: string[] = [];
    if (indicator.dueDate < task.plannedStart || indicator.dueDate > task.dueDate)
      problems.push(`${here}.dueDate: must lie within the task's plannedStart and dueDate`);
    if (indicator.wholeNumbers) {
      for (const field of ['target', 'baseline', 'tolerance'] as const) {
        const value = indicator[field];
        if (value !== null && !Number.isInteger(value))
          problems.push(
            `${here}.${field}: must be a whole number: the indicator counts ${indicator.unitOfMeasure}`,
          );
      }
    }
    if (indicator.assumed.includes('tolerance') && indicator.tolerance === 0)
      problems.push(`${here}.assumed: names tolerance, but the indicator has none`);
    return problems;
  });

/** Rules across entries: references resolve, dates fall inside their task, keys are unique. */
const crossCheck = (plan: Plan): string[] => {
  const problems: string[] = [];
  const units = new Set(plan.units.map((unit) => unit.id));
  const officials = new Set(plan.officials.map((official) => official.id));
  const taskKeys = new Set<string>();
  plan.officials.forEach((official, o) => {
    official.posts.forEach((post, p) => {
      const at = `officials[${o}].posts[${p}]`;
      if (!units.has(post.unitId))
        problems.push(`${at}.unitId: unit ${post.unitId} is not in units`);
      if (post.vacatedOn && post.vacatedOn < post.from)
        problems.push(`${at}.vacatedOn: must not be before from`);
    });
  });
  plan.sections.forEach((section, s) => {
    section.tasks.forEach((task, t) => {
      const at = `sections[${s}].tasks[${t}]`;
      if (taskKeys.has(task.key)) problems.push(`${at}.key: ${task.key} is used twice`);
      taskKeys.add(task.key);
      if (!units.has(task.lead)) problems.push(`${at}.lead: unit ${task.lead} is not in units`);
      task.cooperating.forEach((unit, c) => {
        if (!units.has(unit))
          problems.push(`${at}.cooperating[${c}]: unit ${unit} is not in units`);
        if (unit === task.lead)
          problems.push(`${at}.cooperating[${c}]: the lead unit cannot also cooperate`);
      });
      if (!officials.has(task.leader))
        problems.push(`${at}.leader: official ${task.leader} is not in officials`);
      if (task.dueDate < task.plannedStart)
        problems.push(`${at}.dueDate: must not be before plannedStart`);
      task.milestones.forEach((milestone, m) => {
        if (milestone.dueDate < task.plannedStart || milestone.dueDate > task.dueDate) {
          problems.push(
            `${at}.milestones[${m}].dueDate: must lie within the task's plannedStart and dueDate`,
          );
        }
      });
      problems.push(...indicatorProblems(task, at));
    });
  });
  return problems;
};

/** Parses and checks a plan; throws PlanError naming the file and every problem's path. */
export const parsePlan = (file: string, content: string): Plan => {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (error) {
    throw new PlanError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PlanError(
      file,
      parsed.error.issues.map((issue) => `${pathOf(issue.path) || '(top)'}: ${issue.message}`),
    );
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw new PlanError(file, problems);
  return parsed.data;
};

export const loadPlan = (file: string): Plan => parsePlan(file, readFileSync(file, 'utf8'));
