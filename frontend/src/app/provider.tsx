import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { createQueryClient } from '@/lib/query-client'

// A deeper blue than antd's default, and darker secondary text, so that text and
// controls keep WCAG AA contrast (4.5:1) on white.
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0f5bb5',
    // Ant Design's default error red is too light for text on white (WCAG AA)
    colorError: '#c0262d',
    colorLink: '#0f5bb5',
    // antd derives a lighter blue for a link under the mouse (#5393cf, 3.3:1 on white); hovered
    // and pressed links get darker instead, so they stay readable (10:1 and 14:1).
    colorLinkHover: '#043e8f',
    colorLinkActive: '#002869',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
}

export function AppProvider({
  children,
  queryClient,
}: {
  children: ReactNode
  queryClient?: QueryClient
}) {
  const { i18n } = useTranslation()
  const [client] = useState(() => queryClient ?? createQueryClient())
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider
        locale={i18n.resolvedLanguage === 'en-US' ? enUS : zhCN}
        theme={theme}
        // antd would otherwise put a space between two Chinese characters ("退 出").
        button={{ autoInsertSpace: false }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  )
}
