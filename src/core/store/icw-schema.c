/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-schema.c: the migrations. Migration N turns a database at user_version N-1 into one at N; the
 * database layer runs each in its own transaction after a backup copy. Never edit a migration that
 * has shipped: add a new one. */
#include "config.h"

#include "icw-schema.h"

/* Version 1: the registers and the outbox. Records are soft-deleted (deleted_at) so that a deletion
 * can be undone and travels to the sync server as a tombstone. */
static const char migration_1[] =
  "PRAGMA application_id = 1229150018;"
  "CREATE TABLE organizations ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  credit_code TEXT CHECK (credit_code IS NULL OR length(credit_code) = 18),"
  "  kind TEXT NOT NULL DEFAULT 'enterprise' CHECK (kind IN ('enterprise','university','institute','industrial-park','finance','association','other')),"
  "  province TEXT, city TEXT, legal_representative TEXT,"
  "  top_ten INTEGER NOT NULL DEFAULT 0 CHECK (top_ten IN (0,1)),"
  "  rd_base_year INTEGER NOT NULL DEFAULT 0,"
  "  rd_intensity_1 INTEGER NOT NULL DEFAULT -1,"
  "  rd_intensity_2 INTEGER NOT NULL DEFAULT -1,"
  "  rd_intensity_3 INTEGER NOT NULL DEFAULT -1,"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
  "CREATE UNIQUE INDEX organizations_credit_code ON organizations (credit_code)"
  "  WHERE credit_code IS NOT NULL AND deleted_at IS NULL;"
  "CREATE TABLE centers ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  level TEXT NOT NULL DEFAULT 'provincial' CHECK (level IN ('provincial','national','national-local')),"
  "  field TEXT, province TEXT, city TEXT,"
  "  year INTEGER NOT NULL DEFAULT 0,"
  "  status TEXT NOT NULL DEFAULT 'planning' CHECK (status IN ('planning','building','recognized','suspended')),"
  "  lead_organization_id TEXT REFERENCES organizations (id),"
  "  host_organization_id TEXT REFERENCES organizations (id),"
  "  host_legal_form TEXT, host_capital_fen INTEGER NOT NULL DEFAULT 0 CHECK (host_capital_fen >= 0),"
  "  host_founded TEXT, operating_model TEXT, pilot_basis TEXT,"
  "  field_platform_total INTEGER NOT NULL DEFAULT 0 CHECK (field_platform_total >= 0),"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
  "CREATE TABLE shareholders ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  center_id TEXT NOT NULL REFERENCES centers (id),"
  "  organization_id TEXT NOT NULL REFERENCES organizations (id),"
  "  contribution TEXT NOT NULL DEFAULT 'money' CHECK (contribution IN ('money','in-kind','ip')),"
  "  amount_fen INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),"
  "  share_bp INTEGER NOT NULL DEFAULT 0 CHECK (share_bp BETWEEN 0 AND 10000),"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
  "CREATE INDEX shareholders_center ON shareholders (center_id);"
  "CREATE INDEX shareholders_organization ON shareholders (organization_id);"
  "CREATE TABLE alliance_members ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  center_id TEXT NOT NULL REFERENCES centers (id),"
  "  organization_id TEXT NOT NULL REFERENCES organizations (id),"
  "  role TEXT NOT NULL DEFAULT 'ordinary' CHECK (role IN ('lead','core','ordinary','user')),"
  "  joined TEXT, agreement_signed INTEGER NOT NULL DEFAULT 0 CHECK (agreement_signed IN (0,1)),"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
  "CREATE INDEX alliance_members_center ON alliance_members (center_id);"
  "CREATE INDEX alliance_members_organization ON alliance_members (organization_id);"
  "CREATE TABLE platforms ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  organization_id TEXT NOT NULL REFERENCES organizations (id),"
  "  kind TEXT NOT NULL DEFAULT 'key-lab' CHECK (kind IN ('key-lab','engineering-lab','engineering-tech-center','engineering-research-center','enterprise-tech-center')),"
  "  name TEXT, approved_year INTEGER NOT NULL DEFAULT 0,"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
  "CREATE INDEX platforms_organization ON platforms (organization_id);"
  /* The changes still to be sent to the sync server, in the order they were made. */
  "CREATE TABLE outbox ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind TEXT NOT NULL, record_id TEXT NOT NULL,"
  "  op TEXT NOT NULL CHECK (op IN ('upsert','delete')),"
  "  payload TEXT NOT NULL, base_revision TEXT, queued_at TEXT NOT NULL);";

/* Version 2: full-text search over names. The trigram tokenizer indexes every run of three
 * characters, so a query of three or more characters matches any substring of a Chinese or Latin
 * name; shorter queries are answered by a LIKE scan (see icw-store-search.c). The index stores its
 * own copy of the name, keyed by the record's id, so it never depends on rowids that VACUUM may
 * renumber. */
static const char migration_2[] =
  "CREATE VIRTUAL TABLE organizations_fts USING fts5 (id UNINDEXED, name, tokenize = 'trigram');"
  "CREATE VIRTUAL TABLE centers_fts USING fts5 (id UNINDEXED, name, tokenize = 'trigram');"
  "INSERT INTO organizations_fts (id, name) SELECT id, name FROM organizations;"
  "INSERT INTO centers_fts (id, name) SELECT id, name FROM centers;"
  "CREATE TRIGGER organizations_fts_insert AFTER INSERT ON organizations BEGIN"
  "  INSERT INTO organizations_fts (id, name) VALUES (new.id, new.name); END;"
  "CREATE TRIGGER organizations_fts_update AFTER UPDATE OF name ON organizations BEGIN"
  "  UPDATE organizations_fts SET name = new.name WHERE id = old.id; END;"
  "CREATE TRIGGER organizations_fts_delete AFTER DELETE ON organizations BEGIN"
  "  DELETE FROM organizations_fts WHERE id = old.id; END;"
  "CREATE TRIGGER centers_fts_insert AFTER INSERT ON centers BEGIN"
  "  INSERT INTO centers_fts (id, name) VALUES (new.id, new.name); END;"
  "CREATE TRIGGER centers_fts_update AFTER UPDATE OF name ON centers BEGIN"
  "  UPDATE centers_fts SET name = new.name WHERE id = old.id; END;"
  "CREATE TRIGGER centers_fts_delete AFTER DELETE ON centers BEGIN"
  "  DELETE FROM centers_fts WHERE id = old.id; END;";

