-- sipolicy extension script: the hand-written functions. The typed functions
-- (one result type, sipolicy.<op>() and sipolicy.try_<op>() per operation)
-- follow, generated from the operation table by gen_extension.cc.
--
-- The script is ASCII: PostgreSQL converts it to the database's encoding, and
-- a LATIN1 or EUC_CN database cannot hold every character of the operation
-- descriptions. The generated comments carry them \u-escaped and are decoded
-- by sipolicy.comment_on (dropped at the end), with '?' where the database's
-- encoding has no equivalent.
--
-- Volatility (docs/postgresql.md, "Volatility and parallel query"): the
-- evaluating functions are STABLE PARALLEL SAFE: the same answer for the
-- same arguments within a statement, computed in parallel workers with the
-- leader's catalog. They are not IMMUTABLE because sipolicy.load_pack and the
-- settings change the catalog within a session: an IMMUTABLE call would be
-- folded into cached plans and index entries under the old catalog.

\echo Use "CREATE EXTENSION sipolicy" to load this file. \quit

-- Every role may compute; a pack loaded with sipolicy.load_pack changes only
-- its own session's catalog, and sipolicy.packs needs a superuser.
GRANT USAGE ON SCHEMA sipolicy TO PUBLIC;

-- COST: a call takes some microseconds (see gen_extension.cc, kCallCost).
CREATE FUNCTION sipolicy.eval(request jsonb) RETURNS jsonb
  AS 'MODULE_PATHNAME', 'sipolicy_pg_eval'
  LANGUAGE C STRICT STABLE PARALLEL SAFE COST 500;
COMMENT ON FUNCTION sipolicy.eval(jsonb) IS
  'Evaluates any JSON request (docs/json.md) and returns its result; a failed request raises its error';

CREATE FUNCTION sipolicy.try_eval(request jsonb) RETURNS jsonb
  AS 'MODULE_PATHNAME', 'sipolicy_pg_try_eval'
  LANGUAGE C STRICT STABLE PARALLEL SAFE COST 500;
COMMENT ON FUNCTION sipolicy.try_eval(jsonb) IS
  'Evaluates any JSON request and returns its result, {"ok":false,"error":{...}} included';

CREATE FUNCTION sipolicy.catalog_hash() RETURNS text
  AS 'MODULE_PATHNAME', 'sipolicy_pg_catalog_hash'
  LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION sipolicy.catalog_hash() IS
  'SHA-256 of the catalog this session computes with (built-in packs, sipolicy.packs, loaded packs): 64 hex digits';

CREATE FUNCTION sipolicy.packs() RETURNS jsonb
  AS 'MODULE_PATHNAME', 'sipolicy_pg_packs'
  LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION sipolicy.packs() IS
  'The packs of this session''s catalog in load order: [{"name","version","source"}]';

CREATE FUNCTION sipolicy.load_pack(pack text, source text DEFAULT NULL, signature text DEFAULT NULL)
  RETURNS text
  AS 'MODULE_PATHNAME', 'sipolicy_pg_load_pack'
  LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION sipolicy.load_pack(text, text, text) IS
  'Loads a policy pack (its JSON text) into this session''s catalog, until the session ends or sipolicy.unload_packs(); undone if the transaction rolls back. Returns the new catalog hash';

CREATE FUNCTION sipolicy.unload_packs() RETURNS text
  AS 'MODULE_PATHNAME', 'sipolicy_pg_unload_packs'
  LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION sipolicy.unload_packs() IS
  'Drops the packs sipolicy.load_pack added in this session; returns the catalog hash';

CREATE FUNCTION sipolicy.describe() RETURNS jsonb
  AS 'MODULE_PATHNAME', 'sipolicy_pg_describe'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sipolicy.describe() IS
  'Every operation''s request and result fields, columns and enums (docs/operations.md), as JSON';

CREATE FUNCTION sipolicy.version() RETURNS text
  AS 'MODULE_PATHNAME', 'sipolicy_pg_version'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sipolicy.version() IS 'The version of the sipolicy library the extension runs on';

-- Sets a comment whose text is given JSON-escaped (ASCII); see the top.
CREATE FUNCTION sipolicy.comment_on(target text, escaped text) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE body text;
BEGIN
  BEGIN
    body := ('"' || escaped || '"')::json #>> '{}';
  EXCEPTION WHEN OTHERS THEN
    body := ('"' || regexp_replace(escaped, E'\\\\u[0-9a-fA-F]{4}', '?', 'g') || '"')::json #>> '{}';
  END;
  EXECUTE 'COMMENT ON ' || target || ' IS ' || quote_literal(body);
END $f$;
