/**
 * Every environment variable the service reads, typed. Twilio Functions put them on `context`.
 * README's variable table and .env.example list the same names.
 */
export interface ServiceEnv {
  ACCOUNT_SID?: string;
  AUTH_TOKEN?: string;
  /** Set only for local runs: the base URL of the local Twilio emulator. Never deployed. */
  TWILIO_EMULATOR_URL?: string;
  /** The service's own number for calls and messages (002 TWILIO_PHONE_NUMBER, 003 TWILIO_FROM_NUMBER). */
  TWILIO_PHONE_NUMBER?: string;
  TWILIO_FROM_NUMBER?: string;
  TWILIO_WHATSAPP_NUMBER?: string;
  /** The browser softphone identity that rings for inbound calls to numbers without an owner. */
  SOFTPHONE_IDENTITY?: string;
  API_USERNAME?: string;
  API_PASSWORD?: string;
  JWT_SECRET?: string;
  /** The TwiML App (AP...) whose Voice URL answers calls placed from the browser with the Voice SDK. */
  TWILIO_APP_SID?: string;
  /** A standard API key (SK...) and its secret: they sign the Voice SDK Access Tokens. */
  TWILIO_API_KEY?: string;
  TWILIO_API_SECRET?: string;
  /** Twilio Sync service for state; `default` when unset. */
  SYNC_SERVICE_SID?: string;
  TASKROUTER_WORKSPACE_SID?: string;
  /** ISO country codes, comma-separated, the service may call and message; default: its own number's country. */
  ALLOWED_DIAL_COUNTRIES?: string;
  /** How many numbers one user may hold at once (bought and not released); 5 when unset. */
  MAX_NUMBERS_PER_USER?: string;
  /** A user's monthly spending limit unless an admin set their own, in USD ("50.00"); 50.00 when unset. */
  DEFAULT_MONTHLY_LIMIT?: string;
  /** The Twilio Verify service (VA...) that sends the SMS router's phone-mapping verification codes. */
  TWILIO_VERIFY_SERVICE_SID?: string;
  /** The SMS router's optional language-model agent: an OpenAI-compatible chat-completions URL, model and key. */
  SMS_ROUTER_LLM_URL?: string;
  SMS_ROUTER_LLM_MODEL?: string;
  SMS_ROUTER_LLM_API_KEY?: string;
  /** Where Flex is allowed to call from (CORS); `*` when unset. */
  ALLOWED_ORIGINS?: string;
}

/** What Twilio Functions give every invocation, plus the service's own variables. */
export interface ServiceContext extends ServiceEnv {
  DOMAIN_NAME: string;
  PATH: string;
  SERVICE_SID?: string;
  ENVIRONMENT_SID?: string;
}
