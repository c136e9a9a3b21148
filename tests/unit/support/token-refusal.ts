import { DomainError } from '../../../contracts/errors.ts';

/** The domain error `verify` refuses the token with; fails the test when it accepts it. */
export const tokenRefusal = async (
  verify: (token: string) => Promise<unknown>,
  token: string,
): Promise<DomainError> => {
  try {
    await verify(token);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the token to be refused');
};
