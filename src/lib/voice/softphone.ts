/**
 * Which browser softphone rings: the Flex user's own identity when a Flex user asks, otherwise the
 * configured SOFTPHONE_IDENTITY (the single-user softphone of basic-auth callers).
 */
import { ApiError } from '../runtime/errors';
import type { ServiceContext } from '../runtime/env';
import type { Principal } from '../runtime/principal';

export function softphoneIdentity(context: ServiceContext, principal?: Principal): string {
  if (principal?.via === 'flex') return principal.userId;
  const identity = context.SOFTPHONE_IDENTITY?.trim();
  if (!identity) throw new ApiError(500, 'CONFIGURATION_ERROR', 'SOFTPHONE_IDENTITY is not set');
  return identity;
}
