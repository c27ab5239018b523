/**
 * The agent's softphone panel. It fetches the agent's Voice SDK access token from the service; in a browser
 * with the Flex plugin, the Voice SDK registers with it. Against the local emulator there is no Twilio edge
 * for a real Voice SDK to reach, so the panel drives the emulator's simulated device instead (through the
 * local server's dev routes): it registers with the very same token, places calls through the agent's TwiML
 * App as `device.connect()` would, and shows calls ringing the agent with answer and decline buttons.
 */
import { answer, ApiProblem, dev } from '../api';
import { busy, button, el, field, replace, section, StatusLine } from '../dom';
import type { Session } from '../session';
import { every, View, ViewContext } from '../view';

interface Ringing {
  call_sid: string;
  from: string;
  to: string;
  status: string;
}

/** How often the panel asks what rings the agent: a call rings a person for 20 s or so. */
const RING_POLL_MS = 1000;
const FINAL = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);
/** A softphone stays started while the person moves between views. */
const started = new WeakMap<Session, { identity: string; expires: Date; device: boolean }>();

function callForm(ctx: ViewContext, identity: string): HTMLElement {
  const status = new StatusLine();
  const to = el('input', { name: 'to', type: 'tel', required: true, autocomplete: 'off', placeholder: '+14155557788' });
  const record = el('input', { name: 'record', type: 'checkbox', id: 'record-call' });
  const submit = el('button', { type: 'submit' }, 'Call');
  const form = el(
    'form',
    { class: 'inline-form', 'aria-label': 'Place a call' },
    field('Number to call', to, 'In international format, such as +14155557788.'),
    el('div', { class: 'field checkbox' }, record, el('label', { for: record.id }, 'Record the call')),
    submit,
    status.node,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // Spaces and brackets as people write numbers go; the local server checks the rest and says what is wrong.
    const number = to.value.replace(/[\s()-]/g, '');
    void busy(submit, status, `Calling ${number}…`, async () => {
      const placed = await dev.post<{ call_sid: string }>(`/devices/${encodeURIComponent(identity)}/connect`, {
        params: { To: number, record: record.checked ? 'true' : 'false' },
      });
      return follow(ctx, placed.call_sid, number, status);
    });
  });
  return form;
}

/** Shows the call's progress from the agent's own call log until it ends (or a minute passes). */
async function follow(ctx: ViewContext, callSid: string, number: string, status: StatusLine): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until && !ctx.signal.aborted) {
    try {
      const { call } = await answer(ctx.session.api.GET('/api/twilio/call-logs/detail', { params: { query: { callSid } } }));
      if (FINAL.has(call.status)) {
        const talk = call.duration ? `, ${call.duration} s` : '';
        status.info(`Call to ${number} ended: ${call.status}${talk}. It is in your call log.`);
        return;
      }
      status.info(`Call to ${number}: ${call.status}…`);
    } catch (err) {
      // The call log knows the call once Twilio's first status callback has come.
      if (!(err instanceof ApiProblem) || err.status !== 404) throw err;
      status.info(`Call to ${number}: connecting…`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function incomingPanel(ctx: ViewContext, identity: string): HTMLElement {
  const status = new StatusLine();
  const list = el('div', {}, 'Waiting for calls…');
  const respond = (call: Ringing, how: 'answer' | 'decline') =>
    button(
      how === 'answer' ? 'Answer' : 'Decline',
      (b) => {
        void busy(b, status, how === 'answer' ? 'Answering…' : 'Declining…', () =>
          dev.post(`/devices/${encodeURIComponent(identity)}/${how}`, { call_sid: call.call_sid }),
        ).then((done) => {
          if (!done) return;
          status.info(how === 'answer' ? `Answered the call from ${call.from}.` : `Declined the call from ${call.from}.`);
          // Gone at once; the next poll redraws the list from what still rings.
          b.closest('li')?.remove();
        });
      },
      {
        'aria-label': `${how === 'answer' ? 'Answer' : 'Decline'} the call from ${call.from}`,
        class: how === 'decline' ? 'danger' : undefined,
      },
    );
  let shown = '';
  every(
    RING_POLL_MS,
    ctx.signal,
    async () => {
      const { devices } = await dev.get<{ devices: { ringing?: Ringing[] }[] }>('/devices', { identity });
      const ringing = devices.flatMap((d) => d.ringing ?? []);
      const key = ringing.map((r) => r.call_sid).join();
      // Redrawn only when the calls change, so a focused button keeps its focus.
      if (key === shown) return;
      shown = key;
      replace(
        list,
        ringing.length
          ? el(
              'ul',
              { class: 'ringing' },
              ...ringing.map((r) => el('li', {}, `${r.from} is calling `, respond(r, 'answer'), respond(r, 'decline'))),
            )
          : 'No call is ringing.',
      );
    },
    (err) => status.error(err),
  );
  return section('Incoming calls', 3, status.node, el('div', { 'aria-live': 'polite' }, list));
}

function render(ctx: ViewContext): HTMLElement {
  const { session } = ctx;
  const status = new StatusLine();
  const details = el('div');
  const panels = el('div');
  const show = (s: { identity: string; expires: Date; device: boolean }): void => {
    replace(
      details,
      el(
        'p',
        {},
        `Your softphone identity is `,
        el('strong', { class: 'mono' }, s.identity),
        `; its token is valid until ${s.expires.toLocaleTimeString()}.`,
      ),
      s.device
        ? el('p', {}, 'The local emulator’s simulated device is registered with it: it can place and receive calls here.')
        : el('p', {}, 'The Flex plugin’s Voice SDK registers with this token; calls ring there.'),
    );
    replace(
      panels,
      s.device ? section('Place a call', 3, callForm(ctx, s.identity)) : null,
      s.device ? incomingPanel(ctx, s.identity) : null,
    );
  };
  const start = button('Start softphone', (b) => {
    void busy(
      b,
      status,
      session.emulator ? 'Getting your access token and registering the simulated device…' : 'Getting your access token…',
      async () => {
        const token = await answer(session.api.GET('/api/twilio/access-token'));
        if (session.emulator) {
          await dev.post('/devices', { token: token.token });
        }
        const s = { identity: token.identity, expires: new Date(Date.now() + token.ttl * 1000), device: session.emulator };
        started.set(session, s);
        return s;
      },
    ).then((s) => {
      if (!s) return;
      b.textContent = 'Renew the token';
      show(s);
    });
  });
  const before = started.get(session);
  if (before) {
    start.textContent = 'Renew the token';
    show(before);
  }
  return el('div', {}, section('Your softphone', 3, start, status.node, details), panels);
}

export const softphoneView: View = { id: 'softphone', title: 'Softphone', audience: 'agent', render };
