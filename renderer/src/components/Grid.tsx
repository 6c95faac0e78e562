/** AG Grid with the app's theme and the current language's locale; every list in the app uses it. */
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale'
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community'
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'

ModuleRegistry.registerModules([AllCommunityModule])

const deskTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  accentColor: '#1456a0',
  rowHeight: 34,
  headerHeight: 36,
})

export function Grid<T>(props: AgGridReactProps<T> & { gridRef?: Ref<AgGridReact<T>> }) {
  const { i18n } = useTranslation()
  const { gridRef, ...rest } = props
  return (
    <AgGridReact<T>
      // A new grid per language: AG Grid reads its locale once, when it is created.
      key={i18n.language}
      ref={gridRef}
      theme={deskTheme}
      localeText={i18n.language === 'en' ? AG_GRID_LOCALE_EN : AG_GRID_LOCALE_CN}
      {...rest}
    />
  )
}
