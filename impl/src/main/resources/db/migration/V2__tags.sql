-- Tags, as JSON arrays of {"key": ..., "value": ...}: set on a group by UpdateImageGroup,
-- on an image by RegisterImage. At most 20 tags of 128 + 255 characters each.
alter table image_groups add column tags varchar(10000);
alter table images add column tags varchar(10000);
