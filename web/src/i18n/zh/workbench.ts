export default {
  title: '工作台登录',
  intro: '员工从企业微信或钉钉的工作台打开云舟即自动登录，无需密码：按账号绑定的企业微信/钉钉账号或手机号匹配员工。请先在企业微信/钉钉后台创建应用，再把下面的登录地址填到应用主页。',
  vendor: { wecom: '企业微信', dingtalk: '钉钉' },
  corpId: { wecom: '企业ID（CorpID）', dingtalk: 'CorpId' },
  appKey: 'AppKey（Client ID）',
  secret: { wecom: 'Secret', dingtalk: 'AppSecret' },
  secretKept: '已保存（留空则不修改）',
  baseUrl: '接口地址',
  baseUrlDefault: { wecom: '默认 https://qyapi.weixin.qq.com', dingtalk: '默认 https://oapi.dingtalk.com' },
  browserUrl: { wecom: '授权页地址', dingtalk: 'JSAPI 脚本地址' },
  vendorDefault: '留空使用官方地址',
  startHint: {
    wecom: '在企业微信后台「应用管理 → 应用 → 工作台应用主页」填写以下地址，并把本站域名设为可信域名：',
    dingtalk: '在钉钉开发者后台「应用首页地址」与「PC端首页地址」填写以下地址：',
  },
  save: '保存',
  saved: '已保存',
};
