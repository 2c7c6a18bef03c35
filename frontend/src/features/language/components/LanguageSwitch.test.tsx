import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { LANGUAGE_STORAGE_KEY, storedLanguage } from '@/i18n'
import { citizen, renderApp, signedInAs, signedOut } from '@/testing/test-utils'

describe('the language switch', () => {
  it('starts in Chinese and offers English', async () => {
    signedOut()
    renderApp()

    const toggle = await screen.findByTestId('lang-switch')
    expect(toggle).toHaveTextContent('English')
    expect(toggle).toHaveAccessibleName('切换语言：English')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(await screen.findByTestId('login-button')).toHaveTextContent('登录')
  })

  it('switches the whole page to English, sets <html lang> and remembers the choice', async () => {
    signedInAs(citizen)
    const { user } = renderApp()
    await screen.findByTestId('user-name')

    await user.click(screen.getByTestId('lang-switch'))

    expect(screen.getByTestId('logout-button')).toHaveTextContent('Sign out')
    expect(screen.getByRole('list', { name: 'Roles' })).toHaveTextContent('Citizen')
    expect(screen.getByRole('link', { name: 'Home' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Government services in one place',
    )
    expect(screen.getByText('Demo system · demo accounts are for demonstration only')).toBeVisible()
    expect(screen.getByTestId('lang-switch')).toHaveTextContent('中文')
    expect(document.documentElement.lang).toBe('en-US')
    expect(document.title).toBe('Tongban · One-stop Government Services')
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en-US')
    expect(storedLanguage()).toBe('en-US')
  })

  it('switches back to Chinese', async () => {
    signedOut()
    const { user } = renderApp()

    await screen.findByTestId('login-button')
    await user.click(screen.getByTestId('lang-switch'))
    expect(screen.getByTestId('login-button')).toHaveTextContent('Sign in')

    await user.click(screen.getByTestId('lang-switch'))
    expect(screen.getByTestId('login-button')).toHaveTextContent('登录')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN')
  })

  it('ignores a stored value that is not a supported language', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr-FR')
    expect(storedLanguage()).toBe('zh-CN')
  })
})
