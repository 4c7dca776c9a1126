-- A vigicam database made by the first schema (migration m001_initial only), frozen as SQL so that
-- later edits to the code cannot change it; tests/test_reliability.py upgrades it with the latest code.
BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'vigicam','m001_initial','2026-11-23 09:17:57.032589+00:00');
CREATE TABLE "changes" (
   "id" INTEGER PRIMARY KEY,
   "source_id" INTEGER NOT NULL REFERENCES "sources"("id"),
   "kind" TEXT NOT NULL,
   "place" TEXT,
   "metric" TEXT,
   "old_value" REAL,
   "new_value" REAL,
   "delta" REAL,
   "old_qualifier" TEXT,
   "new_qualifier" TEXT,
   "old_evidence" TEXT,
   "new_evidence" TEXT,
   "old_date" TEXT,
   "new_date" TEXT,
   "old_figure_id" INTEGER REFERENCES "figures"("id"),
   "new_figure_id" INTEGER REFERENCES "figures"("id"),
   "old_document_id" INTEGER REFERENCES "documents"("id"),
   "new_document_id" INTEGER REFERENCES "documents"("id"),
   "old_fetch_id" INTEGER REFERENCES "fetches"("id"),
   "new_fetch_id" INTEGER REFERENCES "fetches"("id"),
   "source_url" TEXT,
   "published" TEXT,
   "detail" TEXT,
   "detected_at" TEXT NOT NULL
);
INSERT INTO "changes" VALUES(1,1,'new','Dreux','cameras',NULL,64.0,NULL,NULL,'exact',NULL,'64 caméras',NULL,NULL,NULL,1,NULL,1,NULL,1,'https://www.ville-dreux.fr/videoprotection',NULL,NULL,'2024-01-01T00:00:01Z');
INSERT INTO "changes" VALUES(2,1,'changed','Dreux','cameras',64.0,71.0,7.0,'exact','exact','64 caméras','71 caméras',NULL,NULL,1,2,1,2,1,2,'https://www.ville-dreux.fr/videoprotection','2023-02-01',NULL,'2024-02-01T00:00:01Z');
CREATE TABLE "documents" (
   "id" INTEGER PRIMARY KEY,
   "content_hash" TEXT NOT NULL,
   "url" TEXT NOT NULL,
   "title" TEXT,
   "text" TEXT NOT NULL,
   "published" TEXT,
   "updated" TEXT,
   "content_type" TEXT,
   "encoding" TEXT,
   "body_gz" BLOB,
   "fetched_at" TEXT NOT NULL
);
INSERT INTO "documents" VALUES(1,'h1','https://www.ville-dreux.fr/videoprotection','Vidéoprotection','La ville compte 64 caméras.','2023-01-01',NULL,'text/html','utf-8',X'1F8B0800C504046B02FFB329B0F3495428CBCCC9495548CECF2D284955303351484ECC3DBCB228B158CF46BFC00E0046F89EA323000000','2024-01-01T00:00:00Z');
INSERT INTO "documents" VALUES(2,'h2','https://www.ville-dreux.fr/videoprotection','Vidéoprotection','La ville compte 71 caméras.','2023-02-01',NULL,'text/html','utf-8',X'1F8B0800C504046B02FFB329B0F3495428CBCCC9495548CECF2D284955303754484ECC3DBCB228B158CF46BFC00E005CD7713E23000000','2024-02-01T00:00:00Z');
CREATE TABLE "extractions" (
   "id" INTEGER PRIMARY KEY,
   "document_id" INTEGER REFERENCES "documents"("id"),
   "source_id" INTEGER REFERENCES "sources"("id"),
   "fetch_id" INTEGER REFERENCES "fetches"("id"),
   "extractor_version" TEXT,
   "figure_count" INTEGER,
   "extracted_at" TEXT
);
INSERT INTO "extractions" VALUES(1,1,1,1,'0.1.0',1,'2024-01-01T00:00:01Z');
INSERT INTO "extractions" VALUES(2,2,1,2,'0.1.0',1,'2024-02-01T00:00:01Z');
CREATE TABLE "fetches" (
   "id" INTEGER PRIMARY KEY,
   "source_id" INTEGER NOT NULL REFERENCES "sources"("id"),
   "url" TEXT NOT NULL,
   "final_url" TEXT,
   "started_at" TEXT NOT NULL,
   "finished_at" TEXT,
   "http_status" INTEGER,
   "outcome" TEXT NOT NULL,
   "error" TEXT,
   "bytes" INTEGER,
   "etag" TEXT,
   "last_modified" TEXT,
   "content_hash" TEXT,
   "document_id" INTEGER REFERENCES "documents"("id")
);
INSERT INTO "fetches" VALUES(1,1,'https://www.ville-dreux.fr/videoprotection',NULL,'2024-01-01T00:00:00Z','2024-01-01T00:00:01Z',200,'new_content',NULL,40,NULL,NULL,'h1',1);
INSERT INTO "fetches" VALUES(2,1,'https://www.ville-dreux.fr/videoprotection',NULL,'2024-02-01T00:00:00Z','2024-02-01T00:00:01Z',200,'new_content',NULL,40,NULL,NULL,'h2',2);
INSERT INTO "fetches" VALUES(3,1,'https://www.ville-dreux.fr/videoprotection',NULL,'2024-03-01T00:00:00Z','2024-03-01T00:00:30Z',NULL,'failed','DownloadTimeoutError: took longer than 30.0 seconds.',NULL,NULL,NULL,NULL,NULL);
CREATE TABLE "figures" (
   "id" INTEGER PRIMARY KEY,
   "extraction_id" INTEGER REFERENCES "extractions"("id"),
   "document_id" INTEGER NOT NULL REFERENCES "documents"("id"),
   "source_id" INTEGER NOT NULL REFERENCES "sources"("id"),
   "metric" TEXT NOT NULL,
   "value" REAL NOT NULL,
   "qualifier" TEXT NOT NULL,
   "place" TEXT,
   "place_kind" TEXT,
   "place_code" TEXT,
   "date" TEXT,
   "evidence" TEXT NOT NULL,
   "sentence" TEXT,
   "start" INTEGER,
   "end" INTEGER,
   "confidence" REAL,
   "extractor_version" TEXT
);
INSERT INTO "figures" VALUES(1,1,1,1,'cameras',64.0,'exact','Dreux','commune','28134',NULL,'64 caméras','La ville compte 64 caméras.',16,27,0.85,'0.1.0');
INSERT INTO "figures" VALUES(2,2,2,1,'cameras',71.0,'exact','Dreux','commune','28134',NULL,'71 caméras','La ville compte 71 caméras.',16,27,0.85,'0.1.0');
CREATE TABLE "places" (
   "code" TEXT,
   "kind" TEXT,
   "name" TEXT,
   "population" INTEGER,
   "population_year" INTEGER,
   "latitude" REAL,
   "longitude" REAL,
   PRIMARY KEY ("kind", "code")
);
CREATE TABLE "sources" (
   "id" INTEGER PRIMARY KEY,
   "url" TEXT NOT NULL,
   "place" TEXT NOT NULL,
   "place_code" TEXT,
   "kind" TEXT NOT NULL,
   "every" INTEGER NOT NULL,
   "follow" INTEGER NOT NULL DEFAULT 0,
   "enabled" INTEGER NOT NULL DEFAULT 1,
   "added_at" TEXT NOT NULL,
   "removed_at" TEXT
);
INSERT INTO "sources" VALUES(1,'https://www.ville-dreux.fr/videoprotection','Dreux','28134','commune',86400,0,1,'2024-01-01T00:00:00Z',NULL);
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE UNIQUE INDEX "idx_sources_url"
    ON "sources" ("url");
