import {
  commandPositionFields,
  idempotencyKeyField,
  indicatorDefinitionFields,
} from '../shared-fields.ts';

/** Indicators (实效): measurable results the task must reach, and their values as reported. */
export const resultTypeDefs = /* GraphQL */ `
  extend type Mutation {
    "实效: a measurable result the task must reach. Roles: OFFICE."
    defineIndicator(
      "The indicator's definition."
      input: DefineIndicatorInput!
    ): DefineIndicatorPayload!
    """
    Reports an indicator's value as of a day: self-reported when a unit reports, measured
    when the office does. Roles: OFFICE; DEPARTMENT_HEAD of the lead unit.
    """
    reportIndicatorValue(
      "The indicator, its value and the day it speaks of."
      input: ReportIndicatorValueInput!
    ): RevisionPayload!
  }

  "How a value is held against an indicator's target."
  enum IndicatorComparison {
    "At least the target (≥), e.g. garbage-sorting coverage ≥ 97 %."
    GTE
    "At most the target (≤), e.g. PM2.5 ≤ 40 μg/m³."
    LTE
    "Equal to the target (=), to within a millionth."
    EQ
  }

  "A term of an indicator that the plan took as an assumption (假定)."
  enum IndicatorAssumption {
    "What is measured."
    NAME
    "The unit the values are in."
    UNIT_OF_MEASURE
    "The value to reach."
    TARGET
    "How a value is held against the target."
    COMPARISON
    "The day by which the target is to be reached."
    DUE_DATE
    "The value at the start."
    BASELINE
    "How close to a target of 约 (about) a value must come."
    TOLERANCE
  }

  "Who a value comes from."
  enum IndicatorSource {
    "Reported by the lead unit itself (自报)."
    SELF_REPORTED
    "Reported by the office, e.g. from the statistics bureau; it counts over a self-reported value."
    MEASURED
  }

  "One value reported for an indicator."
  type IndicatorValue {
    "The value, in the indicator's unitOfMeasure."
    value: Float!
    "The day the value speaks of."
    asOf: Date!
    "Self-reported or measured, by who reported it."
    source: IndicatorSource!
    "Files offered with it."
    evidence: [Evidence!]!
    "The unit whose department head reported it; null when the office did."
    reportedByUnitId: ID
    "When it was reported."
    reportedAt: DateTime!
    "The actor who reported it."
    reportedBy: ID!
  }

  "实效: a measurable result and its latest values."
  type Indicator {
    "The indicator's id, unique within its task."
    id: ID!
${indicatorDefinitionFields}    """
    How far short of the target (past it, for LTE; either side, for EQ) a value may stay and
    still meet it, in \`unitOfMeasure\`: a target the work report gives as 约 (about). 0: exact.
    """
    tolerance: Float!
    "Counts (所, 个, 项): only whole numbers are reported; a fraction is refused (VALIDATION)."
    wholeNumbers: Boolean!
    "Which of its terms are the plan's assumptions (假定: the work report does not state them)."
    assumed: [IndicatorAssumption!]!
    "When it was defined."
    definedAt: DateTime!
    "How many values were reported, from both sources."
    valueCount: Int!
    """
    The value of the latest as-of day, from either source (of two for one day, the one reported
    last); null before any.
    """
    latest: IndicatorValue
    "The latest self-reported value by as-of day; null before any."
    latestSelfReported: IndicatorValue
    "The latest measured value by as-of day; null before any."
    latestMeasured: IndicatorValue
  }

  "An indicator (实效) to define for a task."
  input DefineIndicatorInput {
    "The task the result belongs to."
    taskId: ID!
${indicatorDefinitionFields}    """
    For a target of 约 (about): how far short of it (past it, for LTE; either side, for EQ) a
    value still meets it, in \`unitOfMeasure\`, between 0 and 10¹². Absent: 0, exact.
    """
    tolerance: Float
    """
    True for counts (所, 个, 项): values are then whole numbers, and so are the target, the
    baseline and the tolerance (VALIDATION otherwise). Absent: false.
    """
    wholeNumbers: Boolean
    "Which of its terms the plan assumed (假定: the work report does not state them), each once."
    assumed: [IndicatorAssumption!]
${idempotencyKeyField}  }

  "A value of an indicator."
  input ReportIndicatorValueInput {
    "The task the indicator belongs to."
    taskId: ID!
    "The indicator."
    indicatorId: ID!
    """
    The value, in the indicator's unitOfMeasure, between −10¹² and 10¹²; a whole number
    for an indicator that counts (wholeNumbers).
    """
    value: Float!
    "The day the value speaks of: not after today (China Standard Time)."
    asOf: Date!
    "Files named by SHA-256 and size, at most 20; the files stay with the unit."
    evidence: [EvidenceInput!]
${idempotencyKeyField}  }

  "A defined indicator: its id, and where the command left the log."
  type DefineIndicatorPayload {
    "The new indicator's id, unique within its task."
    indicatorId: ID!
${commandPositionFields}  }
`;
