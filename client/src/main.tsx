import { StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { I18nProvider } from './i18n/index.tsx'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      {/* Each view is a chunk of its own (App.tsx); nothing is shown while it arrives. */}
      <Suspense fallback={null}>
        <App />
      </Suspense>
    </I18nProvider>
  </StrictMode>,
)
