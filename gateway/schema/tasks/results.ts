import { indicatorDefinitionFields } from '../shared-fields.ts';

/** Indicators (实效): measurable results the task must reach, and their values as reported. */
export const resultTypeDefs = /* GraphQL */ `
  extend type Mutation {
    "实效: a measurable result the task must reach."
    defineIndicator(input: DefineIndicatorInput!): DefineIndicatorPayload!
    "Self-reported when a unit reports, measured when the office does."
    reportIndicatorValue(input: ReportIndicatorValueInput!): RevisionPayload!
  }

  enum IndicatorComparison {
    gte
    lte
    eq
  }

  enum IndicatorSource {
    self_reported
    measured
  }

  type IndicatorValue {
    value: Float!
    "The day the value speaks of."
    asOf: Date!
    source: IndicatorSource!
    evidence: [Evidence!]!
    reportedByUnitId: ID
    reportedAt: DateTime!
    reportedBy: ID!
  }

  "实效: a measurable result and its latest values."
  type Indicator {
    id: ID!
${indicatorDefinitionFields}    definedAt: DateTime!
    valueCount: Int!
    "The value of the latest as-of day, from either source."
    latest: IndicatorValue
    latestSelfReported: IndicatorValue
    latestMeasured: IndicatorValue
  }

  input DefineIndicatorInput {
    taskId: ID!
${indicatorDefinitionFields}    idempotencyKey: String
  }

  input ReportIndicatorValueInput {
    taskId: ID!
    indicatorId: ID!
    value: Float!
    asOf: Date!
    evidence: [EvidenceInput!]
    idempotencyKey: String
  }

  type DefineIndicatorPayload {
    indicatorId: ID!
    revision: Int!
    position: Int!
  }
`;
