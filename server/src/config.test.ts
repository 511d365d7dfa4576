import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('has working defaults: port 3000, ./data, no license key', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.dbFile).toMatch(/data\/samla\.sqlite$/)
    expect(config.tldrawLicenseKey).toBeUndefined()
  })

  it('chooses the stores: SQLite by default, PostgreSQL with a URL, Redis only with PostgreSQL', () => {
    expect(loadConfig({})).toMatchObject({ databaseUrl: undefined, redisUrl: undefined })
    const pg = 'postgres://samla@db.example.se:5432/samla'
    expect(loadConfig({ SAMLA_DATABASE_URL: pg })).toMatchObject({
      databaseUrl: pg,
      redisUrl: undefined,
    })
    expect(
      loadConfig({ SAMLA_DATABASE_URL: pg, SAMLA_REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl,
    ).toBe('redis://127.0.0.1:6379')
    expect(() => loadConfig({ SAMLA_REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /SAMLA_REDIS_URL: several instances need one database; set SAMLA_DATABASE_URL/,
    )
    expect(() => loadConfig({ SAMLA_DATABASE_URL: 'mysql://x@y/z' })).toThrow(/SAMLA_DATABASE_URL/)
  })

  it('writes times in the deployment’s time zone, Stockholm unless told otherwise', () => {
    expect(loadConfig({}).timeZone).toBe('Europe/Stockholm')
    expect(loadConfig({ SAMLA_TIME_ZONE: 'Europe/Helsinki' }).timeZone).toBe('Europe/Helsinki')
    expect(() => loadConfig({ SAMLA_TIME_ZONE: 'Mars/Olympus' })).toThrow(/SAMLA_TIME_ZONE/)
  })

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/)
    expect(() => loadConfig({ SAMLA_PUBLIC_URL: 'https://samla.example.se/samla' })).toThrow(
      /SAMLA_PUBLIC_URL/,
    )
  })

  it('accepts an origin as public URL, with or without a trailing slash', () => {
    expect(loadConfig({ SAMLA_PUBLIC_URL: 'https://samla.example.se/' }).publicUrl).toBe(
      'https://samla.example.se',
    )
  })

  it('limits creation per address to 60 an hour unless told otherwise, and trusts no proxy', () => {
    expect(loadConfig({})).toMatchObject({ createLimitPerHour: 60, trustProxy: false })
    expect(
      loadConfig({ SAMLA_CREATE_LIMIT_PER_HOUR: '0', SAMLA_TRUST_PROXY: 'true' }),
    ).toMatchObject({ createLimitPerHour: 0, trustProxy: true })
    expect(() => loadConfig({ SAMLA_TRUST_PROXY: 'maybe' })).toThrow(/SAMLA_TRUST_PROXY/)
    expect(() => loadConfig({ SAMLA_CREATE_LIMIT_PER_HOUR: '-1' })).toThrow(
      /SAMLA_CREATE_LIMIT_PER_HOUR/,
    )
  })

  it('hands out 60 voter credentials per address and meeting an hour, and cannot be switched off', () => {
    expect(loadConfig({}).votersPerAddressPerHour).toBe(60)
    expect(loadConfig({ SAMLA_VOTERS_PER_ADDRESS_PER_HOUR: '500' }).votersPerAddressPerHour).toBe(
      500,
    )
    expect(() => loadConfig({ SAMLA_VOTERS_PER_ADDRESS_PER_HOUR: '0' })).toThrow(
      /SAMLA_VOTERS_PER_ADDRESS_PER_HOUR/,
    )
  })
})
