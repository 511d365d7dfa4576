import { isIP } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/**
 * The address a request came from, as a key for per-address limits. Behind a reverse proxy
 * (`trustProxy`) that is the last hop of X-Forwarded-For, the address the proxy itself saw;
 * earlier hops are whatever the client chose to send. In-process requests (tests through
 * app.request) have no socket and share the key `local`.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
    if (last && isIP(last)) return addressKey(last)
  }
  const fromSocket = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined
  const address = fromSocket ? getConnInfo(c).remote.address : undefined
  return address ? addressKey(address) : 'local'
}

/**
 * IPv4 as it is; an IPv4-mapped IPv6 address as its IPv4; any other IPv6 address by its /64,
 * the smallest block a household or a school is given, so that one network cannot get a
 * fresh allowance from each of its 2⁶⁴ addresses.
 */
export function addressKey(address: string): string {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1]
  if (mapped) return mapped
  if (isIP(address) !== 6) return address
  const prefix = expandIPv6(address.toLowerCase().replace(/%.*$/, '')).slice(0, 4)
  return `${prefix.map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`
}

/** The eight groups of a valid IPv6 address, `::` filled in (an IPv4 tail counts as one). */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  if (tail === undefined) return left
  const right = tail ? tail.split(':') : []
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
}
