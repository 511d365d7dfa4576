import { PROCESS_ARCHIVE_FORMAT, type ProcessRecord } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import { processToMarkdown } from './processExports.ts'

const record: ProcessRecord = {
  format: PROCESS_ARCHIVE_FORMAT,
  process: { name: 'Kraftsamling *Blekinge*', description: '', organisers: '' },
  meetings: [
    {
      title: 'Samling 1',
      group: 'kraftsamling',
      date: '2026-12-01',
      format: 'hybrid',
      status: 'ended',
      takenAt: null,
      phases: [],
    },
  ],
  crossings: [],
  ideas: [],
  blueList: [],
  handslag: [],
}

describe('the process record in Markdown', () => {
  it('escapes what people typed, never the dates of its meetings', () => {
    const md = processToMarkdown({ record, language: 'sv' })
    expect(md).toContain('# Kraftsamling \\*Blekinge\\*\n')
    expect(md).toContain('\nKraftsamling · hybrid · 2026-12-01 · avslutad\n')
  })
})