/* Version 3: center applications (申报书) and their attachments, and the rule packs a center
 * chooses. An application's versions share its lineage ID (the ID of version 1); a lineage has one
 * live application per version number. Attachments keep the file itself in `content`; the outbox
 * carries their metadata and SHA-256 only. */
static const char migration_3[] =
  "ALTER TABLE centers ADD COLUMN rule_packs TEXT;"
  "CREATE TABLE applications ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  center_id TEXT NOT NULL REFERENCES centers (id),"
  "  kind TEXT NOT NULL DEFAULT 'provincial-recognition' CHECK (kind IN ('provincial-recognition','national-recognition','upgrade-to-national')),"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','ready','submitted','returned','accepted')),"
  "  title TEXT, call_name TEXT, call_issuer TEXT, call_deadline TEXT,"
  "  lineage_id TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
  "  reviewer_comments TEXT,"
  "  section_background TEXT, section_foundation TEXT, section_goals TEXT, section_approach TEXT,"
  "  section_mechanism TEXT, section_assessment TEXT, section_risks TEXT, section_budget TEXT,"
  "  section_benefits TEXT,"
  "  roadmap TEXT, capability_platforms TEXT, indicators TEXT, tasks TEXT,"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,"
  "  CHECK (version > 1 OR lineage_id = id));"
  "CREATE INDEX applications_center ON applications (center_id);"
  "CREATE UNIQUE INDEX applications_lineage_version ON applications (lineage_id, version)"
  "  WHERE deleted_at IS NULL;"
  "CREATE TABLE attachments ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  application_id TEXT NOT NULL REFERENCES applications (id),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('licence','capital','platform-certificate','commitment','other')),"
  "  size INTEGER NOT NULL CHECK (size > 0),"
  "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
  "  content BLOB CHECK (content IS NULL OR length(content) = size),"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
  "CREATE INDEX attachments_application ON attachments (application_id);";

/* Version 4: every save rewrites the name column, so the update triggers of version 2 rewrote the
 * search index on every save, and their lookup by the index's (unindexed) id scans it whole:
 * 20 ms per save with 100k organizations (docs/performance.md). They now fire only when the name
 * really changed. */
static const char migration_4[] =
  "DROP TRIGGER organizations_fts_update;"
  "CREATE TRIGGER organizations_fts_update AFTER UPDATE OF name ON organizations"
  "  WHEN old.name IS NOT new.name BEGIN"
  "  UPDATE organizations_fts SET name = new.name WHERE id = old.id; END;"
  "DROP TRIGGER centers_fts_update;"
  "CREATE TRIGGER centers_fts_update AFTER UPDATE OF name ON centers"
  "  WHEN old.name IS NOT new.name BEGIN"
  "  UPDATE centers_fts SET name = new.name WHERE id = old.id; END;";

/* Version 5: IP-sharing agreements (知识产权协同共享协议) and their parties. An agreement has the
 * life cycle and versions of an application (lineage_id, version). Results and background IP are
 * JSON text checked by the store (icw-ip-agreement-parts.c); shares are basis points, money fen. */
static const char migration_5[] =
  "CREATE TABLE ip_agreements ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  center_id TEXT NOT NULL REFERENCES centers (id),"
  "  title TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','ready','submitted','returned','accepted')),"
  "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
  "  lineage_id TEXT NOT NULL,"
  "  reviewer_comments TEXT, effective_date TEXT,"
  "  ownership TEXT NOT NULL DEFAULT 'creator' CHECK (ownership IN ('creator','center-company','joint')),"
  "  project_access TEXT NOT NULL DEFAULT 'royalty-free' CHECK (project_access IN ('royalty-free','fair-reasonable','exclusive-option')),"
  "  exploitation_access TEXT NOT NULL DEFAULT 'fair-reasonable' CHECK (exploitation_access IN ('royalty-free','fair-reasonable','exclusive-option')),"
  "  patent_costs TEXT NOT NULL DEFAULT 'each-owner' CHECK (patent_costs IN ('each-owner','revenue-shares','center-company','named-party')),"
  "  patent_cost_party_id TEXT REFERENCES organizations (id),"
  "  publication_review_days INTEGER NOT NULL DEFAULT 30 CHECK (publication_review_days >= 0),"
  "  exit_terms TEXT NOT NULL DEFAULT 'keep-rights' CHECK (exit_terms IN ('keep-rights','redistribute','buy-out')),"
  "  exit_rules TEXT,"
  "  confidentiality_years INTEGER NOT NULL DEFAULT 5 CHECK (confidentiality_years >= 0),"
  "  term_start TEXT,"
  "  term_years INTEGER NOT NULL DEFAULT 0 CHECK (term_years >= 0),"
  "  dispute_resolution TEXT NOT NULL DEFAULT 'arbitration' CHECK (dispute_resolution IN ('arbitration','court')),"
  "  dispute_body TEXT, results TEXT, special_clauses TEXT, guide_answers TEXT,"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,"
  "  CHECK (version > 1 OR lineage_id = id));"
  "CREATE INDEX ip_agreements_center ON ip_agreements (center_id);"
  "CREATE UNIQUE INDEX ip_agreements_lineage_version ON ip_agreements (lineage_id, version)"
  "  WHERE deleted_at IS NULL;"
  "CREATE TABLE agreement_parties ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  agreement_id TEXT NOT NULL REFERENCES ip_agreements (id),"
  "  organization_id TEXT NOT NULL REFERENCES organizations (id),"
  "  share_bp INTEGER NOT NULL DEFAULT 0 CHECK (share_bp BETWEEN 0 AND 10000),"
  "  contribution_fen INTEGER NOT NULL DEFAULT 0 CHECK (contribution_fen >= 0),"
  "  signatory TEXT,"
  "  signed INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0,1)), signed_date TEXT,"
  "  sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0,1)), sealed_date TEXT,"
  "  background_ip TEXT,"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
  "CREATE INDEX agreement_parties_agreement ON agreement_parties (agreement_id);"
  "CREATE INDEX agreement_parties_organization ON agreement_parties (organization_id);";

