import type { ReactNode } from 'react'

/** Lets keyboard and screen-reader users jump past the header and navigation. */
export function SkipLink({ targetId, children }: { targetId: string; children: ReactNode }) {
  return (
    <a
      className="skip-link"
      href={`#${targetId}`}
      onClick={(event) => {
        // Move focus as well as scroll, so the next Tab continues inside the content.
        const target = document.getElementById(targetId)
        if (target) {
          event.preventDefault()
          target.focus()
          target.scrollIntoView()
        }
      }}
    >
      {children}
    </a>
  )
}
