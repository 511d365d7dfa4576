/** Adds up vitest's JSON reports into one plain closing line: "N passed, N failed". */
import fs from 'node:fs'

let passed = 0
let failed = 0
for (const file of ['test-results/unit.json', 'test-results/e2e.json']) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    numPassedTests: number
    numFailedTests: number
  }
  passed += report.numPassedTests
  failed += report.numFailedTests
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
