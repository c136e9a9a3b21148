import { Errors, type ServiceBroker } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { createDirectoryService } from '../../services/directory/directory.service.ts';
import { createTasksService } from '../../services/tasks/tasks.service.ts';
import { createViewsService } from '../../services/views/views.service.ts';
import { assertingBroker, serviceDeps } from '../support/asserting-broker.ts';
import { refusal } from '../support/broker-calls.ts';
import { departmentHead, office, tempDir } from '../support/int-fixtures.ts';

const temp = tempDir('broker-authorisation');

let broker: ServiceBroker;
let eventStore: EventStore;
let readModels: ReadModelStore;

beforeAll(async () => {
  eventStore = openSqliteEventStore({ path: temp.file('events.db') });
  readModels = openEmbeddedReadModelStore({ path: temp.file('read-models.db') });
  const deps = serviceDeps(eventStore, readModels);
  broker = assertingBroker();
  broker.createService(createTasksService(deps));
  broker.createService(createDirectoryService(deps));
  broker.createService(createViewsService(deps));
  await broker.start();
});

afterAll(async () => {
  await broker.stop();
  await eventStore.close();
  await readModels.close();
  temp.remove();
});

const validTask = {
  title: 'Build 3 new schools',
  section: 'Education',
  plannedStart: '2021-01-01',
  dueDate: '2021-12-31',
};

const as = (actor: unknown) => ({ meta: { actor } });

/** Runs `call`, expects it refused with `type`, and that it appended nothing. */
const expectRefusedWithoutEffect = async (call: () => Promise<unknown>, type: string) => {
  const before = await eventStore.lastPosition();
  const error = await refusal(call());
  expect(error.type).toBe(type);
  expect(await eventStore.lastPosition()).toBe(before);
  return error;
};

describe('a call that bypasses the gateway without an actor', () => {
  it('may not register a task', async () => {
    const error = await expectRefusedWithoutEffect(
      () => broker.call('tasks.registerTask', validTask),
      'FORBIDDEN',
    );
    expect(error).toBeInstanceOf(Errors.MoleculerClientError);
    expect(error.code).toBe(403);
  });

  it('may not register a unit', async () => {
    await expectRefusedWithoutEffect(
      () => broker.call('directory.registerUnit', { id: 'edu', name: 'Education Bureau' }),
      'FORBIDDEN',
    );
  });

  it('may not query the task list', async () => {
    await expectRefusedWithoutEffect(() => broker.call('views.tasks', {}), 'FORBIDDEN');
  });

  it('may not ask the directory which units exist', async () => {
    await expectRefusedWithoutEffect(
      () => broker.call('directory.knownUnits', { ids: ['edu'] }),
      'FORBIDDEN',
    );
  });
});

describe('an actor on the request', () => {
  it('who is a leader may not register a task', async () => {
    await expectRefusedWithoutEffect(
      () => broker.call('tasks.registerTask', validTask, as({ id: 'l1', role: 'leader' })),
      'FORBIDDEN',
    );
  });

  it('who is the office registers a task', async () => {
    const before = await eventStore.lastPosition();

    const result = await broker.call<{ id: string; position: number }, typeof validTask>(
      'tasks.registerTask',
      validTask,
      as(office),
    );

    expect(result.position).toBe(before + 1);
    const [registered] = await eventStore.readStream(`task-${result.id}`);
    expect(registered?.metadata.actor).toEqual(office);
  });

  it('who is a leader may still read the task list', async () => {
    const page = await broker.call<{ totalCount: number }, object>(
      'views.tasks',
      {},
      as({ id: 'l1', role: 'leader' }),
    );

    expect(page.totalCount).toEqual(expect.any(Number));
  });

  it.each([
    ['a bare role name', 'office'],
    ['an actor without an id', { role: 'office' }],
    ['an actor without a role', { id: 'office-1' }],
    ['an actor of a role nobody has', { id: 'x', role: 'administrator' }],
    ['a role named after an Object property', { id: 'm', role: 'toString' }],
    ['a role named __proto__', { id: 'm', role: '__proto__' }],
    ['the system, for a command', { id: 'clock', role: 'system' }],
  ])('that is %s is refused', async (_what, actor) => {
    await expectRefusedWithoutEffect(
      () => broker.call('tasks.registerTask', validTask, as(actor)),
      'FORBIDDEN',
    );
  });
});

