-- Part 5: ImageVault's own additions. The image catalog (a full re-index walks it) lists the string
-- keys of one grain type per service in key order: this index makes that a range scan.
-- Byte-wise ("C") order, so that "{tenant}/" .. "{tenant}0" is exactly one tenant's keys.
CREATE INDEX IF NOT EXISTS IX_OrleansStorage_Catalog
    ON OrleansStorage (ServiceId, GrainTypeString, GrainIdExtensionString COLLATE "C");
