/** Names for the demo team and customers, in English and Chinese. */
export const TEAM = {
  en: [
    { name: 'Maria Lopez', email: 'maria@demo.salesdesk.test', role: 'manager' },
    { name: 'Ana Silva', email: 'ana@demo.salesdesk.test', role: 'rep' },
    { name: 'Ben Carter', email: 'ben@demo.salesdesk.test', role: 'rep' },
    { name: 'Chloe Wang', email: 'chloe@demo.salesdesk.test', role: 'rep' },
    { name: 'David Okafor', email: 'david@demo.salesdesk.test', role: 'rep' },
  ],
  zh: [
    { name: '王丽', email: 'wangli@demo.salesdesk.test', role: 'manager' },
    { name: '李娜', email: 'lina@demo.salesdesk.test', role: 'rep' },
    { name: '张伟', email: 'zhangwei@demo.salesdesk.test', role: 'rep' },
    { name: '刘洋', email: 'liuyang@demo.salesdesk.test', role: 'rep' },
    { name: '陈静', email: 'chenjing@demo.salesdesk.test', role: 'rep' },
  ],
} as const;

export const COMPANY = {
  en: {
    first: ['Northwind', 'Bluebird', 'Summit', 'Redwood', 'Harbor', 'Pioneer', 'Silverline', 'Crescent', 'Oakridge', 'Brightwater', 'Evergreen', 'Granite', 'Lakeside', 'Meridian', 'Atlas', 'Cobalt', 'Falcon', 'Juniper', 'Keystone', 'Maple'],
    second: ['Industries', 'Logistics', 'Health', 'Systems', 'Foods', 'Retail', 'Engineering', 'Partners', 'Labs', 'Manufacturing', 'Clinics', 'Academy', 'Builders', 'Finance'],
    suffix: ['Ltd', 'Inc', 'GmbH', 'LLC', 'Co.'],
  },
  zh: {
    first: ['华信', '东方', '恒达', '中科', '瑞丰', '远航', '天成', '金桥', '新源', '宏图', '博远', '盛世', '德润', '海纳', '鼎盛', '嘉禾', '星辰', '万通', '启明', '安泰'],
    second: ['科技', '物流', '医疗', '制造', '食品', '零售', '工程', '咨询', '教育', '建设', '金融', '软件', '电子', '贸易'],
    suffix: ['有限公司', '股份有限公司', '集团'],
  },
} as const;

export const PEOPLE = {
  en: {
    first: ['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Sophia', 'Lucas', 'Mia', 'Ethan', 'Ava', 'Henry', 'Grace', 'Samuel', 'Ella', 'Jack', 'Lily'],
    last: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Green', 'Hall'],
    titles: ['CEO', 'Purchasing manager', 'IT director', 'Operations lead', 'CFO', 'Project manager', 'Head of sales'],
  },
  zh: {
    first: ['伟', '芳', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞'],
    last: ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱'],
    titles: ['总经理', '采购经理', '信息部主管', '运营负责人', '财务总监', '项目经理', '销售总监'],
  },
} as const;

export const TEXTS = {
  en: {
    needs: ['Replace spreadsheets with a shared CRM', 'Faster quoting for the sales team', 'Integrate orders with the ERP', 'Better after-sales tracking', 'Reporting for regional managers', 'Cut delivery lead time'],
    summary: ['Walked through the demo; they liked the reporting.', 'Discussed budget for next quarter.', 'Sent the proposal and pricing sheet.', 'Clarified delivery terms and training.', 'Met the IT team about integration.', 'Checked in after delivery; all fine.'],
    next: ['Send revised quote', 'Book a demo with the team', 'Follow up on the contract', 'Schedule training', 'Call back next week', 'Prepare case study'],
    objection: {
      price: 'Your price is higher than we budgeted.',
      product: 'It lacks the offline mode we need.',
      service: 'We worry about support outside office hours.',
      timing: 'We cannot start before the next quarter.',
      trust: 'We have not worked with you before.',
      decision: 'The board must approve anything above this amount.',
      need: 'We are not sure we need all these features.',
      competitor: 'A competitor offered a cheaper package.',
      other: 'Procurement wants more references.',
    } as Record<string, string>,
    response: ['Shared a ROI calculation and a phased plan.', 'Offered a pilot with two teams.', 'Sent references from the same industry.', 'Explained the support SLA in writing.'],
    products: ['Sales Desk Pro', 'Analytics add-on', 'Onboarding package', 'Support plan', 'Integration service'],
    suggestions: ['Faster replies by e-mail, please.', 'Great onboarding, keep it up.', 'More training material would help.', '', 'The invoice process could be simpler.'],
  },
  zh: {
    needs: ['用共享客户管理系统替代表格', '加快销售团队报价速度', '订单与 ERP 系统打通', '加强售后跟踪', '为区域经理提供报表', '缩短交付周期'],
    summary: ['演示了产品，客户对报表功能很感兴趣。', '讨论了下季度的预算。', '已发送方案和报价单。', '确认了交付条款和培训安排。', '与客户 IT 团队讨论系统集成。', '交付后回访，一切正常。'],
    next: ['发送修改后的报价', '安排团队演示', '跟进合同签署', '安排培训', '下周回电', '准备案例材料'],
    objection: {
      price: '你们的价格超出了我们的预算。',
      product: '缺少我们需要的离线功能。',
      service: '担心非工作时间的技术支持。',
      timing: '下个季度之前无法启动。',
      trust: '我们之前没有合作过。',
      decision: '超过这个金额需要董事会审批。',
      need: '不确定是否需要这么多功能。',
      competitor: '竞争对手给出了更便宜的方案。',
      other: '采购部门希望提供更多客户案例。',
    } as Record<string, string>,
    response: ['提供了投资回报测算和分阶段方案。', '提出先由两个团队试点。', '提供了同行业客户案例。', '书面说明了服务等级承诺。'],
    products: ['销售台专业版', '数据分析模块', '上线实施服务', '技术支持服务', '系统集成服务'],
    suggestions: ['希望邮件回复更快一些。', '实施过程很好，继续保持。', '希望提供更多培训资料。', '', '开票流程可以再简化。'],
  },
} as const;
