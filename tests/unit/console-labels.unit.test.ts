import {
  auditEventTypes,
  calendarEventTypes,
  notificationEventTypes,
  officialEventTypes,
  rulesetEventTypes,
  taskEventTypes,
  unitEventTypes,
} from '../../contracts/events/index.ts';
import { taskStatuses } from '../../domain/progress.ts';
import { en } from '../../web/src/i18n/en.ts';
import { zh } from '../../web/src/i18n/zh.ts';

/** The console names every event type and every task status in both its languages. */
describe("the console's words", () => {
  const eventTypes = [
    ...taskEventTypes,
    ...unitEventTypes,
    ...officialEventTypes,
    ...rulesetEventTypes,
    ...calendarEventTypes,
    ...auditEventTypes,
    ...notificationEventTypes,
  ];

  it.each(eventTypes)('name the event type %s in Chinese and in English', (type) => {
    expect(zh).toHaveProperty(`event_${type}`);
    expect(en).toHaveProperty(`event_${type}`);
    expect((zh as Record<string, string>)[`event_${type}`]).toMatch(/\p{Script=Han}/u);
  });

  it.each(taskStatuses)('name the task status %s in Chinese and in English', (status) => {
    expect(zh).toHaveProperty(`status_${status}`);
    expect(en).toHaveProperty(`status_${status}`);
  });
});
