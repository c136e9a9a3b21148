/** What a run of the clock recorded of the tasks' lights (红黄绿灯). */
export const clockLightTypeDefs = /* GraphQL */ `
  extend type ClockRun {
    "Changes of a task's light (红黄绿灯) recorded (TaskLightChanged)."
    lightsChanged: Int!
  }
`;
