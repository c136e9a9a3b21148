import { recordedAt } from './support/project.ts';
import {
  taskAssigned,
  taskRegistered,
  taskReturned,
  taskSigned,
  taskTransferred,
} from './support/task-fixtures.ts';
import { taskPage as page } from './support/task-page.ts';

const assigned = [taskRegistered, taskAssigned];

describe('signatures (签收) on the task page', () => {
  it('show which unit signed, when and who signed', () => {
    const doc = page([...assigned, taskSigned()], { 2: 'head-of-education-bureau' });
    expect(doc.signatures).toEqual([
      {
        unitId: 'education-bureau',
        signedAt: recordedAt(2),
        signedBy: 'head-of-education-bureau',
        current: true,
      },
    ]);
  });

  it('make the task signed once the lead unit signed, not a cooperating unit', () => {
    expect(page([...assigned, taskSigned('finance-bureau')]).status).toBe('assigned');
    expect(page([...assigned, taskSigned()]).status).toBe('signed');
  });

  it('no longer hold after a new assignment, yet stay on record', () => {
    const doc = page([...assigned, taskSigned(), taskSigned('finance-bureau'), taskAssigned]);
    expect(doc.status).toBe('assigned');
    expect(doc.signatures.map((s) => [s.unitId, s.current])).toEqual([
      ['education-bureau', false],
      ['finance-bureau', false],
    ]);
  });
});

describe('a task transferred to another unit', () => {
  const transferred = [
    ...assigned,
    taskSigned(),
    taskSigned('finance-bureau'),
    taskTransferred('land-bureau'),
  ];

  it('is led by the new unit, which has not signed yet', () => {
    const doc = page(transferred);
    expect(doc).toMatchObject({ leadUnitId: 'land-bureau', status: 'assigned' });
  });

  it('keeps the cooperating unit signed and drops the old lead unit’s signature', () => {
    expect(page(transferred).signatures.map((s) => [s.unitId, s.current])).toEqual([
      ['education-bureau', false],
      ['finance-bureau', true],
    ]);
  });

  it('records the handover with its reason and who made it', () => {
    const doc = page(transferred, { 4: 'office-2' });
    expect(doc.handovers).toEqual([
      {
        kind: 'assigned',
        fromUnitId: null,
        toUnitId: 'education-bureau',
        reason: null,
        at: recordedAt(1),
        by: 'office-1',
      },
      {
        kind: 'transferred',
        fromUnitId: 'education-bureau',
        toUnitId: 'land-bureau',
        reason: 'Land is the land bureau’s work',
        at: recordedAt(4),
        by: 'office-2',
      },
    ]);
  });

  it('is signed again once the new lead unit signs', () => {
    expect(page([...transferred, taskSigned('land-bureau')]).status).toBe('signed');
  });
});

describe('a task returned by its lead unit', () => {
  const returned = [...assigned, taskReturned()];

  it('has no lead unit and shows as registered, waiting for a new assignment', () => {
    expect(page(returned)).toMatchObject({ leadUnitId: null, status: 'registered' });
  });

  it('records who returned it and why', () => {
    const doc = page(returned, { 2: 'head-of-education-bureau' });
    expect(doc.handovers.at(-1)).toEqual({
      kind: 'returned',
      fromUnitId: 'education-bureau',
      toUnitId: null,
      reason: 'Not ours: school land is planned elsewhere',
      at: recordedAt(2),
      by: 'head-of-education-bureau',
    });
  });

  it('is led again by the unit it is transferred to afterwards', () => {
    const doc = page([...returned, taskTransferred('land-bureau', null)]);
    expect(doc).toMatchObject({ leadUnitId: 'land-bureau', status: 'assigned' });
    expect(doc.handovers.map((h) => h.kind)).toEqual(['assigned', 'returned', 'transferred']);
  });

  it('shows the assignment made after it as a handover from no unit', () => {
    const doc = page([...returned, taskAssigned]);
    expect(doc.handovers.at(-1)).toMatchObject({
      kind: 'assigned',
      fromUnitId: null,
      toUnitId: 'education-bureau',
    });
  });
});
