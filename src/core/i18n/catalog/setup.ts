import { defineMessages } from './define';

// workbook set-up
/** What "Set up workbook" tells the user. */
export const setup = defineMessages(
  {
    'setup.title': 'Set up workbook',
    'setup.working': 'Setting up the Sales Desk tabs… this can take a minute the first time.',
    'setup.finished': 'Set-up finished.',
    'setup.done': 'Sales Desk is set up. Tabs created: {created}. Columns added: {columns}. Repairs: {repairs}.',
    'setup.nothingToDo': 'Sales Desk is set up and nothing needed repair.',
    'setup.problemsIntro': 'Some things could not be repaired safely and were left as they are:',
    'setup.problem.unknownTab':
      'The tab "{sheet}" has the name of a Sales Desk tab but its headers are not recognised; a new tab "{created}" was created instead.',
    'setup.problem.userDataInFormula':
      'Column "{column}" on "{sheet}" is computed by a formula, but cells {cells} hold typed values. Move or clear them so the formula can fill the column.',
    'setup.problem.userFormula':
      'Column "{column}" on "{sheet}" holds a formula that is not Sales Desk\'s in {cell}. It was kept; clear the cell and run Set up again to restore the computed column.',
    'setup.problem.listChanged': 'A built-in dropdown value in "{sheet}" cell {cell} was changed to "{value}". Formulas that rely on it may show other values.',
    'setup.problem.settingMissing': 'The setting "{setting}" could not be placed on the Settings tab.',
    'setup.problem.headerRowMissing':
      'Row 1 of "{sheet}" is not Sales Desk\'s header row: it holds data, or none of its headers is recognised (was the header row deleted?). Nothing on that tab was changed. Put the header row back (Edit → Undo, or insert an empty row 1) and run Set up again.',
    'setup.clearTyped.question':
      'Clear the typed cells listed above ({count} in all), so that the computed columns fill again? What is in those cells will be deleted.',
    'setup.clearTyped.done': 'Cleared the typed cells ({count}): the computed columns fill again.',
    'setup.clearTyped.partly':
      'Cleared {count} of the {total} typed cells; the others had changed in the meantime and were left as they are. Run Set up again to check.',
    'setup.busy': 'Another person is setting up or changing the workbook. Try again in a minute.',
    'setup.nameChecks.tab': 'Sales Desk name checks',
    'setup.nameChecks.title':
      'Sales Desk reads this hidden tab to see in one step that each of its named ranges is still there. Please leave it as it is: Set up workbook writes it again if it was changed.',
  },
  {
    'setup.title': '初始化工作簿',
    'setup.working': '正在设置销售台的工作表……首次设置可能需要一分钟左右。',
    'setup.finished': '设置完成。',
    'setup.done': '销售台已设置完毕。新建工作表：{created}。新增列：{columns}。修复项：{repairs}。',
    'setup.nothingToDo': '销售台已设置好，无需修复。',
    'setup.problemsIntro': '以下问题无法安全修复，已保持原样：',
    'setup.problem.unknownTab': '工作表“{sheet}”使用了销售台工作表的名称，但表头无法识别；已另建工作表“{created}”。',
    'setup.problem.userDataInFormula': '“{sheet}”中的“{column}”列由公式自动计算，但单元格 {cells} 中有手动输入的值。请移走或清除这些值，公式才能填满该列。',
    'setup.problem.userFormula': '“{sheet}”中的“{column}”列在 {cell} 有一个不属于销售台的公式，已保留；清除该单元格后再次运行初始化即可恢复自动计算。',
    'setup.problem.listChanged': '“{sheet}”单元格 {cell} 中的内置下拉选项被改为“{value}”。依赖它的公式可能显示其他值。',
    'setup.problem.settingMissing': '无法在设置表中放置设置项“{setting}”。',
    'setup.problem.headerRowMissing':
      '“{sheet}”的第 1 行不是销售台的表头：其中是数据，或没有一个表头能被识别（表头行是否被删除了？）。该工作表未作任何改动。请恢复表头行（编辑 → 撤消，或在最上方插入一个空行），然后再次运行初始化。',
    'setup.clearTyped.question': '是否清除上面列出的手动输入单元格（共 {count} 个），让自动计算列重新填满？这些单元格中的内容将被删除。',
    'setup.clearTyped.done': '已清除手动输入的单元格（{count} 个），自动计算列已重新填满。',
    'setup.clearTyped.partly': '已清除 {total} 个手动输入单元格中的 {count} 个；其余单元格在此期间已被修改，保持原样。请再次运行初始化进行检查。',
    'setup.busy': '其他人正在初始化或修改工作簿，请稍后再试。',
    'setup.nameChecks.tab': '销售台命名区域检查',
    'setup.nameChecks.title': '销售台通过这张隐藏的工作表一次确认各个命名区域仍然存在。请保持原样：如有改动，运行“初始化工作簿”会重新写入。',
  },
);
