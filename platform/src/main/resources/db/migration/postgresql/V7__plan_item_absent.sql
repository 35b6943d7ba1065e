-- Records that must not exist for a plan item to apply (e.g. the parent of an orphan a cleanup removes), as
-- canonical JSON: [{"key": {...}, "store": ..., "table": ...}]; null when the item requires none.
ALTER TABLE ops_plan_item ADD COLUMN absent_json TEXT;
