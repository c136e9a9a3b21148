import {
  checkErrcode,
  type NotificationPort,
  type OutgoingNotification,
  postJson,
} from '../port.ts';
import { dingtalkSign } from './sign.ts';

/** A unit's DingTalk group robot: its access token and, when 加签 is on, its secret (SEC…). */
export interface DingtalkRobot {
  accessToken: string;
  secret: string | null;
}

export interface DingtalkOptions {
  /** https://oapi.dingtalk.com by default; a 政务钉钉 deployment or a test receiver otherwise. */
  baseUrl: string;
  /** Robots by unit id; `*` is the robot of units without their own. */
  robots: Readonly<Record<string, DingtalkRobot>>;
  now?: () => number;
}

/** The robot carrying a unit's messages, or a failure naming the unit. */
export const robotOf = <R>(
  robots: Readonly<Record<string, R>>,
  unitId: string | null,
  what: string,
): R => {
  const robot = (unitId ? robots[unitId] : undefined) ?? robots['*'];
  if (!robot) throw new Error(`no ${what} robot configured for unit ${unitId ?? '(none)'}`);
  return robot;
};

/**
 * The custom robot's text message, @-mentioning the person by mobile:
 * `{ msgtype: 'text', text: { content }, at: { atMobiles, isAtAll } }`, POSTed to
 * /robot/send?access_token=…[&timestamp=…&sign=…]; the answer's errcode 0 is
 * success. Documented at https://open.dingtalk.com/document/robots/custom-robot-access
 * The notification id ends the text: a robot payload has no field of its own for it.
 */
export const dingtalkBody = (message: OutgoingNotification) => ({
  msgtype: 'text',
  text: {
    content: `${message.subject}\n${message.text}\n@${message.address}\n（通知编号 ${message.id}）`,
  },
  at: { atMobiles: [message.address], isAtAll: false },
});

export const createDingtalkPort = (options: DingtalkOptions): NotificationPort => ({
  async send(message) {
    const robot = robotOf(options.robots, message.unitId, 'DingTalk');
    const url = new URL('/robot/send', options.baseUrl);
    url.searchParams.set('access_token', robot.accessToken);
    let query = url.toString();
    if (robot.secret) {
      const timestamp = (options.now ?? Date.now)();
      // Already URL-encoded, as the documentation builds it: appended as is.
      query += `&timestamp=${timestamp}&sign=${dingtalkSign(timestamp, robot.secret)}`;
    }
    checkErrcode('DingTalk', await postJson(query, dingtalkBody(message)));
  },
});
