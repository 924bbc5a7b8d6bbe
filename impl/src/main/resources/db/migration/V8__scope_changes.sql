-- Which groups each revision of a scope changed, written in the same transaction as the revision
-- (over a shared database only). An instance whose copy of a scope is behind, because another
-- instance wrote, reads the groups the missing revisions changed instead of the whole scope;
-- where a revision's rows are missing (pruned, or written by an instance alone on its file) it
-- loads the whole scope as before. The writer prunes each scope's old revisions.
create table scope_changes (
    scope    varchar(100) not null,
    revision bigint       not null,
    group_id varchar(36)  not null,
    constraint pk_scope_changes primary key (scope, revision, group_id)
);
