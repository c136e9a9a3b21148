import type { Evidence } from '../../contracts/events/task-events.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import { completedTask, evidenceFile, leadHead, taskId } from './support/task-fixtures.ts';

/** Evidence is checked the same wherever it is carried; a completion report carries it here. */
const reportWith = (evidence: Evidence[]): TaskCommand => ({
  type: 'ReportTaskCompletion',
  data: { taskId, summary: 'done', evidence },
});

const decided = (evidence: Evidence[]) => {
  const state = completedTask.reduce(taskDecider.evolve, taskDecider.initialState());
  const [event] = taskDecider.decide(reportWith(evidence), state, leadHead);
  return event?.type === 'TaskCompletionReported' ? event.data.evidence : null;
};

describe('evidence (佐证材料)', () => {
  it('is recorded with the file name trimmed', () => {
    expect(decided([{ ...evidenceFile, fileName: ' site-photos.zip ' }])).toEqual([evidenceFile]);
  });

  it('may be an empty file', () => {
    expect(decided([{ ...evidenceFile, size: 0 }])).toEqual([{ ...evidenceFile, size: 0 }]);
  });

  it('may be absent', () => {
    expect(decided([])).toEqual([]);
  });

  it('takes up to 20 files', () => {
    expect(decided(Array.from({ length: 20 }, () => evidenceFile))).toHaveLength(20);
  });

  it('refuses 21 files', () => {
    given(taskDecider, completedTask)
      .when(reportWith(Array.from({ length: 21 }, () => evidenceFile)), leadHead)
      .thenThrows('VALIDATION', 'evidence');
  });

  it.each([
    ['a blank file name', { fileName: '  ' }, 'fileName'],
    ['a file name over 255 characters', { fileName: 'x'.repeat(256) }, 'fileName'],
    ['an upper-case hash', { sha256: 'AB'.repeat(32) }, 'sha256'],
    ['a hash of 63 digits', { sha256: 'a'.repeat(63) }, 'sha256'],
    ['a hash with a non-hex digit', { sha256: `${'a'.repeat(63)}g` }, 'sha256'],
    ['a negative size', { size: -1 }, 'size'],
    ['a fractional size', { size: 1.5 }, 'size'],
    ['a size that is no number', { size: Number.NaN }, 'size'],
  ])('refuses %s, naming the entry and field', (_, change, field) => {
    const evidence = [evidenceFile, { ...evidenceFile, ...change }];
    given(taskDecider, completedTask)
      .when(reportWith(evidence), leadHead)
      .thenThrows('VALIDATION', `evidence[1].${field}`);
  });

  it('is copied, not shared with the command', () => {
    const evidence = [{ ...evidenceFile }];
    const recorded = decided(evidence);
    expect(recorded?.[0]).not.toBe(evidence[0]);
    expect(recorded).not.toBe(evidence);
  });
});
