import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

/** Debian's nginx (scripts/test.sh installs it); /usr/sbin is not on every user's PATH. */
export const NGINX =
  process.env.NGINX_PATH ?? (fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx')

/** The configuration the README tells operators to install; the cluster test runs exactly it. */
export const SAMLA_NGINX_CONF = path.resolve(import.meta.dirname, '../../deploy/nginx/samla.conf')

export interface NginxSite {
  /** The port nginx listens on, on 127.0.0.1. */
  port: number
  /** The instances' ports, in the order of the file's example servers (3001, 3002). */
  upstreams: number[]
  accessLog: string
  /** The optional sticky upstream for the board sockets, uncommented and used. */
  stickySockets?: boolean
}

/** Replaces `from` in `text`, and fails when it is not there: the file's form changed. */
function replaceAll(text: string, from: string | RegExp, to: string): string {
  const pattern = typeof from === 'string' ? from : new RegExp(from.source, 'gm')
  const replaced = text.replaceAll(pattern, to)
  if (replaced === text) throw new Error(`deploy/nginx/samla.conf no longer contains ${from}`)
  return replaced
}

/**
 * deploy/nginx/samla.conf with only what differs on a test machine replaced: the instances'
 * ports, a loopback listen address instead of port 80, the access log's path.
 */
export function renderSite(source: string, site: NginxSite): string {
  const examples = ['127.0.0.1:3001', '127.0.0.1:3002']
  if (site.upstreams.length !== examples.length)
    throw new Error(`the file names ${examples.length} instances`)
  let conf = source
  examples.forEach((example, i) => {
    conf = replaceAll(conf, example, `127.0.0.1:${site.upstreams[i]}`)
  })
  conf = replaceAll(conf, /^(\s*)listen 80;$/, `$1listen 127.0.0.1:${site.port};`)
  conf = replaceAll(conf, /^\s*listen \[::\]:80;\n/, '')
  conf = replaceAll(conf, '/var/log/nginx/samla.access.log', site.accessLog)
  if (site.stickySockets) {
    conf = replaceAll(conf, /^# (upstream samla_ws \{|\s+hash |\s+server |\})/, '$1')
    conf = replaceAll(
      conf,
      /(location \/ws\/ \{\n\s*proxy_pass) http:\/\/samla;/,
      '$1 http://samla_ws;',
    )
  }
  return conf
}

/** A free TCP port on loopback (nginx, unlike Samla, cannot be told to pick one). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export interface NginxProcess {
  url: string
  /** What nginx wrote into the site's access log so far. */
  accessLog(): string
  /** Lines nginx logged at level error or worse (a failed upstream, a refused temp file). */
  errors(): string[]
  stop(): Promise<void>
}

/**
 * Debian's nginx in the foreground, as its own process, with the site inside a minimal main
 * configuration whose logs, pid and temporary files stay in a directory of its own. Resolves
 * once the master has started its worker, which is after it bound the port.
 */
export async function startNginx(
  site: Omit<NginxSite, 'port' | 'accessLog'>,
): Promise<NginxProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-nginx-'))
  // Workers run as nobody when nginx starts as root; they write request bodies under here.
  fs.chmodSync(dir, 0o755)
  const port = await freePort()
  const accessLog = path.join(dir, 'access.log')
  const source = fs.readFileSync(SAMLA_NGINX_CONF, 'utf8')
  fs.writeFileSync(path.join(dir, 'samla.conf'), renderSite(source, { ...site, port, accessLog }))
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${path.join(dir, kind)};`)
    .join('\n')
  const main = path.join(dir, 'nginx.conf')
  fs.writeFileSync(
    main,
    `worker_processes 1;
error_log stderr notice;
events { worker_connections 1024; }
http {
${temp}
  include ${path.join(dir, 'samla.conf')};
}
`,
  )
  const child = spawn(
    NGINX,
    ['-p', dir, '-c', main, '-g', `daemon off; pid ${path.join(dir, 'nginx.pid')};`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stderr: string[] = []
  await workerStarted(child, exited, stderr)
  return {
    url: `http://127.0.0.1:${port}`,
    accessLog: () => fs.readFileSync(accessLog, 'utf8'),
    errors: () => stderr.filter((line) => /\[(error|crit|alert|emerg)\]/.test(line)),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        // Fast shutdown: open sockets are closed rather than waited for.
        child.kill('SIGTERM')
        await exited
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

function workerStarted(
  child: ChildProcess,
  exited: Promise<void>,
  stderr: string[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stderr as NodeJS.ReadableStream })
    lines.on('line', (line) => {
      stderr.push(line)
      if (line.includes('start worker process ')) resolve()
    })
    child.once('error', reject)
    void exited.then(() => reject(new Error(`nginx exited: ${stderr.join('\n')}`)))
  })
}
