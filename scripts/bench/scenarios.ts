/**
 * The endpoints the benchmark exercises: one row each. A row names how the request authenticates and
 * builds its query (GET) or body (POST) for the i-th request; the harness does the rest (Flex token in
 * `Token`, basic auth header, Twilio signature, JSON or form encoding).
 */
export type Auth = 'flex' | 'basic' | 'webhook' | 'none';
export type Params = Record<string, string>;

export interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  /** Path on the functions server, or on the emulator when `target` is 'emulator'. */
  path: string;
  /**
   * flex: a Flex token as the `Token` field; basic: API_USERNAME/API_PASSWORD; webhook: form-encoded and
   * signed with X-Twilio-Signature; none: nothing (JSON body for POST).
   */
  auth: Auth;
  /** Query (GET) or body (POST) of the i-th request. */
  input?: (i: number) => Params;
  /** Who answers: the functions (default) or the emulator's control API. */
  target?: 'functions' | 'emulator';
  /** Function routes that must exist in dist for the scenario to run (default: its own path). */
  needs?: readonly string[];
  /** Also measured for requests per second (endpoints whose own CPU time bounds how much a container serves). */
  throughput?: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  // Its throughput is the local server's own ceiling, the yardstick for the other rows.
  { name: 'greeting', method: 'GET', path: '/api', auth: 'none', throughput: true },
  {
    name: 'call location name',
    method: 'GET',
    path: '/api/call-location-name',
    auth: 'flex',
    input: () => ({ phone_number: '+14155550100' }),
    throughput: true,
  },
  { name: 'call logs', method: 'GET', path: '/api/call-logs', auth: 'flex' },
  { name: 'task logs', method: 'GET', path: '/api/task-logs', auth: 'flex' },
  { name: 'sms logs', method: 'GET', path: '/api/sms-logs', auth: 'flex' },
  {
    name: 'send sms',
    method: 'POST',
    path: '/api/send-sms',
    auth: 'flex',
    input: () => ({ to: '+14155559999', from: '+14155550100', body: 'bench' }),
  },
  {
    name: 'receive-sms webhook (direct, signed)',
    method: 'POST',
    path: '/api/receive-sms',
    auth: 'webhook',
    input: (i) => ({ From: '+14155559999', To: '+14155550100', Body: `bench ${i}` }),
  },
  {
    name: 'inbound SMS end to end (emulator -> webhook -> TwiML)',
    method: 'POST',
    path: '/_emulator/inbound-sms',
    target: 'emulator',
    auth: 'none',
    needs: ['/api/receive-sms'],
    input: (i) => ({ From: '+14155557777', To: '+14155550100', Body: `bench ${i}` }),
  },
  { name: 'phone calls (limit 10)', method: 'GET', path: '/phone/calls', auth: 'flex', input: () => ({ limit: '10' }) },
  { name: 'phone health', method: 'GET', path: '/phone/health', auth: 'none' },
  {
    name: 'phone call (places a call)',
    method: 'POST',
    path: '/phone/call',
    auth: 'flex',
    input: (i) => ({ to_number: `+1415555${String(3000 + i).padStart(4, '0')}` }),
  },
  {
    name: 'softphone message (basic auth)',
    method: 'POST',
    path: '/api/message',
    auth: 'basic',
    input: (i) => ({ to: '+14155559999', message: `bench ${i}` }),
  },
  {
    name: 'softphone call (basic auth)',
    method: 'POST',
    path: '/api/call',
    auth: 'basic',
    input: (i) => ({ to: `+1415555${String(5000 + i).padStart(4, '0')}` }),
  },
  {
    name: 'incoming-call webhook (signed)',
    method: 'POST',
    path: '/webhook/incoming-call',
    auth: 'webhook',
    input: (i) => ({ CallSid: `CA${String(i).padStart(32, '0')}`, From: '+14155559999', To: '+14155550111' }),
  },
  {
    name: 'incoming-message webhook (signed, logs to Sync)',
    method: 'POST',
    path: '/webhook/incoming-message',
    auth: 'webhook',
    input: (i) => ({
      MessageSid: `SM${String(i).padStart(32, 'e')}`,
      From: '+14155559999',
      To: '+14155550111',
      Body: `bench ${i}`,
      NumMedia: '0',
    }),
  },
  {
    name: 'call-status callback (signed, Sync upsert)',
    method: 'POST',
    path: '/webhooks/twilio/call-status',
    auth: 'webhook',
    input: (i) => ({
      CallSid: `CA${String(i).padStart(32, 'f')}`,
      CallStatus: 'ringing',
      From: '+14155550111',
      To: '+14155559999',
    }),
  },
];
