-- Part 6: the audit log (append-only). Every change and admin action; never secrets.
CREATE TABLE IF NOT EXISTS imagevault_audit (
    id         bigserial PRIMARY KEY,
    at         timestamptz NOT NULL,
    tenant     text NOT NULL,
    actor      text NOT NULL,
    action     text NOT NULL,
    target     text,
    status     integer NOT NULL,
    address    text,
    user_agent text
);
CREATE INDEX IF NOT EXISTS ix_imagevault_audit_tenant ON imagevault_audit (tenant, id);

CREATE OR REPLACE FUNCTION imagevault_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END $$;

DROP TRIGGER IF EXISTS imagevault_audit_no_change ON imagevault_audit;
CREATE TRIGGER imagevault_audit_no_change BEFORE UPDATE OR DELETE ON imagevault_audit
    FOR EACH ROW EXECUTE FUNCTION imagevault_audit_append_only();
