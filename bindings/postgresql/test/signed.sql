-- signed.sql — signed packs (run_test.sh): with sipolicy.trusted_keys set,
-- every pack must carry a signature by a trusted key (docs/receipts.md), the
-- files of sipolicy.packs (PATH.sig beside them) as well as the packs given to
-- sipolicy.load_pack (its third argument). Signatures cover a pack's exact
-- bytes, so the text is read with pg_read_file, not through a client.
-- psql variables: files (the directory of the server's copies: guangdong-sme-2021.jsonc
-- and its .sig, pension-14.jsonc unsigned), key (the trusted public key),
-- signature (pension-14.jsonc's signature by that key).
\set ON_ERROR_STOP 1
\set pension14_path :files '/pension-14.jsonc'
\set guangdong_path :files '/guangdong-sme-2021.jsonc'
SELECT sipolicy.catalog_hash() AS unsigned_hash, last_value AS checks_before FROM t.passed \gset

SET sipolicy.trusted_keys = :'key';
SELECT t.is('trusted keys: the signed sipolicy.packs file loads', sipolicy.catalog_hash(), :'unsigned_hash');
SELECT t.fails('trusted keys: an unsigned pack is refused',
               format('SELECT sipolicy.load_pack(pg_read_file(%L), %L)', :'pension14_path', 'pension-14.jsonc'),
               '42501', 'sipolicy.load_pack(pension-14.jsonc): %');
SELECT t.fails('trusted keys: a signature of another pack is refused',
               format('SELECT sipolicy.load_pack(pg_read_file(%L), %L, pg_read_file(%L))', :'pension14_path',
                      'pension-14.jsonc', :'guangdong_path' || '.sig'),
               '42501', 'sipolicy.load_pack(pension-14.jsonc): %');
SELECT t.is('trusted keys: the signed pack loads',
            sipolicy.load_pack(pg_read_file(:'pension14_path'), 'pension-14.jsonc', :'signature') <> :'unsigned_hash', true);
SELECT t.is('trusted keys: and applies', r.rate, '0.14')
  FROM sipolicy.contribution('110000', 'large', 'pension', '2021-02', 1000.00) r;
SELECT sipolicy.unload_packs() IS NOT NULL AS unloaded;
-- An unsigned file in sipolicy.packs: every call fails, naming the setting.
SET sipolicy.packs = :'pension14_path';
SELECT t.fails('trusted keys: an unsigned file in sipolicy.packs',
               $$SELECT sipolicy.catalog_hash()$$, '42501', 'sipolicy.packs: %');
RESET sipolicy.packs;
RESET sipolicy.trusted_keys;
SELECT t.is('without trusted keys: the unsigned catalog again', sipolicy.catalog_hash(), :'unsigned_hash');
SELECT 'signed.sql: ' || (last_value - :checks_before) || ' checks passed' AS result FROM t.passed;
