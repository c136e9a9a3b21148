import { readdirSync, readFileSync } from 'node:fs';

/** The names of this process's threads (Linux): a worker thread is named as it was started. */
export const threadNames = (): string[] =>
  readdirSync('/proc/self/task').flatMap((task) => {
    try {
      return [readFileSync(`/proc/self/task/${task}/comm`, 'utf8').trim()];
    } catch {
      // The thread ended while it was listed.
      return [];
    }
  });