/* Version 6: funding requests (资金申请) and the lines of their budgets. A request has the life
 * cycle and versions of an application; a budget line holds one category of the request's
 * category set, with its amounts by year and source as JSON text (docs/formats.md). A request has
 * one live line per category. */
static const char migration_6[] =
  "CREATE TABLE funding_requests ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  center_id TEXT NOT NULL REFERENCES centers (id),"
  "  application_id TEXT REFERENCES applications (id),"
  "  technology TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','ready','submitted','returned','accepted')),"
  "  title TEXT,"
  "  start_year INTEGER NOT NULL DEFAULT 0,"
  "  period INTEGER NOT NULL DEFAULT 1 CHECK (period BETWEEN 1 AND 10),"
  "  sources TEXT,"
  "  category_set TEXT NOT NULL,"
  "  category_set_version INTEGER NOT NULL DEFAULT 1 CHECK (category_set_version >= 1),"
  "  milestones TEXT,"
  "  tax_deduction INTEGER NOT NULL DEFAULT 0 CHECK (tax_deduction IN (0,1)),"
  "  tax_deduction_fen INTEGER NOT NULL DEFAULT 0 CHECK (tax_deduction_fen >= 0),"
  "  lineage_id TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
  "  reviewer_comments TEXT,"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,"
  "  CHECK (version > 1 OR lineage_id = id));"
  "CREATE INDEX funding_requests_center ON funding_requests (center_id);"
  "CREATE INDEX funding_requests_application ON funding_requests (application_id);"
  "CREATE UNIQUE INDEX funding_requests_lineage_version ON funding_requests (lineage_id, version)"
  "  WHERE deleted_at IS NULL;"
  "CREATE TABLE budget_lines ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  request_id TEXT NOT NULL REFERENCES funding_requests (id),"
  "  category TEXT NOT NULL CHECK (length(category) > 0),"
  "  justification TEXT,"
  "  cells TEXT,"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
  "CREATE INDEX budget_lines_request ON budget_lines (request_id);"
  "CREATE UNIQUE INDEX budget_lines_category ON budget_lines (request_id, category)"
  "  WHERE deleted_at IS NULL;";

/* Version 7: the sync client's own state. sync_state holds the pull cursor and the idempotency key
 * of a push batch sent but not yet answered, per server; sync_conflicts keeps what a sync could not
 * decide alone (a stale base revision, a pulled change over unsent edits, a change the server
 * rejected) until the user chooses: both versions are kept, neither is dropped. */
static const char migration_7[] =
  "CREATE TABLE sync_state ("
  "  key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);"
  "CREATE TABLE sync_conflicts ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind TEXT NOT NULL, record_id TEXT NOT NULL,"
  "  mine TEXT, mine_op TEXT CHECK (mine_op IS NULL OR mine_op IN ('upsert','delete')),"
  "  theirs TEXT, their_revision TEXT, their_deleted INTEGER NOT NULL DEFAULT 0 CHECK (their_deleted IN (0,1)),"
  "  reason TEXT, detected_at TEXT NOT NULL);"
  "CREATE INDEX sync_conflicts_record ON sync_conflicts (record_id);";

/* Version 8: the outbox by record. Acknowledging a pushed change and asking whether a pulled
 * record has unsent edits both look the record up in the outbox; without an index each scanned
 * the whole outbox, so a push of 10k records slowed down as it went (performance.md). */
static const char migration_8[] =
  "CREATE INDEX outbox_record ON outbox (record_id);";

/* Version 9: the registers by name. Finding an organization or a center by its exact name (each
 * row of a CSV import does) scanned the whole table, which made an import quadratic; the live
 * lists, sorted by name, use the same index. */
static const char migration_9[] =
  "CREATE INDEX organizations_name ON organizations (name, id) WHERE deleted_at IS NULL;"
  "CREATE INDEX centers_name ON centers (name, id) WHERE deleted_at IS NULL;";

/* Version 10: a change the server refused keeps the refusal's stable code (so the reason is shown
 * in the user's language and Discard My Change knows a taken ID) and the field it is about. */
static const char migration_10[] =
  "ALTER TABLE sync_conflicts ADD COLUMN reason_code TEXT;"
  "ALTER TABLE sync_conflicts ADD COLUMN reason_field TEXT;";

/* Version 11: a center's full-time R&D staff (全职研发人员), which assessments count. */
static const char migration_11[] =
  "ALTER TABLE centers ADD COLUMN rd_staff INTEGER NOT NULL DEFAULT 0 CHECK (rd_staff >= 0);";

/* Version 12: the numbers reviewers score (issue 15): per organization three years of operating
 * revenue, R&D spending and R&D staff, its legal form and whether it is a legal person, firm
 * honours, user enterprise, 失信; per center paid-in capital, staff, space, last year's R&D
 * expenses and costs; per platform its field. Every existing value stays; the new ones start at
 * "not stated" (0, empty, no). */
