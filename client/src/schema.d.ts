export interface paths {
    "/admin/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Repairs the service's logs from Twilio's own records since the last run; call until done
         * @description Needs the permission `system:manage_reconciliation` (admins have it).
         */
        post: operations["adminReconcile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Says the Flex plugin API is available */
        get: operations["api"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * System health: Twilio and Sync reachability, webhook failures and reconciliations in the last hour
         * @description Needs the permission `system:view_usage_analytics` (admins have it).
         */
        get: operations["apiAdminHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rate card history, seed 004's default first, and which card is in force now
         * @description Needs the permission `system:manage_rates` (admins have it).
         */
        get: operations["apiAdminRates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/rates/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new rate card for events from its effective time; rates not given carry over
         * @description Needs the permission `system:manage_rates` (admins have it).
         */
        post: operations["apiAdminRatesUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ledger's Twilio cost against Twilio's Usage Records for a month, by category
         * @description Needs the permission `system:view_usage_analytics` (admins have it).
         */
        get: operations["apiAdminReconcile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/revenue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A month's revenue: billed to users, Twilio's cost and the margin, by category
         * @description Needs the permission `system:view_usage_analytics` (admins have it).
         */
        get: operations["apiAdminRevenue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/spending-limits/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sets a user's monthly spending limit
         * @description Needs the permission `system:manage_rates` (admins have it).
         */
        post: operations["apiAdminSpendingLimitsUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Platform-wide usage and amounts by billing category, per day or month
         * @description Needs the permission `system:view_usage_analytics` (admins have it).
         */
        get: operations["apiAdminUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each user's calls, messages, recordings and costs in a month, highest first, paged
         * @description Needs the permission `system:view_usage_analytics` (admins have it).
         */
        get: operations["apiAdminUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Calls a phone or WhatsApp user and connects them to the softphone, once per idempotency key */
        post: operations["apiCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/call-location-name": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a phone number is from and whose it is (the caller's name where Twilio Lookup knows it) */
        get: operations["apiCallLocationName"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/call-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's 50 newest calls */
        get: operations["apiCallLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/message": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends an SMS, MMS or WhatsApp message from the configured number, once per idempotency key */
        post: operations["apiMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receive-sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio's incoming-message webhook: bills an SMS received on a user's number and acknowledges it */
        post: operations["apiReceiveSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/send-sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends an SMS from one of the account's numbers, once per idempotency key */
        post: operations["apiSendSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sms-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's 20 newest messages */
        get: operations["apiSmsLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/task-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 50 newest TaskRouter tasks of the Flex workspace */
        get: operations["apiTaskLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/access-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A Voice SDK access token for the caller's browser softphone */
        get: operations["apiTwilioAccessToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/available-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Searches the numbers Twilio has for sale, by type, area code, digits and capabilities */
        get: operations["apiTwilioAvailableNumbers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's monthly bills, newest first: line items, number fees, total */
        get: operations["apiTwilioBilling"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/buy-number": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buys a number for the caller, its calls and messages pointed at this service */
        post: operations["apiTwilioBuyNumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/call-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's calls, newest first, paged */
        get: operations["apiTwilioCallLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/call-logs/detail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the caller's calls, with its price once Twilio reports it */
        get: operations["apiTwilioCallLogsDetail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/my-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The phone numbers the caller holds, with their call counts */
        get: operations["apiTwilioMyNumbers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/my-numbers/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Gives one of the caller's numbers back to Twilio; its history stays */
        post: operations["apiTwilioMyNumbersRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/my-numbers/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Changes one of the caller's numbers: its website or whether it may make calls */
        post: operations["apiTwilioMyNumbersUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/recordings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's recordings, newest first, paged */
        get: operations["apiTwilioRecordings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/recordings/by-call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The recordings of one of the caller's calls */
        get: operations["apiTwilioRecordingsByCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/recordings/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deletes one of the caller's recordings, at Twilio and here */
        post: operations["apiTwilioRecordingsDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's usage and costs in a month: by category, by number, against their limit */
        get: operations["apiTwilioUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/voice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The TwiML App's Voice URL: dials a browser call from the user's number, rings the owner of a called number */
        post: operations["apiTwilioVoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log of admin operations, newest first
         * @description Needs the permission `system:view_sms_status` (admins have it).
         */
        get: operations["apiV1SmsRouterAdminAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/admin/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every setting of the router: stored, or its default
         * @description Needs the permission `system:view_sms_config` (admins have it).
         */
        get: operations["apiV1SmsRouterAdminConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/admin/config/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sets one known setting to a valid value (audited)
         * @description Needs the permission `system:manage_sms_config` (admins have it).
         */
        post: operations["apiV1SmsRouterAdminConfigUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/admin/phone-mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The phone mappings: whose each sender's number is
         * @description Needs the permission `system:view_phone_mappings` (admins have it).
         */
        get: operations["apiV1SmsRouterAdminPhoneMappings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/admin/phone-mappings/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Maps a phone number to a user (audited)
         * @description Needs the permission `system:manage_phone_mappings` (admins have it).
         */
        post: operations["apiV1SmsRouterAdminPhoneMappingsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/admin/phone-mappings/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Removes a phone mapping (audited)
         * @description Needs the permission `system:manage_phone_mappings` (admins have it).
         */
        post: operations["apiV1SmsRouterAdminPhoneMappingsDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/admin/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The router's health, statistics and endpoints in one
         * @description Needs the permission `system:view_sms_status` (admins have it).
         */
        get: operations["apiV1SmsRouterAdminStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/admin/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The usage log, newest first, a page at a time
         * @description Needs the permission `system:view_sms_usage` (admins have it).
         */
        get: operations["apiV1SmsRouterAdminUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/phone-mappings/verify/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Checks the code sent to a mapping's phone; a correct one marks the mapping verified */
        post: operations["apiV1SmsRouterPhoneMappingsVerifyCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/phone-mappings/verify/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a Twilio Verify code by SMS to a mapping's phone */
        post: operations["apiV1SmsRouterPhoneMappingsVerifyStart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/webhook/delivery-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio's status callback for a reply: moves its delivery forward and retries a failed one */
        post: operations["apiV1SmsRouterWebhookDeliveryStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/webhook/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the router can reach its state and Twilio (public, for monitors) */
        get: operations["apiV1SmsRouterWebhookHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/webhook/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The processing of a routed SMS (the acknowledgement's Redirect): the user's agent answers it */
        post: operations["apiV1SmsRouterWebhookProcess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/webhook/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio's incoming-message webhook: routes an SMS to its user's agent, or says politely why not */
        post: operations["apiV1SmsRouterWebhookSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-router/webhook/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Routing statistics, kept as messages are routed
         * @description Needs the permission `system:view_sms_status` (admins have it).
         */
        get: operations["apiV1SmsRouterWebhookStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The web console for agents and admins (numbers, softphone, calls, usage and bills; platform usage, health, SMS router) */
        get: operations["console"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The interactive API docs (Swagger UI) on /openapi.json, with "Try it out" against this service */
        get: operations["docs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/phone/call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Places a call from the configured number, once per idempotency key */
        post: operations["phoneCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/phone/call-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A call's status, duration and times */
        get: operations["phoneCallStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/phone/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's most recent calls */
        get: operations["phoneCalls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/phone/default-twiml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The TwiML of a call placed without twiml_url */
        post: operations["phoneDefaultTwiml"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/phone/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the phone service is configured (public, for monitors) */
        get: operations["phoneHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook/incoming-call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio's voice webhook: rings the browser of the number's owner or the softphone; unanswered, takes a voicemail */
        post: operations["webhookIncomingCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook/incoming-message": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio's messaging webhook: logs an SMS, MMS or WhatsApp message, bills it, and acknowledges it */
        post: operations["webhookIncomingMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/call-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio's call status callback: keeps the call record and bills a completed call once */
        post: operations["webhooksTwilioCallStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/recording-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio's recording status or transcription callback: keeps the recording, attributed to its call's owner */
        post: operations["webhooksTwilioRecordingStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        PlatformError: {
            /** @constant */
            success: false;
            /** @description VALIDATION_ERROR, PHONE_NUMBER_NOT_FOUND, ... */
            error: string;
            message: string;
        };
        PluginError: {
            /** @description what went wrong, in words */
            error: string;
        };
        RateCard: {
            /** @description `default` for seed 004’s card */
            id: string;
            /**
             * Format: date-time
             * @description events from this time on are billed at this card
             */
            effectiveAt: string;
            priceUnit: string;
            rates: {
                phoneNumberMonthly: number;
                outboundCallPerMinute: number;
                inboundCallPerMinute: number;
                recordingPerMinute: number;
                smsPerSegment: number;
            };
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
        };
        RevenueLine: {
            count: number;
            billed: number;
            twilioCost: number;
            /** @description billed minus Twilio’s cost */
            margin: number;
            unpriced: number;
        };
        CategoryTally: {
            count: number;
            quantity: number;
            /** @enum {string} */
            unit: "months" | "minutes" | "segments";
            /** @description billed to users */
            amount: number;
            /** @description what Twilio charged, as far as it has said */
            twilioCost: number;
            /** @description entries whose Twilio price is not known yet */
            unpriced: number;
        };
        MoneyTotal: {
            count: number;
            amount: number;
            twilioCost: number;
            unpriced: number;
        };
        PlatformPagination: {
            page: number;
            limit: number;
            totalPages: number;
            totalItems: number;
        };
        SoftphoneError: {
            error: string;
            /** @description the input that failed validation */
            field?: string;
        };
        PluginWebhookError: {
            /** @constant */
            status: "error";
            message: string;
        };
        PlatformAvailableNumber: {
            /** @description E.164 */
            phoneNumber: string;
            friendlyName: string;
            /** @description empty when Twilio does not say */
            locality: string;
            /** @description empty when Twilio does not say */
            region: string;
            country: string;
            capabilities: {
                voice: boolean;
                sms: boolean;
                mms: boolean;
            };
        };
        BillingCategoryLine: {
            /** @enum {string} */
            category: "phone-numbers";
            count: number;
            months: number;
            amount: number;
        } | {
            /** @enum {string} */
            category: "calls-outbound" | "calls-inbound" | "recordings";
            count: number;
            minutes: number;
            amount: number;
        } | {
            /** @enum {string} */
            category: "sms-outbound" | "sms-inbound";
            count: number;
            segments: number;
            amount: number;
        };
        MonthlyBill: {
            month: string;
            /**
             * @description open for this month
             * @enum {string}
             */
            status: "open" | "closed";
            priceUnit: string;
            /** @description every billing category, in a fixed order */
            lineItems: components["schemas"]["BillingCategoryLine"][];
            numberFees: {
                phoneNumberId: string;
                number: string;
                months: number;
                amount: number;
            }[];
            total: number;
        };
        PhoneNumber: {
            /** @description the number id in this service */
            id: string;
            /** @description E.164 */
            number: string;
            /** @description the platform user id, as a string */
            userId: string;
            twilioSid: string;
            websiteId: string | null;
            /** @constant */
            provider: "twilio";
            /** @description USD a month */
            monthlyFee: number;
            callCount: number;
            /** @enum {string} */
            status: "active" | "inactive" | "released";
            country: string;
            region: string;
            locality: string;
            capabilities: {
                voice: boolean;
                sms: boolean;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CallLog: {
            id: string;
            callSid: string;
            /** @description the platform user id, as a string */
            userId: string;
            phoneNumberId: string | null;
            to: string;
            from: string;
            /** @enum {string} */
            direction: "inbound" | "outbound";
            /** @enum {string} */
            status: "queued" | "initiated" | "ringing" | "in-progress" | "completed" | "busy" | "no-answer" | "failed" | "canceled";
            duration: number | null;
            price: number | null;
            priceUnit: string | null;
            recordingUrl: string | null;
            recordingSid: string | null;
            transcription: string | null;
            startTime: string | null;
            endTime: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PlatformRecording: {
            id: string;
            recordingSid: string;
            /** @description the platform user id, as a string */
            userId: string;
            callSid: string;
            phoneNumberId: string | null;
            /** @description seconds */
            duration: number;
            channels: number;
            /** @enum {string} */
            status: "in-progress" | "paused" | "stopped" | "processing" | "completed" | "absent" | "failed" | "deleted";
            /** @description empty until Twilio gives it */
            mediaUrl: string;
            price: number | null;
            priceUnit: string | null;
            transcription: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        MonthUsage: {
            month: string;
            priceUnit: string;
            /** @description every billing category, in a fixed order */
            categories: components["schemas"]["BillingCategoryLine"][];
            total: number;
            phoneNumbers: {
                phoneNumberId: string;
                number: string;
                /** @enum {string} */
                status: "active" | "inactive" | "released";
                /** @description every billing category, in a fixed order */
                categories: components["schemas"]["BillingCategoryLine"][];
                total: number;
            }[];
            limit: {
                monthlyLimit: number;
                spent: number;
                remaining: number;
                percentUsed: number;
                /**
                 * @description set for this user by an admin, or the default
                 * @enum {string}
                 */
                source: "user" | "default";
                /**
                 * @description alert from 80%; calls and messages stop at 100%
                 * @enum {string}
                 */
                alert: "ok" | "alert" | "limit_reached";
            };
        };
        RouterError: {
            /** @description what went wrong, in words */
            detail: string;
            /** @description VALIDATION_ERROR, PHONE_NUMBER_NOT_FOUND, ... */
            error_code: string;
            /** @constant */
            status: "error";
            /** Format: date-time */
            timestamp: string;
        };
        PhoneMapping: {
            id: number;
            /** @description the user's id in the user directory */
            user_id: number;
            /** @description E.164 */
            phone_number: string;
            is_primary: boolean;
            is_verified: boolean;
            /** @enum {string} */
            verification_method: "manual" | "sms";
            /** Format: date-time */
            created_at: string;
            verified_at: string | null;
        };
        RouterHealth: {
            /** @enum {string} */
            status: "healthy" | "degraded";
            /** @constant */
            service: "SMS Router Webhook";
            /** Format: date-time */
            timestamp: string;
            components: {
                /** @enum {string} */
                routing_engine: "healthy" | "unhealthy";
                /** @enum {string} */
                database: "healthy" | "unhealthy";
                /** @enum {string} */
                twilio: "healthy" | "unhealthy";
            };
        };
        PhoneError: {
            detail: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    adminReconcile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description re-check this many minutes back whatever the watermark says (up to 7 days) */
                    window_minutes?: number;
                };
                "application/x-www-form-urlencoded": {
                    /** @description re-check this many minutes back whatever the watermark says (up to 7 days) */
                    window_minutes?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        /** @description false until every source is swept: call again */
                        done: boolean;
                        sources: {
                            messages: {
                                /** @description Twilio records looked at in this run */
                                checked: number;
                                /** @description records added or moved forward */
                                repaired: number;
                                /** @description false when the budget ran out; the next run resumes */
                                done: boolean;
                                watermark: string | null;
                            };
                            calls: {
                                /** @description Twilio records looked at in this run */
                                checked: number;
                                /** @description records added or moved forward */
                                repaired: number;
                                /** @description false when the budget ran out; the next run resumes */
                                done: boolean;
                                watermark: string | null;
                            };
                            recordings: {
                                /** @description Twilio records looked at in this run */
                                checked: number;
                                /** @description records added or moved forward */
                                repaired: number;
                                /** @description false when the budget ran out; the next run resumes */
                                done: boolean;
                                watermark: string | null;
                            };
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    api: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": "Hello, Twilio Plugin!";
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
        };
    };
    apiAdminHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        health: {
                            /** @enum {string} */
                            status: "healthy" | "degraded";
                            /** Format: date-time */
                            checkedAt: string;
                            twilio: {
                                reachable: boolean;
                                latencyMs: number;
                                /** @description why not, as a service error code */
                                error?: string;
                            };
                            sync: {
                                reachable: boolean;
                                latencyMs: number;
                                /** @description why not, as a service error code */
                                error?: string;
                            };
                            lastHour: {
                                webhookFailures: {
                                    total: number;
                                    /** @description by webhook path */
                                    byCallback: {
                                        [key: string]: number;
                                    };
                                };
                                reconciliations: {
                                    runs: number;
                                    repaired: number;
                                };
                            } | null;
                            lastCallbacks: {
                                [key: string]: string;
                            } | null;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiAdminRates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        currentRateCardId: string;
                        rateCards: components["schemas"]["RateCard"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiAdminRatesUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description USD per number per month */
                    phoneNumberMonthly?: unknown;
                    /** @description USD per started minute of an outbound call leg */
                    outboundCallPerMinute?: unknown;
                    /** @description USD per started minute of an inbound call leg */
                    inboundCallPerMinute?: unknown;
                    /** @description USD per started minute of a recording */
                    recordingPerMinute?: unknown;
                    /** @description USD per SMS segment, inbound or outbound */
                    smsPerSegment?: unknown;
                    /** @description ISO 8601; at least 60 s from now, which is the default */
                    effectiveAt?: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @description USD per number per month */
                    phoneNumberMonthly?: unknown;
                    /** @description USD per started minute of an outbound call leg */
                    outboundCallPerMinute?: unknown;
                    /** @description USD per started minute of an inbound call leg */
                    inboundCallPerMinute?: unknown;
                    /** @description USD per started minute of a recording */
                    recordingPerMinute?: unknown;
                    /** @description USD per SMS segment, inbound or outbound */
                    smsPerSegment?: unknown;
                    /** @description ISO 8601; at least 60 s from now, which is the default */
                    effectiveAt?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        rateCard: components["schemas"]["RateCard"];
                        message: string;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiAdminReconcile: {
        parameters: {
            query?: {
                /** @description the month, YYYY-MM (UTC); default this one */
                month?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        reconciliation: {
                            month: string;
                            priceUnit: string;
                            /** @description every difference is zero */
                            matches: boolean;
                            categories: {
                                /** @enum {string} */
                                category: "calls" | "recordings" | "sms" | "phonenumbers" | "totalprice";
                                billingCategories: ("phone-numbers" | "calls-outbound" | "calls-inbound" | "recordings" | "sms-outbound" | "sms-inbound")[];
                                ledger: {
                                    count: number;
                                    unpriced: number;
                                    twilioCost: number;
                                };
                                usageRecords: {
                                    count: number;
                                    usage: number;
                                    usageUnit: string | null;
                                    price: number;
                                };
                                /** @description Usage Records’ price minus the ledger’s Twilio cost */
                                difference: number;
                            }[];
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiAdminRevenue: {
        parameters: {
            query?: {
                /** @description the month, YYYY-MM (UTC); default this one */
                month?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        revenue: {
                            month: string;
                            priceUnit: string;
                            categories: {
                                "phone-numbers": components["schemas"]["RevenueLine"];
                                "calls-outbound": components["schemas"]["RevenueLine"];
                                "calls-inbound": components["schemas"]["RevenueLine"];
                                recordings: components["schemas"]["RevenueLine"];
                                "sms-outbound": components["schemas"]["RevenueLine"];
                                "sms-inbound": components["schemas"]["RevenueLine"];
                            };
                            total: components["schemas"]["RevenueLine"];
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiAdminSpendingLimitsUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the platform user id (as in /api/twilio/my-numbers) */
                    userId: number;
                    /** @description USD per month */
                    limit: unknown;
                };
                "application/x-www-form-urlencoded": {
                    /** @description the platform user id (as in /api/twilio/my-numbers) */
                    userId: number;
                    /** @description USD per month */
                    limit: unknown;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        spendingLimit: {
                            userId: string;
                            monthlyLimit: number;
                            priceUnit: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        message: string;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiAdminUsage: {
        parameters: {
            query?: {
                /** @description first day (or month) of the series; default 29 days before `to` */
                from?: unknown;
                /** @description last day (or month) of the series; default today */
                to?: unknown;
                granularity?: "day" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        /** @enum {string} */
                        granularity: "day" | "month";
                        /** @description a day, or a month with months */
                        from: string;
                        to: string;
                        priceUnit: string;
                        categories: ("phone-numbers" | "calls-outbound" | "calls-inbound" | "recordings" | "sms-outbound" | "sms-inbound")[];
                        series: {
                            period: string;
                            categories: {
                                "phone-numbers": components["schemas"]["CategoryTally"];
                                "calls-outbound": components["schemas"]["CategoryTally"];
                                "calls-inbound": components["schemas"]["CategoryTally"];
                                recordings: components["schemas"]["CategoryTally"];
                                "sms-outbound": components["schemas"]["CategoryTally"];
                                "sms-inbound": components["schemas"]["CategoryTally"];
                            };
                            total: components["schemas"]["MoneyTotal"];
                        }[];
                        total: components["schemas"]["MoneyTotal"];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiAdminUsers: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                /** @description highest first by cost, calls or messages */
                sort?: "cost" | "calls" | "messages";
                /** @description the month, YYYY-MM (UTC); default this one */
                month?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        month: string;
                        /** @enum {string} */
                        sort: "cost" | "calls" | "messages";
                        users: {
                            userId: string;
                            calls: {
                                count: number;
                                minutes: number;
                            };
                            messages: {
                                count: number;
                                segments: number;
                            };
                            recordings: {
                                count: number;
                                minutes: number;
                            };
                            phoneNumbers: {
                                /** @description monthly number fees billed */
                                fees: number;
                            };
                            cost: number;
                            twilioCost: number;
                            priceUnit: string;
                            categories: {
                                "phone-numbers": components["schemas"]["CategoryTally"];
                                "calls-outbound": components["schemas"]["CategoryTally"];
                                "calls-inbound": components["schemas"]["CategoryTally"];
                                recordings: components["schemas"]["CategoryTally"];
                                "sms-outbound": components["schemas"]["CategoryTally"];
                                "sms-inbound": components["schemas"]["CategoryTally"];
                            };
                        }[];
                        pagination: components["schemas"]["PlatformPagination"];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiCall: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description E.164 or a national form: the number to call
                     * @example +14155550100
                     */
                    to: string;
                    /**
                     * @description call the WhatsApp user behind the number instead
                     * @default false
                     */
                    whatsapp?: boolean;
                    /** @description the same key never sends twice and returns the same answer (or the Idempotency-Key header) */
                    idempotency_key?: string;
                };
                "application/x-www-form-urlencoded": {
                    /**
                     * @description E.164 or a national form: the number to call
                     * @example +14155550100
                     */
                    to: string;
                    /**
                     * @description call the WhatsApp user behind the number instead
                     * @default false
                     */
                    whatsapp?: boolean;
                    /** @description the same key never sends twice and returns the same answer (or the Idempotency-Key header) */
                    idempotency_key?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        call_sid: string;
                        /** @enum {string} */
                        status: "queued" | "ringing" | "in-progress" | "completed" | "busy" | "failed" | "no-answer" | "canceled";
                        to: string;
                        from: string;
                        /** @description whether the WhatsApp user behind the number was called */
                        whatsapp: boolean;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description The idempotency key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Twilio did not answer in time: the outcome is unknown */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
        };
    };
    apiCallLocationName: {
        parameters: {
            query: {
                /** @description E.164 or a national form: the number to describe, E.164 */
                phone_number: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description city or region where the numbering plan tells, and country */
                        location: string;
                        /** @description the caller's name (CNAM), or the number in national format */
                        friendly_name: string;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        location: "Unknown Location";
                        /** @constant */
                        friendly_name: "Unknown phone number";
                    };
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
        };
    };
    apiCallLogs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        /** @enum {string} */
                        status: "queued" | "ringing" | "in-progress" | "completed" | "busy" | "failed" | "no-answer" | "canceled";
                        /** @description seconds */
                        duration: string;
                        start_time: string | null;
                    }[];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
        };
    };
    apiMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description E.164 or a national form: recipient
                     * @example +14155550100
                     */
                    to: string;
                    /** @description text; optional when media_url is given */
                    message?: string;
                    /**
                     * @description channel
                     * @default sms
                     * @enum {string}
                     */
                    type?: "sms" | "whatsapp";
                    /** @description https media URLs (MMS / WhatsApp media) */
                    media_url?: string[] | string;
                    /** @description the same key never sends twice and returns the same answer (or the Idempotency-Key header) */
                    idempotency_key?: string;
                };
                "application/x-www-form-urlencoded": {
                    /**
                     * @description E.164 or a national form: recipient
                     * @example +14155550100
                     */
                    to: string;
                    /** @description text; optional when media_url is given */
                    message?: string;
                    /**
                     * @description channel
                     * @default sms
                     * @enum {string}
                     */
                    type?: "sms" | "whatsapp";
                    /** @description https media URLs (MMS / WhatsApp media) */
                    media_url?: string[] | string;
                    /** @description the same key never sends twice and returns the same answer (or the Idempotency-Key header) */
                    idempotency_key?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        message_sid: string;
                        /** @enum {string} */
                        status: "queued" | "sending" | "sent" | "failed" | "delivered" | "undelivered" | "receiving" | "received" | "accepted" | "scheduled" | "read" | "partially_delivered" | "canceled";
                        /** @enum {string} */
                        type: "sms" | "whatsapp";
                        to: string;
                        media_count: number;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description The monthly spending limit is reached */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description The idempotency key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Twilio did not answer in time: the outcome is unknown */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
        };
    };
    apiReceiveSms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description sender */
                    From: string;
                    /** @description our number */
                    To: string;
                    /** @description kept up to 1600 characters: message text */
                    Body: string;
                    /** @description what the message is billed under */
                    MessageSid?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginWebhookError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginWebhookError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginWebhookError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginWebhookError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginWebhookError"];
                };
            };
        };
    };
    apiSendSms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description E.164 or a national form: recipient
                     * @example +14155550100
                     */
                    to: string;
                    /**
                     * @description E.164 or a national form: one of the account's numbers
                     * @example +14155550100
                     */
                    from: string;
                    /** @description message text */
                    body: string;
                    /** @description the same key never sends twice and returns the same answer (or the Idempotency-Key header) */
                    idempotency_key?: string;
                };
                "application/x-www-form-urlencoded": {
                    /**
                     * @description E.164 or a national form: recipient
                     * @example +14155550100
                     */
                    to: string;
                    /**
                     * @description E.164 or a national form: one of the account's numbers
                     * @example +14155550100
                     */
                    from: string;
                    /** @description message text */
                    body: string;
                    /** @description the same key never sends twice and returns the same answer (or the Idempotency-Key header) */
                    idempotency_key?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message_sid: string;
                        /** @enum {string} */
                        status: "queued" | "sending" | "sent" | "failed" | "delivered" | "undelivered" | "receiving" | "received" | "accepted" | "scheduled" | "read" | "partially_delivered" | "canceled";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description The monthly spending limit is reached */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description The idempotency key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Twilio did not answer in time: the outcome is unknown */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
        };
    };
    apiSmsLogs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message_sid: string;
                        body: string;
                        from: string;
                        to: string;
                        /** @enum {string} */
                        status: "queued" | "sending" | "sent" | "failed" | "delivered" | "undelivered" | "receiving" | "received" | "accepted" | "scheduled" | "read" | "partially_delivered" | "canceled";
                        date_sent: string | null;
                    }[];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
        };
    };
    apiTaskLogs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sid: string;
                        /** @enum {string} */
                        status: "pending" | "reserved" | "assigned" | "canceled" | "completed" | "wrapping";
                        created_time: string | null;
                        /** @description the task's attributes: the JSON as set, or its raw text when it is not JSON */
                        attributes: unknown;
                    }[];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
        };
    };
    apiTwilioAccessToken: {
        parameters: {
            query?: {
                /** @description token lifetime in seconds */
                ttl?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        /** @description a Voice SDK access token (JWT) */
                        token: string;
                        /** @description the user’s browser identity */
                        identity: string;
                        /** @description seconds */
                        ttl: number;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioAvailableNumbers: {
        parameters: {
            query?: {
                /** @description area code, e.g. 415 */
                areaCode?: number;
                country?: string;
                limit?: number;
                type?: "local" | "toll-free" | "mobile";
                contains?: string;
                /** @description voice, sms, mms: all required */
                capabilities?: ("voice" | "sms" | "mms")[] | string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        availableNumbers: components["schemas"]["PlatformAvailableNumber"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioBilling: {
        parameters: {
            query?: {
                /** @description how many months back, this one included */
                months?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        bills: components["schemas"]["MonthlyBill"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioBuyNumber: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description E.164: a number from /api/twilio/available-numbers
                     * @example +14155550100
                     */
                    phoneNumber?: string;
                    /** @description or any number here */
                    areaCode?: string;
                    /** @default US */
                    country?: string;
                    websiteId?: string;
                    /** @description the same key never sends twice and returns the same answer (or the Idempotency-Key header) */
                    idempotency_key?: string;
                };
                "application/x-www-form-urlencoded": {
                    /**
                     * @description E.164: a number from /api/twilio/available-numbers
                     * @example +14155550100
                     */
                    phoneNumber?: string;
                    /** @description or any number here */
                    areaCode?: string;
                    /** @default US */
                    country?: string;
                    websiteId?: string;
                    /** @description the same key never sends twice and returns the same answer (or the Idempotency-Key header) */
                    idempotency_key?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        phoneNumber: components["schemas"]["PhoneNumber"];
                        message: string;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The idempotency key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not answer in time: the outcome is unknown */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioCallLogs: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                /** @description how the call ended */
                status?: "completed" | "busy" | "no-answer" | "failed" | "canceled";
                /** @description one of the user’s number ids */
                phoneNumberId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        calls: components["schemas"]["CallLog"][];
                        pagination: components["schemas"]["PlatformPagination"];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioCallLogsDetail: {
        parameters: {
            query: {
                /** @description the call SID */
                callSid: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        call: components["schemas"]["CallLog"];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioMyNumbers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        phoneNumbers: components["schemas"]["PhoneNumber"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioMyNumbersRelease: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the number id from /api/twilio/my-numbers */
                    id: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @description the number id from /api/twilio/my-numbers */
                    id: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        message: string;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioMyNumbersUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the number id from /api/twilio/my-numbers */
                    id: string;
                    /** @description the website the number belongs to */
                    websiteId?: string;
                    /**
                     * @description inactive numbers cannot make calls
                     * @enum {string}
                     */
                    status?: "active" | "inactive";
                };
                "application/x-www-form-urlencoded": {
                    /** @description the number id from /api/twilio/my-numbers */
                    id: string;
                    /** @description the website the number belongs to */
                    websiteId?: string;
                    /**
                     * @description inactive numbers cannot make calls
                     * @enum {string}
                     */
                    status?: "active" | "inactive";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        phoneNumber: components["schemas"]["PhoneNumber"];
                        message: string;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioRecordings: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                /** @description recordings of one call */
                callSid?: string;
                /** @description recordings of calls on one of the user’s numbers */
                phoneNumberId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        recordings: components["schemas"]["PlatformRecording"][];
                        pagination: components["schemas"]["PlatformPagination"];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioRecordingsByCall: {
        parameters: {
            query: {
                /** @description the call SID */
                callSid: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        recordings: components["schemas"]["PlatformRecording"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioRecordingsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the recording SID */
                    recordingSid: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @description the recording SID */
                    recordingSid: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        message: string;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioUsage: {
        parameters: {
            query?: {
                /** @description which month; this one when absent */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        usage: components["schemas"]["MonthUsage"];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiTwilioVoice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    CallSid: string;
                    From: string;
                    /** @default  */
                    To?: string;
                    /** @default ringing */
                    CallStatus?: string;
                    /** @description which of the user’s numbers to call from */
                    callerId?: string;
                    /**
                     * @description record the call from the answer
                     * @default false
                     */
                    record?: boolean;
                    /** @description set when Twilio reports how the Dial ended */
                    DialCallStatus?: string;
                    DialCallDuration?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    apiV1SmsRouterAdminAudit: {
        parameters: {
            query?: {
                /** @description maximum number of entries, newest first */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description newest first */
                        entries: {
                            id: string;
                            actor: {
                                /** @description the user's id in the user directory */
                                user_id: number;
                                /** @enum {string} */
                                via: "flex" | "bearer" | "basic";
                                /** @description who signed in: the Flex identity or the token subject */
                                principal: string;
                            };
                            /** @description config.update, phone_mapping.create, phone_mapping.delete, ... */
                            action: string;
                            /** @description config:<key> or phone_mapping:<id> */
                            target: string;
                            before: unknown | null;
                            after: unknown | null;
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterAdminConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        configs: {
                            /**
                             * @description a known setting
                             * @enum {string}
                             */
                            key: "max_message_length" | "retry_attempts" | "retry_backoff_ms" | "processing_timeout_ms" | "rate_limit_per_sender_per_minute" | "rate_limit_per_user_per_minute" | "agent" | "help_text";
                            value: string;
                            description: string;
                            is_active: boolean;
                            updated_at: string | null;
                        }[];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterAdminConfigUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description configuration key (GET /admin/config lists them) */
                    config_key: string;
                    /** @description configuration value */
                    config_value: string;
                    /** @description configuration description */
                    description?: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @description configuration key (GET /admin/config lists them) */
                    config_key: string;
                    /** @description configuration value */
                    config_value: string;
                    /** @description configuration description */
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        /**
                         * @description a known setting
                         * @enum {string}
                         */
                        key: "max_message_length" | "retry_attempts" | "retry_backoff_ms" | "processing_timeout_ms" | "rate_limit_per_sender_per_minute" | "rate_limit_per_user_per_minute" | "agent" | "help_text";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterAdminPhoneMappings: {
        parameters: {
            query?: {
                /** @description only this user’s mappings */
                user_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mappings: components["schemas"]["PhoneMapping"][];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterAdminPhoneMappingsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the user the number belongs to */
                    user_id: number;
                    /**
                     * @description E.164 or a national form: the phone number to map (E.164)
                     * @example +14155550100
                     */
                    phone_number: string;
                    /**
                     * @description the user’s primary number (demotes their previous one)
                     * @default false
                     */
                    is_primary?: boolean;
                    /**
                     * @description how the number is to be verified
                     * @default manual
                     * @enum {string}
                     */
                    verification_method?: "manual" | "sms";
                };
                "application/x-www-form-urlencoded": {
                    /** @description the user the number belongs to */
                    user_id: number;
                    /**
                     * @description E.164 or a national form: the phone number to map (E.164)
                     * @example +14155550100
                     */
                    phone_number: string;
                    /**
                     * @description the user’s primary number (demotes their previous one)
                     * @default false
                     */
                    is_primary?: boolean;
                    /**
                     * @description how the number is to be verified
                     * @default manual
                     * @enum {string}
                     */
                    verification_method?: "manual" | "sms";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        /** @description the user's id in the user directory */
                        user_id: number;
                        /** @description E.164 */
                        phone_number: string;
                        mapping_id: number;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterAdminPhoneMappingsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the mapping to delete */
                    mapping_id: number;
                };
                "application/x-www-form-urlencoded": {
                    /** @description the mapping to delete */
                    mapping_id: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        mapping_id: number;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterAdminStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        service: "SMS Router Service";
                        status: components["schemas"]["RouterHealth"];
                        statistics: {
                            total_messages: number;
                            successful_routes: number;
                            failed_routes: number;
                            average_processing_time_ms: number;
                        };
                        endpoints: {
                            webhook: string;
                            health: string;
                            stats: string;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterAdminUsage: {
        parameters: {
            query?: {
                /** @description maximum number of logs to return */
                limit?: number;
                /** @description number of logs to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        limit: number;
                        offset: number;
                        /** @description newest first */
                        logs: {
                            id: number;
                            user_id: number | null;
                            /** @description E.164 */
                            phone_number: string;
                            /** @enum {string} */
                            direction: "inbound" | "outbound";
                            /** @description characters */
                            length: number;
                            success: boolean;
                            processing_time_ms: number | null;
                            /** Format: date-time */
                            created_at: string;
                            message_sid: string;
                            /** @description inbound: answered, help, opted_out, too_long, PHONE_NUMBER_NOT_FOUND ...; outbound: the reply's delivery status */
                            outcome: string;
                            attempt: number | null;
                            error_code: number | null;
                        }[];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterPhoneMappingsVerifyCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the mapping whose phone is verified */
                    mapping_id: number;
                    code: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @description the mapping whose phone is verified */
                    mapping_id: number;
                    code: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        mapping: components["schemas"]["PhoneMapping"];
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterPhoneMappingsVerifyStart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the mapping whose phone is verified */
                    mapping_id: number;
                };
                "application/x-www-form-urlencoded": {
                    /** @description the mapping whose phone is verified */
                    mapping_id: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        mapping_id: number;
                        /** @description E.164 */
                        phone_number: string;
                        /**
                         * @description Twilio Verify's status of the verification
                         * @enum {string}
                         */
                        verification_status: "pending" | "approved" | "canceled" | "max_attempts_reached" | "deleted" | "failed" | "expired";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterWebhookDeliveryStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    MessageSid: string;
                    /**
                     * @description delivery status
                     * @enum {string}
                     */
                    MessageStatus: "accepted" | "scheduled" | "queued" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "read" | "canceled";
                    /** @description Twilio's error code for a failed delivery */
                    ErrorCode?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "success" | "warning";
                        message: string;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterWebhookHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterHealth"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterWebhookProcess: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    MessageSid: string;
                    /**
                     * @description E.164 or a national form: the sender's phone number
                     * @example +14155550100
                     */
                    From: string;
                    /**
                     * @description E.164 or a national form: our Twilio number that received it
                     * @example +14155550100
                     */
                    To: string;
                    /** @description kept up to 1600 characters */
                    Body: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterWebhookSms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    MessageSid: string;
                    /**
                     * @description E.164 or a national form: the sender's phone number
                     * @example +14155550100
                     */
                    From: string;
                    /**
                     * @description E.164 or a national form: our Twilio number that received it
                     * @example +14155550100
                     */
                    To: string;
                    /** @description kept up to 1600 characters */
                    Body: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    apiV1SmsRouterWebhookStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total_messages: number;
                        successful_routes: number;
                        failed_routes: number;
                        average_processing_time_ms: number;
                        last_24_hours: {
                            messages: number;
                            /** @description percent, one decimal */
                            success_rate: number;
                        };
                        /** @description at most 10, most messages first */
                        top_users: {
                            /** @description the user's id in the user directory */
                            user_id: number;
                            message_count: number;
                            /** @description E.164 */
                            phone_number: string;
                        }[];
                        deliveries: {
                            attempts: number;
                            delivered: number;
                            failed: number;
                        };
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RouterError"];
                };
            };
        };
    };
    console: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
        };
    };
    docs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PluginError"];
                };
            };
        };
    };
    phoneCall: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description E.164: E.164 number to call
                     * @example +14155550100
                     */
                    to_number: string;
                    /**
                     * Format: uri
                     * @description TwiML for the call; default: this service's own greeting
                     */
                    twiml_url?: string;
                    /** @description the same key never sends twice and returns the same answer (or the Idempotency-Key header) */
                    idempotency_key?: string;
                };
                "application/x-www-form-urlencoded": {
                    /**
                     * @description E.164: E.164 number to call
                     * @example +14155550100
                     */
                    to_number: string;
                    /**
                     * Format: uri
                     * @description TwiML for the call; default: this service's own greeting
                     */
                    twiml_url?: string;
                    /** @description the same key never sends twice and returns the same answer (or the Idempotency-Key header) */
                    idempotency_key?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        call_sid: string;
                        /** @enum {string} */
                        status: "queued" | "ringing" | "in-progress" | "completed" | "busy" | "failed" | "no-answer" | "canceled";
                        /** @description E.164 */
                        to: string;
                        /** @description E.164 */
                        from_number: string;
                        message: string;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description The idempotency key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Twilio did not answer in time: the outcome is unknown */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
        };
    };
    phoneCallStatus: {
        parameters: {
            query: {
                /** @description the call SID (CA...) */
                call_sid: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        call_sid: string;
                        /** @enum {string} */
                        status: "queued" | "ringing" | "in-progress" | "completed" | "busy" | "failed" | "no-answer" | "canceled";
                        to: string;
                        from_number: string;
                        duration: string | null;
                        start_time: string | null;
                        end_time: string | null;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
        };
    };
    phoneCalls: {
        parameters: {
            query?: {
                /** @description how many calls, 1..1000 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        /** @description newest first */
                        calls: {
                            call_sid: string;
                            /** @enum {string} */
                            status: "queued" | "ringing" | "in-progress" | "completed" | "busy" | "failed" | "no-answer" | "canceled";
                            to: string;
                            from: string;
                            duration: string | null;
                            start_time: string | null;
                            end_time: string | null;
                        }[];
                        count: number;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Not signed in, or the credentials are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
        };
    };
    phoneDefaultTwiml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
        };
    };
    phoneHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "healthy";
                        message: string;
                        twilio_account_sid: string;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "unhealthy";
                        /** @description which settings are missing or wrong */
                        message: string;
                        twilio_account_sid: string | null;
                    };
                };
            };
        };
    };
    webhookIncomingCall: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    CallSid: string;
                    To: string;
                    From: string;
                    /** @default ringing */
                    CallStatus?: string;
                    /** @description set when Twilio reports how the Dial ended */
                    DialCallStatus?: string;
                    /** @description set when Twilio reports the voicemail */
                    RecordingUrl?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
        };
    };
    webhookIncomingMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    MessageSid: string;
                    From: string;
                    To: string;
                    /**
                     * @description kept up to 1600 characters
                     * @default
                     */
                    Body?: string;
                    /** @default 0 */
                    NumMedia?: number;
                    /** @description kept up to 256 characters */
                    ProfileName?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoftphoneError"];
                };
            };
        };
    };
    webhooksTwilioCallStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    CallSid: string;
                    /** @enum {string} */
                    CallStatus: "queued" | "initiated" | "ringing" | "in-progress" | "completed" | "busy" | "no-answer" | "failed" | "canceled";
                    CallDuration?: number;
                    From?: string;
                    To?: string;
                    Direction?: string;
                    Timestamp?: string;
                    SequenceNumber?: number;
                    Price?: string;
                    PriceUnit?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        callSid: string;
                        /** @enum {string} */
                        status: "queued" | "initiated" | "ringing" | "in-progress" | "completed" | "busy" | "no-answer" | "failed" | "canceled";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    webhooksTwilioRecordingStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    RecordingSid: string;
                    CallSid: string;
                    /** @enum {string} */
                    RecordingStatus?: "in-progress" | "completed" | "absent" | "failed";
                    /** @default 0 */
                    RecordingDuration?: number;
                    /** Format: uri */
                    RecordingUrl?: string;
                    /** @default 1 */
                    RecordingChannels?: number;
                    /** @default Unknown */
                    RecordingSource?: string;
                    Price?: string;
                    PriceUnit?: string;
                    /** @description set by a transcription callback */
                    TranscriptionText?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        recordingSid: string;
                        /** @enum {string} */
                        status: "in-progress" | "paused" | "stopped" | "processing" | "completed" | "absent" | "failed" | "deleted" | "transcribed";
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Signed in without the permission this needs, or a webhook whose signature is not valid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The body is neither JSON nor a form */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The service failed or is not configured for this */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Twilio did not complete the request */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description Temporarily unavailable (Twilio or Sync busy, or out of time); try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
}
