/**
 * The SMS router's language-model agent against a local fake OpenAI-compatible server: the model's answer
 * is the reply, with the user's own facts in its prompt; a model that fails or is late leaves the answer
 * to the built-in agent within the processing budget.
 */
import { createServer, IncomingMessage, Server } from 'http';
import type { AddressInfo } from 'net';
import { eventually } from '../../support/emulator';
import { usePlatform } from '../../support/platform';
import { admin, routedNumber, sentTo, textFrom } from '../../support/sms-router';
import { expectLogged } from '../../support/console';

interface ModelRequest {
  authorization: string | undefined;
  body: { model: string; messages: { role: string; content: string }[] };
}

let behaviour: 'answer' | 'fail' | 'hang' = 'answer';
const requests: ModelRequest[] = [];
const env: Record<string, string> = { SMS_ROUTER_LLM_MODEL: 'tiny-model', SMS_ROUTER_LLM_API_KEY: 'sk-local-test' };
let model: Server;

async function readJson(req: IncomingMessage): Promise<ModelRequest['body']> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ModelRequest['body'];
}

beforeAll(async () => {
  model = createServer((req, res) => {
    void readJson(req).then((body) => {
      requests.push({ authorization: req.headers.authorization, body });
      if (behaviour === 'hang') return; // never answers: the agent's deadline has to end it
      if (behaviour === 'fail') {
        res.writeHead(500).end('{"error":"overloaded"}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: ' You have one number. ' } }] }));
    });
  });
  await new Promise<void>((r) => model.listen(0, '127.0.0.1', r));
  env.SMS_ROUTER_LLM_URL = `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1/chat/completions`;
});
afterAll(async () => {
  model.closeAllConnections();
  await new Promise((r) => model.close(r));
});

const s = usePlatform({ env });

describe('the language-model agent', () => {
  beforeAll(async () => {
    expect((await admin(s()).post('/admin/config/update', { config_key: 'agent', config_value: 'llm' })).status).toBe(200);
    expect(
      (await admin(s()).post('/admin/config/update', { config_key: 'processing_timeout_ms', config_value: '800' })).status,
    ).toBe(200);
  });

  it('answers with the model’s reply, given the user’s own facts, its model and its key', async () => {
    const { number } = await routedNumber(s(), 'llm-user');
    const handset = '+14155557001';
    await textFrom(s(), handset, number, 'What numbers do I have?');
    const reply = await eventually(async () => (await sentTo(s(), handset)).find((m) => !m.body.startsWith('Thank you')));
    expect(reply.body).toBe('You have one number.');
    const [request] = requests;
    expect(request.authorization).toBe('Bearer sk-local-test');
    expect(request.body.model).toBe('tiny-model');
    expect(request.body.messages[0].content).toContain(`Your numbers: ${number}.`);
    expect(request.body.messages[1]).toEqual({ role: 'user', content: 'What numbers do I have?' });
  });

  it.each(['fail', 'hang'] as const)('falls back to the built-in agent when the model %ss', async (how) => {
    behaviour = how;
    const { number } = await routedNumber(s(), `llm-${how}`);
    const handset = how === 'fail' ? '+14155557002' : '+14155557003';
    const started = Date.now();
    expectLogged(/language model unavailable, built-in agent answers/);
    await textFrom(s(), handset, number, 'numbers');
    const reply = await eventually(async () => (await sentTo(s(), handset)).find((m) => !m.body.startsWith('Thank you')));
    expect(reply.body).toBe(`Your numbers: ${number}. Phones that can text you here: none.`);
    expect(Date.now() - started).toBeLessThan(3000);
    behaviour = 'answer';
  });
});
