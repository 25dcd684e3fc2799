import type zh from '../zh/workbench.js';

export default {
  title: 'Workbench sign-in',
  intro: 'People who open yunzhou from the WeCom or DingTalk workbench are signed in without a password, matched by their linked WeCom/DingTalk account or their mobile. Create the application in WeCom/DingTalk first, then put the sign-in address below as its home page.',
  vendor: { wecom: 'WeCom', dingtalk: 'DingTalk' },
  corpId: { wecom: 'CorpID', dingtalk: 'CorpId' },
  appKey: 'AppKey (Client ID)',
  secret: { wecom: 'Secret', dingtalk: 'AppSecret' },
  secretKept: 'Saved (leave empty to keep it)',
  baseUrl: 'API address',
  baseUrlDefault: { wecom: 'Default https://qyapi.weixin.qq.com', dingtalk: 'Default https://oapi.dingtalk.com' },
  browserUrl: { wecom: 'Authorize page', dingtalk: 'JSAPI script' },
  vendorDefault: 'Empty for the vendor\'s own',
  startHint: {
    wecom: 'In the WeCom admin console, Apps → the application → Workbench home page, enter this address, and make this domain a trusted domain:',
    dingtalk: 'In the DingTalk developer console, enter this address as the application\'s home page (mobile and PC):',
  },
  save: 'Save',
  saved: 'Saved',
} satisfies typeof zh;
