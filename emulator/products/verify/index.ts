/**
 * Verify v2 (https://verify.twilio.com/v2): Services, Verifications and VerificationCheck on the SMS channel.
 */
import type { Emulator } from '../../core/emulator';
import type { MessagesApi } from '../messages';
import { registerVerifyServices } from './services';
import { registerVerifications } from './verifications';

export function registerVerify(emu: Emulator, deps: { messages: MessagesApi }): void {
  const services = registerVerifyServices(emu);
  registerVerifications(emu, { services, messages: deps.messages });
}
