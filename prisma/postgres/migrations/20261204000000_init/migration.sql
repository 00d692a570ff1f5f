-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Company" (
    "id" SERIAL NOT NULL,
    "ticker" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "exchange" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "powerStrategy" TEXT,
    "powerNote" TEXT,
    "gaps" JSONB NOT NULL,
    "assumptionOverrides" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fact" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "asOf" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "note" TEXT,
    "basis" TEXT,
    "low" DOUBLE PRECISION,
    "high" DOUBLE PRECISION,
    "origin" TEXT NOT NULL DEFAULT 'dataset',
    "snapshotPoint" BOOLEAN NOT NULL DEFAULT false,
    "recordedAt" TIMESTAMP(3),
    "recordedBy" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Fact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "location" TEXT,
    "country" TEXT,
    "grossMw" DOUBLE PRECISION,
    "grossMwAsOf" TEXT,
    "grossMwSourceUrl" TEXT,
    "grossMwNote" TEXT,
    "itMw" DOUBLE PRECISION,
    "itMwAsOf" TEXT,
    "itMwSourceUrl" TEXT,
    "itMwNote" TEXT,
    "itMwScope" TEXT,
    "companyShare" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "stage" TEXT NOT NULL,
    "use" TEXT NOT NULL,
    "expectedEnergization" TEXT,
    "ownership" TEXT,
    "sourceUrl" TEXT,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteChange" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "siteId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "stage" TEXT,
    "grossMw" DOUBLE PRECISION,
    "itMw" DOUBLE PRECISION,
    "sourceUrl" TEXT NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SiteChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "counterparty" TEXT NOT NULL,
    "counterpartyKind" TEXT,
    "counterpartyRating" TEXT,
    "guarantor" TEXT,
    "guarantorRating" TEXT,
    "backstopUsd" DOUBLE PRECISION,
    "structure" TEXT NOT NULL,
    "leaseType" TEXT,
    "siteId" INTEGER,
    "itMw" DOUBLE PRECISION,
    "itMwBasis" TEXT NOT NULL,
    "tenorYears" DOUBLE PRECISION,
    "totalValueUsd" DOUBLE PRECISION,
    "extensionOptions" TEXT,
    "signedDate" TEXT,
    "rentStart" TEXT,
    "status" TEXT NOT NULL,
    "deliveredItMw" DOUBLE PRECISION,
    "companyGpuCapexUsd" DOUBLE PRECISION,
    "prepaymentUsd" DOUBLE PRECISION,
    "companyFundedCapexUsd" DOUBLE PRECISION,
    "companyFundedCapexMw" DOUBLE PRECISION,
    "tenantFundedCapexShare" DOUBLE PRECISION,
    "siteAllocations" JSONB,
    "companyShare" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "sourceUrls" JSONB NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "fromEventId" INTEGER,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "sourceUrls" JSONB NOT NULL,
    "contractJson" JSONB,
    "appliedAt" TIMESTAMP(3),
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BalanceSheetEvent" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "cashDeltaUsd" DOUBLE PRECISION,
    "debtDeltaUsd" DOUBLE PRECISION,
    "preferredDeltaUsd" DOUBLE PRECISION,
    "committedDeltaUsd" DOUBLE PRECISION,
    "sharesDelta" DOUBLE PRECISION,
    "btcDelta" DOUBLE PRECISION,
    "sourceUrls" JSONB NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "BalanceSheetEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssumptionSet" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "values" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssumptionSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "entity" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "companyId" INTEGER,
    "field" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "user" TEXT,
    "revertOf" INTEGER,
    "batchId" INTEGER,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpdateBatch" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "newPoints" INTEGER NOT NULL,
    "corrections" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,

    CONSTRAINT "UpdateBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Note" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "figure" TEXT,
    "body" TEXT NOT NULL,
    "author" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatasetMeta" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "snapshot" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sourceFile" TEXT NOT NULL,
    "datasetVersion" INTEGER NOT NULL DEFAULT 1,
    "correctionsFile" TEXT,

    CONSTRAINT "DatasetMeta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "user" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "passwordTag" TEXT NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Company_ticker_key" ON "Company"("ticker");

-- CreateIndex
CREATE UNIQUE INDEX "Fact_companyId_key_asOf_key" ON "Fact"("companyId", "key", "asOf");

-- CreateIndex
CREATE UNIQUE INDEX "Site_companyId_name_key" ON "Site"("companyId", "name");

-- CreateIndex
CREATE INDEX "SiteChange_companyId_idx" ON "SiteChange"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_code_key" ON "Contract"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_fromEventId_key" ON "Contract"("fromEventId");

-- CreateIndex
CREATE INDEX "BalanceSheetEvent_companyId_idx" ON "BalanceSheetEvent"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "AssumptionSet_name_key" ON "AssumptionSet"("name");

-- CreateIndex
CREATE INDEX "AuditEntry_companyId_at_idx" ON "AuditEntry"("companyId", "at");

-- CreateIndex
CREATE INDEX "Note_companyId_idx" ON "Note"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_nameKey_key" ON "SavedView"("nameKey");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- AddForeignKey
ALTER TABLE "Fact" ADD CONSTRAINT "Fact_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteChange" ADD CONSTRAINT "SiteChange_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteChange" ADD CONSTRAINT "SiteChange_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_fromEventId_fkey" FOREIGN KEY ("fromEventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BalanceSheetEvent" ADD CONSTRAINT "BalanceSheetEvent_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
