import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '@/lib/localize'
import type { Material, SharedData } from '@/lib/catalog/types'

/**
 * The documents an application needs: name, whether required, accepted formats, size limit;
 * one a department's record can stand in for says so (免提交) and who holds it.
 */
export function MaterialsTable({
  materials,
  sharedData = [],
  labelledBy,
}: {
  materials: readonly Material[]
  sharedData?: readonly SharedData[]
  labelledBy: string
}) {
  const { t } = useTranslation()
  const localize = useLocalize()

  const sharedFor = (material: Material) =>
    material.source ? sharedData.find((data) => data.dataset === material.source) : undefined

  if (materials.length === 0) {
    return <Typography.Paragraph>{t('catalog.guide.materials.none')}</Typography.Paragraph>
  }
  return (
    <div className="table-scroll">
      <table className="data-table" aria-labelledby={labelledBy} data-testid="materials-table">
        <thead>
          <tr>
            <th scope="col">{t('catalog.guide.materials.name')}</th>
            <th scope="col">{t('catalog.guide.materials.required')}</th>
            <th scope="col">{t('catalog.guide.materials.formats')}</th>
            <th scope="col">{t('catalog.guide.materials.maxSize')}</th>
          </tr>
        </thead>
        <tbody>
          {materials.map((material) => (
            <tr key={material.code} data-testid={`material-${material.code}`}>
              <th scope="row">
                {localize.text(material.name)}
                {sharedFor(material) && (
                  <span className="guide__shared-note" data-testid="material-shared">
                    {' '}
                    <span className="badge badge--shared">{t('catalog.guide.materials.shared')}</span>{' '}
                    {t('catalog.guide.materials.sharedFrom', {
                      department: localize.department(sharedFor(material)!.department),
                      name: localize.text(sharedFor(material)!.name),
                    })}
                  </span>
                )}
              </th>
              <td>
                <span className={material.required ? 'badge badge--required' : 'badge'}>
                  {material.required
                    ? t('catalog.guide.materials.requiredYes')
                    : t('catalog.guide.materials.requiredNo')}
                </span>
              </td>
              <td>{localize.list(material.formats.map((format) => format.toUpperCase()))}</td>
              <td>{t('catalog.guide.materials.maxSizeValue', { size: material.maxSizeMb })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
