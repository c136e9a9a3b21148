import { GraphQLError } from 'graphql';
import { Errors } from 'moleculer';
import { isErrorCode, unavailable } from '../../contracts/errors.ts';
import { toGraphQLError } from '../../gateway/errors.ts';
import { maskError } from '../../gateway/mask-error.ts';
import { toBrokerError } from '../../services/shared/action.ts';

const full = () =>
  unavailable('the event store /srv/events.sqlite cannot be used: database or disk is full');

describe('a store that cannot take the write (UNAVAILABLE)', () => {
  it('is one of the stable codes', () => {
    expect(isErrorCode('UNAVAILABLE')).toBe(true);
  });

  it('crosses the broker as a retryable 503 with its code as type', () => {
    const error = toBrokerError(full()) as InstanceType<typeof Errors.MoleculerRetryableError>;
    expect(error).toBeInstanceOf(Errors.MoleculerRetryableError);
    expect(error).toMatchObject({ code: 503, type: 'UNAVAILABLE', retryable: true });
    expect(error.message).toContain('database or disk is full');
  });

  it('reaches GraphQL clients with extensions.code UNAVAILABLE, retryable, not masked', () => {
    const fromBroker = toGraphQLError(toBrokerError(full()));
    expect(fromBroker?.extensions).toEqual({ code: 'UNAVAILABLE', retryable: true });
    expect(toGraphQLError(full())?.extensions).toEqual({ code: 'UNAVAILABLE', retryable: true });
    const wrapped = new GraphQLError('resolver failed', {
      originalError: toBrokerError(full()) as Error,
    });
    const masked = maskError(wrapped) as GraphQLError;
    expect(masked.extensions.code).toBe('UNAVAILABLE');
    expect(masked.message).toBe('resolver failed');
  });
});
