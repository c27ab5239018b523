// GET /api/twilio/access-token?ttl (004): a Voice SDK access token for the user's browser identity.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { platformUser } from '../../../lib/users/directory';
import { DEFAULT_TOKEN_TTL_S, MAX_TOKEN_TTL_S, voiceTokenSigner } from '../../../lib/voice/access-token';
import { platformError } from '../../../lib/contracts/error-shapes';
import { accessTokenSchema } from '../../../lib/contracts/answers/platform';

export const handler = defineFunction({
  summary: "A Voice SDK access token for the caller's browser softphone",
  access: access.user({ via: ['bearer', 'flex'] }),
  input: {
    ttl: f.int({ min: 60, max: MAX_TOKEN_TTL_S }).default(DEFAULT_TOKEN_TTL_S).describe('token lifetime in seconds'),
  },
  errors: platformError,
  answers: { 200: accessTokenSchema },
  errorStatuses: [502],
  run: async ({ input, context, principal }) => {
    const sign = voiceTokenSigner(context);
    const user = await platformUser(twilioClient(context), context, principal);
    const token = sign(user.identity, input.ttl);
    return { success: true, token, identity: user.identity, ttl: input.ttl };
  },
});
