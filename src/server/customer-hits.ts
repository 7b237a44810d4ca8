/**
 * What a sidebar's customer search answers: the one search of the records layer (name, ID,
 * contact, phone or e-mail, pinyin), each hit with its owner so a rep sees whose customer it is.
 * Page-callable wrappers (objections, complaints) check nothing else and pass the query here.
 */
import { t } from '../core/i18n';
import { customersTab, findCustomers, openWorkbook } from './records';
import { currentLocale } from './locale';

export interface CustomerHit {
  id: string;
  name: string;
  contact: string;
  owner: string;
}

/** At most `limit` customers matching `query` (untrusted: anything but a short string is refused). */
export function searchCustomerHits(query: unknown, limit = 20): CustomerHit[] {
  if (typeof query !== 'string' || query.length > 200) throw new Error(t(currentLocale(), 'error.badArgument', { detail: 'query' }));
  const customers = customersTab(openWorkbook());
  if (!customers || !query.trim()) return [];
  return findCustomers(customers, query, limit).map((r) => ({
    id: String(r.values.customer_id ?? '').trim(),
    name: String(r.values.name ?? ''),
    contact: String(r.values.contact_name ?? ''),
    owner: String(r.values.owner ?? ''),
  }));
}
