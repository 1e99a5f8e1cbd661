import { actionContext } from './action-context';
import { isInstalled } from './install';
import { missingScopes } from './scopes';
import { readSettingsSheet } from './settings-reader';
import { describeSync, runSync } from './sync';

/**
 * What the nightly trigger does after refreshing As of, each job on its own: one that fails (a permission taken
 * back, Gmail busy) is logged and the others still run. Jobs run only when installed and turned on in Settings.
 */
interface NightlyJob {
  name: string;
  due(): boolean;
  run(): string;
}

const JOBS: readonly NightlyJob[] = [
  {
    name: 'sync',
    due: () => isInstalled('sync') && missingScopes(['gmailRead', 'calendarRead']).length === 0 && readSettingsSheet(actionContext().spreadsheet).sync.on,
    run: () => describeSync(runSync()),
  },
];

export function runNightlyJobs(jobs: readonly NightlyJob[] = JOBS): void {
  for (const job of jobs) {
    try {
      if (job.due()) console.log(`Touchpoint ${job.name}: ${job.run()}`);
    } catch (error) {
      console.warn(`Touchpoint ${job.name} did not run tonight: ${error}`);
    }
  }
}
