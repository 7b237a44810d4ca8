/**
 * A set-up workbook for the survey tests: a team (two reps, a manager), customers with e-mails
 * and deliveries, written the way a user's paste would land (by column key).
 */
import { createLocalRuntime, type LocalRuntime } from '../../src/local';
import { getTab } from '../../src/core/schema';
import { writeByKey } from './objections-fixture';

export const SURVEY_TEAM = [
  { name: 'Ana Wu', email: 'ana@example.com', role: 'Rep' },
  { name: '李雷', email: 'li@example.com', role: 'Rep' },
  { name: 'Sam Boss', email: 'boss@example.com', role: 'Manager' },
];

export interface SurveyFixture {
  rt: LocalRuntime;
  locale: 'en' | 'zh';
}

const DAY = 86_400_000;

export interface CustomerSpec {
  email?: string;
  doNotSurvey?: boolean;
  language?: 'en' | 'zh' | '';
  /** Days before now the deal was delivered (null: no delivery, a deal won long ago). */
  deliveredDaysAgo?: number | null;
  name?: string;
}

export function surveyWorkbook(opts: { locale?: 'en' | 'zh'; customers?: CustomerSpec[]; mailQuota?: number; now?: Date } = {}): SurveyFixture {
  const locale = opts.locale ?? 'en';
  const rt = createLocalRuntime({
    locale: locale === 'zh' ? 'zh_CN' : 'en_US',
    user: 'boss@example.com',
    now: opts.now ?? new Date('2026-06-01T02:00:00Z'),
    timeZone: 'Asia/Shanghai',
    mailQuota: opts.mailQuota,
  });
  rt.run('setupWorkbook');
  writeByKey(
    rt,
    'settings',
    2,
    SURVEY_TEAM.map((m) => ({ team_name: m.name, team_email: m.email, team_role: locale === 'zh' ? (m.role === 'Manager' ? '经理' : '销售代表') : m.role })),
    locale,
  );
  const specs = opts.customers ?? [];
  const now = rt.clock.nowMs();
  writeByKey(
    rt,
    'customers',
    2,
    specs.map((c, i) => ({
      customer_id: `C-${String(i + 1).padStart(6, '0')}`,
      name: c.name ?? `Customer ${i + 1}`,
      contact_name: `Contact ${i + 1}`,
      email: c.email ?? `c${i + 1}@example.org`,
      owner: SURVEY_TEAM[i % 2]!.name,
      do_not_survey: c.doNotSurvey ?? false,
      survey_language: c.language === 'zh' ? '中文' : c.language === 'en' ? 'English' : '',
    })),
    locale,
  );
  const deals = specs.map((c, i) => ({
    deal_id: `D-${String(i + 1).padStart(6, '0')}`,
    customer_id: `C-${String(i + 1).padStart(6, '0')}`,
    amount: 1000,
    won_on: new Date(now - 400 * DAY),
    delivered_on: c.deliveredDaysAgo === null || c.deliveredDaysAgo === undefined ? '' : new Date(now - c.deliveredDaysAgo * DAY),
  }));
  if (deals.length) writeByKey(rt, 'deals', 2, deals, locale);
  return { rt, locale };
}

/** A tab's rows as records by column key (uncounted reads). */
export function rowsOf(fx: SurveyFixture, tabKey: string): Record<string, unknown>[] {
  const def = getTab(tabKey);
  const sh = fx.rt.spreadsheet.getSheetByName(def.name[fx.locale])!;
  const last = sh.getLastRow();
  if (last < 2) return [];
  const values = sh.getRange(2, 1, last - 1, def.columns.length).getValues();
  return values
    .map((row) => Object.fromEntries(def.columns.map((c, i) => [c.key, row[i]])))
    .filter((r) => def.columns.some((c) => !c.formula && r[c.key] !== '' && r[c.key] !== false));
}
