import { defineMessages } from './define';

/** What the form and the server say about a field that is not right. */
export const validation = defineMessages(
  {
    'validation.required': 'This field is required.',
    'validation.email': 'Enter an e-mail address like name@company.com.',
    'validation.phone': 'Enter a phone number of 6 to 15 digits, e.g. +86 138 0013 8000.',
    'validation.date': 'Enter a date as YYYY-MM-DD, e.g. 2026-03-05.',
    'validation.number': 'Enter a number.',
    'validation.min': 'The smallest allowed value is {min}.',
    'validation.max': 'The largest allowed value is {max}.',
    'validation.list': 'Pick one of: {allowed}.',
    'validation.tooLong': 'This text is too long for one cell (at most {max} characters).',
  },
  {
    'validation.required': '此项为必填。',
    'validation.email': '请输入邮箱地址，例如 name@company.com。',
    'validation.phone': '请输入 6 到 15 位数字的电话号码，例如 +86 138 0013 8000。',
    'validation.date': '请按 年-月-日 填写日期，例如 2026-03-05。',
    'validation.number': '请输入数字。',
    'validation.min': '最小允许值为 {min}。',
    'validation.max': '最大允许值为 {max}。',
    'validation.list': '请从以下选项中选择：{allowed}。',
    'validation.tooLong': '文字太长，一个单元格最多 {max} 个字符。',
  },
);
