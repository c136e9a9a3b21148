import { gql } from '../core/api.ts';
import { h, uid } from '../core/dom.ts';
import { type MessageKey, t } from '../core/i18n.ts';
import { errorText } from '../core/messages.ts';
import { roleOf } from '../core/session.ts';
import { setToken } from '../core/session-store.ts';
import { demoSignInMutation, demoUsersQuery, meQuery } from '../operations/session.ts';

interface DemoUser {
  sub: string;
  role: string;
  unitId: string | null;
  name: string;
}

const roleOrder = ['leader', 'department_head', 'liaison', 'inspector', 'office'];

/** Demo users grouped by role, leaders first: they are who the console is mostly for. */
const demoSelect = (id: string, users: readonly DemoUser[]) =>
  h(
    'select',
    { id, name: 'demoUser' },
    roleOrder.map((role) =>
      h(
        'optgroup',
        { label: t(`role_${role}` as MessageKey) },
        users
          .filter((user) => roleOf(user.role) === role)
          .map((user) => h('option', { value: user.sub }, `${user.name} (${user.sub})`)),
      ),
    ),
  );

const demoSection = async (signedIn: () => void) => {
  const data = await gql<{ demoLoginEnabled: boolean; demoUsers: DemoUser[] }>(
    demoUsersQuery,
  ).catch(() => ({ demoLoginEnabled: false, demoUsers: [] }));
  if (!data.demoLoginEnabled || data.demoUsers.length === 0) return null;
  const id = uid('demo');
  const status = h('p', { class: 'form-status', role: 'status' });
  const select = demoSelect(id, data.demoUsers);
  return h(
    'form',
    {
      class: 'card',
      'data-form': 'demo',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        try {
          const result = await gql<{ demoSignIn: { token: string } }>(demoSignInMutation, {
            input: { sub: select.value },
          });
          setToken(result.demoSignIn.token);
          signedIn();
        } catch (error) {
          status.textContent = `${t('errorPrefix')}${errorText(error)}`;
        }
      },
    },
    h('h2', {}, t('demoTitle')),
    h('p', {}, t('demoHelp')),
    h('label', { for: id }, t('demoUser')),
    select,
    h('button', { type: 'submit' }, t('signInAsDemo')),
    status,
  );
};

const tokenSection = (signedIn: () => void) => {
  const id = uid('token');
  const status = h('p', { class: 'form-status', role: 'status' });
  const input = h('textarea', {
    id,
    name: 'token',
    rows: 3,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  return h(
    'form',
    {
      class: 'card',
      'data-form': 'token',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        setToken(input.value.trim());
        try {
          await gql(meQuery);
          signedIn();
        } catch (error) {
          status.textContent = `${t('errorPrefix')}${errorText(error)}`;
        }
      },
    },
    h('h2', {}, t('signInWithToken')),
    h('label', { for: id }, t('pasteToken')),
    input,
    h('p', { class: 'help' }, t('tokenHelp')),
    h('button', { type: 'submit' }, t('signIn')),
    status,
  );
};

/** Sign-in: paste a token, or pick a demo user where the gateway offers them. */
export const signInView = async (
  signedIn: () => void,
  options: { expired?: boolean } = {},
): Promise<HTMLElement> =>
  h(
    'section',
    { class: 'sign-in' },
    h('h1', { tabindex: '-1' }, t('signInTitle')),
    options.expired
      ? h(
          'p',
          { class: 'form-status error', role: 'alert', 'data-testid': 'session-ended' },
          t('sessionEnded'),
        )
      : null,
    h('div', { class: 'cards' }, await demoSection(signedIn), tokenSection(signedIn)),
  );
