-- The data revision: one counter that every change to the data bumps, whoever makes it (the app, the CLI
-- scripts, a restore, sqlite3 by hand), through triggers on every data table. The page cache
-- (lib/server/page-cache.ts) keys on it, so a cached page is never served after the data changed.
-- Session is left out: signing in or out changes no page a cache keeps (it keeps only pages for
-- requests without a session). test/data-revision.test.ts checks every table has its three triggers.
CREATE TABLE "DataRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1,
    "n" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "DataRevision" ("id", "n") VALUES (1, 0);

CREATE TRIGGER "Company_revision_insert" AFTER INSERT ON "Company" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Company_revision_update" AFTER UPDATE ON "Company" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Company_revision_delete" AFTER DELETE ON "Company" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Fact_revision_insert" AFTER INSERT ON "Fact" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Fact_revision_update" AFTER UPDATE ON "Fact" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Fact_revision_delete" AFTER DELETE ON "Fact" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Site_revision_insert" AFTER INSERT ON "Site" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Site_revision_update" AFTER UPDATE ON "Site" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Site_revision_delete" AFTER DELETE ON "Site" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SiteChange_revision_insert" AFTER INSERT ON "SiteChange" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SiteChange_revision_update" AFTER UPDATE ON "SiteChange" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SiteChange_revision_delete" AFTER DELETE ON "SiteChange" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Contract_revision_insert" AFTER INSERT ON "Contract" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Contract_revision_update" AFTER UPDATE ON "Contract" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Contract_revision_delete" AFTER DELETE ON "Contract" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Event_revision_insert" AFTER INSERT ON "Event" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Event_revision_update" AFTER UPDATE ON "Event" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Event_revision_delete" AFTER DELETE ON "Event" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "BalanceSheetEvent_revision_insert" AFTER INSERT ON "BalanceSheetEvent" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "BalanceSheetEvent_revision_update" AFTER UPDATE ON "BalanceSheetEvent" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "BalanceSheetEvent_revision_delete" AFTER DELETE ON "BalanceSheetEvent" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AssumptionSet_revision_insert" AFTER INSERT ON "AssumptionSet" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AssumptionSet_revision_update" AFTER UPDATE ON "AssumptionSet" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AssumptionSet_revision_delete" AFTER DELETE ON "AssumptionSet" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AuditEntry_revision_insert" AFTER INSERT ON "AuditEntry" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AuditEntry_revision_update" AFTER UPDATE ON "AuditEntry" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AuditEntry_revision_delete" AFTER DELETE ON "AuditEntry" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "UpdateBatch_revision_insert" AFTER INSERT ON "UpdateBatch" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "UpdateBatch_revision_update" AFTER UPDATE ON "UpdateBatch" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "UpdateBatch_revision_delete" AFTER DELETE ON "UpdateBatch" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Note_revision_insert" AFTER INSERT ON "Note" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Note_revision_update" AFTER UPDATE ON "Note" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Note_revision_delete" AFTER DELETE ON "Note" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SavedView_revision_insert" AFTER INSERT ON "SavedView" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SavedView_revision_update" AFTER UPDATE ON "SavedView" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SavedView_revision_delete" AFTER DELETE ON "SavedView" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "DatasetMeta_revision_insert" AFTER INSERT ON "DatasetMeta" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "DatasetMeta_revision_update" AFTER UPDATE ON "DatasetMeta" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "DatasetMeta_revision_delete" AFTER DELETE ON "DatasetMeta" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
