import type { MessageKey } from './messages.en';

/** 简体中文消息目录。The type makes a missing translation a compile error. */
export const zh: Record<MessageKey, string> = {
  'app.name': '销售台',
  'app.tagline': '放在共享表格里的销售客户管理工具。',
  'menu.setup': '初始化工作簿',
  'menu.about': '关于销售台',
  'about.title': '关于销售台',
  'about.version': '版本 {version}',
  'about.language': '语言',
  'about.user': '当前用户',
  'about.userUnknown': 'Google 没有向本插件提供你的邮箱地址。',
  'about.description': '客户登记、跟进、异议和满意度调查，专为小型销售团队设计，全部在这张表格里完成。',
  'about.close': '关闭',
  'common.loading': '加载中…',
  'common.saving': '保存中…',
  'common.error': '出错了：{message}',
  'common.cancel': '取消',
  'common.close': '关闭',
  'error.internal': '销售台遇到意外问题，未做任何更改。详情：{message}',
  'error.badArgument': '销售台收到无效输入：{detail}',
};
