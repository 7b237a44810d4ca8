import { defineMessages } from './define';

/** The manager's summary tabs (Dashboard): the menu's rebuild and what it says. */
export const summaries = defineMessages(
  {
    'menu.rebuildSummaries': 'Rebuild summaries',
    'summaries.rebuilt': 'The Dashboard was rebuilt from the current team and tabs.',
    'summaries.current': 'The Dashboard is already up to date; nothing was changed.',
    'summaries.missing': 'The Dashboard tab is missing. Run “Set up workbook” from the Sales Desk menu first.',
  },
  {
    'menu.rebuildSummaries': '重建汇总',
    'summaries.rebuilt': '已按当前团队和各表重建仪表板。',
    'summaries.current': '仪表板已是最新，没有改动。',
    'summaries.missing': '缺少仪表板表。请先在销售台菜单中运行“初始化工作簿”。',
  },
);
