// POST /admin/reconcile: repairs the service's logs (inbound messages, call records, recordings) from
// Twilio's own records since the last run; ops call it on a schedule until `done` (docs/decisions/0006).
import { defineFunction } from '../../lib/runtime/handler';
import { access } from '../../lib/runtime/auth';
import { f } from '../../lib/runtime/input';
import { twilioClient } from '../../lib/runtime/twilio-client';
import { reconcile } from '../../lib/reconcile/sweep';
import { platformError } from '../../lib/contracts/error-shapes';
import { logRepairSchema } from '../../lib/contracts/answers/admin';

/** Work stops starting this long after the request came in, well inside the wrapper's 7 s deadline. */
const BUDGET_MS = 5_000;

export const handler = defineFunction({
  summary: "Repairs the service's logs from Twilio's own records since the last run; call until done",
  method: 'POST',
  access: access.user({ via: ['flex', 'bearer'], permission: 'system:manage_reconciliation' }),
  input: {
    window_minutes: f
      .int({ min: 1, max: 7 * 24 * 60 })
      .optional()
      .describe('re-check this many minutes back whatever the watermark says (up to 7 days)'),
  },
  errors: platformError,
  answers: { 200: logRepairSchema },
  errorStatuses: [502],
  run: async ({ input, context }) => {
    const outcome = await reconcile(twilioClient(context), context, {
      deadline: Date.now() + BUDGET_MS,
      ...(input.window_minutes !== undefined ? { windowMs: input.window_minutes * 60_000 } : {}),
    });
    return { success: true, ...outcome };
  },
});