CREATE UNIQUE INDEX "idx_documents_content_hash"
    ON "documents" ("content_hash");
CREATE INDEX "idx_fetches_source_id_started_at"
    ON "fetches" ("source_id", "started_at");
CREATE UNIQUE INDEX "idx_extractions_document_id_source_id_extractor_version"
    ON "extractions" ("document_id", "source_id", "extractor_version");
CREATE INDEX "idx_figures_document_id"
    ON "figures" ("document_id");
CREATE INDEX "idx_figures_source_id_metric_place"
    ON "figures" ("source_id", "metric", "place");
CREATE INDEX "idx_changes_detected_at"
    ON "changes" ("detected_at");
CREATE INDEX "idx_changes_source_id_id"
    ON "changes" ("source_id", "id");
CREATE TRIGGER fetches_no_update BEFORE UPDATE ON fetches BEGIN SELECT RAISE(ABORT, 'fetches is append-only'); END;
CREATE TRIGGER fetches_no_delete BEFORE DELETE ON fetches BEGIN SELECT RAISE(ABORT, 'fetches is append-only'); END;
CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents BEGIN SELECT RAISE(ABORT, 'documents is append-only'); END;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents BEGIN SELECT RAISE(ABORT, 'documents is append-only'); END;
CREATE TRIGGER figures_no_update BEFORE UPDATE ON figures BEGIN SELECT RAISE(ABORT, 'figures is append-only'); END;
CREATE TRIGGER figures_no_delete BEFORE DELETE ON figures BEGIN SELECT RAISE(ABORT, 'figures is append-only'); END;
CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes BEGIN SELECT RAISE(ABORT, 'changes is append-only'); END;
CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes BEGIN SELECT RAISE(ABORT, 'changes is append-only'); END;
COMMIT;
