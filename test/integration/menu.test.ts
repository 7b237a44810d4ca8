import { describe, expect, it } from 'vitest';
import { createLocalRuntime, type LocalRuntime } from '../../src/local';

function captions(rt: LocalRuntime): string[] {
  return rt.menus().flatMap((m) => [m.caption, ...m.items.map((i) => (i.type === 'separator' ? '—' : i.caption))]);
}

describe('onOpen', () => {
  it('adds a Sales Desk menu in English', () => {
    const rt = createLocalRuntime({ locale: 'en_US' });
    rt.openDocument();
    const menus = rt.menus();
    expect(menus).toHaveLength(1);
    expect(menus[0].caption).toBe('Sales Desk');
    expect(captions(rt)).toEqual([
      'Sales Desk',
      'Today',
      'Log follow-up',
      'Log objection',
      'Log complaint',
      '—',
      'Add customer',
      'Edit selected customer',
      'Add deal',
      'Mark delivered',
      'Import customers…',
      'Send survey', // issue 14
      '—',
      'I am…',
      'Turn on daily reminders',
      'Turn off daily reminders',
      'Refresh customer values',
      'Re-plan follow-ups',
      'Create / update survey forms', // issue 14
      'Set up workbook',
      'Rebuild summaries',
      '—',
      'About Sales Desk',
      'Help',
    ]);
  });

  it('adds the same menu in Simplified Chinese for a zh_CN user', () => {
    const rt = createLocalRuntime({ locale: 'zh_CN' });
    rt.openDocument();
    expect(captions(rt)).toEqual([
      '销售台',
      '今日跟进',
      '记录跟进',
      '记录异议',
      '登记投诉',
      '—',
      '新增客户',
      '编辑所选客户',
      '添加成交',
      '标记已交付',
      '导入客户…',
      '发送满意度问卷', // issue 14
      '—',
      '我是…',
      '开启每日提醒',
      '关闭每日提醒',
      '刷新客户价值',
      '重新安排跟进',
      '创建/更新问卷表单', // issue 14
      '初始化工作簿',
      '重建汇总',
      '—',
      '关于销售台',
      '帮助',
    ]);
  });

  it('follows the language a user chose over the one Google reports', () => {
    const rt = createLocalRuntime({ locale: 'en_US', user: 'li@example.com' });
    rt.run('setMyLanguage', 'zh');
    rt.openDocument();
    expect(rt.menus()[0].caption).toBe('销售台');
    // another user in the same document still gets English
    rt.setUser({ email: 'ana@example.com', locale: 'en' });
    rt.openDocument();
    expect(rt.menus()[0].caption).toBe('Sales Desk');
  });

  it('puts the items in the add-on menu when installed from the Marketplace', () => {
    const rt = createLocalRuntime({ locale: 'en' });
    rt.run('onInstall', { authMode: 'FULL' });
    const menus = rt.menus();
    expect(menus[0].addon).toBe(true);
    expect(menus[0].items.map((i) => (i.type === 'item' ? i.functionName : null))).toContain('showAbout');
  });
});
