-- Image groups: one row per image (namespace/name) within a scope, with its aggregates kept
-- up to date by every write, so that listing groups never aggregates the images table.
--
-- scope: '' for BUILD_IN groups (visible to every project and workspace);
--        '<project_id>/<workspace_id>' for DEDICATED groups.
-- The listing's visibility test is then `scope in ('', :scope)`, and a type filter is one
-- equality on scope, which the ordering index below serves directly.
create table image_groups (
    id                varchar(36)    not null,
    scope             varchar(100)   not null,
    type              varchar(16)    not null,
    project_id        varchar(64),
    workspace_id      varchar(32),
    namespace         varchar(64)    not null,
    name              varchar(512)   not null,
    description       varchar(512),
    read_me           varchar(30000),
    icon_name         varchar(128),
    swr_instance_id   varchar(128),
    swr_instance_name varchar(128),
    version_count     integer        not null,
    create_at         bigint         not null,
    update_at         bigint         not null,
    constraint pk_image_groups primary key (id),
    constraint uq_image_groups_scope_namespace_name unique (scope, namespace, name),
    constraint ck_image_groups_type check (type in ('BUILD_IN', 'DEDICATED'))
);

-- the listing's order within a scope: update_at desc, namespace, name, id
create index ix_image_groups_scope_order on image_groups (scope, update_at desc, namespace, name, id);
-- exact-name and namespace filters across scopes
create index ix_image_groups_name on image_groups (name, scope);
create index ix_image_groups_namespace on image_groups (namespace, scope);

-- Images: one row per version (tag) of an image.
create table images (
    id                     varchar(36)   not null,
    group_id               varchar(36)   not null,
    scope                  varchar(100)  not null,
    type                   varchar(16)   not null,
    project_id             varchar(64),
    workspace_id           varchar(32),
    namespace              varchar(64)   not null,
    name                   varchar(512)  not null,
    tag                    varchar(128)  not null,
    swr_path               varchar(2048) not null,
    arch                   varchar(16)   not null,
    origin                 varchar(16),
    service_type           varchar(16),
    status                 varchar(16)   not null,
    status_message         varchar(512),
    visibility             varchar(16),
    description            varchar(512),
    resource_categories    varchar(64),
    support_res_categories varchar(64),
    dev_services           varchar(256),
    image_size             bigint,
    flavor_type            varchar(32),
    swr_instance_id        varchar(128),
    show_name              varchar(256),
    show_tag               varchar(256),
    create_at              bigint        not null,
    update_at              bigint        not null,
    constraint pk_images primary key (id),
    constraint fk_images_group foreign key (group_id) references image_groups (id),
    constraint uq_images_group_tag unique (group_id, tag),
    constraint ck_images_type check (type in ('BUILD_IN', 'DEDICATED'))
);

create index ix_images_scope_order on images (scope, update_at desc, id);
