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
      childIdNumber: '110105201905010013',
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

/**
 * A submitted birth medical certificate application of the signed-in parent (zhangsan), through
 * the API: the parents' identity from the household register and its members (with consent),
 * the rest typed. Returns its number.
 */
export async function birthCertificate(page: Page, babyName: string, birthDate: string): Promise<{ id: string; number: string }> {
  const { id } = (await api(page, 'POST', '/api/v1/applications', { serviceCode: 'birth-medical-certificate' })) as {
    id: string
  }
  await api(page, 'PUT', `/api/v1/applications/${id}/sources/household-register`, { decision: 'granted' })
  const withMother = (await api(page, 'PUT', `/api/v1/applications/${id}/sources/household-member`, {
    decision: 'granted',
    recordKey: '110105199205121222',
  })) as { formData: Record<string, unknown> }
  await api(page, 'PUT', `/api/v1/applications/${id}/draft`, {
    formData: {
      ...withMother.formData,
      newbornName: babyName,
      newbornGender: 'male',
      birthDate,
      birthTime: '08:30',
      birthWeightGrams: 3400,
      birthLengthCm: 50,
      gestationalWeeks: 39,
      hospitalName: '北京市西城区妇幼保健院',
      fatherName: '张三',
      fatherIdNumber: '110105199003071239',
      contactPhone: '13800138000',
    },
  })
  await api(page, 'POST', `/api/v1/applications/${id}/submission`)
  const { number } = (await api(page, 'GET', `/api/v1/applications/${id}`)) as { number: string }
  return { id, number }
}
