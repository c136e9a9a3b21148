/**
 * Names the console gives what the server names by id or in English: the
 * system's own actors, and the shapes of a channel's failure (通知发送失败).
 */
export const namesZh = {
  actor_clock: '系统时钟',
  actor_audit: '审计签名服务',
  actor_notifier: '通知发送服务',
  sendError_ECONNREFUSED: '连接被拒绝（{detail}）',
  sendError_ECONNRESET: '连接被重置（{detail}）',
  sendError_ETIMEDOUT: '连接超时（{detail}）',
  sendError_ENOTFOUND: '找不到服务器（{detail}）',
  sendError_EHOSTUNREACH: '服务器不可达（{detail}）',
  sendErrorHttp: '服务器返回 HTTP {status}：{body}',
  sendErrorDingTalk: '钉钉拒绝：错误码 {code} {message}',
  sendErrorWeCom: '企业微信拒绝：错误码 {code} {message}',
  sendErrorOther: '发送失败（{message}）',
} as const;

export const namesEn: Record<keyof typeof namesZh, string> = {
  actor_clock: 'Clock',
  actor_audit: 'Audit signer',
  actor_notifier: 'Notifier',
  sendError_ECONNREFUSED: 'Connection refused ({detail})',
  sendError_ECONNRESET: 'Connection reset ({detail})',
  sendError_ETIMEDOUT: 'Connection timed out ({detail})',
  sendError_ENOTFOUND: 'Server not found ({detail})',
  sendError_EHOSTUNREACH: 'Server unreachable ({detail})',
  sendErrorHttp: 'HTTP {status}: {body}',
  sendErrorDingTalk: 'DingTalk refused: errcode {code} {message}',
  sendErrorWeCom: 'WeCom refused: errcode {code} {message}',
  sendErrorOther: '{message}',
};
