-- The catalog overlay history becomes a hash chain (docs/catalog-overlay.md): each new event stores
-- the hash of the one before it and its own. Events recorded before this migration keep NULL here;
-- they are hashed in order when the chain is walked, so the first stored hash covers them too.
ALTER TABLE catalog_overlay_event ADD COLUMN prev TEXT CHECK (prev IS NULL OR length(prev) = 64);
ALTER TABLE catalog_overlay_event ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);
