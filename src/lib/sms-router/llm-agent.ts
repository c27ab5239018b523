/**
 * The optional language-model agent: an OpenAI-compatible chat-completions endpoint (SMS_ROUTER_LLM_URL,
 * SMS_ROUTER_LLM_MODEL, SMS_ROUTER_LLM_API_KEY), given the user's own facts and held to a deadline.
 * Whatever goes wrong (no answer in time, an error, an empty answer) the built-in agent answers instead.
 */
import type { ServiceEnv } from '../runtime/env';
import { logWarning } from '../runtime/log';
import type { TwilioClient } from '../runtime/twilio-client';
import { AgentRequest, builtinAnswer, callsFact, numbersFact, usageFact } from './builtin-agent';

/** An SMS reply is at most 1600 characters (Twilio's limit for one message). */
const REPLY_MAX = 1600;

export function llmConfigured(env: ServiceEnv): boolean {
  return Boolean(env.SMS_ROUTER_LLM_URL && env.SMS_ROUTER_LLM_MODEL);
}

interface ChatCompletion {
  choices?: { message?: { content?: unknown } }[];
}

async function askModel(env: ServiceEnv, system: string, text: string, timeoutMs: number): Promise<string> {
  const res = await fetch(env.SMS_ROUTER_LLM_URL ?? '', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(env.SMS_ROUTER_LLM_API_KEY ? { Authorization: `Bearer ${env.SMS_ROUTER_LLM_API_KEY}` } : {}),
    },
    body: JSON.stringify({
      model: env.SMS_ROUTER_LLM_MODEL,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: text },
      ],
    }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`model answered HTTP ${res.status}`);
  const content = ((await res.json()) as ChatCompletion).choices?.[0]?.message?.content;
  if (typeof content !== 'string' || content.trim() === '') throw new Error('model gave no answer');
  return Array.from(content.trim()).slice(0, REPLY_MAX).join('');
}

/** The model's answer within `timeoutMs`, else the built-in agent's; `agent` says which answered. */
export async function llmAnswer(
  client: TwilioClient,
  env: ServiceEnv,
  req: AgentRequest,
  timeoutMs: number,
): Promise<{ text: string; agent: 'llm' | 'builtin' }> {
  const started = Date.now();
  try {
    const [numbers, calls, usage] = await Promise.all([
      numbersFact(client, env, req.userId),
      callsFact(client, env, req.userId),
      usageFact(client, env, req.userId),
    ]);
    const system = [
      'You answer text messages for the user of a contact-centre phone service. Reply in at most 300 characters, plain text.',
      'Use only these facts about the user:',
      numbers,
      calls,
      usage,
      `Help: ${req.helpText}`,
    ].join('\n');
    const left = timeoutMs - (Date.now() - started);
    if (left <= 0) throw new Error('no time left for the model');
    return { text: await askModel(env, system, req.text, left), agent: 'llm' };
  } catch (err) {
    logWarning(
      'sms-router',
      `language model unavailable, built-in agent answers: ${err instanceof Error ? err.message : String(err)}`,
    );
    return { text: await builtinAnswer(client, env, req), agent: 'builtin' };
  }
}