describe('a department head', () => {
  let taskId: string;
  let milestoneId: string;

  beforeAll(async () => {
    await broker.call('directory.registerUnit', { id: 'unit-a', name: 'Unit A' }, as(office));
    await broker.call('directory.registerUnit', { id: 'unit-b', name: 'Unit B' }, as(office));
    ({ id: taskId } = await broker.call<{ id: string }, typeof validTask>(
      'tasks.registerTask',
      validTask,
      as(office),
    ));
    await broker.call(
      'tasks.assignTask',
      { taskId, leadUnitId: 'unit-b', cooperatingUnitIds: [] },
      as(office),
    );
    ({ milestoneId } = await broker.call<{ milestoneId: string }, object>(
      'tasks.planMilestone',
      { taskId, title: 'Land approved', dueDate: '2021-06-30' },
      as(office),
    ));
  });

  it('of another unit may not report progress on the task', async () => {
    await expectRefusedWithoutEffect(
      () =>
        broker.call(
          'tasks.reportProgress',
          { taskId, milestoneId, percent: 40, note: null },
          as(departmentHead('unit-a')),
        ),
      'FORBIDDEN',
    );
  });

  it('of another unit may not report a blockage on the task', async () => {
    await expectRefusedWithoutEffect(
      () =>
        broker.call(
          'tasks.reportBlockage',
          { taskId, description: 'Waiting for land approval' },
          as(departmentHead('unit-a')),
        ),
      'FORBIDDEN',
    );
  });

  it('without a unit may not report progress on any task', async () => {
    const headless: Actor = { id: 'head-x', role: 'department_head' };
    await expectRefusedWithoutEffect(
      () =>
        broker.call(
          'tasks.reportProgress',
          { taskId, milestoneId, percent: 40, note: null },
          as(headless),
        ),
      'FORBIDDEN',
    );
  });

  it('of the lead unit reports progress on it', async () => {
    const before = await eventStore.lastPosition();

    const result = await broker.call<{ position: number }, object>(
      'tasks.reportProgress',
      { taskId, milestoneId, percent: 40, note: null },
      as(departmentHead('unit-b')),
    );

    expect(result.position).toBe(before + 1);
  });

  it('may not register a task at all', async () => {
    await expectRefusedWithoutEffect(
      () => broker.call('tasks.registerTask', validTask, as(departmentHead('unit-b'))),
      'FORBIDDEN',
    );
  });
});

describe('a refusal crossing the broker', () => {
  it('for invalid input is a client error naming the field', async () => {
    const error = await expectRefusedWithoutEffect(
      () => broker.call('tasks.registerTask', { ...validTask, title: '   ' }, as(office)),
      'VALIDATION',
    );

    expect(error).toBeInstanceOf(Errors.MoleculerClientError);
    expect(error.code).toBe(400);
    expect(error.data).toMatchObject({ field: 'title' });
  });

  it('for a rule the decider checks names the field too', async () => {
    const error = await expectRefusedWithoutEffect(
      () =>
        broker.call(
          'tasks.registerTask',
          { ...validTask, plannedStart: '2021-12-31', dueDate: '2021-01-01' },
          as(office),
        ),
      'VALIDATION',
    );

    expect(error).toBeInstanceOf(Errors.MoleculerClientError);
    expect(error.code).toBe(400);
    expect(error.data).toMatchObject({ field: 'dueDate' });
  });

  it('for a task that does not exist is NOT_FOUND with code 404', async () => {
    const error = await expectRefusedWithoutEffect(
      () =>
        broker.call(
          'tasks.reportProgress',
          { taskId: 'no-such-task', milestoneId: 'm1', percent: 10 },
          as(office),
        ),
      'NOT_FOUND',
    );

    expect(error).toBeInstanceOf(Errors.MoleculerClientError);
    expect(error.code).toBe(404);
    expect(error.data).toMatchObject({ field: 'taskId' });
  });
});
