-- Data over time: a figure is a series of dated points (one per company, key and as-of), with who
-- recorded each and whether it belongs to the snapshot; dated site changes; bulk updates in batches.
-- Every existing row is kept as it is.
-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "batchId" INTEGER;

-- CreateTable
CREATE TABLE "SiteChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "companyId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "stage" TEXT,
    "grossMw" REAL,
    "itMw" REAL,
    "sourceUrl" TEXT NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "SiteChange_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SiteChange_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UpdateBatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "newPoints" INTEGER NOT NULL,
    "corrections" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Fact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "companyId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "asOf" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "note" TEXT,
    "basis" TEXT,
    "low" REAL,
    "high" REAL,
    "origin" TEXT NOT NULL DEFAULT 'dataset',
    "snapshotPoint" BOOLEAN NOT NULL DEFAULT false,
    "recordedAt" DATETIME,
    "recordedBy" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Fact_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- every existing point is kept; the dataset's and its corrections' points stand for the snapshot date
INSERT INTO "new_Fact" ("asOf", "basis", "companyId", "high", "id", "key", "low", "note", "origin", "snapshotPoint", "sourceUrl", "value", "version") SELECT "asOf", "basis", "companyId", "high", "id", "key", "low", "note", "origin", "origin" IN ('dataset', 'correction'), "sourceUrl", "value", "version" FROM "Fact";
DROP TABLE "Fact";
ALTER TABLE "new_Fact" RENAME TO "Fact";
CREATE UNIQUE INDEX "Fact_companyId_key_asOf_key" ON "Fact"("companyId", "key", "asOf");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SiteChange_companyId_idx" ON "SiteChange"("companyId");

