-- A revision per scope, raised in the same transaction as every change to the scope's groups.
-- The group listing is served from memory (GroupIndex); an instance compares the revisions it
-- holds with these to know when another instance over the same database has changed a scope.
create table scope_revisions (
    scope    varchar(100) not null,
    revision bigint       not null,
    constraint pk_scope_revisions primary key (scope)
);

-- The listing no longer filters or sorts image_groups in SQL. What still reads the table:
-- by id (the primary key), by scope/namespace/name (the writers: uq_image_groups_scope_namespace_name)
-- and one whole scope (loading the listing's index: the same unique index, by its first column).
drop index ix_image_groups_scope_order;
drop index ix_image_groups_name;
drop index ix_image_groups_namespace;
