import { Alert } from 'antd'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDiagram } from '@/lib/catalog/get-diagram'
import { renderMermaid } from '@/lib/mermaid'
import { Loading } from './PageStates'

/**
 * The service's state diagram, drawn by Mermaid (loaded on demand). It is one image to
 * assistive technology; the steps list on the same page says the same in words.
 */
export function WorkflowDiagram({
  url,
  label,
  describedBy,
}: {
  url: string
  /** The image's accessible name. */
  label: string
  /** The text alternative: the id of what describes the diagram in words. */
  describedBy: string
}) {
  const { t } = useTranslation()
  const diagram = useDiagram(url)
  const baseId = `diagram-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const renders = useRef(0)
  const [drawn, setDrawn] = useState<{ text: string; svg: string } | undefined>()
  const [failed, setFailed] = useState<string | undefined>()

  useEffect(() => {
    const text = diagram.data
    if (text === undefined) return
    let cancelled = false
    // Mermaid removes any element that already has the id it draws with: use a fresh one.
    renders.current += 1
    renderMermaid(`${baseId}-${renders.current}`, text).then(
      (svg) => {
        if (!cancelled) setDrawn({ text, svg })
      },
      () => {
        if (!cancelled) setFailed(text)
      },
    )
    return () => {
      cancelled = true
    }
  }, [diagram.data, baseId])

  if (diagram.isError || (failed !== undefined && failed === diagram.data)) {
    return (
      <Alert
        type="info"
        showIcon
        role="note"
        title={t('catalog.guide.diagram.error')}
        data-testid="diagram-error"
      />
    )
  }
  if (!drawn) {
    return (
      <Loading
        className="service-diagram service-diagram--loading"
        label={t('catalog.guide.diagram.loading')}
      />
    )
  }
  return (
    <div
      className="service-diagram"
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      // On a phone the diagram is wider than the screen and scrolls: keyboards must reach it.
      tabIndex={0}
      data-testid="service-diagram"
      // Mermaid's own output, drawn with securityLevel 'strict' (labels escaped, SVG sanitised).
      dangerouslySetInnerHTML={{ __html: drawn.svg }}
    />
  )
}
