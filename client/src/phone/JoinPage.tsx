import { Notice } from '../Notice.tsx'

/** Where a join code is typed (`/j`) or arrives in a link (`/j/<code>`). */
export function JoinPage(_props: { code: string | null }) {
  return <Notice headingKey="notFound.heading" />
}
