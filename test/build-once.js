// Builds dist/ once before the suite, so the bundle tests always run the code as it is now.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
};
