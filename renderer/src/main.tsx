import { createRoot } from 'react-dom/client'
import { App } from './App'
import { call } from './api'
import { initI18n } from './i18n'
import './styles.css'

const prefs = await call('prefs.get')
await initI18n(prefs.language)
createRoot(document.getElementById('root')!).render(<App />)
