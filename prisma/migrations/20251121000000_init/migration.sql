-- CreateTable
CREATE TABLE "Company" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticker" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "exchange" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "powerStrategy" TEXT,
    "powerNote" TEXT,
    "gaps" JSONB NOT NULL,
    "assumptionOverrides" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Fact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "companyId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "asOf" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "note" TEXT,
    "basis" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Fact_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Site" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "companyId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "location" TEXT,
    "grossMw" REAL,
    "grossMwAsOf" TEXT,
    "grossMwSourceUrl" TEXT,
    "grossMwNote" TEXT,
    "itMw" REAL,
    "itMwAsOf" TEXT,
    "itMwSourceUrl" TEXT,
    "itMwNote" TEXT,
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

-- CreateTable
CREATE TABLE "Contract" (
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
    "tenantFundedCapexShare" REAL,
    "sourceUrls" JSONB NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "fromEventId" INTEGER,
    CONSTRAINT "Contract_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Contract_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Contract_fromEventId_fkey" FOREIGN KEY ("fromEventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "companyId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "sourceUrls" JSONB NOT NULL,
    "contractJson" JSONB,
    "appliedAt" DATETIME,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Event_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssumptionSet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "values" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "entity" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "companyId" INTEGER,
    "field" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "user" TEXT,
    "revertOf" INTEGER
);

-- CreateTable
CREATE TABLE "DatasetMeta" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "snapshot" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "loadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sourceFile" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Company_ticker_key" ON "Company"("ticker");

-- CreateIndex
CREATE UNIQUE INDEX "Fact_companyId_key_key" ON "Fact"("companyId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Site_companyId_name_key" ON "Site"("companyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_code_key" ON "Contract"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_fromEventId_key" ON "Contract"("fromEventId");

-- CreateIndex
CREATE UNIQUE INDEX "AssumptionSet_name_key" ON "AssumptionSet"("name");

-- CreateIndex
CREATE INDEX "AuditEntry_companyId_at_idx" ON "AuditEntry"("companyId", "at");
