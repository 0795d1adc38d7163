// Appends "admin <passed> <failed>" to $OSP_TEST_SUMMARY after a run, so .ci/run can print one
// closing line over every suite it ran ("N passed, N failed").
const { appendFileSync } = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.OSP_TEST_SUMMARY;
    if (!file) return;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    appendFileSync(file, `admin ${results.numPassedTests} ${failed}\n`);
  }
}
module.exports = SummaryReporter;
