/**
 * `npm start`: builds, then serves the preview on localhost.
 *   npm start -- --csv FILE        start from your CSV (the sheet's columns or a LinkedIn Connections.csv), imported
 *                                  by Touchpoint's own import, as Touchpoint ▸ Import contacts… would
 *   npm start -- --data FILE.json  keep the workbook in FILE.json between runs (created on first run)
 *   npm start -- --as-of 2026-11-22 --time-zone Europe/London
 * PORT sets the port (default 8080).
 */
import path from 'path';
import { optionsOrExit } from '../cli';
import { startPreview } from './server';

declare const __ROOT__: string;

const options = optionsOrExit('npm start --', {
  csv: { type: 'string', help: 'FILE         start from your CSV (the sheet\'s columns or a LinkedIn Connections.csv)' },
  data: { type: 'string', help: 'FILE.json   keep the workbook in FILE.json between runs (created on first run)' },
  'as-of': { type: 'string', help: 'YYYY-MM-DD  pretend today is this date' },
  'time-zone': { type: 'string', help: 'ZONE   the spreadsheet\'s time zone, e.g. Europe/London' },
});

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const { data, csv } = options;
  const preview = await startPreview({
    root: __ROOT__,
    port,
    csv: csv && path.resolve(csv),
    data: data && path.resolve(data),
    asOf: options['as-of'],
    timeZone: options['time-zone'],
  });
  console.log(`Touchpoint preview: ${preview.url}`);
  console.log(csv ? `Started from ${csv}.` : 'Started from the sample workbook (40 made-up contacts).');
  for (const message of preview.messages) console.log(message);
  console.log(data ? `Your changes are kept in ${data}.` : 'Changes are lost when you stop it (keep them with -- --data FILE.json).');
  console.log('Open Extensions ▸ Touchpoint ▸ Open sidebar. Stop with Ctrl+C.');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
