import { Input } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** The keyword box of the catalogue; `value` is the keyword the URL holds. */
export function CatalogueSearch({
  value,
  onSearch,
}: {
  value: string
  onSearch: (keyword: string) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState(value)
  // Follow the URL when it changes from outside (back button, a link from the home page).
  const [shown, setShown] = useState(value)
  if (value !== shown) {
    setShown(value)
    setText(value)
  }

  return (
    <form
      role="search"
      className="service-search catalogue-search"
      onSubmit={(event) => event.preventDefault()}
      aria-labelledby={`${id}-label`}
    >
      <label id={`${id}-label`} htmlFor={id} className="service-search__label">
        {t('catalog.search.label')}
      </label>
      <Input.Search
        id={id}
        size="large"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t('catalog.search.placeholder')}
        enterButton={t('catalog.search.button')}
        allowClear
        onSearch={(keyword) => onSearch(keyword.trim())}
        data-testid="catalog-search"
      />
    </form>
  )
}
