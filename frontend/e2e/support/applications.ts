import type { Page } from '@playwright/test'
import { api } from './api.ts'
import { png } from './files.ts'

/** A complete, submitted primary-school enrolment of the signed-in citizen, through the API. */
export async function enrolment(page: Page): Promise<{ id: string; number: string }> {
  const { id } = (await api(page, 'POST', '/api/v1/applications', { serviceCode: 'primary-school-enrolment' })) as {
    id: string
  }
  await api(page, 'PUT', `/api/v1/applications/${id}/draft`, {
    formData: {
      childName: '张小明',
      childIdNumber: '110105201905010012',
      childGender: 'male',
      childBirthDate: '2019-05-01',
      guardianRelationship: 'father',
      guardianPhone: '13800138000',
      householdRegistrationAddress: '北京市东城区和平里街道 1 号',
      residenceAddress: '北京市东城区和平里街道 1 号',
      residenceBasis: 'local-owned-home',
      vaccinationCertificateNumber: 'YM2019050100',
    },
  })
  for (const material of ['household-register', 'proof-of-residence', 'vaccination-certificate']) {
    await api(page, 'POST', `/api/v1/applications/${id}/attachments?material=${material}`, undefined, {
      file: { name: `${material}.png`, mimeType: 'image/png', buffer: png(8, 8, [10, 10, 10]) },
    })
  }
  await api(page, 'POST', `/api/v1/applications/${id}/submission`)
  const { number } = (await api(page, 'GET', `/api/v1/applications/${id}`)) as { number: string }
  return { id, number }
}
