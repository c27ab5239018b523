// POST /webhooks/twilio/recording-status (004, Twilio recording status or transcription callback): keeps the
// recording record, attributed to the owner of its call, and a transcription when one arrives.
import { defineFunction } from '../../../lib/runtime/handler';
import { access } from '../../../lib/runtime/auth';
import { f, invalid } from '../../../lib/runtime/input';
import { twilioClient } from '../../../lib/runtime/twilio-client';
import { platformError } from '../../../lib/contracts/error-shapes';
import { s } from '../../../lib/contracts/schema';
import { RECORDING_STATUSES } from '../../../lib/contracts/answers/platform';
import { chargedAmount } from '../../../lib/runtime/twilio-params';
import { keepRecording, keepTranscription } from '../../../lib/history/recordings';

export const handler = defineFunction({
  summary: "Twilio's recording status or transcription callback: keeps the recording, attributed to its call's owner",
  access: access.webhook(),
  input: {
    RecordingSid: f.sid('RE', 'a recording SID'),
    CallSid: f.sid('CA', 'a call SID'),
    RecordingStatus: f.oneOf(['in-progress', 'completed', 'absent', 'failed'] as const).optional(),
    RecordingDuration: f.int({ min: 0 }).default(0),
    RecordingUrl: f.url().optional(),
    RecordingChannels: f.int({ min: 1, max: 2 }).default(1),
    RecordingSource: f.string({ max: 64 }).default('Unknown'),
    Price: f.string({ max: 32 }).optional(),
    PriceUnit: f.string({ max: 8 }).optional(),
    TranscriptionText: f.body({ max: 16_000 }).optional().describe('set by a transcription callback'),
  },
  errors: platformError,
  answers: {
    200: s.object({
      success: s.literal(true),
      recordingSid: s.string({ pattern: '^RE[0-9a-f]{32}$' }),
      status: s.enum([...RECORDING_STATUSES, 'transcribed']),
    }),
  },
  errorStatuses: [502],
  run: async ({ input, context }) => {
    const client = twilioClient(context);
    const now = new Date().toISOString();
    if (!input.RecordingStatus) {
      // A transcription callback (transcribeCallback) carries no recording status, only the text.
      if (input.TranscriptionText === undefined) throw invalid('RecordingStatus', 'RecordingStatus is required');
      await keepTranscription(client, context, input.CallSid, input.RecordingSid, input.TranscriptionText, now);
      return { success: true, recordingSid: input.RecordingSid, status: 'transcribed' };
    }
    const price = chargedAmount(input.Price);
    const record = await keepRecording(client, context, {
      recordingSid: input.RecordingSid,
      callSid: input.CallSid,
      status: input.RecordingStatus,
      duration: input.RecordingDuration,
      channels: input.RecordingChannels,
      source: input.RecordingSource,
      mediaUrl: input.RecordingUrl ?? '',
      price: price ?? null,
      priceUnit: price !== undefined ? (input.PriceUnit ?? 'USD') : null,
      ...(input.TranscriptionText !== undefined ? { transcription: input.TranscriptionText } : {}),
      createdAt: now,
      updatedAt: now,
    });
    return { success: true, recordingSid: input.RecordingSid, status: record?.status ?? input.RecordingStatus };
  },
});
