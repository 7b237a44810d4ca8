import { defineMessages } from './define';

/**
 * Issue 13: who the user is by Google's word, private trigger work, edits that merge, and the
 * messages of the records layer (a tab or column that is gone).
 */
export const trust = defineMessages(
  {
    'identity.byUnconfirmed': '{name} (not confirmed by Google)',
    'identity.googleDecides': 'Google says you are {email}, so Sales Desk knows you by that address and you cannot choose another member.',
    'identity.onlyRepsWithoutEmail':
      'Without an e-mail address from Google you can only choose a rep listed without one. Managers, and members listed with an address, are recognised by the address Google reports.',
    'identity.noneOffered': 'Google says you are {email}, and no member of the team list in Settings has that address. Ask your manager to add it.',
    'identity.managerNeedsEmail':
      'This needs a manager. Google did not share your e-mail address here, so Sales Desk cannot tell that you are one. Open the spreadsheet signed in with the Google account whose address is on a manager row of the team list (Settings), and try again.',
    'identity.unknownUser': 'Sales Desk does not know who you are yet: choose yourself with “I am …” first.',
    'dispatch.notTrigger': 'This job runs only from its own hourly trigger. Turn on daily reminders to install it.',
    'edit.reload': 'Show the saved version',
    'records.tabMissing': 'The {tab} tab is missing — run Set up workbook.',
    'records.columnMissing': 'The {column} column is missing — run Set up workbook. Nothing was saved.',
  },
  {
    'identity.byUnconfirmed': '{name}（未经 Google 确认）',
    'identity.googleDecides': 'Google 显示你是 {email}，销售台按这个地址识别你，因此不能选择其他成员。',
    'identity.onlyRepsWithoutEmail':
      'Google 没有提供你的邮箱地址时，只能选择名单中没有填写邮箱的销售代表。经理以及填写了邮箱的成员，只按 Google 提供的地址识别。',
    'identity.noneOffered': 'Google 显示你是 {email}，但设置中的团队名单里没有这个地址。请让经理把它加上。',
    'identity.managerNeedsEmail':
      '此操作需要经理身份。Google 在这里没有提供你的邮箱地址，销售台无法确认你是经理。请用团队名单（设置）中经理一行所填地址对应的 Google 帐号登录后打开表格，再试一次。',
    'identity.unknownUser': '销售台还不知道你是谁：请先用“我是…”选择你自己。',
    'dispatch.notTrigger': '这项任务只能由它自己的每小时触发器运行。开启每日提醒即可安装该触发器。',
    'edit.reload': '查看已保存的版本',
    'records.tabMissing': '缺少“{tab}”工作表——请运行“设置工作簿”。',
    'records.columnMissing': '缺少“{column}”列——请运行“设置工作簿”。本次没有保存任何内容。',
  },
);
