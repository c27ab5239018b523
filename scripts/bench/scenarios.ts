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
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'greeting', method: 'GET', path: '/api', auth: 'none' },
  {
    name: 'call location name',
    method: 'GET',
    path: '/api/call-location-name',
    auth: 'flex',
    input: () => ({ phone_number: '+14155550100' }),
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
];
