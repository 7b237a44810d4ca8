import { defineMessages } from './define';

/** The playbook panel of the Log objection sidebar. */
export const playbook = defineMessages(
  {
    'playbook.headingFor': 'How to handle it: {type}',
    'playbook.pickType': 'Choose a type to see how to handle it.',
    'playbook.empty': 'No techniques for this type yet. A manager can add lines on the Playbook tab.',
    'playbook.team': 'Team',
    'playbook.source': 'Source: {source}',
    'playbook.addedBy': 'Added by {name}',
    'playbook.worked': 'What has worked for this team',
    'playbook.workedCount': 'resolved {resolved} of {used} times',
    'playbook.workedEmpty': 'No objection of this type has been resolved yet.',
    'playbook.use': 'Use as response',
    'playbook.loading': 'Loading the playbook…',
  },
  {
    'playbook.headingFor': '应对方法：{type}',
    'playbook.pickType': '选择类型后显示应对方法。',
    'playbook.empty': '该类型暂无应对技巧。经理可以在“异议应对手册”表中添加。',
    'playbook.team': '团队',
    'playbook.source': '来源：{source}',
    'playbook.addedBy': '添加人：{name}',
    'playbook.worked': '团队验证有效的做法',
    'playbook.workedCount': '{used} 次中解决 {resolved} 次',
    'playbook.workedEmpty': '该类型的异议还没有被解决过的记录。',
    'playbook.use': '用作应对措施',
    'playbook.loading': '正在加载应对手册…',
  },
);
