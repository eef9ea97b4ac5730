// Generated from docs/openapi.json by openapi-typescript during the build (src/dashboard/build).
// Do not edit: run `npm run build` after `npm run openapi`. test/dashboard.build.test.ts checks it is current.
export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service index */
        get: operations["getServiceIndex"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness of every dependency */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness; 503 when any check fails */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Version, uptime, readiness, lags and queue counts
         * @description Without a key (or with a key lacking `admin`): service-level facts only. With an admin key: also the runtime detail (database, memory, deposit pool, scanner holder) and the last balance reconciliation of that merchant’s own addresses.
         */
        get: operations["getServiceStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a payment
         * @description Requires an API key with scope `payments:write` (or `admin`).
         *
         *     A `direct_transfer` without `payer_address` (non-custodial, no sweep) is matched by its exact amount: the answer’s `amount_due` is `amount` plus the smallest offset (0.000001 steps, up to `payment_processing.unique_amount_max_offset`) that no other open payment to the same payee in that currency holds. The payer must send exactly `amount_due`; 409 when every amount of the range is taken. The amount is freed when the payment completes, expires, fails or is cancelled.
         */
        post: operations["createPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create up to 1000 payments
         * @description Requires an API key with scope `payments:write` (or `admin`).
         */
        post: operations["createBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/batch/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a batch item by item as POST /batch would, creating nothing (a preview before submitting)
         * @description Requires an API key with scope `payments:write` (or `admin`).
         */
        post: operations["checkBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/status/{payment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payment status
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["getPaymentStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payments, newest first
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["listPayments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/batches/{batch_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A batch with live counts
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/fees/calculate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fee, discount, net amount and network cost estimate
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["calculateFees"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/settlement/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Settlement schedule and pending balance
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["getSettlementInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payments service health (real checks) */
        get: operations["getPaymentsHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{payment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A payment with its history
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["getPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{payment_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a pending payment
         * @description Requires an API key with scope `payments:write` (or `admin`).
         */
        post: operations["cancelPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{payment_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a payout held for approval (payouts:write; not by the key or user that created it, unless admin and two-person approval is off)
         * @description Requires an API key with scope `payouts:write` (or `admin`).
         */
        post: operations["approvePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{payment_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a payout held for approval: it is cancelled with the note as its reason
         * @description Requires an API key with scope `payouts:write` (or `admin`).
         */
        post: operations["rejectPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/reports/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a report over a date range (computed now from stored payments, refunds and settlements)
         * @description Requires an API key with scope `reports:read` (or `admin`).
         */
        post: operations["generateReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/reports/{report_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A generated report
         * @description Requires an API key with scope `reports:read` (or `admin`).
         */
        get: operations["getReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/reports/{report_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The report's payments, oldest first: streamed CSV (text/csv) or a JSON array, per the report's format
         * @description Requires an API key with scope `reports:read` (or `admin`).
         */
        get: operations["downloadReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts, volumes, success rate, processing times, peak hour, most common amount and per-day series
         * @description Requires an API key with scope `reports:read` (or `admin`).
         */
        get: operations["getAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a webhook endpoint (the secret is shown once)
         * @description Requires an API key with scope `webhooks:manage` (or `admin`).
         */
        post: operations["registerWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The merchant's webhook endpoints with their health (never secrets)
         * @description Requires an API key with scope `webhooks:manage` (or `admin`).
         */
        get: operations["listWebhooks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/events/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events not yet delivered to every endpoint, oldest first
         * @description Requires an API key with scope `webhooks:manage` (or `admin`).
         */
        get: operations["listPendingWebhookEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/events/{event_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deliveries of one event, newest first
         * @description Requires an API key with scope `webhooks:manage` (or `admin`).
         */
        get: operations["listEventDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A delivery with every attempt
         * @description Requires an API key with scope `webhooks:manage` (or `admin`).
         */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again as a new delivery
         * @description Requires an API key with scope `webhooks:manage` (or `admin`).
         */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook endpoint (never its secret)
         * @description Requires an API key with scope `webhooks:manage` (or `admin`).
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint; its waiting deliveries fail. Answers the final view.
         * @description Requires an API key with scope `webhooks:manage` (or `admin`).
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint
         * @description Requires an API key with scope `webhooks:manage` (or `admin`).
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/payments/webhooks/{webhook_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a new signing secret; the old one keeps signing during the grace period
         * @description Requires an API key with scope `webhooks:manage` (or `admin`).
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/{webhook_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a webhook.test event to this endpoint only
         * @description Requires an API key with scope `webhooks:manage` (or `admin`).
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An endpoint's deliveries, newest first
         * @description Requires an API key with scope `webhooks:manage` (or `admin`).
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The merchant's hot wallet and its balances
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["getWallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/energy-strategy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the merchant’s sends pay for energy
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["getEnergyStrategy"];
        /**
         * Choose how the merchant’s sends pay for energy, overriding the configuration (admin)
         * @description Requires an API key with scope `admin`.
         */
        put: operations["setEnergyStrategy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Assets this gateway takes and sends
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["listAssets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the merchant's API keys (never their secrets)
         * @description Requires an API key with scope `admin`.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key; the response carries its secret once
         * @description Requires an API key with scope `admin`.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key at once; revoking a revoked key returns it unchanged
         * @description Requires an API key with scope `admin`.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session's user and CSRF token
         * @description Requires a dashboard session (the tpg_session cookie); an API key answers 403.
         */
        get: operations["getSession"];
        put?: never;
        /** Log in to the dashboard: sets the tpg_session cookie (a new session every time) and answers the CSRF token */
        post: operations["logIn"];
        /**
         * Log out: ends this session and clears the cookie
         * @description Requires a dashboard session (the tpg_session cookie); an API key answers 403.
         */
        delete: operations["logOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the user's own password (required after a one-time password); ends the user's other sessions
         * @description Requires a dashboard session (the tpg_session cookie); an API key answers 403.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Begin TOTP enrolment: a new secret and its otpauth URI, active once confirmed with a code
         * @description Requires a dashboard session (the tpg_session cookie); an API key answers 403.
         */
        post: operations["beginTotpEnrolment"];
        /**
         * Turn TOTP off, proven with a current code or a recovery code
         * @description Requires a dashboard session (the tpg_session cookie); an API key answers 403.
         */
        delete: operations["disableTotp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm TOTP with a current code; answers 10 recovery codes, shown once
         * @description Requires a dashboard session (the tpg_session cookie); an API key answers 403.
         */
        post: operations["confirmTotpEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The user's live sessions
         * @description Requires a dashboard session (the tpg_session cookie); an API key answers 403.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of the user's sessions at once
         * @description Requires a dashboard session (the tpg_session cookie); an API key answers 403.
         */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The merchant's dashboard users
         * @description Requires an API key with scope `admin`.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Invite a dashboard user: the answer carries a one-time password, shown once
         * @description Requires an API key with scope `admin`.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Disable a user: their sessions end at once
         * @description Requires an API key with scope `admin`.
         */
        delete: operations["disableUser"];
        options?: never;
        head?: never;
        /**
         * Change a user's role
         * @description Requires an API key with scope `admin`.
         */
        patch: operations["changeUserRole"];
        trace?: never;
    };
    "/api/v1/users/{user_id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a user's password: their sessions end; the answer carries a one-time password, shown once
         * @description Requires an API key with scope `admin`.
         */
        post: operations["resetUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payment links, newest first
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["listPaymentLinks"];
        put?: never;
        /**
         * Create a payment link (a page that creates a payment per visit)
         * @description Requires an API key with scope `payments:write` (or `admin`).
         */
        post: operations["createPaymentLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A payment link
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["getPaymentLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-links/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a payment link (it takes no more payments)
         * @description Requires an API key with scope `payments:write` (or `admin`).
         */
        post: operations["deactivatePaymentLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-links/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payments made through a payment link, newest first
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["listPaymentLinkPayments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merchant/branding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The merchant’s checkout branding
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["getBranding"];
        /**
         * Set display name, accent colour and support e-mail (admin)
         * @description Requires an API key with scope `admin`.
         */
        put: operations["updateBranding"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merchant/branding/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upload the logo: raw image/png or image/svg+xml, at most 100 KB (admin)
         * @description Requires an API key with scope `admin`.
         *
         *     PNG is checked by its signature; SVG must pass an allow-list (no script, foreignObject, event handlers or references outside the document) and is refused otherwise.
         */
        put: operations["setBrandingLogo"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merchant/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The merchant's limits and what is used of them
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["getMerchantLimits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checkout/{token}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer’s view of a payment, by its checkout token (no API key) */
        get: operations["getCheckoutStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The merchant's audit log (admin)
         * @description Requires an API key with scope `admin`.
         */
        get: operations["listAuditRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the audit chain one bounded step at a time (admin)
         * @description Requires an API key with scope `admin`.
         *
         *     Checks up to `limit` records of the whole hash chain (every merchant’s records: the chain is one) and answers how far it got and where to go on, so a client can show progress; the step that reaches the head also checks the head. The same checks as `tron-payment-gateway audit verify`.
         */
        get: operations["verifyAuditChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List settlements, newest first
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["listSettlements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/settlements/{settlement_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A settlement with its sweeps and costs
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["getSettlement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{payment_id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a disputed payment: accept, refund or reject (admin)
         * @description Requires an API key with scope `admin`.
         */
        post: operations["resolvePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a collection, fully or in part
         * @description Requires an API key with scope `refunds:write` (or `admin`).
         *
         *     Parameters as a JSON body or as query parameters (seed clients); 201 with the refund, sent on chain from the hot wallet.
         */
        post: operations["createRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/refunds/{refund_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A refund
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["getRefund"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a payment against the chain
         * @description Requires an API key with scope `payments:write` (or `admin`).
         *
         *     Verifies the payment’s transaction(s), or external_transaction_id, on chain: exists, succeeded, right asset, addresses and amount, confirmations. A transfer the scanner missed is credited; a mismatch marks the payment disputed.
         */
        post: operations["reconcilePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reconciliation results, newest first
         * @description Requires an API key with scope `payments:read` (or `admin`).
         */
        get: operations["listReconciliations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/stake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stake the hot wallet's TRX for energy or bandwidth
         * @description Requires an API key with scope `admin`.
         */
        post: operations["stakeTrx"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/unstake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start unstaking; the TRX is withdrawable after the unfreeze delay
         * @description Requires an API key with scope `admin`.
         */
        post: operations["unstakeTrx"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/withdraw-unstaked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw every unstaked amount past the unfreeze delay to the hot wallet balance
         * @description Requires an API key with scope `admin`.
         */
        post: operations["withdrawUnstakedTrx"];
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
        /** @description application/problem+json */
        Problem: {
            /** @description https://tron-payment-gateway.dev/problems/<code> */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description stable error code from the catalogue */
            code: string;
            request_id: string;
            errors: {
                path: string;
                message: string;
            }[];
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
    getServiceIndex: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "TRON Payment Gateway",
                     *       "version": "0.1.0",
                     *       "links": {
                     *         "docs": "/docs",
                     *         "health": "/health",
                     *         "status": "/status",
                     *         "metrics": "/metrics"
                     *       }
                     *     }
                     */
                    "application/json": {
                        name: string;
                        version: string;
                        links: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "healthy",
                     *       "checks": {
                     *         "database": {
                     *           "ok": true,
                     *           "detail": "postgres",
                     *           "latency_ms": 2
                     *         },
                     *         "chain": {
                     *           "ok": true,
                     *           "detail": "head block 61203457",
                     *           "latency_ms": 48
                     *         },
                     *         "scanner": {
                     *           "ok": true,
                     *           "detail": "lag 1 block"
                     *         },
                     *         "webhooks": {
                     *           "ok": true,
                     *           "detail": "no endpoint disabled"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        status: "healthy" | "unhealthy";
                        checks: {
                            [key: string]: {
                                ok: boolean;
                                detail: string;
                                latency_ms?: number;
                            };
                        };
                    };
                };
            };
            /** @description OK */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "healthy" | "unhealthy";
                        checks: {
                            [key: string]: {
                                ok: boolean;
                                detail: string;
                                latency_ms?: number;
                            };
                        };
                    };
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "healthy",
                     *       "checks": {
                     *         "database": {
                     *           "ok": true,
                     *           "detail": "postgres",
                     *           "latency_ms": 2
                     *         },
                     *         "chain": {
                     *           "ok": true,
                     *           "detail": "head block 61203457",
                     *           "latency_ms": 48
                     *         },
                     *         "scanner": {
                     *           "ok": true,
                     *           "detail": "lag 1 block"
                     *         },
                     *         "webhooks": {
                     *           "ok": true,
                     *           "detail": "no endpoint disabled"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        status: "healthy" | "unhealthy";
                        checks: {
                            [key: string]: {
                                ok: boolean;
                                detail: string;
                                latency_ms?: number;
                            };
                        };
                    };
                };
            };
            /** @description OK */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "healthy" | "unhealthy";
                        checks: {
                            [key: string]: {
                                ok: boolean;
                                detail: string;
                                latency_ms?: number;
                            };
                        };
                    };
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "alive"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "alive";
                    };
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getServiceStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "version": "0.1.0",
                     *       "started_at": "2026-03-10T12:00:00.000Z",
                     *       "uptime_seconds": 9000,
                     *       "ready": true,
                     *       "network": "mainnet",
                     *       "database": "postgres",
                     *       "roles": [
                     *         "api",
                     *         "workers",
                     *         "scanner"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        version: string;
                        started_at: string;
                        uptime_seconds: number;
                        ready: boolean;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example # HELP tpg_http_requests_total HTTP requests by method, route and status
                     *     # TYPE tpg_http_requests_total counter
                     *     tpg_http_requests_total{method="POST",route="/api/v1/payments/create",status="201"} 1042
                     *     # HELP tpg_payments Payments by status and method
                     *     # TYPE tpg_payments gauge
                     *     tpg_payments{status="pending",method="payment_gateway"} 12
                     */
                    "text/plain": string;
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPayment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                 *       "payer_address": "TGwSPDGFUytdEtwa4oaS27VNhv2rKHAZej",
                 *       "amount": "250.5",
                 *       "priority": "high",
                 *       "currency": "USDT",
                 *       "reference_id": "order-1042",
                 *       "description": "Order #1042",
                 *       "metadata": {
                 *         "customer_id": "cus_88"
                 *       },
                 *       "success_url": "https://shop.example/orders/1042/paid",
                 *       "cancel_url": "https://shop.example/cart",
                 *       "customer_email": "buyer@example.com"
                 *     }
                 */
                "application/json": {
                    /** @description route: the hot wallet or omitted; payment_gateway: default refund address; direct_transfer: the sender to match, or omitted to be matched by a unique amount_due instead */
                    payer_address?: string | (never | null);
                    /** @description TRON base58check address (T…) */
                    payee_address: string;
                    /**
                     * @description Whole units as a decimal string ("12.5"); a JSON number is accepted. At most as many decimal places as the asset has (6 for TRX and USDT, 18 for USDD), no exponent.
                     * @example 12.5
                     */
                    amount: unknown;
                    /**
                     * @description payment_gateway (default), direct_transfer, route (payout) or swap
                     * @enum {unknown}
                     */
                    payment_method?: "payment_gateway" | "direct_transfer" | "route" | "swap";
                    /**
                     * @description fee rate, processing target and retries
                     * @enum {unknown}
                     */
                    priority?: "low" | "normal" | "high" | "urgent";
                    /**
                     * @description asset symbol (GET /api/v1/assets); payment_processing.default_currency by default
                     * @example USDT
                     */
                    currency?: string;
                    /** @description your order id */
                    reference_id?: string | null;
                    description?: string | null;
                    /** @description collections: how long the deposit address waits for funds */
                    expires_in_seconds?: number;
                    metadata?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description payment_gateway: where the checkout page returns the customer after payment (`payment_id` is appended); https, or http for localhost on a devnet */
                    success_url?: string | null;
                    /** @description payment_gateway: where "Cancel and return" on the checkout page goes */
                    cancel_url?: string | null;
                    /** @description payment_gateway: the customer’s e-mail, shown on the checkout page */
                    customer_email?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "payment_id": "pay_019cd79e4600f661d150c077de0276cb",
                     *       "object": "payment",
                     *       "status": "pending",
                     *       "payment_method": "payment_gateway",
                     *       "priority": "high",
                     *       "currency": "USDT",
                     *       "amount": "250.5",
                     *       "amount_due": null,
                     *       "fee": "0.501",
                     *       "fee_rate": "0.002",
                     *       "discount_rate": "0",
                     *       "net_amount": "249.999",
                     *       "network_fee_estimate": null,
                     *       "network_fee": null,
                     *       "payer_address": "TGwSPDGFUytdEtwa4oaS27VNhv2rKHAZej",
                     *       "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                     *       "deposit_address": "TDVMr9CJ5MAAf3az4QVqG1i2cv3kHAK7ug",
                     *       "expires_at": "2026-03-10T13:00:00.000Z",
                     *       "reference_id": "order-1042",
                     *       "description": "Order #1042",
                     *       "metadata": {
                     *         "customer_id": "cus_88"
                     *       },
                     *       "batch_id": null,
                     *       "amount_received": "0",
                     *       "exception": null,
                     *       "confirmations": 0,
                     *       "finalized": false,
                     *       "transaction_id": null,
                     *       "flags": [],
                     *       "requires_approval": false,
                     *       "approval_status": null,
                     *       "approved_at": null,
                     *       "approval_note": null,
                     *       "failure_reason": null,
                     *       "cancel_reason": null,
                     *       "estimated_completion_time": "2026-03-10T12:00:30.000Z",
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T12:00:00.000Z",
                     *       "processing_at": null,
                     *       "confirmed_at": null,
                     *       "completed_at": null,
                     *       "failed_at": null,
                     *       "cancelled_at": null,
                     *       "checkout_url": "https://pay.shop.example/checkout/pay_019cd79e4600f661d150c077de0276cb.q2Xw0l1yB6bS0M0kq8Qx9xKf"
                     *     }
                     */
                    "application/json": {
                        /** @example pay_019cd79e4600f661d150c077de0276cb */
                        payment_id: string;
                        /** @enum {string} */
                        object: "payment";
                        /**
                         * @description lifecycle state
                         * @enum {unknown}
                         */
                        status: "pending" | "processing" | "confirmed" | "completed" | "failed" | "cancelled" | "refunded" | "disputed";
                        /**
                         * @description method
                         * @enum {unknown}
                         */
                        payment_method: "payment_gateway" | "direct_transfer" | "route" | "swap";
                        /**
                         * @description priority
                         * @enum {unknown}
                         */
                        priority: "low" | "normal" | "high" | "urgent";
                        currency: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount: string;
                        /** @description what the payer must send, when it differs from amount */
                        amount_due: string | (never | null);
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        fee: string;
                        /** @description rate before the volume discount */
                        fee_rate: string;
                        discount_rate: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        net_amount: string;
                        /** @description TRX */
                        network_fee_estimate: string | null;
                        /** @description TRX burned, after sending */
                        network_fee: string | null;
                        /** @description what the chain sends serving this cost, from their receipts; null until one is in a block */
                        network_cost?: {
                            /** @description energy units used, however paid (receipt energy_usage_total) */
                            energy_used: number;
                            /** @description energy paid by staked energy, own or delegated (receipt energy_usage) */
                            energy_delegated: number;
                            /** @description TRX burned for energy (receipt energy_fee) */
                            energy_burned_trx: string;
                            /** @description bandwidth bytes (net_usage, or the transaction bytes when paid in TRX) */
                            bandwidth_used: number;
                            /** @description TRX burned for bandwidth (receipt net_fee) */
                            bandwidth_burned_trx: string;
                            /** @description TRX the chain charged for creating a receiver account */
                            activation_trx: string;
                            /** @description all TRX burned (receipt fee) */
                            trx_burned: string;
                        } | null;
                        /** @description how the hot wallet’s token transfer paid for energy (payouts, refunds, settlements); null for others */
                        energy_decision?: {
                            /**
                             * @description staked: paid by the hot wallet’s staked energy; burn_priority: energy was short and an urgent or high send burns TRX at once; burn_after_wait: short for the whole wait its priority allows, then burned; burn_strategy: the strategy is burn or nothing is staked; waiting: waiting for staked energy to recover
                             * @enum {unknown}
                             */
                            decision: "staked" | "burn_priority" | "burn_after_wait" | "burn_strategy" | "waiting";
                            /** @description how long it waited for energy before it was signed */
                            waited_seconds: number | null;
                        } | null;
                        payer_address: string | null;
                        payee_address: string;
                        deposit_address: string | null;
                        /** Format: date-time */
                        expires_at: string | null;
                        reference_id: string | null;
                        description: string | null;
                        metadata: {
                            [key: string]: unknown;
                        } | null;
                        batch_id: string | null;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount_received: string;
                        exception: string | null;
                        confirmations: number;
                        finalized: boolean;
                        transaction_id: string | null;
                        flags: {
                            code: string;
                            detail: string;
                        }[];
                        requires_approval: boolean;
                        /** @description held payouts: required, approved or rejected */
                        approval_status: string | null;
                        /** Format: date-time */
                        approved_at: string | null;
                        /** @description the note given when the held payout was approved or rejected */
                        approval_note: string | null;
                        failure_reason: string | null;
                        cancel_reason: string | null;
                        /** Format: date-time */
                        estimated_completion_time: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        processing_at: string | null;
                        /** Format: date-time */
                        confirmed_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        failed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                        /**
                         * @description payment_gateway: the hosted checkout page (under server.public_url); its token is shown once, here
                         * @example http://127.0.0.1:8097/checkout/pay_019cd79e4600f661d150c077de0276cb.q2Xw0l1yB6bS0M0kq8Qx9xKf
                         */
                        checkout_url?: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createBatch: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "batch_reference": "payroll-2026-03",
                 *       "atomic": false,
                 *       "payments": [
                 *         {
                 *           "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                 *           "amount": "100"
                 *         },
                 *         {
                 *           "payee_address": "TGwSPDGFUytdEtwa4oaS27VNhv2rKHAZej",
                 *           "amount": "-1"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    payments: unknown[];
                    batch_reference?: string | null;
                    /** @description all or nothing; default false (partial failure allowed) */
                    atomic?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "batch_id": "batch_019cd79e460095cec50bb2baca2ec5f4",
                     *       "object": "batch",
                     *       "status": "pending",
                     *       "batch_reference": "payroll-2026-03",
                     *       "atomic": false,
                     *       "total_items": 2,
                     *       "created_count": 1,
                     *       "rejected_count": 1,
                     *       "totals": {
                     *         "USDT": "100"
                     *       },
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "results": [
                     *         {
                     *           "index": 0,
                     *           "status": "created",
                     *           "payment_id": "pay_019cd79e46004c024d553335a837d4ea",
                     *           "amount": "100",
                     *           "fee": "0.15",
                     *           "net_amount": "99.85",
                     *           "deposit_address": "TPqcZcKwerwi99Cdzn3N54DCdUZK2X6a93",
                     *           "requires_approval": false
                     *         },
                     *         {
                     *           "index": 1,
                     *           "status": "rejected",
                     *           "errors": [
                     *             {
                     *               "path": "payments/1/amount",
                     *               "message": "must be greater than zero"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        batch_id: string;
                        /** @enum {string} */
                        object: "batch";
                        status: string;
                        batch_reference: string | null;
                        atomic: boolean;
                        total_items: number;
                        created_count: number;
                        rejected_count: number;
                        totals: {
                            [key: string]: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        results: {
                            index: number;
                            /**
                             * @description outcome of this item
                             * @enum {unknown}
                             */
                            status: "created" | "rejected";
                            payment_id?: string;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            amount?: string;
                            /** @description direct_transfer items without payer_address: the exact amount the payer must send */
                            amount_due?: string;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            fee?: string;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            net_amount?: string;
                            deposit_address?: string | null;
                            requires_approval?: boolean;
                            /** @description payment_gateway items: the hosted checkout page */
                            checkout_url?: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkBatch: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "payments": [
                 *         {
                 *           "payment_method": "route",
                 *           "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                 *           "amount": "100"
                 *         },
                 *         {
                 *           "payment_method": "route",
                 *           "payee_address": "TNotAnAddress",
                 *           "amount": "100"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    payments: unknown[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "batch_check",
                     *       "valid_count": 1,
                     *       "rejected_count": 1,
                     *       "results": [
                     *         {
                     *           "index": 0,
                     *           "status": "valid"
                     *         },
                     *         {
                     *           "index": 1,
                     *           "status": "rejected",
                     *           "errors": [
                     *             {
                     *               "path": "payments/1/payee_address",
                     *               "message": "not a valid TRON address"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "batch_check";
                        valid_count: number;
                        rejected_count: number;
                        results: {
                            index: number;
                            /**
                             * @description whether POST /batch would create this item
                             * @enum {unknown}
                             */
                            status: "valid" | "rejected";
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPaymentStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                payment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "payment_id": "pay_019cd79e4600f661d150c077de0276cb",
                     *       "status": "completed",
                     *       "payment_method": "payment_gateway",
                     *       "amount": "250.5",
                     *       "amount_received": "250.5",
                     *       "currency": "USDT",
                     *       "exception": null,
                     *       "confirmations": 19,
                     *       "finalized": true,
                     *       "transaction_id": "5d8e4d62684bfd846a3aa9a3b6a16ff2e16686a7f78867ec2562311d95f436d8",
                     *       "failure_reason": null,
                     *       "cancel_reason": null,
                     *       "expires_at": "2026-03-10T13:00:00.000Z",
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T12:05:09.000Z"
                     *     }
                     */
                    "application/json": {
                        payment_id: string;
                        status: string;
                        payment_method: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount_received: string;
                        currency: string;
                        exception: string | null;
                        confirmations: number;
                        finalized: boolean;
                        transaction_id: string | null;
                        failure_reason: string | null;
                        cancel_reason: string | null;
                        /** Format: date-time */
                        expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPayments: {
        parameters: {
            query?: {
                limit?: number;
                /** @description payment_id of the last item of the previous page */
                starting_after?: string;
                /** @description filter by status */
                status?: "pending" | "processing" | "confirmed" | "completed" | "failed" | "cancelled" | "refunded" | "disputed";
                /** @description filter by method */
                payment_method?: "payment_gateway" | "direct_transfer" | "route" | "swap";
                /** @description filter by priority */
                priority?: "low" | "normal" | "high" | "urgent";
                /**
                 * @description filter by asset
                 * @example USDT
                 */
                currency?: string;
                reference_id?: string;
                /** @description payments whose deposit, payer or payee address is this one */
                address?: string;
                /** @description the payment whose chain transaction is this one */
                transaction_id?: string;
                batch_id?: string;
                /** @description inclusive, ISO 8601 */
                created_from?: string;
                /** @description exclusive, ISO 8601 */
                created_to?: string;
                /** @description also count every payment the filters keep (total_count), for an export’s progress */
                include_total?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "payment_id": "pay_019cd79e46004c024d553335a837d4ea",
                     *           "object": "payment",
                     *           "status": "pending",
                     *           "payment_method": "payment_gateway",
                     *           "priority": "normal",
                     *           "currency": "USDT",
                     *           "amount": "100",
                     *           "amount_due": null,
                     *           "fee": "0.15",
                     *           "fee_rate": "0.0015",
                     *           "discount_rate": "0",
                     *           "net_amount": "99.85",
                     *           "network_fee_estimate": null,
                     *           "network_fee": null,
                     *           "payer_address": null,
                     *           "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                     *           "deposit_address": "TPqcZcKwerwi99Cdzn3N54DCdUZK2X6a93",
                     *           "expires_at": "2026-03-10T13:00:00.000Z",
                     *           "reference_id": null,
                     *           "description": null,
                     *           "metadata": null,
                     *           "batch_id": "batch_019cd79e460095cec50bb2baca2ec5f4",
                     *           "amount_received": "0",
                     *           "exception": null,
                     *           "confirmations": 0,
                     *           "finalized": false,
                     *           "transaction_id": null,
                     *           "flags": [],
                     *           "requires_approval": false,
                     *           "approval_status": null,
                     *           "approved_at": null,
                     *           "approval_note": null,
                     *           "failure_reason": null,
                     *           "cancel_reason": null,
                     *           "estimated_completion_time": "2026-03-10T12:01:00.000Z",
                     *           "created_at": "2026-03-10T12:00:00.000Z",
                     *           "updated_at": "2026-03-10T12:00:00.000Z",
                     *           "processing_at": null,
                     *           "confirmed_at": null,
                     *           "completed_at": null,
                     *           "failed_at": null,
                     *           "cancelled_at": null
                     *         }
                     *       ],
                     *       "has_more": true,
                     *       "next_cursor": "pay_019cd79e46004c024d553335a837d4ea"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "list";
                        data: {
                            /** @example pay_019cd79e4600f661d150c077de0276cb */
                            payment_id: string;
                            /** @enum {string} */
                            object: "payment";
                            /**
                             * @description lifecycle state
                             * @enum {unknown}
                             */
                            status: "pending" | "processing" | "confirmed" | "completed" | "failed" | "cancelled" | "refunded" | "disputed";
                            /**
                             * @description method
                             * @enum {unknown}
                             */
                            payment_method: "payment_gateway" | "direct_transfer" | "route" | "swap";
                            /**
                             * @description priority
                             * @enum {unknown}
                             */
                            priority: "low" | "normal" | "high" | "urgent";
                            currency: string;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            amount: string;
                            /** @description what the payer must send, when it differs from amount */
                            amount_due: string | (never | null);
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            fee: string;
                            /** @description rate before the volume discount */
                            fee_rate: string;
                            discount_rate: string;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            net_amount: string;
                            /** @description TRX */
                            network_fee_estimate: string | null;
                            /** @description TRX burned, after sending */
                            network_fee: string | null;
                            /** @description what the chain sends serving this cost, from their receipts; null until one is in a block */
                            network_cost?: {
                                /** @description energy units used, however paid (receipt energy_usage_total) */
                                energy_used: number;
                                /** @description energy paid by staked energy, own or delegated (receipt energy_usage) */
                                energy_delegated: number;
                                /** @description TRX burned for energy (receipt energy_fee) */
                                energy_burned_trx: string;
                                /** @description bandwidth bytes (net_usage, or the transaction bytes when paid in TRX) */
                                bandwidth_used: number;
                                /** @description TRX burned for bandwidth (receipt net_fee) */
                                bandwidth_burned_trx: string;
                                /** @description TRX the chain charged for creating a receiver account */
                                activation_trx: string;
                                /** @description all TRX burned (receipt fee) */
                                trx_burned: string;
                            } | null;
                            /** @description how the hot wallet’s token transfer paid for energy (payouts, refunds, settlements); null for others */
                            energy_decision?: {
                                /**
                                 * @description staked: paid by the hot wallet’s staked energy; burn_priority: energy was short and an urgent or high send burns TRX at once; burn_after_wait: short for the whole wait its priority allows, then burned; burn_strategy: the strategy is burn or nothing is staked; waiting: waiting for staked energy to recover
                                 * @enum {unknown}
                                 */
                                decision: "staked" | "burn_priority" | "burn_after_wait" | "burn_strategy" | "waiting";
                                /** @description how long it waited for energy before it was signed */
                                waited_seconds: number | null;
                            } | null;
                            payer_address: string | null;
                            payee_address: string;
                            deposit_address: string | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            reference_id: string | null;
                            description: string | null;
                            metadata: {
                                [key: string]: unknown;
                            } | null;
                            batch_id: string | null;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            amount_received: string;
                            exception: string | null;
                            confirmations: number;
                            finalized: boolean;
                            transaction_id: string | null;
                            flags: {
                                code: string;
                                detail: string;
                            }[];
                            requires_approval: boolean;
                            /** @description held payouts: required, approved or rejected */
                            approval_status: string | null;
                            /** Format: date-time */
                            approved_at: string | null;
                            /** @description the note given when the held payout was approved or rejected */
                            approval_note: string | null;
                            failure_reason: string | null;
                            cancel_reason: string | null;
                            /** Format: date-time */
                            estimated_completion_time: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            processing_at: string | null;
                            /** Format: date-time */
                            confirmed_at: string | null;
                            /** Format: date-time */
                            completed_at: string | null;
                            /** Format: date-time */
                            failed_at: string | null;
                            /** Format: date-time */
                            cancelled_at: string | null;
                        }[];
                        has_more: boolean;
                        next_cursor: string | null;
                        /** @description with include_total=true: payments the filters keep, over every page */
                        total_count?: number;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "batch_id": "batch_019cd79e460095cec50bb2baca2ec5f4",
                     *       "object": "batch",
                     *       "status": "pending",
                     *       "batch_reference": "payroll-2026-03",
                     *       "atomic": false,
                     *       "total_items": 2,
                     *       "created_count": 1,
                     *       "rejected_count": 1,
                     *       "totals": {
                     *         "USDT": "100"
                     *       },
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "counts": {
                     *         "pending": 1
                     *       },
                     *       "updated_at": "2026-03-10T12:00:00.000Z",
                     *       "completed_at": null,
                     *       "stalled": false,
                     *       "stalled_at": null
                     *     }
                     */
                    "application/json": {
                        batch_id: string;
                        /** @enum {string} */
                        object: "batch";
                        status: string;
                        batch_reference: string | null;
                        atomic: boolean;
                        total_items: number;
                        created_count: number;
                        rejected_count: number;
                        totals: {
                            [key: string]: string;
                        };
                        /** @description live count of the batch’s payments by status */
                        counts: {
                            [key: string]: number;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** @description not final batch_processing.batch_timeout_seconds after creation (batch.stalled was sent) */
                        stalled: boolean;
                        /** Format: date-time */
                        stalled_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    calculateFees: {
        parameters: {
            query: {
                amount: string;
                priority?: "low" | "normal" | "high" | "urgent";
                payment_method?: "payment_gateway" | "direct_transfer" | "route" | "swap";
                /**
                 * @description asset symbol as GET /api/v1/assets lists it (TRX, USDT, …)
                 * @example USDT
                 */
                currency?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "amount": "100000",
                     *       "currency": "USDT",
                     *       "priority": "high",
                     *       "payment_method": "route",
                     *       "fee_rate": "0.002",
                     *       "base_fee": "200",
                     *       "discount_rate": "0.1",
                     *       "discount_amount": "20",
                     *       "fee": "180",
                     *       "net_amount": "99820",
                     *       "estimated_processing_seconds": 30,
                     *       "max_retries": 5,
                     *       "network_fee_estimate": {
                     *         "trx": "6.7735",
                     *         "trx_if_new_holder": "13.3735",
                     *         "energy": 64285,
                     *         "bandwidth_bytes": 345,
                     *         "energy_price_sun": "100",
                     *         "as_of": "2026-03-10T12:00:00.000Z"
                     *       },
                     *       "network_fee_note": "TRX burned when the hot wallet has no staked energy or free bandwidth left; paid by the gateway, not deducted from the payee",
                     *       "network_cost": {
                     *         "strategy": "stake",
                     *         "send": "payout_transfer",
                     *         "trx": "0",
                     *         "energy": 64285,
                     *         "bandwidth_bytes": 345,
                     *         "activation_trx": "0",
                     *         "energy_paid_by": "staked_energy",
                     *         "bandwidth_paid_by": "free_or_staked_bandwidth"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description whole units, decimal string */
                        amount: string;
                        /** @description a configured asset symbol (GET /api/v1/assets) */
                        currency: string;
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "urgent";
                        /** @enum {string} */
                        payment_method: "payment_gateway" | "direct_transfer" | "route" | "swap";
                        /** @description rate of the priority, before the volume discount */
                        fee_rate: string;
                        /** @description amount × fee_rate */
                        base_fee: string;
                        /** @description volume discount rate */
                        discount_rate: string;
                        /** @description whole units, decimal string */
                        discount_amount: string;
                        /** @description base_fee − discount_amount, at least the minimum fee */
                        fee: string;
                        /** @description amount − fee */
                        net_amount: string;
                        estimated_processing_seconds: number;
                        max_retries: number;
                        /** @description route (payouts) only: TRX the transfer burns, from current energy prices; null otherwise */
                        network_fee_estimate: {
                            /** @description whole units, decimal string */
                            trx: string;
                            /** @description when the payee has never held the token */
                            trx_if_new_holder: string;
                            energy: number;
                            bandwidth_bytes: number;
                            energy_price_sun: string;
                            /** Format: date-time */
                            as_of: string;
                        } | null;
                        network_fee_note: string;
                        /** @description what the payment's chain send burns under the merchant's energy strategy (GET /api/v1/wallet/energy-strategy): the payout transfer, or the collection's sweep with the deposit address's activation; null for direct_transfer or without the node */
                        network_cost?: {
                            /** @enum {string} */
                            strategy: "burn" | "stake";
                            /** @enum {string} */
                            send: "payout_transfer" | "sweep";
                            /** @description TRX burned in all */
                            trx: string;
                            energy: number;
                            bandwidth_bytes: number;
                            /** @description TRX of it that activates the deposit address (collections) */
                            activation_trx: string;
                            /** @enum {string} */
                            energy_paid_by: "burned_trx" | "staked_energy";
                            /** @enum {string} */
                            bandwidth_paid_by: "burned_trx" | "free_or_staked_bandwidth";
                        } | null;
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSettlementInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "frequency": "daily",
                     *       "settlement_time_utc": "23:00",
                     *       "next_settlement_at": "2026-03-10T23:00:00.000Z",
                     *       "pending_amount": {
                     *         "USDT": "249.999",
                     *         "TRX": "0"
                     *       },
                     *       "threshold": "100",
                     *       "min_settlement_amount": "100",
                     *       "max_settlement_amount": "1000000",
                     *       "last_settlement": {
                     *         "settlement_id": "stl_019cd79e46004b8deb670c6de115e884",
                     *         "status": "completed",
                     *         "currency": "USDT",
                     *         "amount": "1520.25",
                     *         "transaction_id": "6cd3ad32f6ce45d5d0ab92251957c644ed73042e294f53418373414552730ac1",
                     *         "created_at": "2026-03-09T23:00:00.000Z",
                     *         "completed_at": "2026-03-09T23:01:30.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        frequency: "instant" | "hourly" | "daily" | "weekly";
                        /** @description HH:MM */
                        settlement_time_utc: string;
                        /** Format: date-time */
                        next_settlement_at: string | null;
                        /** @description collected and not yet settled, per currency */
                        pending_amount: {
                            [key: string]: string;
                        };
                        /** @description whole units, decimal string */
                        threshold: string;
                        /** @description whole units, decimal string */
                        min_settlement_amount: string;
                        /** @description whole units, decimal string */
                        max_settlement_amount: string;
                        last_settlement: {
                            settlement_id: string;
                            status: string;
                            currency: string;
                            /** @description whole units, decimal string */
                            amount: string;
                            transaction_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            completed_at: string | null;
                        } | null;
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPaymentsHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "healthy",
                     *       "checks": {
                     *         "database": {
                     *           "ok": true,
                     *           "detail": "postgres",
                     *           "latency_ms": 2
                     *         },
                     *         "chain": {
                     *           "ok": true,
                     *           "detail": "head block 61203457",
                     *           "latency_ms": 48
                     *         },
                     *         "scanner": {
                     *           "ok": true,
                     *           "detail": "lag 1 block"
                     *         },
                     *         "webhooks": {
                     *           "ok": true,
                     *           "detail": "no endpoint disabled"
                     *         }
                     *       },
                     *       "service": "tron-payment-gateway"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "healthy" | "unhealthy";
                        service: string;
                        checks: {
                            [key: string]: {
                                ok: boolean;
                                detail: string;
                                latency_ms?: number;
                            };
                        };
                    };
                };
            };
            /** @description Not ready: a check failed */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "healthy" | "unhealthy";
                        service: string;
                        checks: {
                            [key: string]: {
                                ok: boolean;
                                detail: string;
                                latency_ms?: number;
                            };
                        };
                    };
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                payment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "payment_id": "pay_019cd79e4600f661d150c077de0276cb",
                     *       "object": "payment",
                     *       "status": "completed",
                     *       "payment_method": "payment_gateway",
                     *       "priority": "high",
                     *       "currency": "USDT",
                     *       "amount": "250.5",
                     *       "amount_due": null,
                     *       "fee": "0.501",
                     *       "fee_rate": "0.002",
                     *       "discount_rate": "0",
                     *       "net_amount": "249.999",
                     *       "network_fee_estimate": null,
                     *       "network_fee": null,
                     *       "payer_address": "TGwSPDGFUytdEtwa4oaS27VNhv2rKHAZej",
                     *       "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                     *       "deposit_address": "TDVMr9CJ5MAAf3az4QVqG1i2cv3kHAK7ug",
                     *       "expires_at": "2026-03-10T13:00:00.000Z",
                     *       "reference_id": "order-1042",
                     *       "description": "Order #1042",
                     *       "metadata": {
                     *         "customer_id": "cus_88"
                     *       },
                     *       "batch_id": null,
                     *       "amount_received": "250.5",
                     *       "exception": null,
                     *       "confirmations": 19,
                     *       "finalized": true,
                     *       "transaction_id": "5d8e4d62684bfd846a3aa9a3b6a16ff2e16686a7f78867ec2562311d95f436d8",
                     *       "flags": [],
                     *       "requires_approval": false,
                     *       "approval_status": null,
                     *       "approved_at": null,
                     *       "approval_note": null,
                     *       "failure_reason": null,
                     *       "cancel_reason": null,
                     *       "estimated_completion_time": "2026-03-10T12:00:30.000Z",
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T12:05:09.000Z",
                     *       "processing_at": "2026-03-10T12:04:12.000Z",
                     *       "confirmed_at": "2026-03-10T12:05:09.000Z",
                     *       "completed_at": "2026-03-10T12:05:09.000Z",
                     *       "failed_at": null,
                     *       "cancelled_at": null,
                     *       "history": [
                     *         {
                     *           "from": null,
                     *           "to": "pending",
                     *           "reason": "created",
                     *           "actor": "key_019cd79e4600c8c9237dc68c572da120",
                     *           "at": "2026-03-10T12:00:00.000Z"
                     *         },
                     *         {
                     *           "from": "pending",
                     *           "to": "processing",
                     *           "reason": "deposit_seen",
                     *           "actor": "system:scanner",
                     *           "at": "2026-03-10T12:04:12.000Z"
                     *         },
                     *         {
                     *           "from": "processing",
                     *           "to": "confirmed",
                     *           "reason": "confirmed",
                     *           "actor": "system:scanner",
                     *           "at": "2026-03-10T12:05:09.000Z"
                     *         },
                     *         {
                     *           "from": "confirmed",
                     *           "to": "completed",
                     *           "reason": "completed",
                     *           "actor": "system:scanner",
                     *           "at": "2026-03-10T12:05:09.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @example pay_019cd79e4600f661d150c077de0276cb */
                        payment_id: string;
                        /** @enum {string} */
                        object: "payment";
                        /**
                         * @description lifecycle state
                         * @enum {unknown}
                         */
                        status: "pending" | "processing" | "confirmed" | "completed" | "failed" | "cancelled" | "refunded" | "disputed";
                        /**
                         * @description method
                         * @enum {unknown}
                         */
                        payment_method: "payment_gateway" | "direct_transfer" | "route" | "swap";
                        /**
                         * @description priority
                         * @enum {unknown}
                         */
                        priority: "low" | "normal" | "high" | "urgent";
                        currency: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount: string;
                        /** @description what the payer must send, when it differs from amount */
                        amount_due: string | (never | null);
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        fee: string;
                        /** @description rate before the volume discount */
                        fee_rate: string;
                        discount_rate: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        net_amount: string;
                        /** @description TRX */
                        network_fee_estimate: string | null;
                        /** @description TRX burned, after sending */
                        network_fee: string | null;
                        /** @description what the chain sends serving this cost, from their receipts; null until one is in a block */
                        network_cost?: {
                            /** @description energy units used, however paid (receipt energy_usage_total) */
                            energy_used: number;
                            /** @description energy paid by staked energy, own or delegated (receipt energy_usage) */
                            energy_delegated: number;
                            /** @description TRX burned for energy (receipt energy_fee) */
                            energy_burned_trx: string;
                            /** @description bandwidth bytes (net_usage, or the transaction bytes when paid in TRX) */
                            bandwidth_used: number;
                            /** @description TRX burned for bandwidth (receipt net_fee) */
                            bandwidth_burned_trx: string;
                            /** @description TRX the chain charged for creating a receiver account */
                            activation_trx: string;
                            /** @description all TRX burned (receipt fee) */
                            trx_burned: string;
                        } | null;
                        /** @description how the hot wallet’s token transfer paid for energy (payouts, refunds, settlements); null for others */
                        energy_decision?: {
                            /**
                             * @description staked: paid by the hot wallet’s staked energy; burn_priority: energy was short and an urgent or high send burns TRX at once; burn_after_wait: short for the whole wait its priority allows, then burned; burn_strategy: the strategy is burn or nothing is staked; waiting: waiting for staked energy to recover
                             * @enum {unknown}
                             */
                            decision: "staked" | "burn_priority" | "burn_after_wait" | "burn_strategy" | "waiting";
                            /** @description how long it waited for energy before it was signed */
                            waited_seconds: number | null;
                        } | null;
                        payer_address: string | null;
                        payee_address: string;
                        deposit_address: string | null;
                        /** Format: date-time */
                        expires_at: string | null;
                        reference_id: string | null;
                        description: string | null;
                        metadata: {
                            [key: string]: unknown;
                        } | null;
                        batch_id: string | null;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount_received: string;
                        exception: string | null;
                        confirmations: number;
                        finalized: boolean;
                        transaction_id: string | null;
                        flags: {
                            code: string;
                            detail: string;
                        }[];
                        requires_approval: boolean;
                        /** @description held payouts: required, approved or rejected */
                        approval_status: string | null;
                        /** Format: date-time */
                        approved_at: string | null;
                        /** @description the note given when the held payout was approved or rejected */
                        approval_note: string | null;
                        failure_reason: string | null;
                        cancel_reason: string | null;
                        /** Format: date-time */
                        estimated_completion_time: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        processing_at: string | null;
                        /** Format: date-time */
                        confirmed_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        failed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                    } & {
                        history: {
                            from: string | null;
                            to: string;
                            reason: string | null;
                            actor: string | null;
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelPayment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                payment_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "reason": "customer_request"
                 *     }
                 */
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "payment_id": "pay_019cd79e4600f661d150c077de0276cb",
                     *       "object": "payment",
                     *       "status": "cancelled",
                     *       "payment_method": "payment_gateway",
                     *       "priority": "high",
                     *       "currency": "USDT",
                     *       "amount": "250.5",
                     *       "amount_due": null,
                     *       "fee": "0.501",
                     *       "fee_rate": "0.002",
                     *       "discount_rate": "0",
                     *       "net_amount": "249.999",
                     *       "network_fee_estimate": null,
                     *       "network_fee": null,
                     *       "payer_address": "TGwSPDGFUytdEtwa4oaS27VNhv2rKHAZej",
                     *       "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                     *       "deposit_address": "TDVMr9CJ5MAAf3az4QVqG1i2cv3kHAK7ug",
                     *       "expires_at": "2026-03-10T13:00:00.000Z",
                     *       "reference_id": "order-1042",
                     *       "description": "Order #1042",
                     *       "metadata": {
                     *         "customer_id": "cus_88"
                     *       },
                     *       "batch_id": null,
                     *       "amount_received": "0",
                     *       "exception": null,
                     *       "confirmations": 0,
                     *       "finalized": false,
                     *       "transaction_id": null,
                     *       "flags": [],
                     *       "requires_approval": false,
                     *       "approval_status": null,
                     *       "approved_at": null,
                     *       "approval_note": null,
                     *       "failure_reason": null,
                     *       "cancel_reason": "customer_request",
                     *       "estimated_completion_time": "2026-03-10T12:00:30.000Z",
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T12:10:00.000Z",
                     *       "processing_at": null,
                     *       "confirmed_at": null,
                     *       "completed_at": null,
                     *       "failed_at": null,
                     *       "cancelled_at": "2026-03-10T12:10:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example pay_019cd79e4600f661d150c077de0276cb */
                        payment_id: string;
                        /** @enum {string} */
                        object: "payment";
                        /**
                         * @description lifecycle state
                         * @enum {unknown}
                         */
                        status: "pending" | "processing" | "confirmed" | "completed" | "failed" | "cancelled" | "refunded" | "disputed";
                        /**
                         * @description method
                         * @enum {unknown}
                         */
                        payment_method: "payment_gateway" | "direct_transfer" | "route" | "swap";
                        /**
                         * @description priority
                         * @enum {unknown}
                         */
                        priority: "low" | "normal" | "high" | "urgent";
                        currency: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount: string;
                        /** @description what the payer must send, when it differs from amount */
                        amount_due: string | (never | null);
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        fee: string;
                        /** @description rate before the volume discount */
                        fee_rate: string;
                        discount_rate: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        net_amount: string;
                        /** @description TRX */
                        network_fee_estimate: string | null;
                        /** @description TRX burned, after sending */
                        network_fee: string | null;
                        /** @description what the chain sends serving this cost, from their receipts; null until one is in a block */
                        network_cost?: {
                            /** @description energy units used, however paid (receipt energy_usage_total) */
                            energy_used: number;
                            /** @description energy paid by staked energy, own or delegated (receipt energy_usage) */
                            energy_delegated: number;
                            /** @description TRX burned for energy (receipt energy_fee) */
                            energy_burned_trx: string;
                            /** @description bandwidth bytes (net_usage, or the transaction bytes when paid in TRX) */
                            bandwidth_used: number;
                            /** @description TRX burned for bandwidth (receipt net_fee) */
                            bandwidth_burned_trx: string;
                            /** @description TRX the chain charged for creating a receiver account */
                            activation_trx: string;
                            /** @description all TRX burned (receipt fee) */
                            trx_burned: string;
                        } | null;
                        /** @description how the hot wallet’s token transfer paid for energy (payouts, refunds, settlements); null for others */
                        energy_decision?: {
                            /**
                             * @description staked: paid by the hot wallet’s staked energy; burn_priority: energy was short and an urgent or high send burns TRX at once; burn_after_wait: short for the whole wait its priority allows, then burned; burn_strategy: the strategy is burn or nothing is staked; waiting: waiting for staked energy to recover
                             * @enum {unknown}
                             */
                            decision: "staked" | "burn_priority" | "burn_after_wait" | "burn_strategy" | "waiting";
                            /** @description how long it waited for energy before it was signed */
                            waited_seconds: number | null;
                        } | null;
                        payer_address: string | null;
                        payee_address: string;
                        deposit_address: string | null;
                        /** Format: date-time */
                        expires_at: string | null;
                        reference_id: string | null;
                        description: string | null;
                        metadata: {
                            [key: string]: unknown;
                        } | null;
                        batch_id: string | null;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount_received: string;
                        exception: string | null;
                        confirmations: number;
                        finalized: boolean;
                        transaction_id: string | null;
                        flags: {
                            code: string;
                            detail: string;
                        }[];
                        requires_approval: boolean;
                        /** @description held payouts: required, approved or rejected */
                        approval_status: string | null;
                        /** Format: date-time */
                        approved_at: string | null;
                        /** @description the note given when the held payout was approved or rejected */
                        approval_note: string | null;
                        failure_reason: string | null;
                        cancel_reason: string | null;
                        /** Format: date-time */
                        estimated_completion_time: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        processing_at: string | null;
                        /** Format: date-time */
                        confirmed_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        failed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approvePayment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                payment_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "note": "payee verified by phone"
                 *     }
                 */
                "application/json": {
                    /** @description why; stored on the payout, shown and audited (a rejection’s cancel reason) */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "payment_id": "pay_019cd79e460087446ff4ea6df008ac6d",
                     *       "object": "payment",
                     *       "status": "pending",
                     *       "payment_method": "route",
                     *       "priority": "normal",
                     *       "currency": "USDT",
                     *       "amount": "1200000",
                     *       "amount_due": null,
                     *       "fee": "1530",
                     *       "fee_rate": "0.0015",
                     *       "discount_rate": "0.15",
                     *       "net_amount": "1198470",
                     *       "network_fee_estimate": "13.3735",
                     *       "network_fee": null,
                     *       "payer_address": "TJJFHvvAtDMnYLT4jkUhft9qARB3acs6x6",
                     *       "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                     *       "deposit_address": null,
                     *       "expires_at": null,
                     *       "reference_id": "withdrawal-77",
                     *       "description": null,
                     *       "metadata": null,
                     *       "batch_id": null,
                     *       "amount_received": "0",
                     *       "exception": null,
                     *       "confirmations": 0,
                     *       "finalized": false,
                     *       "transaction_id": null,
                     *       "flags": [
                     *         {
                     *           "code": "large_amount",
                     *           "detail": "amount 1200000 USDT is at or above 1000000"
                     *         }
                     *       ],
                     *       "requires_approval": true,
                     *       "approval_status": "approved",
                     *       "approved_at": "2026-03-10T12:15:00.000Z",
                     *       "approval_note": "payee verified by phone",
                     *       "failure_reason": null,
                     *       "cancel_reason": null,
                     *       "estimated_completion_time": "2026-03-10T12:16:00.000Z",
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T12:15:00.000Z",
                     *       "processing_at": null,
                     *       "confirmed_at": null,
                     *       "completed_at": null,
                     *       "failed_at": null,
                     *       "cancelled_at": null
                     *     }
                     */
                    "application/json": {
                        /** @example pay_019cd79e4600f661d150c077de0276cb */
                        payment_id: string;
                        /** @enum {string} */
                        object: "payment";
                        /**
                         * @description lifecycle state
                         * @enum {unknown}
                         */
                        status: "pending" | "processing" | "confirmed" | "completed" | "failed" | "cancelled" | "refunded" | "disputed";
                        /**
                         * @description method
                         * @enum {unknown}
                         */
                        payment_method: "payment_gateway" | "direct_transfer" | "route" | "swap";
                        /**
                         * @description priority
                         * @enum {unknown}
                         */
                        priority: "low" | "normal" | "high" | "urgent";
                        currency: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount: string;
                        /** @description what the payer must send, when it differs from amount */
                        amount_due: string | (never | null);
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        fee: string;
                        /** @description rate before the volume discount */
                        fee_rate: string;
                        discount_rate: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        net_amount: string;
                        /** @description TRX */
                        network_fee_estimate: string | null;
                        /** @description TRX burned, after sending */
                        network_fee: string | null;
                        /** @description what the chain sends serving this cost, from their receipts; null until one is in a block */
                        network_cost?: {
                            /** @description energy units used, however paid (receipt energy_usage_total) */
                            energy_used: number;
                            /** @description energy paid by staked energy, own or delegated (receipt energy_usage) */
                            energy_delegated: number;
                            /** @description TRX burned for energy (receipt energy_fee) */
                            energy_burned_trx: string;
                            /** @description bandwidth bytes (net_usage, or the transaction bytes when paid in TRX) */
                            bandwidth_used: number;
                            /** @description TRX burned for bandwidth (receipt net_fee) */
                            bandwidth_burned_trx: string;
                            /** @description TRX the chain charged for creating a receiver account */
                            activation_trx: string;
                            /** @description all TRX burned (receipt fee) */
                            trx_burned: string;
                        } | null;
                        /** @description how the hot wallet’s token transfer paid for energy (payouts, refunds, settlements); null for others */
                        energy_decision?: {
                            /**
                             * @description staked: paid by the hot wallet’s staked energy; burn_priority: energy was short and an urgent or high send burns TRX at once; burn_after_wait: short for the whole wait its priority allows, then burned; burn_strategy: the strategy is burn or nothing is staked; waiting: waiting for staked energy to recover
                             * @enum {unknown}
                             */
                            decision: "staked" | "burn_priority" | "burn_after_wait" | "burn_strategy" | "waiting";
                            /** @description how long it waited for energy before it was signed */
                            waited_seconds: number | null;
                        } | null;
                        payer_address: string | null;
                        payee_address: string;
                        deposit_address: string | null;
                        /** Format: date-time */
                        expires_at: string | null;
                        reference_id: string | null;
                        description: string | null;
                        metadata: {
                            [key: string]: unknown;
                        } | null;
                        batch_id: string | null;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount_received: string;
                        exception: string | null;
                        confirmations: number;
                        finalized: boolean;
                        transaction_id: string | null;
                        flags: {
                            code: string;
                            detail: string;
                        }[];
                        requires_approval: boolean;
                        /** @description held payouts: required, approved or rejected */
                        approval_status: string | null;
                        /** Format: date-time */
                        approved_at: string | null;
                        /** @description the note given when the held payout was approved or rejected */
                        approval_note: string | null;
                        failure_reason: string | null;
                        cancel_reason: string | null;
                        /** Format: date-time */
                        estimated_completion_time: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        processing_at: string | null;
                        /** Format: date-time */
                        confirmed_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        failed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rejectPayment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                payment_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "note": "payee not verified"
                 *     }
                 */
                "application/json": {
                    /** @description why; stored on the payout, shown and audited (a rejection’s cancel reason) */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "payment_id": "pay_019cd79e460087446ff4ea6df008ac6d",
                     *       "object": "payment",
                     *       "status": "cancelled",
                     *       "payment_method": "route",
                     *       "priority": "normal",
                     *       "currency": "USDT",
                     *       "amount": "1200000",
                     *       "amount_due": null,
                     *       "fee": "1530",
                     *       "fee_rate": "0.0015",
                     *       "discount_rate": "0.15",
                     *       "net_amount": "1198470",
                     *       "network_fee_estimate": "13.3735",
                     *       "network_fee": null,
                     *       "payer_address": "TJJFHvvAtDMnYLT4jkUhft9qARB3acs6x6",
                     *       "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                     *       "deposit_address": null,
                     *       "expires_at": null,
                     *       "reference_id": "withdrawal-77",
                     *       "description": null,
                     *       "metadata": null,
                     *       "batch_id": null,
                     *       "amount_received": "0",
                     *       "exception": null,
                     *       "confirmations": 0,
                     *       "finalized": false,
                     *       "transaction_id": null,
                     *       "flags": [
                     *         {
                     *           "code": "large_amount",
                     *           "detail": "amount 1200000 USDT is at or above 1000000"
                     *         }
                     *       ],
                     *       "requires_approval": true,
                     *       "approval_status": "rejected",
                     *       "approved_at": null,
                     *       "approval_note": "payee not verified",
                     *       "failure_reason": null,
                     *       "cancel_reason": "payee not verified",
                     *       "estimated_completion_time": "2026-03-10T12:16:00.000Z",
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T12:15:00.000Z",
                     *       "processing_at": null,
                     *       "confirmed_at": null,
                     *       "completed_at": null,
                     *       "failed_at": null,
                     *       "cancelled_at": "2026-03-10T12:15:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example pay_019cd79e4600f661d150c077de0276cb */
                        payment_id: string;
                        /** @enum {string} */
                        object: "payment";
                        /**
                         * @description lifecycle state
                         * @enum {unknown}
                         */
                        status: "pending" | "processing" | "confirmed" | "completed" | "failed" | "cancelled" | "refunded" | "disputed";
                        /**
                         * @description method
                         * @enum {unknown}
                         */
                        payment_method: "payment_gateway" | "direct_transfer" | "route" | "swap";
                        /**
                         * @description priority
                         * @enum {unknown}
                         */
                        priority: "low" | "normal" | "high" | "urgent";
                        currency: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount: string;
                        /** @description what the payer must send, when it differs from amount */
                        amount_due: string | (never | null);
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        fee: string;
                        /** @description rate before the volume discount */
                        fee_rate: string;
                        discount_rate: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        net_amount: string;
                        /** @description TRX */
                        network_fee_estimate: string | null;
                        /** @description TRX burned, after sending */
                        network_fee: string | null;
                        /** @description what the chain sends serving this cost, from their receipts; null until one is in a block */
                        network_cost?: {
                            /** @description energy units used, however paid (receipt energy_usage_total) */
                            energy_used: number;
                            /** @description energy paid by staked energy, own or delegated (receipt energy_usage) */
                            energy_delegated: number;
                            /** @description TRX burned for energy (receipt energy_fee) */
                            energy_burned_trx: string;
                            /** @description bandwidth bytes (net_usage, or the transaction bytes when paid in TRX) */
                            bandwidth_used: number;
                            /** @description TRX burned for bandwidth (receipt net_fee) */
                            bandwidth_burned_trx: string;
                            /** @description TRX the chain charged for creating a receiver account */
                            activation_trx: string;
                            /** @description all TRX burned (receipt fee) */
                            trx_burned: string;
                        } | null;
                        /** @description how the hot wallet’s token transfer paid for energy (payouts, refunds, settlements); null for others */
                        energy_decision?: {
                            /**
                             * @description staked: paid by the hot wallet’s staked energy; burn_priority: energy was short and an urgent or high send burns TRX at once; burn_after_wait: short for the whole wait its priority allows, then burned; burn_strategy: the strategy is burn or nothing is staked; waiting: waiting for staked energy to recover
                             * @enum {unknown}
                             */
                            decision: "staked" | "burn_priority" | "burn_after_wait" | "burn_strategy" | "waiting";
                            /** @description how long it waited for energy before it was signed */
                            waited_seconds: number | null;
                        } | null;
                        payer_address: string | null;
                        payee_address: string;
                        deposit_address: string | null;
                        /** Format: date-time */
                        expires_at: string | null;
                        reference_id: string | null;
                        description: string | null;
                        metadata: {
                            [key: string]: unknown;
                        } | null;
                        batch_id: string | null;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount_received: string;
                        exception: string | null;
                        confirmations: number;
                        finalized: boolean;
                        transaction_id: string | null;
                        flags: {
                            code: string;
                            detail: string;
                        }[];
                        requires_approval: boolean;
                        /** @description held payouts: required, approved or rejected */
                        approval_status: string | null;
                        /** Format: date-time */
                        approved_at: string | null;
                        /** @description the note given when the held payout was approved or rejected */
                        approval_note: string | null;
                        failure_reason: string | null;
                        cancel_reason: string | null;
                        /** Format: date-time */
                        estimated_completion_time: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        processing_at: string | null;
                        /** Format: date-time */
                        confirmed_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        failed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    generateReport: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "start_date": "2026-03-01",
                 *       "end_date": "2026-03-10",
                 *       "status_filter": null,
                 *       "include_failed": true,
                 *       "format": "csv"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description first day or instant covered (inclusive); YYYY-MM-DD (a UTC day) or ISO 8601 with Z or an offset
                     * @example 2026-03-01
                     */
                    start_date: string;
                    /**
                     * @description last day covered (a bare date includes that whole day; an instant is exclusive); at most 366 days after start_date; YYYY-MM-DD (a UTC day) or ISO 8601 with Z or an offset
                     * @example 2026-03-01
                     */
                    end_date: string;
                    /** @description only payments with one of these statuses; omitted or null: every status */
                    status_filter?: ("pending" | "processing" | "confirmed" | "completed" | "failed" | "cancelled" | "refunded" | "disputed")[] | null;
                    /** @description false leaves out failed and cancelled payments; default true */
                    include_failed?: boolean;
                    /**
                     * @description format of the download: json (default) or csv
                     * @enum {unknown}
                     */
                    format?: "json" | "csv";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "report_019cd79e4600164b0967d8c70750e10b",
                     *       "object": "report",
                     *       "status": "completed",
                     *       "start_date": "2026-03-01T00:00:00.000Z",
                     *       "end_date": "2026-03-11T00:00:00.000Z",
                     *       "status_filter": null,
                     *       "include_failed": true,
                     *       "format": "csv",
                     *       "summary": {
                     *         "payment_count": 3,
                     *         "totals": {
                     *           "USDT": {
                     *             "count": 3,
                     *             "amount": "1200350.5",
                     *             "fee": "1530.651",
                     *             "net_amount": "1198819.849"
                     *           },
                     *           "TRX": {
                     *             "count": 0,
                     *             "amount": "0",
                     *             "fee": "0",
                     *             "net_amount": "0"
                     *           }
                     *         },
                     *         "by_status": {
                     *           "pending": 1,
                     *           "processing": 0,
                     *           "confirmed": 0,
                     *           "completed": 1,
                     *           "failed": 0,
                     *           "cancelled": 1,
                     *           "refunded": 0,
                     *           "disputed": 0
                     *         },
                     *         "by_payment_method": {
                     *           "payment_gateway": 2,
                     *           "direct_transfer": 0,
                     *           "route": 1,
                     *           "swap": 0
                     *         },
                     *         "by_priority": {
                     *           "low": 0,
                     *           "normal": 2,
                     *           "high": 1,
                     *           "urgent": 0
                     *         },
                     *         "refunds": {
                     *           "count": 1,
                     *           "completed_count": 1,
                     *           "completed_amount": {
                     *             "USDT": "25",
                     *             "TRX": "0"
                     *           }
                     *         },
                     *         "settlements": {
                     *           "count": 0,
                     *           "completed_count": 0,
                     *           "completed_amount": {
                     *             "USDT": "0",
                     *             "TRX": "0"
                     *           }
                     *         }
                     *       },
                     *       "row_count": 3,
                     *       "created_at": "2026-03-10T14:30:00.000Z",
                     *       "completed_at": "2026-03-10T14:30:00.000Z",
                     *       "download_url": "/api/v1/payments/reports/report_019cd79e4600164b0967d8c70750e10b/download"
                     *     }
                     */
                    "application/json": {
                        /** @example report_019cd79e4600164b0967d8c70750e10b */
                        id: string;
                        /** @enum {string} */
                        object: "report";
                        /** @enum {string} */
                        status: "completed";
                        /**
                         * Format: date-time
                         * @description inclusive
                         */
                        start_date: string;
                        /**
                         * Format: date-time
                         * @description exclusive: the instant after the last one covered
                         */
                        end_date: string;
                        status_filter: string[] | null;
                        include_failed: boolean;
                        /** @enum {unknown} */
                        format: "json" | "csv";
                        summary: {
                            payment_count: number;
                            /** @description per currency */
                            totals: {
                                [key: string]: {
                                    count: number;
                                    /**
                                     * @description whole units, decimal string
                                     * @example 998.5
                                     */
                                    amount: string;
                                    /**
                                     * @description whole units, decimal string
                                     * @example 998.5
                                     */
                                    fee: string;
                                    /**
                                     * @description whole units, decimal string
                                     * @example 998.5
                                     */
                                    net_amount: string;
                                };
                            };
                            by_status: {
                                [key: string]: number;
                            };
                            by_payment_method: {
                                [key: string]: number;
                            };
                            by_priority: {
                                [key: string]: number;
                            };
                            refunds: {
                                count: number;
                                completed_count: number;
                                /** @description per currency */
                                completed_amount: {
                                    [key: string]: string;
                                };
                            };
                            settlements: {
                                count: number;
                                completed_count: number;
                                /** @description per currency */
                                completed_amount: {
                                    [key: string]: string;
                                };
                            };
                        };
                        /** @description payments in the report (lines of the download when nothing changed since) */
                        row_count: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** @description GET it for the rows, streamed as CSV or a JSON array */
                        download_url: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "report_019cd79e4600164b0967d8c70750e10b",
                     *       "object": "report",
                     *       "status": "completed",
                     *       "start_date": "2026-03-01T00:00:00.000Z",
                     *       "end_date": "2026-03-11T00:00:00.000Z",
                     *       "status_filter": null,
                     *       "include_failed": true,
                     *       "format": "csv",
                     *       "summary": {
                     *         "payment_count": 3,
                     *         "totals": {
                     *           "USDT": {
                     *             "count": 3,
                     *             "amount": "1200350.5",
                     *             "fee": "1530.651",
                     *             "net_amount": "1198819.849"
                     *           },
                     *           "TRX": {
                     *             "count": 0,
                     *             "amount": "0",
                     *             "fee": "0",
                     *             "net_amount": "0"
                     *           }
                     *         },
                     *         "by_status": {
                     *           "pending": 1,
                     *           "processing": 0,
                     *           "confirmed": 0,
                     *           "completed": 1,
                     *           "failed": 0,
                     *           "cancelled": 1,
                     *           "refunded": 0,
                     *           "disputed": 0
                     *         },
                     *         "by_payment_method": {
                     *           "payment_gateway": 2,
                     *           "direct_transfer": 0,
                     *           "route": 1,
                     *           "swap": 0
                     *         },
                     *         "by_priority": {
                     *           "low": 0,
                     *           "normal": 2,
                     *           "high": 1,
                     *           "urgent": 0
                     *         },
                     *         "refunds": {
                     *           "count": 1,
                     *           "completed_count": 1,
                     *           "completed_amount": {
                     *             "USDT": "25",
                     *             "TRX": "0"
                     *           }
                     *         },
                     *         "settlements": {
                     *           "count": 0,
                     *           "completed_count": 0,
                     *           "completed_amount": {
                     *             "USDT": "0",
                     *             "TRX": "0"
                     *           }
                     *         }
                     *       },
                     *       "row_count": 3,
                     *       "created_at": "2026-03-10T14:30:00.000Z",
                     *       "completed_at": "2026-03-10T14:30:00.000Z",
                     *       "download_url": "/api/v1/payments/reports/report_019cd79e4600164b0967d8c70750e10b/download"
                     *     }
                     */
                    "application/json": {
                        /** @example report_019cd79e4600164b0967d8c70750e10b */
                        id: string;
                        /** @enum {string} */
                        object: "report";
                        /** @enum {string} */
                        status: "completed";
                        /**
                         * Format: date-time
                         * @description inclusive
                         */
                        start_date: string;
                        /**
                         * Format: date-time
                         * @description exclusive: the instant after the last one covered
                         */
                        end_date: string;
                        status_filter: string[] | null;
                        include_failed: boolean;
                        /** @enum {unknown} */
                        format: "json" | "csv";
                        summary: {
                            payment_count: number;
                            /** @description per currency */
                            totals: {
                                [key: string]: {
                                    count: number;
                                    /**
                                     * @description whole units, decimal string
                                     * @example 998.5
                                     */
                                    amount: string;
                                    /**
                                     * @description whole units, decimal string
                                     * @example 998.5
                                     */
                                    fee: string;
                                    /**
                                     * @description whole units, decimal string
                                     * @example 998.5
                                     */
                                    net_amount: string;
                                };
                            };
                            by_status: {
                                [key: string]: number;
                            };
                            by_payment_method: {
                                [key: string]: number;
                            };
                            by_priority: {
                                [key: string]: number;
                            };
                            refunds: {
                                count: number;
                                completed_count: number;
                                /** @description per currency */
                                completed_amount: {
                                    [key: string]: string;
                                };
                            };
                            settlements: {
                                count: number;
                                completed_count: number;
                                /** @description per currency */
                                completed_amount: {
                                    [key: string]: string;
                                };
                            };
                        };
                        /** @description payments in the report (lines of the download when nothing changed since) */
                        row_count: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** @description GET it for the rows, streamed as CSV or a JSON array */
                        download_url: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                report_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example id,created_at,status,payment_method,priority,currency,amount,fee,net_amount,payer_address,payee_address,reference_id,transaction_id,completed_at
                     *     pay_019cd79e4600f661d150c077de0276cb,2026-03-10T12:00:00.000Z,completed,payment_gateway,high,USDT,250.5,0.501,249.999,TGwSPDGFUytdEtwa4oaS27VNhv2rKHAZej,TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM,order-1042,5d8e4d62684bfd846a3aa9a3b6a16ff2e16686a7f78867ec2562311d95f436d8,2026-03-10T12:05:09.000Z
                     */
                    "text/csv": string;
                    /**
                     * @example [
                     *       {
                     *         "id": "pay_019cd79e4600f661d150c077de0276cb",
                     *         "created_at": "2026-03-10T12:00:00.000Z",
                     *         "status": "completed",
                     *         "payment_method": "payment_gateway",
                     *         "priority": "high",
                     *         "currency": "USDT",
                     *         "amount": "250.5",
                     *         "fee": "0.501",
                     *         "net_amount": "249.999",
                     *         "payer_address": "TGwSPDGFUytdEtwa4oaS27VNhv2rKHAZej",
                     *         "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                     *         "reference_id": "order-1042",
                     *         "transaction_id": "5d8e4d62684bfd846a3aa9a3b6a16ff2e16686a7f78867ec2562311d95f436d8",
                     *         "completed_at": "2026-03-10T12:05:09.000Z"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        [key: string]: unknown;
                    }[];
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAnalytics: {
        parameters: {
            query?: {
                /** @description today (UTC) and the days before it; default 30 */
                period_days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "analytics",
                     *       "period_days": 7,
                     *       "period_start": "2026-03-04T00:00:00.000Z",
                     *       "period_end": "2026-03-10T14:30:00.001Z",
                     *       "generated_at": "2026-03-10T14:30:00.000Z",
                     *       "total_count": 3,
                     *       "by_status": {
                     *         "pending": 1,
                     *         "processing": 0,
                     *         "confirmed": 0,
                     *         "completed": 1,
                     *         "failed": 0,
                     *         "cancelled": 1,
                     *         "refunded": 0,
                     *         "disputed": 0
                     *       },
                     *       "volume": {
                     *         "USDT": {
                     *           "count": 3,
                     *           "amount": "1200350.5",
                     *           "fee": "1530.651",
                     *           "net_amount": "1198819.849"
                     *         },
                     *         "TRX": {
                     *           "count": 0,
                     *           "amount": "0",
                     *           "fee": "0",
                     *           "net_amount": "0"
                     *         }
                     *       },
                     *       "completed_volume": {
                     *         "USDT": {
                     *           "count": 1,
                     *           "amount": "250.5",
                     *           "fee": "0.501",
                     *           "net_amount": "249.999"
                     *         },
                     *         "TRX": {
                     *           "count": 0,
                     *           "amount": "0",
                     *           "fee": "0",
                     *           "net_amount": "0"
                     *         }
                     *       },
                     *       "refunds": {
                     *         "count": 1,
                     *         "completed_count": 1
                     *       },
                     *       "refunded_volume": {
                     *         "USDT": "25",
                     *         "TRX": "0"
                     *       },
                     *       "success_rate": 0.5,
                     *       "processing_time_seconds": {
                     *         "count": 1,
                     *         "average": 309,
                     *         "p50": 309,
                     *         "p95": 309
                     *       },
                     *       "peak_hour": {
                     *         "hour": 12,
                     *         "count": 3
                     *       },
                     *       "by_hour": [
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         3,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0,
                     *         0
                     *       ],
                     *       "most_common_amount": {
                     *         "USDT": {
                     *           "amount": "100",
                     *           "count": 1
                     *         },
                     *         "TRX": null
                     *       },
                     *       "daily": [
                     *         {
                     *           "date": "2026-03-09",
                     *           "count": 0,
                     *           "volume": {
                     *             "USDT": "0",
                     *             "TRX": "0"
                     *           }
                     *         },
                     *         {
                     *           "date": "2026-03-10",
                     *           "count": 3,
                     *           "volume": {
                     *             "USDT": "1200350.5",
                     *             "TRX": "0"
                     *           }
                     *         }
                     *       ],
                     *       "collection_cost_daily": [
                     *         {
                     *           "date": "2026-03-09",
                     *           "completed_collections": 0,
                     *           "trx_burned": "0",
                     *           "trx_burned_per_collection": null
                     *         },
                     *         {
                     *           "date": "2026-03-10",
                     *           "completed_collections": 2,
                     *           "trx_burned": "28.947",
                     *           "trx_burned_per_collection": "14.4735"
                     *         }
                     *       ],
                     *       "by_priority": {
                     *         "low": {
                     *           "count": 0,
                     *           "volume": {
                     *             "USDT": "0",
                     *             "TRX": "0"
                     *           }
                     *         },
                     *         "normal": {
                     *           "count": 2,
                     *           "volume": {
                     *             "USDT": "1200100",
                     *             "TRX": "0"
                     *           }
                     *         },
                     *         "high": {
                     *           "count": 1,
                     *           "volume": {
                     *             "USDT": "250.5",
                     *             "TRX": "0"
                     *           }
                     *         },
                     *         "urgent": {
                     *           "count": 0,
                     *           "volume": {
                     *             "USDT": "0",
                     *             "TRX": "0"
                     *           }
                     *         }
                     *       },
                     *       "by_payment_method": {
                     *         "payment_gateway": {
                     *           "count": 2,
                     *           "volume": {
                     *             "USDT": "350.5",
                     *             "TRX": "0"
                     *           }
                     *         },
                     *         "direct_transfer": {
                     *           "count": 0,
                     *           "volume": {
                     *             "USDT": "0",
                     *             "TRX": "0"
                     *           }
                     *         },
                     *         "route": {
                     *           "count": 1,
                     *           "volume": {
                     *             "USDT": "1200000",
                     *             "TRX": "0"
                     *           }
                     *         },
                     *         "swap": {
                     *           "count": 0,
                     *           "volume": {
                     *             "USDT": "0",
                     *             "TRX": "0"
                     *           }
                     *         }
                     *       },
                     *       "total_payments": 3,
                     *       "successful_payments": 1,
                     *       "failed_payments": 0,
                     *       "total_volume": {
                     *         "USDT": "250.5",
                     *         "TRX": "0"
                     *       },
                     *       "total_fees": {
                     *         "USDT": "0.501",
                     *         "TRX": "0"
                     *       },
                     *       "batches_processed": 0,
                     *       "avg_processing_time": 309
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "analytics";
                        period_days: number;
                        /** Format: date-time */
                        period_start: string;
                        /**
                         * Format: date-time
                         * @description exclusive
                         */
                        period_end: string;
                        /**
                         * Format: date-time
                         * @description when this answer was computed (answers are cached briefly)
                         */
                        generated_at: string;
                        total_count: number;
                        by_status: {
                            [key: string]: number;
                        };
                        /** @description every payment created in the period, per currency */
                        volume: {
                            [key: string]: {
                                count: number;
                                /**
                                 * @description whole units, decimal string
                                 * @example 998.5
                                 */
                                amount: string;
                                /**
                                 * @description whole units, decimal string
                                 * @example 998.5
                                 */
                                fee: string;
                                /**
                                 * @description whole units, decimal string
                                 * @example 998.5
                                 */
                                net_amount: string;
                            };
                        };
                        /** @description completed payments, per currency */
                        completed_volume: {
                            [key: string]: {
                                count: number;
                                /**
                                 * @description whole units, decimal string
                                 * @example 998.5
                                 */
                                amount: string;
                                /**
                                 * @description whole units, decimal string
                                 * @example 998.5
                                 */
                                fee: string;
                                /**
                                 * @description whole units, decimal string
                                 * @example 998.5
                                 */
                                net_amount: string;
                            };
                        };
                        refunds: {
                            count: number;
                            completed_count: number;
                        };
                        /** @description completed refunds, per currency (also the seed's metric) */
                        refunded_volume: {
                            [key: string]: string;
                        };
                        /** @description completed / (completed + failed + cancelled), 4 decimal places */
                        success_rate: number | null;
                        processing_time_seconds: {
                            /** @description completed payments measured */
                            count: number;
                            average: number | null;
                            /** @description nearest-rank percentile */
                            p50: number | null;
                            /** @description nearest-rank percentile */
                            p95: number | null;
                        };
                        peak_hour: {
                            /** @description UTC hour, 0–23 */
                            hour: number;
                            count: number;
                        } | null;
                        /** @description payments per UTC hour of day, index 0–23 */
                        by_hour: number[];
                        /** @description per currency; ties go to the smallest amount */
                        most_common_amount: {
                            [key: string]: {
                                /**
                                 * @description whole units, decimal string
                                 * @example 998.5
                                 */
                                amount: string;
                                count: number;
                            } | null;
                        };
                        daily: {
                            /** @description YYYY-MM-DD (UTC) */
                            date: string;
                            count: number;
                            /** @description per currency */
                            volume: {
                                [key: string]: string;
                            };
                        }[];
                        /** @description what collecting cost on chain, per day */
                        collection_cost_daily: {
                            /** @description YYYY-MM-DD (UTC) */
                            date: string;
                            /** @description collections completed that day */
                            completed_collections: number;
                            /** @description TRX burned that day by the sends that collected: sweeps, their fuel and activation (receipts) */
                            trx_burned: string;
                            /** @description trx_burned / completed_collections; null when none completed */
                            trx_burned_per_collection: string | null;
                        }[];
                        by_priority: {
                            [key: string]: {
                                count: number;
                                /** @description per currency */
                                volume: {
                                    [key: string]: string;
                                };
                            };
                        };
                        by_payment_method: {
                            [key: string]: {
                                count: number;
                                /** @description per currency */
                                volume: {
                                    [key: string]: string;
                                };
                            };
                        };
                        /** @description the seed's metric: payments created in the period (= total_count) */
                        total_payments: number;
                        /** @description the seed's metric: those completed (= by_status.completed) */
                        successful_payments: number;
                        /** @description the seed's metric: those failed (= by_status.failed) */
                        failed_payments: number;
                        /** @description the seed's metric: amount of the completed payments, per currency (= completed_volume.*.amount) */
                        total_volume: {
                            [key: string]: string;
                        };
                        /** @description the seed's metric: fees of the completed payments, per currency (= completed_volume.*.fee) */
                        total_fees: {
                            [key: string]: string;
                        };
                        /** @description the seed's metric: batches created in the period whose items are all final (completed, partial_failure or failed) */
                        batches_processed: number;
                        /** @description the seed's metric: mean seconds from creation to completion of completed payments; 0 when none completed */
                        avg_processing_time: number;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerWebhook: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://shop.example.com/hooks/tron",
                 *       "events": [
                 *         "payment.completed",
                 *         "payment.failed"
                 *       ],
                 *       "headers": {
                 *         "Authorization": "Bearer shop-hook-token"
                 *       },
                 *       "description": "shop backend"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description https URL of your receiver; no credentials, no fragment, no loopback/private/metadata hosts
                     * @example https://shop.example.com/hooks/tron
                     */
                    url: string;
                    /**
                     * @description event names (payment.created, payment.started, payment.confirmed, payment.completed, payment.reverted, payment.failed, payment.refunded, payment.disputed, payment.cancelled, batch.created, batch.completed, batch.stalled, settlement.initiated, settlement.completed, wallet.energy_low), or ["*"] for every event, including ones added later
                     * @example [
                     *       "payment.completed",
                     *       "payment.failed"
                     *     ]
                     */
                    events: string[];
                    /** @description up to 20 custom headers sent with every delivery (e.g. Authorization); Content-Type, Host, X-TPG-*, webhook-* and the like are reserved. Write-only: reads show "********" for every value; on PATCH, "********" keeps a header's stored value */
                    headers?: {
                        [key: string]: string;
                    };
                    /** @description default true */
                    active?: boolean;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "webhook_019cd79e4600623ea6b115a1456e1025",
                     *       "object": "webhook",
                     *       "url": "https://shop.example.com/hooks/tron",
                     *       "events": [
                     *         "payment.completed",
                     *         "payment.failed"
                     *       ],
                     *       "headers": {
                     *         "Authorization": "********"
                     *       },
                     *       "active": true,
                     *       "description": "shop backend",
                     *       "status": "active",
                     *       "failing_since": null,
                     *       "last_success_at": null,
                     *       "last_failure_at": null,
                     *       "disabled_at": null,
                     *       "disabled_reason": null,
                     *       "previous_secret_expires_at": null,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T12:00:00.000Z",
                     *       "deleted_at": null,
                     *       "secret": "whsec_q5R4tOZlgm+gyrWj1BnWJIOASPARuwQuEU0XA8FZYkU="
                     *     }
                     */
                    "application/json": {
                        /** @example webhook_019cd79e4600623ea6b115a1456e1025 */
                        id: string;
                        /** @enum {string} */
                        object: "webhook";
                        url: string;
                        events: string[];
                        /** @description custom header names; every value shows as "********" (write-only) */
                        headers: {
                            [key: string]: string;
                        };
                        /** @description the merchant switch */
                        active: boolean;
                        description: string | null;
                        /**
                         * @description disabled: the gateway stopped delivering after the endpoint kept failing; PATCH active:true re-enables
                         * @enum {unknown}
                         */
                        status: "active" | "inactive" | "disabled" | "deleted";
                        /** Format: date-time */
                        failing_since: string | null;
                        /** Format: date-time */
                        last_success_at: string | null;
                        /** Format: date-time */
                        last_failure_at: string | null;
                        /** Format: date-time */
                        disabled_at: string | null;
                        disabled_reason: string | null;
                        /**
                         * Format: date-time
                         * @description until then deliveries are also signed with the previous secret
                         */
                        previous_secret_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                    } & {
                        /** @description signing secret; shown only here and by rotate-secret */
                        secret: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "id": "webhook_019cd79e4600623ea6b115a1456e1025",
                     *           "object": "webhook",
                     *           "url": "https://shop.example.com/hooks/tron",
                     *           "events": [
                     *             "payment.completed",
                     *             "payment.failed"
                     *           ],
                     *           "headers": {
                     *             "Authorization": "********"
                     *           },
                     *           "active": true,
                     *           "description": "shop backend",
                     *           "status": "active",
                     *           "failing_since": null,
                     *           "last_success_at": "2026-03-10T12:05:09.000Z",
                     *           "last_failure_at": null,
                     *           "disabled_at": null,
                     *           "disabled_reason": null,
                     *           "previous_secret_expires_at": null,
                     *           "created_at": "2026-03-10T12:00:00.000Z",
                     *           "updated_at": "2026-03-10T12:00:00.000Z",
                     *           "deleted_at": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "list";
                        data: {
                            /** @example webhook_019cd79e4600623ea6b115a1456e1025 */
                            id: string;
                            /** @enum {string} */
                            object: "webhook";
                            url: string;
                            events: string[];
                            /** @description custom header names; every value shows as "********" (write-only) */
                            headers: {
                                [key: string]: string;
                            };
                            /** @description the merchant switch */
                            active: boolean;
                            description: string | null;
                            /**
                             * @description disabled: the gateway stopped delivering after the endpoint kept failing; PATCH active:true re-enables
                             * @enum {unknown}
                             */
                            status: "active" | "inactive" | "disabled" | "deleted";
                            /** Format: date-time */
                            failing_since: string | null;
                            /** Format: date-time */
                            last_success_at: string | null;
                            /** Format: date-time */
                            last_failure_at: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            disabled_reason: string | null;
                            /**
                             * Format: date-time
                             * @description until then deliveries are also signed with the previous secret
                             */
                            previous_secret_expires_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            deleted_at: string | null;
                        }[];
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPendingWebhookEvents: {
        parameters: {
            query?: {
                /** @description page size (capped by api.max_page_size) */
                limit?: number;
                /** @description the last id of the previous page */
                starting_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "id": "evt_019cd79e4600dba2aa1c6bf7c46f02d0",
                     *           "object": "event",
                     *           "type": "payment.created",
                     *           "aggregate_type": "payment",
                     *           "aggregate_id": "pay_019cd79e460087446ff4ea6df008ac6d",
                     *           "created_at": "2026-03-10T12:00:00.000Z",
                     *           "dispatched_at": "2026-03-10T12:00:00.000Z",
                     *           "pending_deliveries": 1
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "list";
                        data: {
                            /** @example evt_019cd79e46004fb7cafb3da32a579294 */
                            id: string;
                            /** @enum {string} */
                            object: "event";
                            type: string;
                            aggregate_type: string;
                            aggregate_id: string;
                            /** Format: date-time */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description null: not yet handed to deliveries
                             */
                            dispatched_at: string | null;
                            /** @description deliveries still waiting for an attempt or a retry */
                            pending_deliveries: number;
                        }[];
                        has_more: boolean;
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEventDeliveries: {
        parameters: {
            query?: {
                /** @description page size (capped by api.max_page_size) */
                limit?: number;
                /** @description the last id of the previous page */
                starting_after?: string;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "id": "whd_019cd79e4600e8eeb07a395b4ce7aaf3",
                     *           "object": "webhook_delivery",
                     *           "webhook_id": "webhook_019cd79e4600623ea6b115a1456e1025",
                     *           "event_id": "evt_019cd79e46004fb7cafb3da32a579294",
                     *           "event_type": "payment.completed",
                     *           "kind": "event",
                     *           "redelivery_of": null,
                     *           "status": "succeeded",
                     *           "attempts": 1,
                     *           "next_attempt_at": null,
                     *           "last_status_code": 200,
                     *           "last_error": null,
                     *           "created_at": "2026-03-10T12:05:09.000Z",
                     *           "updated_at": "2026-03-10T12:05:09.000Z",
                     *           "completed_at": "2026-03-10T12:05:09.000Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "list";
                        data: {
                            /** @example whd_019cd79e4600e8eeb07a395b4ce7aaf3 */
                            id: string;
                            /** @enum {string} */
                            object: "webhook_delivery";
                            webhook_id: string;
                            event_id: string;
                            event_type: string;
                            /** @enum {unknown} */
                            kind: "event" | "redelivery" | "test";
                            redelivery_of: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "succeeded" | "failed";
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description while pending
                             */
                            next_attempt_at: string | null;
                            last_status_code: number | null;
                            last_error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            completed_at: string | null;
                        }[];
                        has_more: boolean;
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whd_019cd79e4600e8eeb07a395b4ce7aaf3",
                     *       "object": "webhook_delivery",
                     *       "webhook_id": "webhook_019cd79e4600623ea6b115a1456e1025",
                     *       "event_id": "evt_019cd79e46004fb7cafb3da32a579294",
                     *       "event_type": "payment.completed",
                     *       "kind": "event",
                     *       "redelivery_of": null,
                     *       "status": "succeeded",
                     *       "attempts": 1,
                     *       "next_attempt_at": null,
                     *       "last_status_code": 200,
                     *       "last_error": null,
                     *       "created_at": "2026-03-10T12:05:09.000Z",
                     *       "updated_at": "2026-03-10T12:05:09.000Z",
                     *       "completed_at": "2026-03-10T12:05:09.000Z",
                     *       "attempt_log": [
                     *         {
                     *           "attempt": 1,
                     *           "started_at": "2026-03-10T12:05:09.000Z",
                     *           "latency_ms": 84,
                     *           "status_code": 200,
                     *           "outcome": "succeeded",
                     *           "error": null,
                     *           "response_excerpt": "{\"received\":true}"
                     *         }
                     *       ],
                     *       "request": {
                     *         "method": "POST",
                     *         "url": "https://shop.example.com/hooks/tron",
                     *         "headers": {
                     *           "Authorization": "********",
                     *           "content-type": "application/json",
                     *           "user-agent": "tron-payment-gateway/0.1.0",
                     *           "x-tpg-event-id": "evt_019cd79e46004fb7cafb3da32a579294",
                     *           "x-tpg-event-type": "payment.completed",
                     *           "x-tpg-delivery-id": "whd_019cd79e4600e8eeb07a395b4ce7aaf3",
                     *           "x-tpg-signature": "(signed at each attempt)",
                     *           "webhook-id": "evt_019cd79e46004fb7cafb3da32a579294",
                     *           "webhook-timestamp": "1773144030",
                     *           "webhook-signature": "(signed at each attempt)"
                     *         },
                     *         "body": "{\"id\":\"evt_019cd79e46004fb7cafb3da32a579294\",\"type\":\"payment.completed\",\"created_at\":\"2026-03-10T12:00:30.000Z\",\"data\":{\"object\":{\"payment_id\":\"pay_019cd79e4600f661d150c077de0276cb\",\"status\":\"completed\"}}}"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @example whd_019cd79e4600e8eeb07a395b4ce7aaf3 */
                        id: string;
                        /** @enum {string} */
                        object: "webhook_delivery";
                        webhook_id: string;
                        event_id: string;
                        event_type: string;
                        /** @enum {unknown} */
                        kind: "event" | "redelivery" | "test";
                        redelivery_of: string | null;
                        /** @enum {unknown} */
                        status: "pending" | "succeeded" | "failed";
                        attempts: number;
                        /**
                         * Format: date-time
                         * @description while pending
                         */
                        next_attempt_at: string | null;
                        last_status_code: number | null;
                        last_error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        completed_at: string | null;
                    } & {
                        attempt_log: {
                            attempt: number;
                            /** Format: date-time */
                            started_at: string;
                            latency_ms: number;
                            status_code: number | null;
                            /** @description succeeded | retry | failed */
                            outcome: string;
                            error: string | null;
                            /** @description at most 1 KiB */
                            response_excerpt: string | null;
                        }[];
                        /** @description null when the endpoint or the event no longer exists */
                        request: {
                            /** @enum {string} */
                            method: "POST";
                            /** @description the endpoint’s URL now */
                            url: string;
                            /** @description what each attempt sends; custom header values show as "********", the signatures as "(signed at each attempt)" */
                            headers: {
                                [key: string]: string;
                            };
                            /** @description the exact JSON bytes posted */
                            body: string;
                        } | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whd_019cd79e460099c1acca8fb15453caa6",
                     *       "object": "webhook_delivery",
                     *       "webhook_id": "webhook_019cd79e4600623ea6b115a1456e1025",
                     *       "event_id": "evt_019cd79e46004fb7cafb3da32a579294",
                     *       "event_type": "payment.completed",
                     *       "kind": "redelivery",
                     *       "redelivery_of": "whd_019cd79e4600e8eeb07a395b4ce7aaf3",
                     *       "status": "pending",
                     *       "attempts": 0,
                     *       "next_attempt_at": "2026-03-10T14:30:00.000Z",
                     *       "last_status_code": null,
                     *       "last_error": null,
                     *       "created_at": "2026-03-10T14:30:00.000Z",
                     *       "updated_at": "2026-03-10T14:30:00.000Z",
                     *       "completed_at": null
                     *     }
                     */
                    "application/json": {
                        /** @example whd_019cd79e4600e8eeb07a395b4ce7aaf3 */
                        id: string;
                        /** @enum {string} */
                        object: "webhook_delivery";
                        webhook_id: string;
                        event_id: string;
                        event_type: string;
                        /** @enum {unknown} */
                        kind: "event" | "redelivery" | "test";
                        redelivery_of: string | null;
                        /** @enum {unknown} */
                        status: "pending" | "succeeded" | "failed";
                        attempts: number;
                        /**
                         * Format: date-time
                         * @description while pending
                         */
                        next_attempt_at: string | null;
                        last_status_code: number | null;
                        last_error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        completed_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "webhook_019cd79e4600623ea6b115a1456e1025",
                     *       "object": "webhook",
                     *       "url": "https://shop.example.com/hooks/tron",
                     *       "events": [
                     *         "payment.completed",
                     *         "payment.failed"
                     *       ],
                     *       "headers": {
                     *         "Authorization": "********"
                     *       },
                     *       "active": true,
                     *       "description": "shop backend",
                     *       "status": "active",
                     *       "failing_since": null,
                     *       "last_success_at": "2026-03-10T12:05:09.000Z",
                     *       "last_failure_at": null,
                     *       "disabled_at": null,
                     *       "disabled_reason": null,
                     *       "previous_secret_expires_at": null,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T12:00:00.000Z",
                     *       "deleted_at": null
                     *     }
                     */
                    "application/json": {
                        /** @example webhook_019cd79e4600623ea6b115a1456e1025 */
                        id: string;
                        /** @enum {string} */
                        object: "webhook";
                        url: string;
                        events: string[];
                        /** @description custom header names; every value shows as "********" (write-only) */
                        headers: {
                            [key: string]: string;
                        };
                        /** @description the merchant switch */
                        active: boolean;
                        description: string | null;
                        /**
                         * @description disabled: the gateway stopped delivering after the endpoint kept failing; PATCH active:true re-enables
                         * @enum {unknown}
                         */
                        status: "active" | "inactive" | "disabled" | "deleted";
                        /** Format: date-time */
                        failing_since: string | null;
                        /** Format: date-time */
                        last_success_at: string | null;
                        /** Format: date-time */
                        last_failure_at: string | null;
                        /** Format: date-time */
                        disabled_at: string | null;
                        disabled_reason: string | null;
                        /**
                         * Format: date-time
                         * @description until then deliveries are also signed with the previous secret
                         */
                        previous_secret_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "webhook_019cd79e4600623ea6b115a1456e1025",
                     *       "object": "webhook",
                     *       "url": "https://shop.example.com/hooks/tron",
                     *       "events": [
                     *         "payment.completed",
                     *         "payment.failed"
                     *       ],
                     *       "headers": {
                     *         "Authorization": "********"
                     *       },
                     *       "active": false,
                     *       "description": "shop backend",
                     *       "status": "deleted",
                     *       "failing_since": null,
                     *       "last_success_at": "2026-03-10T12:05:09.000Z",
                     *       "last_failure_at": null,
                     *       "disabled_at": null,
                     *       "disabled_reason": null,
                     *       "previous_secret_expires_at": null,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T14:30:00.000Z",
                     *       "deleted_at": "2026-03-10T14:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example webhook_019cd79e4600623ea6b115a1456e1025 */
                        id: string;
                        /** @enum {string} */
                        object: "webhook";
                        url: string;
                        events: string[];
                        /** @description custom header names; every value shows as "********" (write-only) */
                        headers: {
                            [key: string]: string;
                        };
                        /** @description the merchant switch */
                        active: boolean;
                        description: string | null;
                        /**
                         * @description disabled: the gateway stopped delivering after the endpoint kept failing; PATCH active:true re-enables
                         * @enum {unknown}
                         */
                        status: "active" | "inactive" | "disabled" | "deleted";
                        /** Format: date-time */
                        failing_since: string | null;
                        /** Format: date-time */
                        last_success_at: string | null;
                        /** Format: date-time */
                        last_failure_at: string | null;
                        /** Format: date-time */
                        disabled_at: string | null;
                        disabled_reason: string | null;
                        /**
                         * Format: date-time
                         * @description until then deliveries are also signed with the previous secret
                         */
                        previous_secret_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "events": [
                 *         "payment.completed",
                 *         "payment.failed",
                 *         "refund.completed"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /**
                     * @description https URL of your receiver; no credentials, no fragment, no loopback/private/metadata hosts
                     * @example https://shop.example.com/hooks/tron
                     */
                    url?: string;
                    /**
                     * @description event names (payment.created, payment.started, payment.confirmed, payment.completed, payment.reverted, payment.failed, payment.refunded, payment.disputed, payment.cancelled, batch.created, batch.completed, batch.stalled, settlement.initiated, settlement.completed, wallet.energy_low), or ["*"] for every event, including ones added later
                     * @example [
                     *       "payment.completed",
                     *       "payment.failed"
                     *     ]
                     */
                    events?: string[];
                    /** @description up to 20 custom headers sent with every delivery (e.g. Authorization); Content-Type, Host, X-TPG-*, webhook-* and the like are reserved. Write-only: reads show "********" for every value; on PATCH, "********" keeps a header's stored value */
                    headers?: {
                        [key: string]: string;
                    };
                    /** @description true also re-enables an endpoint the gateway disabled */
                    active?: boolean;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "webhook_019cd79e4600623ea6b115a1456e1025",
                     *       "object": "webhook",
                     *       "url": "https://shop.example.com/hooks/tron",
                     *       "events": [
                     *         "payment.completed",
                     *         "payment.failed",
                     *         "refund.completed"
                     *       ],
                     *       "headers": {
                     *         "Authorization": "********"
                     *       },
                     *       "active": true,
                     *       "description": "shop backend",
                     *       "status": "active",
                     *       "failing_since": null,
                     *       "last_success_at": "2026-03-10T12:05:09.000Z",
                     *       "last_failure_at": null,
                     *       "disabled_at": null,
                     *       "disabled_reason": null,
                     *       "previous_secret_expires_at": null,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T14:30:00.000Z",
                     *       "deleted_at": null
                     *     }
                     */
                    "application/json": {
                        /** @example webhook_019cd79e4600623ea6b115a1456e1025 */
                        id: string;
                        /** @enum {string} */
                        object: "webhook";
                        url: string;
                        events: string[];
                        /** @description custom header names; every value shows as "********" (write-only) */
                        headers: {
                            [key: string]: string;
                        };
                        /** @description the merchant switch */
                        active: boolean;
                        description: string | null;
                        /**
                         * @description disabled: the gateway stopped delivering after the endpoint kept failing; PATCH active:true re-enables
                         * @enum {unknown}
                         */
                        status: "active" | "inactive" | "disabled" | "deleted";
                        /** Format: date-time */
                        failing_since: string | null;
                        /** Format: date-time */
                        last_success_at: string | null;
                        /** Format: date-time */
                        last_failure_at: string | null;
                        /** Format: date-time */
                        disabled_at: string | null;
                        disabled_reason: string | null;
                        /**
                         * Format: date-time
                         * @description until then deliveries are also signed with the previous secret
                         */
                        previous_secret_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "grace_period_seconds": 86400
                 *     }
                 */
                "application/json": {
                    /** @description how long the old secret keeps signing alongside the new one; default 86400 */
                    grace_period_seconds?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "webhook_019cd79e4600623ea6b115a1456e1025",
                     *       "object": "webhook_secret",
                     *       "secret": "whsec_Jm0c1Xo7g0q4V9b2kC8yR5uT3nW6zA1dE4fH7iK0lM8=",
                     *       "previous_secret_expires_at": "2026-03-11T14:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        object: "webhook_secret";
                        /** @description the new signing secret; shown once */
                        secret: string;
                        /** Format: date-time */
                        previous_secret_expires_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whd_019cd79e4600e8eeb07a395b4ce7aaf3",
                     *       "object": "webhook_delivery",
                     *       "webhook_id": "webhook_019cd79e4600623ea6b115a1456e1025",
                     *       "event_id": "evt_019cd79e4600dba2aa1c6bf7c46f02d0",
                     *       "event_type": "webhook.test",
                     *       "kind": "test",
                     *       "redelivery_of": null,
                     *       "status": "pending",
                     *       "attempts": 0,
                     *       "next_attempt_at": "2026-03-10T14:30:00.000Z",
                     *       "last_status_code": null,
                     *       "last_error": null,
                     *       "created_at": "2026-03-10T14:30:00.000Z",
                     *       "updated_at": "2026-03-10T14:30:00.000Z",
                     *       "completed_at": null
                     *     }
                     */
                    "application/json": {
                        /** @example whd_019cd79e4600e8eeb07a395b4ce7aaf3 */
                        id: string;
                        /** @enum {string} */
                        object: "webhook_delivery";
                        webhook_id: string;
                        event_id: string;
                        event_type: string;
                        /** @enum {unknown} */
                        kind: "event" | "redelivery" | "test";
                        redelivery_of: string | null;
                        /** @enum {unknown} */
                        status: "pending" | "succeeded" | "failed";
                        attempts: number;
                        /**
                         * Format: date-time
                         * @description while pending
                         */
                        next_attempt_at: string | null;
                        last_status_code: number | null;
                        last_error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        completed_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description page size (capped by api.max_page_size) */
                limit?: number;
                /** @description the last id of the previous page */
                starting_after?: string;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "id": "whd_019cd79e460099c1acca8fb15453caa6",
                     *           "object": "webhook_delivery",
                     *           "webhook_id": "webhook_019cd79e4600623ea6b115a1456e1025",
                     *           "event_id": "evt_019cd79e46004fb7cafb3da32a579294",
                     *           "event_type": "payment.completed",
                     *           "kind": "redelivery",
                     *           "redelivery_of": "whd_019cd79e4600e8eeb07a395b4ce7aaf3",
                     *           "status": "pending",
                     *           "attempts": 0,
                     *           "next_attempt_at": "2026-03-10T14:30:00.000Z",
                     *           "last_status_code": null,
                     *           "last_error": null,
                     *           "created_at": "2026-03-10T14:30:00.000Z",
                     *           "updated_at": "2026-03-10T14:30:00.000Z",
                     *           "completed_at": null
                     *         },
                     *         {
                     *           "id": "whd_019cd79e4600e8eeb07a395b4ce7aaf3",
                     *           "object": "webhook_delivery",
                     *           "webhook_id": "webhook_019cd79e4600623ea6b115a1456e1025",
                     *           "event_id": "evt_019cd79e46004fb7cafb3da32a579294",
                     *           "event_type": "payment.completed",
                     *           "kind": "event",
                     *           "redelivery_of": null,
                     *           "status": "succeeded",
                     *           "attempts": 1,
                     *           "next_attempt_at": null,
                     *           "last_status_code": 200,
                     *           "last_error": null,
                     *           "created_at": "2026-03-10T12:05:09.000Z",
                     *           "updated_at": "2026-03-10T12:05:09.000Z",
                     *           "completed_at": "2026-03-10T12:05:09.000Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "list";
                        data: {
                            /** @example whd_019cd79e4600e8eeb07a395b4ce7aaf3 */
                            id: string;
                            /** @enum {string} */
                            object: "webhook_delivery";
                            webhook_id: string;
                            event_id: string;
                            event_type: string;
                            /** @enum {unknown} */
                            kind: "event" | "redelivery" | "test";
                            redelivery_of: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "succeeded" | "failed";
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description while pending
                             */
                            next_attempt_at: string | null;
                            last_status_code: number | null;
                            last_error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            completed_at: string | null;
                        }[];
                        has_more: boolean;
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWallet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "wallet",
                     *       "address": "TJJFHvvAtDMnYLT4jkUhft9qARB3acs6x6",
                     *       "network": "mainnet",
                     *       "balances": {
                     *         "TRX": "1234.5",
                     *         "USDT": "98765.4321"
                     *       },
                     *       "energy": {
                     *         "available": "64285",
                     *         "limit": "100000"
                     *       },
                     *       "bandwidth": {
                     *         "available": "4400",
                     *         "limit": "5000"
                     *       },
                     *       "staking": {
                     *         "energy_trx": "1000",
                     *         "bandwidth_trx": "0",
                     *         "energy_delegated_out_trx": "300",
                     *         "bandwidth_delegated_out_trx": "0",
                     *         "pending_unstakes": [
                     *           {
                     *             "resource": "ENERGY",
                     *             "trx": "50",
                     *             "withdrawable_at": "2026-04-30T06:48:27.000Z"
                     *           }
                     *         ]
                     *       },
                     *       "block_number": 61203457,
                     *       "deposit_addresses": {
                     *         "free": 412,
                     *         "reusable": 37,
                     *         "in_use": 58,
                     *         "target": 500
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "wallet";
                        address: string;
                        network: string;
                        /** @description whole units of every configured asset, by symbol */
                        balances: {
                            [key: string]: string;
                        };
                        /** @description energy units (getaccountresource) */
                        energy: {
                            available: string;
                            limit: string;
                        };
                        /** @description bandwidth bytes, free and staked together (getaccountresource) */
                        bandwidth: {
                            available: string;
                            limit: string;
                        };
                        /** @description Stake 2.0 state of the hot wallet (getaccount); null when the node could not tell */
                        staking: {
                            /** @description TRX staked for energy, lent out included */
                            energy_trx: string;
                            /** @description TRX staked for bandwidth, lent out included */
                            bandwidth_trx: string;
                            /** @description TRX of the energy stake delegated to other accounts */
                            energy_delegated_out_trx: string;
                            bandwidth_delegated_out_trx: string;
                            /** @description unstaked TRX waiting out the unfreeze delay */
                            pending_unstakes: {
                                /** @description ENERGY | BANDWIDTH | TRON_POWER */
                                resource: string;
                                trx: string;
                                /** Format: date-time */
                                withdrawable_at: string;
                            }[];
                        } | null;
                        block_number: number;
                        /** @description the deposit-address pool (shared by the merchants of this gateway) and what is in use */
                        deposit_addresses: {
                            /** @description derived ahead and never used, waiting in the pool */
                            free: number;
                            /** @description swept and quiet, back in the pool already activated */
                            reusable: number;
                            /** @description this merchant's addresses on a payment that can still be paid */
                            in_use: number;
                            /** @description how many the pool keeps derived ahead (wallets.deposit_pool_size) */
                            target: number;
                        };
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/chain_unavailable",
                     *       "title": "TRON node unavailable",
                     *       "status": 503,
                     *       "detail": "the TRON node did not answer; balances are unavailable right now",
                     *       "code": "chain_unavailable",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEnergyStrategy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "energy_strategy",
                     *       "strategy": "auto",
                     *       "source": "config",
                     *       "effective": "stake"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "energy_strategy";
                        /**
                         * @description burn: pay energy in TRX; stake: spend staked energy; auto: stake while the hot wallet has staked energy
                         * @enum {unknown}
                         */
                        strategy: "auto" | "burn" | "stake";
                        /** @description merchant: set with PUT; config: energy.strategy of the configuration */
                        source: "merchant" | "config";
                        /** @description what sends use now (auto resolved) */
                        effective: "burn" | "stake";
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setEnergyStrategy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "strategy": "burn"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description burn: pay energy in TRX; stake: spend staked energy; auto: stake while the hot wallet has staked energy
                     * @enum {unknown}
                     */
                    strategy: "auto" | "burn" | "stake";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "energy_strategy",
                     *       "strategy": "burn",
                     *       "source": "merchant",
                     *       "effective": "burn"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "energy_strategy";
                        /**
                         * @description burn: pay energy in TRX; stake: spend staked energy; auto: stake while the hot wallet has staked energy
                         * @enum {unknown}
                         */
                        strategy: "auto" | "burn" | "stake";
                        /** @description merchant: set with PUT; config: energy.strategy of the configuration */
                        source: "merchant" | "config";
                        /** @description what sends use now (auto resolved) */
                        effective: "burn" | "stake";
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAssets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "symbol": "TRX",
                     *           "kind": "native",
                     *           "contract": null,
                     *           "decimals": 6,
                     *           "blacklist": false
                     *         },
                     *         {
                     *           "symbol": "USDT",
                     *           "kind": "trc20",
                     *           "contract": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
                     *           "decimals": 6,
                     *           "blacklist": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "list";
                        data: {
                            /**
                             * @description what `currency` takes
                             * @example USDT
                             */
                            symbol: string;
                            kind: "native" | "trc20";
                            /** @description null for TRX, and for a devnet token before the chain was reached */
                            contract: string | (never | null);
                            decimals: number;
                            /** @description the contract can blacklist addresses (payouts and refunds check it) */
                            blacklist: boolean;
                        }[];
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "key_019cd79e4600c8c9237dc68c572da120",
                     *           "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *           "name": "shop backend",
                     *           "prefix": "tpg_YceR…",
                     *           "scopes": [
                     *             "payments:read",
                     *             "payments:write"
                     *           ],
                     *           "status": "active",
                     *           "created_at": "2026-03-10T12:00:00.000Z",
                     *           "last_used_at": "2026-03-10T14:30:00.000Z",
                     *           "revoked_at": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * @description key_ + 32 hex
                             * @example key_019cd79e4600c8c9237dc68c572da120
                             */
                            id: string;
                            merchant_id: string;
                            name: string;
                            /**
                             * @description the first characters of the key, to recognise it
                             * @example tpg_ab12…
                             */
                            prefix: string;
                            scopes: ("payments:read" | "payments:write" | "payouts:write" | "refunds:write" | "webhooks:manage" | "reports:read" | "admin")[];
                            status: "active" | "revoked";
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            last_used_at: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            revoked_at: string | null;
                        }[];
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "shop backend",
                 *       "scopes": [
                 *         "payments:read",
                 *         "payments:write"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description what the key is for */
                    name: string;
                    /** @description default: payments:read, payments:write, refunds:write, webhooks:manage, reports:read */
                    scopes?: ("payments:read" | "payments:write" | "payouts:write" | "refunds:write" | "webhooks:manage" | "reports:read" | "admin")[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "key_019cd79e4600c8c9237dc68c572da120",
                     *       "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *       "name": "shop backend",
                     *       "prefix": "tpg_YceR…",
                     *       "scopes": [
                     *         "payments:read",
                     *         "payments:write"
                     *       ],
                     *       "status": "active",
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "last_used_at": null,
                     *       "revoked_at": null,
                     *       "secret": "tpg_YceRhzm2fvAYEs2GOBBVf3vDv8adSZuPTY_Gk3AUfO4"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description key_ + 32 hex
                         * @example key_019cd79e4600c8c9237dc68c572da120
                         */
                        id: string;
                        merchant_id: string;
                        name: string;
                        /**
                         * @description the first characters of the key, to recognise it
                         * @example tpg_ab12…
                         */
                        prefix: string;
                        scopes: ("payments:read" | "payments:write" | "payouts:write" | "refunds:write" | "webhooks:manage" | "reports:read" | "admin")[];
                        status: "active" | "revoked";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        last_used_at: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        revoked_at: string | null;
                        /** @description the API key; shown once, store it now */
                        secret: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "key_019cd79e4600c8c9237dc68c572da120",
                     *       "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *       "name": "shop backend",
                     *       "prefix": "tpg_YceR…",
                     *       "scopes": [
                     *         "payments:read",
                     *         "payments:write"
                     *       ],
                     *       "status": "revoked",
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "last_used_at": null,
                     *       "revoked_at": "2026-03-10T14:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description key_ + 32 hex
                         * @example key_019cd79e4600c8c9237dc68c572da120
                         */
                        id: string;
                        merchant_id: string;
                        name: string;
                        /**
                         * @description the first characters of the key, to recognise it
                         * @example tpg_ab12…
                         */
                        prefix: string;
                        scopes: ("payments:read" | "payments:write" | "payouts:write" | "refunds:write" | "webhooks:manage" | "reports:read" | "admin")[];
                        status: "active" | "revoked";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        last_used_at: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        revoked_at: string | null;
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "usr_019cd79e4600b1c4e2d86f0a9e3b5c71",
                     *         "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *         "email": "ann@shop.example",
                     *         "role": "operator",
                     *         "status": "active",
                     *         "must_change_password": false,
                     *         "totp_enabled": true,
                     *         "created_at": "2026-03-10T12:00:00.000Z",
                     *         "updated_at": "2026-03-10T14:30:00.000Z"
                     *       },
                     *       "csrf_token": "Xq3c0mJ7pZ2tVYxk9R4sHn8bLw1eFd6gUa5oCi0yTzQ",
                     *       "session": {
                     *         "id": "ses_019cd79e4600d47a1b9c2e8f6a0b3d52",
                     *         "expires_at": "2026-03-11T02:30:00.000Z"
                     *       },
                     *       "recovery_codes_left": 9
                     *     }
                     */
                    "application/json": {
                        user: {
                            /** @description usr_ + 32 hex */
                            id: string;
                            merchant_id: string;
                            email: string;
                            /**
                             * @description owner, admin, operator (payments, refunds, payout approval) or viewer (reads only)
                             * @enum {unknown}
                             */
                            role: "owner" | "admin" | "operator" | "viewer";
                            status: "active" | "disabled";
                            /** @description logged in with a one-time password that is still to be changed */
                            must_change_password: boolean;
                            totp_enabled: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            updated_at: string;
                        };
                        /** @description send it as X-CSRF-Token with every POST, PUT, PATCH and DELETE of this session */
                        csrf_token: string;
                        session: {
                            /** @description ses_ + 32 hex */
                            id: string;
                            /**
                             * Format: date-time
                             * @description the absolute end; an idle session ends earlier
                             */
                            expires_at: string;
                        };
                        /** @description unused TOTP recovery codes */
                        recovery_codes_left: number;
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ann@shop.example",
                 *       "password": "correct horse battery staple",
                 *       "totp_code": "287082"
                 *     }
                 */
                "application/json": {
                    email: string;
                    password: string;
                    /** @description six digits from the authenticator app, when TOTP is enabled */
                    totp_code?: string;
                    /** @description one of the recovery codes instead of totp_code; each works once */
                    recovery_code?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "usr_019cd79e4600b1c4e2d86f0a9e3b5c71",
                     *         "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *         "email": "ann@shop.example",
                     *         "role": "operator",
                     *         "status": "active",
                     *         "must_change_password": false,
                     *         "totp_enabled": true,
                     *         "created_at": "2026-03-10T12:00:00.000Z",
                     *         "updated_at": "2026-03-10T14:30:00.000Z"
                     *       },
                     *       "csrf_token": "Xq3c0mJ7pZ2tVYxk9R4sHn8bLw1eFd6gUa5oCi0yTzQ",
                     *       "session": {
                     *         "id": "ses_019cd79e4600d47a1b9c2e8f6a0b3d52",
                     *         "expires_at": "2026-03-11T02:30:00.000Z"
                     *       },
                     *       "recovery_codes_left": 9
                     *     }
                     */
                    "application/json": {
                        user: {
                            /** @description usr_ + 32 hex */
                            id: string;
                            merchant_id: string;
                            email: string;
                            /**
                             * @description owner, admin, operator (payments, refunds, payout approval) or viewer (reads only)
                             * @enum {unknown}
                             */
                            role: "owner" | "admin" | "operator" | "viewer";
                            status: "active" | "disabled";
                            /** @description logged in with a one-time password that is still to be changed */
                            must_change_password: boolean;
                            totp_enabled: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            updated_at: string;
                        };
                        /** @description send it as X-CSRF-Token with every POST, PUT, PATCH and DELETE of this session */
                        csrf_token: string;
                        session: {
                            /** @description ses_ + 32 hex */
                            id: string;
                            /**
                             * Format: date-time
                             * @description the absolute end; an idle session ends earlier
                             */
                            expires_at: string;
                        };
                        /** @description unused TOTP recovery codes */
                        recovery_codes_left: number;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ses_019cd79e4600d47a1b9c2e8f6a0b3d52",
                     *       "ended": true
                     *     }
                     */
                    "application/json": {
                        /** @description the session that ended */
                        id: string;
                        /** @enum {boolean} */
                        ended: true;
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "current_password": "correct horse battery staple",
                 *       "new_password": "a longer passphrase of mine"
                 *     }
                 */
                "application/json": {
                    current_password: string;
                    /** @description 12 to 200 characters */
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_019cd79e4600b1c4e2d86f0a9e3b5c71",
                     *       "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *       "email": "ann@shop.example",
                     *       "role": "operator",
                     *       "status": "active",
                     *       "must_change_password": false,
                     *       "totp_enabled": true,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T14:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description usr_ + 32 hex */
                        id: string;
                        merchant_id: string;
                        email: string;
                        /**
                         * @description owner, admin, operator (payments, refunds, payout approval) or viewer (reads only)
                         * @enum {unknown}
                         */
                        role: "owner" | "admin" | "operator" | "viewer";
                        status: "active" | "disabled";
                        /** @description logged in with a one-time password that is still to be changed */
                        must_change_password: boolean;
                        totp_enabled: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    beginTotpEnrolment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "secret": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                     *       "otpauth_uri": "otpauth://totp/TRON%20Payment%20Gateway:ann%40shop.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=TRON%20Payment%20Gateway&algorithm=SHA1&digits=6&period=30"
                     *     }
                     */
                    "application/json": {
                        /** @description base32; shown once */
                        secret: string;
                        /** @description for a QR code */
                        otpauth_uri: string;
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    disableTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "totp_code": "287082"
                 *     }
                 */
                "application/json": {
                    /** @description a current code */
                    totp_code?: string;
                    /** @description or a recovery code */
                    recovery_code?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_019cd79e4600b1c4e2d86f0a9e3b5c71",
                     *       "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *       "email": "ann@shop.example",
                     *       "role": "operator",
                     *       "status": "active",
                     *       "must_change_password": false,
                     *       "totp_enabled": false,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T14:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description usr_ + 32 hex */
                        id: string;
                        merchant_id: string;
                        email: string;
                        /**
                         * @description owner, admin, operator (payments, refunds, payout approval) or viewer (reads only)
                         * @enum {unknown}
                         */
                        role: "owner" | "admin" | "operator" | "viewer";
                        status: "active" | "disabled";
                        /** @description logged in with a one-time password that is still to be changed */
                        must_change_password: boolean;
                        totp_enabled: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmTotpEnrolment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "totp_code": "287082"
                 *     }
                 */
                "application/json": {
                    /** @description a current code of the new secret */
                    totp_code: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "recovery_codes": [
                     *         "k7m2q-xw4rp",
                     *         "b3tz6-nh5ya",
                     *         "f2jv7-qd3ms",
                     *         "p6wc4-za2ke",
                     *         "r5hn3-ty7bg",
                     *         "e4xq2-mv6jd",
                     *         "u7ka5-sc3pw",
                     *         "g3rd6-lb4xn",
                     *         "y2fm7-he5qt",
                     *         "w6pj3-ok2vc"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description each works once instead of a code; store them now */
                        recovery_codes: string[];
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "ses_019cd79e4600d47a1b9c2e8f6a0b3d52",
                     *           "current": true,
                     *           "client_ip": "203.0.113.7",
                     *           "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/132.0",
                     *           "created_at": "2026-03-10T14:30:00.000Z",
                     *           "last_seen_at": "2026-03-10T14:30:00.000Z",
                     *           "expires_at": "2026-03-11T02:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        data: {
                            id: string;
                            /** @description the session making this request */
                            current: boolean;
                            client_ip: string;
                            user_agent: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            last_seen_at: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            expires_at: string;
                        }[];
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ses_019cd79e4600d47a1b9c2e8f6a0b3d52",
                     *       "ended": true
                     *     }
                     */
                    "application/json": {
                        /** @description the session that ended */
                        id: string;
                        /** @enum {boolean} */
                        ended: true;
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "usr_019cd79e4600b1c4e2d86f0a9e3b5c71",
                     *           "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *           "email": "owner@shop.example",
                     *           "role": "owner",
                     *           "status": "active",
                     *           "must_change_password": false,
                     *           "totp_enabled": true,
                     *           "created_at": "2026-03-10T12:00:00.000Z",
                     *           "updated_at": "2026-03-10T14:30:00.000Z"
                     *         },
                     *         {
                     *           "id": "usr_019cd79e4600b1c4e2d86f0a9e3b5c71",
                     *           "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *           "email": "ann@shop.example",
                     *           "role": "operator",
                     *           "status": "active",
                     *           "must_change_password": false,
                     *           "totp_enabled": true,
                     *           "created_at": "2026-03-10T12:00:00.000Z",
                     *           "updated_at": "2026-03-10T14:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        data: {
                            /** @description usr_ + 32 hex */
                            id: string;
                            merchant_id: string;
                            email: string;
                            /**
                             * @description owner, admin, operator (payments, refunds, payout approval) or viewer (reads only)
                             * @enum {unknown}
                             */
                            role: "owner" | "admin" | "operator" | "viewer";
                            status: "active" | "disabled";
                            /** @description logged in with a one-time password that is still to be changed */
                            must_change_password: boolean;
                            totp_enabled: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ann@shop.example",
                 *       "role": "operator"
                 *     }
                 */
                "application/json": {
                    email: string;
                    /**
                     * @description owner, admin, operator (payments, refunds, payout approval) or viewer (reads only)
                     * @enum {unknown}
                     */
                    role: "owner" | "admin" | "operator" | "viewer";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_019cd79e4600b1c4e2d86f0a9e3b5c71",
                     *       "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *       "email": "ann@shop.example",
                     *       "role": "operator",
                     *       "status": "active",
                     *       "must_change_password": true,
                     *       "totp_enabled": false,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T14:30:00.000Z",
                     *       "one_time_password": "Wk7dHq3ZpR9tYx2MbN5c"
                     *     }
                     */
                    "application/json": {
                        /** @description usr_ + 32 hex */
                        id: string;
                        merchant_id: string;
                        email: string;
                        /**
                         * @description owner, admin, operator (payments, refunds, payout approval) or viewer (reads only)
                         * @enum {unknown}
                         */
                        role: "owner" | "admin" | "operator" | "viewer";
                        status: "active" | "disabled";
                        /** @description logged in with a one-time password that is still to be changed */
                        must_change_password: boolean;
                        totp_enabled: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        updated_at: string;
                        /** @description to be changed at first login; shown once */
                        one_time_password: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    disableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_019cd79e4600b1c4e2d86f0a9e3b5c71",
                     *       "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *       "email": "ann@shop.example",
                     *       "role": "operator",
                     *       "status": "disabled",
                     *       "must_change_password": false,
                     *       "totp_enabled": true,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T14:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description usr_ + 32 hex */
                        id: string;
                        merchant_id: string;
                        email: string;
                        /**
                         * @description owner, admin, operator (payments, refunds, payout approval) or viewer (reads only)
                         * @enum {unknown}
                         */
                        role: "owner" | "admin" | "operator" | "viewer";
                        status: "active" | "disabled";
                        /** @description logged in with a one-time password that is still to be changed */
                        must_change_password: boolean;
                        totp_enabled: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeUserRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "admin"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description owner, admin, operator (payments, refunds, payout approval) or viewer (reads only)
                     * @enum {unknown}
                     */
                    role: "owner" | "admin" | "operator" | "viewer";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_019cd79e4600b1c4e2d86f0a9e3b5c71",
                     *       "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *       "email": "ann@shop.example",
                     *       "role": "admin",
                     *       "status": "active",
                     *       "must_change_password": false,
                     *       "totp_enabled": true,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T14:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description usr_ + 32 hex */
                        id: string;
                        merchant_id: string;
                        email: string;
                        /**
                         * @description owner, admin, operator (payments, refunds, payout approval) or viewer (reads only)
                         * @enum {unknown}
                         */
                        role: "owner" | "admin" | "operator" | "viewer";
                        status: "active" | "disabled";
                        /** @description logged in with a one-time password that is still to be changed */
                        must_change_password: boolean;
                        totp_enabled: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetUserPassword: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "usr_019cd79e4600b1c4e2d86f0a9e3b5c71",
                     *       "merchant_id": "mer_019cd79e460054694823eb1a64b8a003",
                     *       "email": "ann@shop.example",
                     *       "role": "operator",
                     *       "status": "active",
                     *       "must_change_password": true,
                     *       "totp_enabled": true,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T14:30:00.000Z",
                     *       "one_time_password": "Pq4sVb8nXc2mTz6kLw9d"
                     *     }
                     */
                    "application/json": {
                        /** @description usr_ + 32 hex */
                        id: string;
                        merchant_id: string;
                        email: string;
                        /**
                         * @description owner, admin, operator (payments, refunds, payout approval) or viewer (reads only)
                         * @enum {unknown}
                         */
                        role: "owner" | "admin" | "operator" | "viewer";
                        status: "active" | "disabled";
                        /** @description logged in with a one-time password that is still to be changed */
                        must_change_password: boolean;
                        totp_enabled: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC
                         */
                        updated_at: string;
                        /** @description to be changed at first login; shown once */
                        one_time_password: string;
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPaymentLinks: {
        parameters: {
            query?: {
                limit?: number;
                /** @description id of the last item of the previous page */
                starting_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "id": "plink_019cd79e4600b5d7a93c0e1f2a3b4c5d",
                     *           "object": "payment_link",
                     *           "url": "https://pay.shop.example/pay/Xq2Xw0l1yB6bS0M0kq8Qx9xK",
                     *           "currency": "USDT",
                     *           "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                     *           "amount": "25",
                     *           "description": "Hat, one size",
                     *           "success_url": "https://shop.example/thanks",
                     *           "expires_at": null,
                     *           "max_uses": 100,
                     *           "uses": 3,
                     *           "active": true,
                     *           "created_at": "2026-03-10T12:00:00.000Z",
                     *           "updated_at": "2026-03-10T12:05:09.000Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "list";
                        data: {
                            /** @example plink_019cd79e4600f661d150c077de0276cb */
                            id: string;
                            /** @enum {string} */
                            object: "payment_link";
                            /**
                             * @description the public page; share it (it creates a payment per visit)
                             * @example http://127.0.0.1:8097/pay/Xq2Xw0l1yB6bS0M0kq8Qx9xK
                             */
                            url: string;
                            currency: string;
                            payee_address: string;
                            amount: string | null;
                            description: string;
                            success_url: string | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            max_uses: number | null;
                            uses: number;
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        has_more: boolean;
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPaymentLink: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "currency": "USDT",
                 *       "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                 *       "amount": "25",
                 *       "description": "Hat, one size",
                 *       "success_url": "https://shop.example/thanks",
                 *       "max_uses": 100
                 *     }
                 */
                "application/json": {
                    /**
                     * @description asset symbol as GET /api/v1/assets lists it (TRX, USDT, …)
                     * @example USDT
                     */
                    currency: string;
                    /** @description where settlement pays what the link collects (base58) */
                    payee_address: string;
                    /** @description fixed amount in whole units; absent: the customer chooses it within the asset’s limits */
                    amount?: unknown | (never | null);
                    /** @description what the customer pays for (shown on the page) */
                    description: string;
                    /** @description where the checkout returns the customer after payment */
                    success_url?: string | null;
                    /**
                     * Format: date-time
                     * @description the link takes no payment after this
                     */
                    expires_at?: string | null;
                    /** @description payments the link may create */
                    max_uses?: number | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "plink_019cd79e4600b5d7a93c0e1f2a3b4c5d",
                     *       "object": "payment_link",
                     *       "url": "https://pay.shop.example/pay/Xq2Xw0l1yB6bS0M0kq8Qx9xK",
                     *       "currency": "USDT",
                     *       "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                     *       "amount": "25",
                     *       "description": "Hat, one size",
                     *       "success_url": "https://shop.example/thanks",
                     *       "expires_at": null,
                     *       "max_uses": 100,
                     *       "uses": 0,
                     *       "active": true,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T12:00:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example plink_019cd79e4600f661d150c077de0276cb */
                        id: string;
                        /** @enum {string} */
                        object: "payment_link";
                        /**
                         * @description the public page; share it (it creates a payment per visit)
                         * @example http://127.0.0.1:8097/pay/Xq2Xw0l1yB6bS0M0kq8Qx9xK
                         */
                        url: string;
                        currency: string;
                        payee_address: string;
                        amount: string | null;
                        description: string;
                        success_url: string | null;
                        /** Format: date-time */
                        expires_at: string | null;
                        max_uses: number | null;
                        uses: number;
                        active: boolean;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPaymentLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "plink_019cd79e4600b5d7a93c0e1f2a3b4c5d",
                     *       "object": "payment_link",
                     *       "url": "https://pay.shop.example/pay/Xq2Xw0l1yB6bS0M0kq8Qx9xK",
                     *       "currency": "USDT",
                     *       "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                     *       "amount": "25",
                     *       "description": "Hat, one size",
                     *       "success_url": "https://shop.example/thanks",
                     *       "expires_at": null,
                     *       "max_uses": 100,
                     *       "uses": 3,
                     *       "active": true,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T12:05:09.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example plink_019cd79e4600f661d150c077de0276cb */
                        id: string;
                        /** @enum {string} */
                        object: "payment_link";
                        /**
                         * @description the public page; share it (it creates a payment per visit)
                         * @example http://127.0.0.1:8097/pay/Xq2Xw0l1yB6bS0M0kq8Qx9xK
                         */
                        url: string;
                        currency: string;
                        payee_address: string;
                        amount: string | null;
                        description: string;
                        success_url: string | null;
                        /** Format: date-time */
                        expires_at: string | null;
                        max_uses: number | null;
                        uses: number;
                        active: boolean;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deactivatePaymentLink: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "plink_019cd79e4600b5d7a93c0e1f2a3b4c5d",
                     *       "object": "payment_link",
                     *       "url": "https://pay.shop.example/pay/Xq2Xw0l1yB6bS0M0kq8Qx9xK",
                     *       "currency": "USDT",
                     *       "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                     *       "amount": "25",
                     *       "description": "Hat, one size",
                     *       "success_url": "https://shop.example/thanks",
                     *       "expires_at": null,
                     *       "max_uses": 100,
                     *       "uses": 3,
                     *       "active": false,
                     *       "created_at": "2026-03-10T12:00:00.000Z",
                     *       "updated_at": "2026-03-10T14:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example plink_019cd79e4600f661d150c077de0276cb */
                        id: string;
                        /** @enum {string} */
                        object: "payment_link";
                        /**
                         * @description the public page; share it (it creates a payment per visit)
                         * @example http://127.0.0.1:8097/pay/Xq2Xw0l1yB6bS0M0kq8Qx9xK
                         */
                        url: string;
                        currency: string;
                        payee_address: string;
                        amount: string | null;
                        description: string;
                        success_url: string | null;
                        /** Format: date-time */
                        expires_at: string | null;
                        max_uses: number | null;
                        uses: number;
                        active: boolean;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPaymentLinkPayments: {
        parameters: {
            query?: {
                limit?: number;
                /** @description id of the last item of the previous page */
                starting_after?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "payment_id": "pay_019cd79e46004c024d553335a837d4ea",
                     *           "object": "payment",
                     *           "status": "pending",
                     *           "payment_method": "payment_gateway",
                     *           "priority": "normal",
                     *           "currency": "USDT",
                     *           "amount": "100",
                     *           "amount_due": null,
                     *           "fee": "0.15",
                     *           "fee_rate": "0.0015",
                     *           "discount_rate": "0",
                     *           "net_amount": "99.85",
                     *           "network_fee_estimate": null,
                     *           "network_fee": null,
                     *           "payer_address": null,
                     *           "payee_address": "TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM",
                     *           "deposit_address": "TPqcZcKwerwi99Cdzn3N54DCdUZK2X6a93",
                     *           "expires_at": "2026-03-10T13:00:00.000Z",
                     *           "reference_id": null,
                     *           "description": null,
                     *           "metadata": null,
                     *           "batch_id": "batch_019cd79e460095cec50bb2baca2ec5f4",
                     *           "amount_received": "0",
                     *           "exception": null,
                     *           "confirmations": 0,
                     *           "finalized": false,
                     *           "transaction_id": null,
                     *           "flags": [],
                     *           "requires_approval": false,
                     *           "approval_status": null,
                     *           "approved_at": null,
                     *           "approval_note": null,
                     *           "failure_reason": null,
                     *           "cancel_reason": null,
                     *           "estimated_completion_time": "2026-03-10T12:01:00.000Z",
                     *           "created_at": "2026-03-10T12:00:00.000Z",
                     *           "updated_at": "2026-03-10T12:00:00.000Z",
                     *           "processing_at": null,
                     *           "confirmed_at": null,
                     *           "completed_at": null,
                     *           "failed_at": null,
                     *           "cancelled_at": null
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "list";
                        data: {
                            /** @example pay_019cd79e4600f661d150c077de0276cb */
                            payment_id: string;
                            /** @enum {string} */
                            object: "payment";
                            /**
                             * @description lifecycle state
                             * @enum {unknown}
                             */
                            status: "pending" | "processing" | "confirmed" | "completed" | "failed" | "cancelled" | "refunded" | "disputed";
                            /**
                             * @description method
                             * @enum {unknown}
                             */
                            payment_method: "payment_gateway" | "direct_transfer" | "route" | "swap";
                            /**
                             * @description priority
                             * @enum {unknown}
                             */
                            priority: "low" | "normal" | "high" | "urgent";
                            currency: string;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            amount: string;
                            /** @description what the payer must send, when it differs from amount */
                            amount_due: string | (never | null);
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            fee: string;
                            /** @description rate before the volume discount */
                            fee_rate: string;
                            discount_rate: string;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            net_amount: string;
                            /** @description TRX */
                            network_fee_estimate: string | null;
                            /** @description TRX burned, after sending */
                            network_fee: string | null;
                            /** @description what the chain sends serving this cost, from their receipts; null until one is in a block */
                            network_cost?: {
                                /** @description energy units used, however paid (receipt energy_usage_total) */
                                energy_used: number;
                                /** @description energy paid by staked energy, own or delegated (receipt energy_usage) */
                                energy_delegated: number;
                                /** @description TRX burned for energy (receipt energy_fee) */
                                energy_burned_trx: string;
                                /** @description bandwidth bytes (net_usage, or the transaction bytes when paid in TRX) */
                                bandwidth_used: number;
                                /** @description TRX burned for bandwidth (receipt net_fee) */
                                bandwidth_burned_trx: string;
                                /** @description TRX the chain charged for creating a receiver account */
                                activation_trx: string;
                                /** @description all TRX burned (receipt fee) */
                                trx_burned: string;
                            } | null;
                            /** @description how the hot wallet’s token transfer paid for energy (payouts, refunds, settlements); null for others */
                            energy_decision?: {
                                /**
                                 * @description staked: paid by the hot wallet’s staked energy; burn_priority: energy was short and an urgent or high send burns TRX at once; burn_after_wait: short for the whole wait its priority allows, then burned; burn_strategy: the strategy is burn or nothing is staked; waiting: waiting for staked energy to recover
                                 * @enum {unknown}
                                 */
                                decision: "staked" | "burn_priority" | "burn_after_wait" | "burn_strategy" | "waiting";
                                /** @description how long it waited for energy before it was signed */
                                waited_seconds: number | null;
                            } | null;
                            payer_address: string | null;
                            payee_address: string;
                            deposit_address: string | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            reference_id: string | null;
                            description: string | null;
                            metadata: {
                                [key: string]: unknown;
                            } | null;
                            batch_id: string | null;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            amount_received: string;
                            exception: string | null;
                            confirmations: number;
                            finalized: boolean;
                            transaction_id: string | null;
                            flags: {
                                code: string;
                                detail: string;
                            }[];
                            requires_approval: boolean;
                            /** @description held payouts: required, approved or rejected */
                            approval_status: string | null;
                            /** Format: date-time */
                            approved_at: string | null;
                            /** @description the note given when the held payout was approved or rejected */
                            approval_note: string | null;
                            failure_reason: string | null;
                            cancel_reason: string | null;
                            /** Format: date-time */
                            estimated_completion_time: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            processing_at: string | null;
                            /** Format: date-time */
                            confirmed_at: string | null;
                            /** Format: date-time */
                            completed_at: string | null;
                            /** Format: date-time */
                            failed_at: string | null;
                            /** Format: date-time */
                            cancelled_at: string | null;
                        }[];
                        has_more: boolean;
                        next_cursor: string | null;
                        /** @description with include_total=true: payments the filters keep, over every page */
                        total_count?: number;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBranding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "display_name": "Hat Shop",
                     *       "accent_color": "#1a2b3c",
                     *       "support_email": "help@shop.example",
                     *       "logo_url": "/checkout/branding/q2Xw0l1yB6bS0M0k/logo?v=9f2c1d0e8a7b6c5d",
                     *       "updated_at": "2026-03-10T12:05:09.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description shown on checkout pages; null: the merchant’s name */
                        display_name: string | null;
                        /** @description #rrggbb */
                        accent_color: string | null;
                        support_email: string | null;
                        /** @description public, same-origin URL of the logo */
                        logo_url: string | null;
                        /** Format: date-time */
                        updated_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateBranding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "display_name": "Hat Shop",
                 *       "accent_color": "#1a2b3c",
                 *       "support_email": "help@shop.example"
                 *     }
                 */
                "application/json": {
                    display_name?: string | null;
                    /** @description #rrggbb */
                    accent_color?: string | null;
                    support_email?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "display_name": "Hat Shop",
                     *       "accent_color": "#1a2b3c",
                     *       "support_email": "help@shop.example",
                     *       "logo_url": "/checkout/branding/q2Xw0l1yB6bS0M0k/logo?v=9f2c1d0e8a7b6c5d",
                     *       "updated_at": "2026-03-10T12:05:09.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description shown on checkout pages; null: the merchant’s name */
                        display_name: string | null;
                        /** @description #rrggbb */
                        accent_color: string | null;
                        support_email: string | null;
                        /** @description public, same-origin URL of the logo */
                        logo_url: string | null;
                        /** Format: date-time */
                        updated_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setBrandingLogo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "display_name": "Hat Shop",
                     *       "accent_color": "#1a2b3c",
                     *       "support_email": "help@shop.example",
                     *       "logo_url": "/checkout/branding/q2Xw0l1yB6bS0M0k/logo?v=9f2c1d0e8a7b6c5d",
                     *       "updated_at": "2026-03-10T12:05:09.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description shown on checkout pages; null: the merchant’s name */
                        display_name: string | null;
                        /** @description #rrggbb */
                        accent_color: string | null;
                        support_email: string | null;
                        /** @description public, same-origin URL of the logo */
                        logo_url: string | null;
                        /** Format: date-time */
                        updated_at: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMerchantLimits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rate_per_minute": 1000,
                     *       "max_concurrent_payouts": 100,
                     *       "max_batches_in_flight": 10,
                     *       "assets": [
                     *         {
                     *           "currency": "USDT",
                     *           "min_amount": "1",
                     *           "max_single_payment": "1000000000",
                     *           "daily_limit": "100000000000",
                     *           "monthly_limit": "1000000000000",
                     *           "approval_threshold": "1000000",
                     *           "suspicious_amount": "1000000",
                     *           "used_today": "1250.5",
                     *           "used_this_month": "48211.75"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description create requests accepted per minute (a batch counts once) */
                        rate_per_minute: number;
                        max_concurrent_payouts: number;
                        max_batches_in_flight: number;
                        assets: {
                            currency: string;
                            /** @description decimal string in the asset's units: smallest payment */
                            min_amount: string;
                            /** @description decimal string in the asset's units: largest payment */
                            max_single_payment: string;
                            /** @description decimal string in the asset's units: total created per UTC day */
                            daily_limit: string;
                            /** @description decimal string in the asset's units: total created per UTC month */
                            monthly_limit: string;
                            /** @description decimal string in the asset's units: payouts at or above it wait for approval */
                            approval_threshold: string;
                            /** @description decimal string in the asset's units: payments at or above it are flagged */
                            suspicious_amount: string;
                            /** @description decimal string in the asset's units: created so far today (UTC) */
                            used_today: string;
                            /** @description decimal string in the asset's units: created so far this month (UTC) */
                            used_this_month: string;
                        }[];
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCheckoutStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "paymentId": "pay_019cd79e4600f661d150c077de0276cb",
                     *       "paymentStatus": "processing",
                     *       "checkoutStatus": "seen",
                     *       "asset": "USDT",
                     *       "decimals": 6,
                     *       "network": "TRON (TRC-20)",
                     *       "tokenContract": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
                     *       "amount": "250.5",
                     *       "amountReceived": "250.5",
                     *       "amountDue": "0",
                     *       "amountDueBaseUnits": "0",
                     *       "address": "TDVMr9CJ5MAAf3az4QVqG1i2cv3kHAK7ug",
                     *       "confirmations": 4,
                     *       "confirmationsRequired": 19,
                     *       "expiresAt": "2026-03-10T13:00:00.000Z",
                     *       "serverTime": "2026-03-10T12:04:12.000Z",
                     *       "successUrl": "https://shop.example/orders/1042/paid?payment_id=pay_019cd79e4600f661d150c077de0276cb",
                     *       "cancelUrl": "https://shop.example/cart",
                     *       "restartUrl": null,
                     *       "overpaymentHandling": null,
                     *       "txids": [
                     *         "5d8e4d62684bfd846a3aa9a3b6a16ff2e16686a7f78867ec2562311d95f436d8"
                     *       ],
                     *       "description": "Order #1042"
                     *     }
                     */
                    "application/json": {
                        paymentId: string;
                        /** @description the payment’s own status */
                        paymentStatus: string;
                        /** @enum {unknown} */
                        checkoutStatus: "waiting" | "seen" | "confirmed" | "completed" | "underpaid" | "overpaid" | "expired" | "cancelled" | "paid_late" | "failed";
                        asset: string;
                        decimals: number;
                        network: string;
                        tokenContract: string | null;
                        amount: string;
                        amountReceived: string;
                        amountDue: string;
                        amountDueBaseUnits: string;
                        address: string;
                        confirmations: number;
                        confirmationsRequired: number;
                        /** Format: date-time */
                        expiresAt: string | null;
                        /** Format: date-time */
                        serverTime: string;
                        successUrl: string | null;
                        cancelUrl: string | null;
                        restartUrl: string | null;
                        overpaymentHandling: ("refund" | "credit") | (never | null);
                        txids: string[];
                        amountOver?: string;
                        description?: string | null;
                    };
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditRecords: {
        parameters: {
            query?: {
                limit?: number;
                /** @description seq of the last record of the previous page */
                starting_after?: number;
                /** @description desc: newest first (default); asc: by seq */
                order?: "desc" | "asc";
                action?: string;
                entity_id?: string;
                actor?: string;
                /** @description inclusive, ISO 8601 */
                from?: string;
                /** @description exclusive, ISO 8601 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "seq": 17,
                     *           "at": "2026-03-10T14:30:00.000Z",
                     *           "actor": "key_019cd79e4600c8c9237dc68c572da120",
                     *           "action": "api_key.revoked",
                     *           "entity_type": "api_key",
                     *           "entity_id": "key_019cd79e46003a1f7c2b9d84e5f60718",
                     *           "request_id": "req_837c74441a8db9d7",
                     *           "before": {
                     *             "id": "key_019cd79e46003a1f7c2b9d84e5f60718",
                     *             "name": "old backend",
                     *             "prefix": "tpg_Wh3D",
                     *             "status": "active"
                     *           },
                     *           "after": {
                     *             "id": "key_019cd79e46003a1f7c2b9d84e5f60718",
                     *             "name": "old backend",
                     *             "prefix": "tpg_Wh3D",
                     *             "status": "revoked"
                     *           },
                     *           "hash": "4ff415fe09bf8f750de124ec40420fb1b6864ecb9f366ba4b8864e81b739b529",
                     *           "prev_hash": "77ff2dcac971557f813a3bb1519f1d2ccda91c226bfd87d81a1d457283e1c7de"
                     *         }
                     *       ],
                     *       "has_more": true,
                     *       "next_cursor": 17
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "list";
                        data: {
                            /** @description position in the chain: 1, 2, 3… across all merchants */
                            seq: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC
                             */
                            at: string;
                            /** @description key_… (API key id), cli:<command> or system:<worker> */
                            actor: string;
                            /** @example payment.created */
                            action: string;
                            entity_type: string;
                            entity_id: string | null;
                            request_id: string | null;
                            /** @description the object before the change (null for creations) */
                            before: unknown;
                            /** @description the object after the change */
                            after: unknown;
                            /** @description sha-256 hex over this record and prev_hash */
                            hash: string;
                            prev_hash: string;
                        }[];
                        has_more: boolean;
                        /** @description pass as starting_after for the next page */
                        next_cursor: number | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyAuditChain: {
        parameters: {
            query?: {
                /** @description the previous step’s next.after_seq; absent: from the first record */
                after_seq?: number;
                /** @description the previous step’s next.prev_hash (the running hash); with after_seq */
                prev_hash?: string;
                /** @description records checked in this step (default 1000) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true,
                     *       "done": false,
                     *       "checked": 1000,
                     *       "total": 2417,
                     *       "next": {
                     *         "after_seq": 1000,
                     *         "prev_hash": "4ff415fe09bf8f750de124ec40420fb1b6864ecb9f366ba4b8864e81b739b529"
                     *       },
                     *       "problem": null
                     *     }
                     */
                    "application/json": {
                        /** @description false: the chain is broken at `problem` */
                        ok: boolean;
                        /** @description the whole chain up to the head is checked (or a problem was found) */
                        done: boolean;
                        /** @description records 1..checked are verified */
                        checked: number;
                        /** @description records in the chain (the head’s seq) as this step read it; it grows as records are added */
                        total: number;
                        /** @description pass both as the query of the next step; null when done */
                        next: {
                            after_seq: number;
                            prev_hash: string;
                        } | null;
                        /** @description where the chain is broken: the record (seq) or the range of missing records */
                        problem: {
                            kind: "changed" | "broken_link" | "missing" | "truncated" | "head_mismatch";
                            seq: number | null;
                            from: number | null;
                            to: number | null;
                            message: string;
                        } | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSettlements: {
        parameters: {
            query?: {
                limit?: number;
                /** @description settlement_id of the last item of the previous page */
                starting_after?: string;
                /** @description filter by status */
                status?: "initiated" | "completed" | "failed";
                /** @description filter by asset symbol */
                currency?: string;
                /** @description also records older than retention_period_days */
                include_archived?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "settlement_id": "stl_019cd79e46004b8deb670c6de115e884",
                     *           "object": "settlement",
                     *           "status": "completed",
                     *           "currency": "USDT",
                     *           "amount": "249.999",
                     *           "payee_address": "TYYYKCiMvunBdHT3BTdWJmFhSTcHvdgChF",
                     *           "transaction_id": "6cd3ad32f6ce45d5d0ab92251957c644ed73042e294f53418373414552730ac1",
                     *           "network_fee": "13.3735",
                     *           "created_at": "2026-03-10T23:00:00.000Z",
                     *           "completed_at": "2026-03-10T23:01:30.000Z",
                     *           "trigger": "schedule",
                     *           "failure_reason": null,
                     *           "sweep_cost": "20.1295",
                     *           "total_network_cost": "33.503",
                     *           "network_cost": {
                     *             "energy_used": 194570,
                     *             "energy_delegated": 0,
                     *             "energy_burned_trx": "19.457",
                     *             "bandwidth_used": 960,
                     *             "bandwidth_burned_trx": "0.79",
                     *             "activation_trx": "1",
                     *             "trx_burned": "21.247"
                     *           },
                     *           "archived": false,
                     *           "sweeps_summary": {
                     *             "count": 1,
                     *             "completed": 1,
                     *             "failed": 0,
                     *             "in_progress": 0,
                     *             "amount_swept": "250.5",
                     *             "fuel_sent": "14",
                     *             "network_fee": "20.1295"
                     *           }
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "list";
                        data: {
                            settlement_id: string;
                            /** @enum {string} */
                            object: "settlement";
                            /** @description initiated | completed | failed */
                            status: string;
                            currency: string;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            amount: string;
                            payee_address: string;
                            transaction_id: string | null;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            network_fee: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            completed_at: string | null;
                            /** @description schedule | threshold | manual */
                            trigger: string | null;
                            failure_reason: string | null;
                            /** @description TRX burned by the sweeps and their fuel transfers */
                            sweep_cost: string;
                            /** @description sweep_cost plus the payee transfer network_fee (TRX) */
                            total_network_cost: string;
                            /** @description what the chain sends serving this cost, from their receipts; null until one is in a block */
                            network_cost: {
                                /** @description energy units used, however paid (receipt energy_usage_total) */
                                energy_used: number;
                                /** @description energy paid by staked energy, own or delegated (receipt energy_usage) */
                                energy_delegated: number;
                                /** @description TRX burned for energy (receipt energy_fee) */
                                energy_burned_trx: string;
                                /** @description bandwidth bytes (net_usage, or the transaction bytes when paid in TRX) */
                                bandwidth_used: number;
                                /** @description TRX burned for bandwidth (receipt net_fee) */
                                bandwidth_burned_trx: string;
                                /** @description TRX the chain charged for creating a receiver account */
                                activation_trx: string;
                                /** @description all TRX burned (receipt fee) */
                                trx_burned: string;
                            } | null;
                            archived: boolean;
                            sweeps_summary: {
                                count: number;
                                completed: number;
                                failed: number;
                                in_progress: number;
                                /**
                                 * @description whole units, decimal string
                                 * @example 998.5
                                 */
                                amount_swept: string;
                                /**
                                 * @description whole units, decimal string
                                 * @example 998.5
                                 */
                                fuel_sent: string;
                                /**
                                 * @description whole units, decimal string
                                 * @example 998.5
                                 */
                                network_fee: string;
                            };
                        }[];
                        has_more: boolean;
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSettlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                settlement_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "settlement_id": "stl_019cd79e46004b8deb670c6de115e884",
                     *       "object": "settlement",
                     *       "status": "completed",
                     *       "currency": "USDT",
                     *       "amount": "249.999",
                     *       "payee_address": "TYYYKCiMvunBdHT3BTdWJmFhSTcHvdgChF",
                     *       "transaction_id": "6cd3ad32f6ce45d5d0ab92251957c644ed73042e294f53418373414552730ac1",
                     *       "network_fee": "13.3735",
                     *       "created_at": "2026-03-10T23:00:00.000Z",
                     *       "completed_at": "2026-03-10T23:01:30.000Z",
                     *       "trigger": "schedule",
                     *       "failure_reason": null,
                     *       "sweep_cost": "20.1295",
                     *       "total_network_cost": "33.503",
                     *       "network_cost": {
                     *         "energy_used": 194570,
                     *         "energy_delegated": 0,
                     *         "energy_burned_trx": "19.457",
                     *         "bandwidth_used": 960,
                     *         "bandwidth_burned_trx": "0.79",
                     *         "activation_trx": "1",
                     *         "trx_burned": "21.247"
                     *       },
                     *       "archived": false,
                     *       "sweeps_summary": {
                     *         "count": 1,
                     *         "completed": 1,
                     *         "failed": 0,
                     *         "in_progress": 0,
                     *         "amount_swept": "250.5",
                     *         "fuel_sent": "14",
                     *         "network_fee": "20.1295"
                     *       },
                     *       "sweeps": [
                     *         {
                     *           "sweep_id": "swp_019cd79e460099d5daf0aaaa415db669",
                     *           "status": "completed",
                     *           "deposit_address": "TDVMr9CJ5MAAf3az4QVqG1i2cv3kHAK7ug",
                     *           "asset": "USDT",
                     *           "amount": "250.5",
                     *           "fuel_amount": "14",
                     *           "network_fee": "20.1295",
                     *           "network_cost": {
                     *             "energy_used": 130285,
                     *             "energy_delegated": 0,
                     *             "energy_burned_trx": "13.0285",
                     *             "bandwidth_used": 615,
                     *             "bandwidth_burned_trx": "0.445",
                     *             "activation_trx": "1",
                     *             "trx_burned": "14.4735"
                     *           },
                     *           "failure_reason": null,
                     *           "created_at": "2026-03-10T23:00:00.000Z",
                     *           "completed_at": "2026-03-10T23:00:42.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        settlement_id: string;
                        /** @enum {string} */
                        object: "settlement";
                        /** @description initiated | completed | failed */
                        status: string;
                        currency: string;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        amount: string;
                        payee_address: string;
                        transaction_id: string | null;
                        /**
                         * @description whole units, decimal string
                         * @example 998.5
                         */
                        network_fee: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** @description schedule | threshold | manual */
                        trigger: string | null;
                        failure_reason: string | null;
                        /** @description TRX burned by the sweeps and their fuel transfers */
                        sweep_cost: string;
                        /** @description sweep_cost plus the payee transfer network_fee (TRX) */
                        total_network_cost: string;
                        /** @description what the chain sends serving this cost, from their receipts; null until one is in a block */
                        network_cost: {
                            /** @description energy units used, however paid (receipt energy_usage_total) */
                            energy_used: number;
                            /** @description energy paid by staked energy, own or delegated (receipt energy_usage) */
                            energy_delegated: number;
                            /** @description TRX burned for energy (receipt energy_fee) */
                            energy_burned_trx: string;
                            /** @description bandwidth bytes (net_usage, or the transaction bytes when paid in TRX) */
                            bandwidth_used: number;
                            /** @description TRX burned for bandwidth (receipt net_fee) */
                            bandwidth_burned_trx: string;
                            /** @description TRX the chain charged for creating a receiver account */
                            activation_trx: string;
                            /** @description all TRX burned (receipt fee) */
                            trx_burned: string;
                        } | null;
                        archived: boolean;
                        sweeps_summary: {
                            count: number;
                            completed: number;
                            failed: number;
                            in_progress: number;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            amount_swept: string;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            fuel_sent: string;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            network_fee: string;
                        };
                        sweeps: {
                            sweep_id: string;
                            /** @description pending | fueling | sweeping | completed | failed */
                            status: string;
                            deposit_address: string;
                            asset: string;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            amount: string;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            fuel_amount: string | null;
                            /**
                             * @description whole units, decimal string
                             * @example 998.5
                             */
                            network_fee: string | null;
                            /** @description what the chain sends serving this cost, from their receipts; null until one is in a block */
                            network_cost: {
                                /** @description energy units used, however paid (receipt energy_usage_total) */
                                energy_used: number;
                                /** @description energy paid by staked energy, own or delegated (receipt energy_usage) */
                                energy_delegated: number;
                                /** @description TRX burned for energy (receipt energy_fee) */
                                energy_burned_trx: string;
                                /** @description bandwidth bytes (net_usage, or the transaction bytes when paid in TRX) */
                                bandwidth_used: number;
                                /** @description TRX burned for bandwidth (receipt net_fee) */
                                bandwidth_burned_trx: string;
                                /** @description TRX the chain charged for creating a receiver account */
                                activation_trx: string;
                                /** @description all TRX burned (receipt fee) */
                                trx_burned: string;
                            } | null;
                            failure_reason: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            completed_at: string | null;
                        }[];
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (`rate_limited`); Too many batches in flight (`too_many_batches`) */
            429: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/rate_limited",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute",
                     *       "code": "rate_limited",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolvePayment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path: {
                payment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "resolution": "refund",
                 *       "notes": "the payer proved the transfer was theirs"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description `accept`: the credit counts, the payment completes; `refund`: what is still refundable goes back to the payer (payer_address, else the sender seen on chain), the payment becomes `refunded` when the refund completes; `reject`: the payment fails (`dispute_rejected`), its credit is excluded for good and the funds are left for manual handling
                     * @example accept
                     */
                    resolution: string;
                    /** @description why, for the audit log */
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "dispute_resolution",
                     *       "payment_id": "pay_019cd79e4600f661d150c077de0276cb",
                     *       "resolution": "refund",
                     *       "notes": "the payer proved the transfer was theirs",
                     *       "payment_status": "disputed",
                     *       "refund_id": "refund_019cd79e4600a57032d2461f5f9994a6",
                     *       "refund_amount": "100",
                     *       "resolved_at": "2026-03-10T10:05:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "dispute_resolution";
                        payment_id: string;
                        /** @enum {unknown} */
                        resolution: "accept" | "refund" | "reject";
                        notes: string | null;
                        /** @description completed (accept), failed (reject), or disputed until the refund completes */
                        payment_status: string;
                        refund_id: string | null;
                        refund_amount: string | null;
                        /** Format: date-time */
                        resolved_at: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createRefund: {
        parameters: {
            query?: {
                /** @description the collection to refund */
                payment_id?: string;
                /** @description one of refunds.allowed_reasons: user_request, payment_failure, duplicate_payment, merchant_initiated, system_error */
                reason?: string;
                amount?: string;
                /** @description default: the payer_address, else the sender seen on chain */
                refund_address?: string;
            };
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "payment_id": "pay_019cd79e4600f661d150c077de0276cb",
                 *       "amount": "25",
                 *       "reason": "user_request"
                 *     }
                 */
                "application/json": {
                    /** @description the collection to refund */
                    payment_id?: string;
                    /** @description one of refunds.allowed_reasons: user_request, payment_failure, duplicate_payment, merchant_initiated, system_error */
                    reason?: string;
                    /**
                     * @description decimal string in whole units; default: everything still refundable
                     * @example 12.5
                     */
                    amount?: unknown;
                    /** @description default: the payer_address, else the sender seen on chain */
                    refund_address?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "refund_id": "refund_019cd79e4600a57032d2461f5f9994a6",
                     *       "object": "refund",
                     *       "payment_id": "pay_019cd79e4600f661d150c077de0276cb",
                     *       "status": "pending",
                     *       "currency": "USDT",
                     *       "amount": "25",
                     *       "reason": "user_request",
                     *       "refund_address": "TGwSPDGFUytdEtwa4oaS27VNhv2rKHAZej",
                     *       "transaction_id": null,
                     *       "network_fee": null,
                     *       "network_cost": null,
                     *       "created_at": "2026-03-10T14:30:00.000Z",
                     *       "completed_at": null,
                     *       "origin": "api",
                     *       "failure_reason": null,
                     *       "flagged": false
                     *     }
                     */
                    "application/json": {
                        /** @example refund_019cd79e4600a57032d2461f5f9994a6 */
                        refund_id: string;
                        /** @enum {string} */
                        object: "refund";
                        payment_id: string;
                        /** @enum {unknown} */
                        status: "pending" | "processing" | "completed" | "failed";
                        currency: string;
                        amount: string;
                        reason: string | null;
                        refund_address: string;
                        transaction_id: string | null;
                        /** @description TRX burned */
                        network_fee: string | null;
                        /** @description what the chain sends serving this cost, from their receipts; null until one is in a block */
                        network_cost: {
                            /** @description energy units used, however paid (receipt energy_usage_total) */
                            energy_used: number;
                            /** @description energy paid by staked energy, own or delegated (receipt energy_usage) */
                            energy_delegated: number;
                            /** @description TRX burned for energy (receipt energy_fee) */
                            energy_burned_trx: string;
                            /** @description bandwidth bytes (net_usage, or the transaction bytes when paid in TRX) */
                            bandwidth_used: number;
                            /** @description TRX burned for bandwidth (receipt net_fee) */
                            bandwidth_burned_trx: string;
                            /** @description TRX the chain charged for creating a receiver account */
                            activation_trx: string;
                            /** @description all TRX burned (receipt fee) */
                            trx_burned: string;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        completed_at: string | null;
                        /**
                         * @description api, or auto (overpayment refunded by refunds.auto_refund)
                         * @enum {unknown}
                         */
                        origin: "api" | "auto";
                        failure_reason: string | null;
                        /** @description not completed within refunds.refund_timeout_hours */
                        flagged: boolean;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                refund_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "refund_id": "refund_019cd79e4600a57032d2461f5f9994a6",
                     *       "object": "refund",
                     *       "payment_id": "pay_019cd79e4600f661d150c077de0276cb",
                     *       "status": "completed",
                     *       "currency": "USDT",
                     *       "amount": "25",
                     *       "reason": "user_request",
                     *       "refund_address": "TGwSPDGFUytdEtwa4oaS27VNhv2rKHAZej",
                     *       "transaction_id": "3cdb2f27b756cbb397fb2914d42d5bc9d436852eaa059bc51025d827864befab",
                     *       "network_fee": "13.3735",
                     *       "network_cost": {
                     *         "energy_used": 130285,
                     *         "energy_delegated": 0,
                     *         "energy_burned_trx": "13.0285",
                     *         "bandwidth_used": 345,
                     *         "bandwidth_burned_trx": "0.345",
                     *         "activation_trx": "0",
                     *         "trx_burned": "13.3735"
                     *       },
                     *       "created_at": "2026-03-10T14:30:00.000Z",
                     *       "completed_at": "2026-03-10T14:31:06.000Z",
                     *       "origin": "api",
                     *       "failure_reason": null,
                     *       "flagged": false
                     *     }
                     */
                    "application/json": {
                        /** @example refund_019cd79e4600a57032d2461f5f9994a6 */
                        refund_id: string;
                        /** @enum {string} */
                        object: "refund";
                        payment_id: string;
                        /** @enum {unknown} */
                        status: "pending" | "processing" | "completed" | "failed";
                        currency: string;
                        amount: string;
                        reason: string | null;
                        refund_address: string;
                        transaction_id: string | null;
                        /** @description TRX burned */
                        network_fee: string | null;
                        /** @description what the chain sends serving this cost, from their receipts; null until one is in a block */
                        network_cost: {
                            /** @description energy units used, however paid (receipt energy_usage_total) */
                            energy_used: number;
                            /** @description energy paid by staked energy, own or delegated (receipt energy_usage) */
                            energy_delegated: number;
                            /** @description TRX burned for energy (receipt energy_fee) */
                            energy_burned_trx: string;
                            /** @description bandwidth bytes (net_usage, or the transaction bytes when paid in TRX) */
                            bandwidth_used: number;
                            /** @description TRX burned for bandwidth (receipt net_fee) */
                            bandwidth_burned_trx: string;
                            /** @description TRX the chain charged for creating a receiver account */
                            activation_trx: string;
                            /** @description all TRX burned (receipt fee) */
                            trx_burned: string;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        completed_at: string | null;
                        /**
                         * @description api, or auto (overpayment refunded by refunds.auto_refund)
                         * @enum {unknown}
                         */
                        origin: "api" | "auto";
                        failure_reason: string | null;
                        /** @description not completed within refunds.refund_timeout_hours */
                        flagged: boolean;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reconcilePayment: {
        parameters: {
            query?: {
                payment_id?: string;
                external_transaction_id?: string;
                notes?: string;
            };
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "payment_id": "pay_019cd79e4600f661d150c077de0276cb",
                 *       "notes": "customer says paid"
                 *     }
                 */
                "application/json": {
                    payment_id?: string;
                    /** @description a transaction to check against the payment (64 hex) */
                    external_transaction_id?: string | null;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "reconciliation_id": "recon_019cd79e4600ace14df115844f1f9258",
                     *       "object": "reconciliation",
                     *       "payment_id": "pay_019cd79e4600f661d150c077de0276cb",
                     *       "kind": "payment",
                     *       "trigger": "api",
                     *       "status": "completed",
                     *       "outcome": "verified",
                     *       "external_transaction_id": null,
                     *       "notes": "customer says paid",
                     *       "checks": {
                     *         "transaction_ids": [
                     *           "5d8e4d62684bfd846a3aa9a3b6a16ff2e16686a7f78867ec2562311d95f436d8"
                     *         ],
                     *         "expected": {
                     *           "asset": "USDT",
                     *           "to": "TDVMr9CJ5MAAf3az4QVqG1i2cv3kHAK7ug",
                     *           "from": null,
                     *           "amount": "250.5"
                     *         },
                     *         "required_confirmations": 19,
                     *         "head_block": 61203457,
                     *         "solid_block": 61203439,
                     *         "transactions": [
                     *           {
                     *             "transaction_id": "5d8e4d62684bfd846a3aa9a3b6a16ff2e16686a7f78867ec2562311d95f436d8",
                     *             "found": true,
                     *             "success": true,
                     *             "result": "SUCCESS",
                     *             "block_number": 61203380,
                     *             "confirmations": 78,
                     *             "solidified": true,
                     *             "transfers": [
                     *               {
                     *                 "log_index": 0,
                     *                 "asset": "USDT",
                     *                 "from": "TGwSPDGFUytdEtwa4oaS27VNhv2rKHAZej",
                     *                 "to": "TDVMr9CJ5MAAf3az4QVqG1i2cv3kHAK7ug",
                     *                 "amount": "250.5"
                     *               }
                     *             ]
                     *           }
                     *         ],
                     *         "solidified": true
                     *       },
                     *       "discrepancies": [],
                     *       "created_at": "2026-03-10T14:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @example recon_019cd79e4600ace14df115844f1f9258 */
                        reconciliation_id: string;
                        /** @enum {string} */
                        object: "reconciliation";
                        payment_id: string | null;
                        /** @description payment | balances */
                        kind: string;
                        /** @description api | background */
                        trigger: string;
                        /**
                         * @description Where the reconciliation stands (the seed's ReconciliationStatus): `completed` when the chain was read to the end — the outcome says what it showed; `pending` while the transaction is not confirmed enough; `disputed` when the chain disagrees with the records; `failed` when it could not be checked. Results are stored when a run ends, so `processing` is not seen.
                         * @enum {unknown}
                         */
                        status: "pending" | "processing" | "completed" | "failed" | "disputed";
                        /**
                         * @description What the run found. A payment: `verified` (the chain agrees), `credited` (it agrees, and a transfer the scanner missed was credited), `pending` (not confirmed enough yet), `disputed` (a mismatch; see discrepancies), `error` (no transaction to check, or the node could not be read). A balance comparison: `balanced` or `differences`.
                         * @enum {unknown}
                         */
                        outcome: "verified" | "credited" | "pending" | "disputed" | "error" | "balanced" | "differences";
                        external_transaction_id: string | null;
                        notes: string | null;
                        /** @description what was checked and found on chain */
                        checks: {
                            [key: string]: unknown;
                        };
                        discrepancies: {
                            code: string;
                            message: string;
                            transaction_id?: string;
                            address?: string;
                            asset?: string;
                            expected?: string;
                            actual?: string;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReconciliations: {
        parameters: {
            query?: {
                limit?: number;
                /** @description reconciliation_id of the last item of the previous page */
                starting_after?: string;
                payment_id?: string;
                status?: "pending" | "processing" | "completed" | "failed" | "disputed";
                outcome?: "verified" | "credited" | "pending" | "disputed" | "error" | "balanced" | "differences";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "reconciliation_id": "recon_019cd79e4600ace14df115844f1f9258",
                     *           "object": "reconciliation",
                     *           "payment_id": "pay_019cd79e4600f661d150c077de0276cb",
                     *           "kind": "payment",
                     *           "trigger": "api",
                     *           "status": "completed",
                     *           "outcome": "verified",
                     *           "external_transaction_id": null,
                     *           "notes": "customer says paid",
                     *           "checks": {
                     *             "transaction_ids": [
                     *               "5d8e4d62684bfd846a3aa9a3b6a16ff2e16686a7f78867ec2562311d95f436d8"
                     *             ],
                     *             "expected": {
                     *               "asset": "USDT",
                     *               "to": "TDVMr9CJ5MAAf3az4QVqG1i2cv3kHAK7ug",
                     *               "from": null,
                     *               "amount": "250.5"
                     *             },
                     *             "required_confirmations": 19,
                     *             "head_block": 61203457,
                     *             "solid_block": 61203439,
                     *             "transactions": [
                     *               {
                     *                 "transaction_id": "5d8e4d62684bfd846a3aa9a3b6a16ff2e16686a7f78867ec2562311d95f436d8",
                     *                 "found": true,
                     *                 "success": true,
                     *                 "result": "SUCCESS",
                     *                 "block_number": 61203380,
                     *                 "confirmations": 78,
                     *                 "solidified": true,
                     *                 "transfers": [
                     *                   {
                     *                     "log_index": 0,
                     *                     "asset": "USDT",
                     *                     "from": "TGwSPDGFUytdEtwa4oaS27VNhv2rKHAZej",
                     *                     "to": "TDVMr9CJ5MAAf3az4QVqG1i2cv3kHAK7ug",
                     *                     "amount": "250.5"
                     *                   }
                     *                 ]
                     *               }
                     *             ],
                     *             "solidified": true
                     *           },
                     *           "discrepancies": [],
                     *           "created_at": "2026-03-10T14:30:00.000Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "list";
                        data: {
                            /** @example recon_019cd79e4600ace14df115844f1f9258 */
                            reconciliation_id: string;
                            /** @enum {string} */
                            object: "reconciliation";
                            payment_id: string | null;
                            /** @description payment | balances */
                            kind: string;
                            /** @description api | background */
                            trigger: string;
                            /**
                             * @description Where the reconciliation stands (the seed's ReconciliationStatus): `completed` when the chain was read to the end — the outcome says what it showed; `pending` while the transaction is not confirmed enough; `disputed` when the chain disagrees with the records; `failed` when it could not be checked. Results are stored when a run ends, so `processing` is not seen.
                             * @enum {unknown}
                             */
                            status: "pending" | "processing" | "completed" | "failed" | "disputed";
                            /**
                             * @description What the run found. A payment: `verified` (the chain agrees), `credited` (it agrees, and a transfer the scanner missed was credited), `pending` (not confirmed enough yet), `disputed` (a mismatch; see discrepancies), `error` (no transaction to check, or the node could not be read). A balance comparison: `balanced` or `differences`.
                             * @enum {unknown}
                             */
                            outcome: "verified" | "credited" | "pending" | "disputed" | "error" | "balanced" | "differences";
                            external_transaction_id: string | null;
                            notes: string | null;
                            /** @description what was checked and found on chain */
                            checks: {
                                [key: string]: unknown;
                            };
                            discrepancies: {
                                code: string;
                                message: string;
                                transaction_id?: string;
                                address?: string;
                                asset?: string;
                                expected?: string;
                                actual?: string;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        has_more: boolean;
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    stakeTrx: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "trx": "1000",
                 *       "resource": "ENERGY"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description whole TRX as a decimal string, at least 1
                     * @example 1000
                     */
                    trx: unknown;
                    /**
                     * @description ENERGY (default) or BANDWIDTH
                     * @example ENERGY
                     */
                    resource?: unknown;
                };
            };
        };
        responses: {
            /** @description OK */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "staking_operation",
                     *       "operation_id": "stk_019cd79e4600a57032d2461f5f9994a6",
                     *       "action": "stake",
                     *       "hot_wallet": "TJJFHvvAtDMnYLT4jkUhft9qARB3acs6x6",
                     *       "resource": "ENERGY",
                     *       "trx": "1000",
                     *       "status": "queued",
                     *       "send_id": "snd_019cd79e4600a57032d2461f5f9994a6",
                     *       "created_at": "2026-03-10T14:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "staking_operation";
                        /** @example stk_019cd79e4600a57032d2461f5f9994a6 */
                        operation_id: string;
                        /** @enum {unknown} */
                        action: "stake" | "unstake" | "withdraw_unstaked";
                        hot_wallet: string;
                        resource: ("ENERGY" | "BANDWIDTH") | (never | null);
                        /** @description TRX staked or unstaked; for a withdrawal, what was withdrawable when asked */
                        trx: string;
                        /** @description the chain send: queued, signed, broadcast, confirmed, completed, failed */
                        status: string;
                        send_id: string;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/chain_unavailable",
                     *       "title": "TRON node unavailable",
                     *       "status": 503,
                     *       "detail": "the TRON node did not answer; balances are unavailable right now",
                     *       "code": "chain_unavailable",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unstakeTrx: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "trx": "250",
                 *       "resource": "BANDWIDTH"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description whole TRX as a decimal string, at least 1
                     * @example 1000
                     */
                    trx: unknown;
                    /**
                     * @description ENERGY (default) or BANDWIDTH
                     * @example ENERGY
                     */
                    resource?: unknown;
                };
            };
        };
        responses: {
            /** @description OK */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "staking_operation",
                     *       "operation_id": "stk_019cd79e4600a57032d2461f5f9994a7",
                     *       "action": "unstake",
                     *       "hot_wallet": "TJJFHvvAtDMnYLT4jkUhft9qARB3acs6x6",
                     *       "resource": "BANDWIDTH",
                     *       "trx": "250",
                     *       "status": "queued",
                     *       "send_id": "snd_019cd79e4600a57032d2461f5f9994a6",
                     *       "created_at": "2026-03-10T14:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "staking_operation";
                        /** @example stk_019cd79e4600a57032d2461f5f9994a6 */
                        operation_id: string;
                        /** @enum {unknown} */
                        action: "stake" | "unstake" | "withdraw_unstaked";
                        hot_wallet: string;
                        resource: ("ENERGY" | "BANDWIDTH") | (never | null);
                        /** @description TRX staked or unstaked; for a withdrawal, what was withdrawable when asked */
                        trx: string;
                        /** @description the chain send: queued, signed, broadcast, confirmed, completed, failed */
                        status: string;
                        send_id: string;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Malformed request (`malformed_request`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/malformed_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "body is not valid JSON",
                     *       "code": "malformed_request",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/payload_too_large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "request body is larger than 1048576 bytes",
                     *       "code": "payload_too_large",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type (`unsupported_media_type`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unsupported_media_type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "Content-Type \"text/plain\" is not supported; send application/json",
                     *       "code": "unsupported_media_type",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/chain_unavailable",
                     *       "title": "TRON node unavailable",
                     *       "status": 503,
                     *       "detail": "the TRON node did not answer; balances are unavailable right now",
                     *       "code": "chain_unavailable",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawUnstakedTrx: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Retry safely: the same key and request replay the first answer byte for byte (Idempotent-Replayed: true); the same key with another request is a 422, one still in progress a 409.
                 * @example order-1042-create
                 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "staking_operation",
                     *       "operation_id": "stk_019cd79e4600a57032d2461f5f9994a8",
                     *       "action": "withdraw_unstaked",
                     *       "hot_wallet": "TJJFHvvAtDMnYLT4jkUhft9qARB3acs6x6",
                     *       "resource": null,
                     *       "trx": "250",
                     *       "status": "queued",
                     *       "send_id": "snd_019cd79e4600a57032d2461f5f9994a6",
                     *       "created_at": "2026-03-10T14:30:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        object: "staking_operation";
                        /** @example stk_019cd79e4600a57032d2461f5f9994a6 */
                        operation_id: string;
                        /** @enum {unknown} */
                        action: "stake" | "unstake" | "withdraw_unstaked";
                        hot_wallet: string;
                        resource: ("ENERGY" | "BANDWIDTH") | (never | null);
                        /** @description TRX staked or unstaked; for a withdrawal, what was withdrawable when asked */
                        trx: string;
                        /** @description the chain send: queued, signed, broadcast, confirmed, completed, failed */
                        status: string;
                        send_id: string;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Unauthorized (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "the API key is unknown or revoked",
                     *       "code": "unauthorized",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden (`forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "the API key lacks the scope \"payments:write\"",
                     *       "code": "forbidden",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/not_found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb not found",
                     *       "code": "not_found",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid state transition (`invalid_transition`); Conflict (`conflict`); Request with this Idempotency-Key is in progress (`idempotency_in_flight`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/invalid_transition",
                     *       "title": "Invalid state transition",
                     *       "status": 409,
                     *       "detail": "payment pay_019cd79e4600f661d150c077de0276cb is completed and cannot become cancelled",
                     *       "code": "invalid_transition",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`validation_failed`); Idempotency-Key reused with a different request (`idempotency_key_reused`); Limit exceeded (`limit_exceeded`); Refused by compliance rules (`compliance_refused`); Payment method unavailable (`method_unavailable`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/validation_failed",
                     *       "title": "Validation failed",
                     *       "status": 422,
                     *       "detail": "amount must be written without an exponent; payee_address is not a valid TRON address",
                     *       "code": "validation_failed",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": [
                     *         {
                     *           "path": "amount",
                     *           "message": "must be written without an exponent"
                     *         },
                     *         {
                     *           "path": "payee_address",
                     *           "message": "is not a valid TRON address"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/chain_unavailable",
                     *       "title": "TRON node unavailable",
                     *       "status": 503,
                     *       "detail": "the TRON node did not answer; balances are unavailable right now",
                     *       "code": "chain_unavailable",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Server-side failure: Internal error (`internal`); TRON node unavailable (`chain_unavailable`); Service not ready (`not_ready`) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://tron-payment-gateway.dev/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "internal error",
                     *       "code": "internal",
                     *       "request_id": "req_7f3a9c0e5b1d2468",
                     *       "errors": []
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
