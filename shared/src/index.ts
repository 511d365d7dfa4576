export * from './api.ts'
export * from './ids.ts'
export * from './meetings.ts'
export * from './protocol.ts'
