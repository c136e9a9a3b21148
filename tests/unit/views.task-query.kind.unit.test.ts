import { sortFieldOf, taskListQuery, tasksQueryInput } from '../../services/views/task-query.ts';

const queryOf = (params: Record<string, unknown>) => {
  const input = tasksQueryInput.parse(params);
  return { field: sortFieldOf(input), query: taskListQuery(input, null) };
};

describe('the task list asked for one kind (事项来源)', () => {
  it('reads one kind of matter by due date as one range of its kind-and-due-date index', () => {
    expect(queryOf({ kind: 'cppcc_proposal' })).toEqual({
      field: 'kindDueDate',
      query: {
        filter: { kindDueDate: { $gte: 'cppcc_proposal|', $lt: 'cppcc_proposal}' } },
        sort: [{ field: 'kindDueDate', direction: 'asc' }],
        limit: 50,
      },
    });
  });

  it('keeps another order asked, filtered on the same range', () => {
    const { field, query } = queryOf({ kind: 'public_clue', sortBy: 'progress' });
    expect(field).toBe('progress');
    expect(query.filter).toEqual({ kindDueDate: { $gte: 'public_clue|', $lt: 'public_clue}' } });
  });

  it('reads the plan’s tasks, and rows projected before kinds, by due date', () => {
    expect(queryOf({ kind: 'annual_plan' })).toMatchObject({
      field: 'dueDate',
      query: { filter: { kind: { $in: ['annual_plan', null] } } },
    });
  });

  it('refuses a kind that is not one', () => {
    expect(() => tasksQueryInput.parse({ kind: 'rumour' })).toThrow();
  });
});

describe('the task list asked without its total', () => {
  it('is not counted', () => {
    expect(queryOf({ withTotal: false }).query).toMatchObject({ count: false });
    expect(queryOf({}).query).not.toHaveProperty('count');
  });
});
