-- Plans, customers, subscriptions, invoices and their history. Money is integer minor units
-- (INTEGER) with an ISO 4217 currency; times are RFC 3339 UTC text (ADR 0001); flags integers.
CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    description TEXT NOT NULL,
    price INTEGER NOT NULL CHECK (price >= 0),
    currency TEXT NOT NULL,
    billing_interval TEXT NOT NULL CHECK (billing_interval IN ('month', 'year')),
    trial_days INTEGER NOT NULL CHECK (trial_days >= 0),
    max_streams INTEGER NOT NULL CHECK (max_streams >= 1),
    max_quality TEXT NOT NULL CHECK (max_quality IN ('480p', '720p', '1080p')),
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX plans_name_key ON plans (name_key);

-- One row per identity user: from identity.user.registered, or from the token of a user who
-- subscribes before that event arrived (registered_at stays NULL until it does).
CREATE TABLE customers (
    user_id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    search_key TEXT NOT NULL,
    display_name TEXT NOT NULL,
    registered_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX customers_created_at ON customers (created_at);

CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plans (id),
    plan_name TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('trialing', 'active', 'past_due', 'canceled', 'expired')),
    price INTEGER NOT NULL,
    currency TEXT NOT NULL,
    billing_interval TEXT NOT NULL,
    max_streams INTEGER NOT NULL,
    max_quality TEXT NOT NULL,
    payment_method TEXT NOT NULL,
    card_brand TEXT NOT NULL,
    card_last4 TEXT NOT NULL,
    trial_end TEXT,
    -- Periods end at whole intervals from this instant (a 31st anchor ends February's on the 28th
    -- or 29th and March's on the 31st).
    billing_anchor TEXT NOT NULL,
    current_period_start TEXT NOT NULL,
    current_period_end TEXT NOT NULL,
    cancel_at_period_end INTEGER NOT NULL CHECK (cancel_at_period_end IN (0, 1)),
    pending_plan_id TEXT REFERENCES plans (id),
    past_due_since TEXT,
    next_payment_attempt TEXT,
    canceled_at TEXT,
    ended_at TEXT,
    end_reason TEXT,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- At most one subscription per user that is not over.
CREATE UNIQUE INDEX subscriptions_one_live ON subscriptions (user_id)
    WHERE status IN ('trialing', 'active', 'past_due');
CREATE INDEX subscriptions_user ON subscriptions (user_id, created_at);
CREATE INDEX subscriptions_period_end ON subscriptions (current_period_end)
    WHERE status IN ('trialing', 'active');
CREATE INDEX subscriptions_payment_attempt ON subscriptions (next_payment_attempt)
    WHERE status = 'past_due';

-- charge_key is set while a charge is being made (the provider's idempotency key), so a crash
-- between charging and recording the outcome repeats the same charge instead of a new one.
CREATE TABLE invoices (
    id TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
    user_id TEXT NOT NULL,
    reason TEXT NOT NULL
        CHECK (reason IN ('subscription_create', 'subscription_cycle', 'subscription_update')),
    plan_id TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'uncollectible', 'void')),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    charge_key TEXT,
    charge_id TEXT,
    failure_message TEXT,
    refunded_amount INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    paid_at TEXT,
    updated_at TEXT NOT NULL
);
-- One invoice per billing period of a subscription: renewals run at most once per period.
CREATE UNIQUE INDEX invoices_one_per_period ON invoices (subscription_id, reason, period_start);
CREATE INDEX invoices_user ON invoices (user_id, created_at);
CREATE INDEX invoices_open ON invoices (status) WHERE status = 'open';

-- Refunds given on invoices, once per idempotency key (a repeated request records nothing).
CREATE TABLE invoice_refunds (
    id TEXT PRIMARY KEY,
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    refund_key TEXT NOT NULL UNIQUE,
    amount INTEGER NOT NULL CHECK (amount > 0),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE subscription_history (
    id TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX subscription_history_subscription ON subscription_history (subscription_id, at);

-- The sandbox payment provider's own records (what a card processor keeps on its side). No card
-- number or CVC: only the brand, the last four digits and the test card's behaviour.
CREATE TABLE sandbox_payment_methods (
    token TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    brand TEXT NOT NULL,
    last4 TEXT NOT NULL,
    exp_month INTEGER NOT NULL,
    exp_year INTEGER NOT NULL,
    behaviour TEXT NOT NULL,
    charges INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE sandbox_charges (
    id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    payment_method TEXT NOT NULL,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    description TEXT NOT NULL,
    succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1)),
    failure_message TEXT,
    refunded INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE sandbox_refunds (
    id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    charge_id TEXT NOT NULL REFERENCES sandbox_charges (id),
    amount INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

-- Answers of POSTs that carried an Idempotency-Key (libs/service run_write).
CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    location TEXT,
    etag TEXT,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

-- Subscription events (libs/messaging outbox relay) and identity events handled (inbox).
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    aggregate_type TEXT NOT NULL,
    aggregate_id TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    published_at TEXT
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE inbox (
    consumer TEXT NOT NULL,
    event_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX inbox_received_at ON inbox (consumer, received_at);
