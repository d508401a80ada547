-- Tables that only ever grow (the audit log here; a service's ledger in its own migrations) refuse an update, a delete
-- or a truncate in the database itself, whichever login sends it: a correction is a new row. Only someone who may
-- alter the table (its owner or a superuser) can switch the guard off, and that is a change of the schema, not of data.
CREATE FUNCTION refuse_change_of_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation',
              HINT = 'Rows of this table are only ever inserted; record a correction as a new row.';
END
$$;

-- Puts the guard on a table: every row updated or deleted, and every truncate, raises the error above.
CREATE FUNCTION make_append_only(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER append_only_rows BEFORE UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only()', target);
    EXECUTE format('CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only()', target);
END
$$;

SELECT make_append_only('audit_log');
