-- ListImage's status filter reads each visible scope's images of one status in order (by
-- update_at, the default, then id): one index range, as V4 gives the unfiltered listing. The
-- (scope, status) index of V6 found the rows but left H2 to sort all of them, at a million
-- versions some 66,000 rows a request for the most common status.
drop index ix_images_scope_status;
create index ix_images_scope_status_update on images (scope, status, update_at, id);
