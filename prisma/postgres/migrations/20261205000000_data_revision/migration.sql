-- PostgreSQL's data revision, as prisma/migrations/20261204000000_data_revision does for SQLite: one
-- counter every change to a data table bumps, whoever makes it; the page cache keys on it. One trigger
-- per table, per statement (SQLite's are per row: it has no statement triggers). Session is left out.
CREATE TABLE "DataRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "DataRevision_pkey" PRIMARY KEY ("id")
);
INSERT INTO "DataRevision" ("id", "n") VALUES (1, 0);

CREATE FUNCTION "bump_data_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Company_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Company" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
CREATE TRIGGER "Fact_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Fact" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
CREATE TRIGGER "Site_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Site" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
CREATE TRIGGER "SiteChange_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SiteChange" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
CREATE TRIGGER "Contract_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Contract" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
CREATE TRIGGER "Event_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Event" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
CREATE TRIGGER "BalanceSheetEvent_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "BalanceSheetEvent" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
CREATE TRIGGER "AssumptionSet_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AssumptionSet" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
CREATE TRIGGER "AuditEntry_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AuditEntry" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
CREATE TRIGGER "UpdateBatch_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "UpdateBatch" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
CREATE TRIGGER "Note_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Note" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
CREATE TRIGGER "SavedView_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SavedView" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
CREATE TRIGGER "DatasetMeta_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DatasetMeta" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_revision"();
