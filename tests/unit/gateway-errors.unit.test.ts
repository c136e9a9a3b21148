import { GraphQLError } from 'graphql';
import { Errors } from 'moleculer';
import { DomainError, notFound, validationError } from '../../contracts/errors.ts';
import { toGraphQLError } from '../../gateway/errors.ts';

const mapped = (error: unknown): GraphQLError => {
  const result = toGraphQLError(error);
  if (result === null) throw new Error('expected the error to be mapped');
  return result;
};

describe('a domain error', () => {
  it('becomes a GraphQLError with its code, field and rule', () => {
    const result = mapped(validationError('percent', 'between 0 and 100'));
    expect(result).toBeInstanceOf(GraphQLError);
    expect(result.message).toBe('percent: between 0 and 100');
    expect(result.extensions).toEqual({
      code: 'VALIDATION',
      field: 'percent',
      rule: 'between 0 and 100',
    });
  });

  it('without details carries only its code', () => {
    const result = mapped(new DomainError('FORBIDDEN', 'not yours'));
    expect(result.message).toBe('not yours');
    expect(result.extensions).toEqual({ code: 'FORBIDDEN' });
  });
});

describe('a typed error from a service', () => {
  const expected = {
    code: 'NOT_FOUND',
    field: 'taskId',
    rule: 'must exist',
  };

  it('as a plain object keeps its code, field and rule', () => {
    const result = mapped({
      name: 'MoleculerClientError',
      type: 'NOT_FOUND',
      message: 'taskId: task not found',
      data: { field: 'taskId', rule: 'must exist' },
    });
    expect(result.message).toBe('taskId: task not found');
    expect(result.extensions).toEqual(expected);
  });

  it('as a MoleculerClientError keeps its code, field and rule', () => {
    const error = new Errors.MoleculerClientError('taskId: task not found', 404, 'NOT_FOUND', {
      field: 'taskId',
      rule: 'must exist',
    });
    const result = mapped(error);
    expect(result.message).toBe('taskId: task not found');
    expect(result.extensions).toEqual(expected);
  });

  it('maps the same as the domain error it was made from', () => {
    const domain = notFound('taskId', 'task');
    const remote = new Errors.MoleculerClientError(
      domain.message,
      404,
      domain.code,
      domain.details,
    );
    expect(mapped(remote).extensions).toEqual(mapped(domain).extensions);
    expect(mapped(remote).message).toBe(mapped(domain).message);
  });

  it('keeps only text field and rule from its data', () => {
    const result = mapped({ type: 'CONFLICT', message: 'm', data: { field: 3, rule: 'r', x: 1 } });
    expect(result.extensions).toEqual({ code: 'CONFLICT', rule: 'r' });
  });

  it('without data or message carries its code as the message', () => {
    const result = mapped({ type: 'RATE_LIMITED' });
    expect(result.message).toBe('RATE_LIMITED');
    expect(result.extensions).toEqual({ code: 'RATE_LIMITED' });
  });
});

describe('a service that cannot be reached', () => {
  it.each([
    [
      'a request timeout',
      new Errors.RequestTimeoutError({ action: 'tasks.register', nodeID: 'n1' }),
    ],
    ['a missing service', new Errors.ServiceNotFoundError({ action: 'tasks.register' })],
    ['an unavailable service', new Errors.ServiceNotAvailableError({ action: 'tasks.register' })],
  ])('as %s is UNAVAILABLE and retryable', (_name, error) => {
    const result = mapped(error);
    expect(result.extensions).toEqual({ code: 'UNAVAILABLE', retryable: true });
    expect(result.message).not.toContain('tasks.register');
  });
});

describe('any other error', () => {
  it.each([
    ['a plain Error', new Error('database exploded')],
    [
      'a Moleculer error of an unknown type',
      new Errors.MoleculerError('internal detail', 500, 'SOMETHING_ELSE', { field: 'x' }),
    ],
    ['a client error of an unknown type', { type: 'TEAPOT', message: 'm' }],
    ['a string', 'boom'],
    ['null', null],
    ['undefined', undefined],
  ])('as %s is masked', (_name, error) => {
    expect(toGraphQLError(error)).toBeNull();
  });
});

describe('a GraphQLError', () => {
  it('passes through unchanged', () => {
    const error = new GraphQLError('bad', { extensions: { code: 'VALIDATION' } });
    expect(toGraphQLError(error)).toBe(error);
  });
});