static const char migration_12[] =
  "ALTER TABLE organizations ADD COLUMN revenue_1_fen INTEGER NOT NULL DEFAULT 0 CHECK (revenue_1_fen >= 0);"
  "ALTER TABLE organizations ADD COLUMN revenue_2_fen INTEGER NOT NULL DEFAULT 0 CHECK (revenue_2_fen >= 0);"
  "ALTER TABLE organizations ADD COLUMN revenue_3_fen INTEGER NOT NULL DEFAULT 0 CHECK (revenue_3_fen >= 0);"
  "ALTER TABLE organizations ADD COLUMN rd_spending_1_fen INTEGER NOT NULL DEFAULT 0 CHECK (rd_spending_1_fen >= 0);"
  "ALTER TABLE organizations ADD COLUMN rd_spending_2_fen INTEGER NOT NULL DEFAULT 0 CHECK (rd_spending_2_fen >= 0);"
  "ALTER TABLE organizations ADD COLUMN rd_spending_3_fen INTEGER NOT NULL DEFAULT 0 CHECK (rd_spending_3_fen >= 0);"
  "ALTER TABLE organizations ADD COLUMN rd_staff_1 INTEGER NOT NULL DEFAULT 0 CHECK (rd_staff_1 >= 0);"
  "ALTER TABLE organizations ADD COLUMN rd_staff_2 INTEGER NOT NULL DEFAULT 0 CHECK (rd_staff_2 >= 0);"
  "ALTER TABLE organizations ADD COLUMN rd_staff_3 INTEGER NOT NULL DEFAULT 0 CHECK (rd_staff_3 >= 0);"
  "ALTER TABLE organizations ADD COLUMN enterprise_type TEXT NOT NULL DEFAULT 'unspecified' CHECK (enterprise_type IN"
  "  ('unspecified','limited-liability','joint-stock','limited-partnership','general-partnership',"
  "   'sole-proprietorship','public-institution','other'));"
  "ALTER TABLE organizations ADD COLUMN non_legal_person INTEGER NOT NULL DEFAULT 0 CHECK (non_legal_person IN (0,1));"
  "ALTER TABLE organizations ADD COLUMN honour_champion INTEGER NOT NULL DEFAULT 0 CHECK (honour_champion IN (0,1));"
  "ALTER TABLE organizations ADD COLUMN honour_little_giant INTEGER NOT NULL DEFAULT 0 CHECK (honour_little_giant IN (0,1));"
  "ALTER TABLE organizations ADD COLUMN honour_specialised INTEGER NOT NULL DEFAULT 0 CHECK (honour_specialised IN (0,1));"
  "ALTER TABLE organizations ADD COLUMN honour_unicorn INTEGER NOT NULL DEFAULT 0 CHECK (honour_unicorn IN (0,1));"
  "ALTER TABLE organizations ADD COLUMN honour_gazelle INTEGER NOT NULL DEFAULT 0 CHECK (honour_gazelle IN (0,1));"
  "ALTER TABLE organizations ADD COLUMN user_enterprise INTEGER NOT NULL DEFAULT 0 CHECK (user_enterprise IN (0,1));"
  "ALTER TABLE organizations ADD COLUMN dishonest INTEGER NOT NULL DEFAULT 0 CHECK (dishonest IN (0,1));"
  "ALTER TABLE centers ADD COLUMN paid_in_capital_fen INTEGER NOT NULL DEFAULT 0 CHECK (paid_in_capital_fen >= 0);"
  "ALTER TABLE centers ADD COLUMN staff_total INTEGER NOT NULL DEFAULT 0 CHECK (staff_total >= 0);"
  "ALTER TABLE centers ADD COLUMN space_m2 INTEGER NOT NULL DEFAULT 0 CHECK (space_m2 >= 0);"
  "ALTER TABLE centers ADD COLUMN rd_expense_fen INTEGER NOT NULL DEFAULT 0 CHECK (rd_expense_fen >= 0);"
  "ALTER TABLE centers ADD COLUMN cost_expense_fen INTEGER NOT NULL DEFAULT 0 CHECK (cost_expense_fen >= 0);"
  "ALTER TABLE platforms ADD COLUMN field TEXT;"
  /* Users recorded as a membership role become user enterprises (the role stays). */
  "UPDATE organizations SET user_enterprise = 1 WHERE id IN"
  "  (SELECT organization_id FROM alliance_members WHERE role = 'user' AND deleted_at IS NULL);";

/* Version 13 (issue 20): the registers' search indexes keyed by the record's integer row id, with
 * external content (the index reads the names from the table, and keeps no copy of them nor of
 * the ids). A search then answers row ids from the index alone: for a broad query over a million
 * organizations 4–8 ms of CPU instead of 310–560 ms spent reading each hit's id from the index's
 * own copy and joining on it (performance.md). The row ids are SQLite's own: the program
 * never runs VACUUM on its database (only VACUUM INTO, for the backup before a migration), and
 * "INSERT INTO organizations_fts (organizations_fts) VALUES ('rebuild')" derives the index from the
 * table again whatever they are; icw doctor's check compares the index with the table. */
static const char migration_13[] =
  "DROP TRIGGER organizations_fts_insert;"
  "DROP TRIGGER organizations_fts_update;"
  "DROP TRIGGER organizations_fts_delete;"
  "DROP TABLE organizations_fts;"
  "CREATE VIRTUAL TABLE organizations_fts USING fts5 (name, content = 'organizations', tokenize = 'trigram');"
  "INSERT INTO organizations_fts (organizations_fts) VALUES ('rebuild');"
  "CREATE TRIGGER organizations_fts_insert AFTER INSERT ON organizations BEGIN"
  "  INSERT INTO organizations_fts (rowid, name) VALUES (new.rowid, new.name); END;"
  "CREATE TRIGGER organizations_fts_update AFTER UPDATE OF name ON organizations WHEN old.name IS NOT new.name BEGIN"
  "  INSERT INTO organizations_fts (organizations_fts, rowid, name) VALUES ('delete', old.rowid, old.name);"
  "  INSERT INTO organizations_fts (rowid, name) VALUES (new.rowid, new.name); END;"
  "CREATE TRIGGER organizations_fts_delete AFTER DELETE ON organizations BEGIN"
  "  INSERT INTO organizations_fts (organizations_fts, rowid, name) VALUES ('delete', old.rowid, old.name); END;"
  "DROP TRIGGER centers_fts_insert;"
  "DROP TRIGGER centers_fts_update;"
  "DROP TRIGGER centers_fts_delete;"
  "DROP TABLE centers_fts;"
  "CREATE VIRTUAL TABLE centers_fts USING fts5 (name, content = 'centers', tokenize = 'trigram');"
  "INSERT INTO centers_fts (centers_fts) VALUES ('rebuild');"
  "CREATE TRIGGER centers_fts_insert AFTER INSERT ON centers BEGIN"
  "  INSERT INTO centers_fts (rowid, name) VALUES (new.rowid, new.name); END;"
  "CREATE TRIGGER centers_fts_update AFTER UPDATE OF name ON centers WHEN old.name IS NOT new.name BEGIN"
  "  INSERT INTO centers_fts (centers_fts, rowid, name) VALUES ('delete', old.rowid, old.name);"
  "  INSERT INTO centers_fts (rowid, name) VALUES (new.rowid, new.name); END;"
  "CREATE TRIGGER centers_fts_delete AFTER DELETE ON centers BEGIN"
  "  INSERT INTO centers_fts (centers_fts, rowid, name) VALUES ('delete', old.rowid, old.name); END;";

