/** A step from an argument or a variable down into its value: a field's name or a list index. */
export type Step = string | number;

/**
 * A field as errors name it: the steps below the argument or variable
 * (`evidence[0].sha256`), or the argument or variable itself when the error is
 * about it as a whole (`input`).
 */
export const fieldPath = (steps: readonly Step[]): string =>
  (steps.length > 1 ? steps.slice(1) : steps).reduce<string>(
    (path, step) =>
      typeof step === 'number' ? `${path}[${step}]` : path ? `${path}.${step}` : step,
    '',
  );
