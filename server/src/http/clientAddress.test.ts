import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { addressKey, clientAddress } from './clientAddress.ts'

describe('addressKey', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6, and groups other IPv6 addresses by their /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('2001:db8:0:12::1')).toBe('2001:db8:0:12::/64')
    expect(addressKey('2001:0db8:0000:0012:abcd:ef01:2345:6789')).toBe('2001:db8:0:12::/64')
    expect(addressKey('2001:db8::')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
  })
})

describe('clientAddress', () => {
  const app = (trustProxy: boolean) =>
    new Hono().get('/', (c) => c.text(clientAddress(c, trustProxy)))
  const from = async (trustProxy: boolean, forwarded?: string) =>
    (
      await app(trustProxy).request(
        '/',
        forwarded ? { headers: { 'x-forwarded-for': forwarded } } : {},
      )
    ).text()

  it('takes the last hop of X-Forwarded-For only behind a trusted proxy', async () => {
    expect(await from(false, '203.0.113.7')).toBe('local')
    expect(await from(true, '203.0.113.7')).toBe('203.0.113.7')
    // Earlier hops are the client's to invent; the last is what the proxy saw.
    expect(await from(true, '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7')
    expect(await from(true, '203.0.113.7, not-an-address')).toBe('local')
    expect(await from(true)).toBe('local')
  })
})
