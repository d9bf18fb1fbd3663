-- 0022: each article's rolled-up day counts its readers (distinct
-- visitors who viewed it), which the to-do list scores unhelpful articles
-- by; days rolled up before hold their views, the only figure they kept.
ALTER TABLE insight_article_days ADD COLUMN readers INTEGER NOT NULL DEFAULT 0;
UPDATE insight_article_days SET readers = views;