/* Version 14 (issue 15): the day a center was recognized (认定时间), empty while not stated. */
static const char migration_14[] =
  "ALTER TABLE centers ADD COLUMN recognized_on TEXT;";

/* Version 15 (issue 15): an application's 基本情况表 figures that no register holds (total
 * investment, contact and telephone). The indicators' numbers per year (绩效目标表) need no
 * migration: they are members added to the JSON of the part, and the texts written before them
 * ("baseline", "targets") stay as they were and are still shown. */
static const char migration_15[] =
  "ALTER TABLE applications ADD COLUMN total_investment_fen INTEGER NOT NULL DEFAULT 0 CHECK (total_investment_fen >= 0);"
  "ALTER TABLE applications ADD COLUMN contact_name TEXT;"
  "ALTER TABLE applications ADD COLUMN contact_phone TEXT;";

/* Version 16 (issue 15): an organization's top-ten rank is per field (64号 "在本领域排名前十"):
 * the field it is ranked in and the ranking's source and year. Empty for the flags set before,
 * which then count for no field until the field is recorded. And an application's 推荐单位 (the
 * body that recommends it, printed on the cover), empty until typed. */
static const char migration_16[] =
  "ALTER TABLE organizations ADD COLUMN top_ten_field TEXT;"
  "ALTER TABLE organizations ADD COLUMN top_ten_source TEXT;"
  "ALTER TABLE applications ADD COLUMN recommender TEXT;";

/* Version 17 (issue 20): the registers' order stored, so that opening a register of a million
 * does not case-fold and collate a million names. `sort_key` holds the collation key of the
 * case-folded name in the locale recorded in `sort_key_locale` (icw-store-list.c writes both; a
 * key is made only where it is missing, and all are made again when the locale changes); a
 * rename clears it. The index is the list's order, covering what the list reads. */
static const char migration_17[] =
  "ALTER TABLE organizations ADD COLUMN sort_key;"
  "ALTER TABLE centers ADD COLUMN sort_key;"
  "CREATE TABLE sort_key_locale (locale TEXT NOT NULL);"
  "CREATE INDEX organizations_sort ON organizations (sort_key, name, id) WHERE deleted_at IS NULL;"
  "CREATE INDEX centers_sort ON centers (sort_key, name, id) WHERE deleted_at IS NULL;"
  "CREATE TRIGGER organizations_sort_key AFTER UPDATE OF name ON organizations WHEN old.name IS NOT new.name BEGIN"
  "  UPDATE organizations SET sort_key = NULL WHERE rowid = new.rowid; END;"
  "CREATE TRIGGER centers_sort_key AFTER UPDATE OF name ON centers WHEN old.name IS NOT new.name BEGIN"
  "  UPDATE centers SET sort_key = NULL WHERE rowid = new.rowid; END;";

/* Version 18 (issue 15): the application kinds become the stages provinces run: 培育申报
 * ('cultivation'), 验收认定 ('acceptance'), 升级 ('upgrade-to-national') and 国家地方共建
 * ('national-local'). The CHECK on `kind` can only change by rebuilding the table (SQLite's
 * twelve steps; icw-database.c turns foreign keys off around every migration and checks them
 * before it commits): a new table, every row copied, the old one dropped, the new one renamed,
 * its indexes made again. Attachments and funding requests keep pointing at the same IDs. Every
 * value is kept; the kinds before the stages become the stage they were (docs/formats.md):
 * 'provincial-recognition' (a forward-looking plan, in the provinces' terms a 培育申报) becomes
 * 'cultivation', and 'national-recognition' (a route no policy has: a province's center reaches
 * national by the upgrade) becomes 'upgrade-to-national'. The rebuilt table gains the section
 * Shenzhen's 建设方案 asks for, the market operation plan (市场化运营进程计划), empty. A branch
 * adding a column to `applications` before this one must add it here too (as 16's recommender); 17 adds no column to it. */
static const char migration_18[] =
  "CREATE TABLE applications_new ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  center_id TEXT NOT NULL REFERENCES centers (id),"
  "  kind TEXT NOT NULL DEFAULT 'cultivation' CHECK (kind IN ('cultivation','acceptance','upgrade-to-national','national-local')),"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','ready','submitted','returned','accepted')),"
  "  title TEXT, call_name TEXT, call_issuer TEXT, call_deadline TEXT,"
  "  lineage_id TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
  "  reviewer_comments TEXT,"
  "  section_background TEXT, section_foundation TEXT, section_goals TEXT, section_approach TEXT,"
  "  section_mechanism TEXT, section_assessment TEXT, section_risks TEXT, section_budget TEXT,"
  "  section_benefits TEXT,"
  "  roadmap TEXT, capability_platforms TEXT, indicators TEXT, tasks TEXT,"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,"
  "  total_investment_fen INTEGER NOT NULL DEFAULT 0 CHECK (total_investment_fen >= 0),"
  "  contact_name TEXT, contact_phone TEXT,"
  "  recommender TEXT,"
  "  section_market_plan TEXT,"
  "  CHECK (version > 1 OR lineage_id = id));"
  "INSERT INTO applications_new (rowid, id, center_id, kind, status, title, call_name, call_issuer, call_deadline,"
  "  lineage_id, version, reviewer_comments, section_background, section_foundation, section_goals,"
  "  section_approach, section_mechanism, section_assessment, section_risks, section_budget, section_benefits,"
  "  roadmap, capability_platforms, indicators, tasks, revision, created_at, updated_at, deleted_at,"
  "  total_investment_fen, contact_name, contact_phone, recommender)"
  "  SELECT rowid, id, center_id,"
  "    CASE kind WHEN 'provincial-recognition' THEN 'cultivation'"
  "              WHEN 'national-recognition' THEN 'upgrade-to-national' ELSE kind END,"
  "    status, title, call_name, call_issuer, call_deadline,"
  "    lineage_id, version, reviewer_comments, section_background, section_foundation, section_goals,"
  "    section_approach, section_mechanism, section_assessment, section_risks, section_budget, section_benefits,"
  "    roadmap, capability_platforms, indicators, tasks, revision, created_at, updated_at, deleted_at,"
  "    total_investment_fen, contact_name, contact_phone, recommender"
  "  FROM applications;"
  "DROP TABLE applications;"
  "ALTER TABLE applications_new RENAME TO applications;"
  "CREATE INDEX applications_center ON applications (center_id);"
  "CREATE UNIQUE INDEX applications_lineage_version ON applications (lineage_id, version)"
  "  WHERE deleted_at IS NULL;";

