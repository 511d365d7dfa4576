import { Notice } from '../Notice.tsx'

/** A meeting on a phone: a name, a form for a sticky note, the phase's notes to vote on. */
export function PhonePage(_props: { boardId: string }) {
  return <Notice headingKey="notFound.heading" />
}
