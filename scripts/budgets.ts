/** Size budgets checked by both the test suite (so CI fails) and `npm run bench` (so the table shows them). */
export const BUNDLE_BUDGET_KB = 100;
