/**
 * Phone mappings as admins manage them and users verify them: a number is mapped to at most one user,
 * a user has at most one primary number (a new primary demotes the old one), and a mapping becomes
 * verified when its user proves the phone is theirs with a Twilio Verify code sent by SMS.
 */
import { ApiError } from '../runtime/errors';
import { invalid } from '../runtime/input';
import type { ServiceEnv } from '../runtime/env';
import type { TwilioClient } from '../runtime/twilio-client';
import {
  addMapping,
  allMappings,
  mappingById,
  mappingsOfUser,
  PhoneMapping,
  removeMapping,
  updateMapping,
} from '../store/phone-mappings';
import { isoSeconds } from '../time';
import { Actor, audit } from './audit';
import { forget, memoryKey } from './container-memory';

export const VERIFICATION_METHODS = ['manual', 'sms'] as const;

export const mappingNotFound = (): ApiError => new ApiError(404, 'PHONE_NUMBER_NOT_FOUND', 'Phone mapping not found');

export function listMappings(client: TwilioClient, env: ServiceEnv, userId: number | undefined): Promise<PhoneMapping[]> {
  return userId === undefined ? allMappings(client, env) : mappingsOfUser(client, env, userId);
}

/** Demotes the user's other primary mappings (each change audited as part of `action`). */
async function demoteOtherPrimaries(client: TwilioClient, env: ServiceEnv, actor: Actor, keep: PhoneMapping): Promise<void> {
  for (const other of await mappingsOfUser(client, env, keep.user_id)) {
    if (other.id === keep.id || !other.is_primary) continue;
    const after = await updateMapping(client, env, other, (m) => ({ ...m, is_primary: false }));
    await audit(client, env, actor, 'phone_mapping.demote_primary', `phone_mapping:${other.id}`, {
      before: other,
      after: after ?? null,
    });
  }
}

export async function createMapping(
  client: TwilioClient,
  env: ServiceEnv,
  actor: Actor,
  req: { userId: number; phoneNumber: string; isPrimary: boolean; verificationMethod: string },
): Promise<PhoneMapping> {
  const mapping = await addMapping(client, env, {
    user_id: req.userId,
    phone_number: req.phoneNumber,
    is_primary: req.isPrimary,
    // Only a Verify code proves the phone is the user's; `sms` says how it will be verified.
    is_verified: false,
    verification_method: req.verificationMethod,
    created_at: isoSeconds(new Date()),
    verified_at: null,
  });
  if (!mapping) {
    throw invalid('phone_number', `Failed to create phone mapping: ${req.phoneNumber} is already mapped to a user`);
  }
  forget(memoryKey(env, 'mapping', mapping.phone_number));
  await audit(client, env, actor, 'phone_mapping.create', `phone_mapping:${mapping.id}`, { before: null, after: mapping });
  if (mapping.is_primary) await demoteOtherPrimaries(client, env, actor, mapping);
  return mapping;
}

export async function deleteMapping(client: TwilioClient, env: ServiceEnv, actor: Actor, id: number): Promise<void> {
  const mapping = await mappingById(client, env, id);
  if (!mapping) throw mappingNotFound();
  await removeMapping(client, env, mapping);
  forget(memoryKey(env, 'mapping', mapping.phone_number));
  await audit(client, env, actor, 'phone_mapping.delete', `phone_mapping:${id}`, { before: mapping, after: null });
}

/** The mapping when the caller is its user or may manage mappings; otherwise as if it did not exist. */
export async function mappingForCaller(client: TwilioClient, env: ServiceEnv, actor: Actor, id: number): Promise<PhoneMapping> {
  const mapping = await mappingById(client, env, id);
  const mayManage = actor.principal.permissions.includes('system:manage_phone_mappings');
  if (!mapping || (!mayManage && mapping.user_id !== actor.user.userId)) throw mappingNotFound();
  return mapping;
}

function verifyService(client: TwilioClient, env: ServiceEnv) {
  if (!env.TWILIO_VERIFY_SERVICE_SID) {
    throw new ApiError(500, 'CONFIGURATION_ERROR', 'TWILIO_VERIFY_SERVICE_SID is not set; phone numbers cannot be verified');
  }
  return client.verify.v2.services(env.TWILIO_VERIFY_SERVICE_SID);
}

export async function startVerification(
  client: TwilioClient,
  env: ServiceEnv,
  actor: Actor,
  id: number,
): Promise<{ mapping: PhoneMapping; status: string }> {
  const service = verifyService(client, env);
  const mapping = await mappingForCaller(client, env, actor, id);
  if (mapping.is_verified) return { mapping, status: 'approved' };
  const verification = await service.verifications.create({ to: mapping.phone_number, channel: 'sms' });
  await audit(client, env, actor, 'phone_mapping.verification_start', `phone_mapping:${id}`, {
    before: mapping,
    after: { ...mapping, verification_status: verification.status },
  });
  return { mapping, status: verification.status };
}

export async function checkVerification(
  client: TwilioClient,
  env: ServiceEnv,
  actor: Actor,
  id: number,
  code: string,
): Promise<PhoneMapping> {
  const service = verifyService(client, env);
  const mapping = await mappingForCaller(client, env, actor, id);
  if (mapping.is_verified) return mapping;
  let status: string;
  try {
    status = (await service.verificationChecks.create({ to: mapping.phone_number, code })).status;
  } catch (err) {
    // Verify answers 404 once a verification expired, was approved or ran out of attempts.
    if ((err as { status?: unknown }).status === 404) status = 'expired';
    else throw err;
  }
  if (status !== 'approved') {
    throw invalid('code', status === 'expired' ? 'No pending verification: start a new one' : 'The code is not correct');
  }
  const at = isoSeconds(new Date());
  const after = await updateMapping(client, env, mapping, (m) => ({
    ...m,
    is_verified: true,
    verification_method: 'sms',
    verified_at: at,
  }));
  if (!after) throw mappingNotFound();
  forget(memoryKey(env, 'mapping', mapping.phone_number));
  await audit(client, env, actor, 'phone_mapping.verify', `phone_mapping:${id}`, { before: mapping, after });
  return after;
}
