/**
 * Money: the currencies a workbook can count in, which one it counts in (the `currency` setting:
 * a code, or Auto — ¥ for a Chinese workbook, else the spreadsheet locale's), the signs and words
 * that name a currency in what people type (read by parseMoney in core/validation/rules.ts), and
 * how an amount is shown. Pure: no Intl currency data, whose symbols differ between ICU versions
 * ("CN¥" or "¥"), so Sheets, the sidebar and an e-mail show the same text.
 */
import type { Locale } from './i18n/locale';

export const CURRENCY_CODES = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'TWD', 'SGD', 'AUD', 'CAD', 'KRW'] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export interface CurrencyDef {
  code: CurrencyCode;
  /** Shown before an amount in a workbook counting in this currency. */
  symbol: string;
  /** Minor units (cents): 2, or 0 for yen and won. */
  decimals: number;
}

export const CURRENCIES: Record<CurrencyCode, CurrencyDef> = {
  CNY: { code: 'CNY', symbol: '¥', decimals: 2 },
  USD: { code: 'USD', symbol: '$', decimals: 2 },
  EUR: { code: 'EUR', symbol: '€', decimals: 2 },
  GBP: { code: 'GBP', symbol: '£', decimals: 2 },
  JPY: { code: 'JPY', symbol: '¥', decimals: 0 },
  HKD: { code: 'HKD', symbol: 'HK$', decimals: 2 },
  TWD: { code: 'TWD', symbol: 'NT$', decimals: 2 },
  SGD: { code: 'SGD', symbol: 'S$', decimals: 2 },
  AUD: { code: 'AUD', symbol: 'A$', decimals: 2 },
  CAD: { code: 'CAD', symbol: 'C$', decimals: 2 },
  KRW: { code: 'KRW', symbol: '₩', decimals: 0 },
};

export function isCurrencyCode(v: unknown): v is CurrencyCode {
  return typeof v === 'string' && (CURRENCY_CODES as readonly string[]).includes(v);
}

/**
 * What names a currency in typed text, before or after the number, longest first so "US$" wins
 * over "$" and "美元" over "元". ¥ and $ alone are ambiguous (yuan or yen; US or another dollar):
 * they come back as the sign, and resolveCurrency settles them with the workbook's currency.
 */
export const CURRENCY_MARKS: readonly (readonly [string, CurrencyCode | '¥' | '$'])[] = (
  [
    ['US$', 'USD'],
    ['HK$', 'HKD'],
    ['NT$', 'TWD'],
    ['S$', 'SGD'],
    ['A$', 'AUD'],
    ['C$', 'CAD'],
    ['$', '$'],
    ['¥', '¥'],
    ['€', 'EUR'],
    ['£', 'GBP'],
    ['₩', 'KRW'],
    ['RMB', 'CNY'],
    ...CURRENCY_CODES.map((c) => [c, c] as const),
    ['人民币', 'CNY'],
    ['元', 'CNY'],
    ['块', 'CNY'],
    ['美元', 'USD'],
    ['欧元', 'EUR'],
    ['英镑', 'GBP'],
    ['日元', 'JPY'],
    ['港元', 'HKD'],
    ['港币', 'HKD'],
    ['新台币', 'TWD'],
    ['新加坡元', 'SGD'],
    ['澳元', 'AUD'],
    ['加元', 'CAD'],
    ['韩元', 'KRW'],
  ] as (readonly [string, CurrencyCode | '¥' | '$'])[]
).sort((a, b) => b[0].length - a[0].length);

const DOLLARS: readonly CurrencyCode[] = ['USD', 'HKD', 'TWD', 'SGD', 'AUD', 'CAD'];

/** The currency an amount is in: what its text named (a bare ¥ or $ read as the workbook's own when that fits), else the workbook's. */
export function resolveCurrency(named: CurrencyCode | '¥' | '$' | null, workbook: CurrencyCode): CurrencyCode {
  if (named === null) return workbook;
  if (named === '¥') return workbook === 'JPY' ? 'JPY' : 'CNY';
  if (named === '$') return DOLLARS.includes(workbook) ? workbook : 'USD';
  return named;
}

/** Region of a spreadsheet locale (`en_US`, `zh-CN`, `de`) → its currency; null when the locale names no region we know. */
const REGION_CURRENCY: Record<string, CurrencyCode> = {
  CN: 'CNY',
  US: 'USD',
  GB: 'GBP',
  JP: 'JPY',
  HK: 'HKD',
  TW: 'TWD',
  SG: 'SGD',
  AU: 'AUD',
  CA: 'CAD',
  KR: 'KRW',
  ...Object.fromEntries(
    ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'].map((r) => [r, 'EUR']),
  ),
};

export function currencyOfLocale(spreadsheetLocale: string): CurrencyCode | null {
  const [lang, region] = spreadsheetLocale.replace('-', '_').split('_');
  if (region && REGION_CURRENCY[region.toUpperCase()]) return REGION_CURRENCY[region.toUpperCase()];
  if (lang?.toLowerCase() === 'zh') return 'CNY';
  if (lang?.toLowerCase() === 'ja') return 'JPY';
  return null;
}

/**
 * The workbook's currency from the `currency` setting: a currency code as chosen; Auto → ¥ (CNY)
 * for a Chinese workbook (its lists are in Chinese), else the spreadsheet locale's currency
 * (Spreadsheet.getSpreadsheetLocale(), e.g. en_GB → GBP), US dollars when the locale names none.
 */
export function workbookCurrency(setting: unknown, workbookLanguage: Locale, spreadsheetLocale: string): CurrencyCode {
  const chosen = String(setting ?? '')
    .trim()
    .toUpperCase();
  if (isCurrencyCode(chosen)) return chosen;
  if (workbookLanguage === 'zh') return 'CNY';
  return currencyOfLocale(spreadsheetLocale) ?? 'USD';
}

/** An amount rounded to the currency's minor unit (money is compared to the cent). */
export function roundMoney(amount: number, currency: CurrencyCode): number {
  const f = 10 ** CURRENCIES[currency].decimals;
  return Math.round(amount * f + (amount >= 0 ? 1e-9 : -1e-9)) / f;
}

/** `¥48,000.00`, `-$1,200.50`, `¥5,000` (yen): the workbook currency's symbol, thousands separators, its decimals. */
export function formatMoney(amount: number, currency: CurrencyCode): string {
  const def = CURRENCIES[currency];
  const fixed = Math.abs(roundMoney(amount, currency)).toFixed(def.decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}${def.symbol}${grouped}${frac ? `.${frac}` : ''}`;
}

/** The Sheets number format of a money column in this currency: `"¥"#,##0.00`, `"¥"#,##0` for yen. */
export function moneyNumberFormat(currency: CurrencyCode): string {
  const def = CURRENCIES[currency];
  return `"${def.symbol}"#,##0${def.decimals ? `.${'0'.repeat(def.decimals)}` : ''}`;
}
