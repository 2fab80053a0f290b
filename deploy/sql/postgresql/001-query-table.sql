-- ImageVault schema for Orleans' ADO.NET providers on PostgreSQL 15, part 1: the query table.
-- The providers read their SQL from this table at start (query key -> text). Every script here is
-- idempotent: it creates what is missing and replaces query texts and functions with this version's.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
