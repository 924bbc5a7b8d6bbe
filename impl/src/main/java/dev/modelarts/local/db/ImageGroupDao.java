package dev.modelarts.local.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.core.GroupFilter;
import dev.modelarts.local.core.Page;

/**
 * Reads image groups. The listing reads only image_groups, whose aggregates every write keeps up
 * to date; it never aggregates the images table.
 */
public final class ImageGroupDao {

    static final String GROUP_COLUMNS = "id, scope, type, project_id, workspace_id, namespace, name,"
            + " description, read_me, icon_name, swr_instance_id, swr_instance_name,"
            + " version_count, create_at, update_at";

    /** The listing's order; the trailing id makes it total, so paging is stable. */
    private static final String ORDER = " order by update_at desc, namespace, name, id";

    private final Jdbi jdbi;

    public ImageGroupDao(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(GroupRow.class));
    }

    /**
     * One page of the groups that match {@code filter}, with the filtered total. The count and
     * the page come from one snapshot, so they agree even while others write.
     */
    public GroupPage list(GroupFilter filter, int limit, long offset) {
        Where where = Where.of(filter);
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            Query count = handle.createQuery(
                    "select count(*) as total, count(swr_instance_id) as enterprise from image_groups"
                            + where.sql);
            where.bind(count);
            Map<String, Object> counts = count.mapToMap().one();
            long total = ((Number) counts.get("total")).longValue();
            boolean enterprise = ((Number) counts.get("enterprise")).longValue() > 0;

            List<GroupRow> rows = List.of();
            if (offset < total) {
                Query page = handle.createQuery("select " + GROUP_COLUMNS + " from image_groups"
                        + where.sql + ORDER + " limit :limit offset :offset");
                where.bind(page);
                rows = page.bind("limit", limit).bind("offset", offset).mapTo(GroupRow.class).list();
            }
            return new GroupPage(new Page<>(rows, total, limit, offset), enterprise);
        });
    }

    /** Escapes the LIKE wildcards so that {@code _} and {@code %} match only themselves. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A WHERE clause for a filter, with its bindings; only the filters present appear. */
    private record Where(String sql, Map<String, Object> bindings) {

        static Where of(GroupFilter filter) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> bindings = new LinkedHashMap<>();
            String own = Scopes.dedicated(filter.projectId(), filter.workspaceId());
            if (filter.type() == null) {
                conditions.add("scope in ('', :own_scope)");
                bindings.put("own_scope", own);
            } else if (filter.type() == ImageType.BUILD_IN) {
                conditions.add("scope = ''");
            } else {
                conditions.add("scope = :own_scope");
                bindings.put("own_scope", own);
            }
            if (filter.name() != null) {
                if (filter.nameFuzzy()) {
                    conditions.add("name like :name escape '\\'");
                    bindings.put("name", "%" + likeLiteral(filter.name()) + "%");
                } else {
                    conditions.add("name = :name");
                    bindings.put("name", filter.name());
                }
            }
            if (filter.namespace() != null) {
                conditions.add("namespace = :namespace");
                bindings.put("namespace", filter.namespace());
            }
            if (filter.swrInstanceId() != null) {
                conditions.add("swr_instance_id = :swr_instance_id");
                bindings.put("swr_instance_id", filter.swrInstanceId());
            }
            return new Where(" where " + String.join(" and ", conditions), bindings);
        }

        void bind(Query query) {
            bindings.forEach(query::bind);
        }
    }
}
