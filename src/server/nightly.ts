import { actionContext } from './action-context';
import { SYNC_LAST_RUN_KEY } from './install';
import { sendDigest } from './digest';
import { missingScopes } from './scopes';
import { settingsOf } from './settings-reader';
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

const SYNC: NightlyJob = {
  name: 'sync',
  due: () => missingScopes(['gmailRead', 'calendarRead']).length === 0 && settingsOf(actionContext().config).sync.on,
  run: () => {
    try {
      return describeSync(runSync());
    } catch (error) {
      // Said where the user looks: Touchpoint ▸ Help ▸ Check installation.
      PropertiesService.getDocumentProperties().setProperty(SYNC_LAST_RUN_KEY, JSON.stringify({ at: Date.now(), text: `Did not run: ${error instanceof Error ? error.message : String(error)}`, failed: true }));
      throw error;
    }
  },
};

const REMINDER: NightlyJob = {
  name: 'reminder email',
  due: () => missingScopes(['sendMail', 'userEmail']).length === 0,
  run: () => sendDigest(),
};

/** The jobs of this build (the constants are tested here, so a build without a feature leaves its code out). */
function installedJobs(): NightlyJob[] {
  const jobs: NightlyJob[] = [];
  if (typeof __WITH_SYNC__ !== 'undefined' && __WITH_SYNC__) jobs.push(SYNC);
  if (typeof __WITH_DIGEST__ !== 'undefined' && __WITH_DIGEST__) jobs.push(REMINDER);
  return jobs;
}

export function runNightlyJobs(jobs: readonly NightlyJob[] = installedJobs()): void {
  for (const job of jobs) {
    try {
      if (job.due()) console.log(`Touchpoint ${job.name}: ${job.run()}`);
    } catch (error) {
      console.warn(`Touchpoint ${job.name} did not run tonight: ${error}`);
    }
  }
}
