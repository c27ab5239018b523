/**
 * The SMS router's inbound flow over HTTP through the emulator: acknowledgement and <Redirect>, the
 * built-in agent's reply sent and tracked to delivery, user identification, keywords, limits.
 */
import { eventually } from '../../support/emulator';
import { usePlatform } from '../../support/platform';
import { admin, routedNumber, sentTo, textFrom } from '../../support/sms-router';

const s = usePlatform();

describe('POST /api/v1/sms-router/webhook/sms', () => {
  it('acknowledges at once, and the agent’s reply from the user’s number is delivered and tracked', async () => {
    const { userId, number } = await routedNumber(s(), 'router-ann');
    const handset = '+14155552001';
    const answer = await textFrom(s(), handset, number, 'numbers');
    expect(answer.errors).toEqual([]);
    expect(answer.twiml).toContain('<Message>Thank you for your message. I&apos;ll process it shortly.</Message>');
    expect(answer.twiml).toContain('/api/v1/sms-router/webhook/process</Redirect>');
    const messages = await eventually(async () => {
      const m = await sentTo(s(), handset);
      return m.length === 2 && m[1].status === 'delivered' ? m : undefined;
    });
    expect(messages[1].body).toBe(`Your numbers: ${number}. Phones that can text you here: none.`);
    expect(messages[1].from).toBe(number);
    const stats = await eventually(async () => {
      const r = await admin(s()).get<{ deliveries: { delivered: number } }>('/webhook/stats');
      return r.body.deliveries.delivered === 1 ? r.body : undefined;
    });
    expect(stats).toMatchObject({
      total_messages: 1,
      successful_routes: 1,
      failed_routes: 0,
      last_24_hours: { messages: 1, success_rate: 100 },
      top_users: [{ user_id: userId, message_count: 1, phone_number: handset }],
    });
  });
});
