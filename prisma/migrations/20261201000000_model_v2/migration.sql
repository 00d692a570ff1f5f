-- CreateTable
CREATE TABLE "BalanceSheetEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "companyId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "cashDeltaUsd" REAL,
    "debtDeltaUsd" REAL,
    "preferredDeltaUsd" REAL,
    "committedDeltaUsd" REAL,
    "sharesDelta" REAL,
    "btcDelta" REAL,
    "sourceUrls" JSONB NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "BalanceSheetEvent_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Fact_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Fact" ("asOf", "basis", "companyId", "id", "key", "note", "sourceUrl", "value", "version") SELECT "asOf", "basis", "companyId", "id", "key", "note", "sourceUrl", "value", "version" FROM "Fact";
DROP TABLE "Fact";
ALTER TABLE "new_Fact" RENAME TO "Fact";
CREATE UNIQUE INDEX "Fact_companyId_key_key" ON "Fact"("companyId", "key");
CREATE TABLE "new_Site" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "companyId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "location" TEXT,
    "country" TEXT,
    "grossMw" REAL,
    "grossMwAsOf" TEXT,
    "grossMwSourceUrl" TEXT,
    "grossMwNote" TEXT,
    "itMw" REAL,
    "itMwAsOf" TEXT,
    "itMwSourceUrl" TEXT,
    "itMwNote" TEXT,
    "itMwScope" TEXT,
    "companyShare" REAL NOT NULL DEFAULT 1,
    "stage" TEXT NOT NULL,
    "use" TEXT NOT NULL,
    "expectedEnergization" TEXT,
    "ownership" TEXT,
    "sourceUrl" TEXT,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Site_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Site" ("companyId", "expectedEnergization", "grossMw", "grossMwAsOf", "grossMwNote", "grossMwSourceUrl", "id", "itMw", "itMwAsOf", "itMwNote", "itMwSourceUrl", "location", "name", "note", "ownership", "position", "sourceUrl", "stage", "use", "version") SELECT "companyId", "expectedEnergization", "grossMw", "grossMwAsOf", "grossMwNote", "grossMwSourceUrl", "id", "itMw", "itMwAsOf", "itMwNote", "itMwSourceUrl", "location", "name", "note", "ownership", "position", "sourceUrl", "stage", "use", "version" FROM "Site";
DROP TABLE "Site";
ALTER TABLE "new_Site" RENAME TO "Site";
CREATE UNIQUE INDEX "Site_companyId_name_key" ON "Site"("companyId", "name");
CREATE TABLE "new_Contract" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "companyId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "counterparty" TEXT NOT NULL,
    "counterpartyKind" TEXT,
    "counterpartyRating" TEXT,
    "guarantor" TEXT,
    "guarantorRating" TEXT,
    "backstopUsd" REAL,
    "structure" TEXT NOT NULL,
    "leaseType" TEXT,
    "siteId" INTEGER,
    "itMw" REAL,
    "itMwBasis" TEXT NOT NULL,
    "tenorYears" REAL,
    "totalValueUsd" REAL,
    "extensionOptions" TEXT,
    "signedDate" TEXT,
    "rentStart" TEXT,
    "status" TEXT NOT NULL,
    "deliveredItMw" REAL,
    "companyGpuCapexUsd" REAL,
    "prepaymentUsd" REAL,
    "companyFundedCapexUsd" REAL,
    "companyFundedCapexMw" REAL,
    "tenantFundedCapexShare" REAL,
    "siteAllocations" JSONB,
    "companyShare" REAL NOT NULL DEFAULT 1,
    "sourceUrls" JSONB NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "fromEventId" INTEGER,
    CONSTRAINT "Contract_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Contract_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Contract_fromEventId_fkey" FOREIGN KEY ("fromEventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Contract" ("backstopUsd", "code", "companyFundedCapexUsd", "companyGpuCapexUsd", "companyId", "counterparty", "counterpartyKind", "counterpartyRating", "deliveredItMw", "extensionOptions", "fromEventId", "guarantor", "guarantorRating", "id", "itMw", "itMwBasis", "leaseType", "note", "position", "prepaymentUsd", "rentStart", "signedDate", "siteId", "sourceUrls", "status", "structure", "tenantFundedCapexShare", "tenorYears", "totalValueUsd", "version") SELECT "backstopUsd", "code", "companyFundedCapexUsd", "companyGpuCapexUsd", "companyId", "counterparty", "counterpartyKind", "counterpartyRating", "deliveredItMw", "extensionOptions", "fromEventId", "guarantor", "guarantorRating", "id", "itMw", "itMwBasis", "leaseType", "note", "position", "prepaymentUsd", "rentStart", "signedDate", "siteId", "sourceUrls", "status", "structure", "tenantFundedCapexShare", "tenorYears", "totalValueUsd", "version" FROM "Contract";
DROP TABLE "Contract";
ALTER TABLE "new_Contract" RENAME TO "Contract";
CREATE UNIQUE INDEX "Contract_code_key" ON "Contract"("code");
CREATE UNIQUE INDEX "Contract_fromEventId_key" ON "Contract"("fromEventId");
CREATE TABLE "new_DatasetMeta" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "snapshot" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "loadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sourceFile" TEXT NOT NULL,
    "datasetVersion" INTEGER NOT NULL DEFAULT 1,
    "correctionsFile" TEXT
);
INSERT INTO "new_DatasetMeta" ("currency", "id", "loadedAt", "notes", "snapshot", "sourceFile") SELECT "currency", "id", "loadedAt", "notes", "snapshot", "sourceFile" FROM "DatasetMeta";
DROP TABLE "DatasetMeta";
ALTER TABLE "new_DatasetMeta" RENAME TO "DatasetMeta";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "BalanceSheetEvent_companyId_idx" ON "BalanceSheetEvent"("companyId");
