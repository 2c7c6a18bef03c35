import { Input } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

/** Searching the catalogue; the catalogue page itself is still to come. */
export function ServiceSearch() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const id = useId()
  return (
    <form
      role="search"
      className="service-search"
      onSubmit={(event) => event.preventDefault()}
      aria-labelledby={`${id}-label`}
    >
      <label id={`${id}-label`} htmlFor={id} className="service-search__label">
        {t('home.search.label')}
      </label>
      <Input.Search
        id={id}
        size="large"
        placeholder={t('home.search.placeholder')}
        enterButton={t('home.search.button')}
        onSearch={(value) => {
          const query = value.trim()
          void navigate(query ? `/services?q=${encodeURIComponent(query)}` : '/services')
        }}
      />
    </form>
  )
}