/* Version 19 (issue 16): after recognition. `reports`: a center's report of a year, the yearly
 * assessment (年度考核) or the periodic evaluation (定期评估), with the life cycle and versions of the
 * other documents, its sections and 考核指标 rows as JSON text (docs/formats.md), its figures and
 * the reviewer's grade. `target_versions` and `center_targets`: the 任务书, the targets of a center
 * per indicator and year carried from an accepted application; a change is a new version (who,
 * when, why) and every earlier one is kept. `attachments` is rebuilt (the only way SQLite drops a
 * NOT NULL) so that an attachment belongs to an application or to a report, exactly one; its kinds
 * gain 'audit'. Every row and file is copied as it is. */
static const char migration_19[] =
  "CREATE TABLE reports ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  center_id TEXT NOT NULL REFERENCES centers (id),"
  "  year INTEGER NOT NULL DEFAULT 0,"
  "  kind TEXT NOT NULL DEFAULT 'annual-assessment' CHECK (kind IN ('annual-assessment','evaluation')),"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','ready','submitted','returned','accepted')),"
  "  lineage_id TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
  "  reviewer_comments TEXT, summary TEXT, indicators TEXT,"
  "  build_pilot TEXT, build_testing TEXT, build_services TEXT,"
  "  staff_total INTEGER NOT NULL DEFAULT 0 CHECK (staff_total >= 0),"
  "  rd_staff INTEGER NOT NULL DEFAULT 0 CHECK (rd_staff >= 0),"
  "  rd_spending_fen INTEGER NOT NULL DEFAULT 0 CHECK (rd_spending_fen >= 0),"
  "  revenue_fiscal_fen INTEGER NOT NULL DEFAULT 0 CHECK (revenue_fiscal_fen >= 0),"
  "  revenue_nonfiscal_fen INTEGER NOT NULL DEFAULT 0 CHECK (revenue_nonfiscal_fen >= 0),"
  "  services_revenue_fen INTEGER NOT NULL DEFAULT 0 CHECK (services_revenue_fen >= 0),"
  "  licence_revenue_fen INTEGER NOT NULL DEFAULT 0 CHECK (licence_revenue_fen >= 0),"
  "  incubated_firms INTEGER NOT NULL DEFAULT 0 CHECK (incubated_firms >= 0),"
  "  patents INTEGER NOT NULL DEFAULT 0 CHECK (patents >= 0),"
  "  standards INTEGER NOT NULL DEFAULT 0 CHECK (standards >= 0),"
  "  projects INTEGER NOT NULL DEFAULT 0 CHECK (projects >= 0),"
  "  audit_attachment_id TEXT,"
  "  grade TEXT NOT NULL DEFAULT 'none' CHECK (grade IN ('none','excellent','good','pass','fail')),"
  "  graded_on TEXT, rectify_due TEXT,"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,"
  "  CHECK (version > 1 OR lineage_id = id));"
  "CREATE INDEX reports_center ON reports (center_id);"
  "CREATE UNIQUE INDEX reports_lineage_version ON reports (lineage_id, version)"
  "  WHERE deleted_at IS NULL;"
  "CREATE TABLE target_versions ("
  "  center_id TEXT NOT NULL REFERENCES centers (id),"
  "  version INTEGER NOT NULL CHECK (version >= 1),"
  "  application_id TEXT REFERENCES applications (id),"
  "  first_year INTEGER NOT NULL DEFAULT 0, last_year INTEGER NOT NULL DEFAULT 0,"
  "  changed_by TEXT, changed_at TEXT NOT NULL, reason TEXT,"
  "  PRIMARY KEY (center_id, version));"
  "CREATE TABLE center_targets ("
  "  center_id TEXT NOT NULL, version INTEGER NOT NULL,"
  "  indicator_key TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,"
  "  area TEXT, name TEXT, unit TEXT, baseline REAL,"
  "  year INTEGER NOT NULL, target REAL NOT NULL,"
  "  PRIMARY KEY (center_id, version, indicator_key, year),"
  "  FOREIGN KEY (center_id, version) REFERENCES target_versions (center_id, version));"
  "CREATE TABLE attachments_new ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  application_id TEXT REFERENCES applications (id),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('licence','capital','platform-certificate','commitment','other','audit')),"
  "  size INTEGER NOT NULL CHECK (size > 0),"
  "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
  "  content BLOB CHECK (content IS NULL OR length(content) = size),"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,"
  "  report_id TEXT REFERENCES reports (id),"
  "  CHECK ((application_id IS NULL) <> (report_id IS NULL)));"
  "INSERT INTO attachments_new (id, application_id, name, kind, size, sha256, content, revision, created_at,"
  "  updated_at, deleted_at)"
  "  SELECT id, application_id, name, kind, size, sha256, content, revision, created_at, updated_at, deleted_at"
  "  FROM attachments;"
  "DROP TABLE attachments;"
  "ALTER TABLE attachments_new RENAME TO attachments;"
  "CREATE INDEX attachments_application ON attachments (application_id);"
  "CREATE INDEX attachments_report ON attachments (report_id);";

/* Version 20 (issue 15): 用户企业 is a kind of firm, not a membership role. A member in the role
 * "user" makes its organization a user enterprise (as 12 did, also for a member in the trash) and
 * becomes an ordinary member; a change still waiting in the outbox says so too, so that the
 * server, which refuses the old role, takes it. The CHECK of alliance_members still names 'user'
 * (SQLite changes a CHECK only by rebuilding the table); nothing writes it any more. */
