import type { z } from 'zod';
import { registerUnitInput } from '../../contracts/catalogue/directory/units.ts';
import {
  reportBlockageInput,
  resolveBlockageInput,
} from '../../contracts/catalogue/tasks/blockages.ts';
import {
  requestDeadlineExtensionInput,
  reviewDeadlineExtensionInput,
} from '../../contracts/catalogue/tasks/extensions.ts';
import {
  completeMilestoneInput,
  planMilestoneInput,
  reportProgressInput,
} from '../../contracts/catalogue/tasks/milestones.ts';
import { pageInput, taskIdInput } from '../../contracts/catalogue/tasks/queries.ts';
import {
  assignTaskInput,
  registerTaskInput,
} from '../../contracts/catalogue/tasks/registration.ts';
import { reportIndicatorValueInput } from '../../contracts/catalogue/tasks/results.ts';
import { DomainError } from '../../contracts/errors.ts';
import { parseInput } from '../../services/shared/validate.ts';

const refusal = (schema: z.ZodType, input: unknown): DomainError => {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
};

const task = { title: 'Build 100 schools', plannedStart: '2021-03-01', dueDate: '2021-12-31' };
const assignment = { taskId: 'task-1', leadUnitId: 'education-bureau' };
const milestone = { taskId: 'task-1', title: 'Sites chosen', dueDate: '2021-06-30' };
const progress = { taskId: 'task-1', milestoneId: 'm1', percent: 40 };
const completion = { taskId: 'task-1', milestoneId: 'm1' };
const blockage = { taskId: 'task-1', description: 'Waiting for land' };
const resolution = { taskId: 'task-1', blockageId: 'b1', resolution: 'Land granted' };

describe('a valid input', () => {
  it('registering a unit parses, its name trimmed', () => {
    expect(parseInput(registerUnitInput, { name: '  Education Bureau ' })).toEqual({
      name: 'Education Bureau',
    });
    expect(
      parseInput(registerUnitInput, { id: 'edu:1', name: 'Edu', idempotencyKey: 'k1' }),
    ).toEqual({ id: 'edu:1', name: 'Edu', idempotencyKey: 'k1' });
  });

  it('registering a task parses, its texts trimmed and absent texts null', () => {
    expect(parseInput(registerTaskInput, { ...task, title: '  Build 100 schools\n' })).toEqual({
      ...task,
      description: null,
      section: null,
      assumed: [],
    });
  });

  it('registering a task reads blank optional texts as null and keeps the others trimmed', () => {
    expect(
      parseInput(registerTaskInput, { ...task, description: '   ', section: ' Education ' }),
    ).toEqual({ ...task, description: null, section: 'Education', assumed: [] });
  });

  it('assigning a task parses with no cooperating units and no leader by default', () => {
    expect(parseInput(assignTaskInput, assignment)).toEqual({
      ...assignment,
      cooperatingUnitIds: [],
      responsibleLeader: null,
      assumed: [],
    });
    expect(parseInput(assignTaskInput, { ...assignment, cooperatingUnitIds: null })).toEqual({
      ...assignment,
      cooperatingUnitIds: [],
      responsibleLeader: null,
      assumed: [],
    });
  });

  it('assigning a task keeps its cooperating units and leader', () => {
    expect(
      parseInput(assignTaskInput, {
        ...assignment,
        cooperatingUnitIds: ['finance', 'land'],
        responsibleLeader: ' Vice Mayor Li ',
      }),
    ).toEqual({
      ...assignment,
      cooperatingUnitIds: ['finance', 'land'],
      responsibleLeader: 'Vice Mayor Li',
      assumed: [],
    });
  });

  it('planning a milestone parses with weight 1 by default', () => {
    expect(parseInput(planMilestoneInput, milestone)).toEqual({
      ...milestone,
      weight: 1,
      ownerUnitId: null,
      assumed: [],
    });
    expect(parseInput(planMilestoneInput, { ...milestone, weight: null })).toEqual({
      ...milestone,
      weight: 1,
      ownerUnitId: null,
      assumed: [],
    });
    expect(parseInput(planMilestoneInput, { ...milestone, weight: 2.5 }).weight).toBe(2.5);
  });

  it.each([0, 100])(
    'reporting progress of %i percent parses with no note and no evidence',
    (percent) => {
      expect(parseInput(reportProgressInput, { ...progress, percent })).toEqual({
        ...progress,
        percent,
        note: null,
        evidence: [],
        proxySource: null,
      });
    },
  );

  it('completing a milestone parses, its note trimmed', () => {
    expect(parseInput(completeMilestoneInput, { ...completion, note: ' done ' })).toEqual({
      ...completion,
      note: 'done',
      proxySource: null,
    });
  });

  it('reporting a blockage parses waiting on no unit by default', () => {
    expect(parseInput(reportBlockageInput, blockage)).toEqual({
      ...blockage,
      waitingOnUnitId: null,
    });
  });

  it.each([
    ['absent', {}],
    ['null', { milestoneId: null }],
  ])(
    'asking an extension with the milestone %s asks for the task’s own due date',
    (_, milestone) => {
      const request = { taskId: 'task-1', requestedDueDate: '2022-01-31', reason: 'rain' };
      expect(parseInput(requestDeadlineExtensionInput, { ...request, ...milestone })).toEqual({
        ...request,
        milestoneId: null,
      });
    },
  );

  it('reviewing an extension parses, its comment trimmed', () => {
    const review = { taskId: 'task-1', requestId: 'r1', forward: false };
    expect(parseInput(reviewDeadlineExtensionInput, { ...review, comment: ' 理由不足 ' })).toEqual({
      ...review,
      comment: '理由不足',
    });
  });

  it('resolving a blockage parses', () => {
    expect(parseInput(resolveBlockageInput, resolution)).toEqual(resolution);
  });

  it('naming a task parses', () => {
    expect(parseInput(taskIdInput, { id: 'task-1' })).toEqual({ id: 'task-1' });
  });

  it('asking for a page parses with 50 items by default', () => {
    expect(parseInput(pageInput, {})).toEqual({ first: 50 });
  });

  it('drops fields the schema does not know', () => {
    expect(parseInput(taskIdInput, { id: 'task-1', extra: true })).toEqual({ id: 'task-1' });
  });

  it('keeps 200 characters of title after trimming', () => {
    const title = 'x'.repeat(200);
    expect(parseInput(registerTaskInput, { ...task, title: ` ${title} ` }).title).toBe(title);
  });

  it('takes ids at the 64 character limit', () => {
    const id = `t${'x'.repeat(63)}`;
    expect(parseInput(taskIdInput, { id })).toEqual({ id });
  });
});

