/** Issue 11's call budgets in an English workbook (the suite: ./budgets-suite.ts). */
import { budgetSuite } from './budgets-suite';

budgetSuite('en');
