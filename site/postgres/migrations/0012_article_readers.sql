-- 0012: each article's rolled-up day counts its readers, as SQLite's 0022
-- does; days rolled up before hold their views.
ALTER TABLE insight_article_days ADD COLUMN readers INTEGER NOT NULL DEFAULT 0;
UPDATE insight_article_days SET readers = views;
