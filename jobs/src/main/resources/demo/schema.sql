-- The demo application's tables: small, realistic, with the faults the demo fixes and scans find.
CREATE TABLE customers (
    id         BIGINT       NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    email      VARCHAR(200) NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    created_at TIMESTAMP    NOT NULL
);
CREATE TABLE orders (
    id          BIGINT        NOT NULL PRIMARY KEY,
    customer_id BIGINT        NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    total       NUMERIC(12,2) NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    updated_at  TIMESTAMP     NOT NULL
);
CREATE INDEX orders_status_idx ON orders (status, updated_at);
CREATE TABLE order_items (
    id       BIGINT        NOT NULL PRIMARY KEY,
    order_id BIGINT        NOT NULL,
    sku      VARCHAR(20)   NOT NULL,
    quantity INTEGER       NOT NULL,
    price    NUMERIC(12,2) NOT NULL
);
CREATE TABLE accounts (
    id          BIGINT        NOT NULL PRIMARY KEY,
    customer_id BIGINT        NOT NULL,
    currency    VARCHAR(3)    NOT NULL,
    balance     NUMERIC(14,2) NOT NULL,
    updated_at  TIMESTAMP     NOT NULL
);
CREATE TABLE ledger_entries (
    id          BIGINT        NOT NULL PRIMARY KEY,
    account_id  BIGINT        NOT NULL,
    amount      NUMERIC(14,2) NOT NULL,
    description VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMP     NOT NULL
);
CREATE TABLE products (
    sku      VARCHAR(20)   NOT NULL PRIMARY KEY,
    name     VARCHAR(200)  NOT NULL,
    category VARCHAR(50)   NOT NULL,
    price    NUMERIC(12,2) NOT NULL,
    active   BOOLEAN       NOT NULL
);
CREATE TABLE email_recipients (
    id          BIGINT       NOT NULL PRIMARY KEY,
    customer_id BIGINT       NOT NULL,
    email       VARCHAR(200) NOT NULL,
    campaign    VARCHAR(100) NOT NULL,
    consent     BOOLEAN      NOT NULL
);