static const char migration_20[] =
  "UPDATE organizations SET user_enterprise = 1 WHERE id IN"
  "  (SELECT organization_id FROM alliance_members WHERE role = 'user');"
  "UPDATE alliance_members SET role = 'ordinary' WHERE role = 'user';"
  "UPDATE outbox SET payload = json_set (payload, '$.role', 'ordinary')"
  "  WHERE kind = 'alliance-member' AND json_valid (payload) AND json_extract (payload, '$.role') = 'user';";

/* Version 21 (issue 15): the call outline's attachment item a file fulfils (the item's key, as
 * resources/outlines name it), chosen when it is attached; empty for the files attached before,
 * which the check still matches by kind or name. */
static const char migration_21[] =
  "ALTER TABLE attachments ADD COLUMN outline_item TEXT;";

/* Issue 16: the self-score's items scored by hand, with the reason, kept with the report
 * (`hand_scores`, JSON text, icw-report-hand-scores.h); NULL for the reports before it. */
static const char migration_22[] =
  "ALTER TABLE reports ADD COLUMN hand_scores TEXT;";

/* Version 23 (issue 16): the 任务书's versions travel (sync and the dossier). Each version gets a
 * stable ID (a random UUID for the versions made before), the server's revision once it is on
 * the server (NULL: still to push) and, when the server refused it, why (docs/sync-protocol.md,
 * "Target versions"). The number stays each workbench's own order of its versions. */
static const char migration_23[] =
  "ALTER TABLE target_versions ADD COLUMN id TEXT;"
  "UPDATE target_versions SET id = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||"
  "  substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||"
  "  substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));"
  "CREATE UNIQUE INDEX target_versions_id ON target_versions (id);"
  "CREATE INDEX target_versions_application ON target_versions (application_id);"
  "ALTER TABLE target_versions ADD COLUMN revision TEXT;"
  "ALTER TABLE target_versions ADD COLUMN refusal TEXT;";

/* Version 24 (issue 20): the registers' stored order per locale. Migration 17 kept one key
 * column and the locale it was made in, so two programs on one database in different locales (the
 * window in zh_CN.UTF-8, `icw` from a script in C, the sync server) made every key again each
 * time the other had run. Now each register has four key columns, `sort_key` (slot 0: it keeps
 * the keys and the index migration 17 made) and `sort_key_1`..`sort_key_3`, and `sort_key_slots`
 * says which locale's keys a slot holds and on which day that locale last listed. icw-store-list.c
 * gives a new locale a free slot, or the one listed in least recently, makes a slot's index when
 * its keys are written, and frees the slot of a locale that has not listed for 30 days (its index
 * dropped at once, its column cleared when the slot is given again). A rename clears the keys of
 * every locale. Adding the columns writes no row: the keys already made stay valid, and the
 * upgrade of a register of a million costs what its schema change costs. */
static const char migration_24[] =
  "ALTER TABLE organizations ADD COLUMN sort_key_1;"
  "ALTER TABLE organizations ADD COLUMN sort_key_2;"
  "ALTER TABLE organizations ADD COLUMN sort_key_3;"
  "ALTER TABLE centers ADD COLUMN sort_key_1;"
  "ALTER TABLE centers ADD COLUMN sort_key_2;"
  "ALTER TABLE centers ADD COLUMN sort_key_3;"
  "CREATE TABLE sort_key_slots (slot INTEGER PRIMARY KEY CHECK (slot BETWEEN 0 AND 3),"
  "  locale TEXT NOT NULL UNIQUE, used_on TEXT NOT NULL);"
  "INSERT INTO sort_key_slots (slot, locale, used_on) SELECT 0, locale, date('now') FROM sort_key_locale LIMIT 1;"
  "DROP TABLE sort_key_locale;"
  "DROP TRIGGER organizations_sort_key;"
  "DROP TRIGGER centers_sort_key;"
  "CREATE TRIGGER organizations_sort_key AFTER UPDATE OF name ON organizations WHEN old.name IS NOT new.name BEGIN"
  "  UPDATE organizations SET sort_key = NULL, sort_key_1 = NULL, sort_key_2 = NULL, sort_key_3 = NULL"
  "  WHERE rowid = new.rowid; END;"
  "CREATE TRIGGER centers_sort_key AFTER UPDATE OF name ON centers WHEN old.name IS NOT new.name BEGIN"
  "  UPDATE centers SET sort_key = NULL, sort_key_1 = NULL, sort_key_2 = NULL, sort_key_3 = NULL"
  "  WHERE rowid = new.rowid; END;";

/* Version 25 (issue 20's clean-up): what migration 20 left undone.
 * - It made organizations user enterprises without queuing them in the outbox, so a workbench
 *   that syncs never sent the flag (and a change of the organization still waiting carried the
 *   flag as it was before). Which organizations it changed is no longer written anywhere (their
 *   members are ordinary now), so every live user enterprise that is some center's member is
 *   queued, as a save queues it (the payload has the members a save's outbox row gives an
 *   organization, with the record's revision as the base), unless its latest waiting change
 *   already says it is one. The record itself is not touched (its updated_at stays).
 * - alliance_members' CHECK still allowed the role 'user': the table is rebuilt (SQLite changes
 *   a CHECK only so) with every row and both indexes kept, and a member still in that role (none
 *   can be written since 20) is first made ordinary and its organization a user enterprise, as 20
 *   did, so that the copy cannot fail. */
