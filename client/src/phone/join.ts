import { ACCESSIBILITY_PATH, JOIN_PATH, type JoinResult, PRIVACY_PATH } from '@samla/shared'
import { LANGUAGES, type Language, storedLanguage, storeLanguage } from '../i18n/storedLanguage.ts'
import { en as joinEn, sv as joinSv } from './joinMessages.ts'

type JoinKey = keyof typeof joinSv
const texts = { sv: joinSv, en: joinEn }

import '../styles.css'
import './phone.css'
import '../legal/legal.css'

/*
 * Where a join code is typed (`/j`) or arrives in a link (`/j/<code>`); leads to the phone
 * page. A page of its own (join.html), in plain DOM: it is the first thing forty phones on
 * one school Wi-Fi load, and React alone is 58 KB compressed, tldraw 430 KB. The markup is
 * what the other pages' PageHeader and forms render, so it looks and reads the same.
 */

const INPUT_ID = 'join-code'
const ERROR_ID = 'join-error'

/**
 * The join call without zod, which would be most of this page's bytes: of the answer only
 * the phone link is used, checked here.
 */
async function phoneLink(code: string): Promise<string> {
  const clean = code.replace(/[\s-]/g, '').toUpperCase()
  const res = await fetch(`/api/join/${encodeURIComponent(clean)}`)
  if (!res.ok) throw new JoinError(res.status)
  const body = (await res.json().catch(() => null)) as Partial<JoinResult> | null
  if (typeof body?.phoneLink !== 'string') throw new JoinError(0)
  return body.phoneLink
}

class JoinError extends Error {
  constructor(readonly status: number) {
    super(`join: ${status}`)
  }
}

const errorKey = (status: number): JoinKey =>
  status === 404 || status === 400
    ? 'phone.join.notFound'
    : status === 429
      ? 'phone.join.tooMany'
      : 'phone.join.failed'

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props)
  node.append(...children)
  return node
}

function mountJoinPage(root: HTMLElement, given: string | null) {
  let language: Language = storedLanguage()
  let error: JoinKey | null = null
  let busy = false
  // Its own few texts only, not every page's dictionary (joinMessages.ts).
  const t = (key: JoinKey) => texts[language][key]

  const languageButtons = LANGUAGES.map((lang) => {
    const name = element('span', { className: 'language__name' })
    const code = element('span', { className: 'language__code', textContent: lang.toUpperCase() })
    code.setAttribute('aria-hidden', 'true')
    const button = element('button', { type: 'button', lang, className: 'language__option' })
    button.append(name, code)
    button.addEventListener('click', () => {
      language = lang
      storeLanguage(lang)
      render()
    })
    return { lang, button, name }
  })
  const nav = element('nav', { className: 'language' }, ...languageButtons.map((b) => b.button))
  const brand = element('p', { className: 'brand' })
  const heading = element('h1', { id: 'join-heading' })
  const label = element('label', { htmlFor: INPUT_ID })
  const input = element('input', {
    id: INPUT_ID,
    className: 'phone__code',
    required: true,
    maxLength: 12,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: false,
    value: given ?? '',
  })
  input.addEventListener('input', () => {
    input.value = input.value.toUpperCase()
  })
  const submit = element('button', { type: 'submit', className: 'button' })
  const alert = element('p', { id: ERROR_ID, className: 'error' })
  alert.setAttribute('role', 'alert')
  const form = element('form', { className: 'form' }, label, input, submit)
  const section = element('section', { className: 'card' }, heading, form)
  section.setAttribute('aria-labelledby', heading.id)
  // The accessibility statement and the personal-data page, as in every page's footer.
  const accessibility = element('a', { className: 'link', href: ACCESSIBILITY_PATH })
  const privacy = element('a', { className: 'link', href: PRIVACY_PATH })
  const footerNav = element('nav', {}, accessibility, privacy)
  root.replaceChildren(
    element(
      'main',
      { className: 'page phone' },
      element('header', { className: 'page__header' }, brand, nav),
      section,
    ),
    element('footer', { className: 'page-footer' }, footerNav),
  )

  function render() {
    document.documentElement.lang = language
    document.title = `${t('phone.join.heading')} – ${t('app.name')}`
    brand.textContent = t('app.name')
    nav.setAttribute('aria-label', t('language.label'))
    for (const { lang, button, name } of languageButtons) {
      button.setAttribute('aria-pressed', String(lang === language))
      name.textContent = t(`language.${lang}`)
    }
    footerNav.setAttribute('aria-label', t('legal.footer.label'))
    accessibility.textContent = t('legal.footer.accessibility')
    privacy.textContent = t('legal.footer.privacy')
    heading.textContent = t('phone.join.heading')
    label.textContent = t('phone.join.label')
    submit.textContent = t('phone.join.submit')
    submit.disabled = busy
    if (error) {
      alert.textContent = t(error)
      input.setAttribute('aria-invalid', 'true')
      input.setAttribute('aria-describedby', ERROR_ID)
      if (!alert.isConnected) form.append(alert)
    } else {
      input.removeAttribute('aria-invalid')
      input.removeAttribute('aria-describedby')
      alert.remove()
    }
  }

  async function go(code: string) {
    busy = true
    error = null
    render()
    try {
      location.assign(await phoneLink(code))
    } catch (err) {
      error = errorKey(err instanceof JoinError ? err.status : 0)
      busy = false
      render()
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void go(input.value)
  })
  render()
  // A code in the link is tried once.
  if (given) void go(given)
}

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from join.html')
const path = location.pathname
const given = path.startsWith(`${JOIN_PATH}/`)
  ? decodeURIComponent(path.slice(JOIN_PATH.length + 1)) || null
  : null
mountJoinPage(root, given)
