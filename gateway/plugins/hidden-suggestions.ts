import type { Plugin } from 'graphql-yoga';

/** graphql-js's "Did you mean …?" tail, on enum values and coerced variables alike. */
const suggestion = /\s*Did you mean [^?]*\?/;

type Errors = { errors?: readonly { message: string }[] };

const hide = (result: Errors): void => {
  for (const error of result.errors ?? []) {
    if (suggestion.test(error.message)) {
      error.message = error.message.replace(suggestion, ' [Suggestion hidden]');
    }
  }
};

/**
 * Leaves graphql-js's suggestions out of every answer, enum values and
 * variables included (graphql-armor hides those of fields and arguments only):
 * where introspection is off they would spell the schema out value by value.
 */
export const useHiddenSuggestions = (): Plugin => ({
  onResultProcess({ result }) {
    const results = Array.isArray(result) ? result : [result];
    for (const each of results) {
      if (each && typeof each === 'object' && 'errors' in each) hide(each as Errors);
    }
  },
});
