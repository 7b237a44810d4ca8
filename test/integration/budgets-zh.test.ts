/** Issue 11's call budgets in a Chinese workbook (the suite: ./budgets-suite.ts). */
import { budgetSuite } from './budgets-suite';

budgetSuite('zh');
