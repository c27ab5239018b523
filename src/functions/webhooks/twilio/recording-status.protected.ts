// POST /webhooks/twilio/recording-status (004, Twilio recording status callback): keeps the recording record.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { recordRecording } from '../../../lib/store/recordings';
import { platformError } from '../../../lib/contracts/error-shapes';
import { chargedAmount } from '../../../lib/runtime/twilio-params';

export const handler = defineFunction({
  access: access.webhook(),
  input: {
    RecordingSid: f.string({ pattern: /^RE[0-9a-f]{32}$/, patternHint: 'must be a recording SID' }),
    CallSid: f.string({ pattern: /^CA[0-9a-f]{32}$/, patternHint: 'must be a call SID' }),
    RecordingStatus: f.oneOf(['in-progress', 'completed', 'absent', 'failed'] as const),
    RecordingDuration: f.int({ min: 0 }).default(0),
    RecordingUrl: f.url().optional(),
    RecordingChannels: f.int({ min: 1, max: 2 }).default(1),
    RecordingSource: f.string({ max: 64 }).default('Unknown'),
    Price: f.string({ max: 32 }).optional(),
    PriceUnit: f.string({ max: 8 }).optional(),
  },
  errors: platformError,
  run: async ({ input, context }) => {
    const now = new Date().toISOString();
    const price = chargedAmount(input.Price);
    const record = await recordRecording(twilioClient(context), context, {
      recordingSid: input.RecordingSid,
      callSid: input.CallSid,
      status: input.RecordingStatus,
      duration: input.RecordingDuration,
      channels: input.RecordingChannels,
      source: input.RecordingSource,
      mediaUrl: input.RecordingUrl ?? '',
      price: price ?? null,
      priceUnit: price !== undefined ? (input.PriceUnit ?? 'USD') : null,
      createdAt: now,
      updatedAt: now,
    });
    return { success: true, recordingSid: input.RecordingSid, status: record?.status ?? input.RecordingStatus };
  },
});
