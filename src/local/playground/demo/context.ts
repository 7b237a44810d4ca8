import type { LocalRuntime } from '../../index';
import { getList } from '../../../core/lists';
import type { Rng } from './random';

export type Lang = 'en' | 'zh';

export interface DemoMember {
  name: string;
  email: string;
  role: 'rep' | 'manager';
}

export interface DemoCustomer {
  id: string;
  name: string;
  owner: DemoMember;
  stage: string;
  intention: 'high' | 'medium' | 'low';
  scenario: string;
  contactEmail: string;
  createdAt: Date;
  lastContact: Date | null;
}

export interface DemoDeal {
  id: string;
  customer: DemoCustomer;
  amount: number;
  wonOn: Date;
  deliveredOn: Date | null;
}

export interface DemoContext {
  rt: LocalRuntime;
  rng: Rng;
  now: Date;
  lang: Lang;
  team: DemoMember[];
  reps: DemoMember[];
  customers: DemoCustomer[];
  deals: DemoDeal[];
}

/** The label of a list item in the workbook's language (what the dropdown offers). */
export function label(ctx: DemoContext, listKey: string, itemKey: string): string {
  const item = getList(listKey).items.find((i) => i.key === itemKey);
  if (!item) throw new Error(`Unknown item ${listKey}.${itemKey}`);
  return item.label[ctx.lang];
}

export function itemKeys(listKey: string): string[] {
  return getList(listKey).items.map((i) => i.key);
}

export function pad(n: number, width = 6): string {
  return String(n).padStart(width, '0');
}