static const char migration_25[] =
  "UPDATE organizations SET user_enterprise = 1 WHERE id IN"
  "  (SELECT organization_id FROM alliance_members WHERE role = 'user');"
  "UPDATE alliance_members SET role = 'ordinary' WHERE role = 'user';"
  "INSERT INTO outbox (kind, record_id, op, payload, base_revision, queued_at)"
  "  SELECT 'organization', id, 'upsert',"
  "  json_object('id', id, 'created_at', created_at, 'updated_at', updated_at, 'deleted_at', deleted_at,"
  "    'name', name, 'credit_code', credit_code, 'kind', kind, 'province', province, 'city', city,"
  "    'legal_representative', legal_representative, 'top_ten', top_ten, 'rd_base_year', rd_base_year,"
  "    'rd_intensity_1', rd_intensity_1, 'rd_intensity_2', rd_intensity_2,"
  "    'rd_intensity_3', rd_intensity_3, 'revenue_1_fen', revenue_1_fen, 'revenue_2_fen', revenue_2_fen,"
  "    'revenue_3_fen', revenue_3_fen, 'rd_spending_1_fen', rd_spending_1_fen,"
  "    'rd_spending_2_fen', rd_spending_2_fen, 'rd_spending_3_fen', rd_spending_3_fen,"
  "    'rd_staff_1', rd_staff_1, 'rd_staff_2', rd_staff_2, 'rd_staff_3', rd_staff_3,"
  "    'enterprise_type', enterprise_type, 'non_legal_person', non_legal_person,"
  "    'honour_champion', honour_champion, 'honour_little_giant', honour_little_giant,"
  "    'honour_specialised', honour_specialised, 'honour_unicorn', honour_unicorn,"
  "    'honour_gazelle', honour_gazelle, 'user_enterprise', user_enterprise, 'dishonest', dishonest,"
  "    'top_ten_field', top_ten_field, 'top_ten_source', top_ten_source),"
  "  revision, strftime ('%Y-%m-%dT%H:%M:%S', 'now') || '.000000Z'"
  "  FROM organizations AS o"
  "  WHERE user_enterprise = 1 AND deleted_at IS NULL"
  "    AND id IN (SELECT organization_id FROM alliance_members)"
  "    AND coalesce ((SELECT CASE WHEN json_valid (payload) THEN json_extract (payload, '$.user_enterprise') END"
  "                   FROM outbox WHERE record_id = o.id ORDER BY seq DESC LIMIT 1), 0) IS NOT 1"
  "  ORDER BY rowid;"
  "CREATE TABLE alliance_members_new ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  center_id TEXT NOT NULL REFERENCES centers (id),"
  "  organization_id TEXT NOT NULL REFERENCES organizations (id),"
  "  role TEXT NOT NULL DEFAULT 'ordinary' CHECK (role IN ('lead','core','ordinary')),"
  "  joined TEXT, agreement_signed INTEGER NOT NULL DEFAULT 0 CHECK (agreement_signed IN (0,1)),"
  "  revision TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
  "INSERT INTO alliance_members_new (id, center_id, organization_id, role, joined, agreement_signed, revision,"
  "  created_at, updated_at, deleted_at)"
  "  SELECT id, center_id, organization_id, role, joined, agreement_signed, revision, created_at, updated_at,"
  "  deleted_at FROM alliance_members;"
  "DROP TABLE alliance_members;"
  "ALTER TABLE alliance_members_new RENAME TO alliance_members;"
  "CREATE INDEX alliance_members_center ON alliance_members (center_id);"
  "CREATE INDEX alliance_members_organization ON alliance_members (organization_id);";
/* Version 26 (issue 20): the outbox without AUTOINCREMENT. Its sequence table (sqlite_sequence)
 * was written by every outbox row, one more page in the WAL at every save's commit (an edit's
 * CPU time 1.7× a bare UPDATE's; docs/performance.md). The sync client relies on an outbox seq
 * never being given twice (a batch sent and not yet answered is sent again as `seq <= its highest`,
 * and its acknowledgement drops `seq <=` that): outbox_high_water keeps the highest seq a deleted
 * row held when no row above it was left, written only then (by the trigger: 2.6k instructions a
 * deleted row, against a push's 519k a record), and the store gives each new row the higher of
 * that and the outbox's highest seq, plus one (icw-store-outbox.c). The rows waiting to be sent
 * are copied with their seq; the high-water mark starts at the highest seq SQLite ever gave the
 * outbox. */
static const char migration_26[] =
  "CREATE TABLE outbox_high_water (seq INTEGER NOT NULL);"
  "INSERT INTO outbox_high_water (seq) SELECT max(coalesce((SELECT max(seq) FROM outbox), 0),"
  "  coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0));"
  "CREATE TABLE outbox_new ("
  "  seq INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL, record_id TEXT NOT NULL,"
  "  op TEXT NOT NULL CHECK (op IN ('upsert','delete')),"
  "  payload TEXT NOT NULL, base_revision TEXT, queued_at TEXT NOT NULL);"
  "INSERT INTO outbox_new (seq, kind, record_id, op, payload, base_revision, queued_at)"
  "  SELECT seq, kind, record_id, op, payload, base_revision, queued_at FROM outbox ORDER BY seq;"
  "DROP TABLE outbox;"
  "ALTER TABLE outbox_new RENAME TO outbox;"
  "CREATE INDEX outbox_record ON outbox (record_id);"
  "DELETE FROM sqlite_sequence WHERE name = 'outbox';"
  "CREATE TRIGGER outbox_high_water AFTER DELETE ON outbox"
  "  WHEN NOT EXISTS (SELECT 1 FROM outbox WHERE seq > old.seq) BEGIN"
  "  UPDATE outbox_high_water SET seq = max(seq, old.seq); END;";

/* Version 27 (issue 20): a save folds into its record's last waiting outbox row, rather than
 * adding one, when no push batch has read that row (the batch folds a record's rows into one change
 * anyway; a save then writes two WAL pages, not four). outbox_high_water.read_seq is the highest
 * seq a batch has read, written in the transaction of the read (icw-store-remote.c); a save folds
 * only into a row above it, so a row once read is never changed. It starts at the outbox's highest
 * seq: the rows of a batch in flight at the upgrade are never folded. */
static const char migration_27[] =
  "ALTER TABLE outbox_high_water ADD COLUMN read_seq INTEGER NOT NULL DEFAULT 0;"
  "UPDATE outbox_high_water SET read_seq = coalesce((SELECT max(seq) FROM outbox), 0);";

static const char *const migrations[] = { NULL, migration_1, migration_2, migration_3, migration_4,
                                           migration_5, migration_6, migration_7, migration_8,
                                           migration_9, migration_10, migration_11, migration_12,
                                           migration_13, migration_14, migration_15,
                                           migration_16, migration_17, migration_18, migration_19,
                                           migration_20, migration_21, migration_22, migration_23,
                                           migration_24, migration_25, migration_26,
                                           migration_27 };

int
icw_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations) - 1;
}

const char *
icw_schema_migration (int to_version)
{
  g_return_val_if_fail (to_version >= 1 && to_version <= icw_schema_latest_version (), NULL);
  return migrations[to_version];
}
