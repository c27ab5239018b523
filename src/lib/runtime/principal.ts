/**
 * Who is calling: one shape for all three ways in (Flex token, bearer JWT, basic auth).
 * Permissions use the SMS router's names; admin has them all, supervisor the `view` ones,
 * agent none (agents see only their own data).
 */
export const PERMISSIONS = [
  'system:view_sms_status',
  'system:view_sms_usage',
  'system:view_phone_mappings',
  'system:manage_phone_mappings',
  'system:view_sms_config',
  'system:manage_sms_config',
  'system:view_usage_analytics',
  // Not a seed's: running reconciliation (/admin/reconcile), which only admins do.
  'system:manage_reconciliation',
  // Not a seed's: setting the rate card and users' spending limits (issue 9), which only admins do.
  'system:manage_rates',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type Role = 'admin' | 'supervisor' | 'agent';

export interface Principal {
  userId: string;
  roles: Role[];
  permissions: Permission[];
  via: 'flex' | 'bearer' | 'basic';
  /** TaskRouter worker behind a Flex identity, when Flex says. */
  workerSid?: string;
}

export function permissionsForRoles(roles: readonly Role[]): Permission[] {
  if (roles.includes('admin')) return [...PERMISSIONS];
  if (roles.includes('supervisor')) return PERMISSIONS.filter((p) => p.startsWith('system:view_'));
  return [];
}

export function isRole(value: unknown): value is Role {
  return value === 'admin' || value === 'supervisor' || value === 'agent';
}

export function isPermission(value: unknown): value is Permission {
  return (PERMISSIONS as readonly unknown[]).includes(value);
}
