import type { NotificationChannel, OfficialEvent } from '../../contracts/events/index.ts';
import type { OfficialCommand } from '../../services/directory/domain/officials/commands.ts';
import { officialDecider } from '../../services/directory/domain/officials/decider.ts';
import { given } from './support/given-when-then.ts';

const officialId = 'li-ll';

const registered: OfficialEvent = {
  type: 'OfficialRegistered',
  data: { officialId, name: '李联络', title: '联络员' },
};

const change = (
  email: string | null,
  mobile: string | null,
  channels: NotificationChannel[],
): OfficialCommand => ({
  type: 'ChangeOfficialContacts',
  data: { officialId, email, mobile, channels },
});

describe("changing an official's contacts", () => {
  it('records the addresses and the channels chosen', () => {
    given(officialDecider, [registered])
      .when(change('li@edu.example.gov.cn', '13800001111', ['email', 'dingtalk']))
      .then([
        {
          type: 'OfficialContactsChanged',
          data: {
            officialId,
            email: 'li@edu.example.gov.cn',
            mobile: '13800001111',
            channels: ['email', 'dingtalk'],
          },
        },
      ]);
  });

  it('needs the official registered', () => {
    given(officialDecider, [])
      .when(change(null, null, []))
      .thenThrows('NOT_FOUND', 'officialId');
  });

  it('needs an e-mail address for e-mail', () => {
    given(officialDecider, [registered])
      .when(change(null, '13800001111', ['email']))
      .thenThrows('VALIDATION', 'channels');
  });

  it.each([['sms'], ['dingtalk'], ['wecom']] as const)('needs a mobile for %s', (channel) => {
    given(officialDecider, [registered])
      .when(change('li@edu.example.gov.cn', null, [channel]))
      .thenThrows('VALIDATION', 'channels');
  });

  it.each([
    ['email', 'not-an-address', null, ['email']],
    ['mobile', null, '12345', ['sms']],
    ['channels', null, '13800001111', ['sms', 'sms']],
    ['channels[0]', null, '13800001111', ['fax']],
  ] as const)('refuses a wrong %s, naming it', (field, email, mobile, channels) => {
    given(officialDecider, [registered])
      .when(change(email, mobile, channels as unknown as NotificationChannel[]))
      .thenThrows('VALIDATION', field);
  });
});
