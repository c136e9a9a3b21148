/** Who is signed in, the directory's names, and the demo's sign-in. */

export const meQuery = /* GraphQL */ 'query Me { me { id role unitId name } }';

export const unitsQuery = /* GraphQL */ 'query Units { units { id name path { id } } }';

export const officialsQuery = /* GraphQL */ 'query Officials { officials { id name } }';

export const demoUsersQuery =
  /* GraphQL */ 'query DemoUsers { demoLoginEnabled demoUsers { sub role unitId name } }';

export const demoSignInMutation =
  /* GraphQL */ 'mutation DemoSignIn($input: DemoSignInInput!) { demoSignIn(input: $input) { token } }';
