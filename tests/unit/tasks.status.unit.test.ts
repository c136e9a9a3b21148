import fc from 'fast-check';
import { taskProgress, taskStatus } from '../../domain/progress.ts';

describe('task progress', () => {
  it('is 0 with no milestones', () => {
    expect(taskProgress([])).toBe(0);
  });

  it('is the weight-averaged percent of its milestones', () => {
    const milestones = [
      { weight: 1, percent: 100 },
      { weight: 3, percent: 20 },
    ];
    expect(taskProgress(milestones)).toBe(40);
  });

  it('is rounded to one decimal', () => {
    const milestones = [
      { weight: 1, percent: 0 },
      { weight: 1, percent: 0 },
      { weight: 1, percent: 100 },
    ];
    expect(taskProgress(milestones)).toBe(33.3);
  });

  it('stays between 0 and 100 whatever the weights', () => {
    const milestone = fc.record({
      weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
      percent: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(milestone), (milestones) => {
        const progress = taskProgress(milestones);
        return progress >= 0 && progress <= 100;
      }),
    );
  });
});

describe('task status', () => {
  const facts = { assigned: false, started: false, milestoneCount: 0, completedMilestones: 0 };

  it('is registered before assignment', () => {
    expect(taskStatus(facts)).toBe('registered');
  });

  it('is assigned once assigned', () => {
    expect(taskStatus({ ...facts, assigned: true })).toBe('assigned');
  });

  it('is in progress once started', () => {
    expect(taskStatus({ ...facts, assigned: true, started: true, milestoneCount: 2 })).toBe(
      'in_progress',
    );
  });

  it('is completed when every milestone is', () => {
    const done = { assigned: true, started: true, milestoneCount: 2, completedMilestones: 2 };
    expect(taskStatus(done)).toBe('completed');
  });

  it('is not completed while a milestone is open', () => {
    const open = { assigned: true, started: true, milestoneCount: 3, completedMilestones: 2 };
    expect(taskStatus(open)).toBe('in_progress');
  });
});
