import type { Mermaid } from 'mermaid'

// Mermaid (with d3, dagre, …) is large: only the guidance page needs it, so it is loaded on
// demand, in chunks of its own, the first time a diagram is drawn.
let loading: Promise<Mermaid> | undefined

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid')
    .then(({ default: mermaid }) => {
      mermaid.initialize({
        startOnLoad: false,
        // Labels are escaped and the SVG is sanitised; no scripts, no clickable nodes.
        securityLevel: 'strict',
        theme: 'base',
        fontFamily:
          "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
        themeVariables: {
          // The portal's blue, with text dark enough for WCAG AA on the light fills.
          primaryColor: '#eef4fc',
          primaryBorderColor: '#0f5bb5',
          primaryTextColor: '#1f1f1f',
          lineColor: '#4a5563',
          textColor: '#1f1f1f',
          fontSize: '14px',
        },
        state: { useMaxWidth: true },
      })
      return mermaid
    })
    .catch((error: unknown) => {
      // Let the next attempt (a retry, another page) try loading again.
      loading = undefined
      throw error
    })
  return loading
}

/** Draws Mermaid text as SVG markup. `id` must be unique in the page and a valid CSS id. */
export async function renderMermaid(id: string, text: string): Promise<string> {
  const mermaid = await loadMermaid()
  const { svg } = await mermaid.render(id, text)
  return svg
}
