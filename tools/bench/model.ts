/**
 * A latency model for estimating wall time on Google's servers from the fake's call and cell counts. Apps Script
 * bills every service call as a round-trip, and a sheet call costs more the more cells it moves; the script's own
 * JavaScript is comparatively free. The constants are estimates, stated with where they come from; change them here
 * and rerun `npm run bench`.
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
  /**
   * Each cell a sheet call reads or writes (the fake's counter: cellsRead, cellsWritten): 0.1 ms. A published
   * measurement wrote 4,000 cells (400 rows × 10) with one setValues and then flush() in 610 ms (Stack Overflow
   * answer to "What is faster: ScriptDb or SpreadsheetApp?", as mirrored at
   * https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp; without
   * flush() the same write returned in under 50 ms, because Apps Script defers writes, so the cost shows at the
   * flush or at the end of the run). Less two calls at sheetCallMs, that is 490 ms / 4,000 ≈ 0.12 ms a cell,
   * rounded down to 0.1. Reads are charged the same: an assumption, as no published measurement separates a read's
   * per-cell cost from its call. With it a whole-column rewrite of 10,000 rows costs a second, not one call's 60 ms.
   */
  cellMs: 0.1,
  /** One Gmail API call through the advanced service (an authenticated HTTPS request): 200 ms, an assumption. */
  gmailCallMs: 200,
  /** Starting one custom-function execution (loading the bundle in a fresh V8 isolate): 100 ms, an assumption. */
  customFunctionStartMs: 100,
};

export interface Cost {
  sheetCalls: number;
  gmailCalls: number;
  jsMs: number;
  /** Cells the sheet calls read and wrote (the fake's counter). */
  cellsRead?: number;
  cellsWritten?: number;
  /** Custom-function executions started (a formula per row starts one per row). */
  customFunctionStarts?: number;
}

export function estimateSeconds({ sheetCalls, gmailCalls, jsMs, cellsRead = 0, cellsWritten = 0, customFunctionStarts = 0 }: Cost): number {
  const ms =
    sheetCalls * LATENCY.sheetCallMs +
    (cellsRead + cellsWritten) * LATENCY.cellMs +
    gmailCalls * LATENCY.gmailCallMs +
    customFunctionStarts * LATENCY.customFunctionStartMs +
    jsMs;
  return ms / 1000;
}
