-- Time and state for tests (issue 22), kept in the database so that every instance over one
-- PostgreSQL follows one clock and one sequence of status steps.

-- The server's clock: one row once set; none means the machine's clock.
create table test_clock (
    id        int          primary key,   -- always 1
    mode      varchar(8)   not null,      -- running | fixed
    at_ms     bigint       not null,      -- fixed: the instant; running: unused (0)
    offset_ms bigint       not null,      -- running: added to the machine's clock
    constraint ck_test_clock_mode check (mode in ('running', 'fixed'))
);

-- Status-transition rules of the test-control API (/_modelarts/transitions).
create table transition_rules (
    id         varchar(64)   primary key,  -- time-ordered: ordering by id lists the oldest first
    definition varchar(32000) not null     -- the rule as the API took it, JSON (a glob escaped may be long)
);

-- Images on their way along a rule's path of statuses. The image row holds the status shown;
-- this row says how it goes on. Gone with its image.
create table image_transitions (
    image_id       varchar(36)  primary key,
    operation      varchar(16)  not null,   -- RegisterImage | DeleteImage
    path           varchar(256) not null,   -- statuses, comma-separated
    polls          int,                     -- a step every that many ShowImage calls, or
    step_ms        bigint,                  -- a step every that many milliseconds of the clock
    status_message varchar(512),
    started_at     bigint       not null,
    seen           bigint       not null default 0,  -- ShowImage calls counted
    due_at         bigint,                  -- timed: when the next step is due
    constraint fk_image_transitions_image foreign key (image_id) references images (id) on delete cascade,
    constraint ck_image_transitions_pace check ((polls is null) <> (step_ms is null))
);

create index ix_image_transitions_due on image_transitions (due_at);

-- ListImage's status filter
create index ix_images_scope_status on images (scope, status);
