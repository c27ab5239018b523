// GET /phone/call-status?call_sid=CA... (003): a call's status, duration and times; 404 when unknown.
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { fetchCall } from '../../lib/voice/calls';
import { phoneError } from '../../lib/contracts/error-shapes';
import { callStatusAnswerSchema } from '../../lib/contracts/answers/phone';

export const handler = defineFunction({
  summary: "A call's status, duration and times",
  access: access.user(),
  input: { call_sid: f.string({ max: 34 }).describe('the call SID (CA...)') },
  errors: phoneError,
  answers: { 200: callStatusAnswerSchema },
  errorStatuses: [404, 502],
  run: async ({ input, context }) => {
    const c = await fetchCall(twilioClient(context), input.call_sid);
    return {
      success: true,
      call_sid: c.call_sid,
      status: c.status,
      to: c.to,
      from_number: c.from,
      duration: c.duration,
      start_time: c.start_time,
      end_time: c.end_time,
    };
  },
});
