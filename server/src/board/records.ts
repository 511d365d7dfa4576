export { pageOf, type RecordLookup } from '@samla/shared'
