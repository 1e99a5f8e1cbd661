/**
 * A latency model for estimating wall time on Google's servers from the fake's call counts. Apps Script bills every
 * service call as a round-trip; the script's own JavaScript is comparatively free. The constants are estimates,
 * stated with where they come from; change them here and rerun `npm run bench`.
 */
export const LATENCY = {
  /**
   * One SpreadsheetApp call (getRange, getValues, setValues, ...): 60 ms. A cold call shows as 0.058 s in a published
   * Apps Script execution log (ramblings.mcpher.com, "Optimizing sheet formatting with Apps Script"); Google's
   * best-practices guide ("Minimize calls to other services", "Use batch operations") shows per-cell loops running
   * many times slower than one batched call. Later calls can be cheaper thanks to Apps Script's caching, so this
   * overestimates long per-cell loops rather than underestimating them.
   */
  sheetCallMs: 60,
  /** One Gmail API call through the advanced service (an authenticated HTTPS request): 200 ms, an assumption. */
  gmailCallMs: 200,
  /** Starting one custom-function execution (loading the bundle in a fresh V8 isolate): 100 ms, an assumption. */
  customFunctionStartMs: 100,
};

export interface Cost {
  sheetCalls: number;
  gmailCalls: number;
  jsMs: number;
  /** Custom-function executions started (a formula per row starts one per row). */
  customFunctionStarts?: number;
}

export function estimateSeconds({ sheetCalls, gmailCalls, jsMs, customFunctionStarts = 0 }: Cost): number {
  return (sheetCalls * LATENCY.sheetCallMs + gmailCalls * LATENCY.gmailCallMs + customFunctionStarts * LATENCY.customFunctionStartMs + jsMs) / 1000;
}
