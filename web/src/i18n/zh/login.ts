export default {
  tagline: '助贷机构的客户管理',
  mobile: '手机号',
  mobilePlaceholder: '请输入手机号',
  password: '密码',
  passwordPlaceholder: '请输入密码',
  submit: '登录',
  expired: '登录已过期，请重新登录',
};