describe('an input breaking a rule', () => {
  it.each<[string, z.ZodType, Record<string, unknown>, string]>([
    ['an empty title', registerTaskInput, { ...task, title: '' }, 'title'],
    ['a blank title', registerTaskInput, { ...task, title: '   ' }, 'title'],
    ['a 201 character title', registerTaskInput, { ...task, title: 'x'.repeat(201) }, 'title'],
    ['a missing title', registerTaskInput, { ...task, title: undefined }, 'title'],
    ['a unit name of 101 characters', registerUnitInput, { name: 'x'.repeat(101) }, 'name'],
    ['a unit id with a space', registerUnitInput, { id: 'edu 1', name: 'Edu' }, 'id'],
    ['percent 140', reportProgressInput, { ...progress, percent: 140 }, 'percent'],
    ['percent -1', reportProgressInput, { ...progress, percent: -1 }, 'percent'],
    ['percent 1.5', reportProgressInput, { ...progress, percent: 1.5 }, 'percent'],
    ['percent as text', reportProgressInput, { ...progress, percent: '40' }, 'percent'],
    ['due date yesterday', registerTaskInput, { ...task, dueDate: 'yesterday' }, 'dueDate'],
    ['due date 2021-02-30', registerTaskInput, { ...task, dueDate: '2021-02-30' }, 'dueDate'],
    [
      'planned start 1999-12-31',
      registerTaskInput,
      { ...task, plannedStart: '1999-12-31' },
      'plannedStart',
    ],
    [
      'a milestone due 2021-02-30',
      planMilestoneInput,
      { ...milestone, dueDate: '2021-02-30' },
      'dueDate',
    ],
    ['a task id with a space', assignTaskInput, { ...assignment, taskId: 'task 1' }, 'taskId'],
    [
      'a task id of 65 characters',
      assignTaskInput,
      { ...assignment, taskId: 't'.repeat(65) },
      'taskId',
    ],
    [
      'a task id starting with a dash',
      reportProgressInput,
      { ...progress, taskId: '-t' },
      'taskId',
    ],
    [
      'a milestone id with a slash',
      completeMilestoneInput,
      { ...completion, milestoneId: 'm/1' },
      'milestoneId',
    ],
    [
      'a review without forward',
      reviewDeadlineExtensionInput,
      { taskId: 'task-1', requestId: 'r1', comment: 'ok' },
      'forward',
    ],
    [
      'a review without a comment',
      reviewDeadlineExtensionInput,
      { taskId: 'task-1', requestId: 'r1', forward: true },
      'comment',
    ],
    ['weight 0', planMilestoneInput, { ...milestone, weight: 0 }, 'weight'],
    ['weight 101', planMilestoneInput, { ...milestone, weight: 101 }, 'weight'],
    [
      'a progress note of 2001 characters',
      reportProgressInput,
      { ...progress, note: 'x'.repeat(2001) },
      'note',
    ],
    [
      'a completion note of 2001 characters',
      completeMilestoneInput,
      { ...completion, note: 'x'.repeat(2001) },
      'note',
    ],
    [
      'an idempotency key of 129 characters',
      registerTaskInput,
      { ...task, idempotencyKey: 'k'.repeat(129) },
      'idempotencyKey',
    ],
    [
      'an empty idempotency key',
      resolveBlockageInput,
      { ...resolution, idempotencyKey: '' },
      'idempotencyKey',
    ],
    [
      '21 cooperating units',
      assignTaskInput,
      { ...assignment, cooperatingUnitIds: Array.from({ length: 21 }, (_, i) => `unit-${i}`) },
      'cooperatingUnitIds',
    ],
    [
      'a cooperating unit id with a space',
      assignTaskInput,
      { ...assignment, cooperatingUnitIds: ['ok', 'not ok'] },
      'cooperatingUnitIds[1]',
    ],
    [
      'an empty blockage description',
      reportBlockageInput,
      { ...blockage, description: ' ' },
      'description',
    ],
    [
      'a waiting-on unit id with a space',
      reportBlockageInput,
      { ...blockage, waitingOnUnitId: 'a b' },
      'waitingOnUnitId',
    ],
    ['an empty resolution', resolveBlockageInput, { ...resolution, resolution: '' }, 'resolution'],
    ['a page of 201 items', pageInput, { first: 201 }, 'first'],
    ['a page of 0 items', pageInput, { first: 0 }, 'first'],
    ['an unknown status', pageInput, { status: 'archived' }, 'status'],
  ])('as %s is refused naming the field', (_name, schema, input, field) => {
    const error = refusal(schema, input);
    expect(error.code).toBe('VALIDATION');
    expect(error.details.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    expect(error.details.rule).toBeTruthy();
  });

  it('names the rule it broke', () => {
    expect(refusal(registerTaskInput, { ...task, title: 'x'.repeat(201) }).message).toBe(
      'title: must be at most 200 characters',
    );
    expect(refusal(reportProgressInput, { ...progress, percent: 1.5 }).details.rule).toBe(
      'must be an integer between 0 and 100',
    );
    expect(refusal(planMilestoneInput, { ...milestone, weight: 0 }).details.rule).toBe(
      'must be greater than 0',
    );
  });

  it('that is not an object at all is refused naming the input', () => {
    expect(refusal(taskIdInput, 'task-1').details.field).toBe('input');
  });
});

describe('a text that cannot be read as it is', () => {
  const titled = (title: string) => ({ ...task, title });
  it.each([
    ['only a zero-width space', '\u200B', 'must contain a visible character'],
    [
      'only zero-width joiners and a filler',
      '\u200D\u3164\u200D',
      'must contain a visible character',
    ],
    [
      'a NUL',
      'Build\u0000schools',
      'must not contain control characters (only tab and line breaks)',
    ],
    [
      'an escape sequence',
      'Build \u001B[31mschools',
      'must not contain control characters (only tab and line breaks)',
    ],
    [
      'a lone surrogate',
      'Build \uD800 schools',
      'must be well-formed Unicode (no lone surrogates)',
    ],
    [
      'a right-to-left override',
      'invoice\u202Etxt.exe',
      'must not contain bidirectional override or isolate characters',
    ],
    ['an isolate', 'a\u2067b', 'must not contain bidirectional override or isolate characters'],
  ])('is refused when it holds %s, naming the field and the rule', (_, title, rule) => {
    const error = refusal(registerTaskInput, titled(title));
    expect(error.details).toMatchObject({ field: 'title', rule });
  });

  it('keeps line breaks, tabs, emoji and Chinese', () => {
    const title = '新建学校\t第一批\n🏫 3 所';
    expect(parseInput(registerTaskInput, titled(title))).toMatchObject({ title });
  });

  it('is refused in an optional text too, which may still be left blank', () => {
    const report = { ...progress, note: '\u200B\u200B' };
    expect(refusal(reportProgressInput, report).details).toMatchObject({
      field: 'note',
      rule: 'must contain a visible character',
    });
    expect(parseInput(reportProgressInput, { ...progress, note: '  ' })).toMatchObject({
      note: null,
    });
  });
});

describe('an indicator value', () => {
  it.each([1e307, -1e13])('of %d is refused: no figure derived from it may overflow', (value) => {
    const report = { taskId: 't1', indicatorId: 'i1', value, asOf: '2021-06-30' };
    expect(refusal(reportIndicatorValueInput, report).details).toEqual({
      field: 'value',
      rule: 'must be a number between -1000000000000 and 1000000000000',
    });
  });
});
