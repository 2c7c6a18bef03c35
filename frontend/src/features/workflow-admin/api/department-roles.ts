import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'

/** A role of a department: clerk and dept-admin (built in), then the ones it defined. */
export interface DepartmentRole {
  code: string
  nameZh: string
  nameEn: string
  builtIn: boolean
}

/** An official holding a role; `grantedInPortal`: granted here (and revocable here), else by the identity provider. */
export interface RoleHolder {
  subject: string
  username: string | null
  displayName: string
  grantedInPortal: boolean
}

export interface NewRole {
  code: string
  nameZh: string
  nameEn: string
}

const encode = encodeURIComponent
const adminPath = (department: string) => `/api/v1/department-admin/departments/${encode(department)}`
const rolesKey = (department: string) => ['workflow-admin', 'roles', department] as const
const holdersKey = (department: string, role: string) => ['workflow-admin', 'holders', department, role] as const

export function useDepartmentRoles(department: string) {
  return useQuery({
    queryKey: rolesKey(department),
    queryFn: ({ signal }) =>
      apiClient.get<DepartmentRole[]>(`/api/v1/departments/${encode(department)}/roles`, { signal }),
  })
}

export function useDefineRole(department: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (role: NewRole) => apiClient.post<DepartmentRole>(`${adminPath(department)}/roles`, role),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey(department) }),
  })
}

export function useRoleHolders(department: string, role: string) {
  return useQuery({
    queryKey: holdersKey(department, role),
    queryFn: ({ signal }) =>
      apiClient.get<RoleHolder[]>(`${adminPath(department)}/roles/${encode(role)}/holders`, { signal }),
  })
}

/** The department's officials the portal knows (signed in at least once): whom a role can be granted to. */
export function useDepartmentOfficials(department: string, enabled: boolean) {
  return useQuery({
    queryKey: ['workflow-admin', 'officials', department],
    queryFn: ({ signal }) => apiClient.get<RoleHolder[]>(`${adminPath(department)}/officials`, { signal }),
    enabled,
    staleTime: 0,
  })
}

/** Grants (`grant: true`) or revokes a role; answers the role's holders. */
export function useChangeHolder(department: string, role: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ subject, grant }: { subject: string; grant: boolean }) => {
      const path = `${adminPath(department)}/roles/${encode(role)}/holders/${encode(subject)}`
      return grant ? apiClient.put<RoleHolder[]>(path) : apiClient.delete<RoleHolder[]>(path)
    },
    onSuccess: (holders) => queryClient.setQueryData(holdersKey(department, role), holders),
  })
}
