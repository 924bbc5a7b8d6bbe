-- ListImage reads each visible scope's images in order, by update_at (the default) or
-- create_at, then id, in either direction: one index range, read forwards or backwards.
drop index ix_images_scope_order;
create index ix_images_scope_update on images (scope, update_at, id);
create index ix_images_scope_create on images (scope, create_at, id);
