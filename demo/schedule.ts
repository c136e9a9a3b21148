/** Work planned for days of the simulated year, run in the order it was planned. */
export type Job = () => Promise<unknown>;

export const createSchedule = () => {
  const jobs = new Map<string, Job[]>();
  return {
    on(day: string, job: Job): void {
      jobs.set(day, [...(jobs.get(day) ?? []), job]);
    },
    jobsOn(day: string): Job[] {
      return jobs.get(day) ?? [];
    },
  };
};

export type Schedule = ReturnType<typeof createSchedule>;
