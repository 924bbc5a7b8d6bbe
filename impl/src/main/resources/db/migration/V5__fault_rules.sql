-- Fault rules of the test-control API (/_modelarts/faults): kept in the database so that every
-- instance over one PostgreSQL applies the same rules and counts their firings together.
create table fault_rules (
    id varchar(64) primary key,          -- a time-ordered UUID: ordering by id lists the oldest first
    definition varchar(8000) not null,   -- the rule as the API took it, JSON
    matched bigint not null default 0,   -- requests it matched (draws for its probability)
    passed bigint not null default 0,    -- matching requests let through by its 'after'
    fired bigint not null default 0      -- times it fired
);
