import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// i18n first: the first render is already in the remembered language.
import './i18n'
import { App } from './app'
import './index.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
