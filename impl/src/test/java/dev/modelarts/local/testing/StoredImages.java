package dev.modelarts.local.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a server holds for the kill probe's project, read through the API as a client reads it
 * (ListImage and ListImageGroup, every page; ShowImage one by one), and compared with a
 * {@link Ledger}.
 */
public final class StoredImages {

    private static final String PROJECT = "dev-project";
    private static final int PAGE = 1000;

    /** Every problem found; empty when the server holds exactly what was acknowledged. */
    public record Check(int images, int groups, int settled, List<String> problems) {

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private StoredImages() {
    }

    /**
     * Reads every DEDICATED image and group, settles the ledger's unanswered requests by it, and
     * checks: every acknowledged registration is there (listed, and shown by ShowImage when it
     * was acknowledged since the last check), every acknowledged delete is gone, no image is
     * listed twice, nothing is there that was never sent, and each group's version count is the
     * number of its images.
     */
    public static Check check(KillProbe probe, URI base) {
        Ledger ledger = probe.ledger();
        List<String> problems = new ArrayList<>();
        Map<String, String> present = new HashMap<>();
        Map<String, Integer> perGroup = new HashMap<>();
        Set<String> ids = new HashSet<>();
        long total = -1;
        for (int offset = 0; total < 0 || offset < total; offset += PAGE) {
            JsonNode page = get(probe, base, "/v1/" + PROJECT + "/images?type=DEDICATED&limit=" + PAGE
                    + "&offset=" + offset, problems);
            if (page == null) {
                return new Check(0, 0, 0, problems);
            }
            total = page.get("total").asLong();
            for (JsonNode image : page.get("data")) {
                String id = image.get("id").asText();
                String path = image.get("swr_path").asText();
                if (!ids.add(id) || present.put(path, id) != null) {
                    problems.add("listed twice: " + path + " " + id);
                }
                perGroup.merge(image.get("namespace").asText() + "/" + image.get("name").asText(), 1, Integer::sum);
            }
        }
        if (total != present.size()) {
            problems.add("ListImage says total " + total + " but lists " + present.size());
        }
        // what was acknowledged since the last check, before the ledger settles and forgets it
        Map<String, String> recentLive = ledger.recentLive();
        Map<String, String> recentDeleted = ledger.recentDeleted();
        int settled = ledger.reconcile(present);
        Map<String, String> live = ledger.live();
        live.forEach((path, id) -> {
            if (!id.equals(present.get(path))) {
                problems.add("LOST: acknowledged registration " + path + " (" + id + ") is not listed");
            }
        });
        ledger.deleted().forEach((id, path) -> {
            if (ids.contains(id)) {
                problems.add("RESURRECTED: acknowledged delete of " + path + " (" + id + ") is listed again");
            }
        });
        present.forEach((path, id) -> {
            if (!id.equals(live.get(path))) {
                problems.add("UNKNOWN: " + path + " (" + id + ") is listed but was never acknowledged or sent");
            }
        });
        recentLive.forEach((path, id) -> {
            if (!live.containsKey(path)) {
                return; // deleted since, or a delete that got no answer
            }
            KillProbe.Answer shown = probe.send(base, "GET", "/v1/" + PROJECT + "/images/" + id, null);
            if (shown.status() != 200) {
                problems.add("LOST: ShowImage of acknowledged " + path + " (" + id + ") answers " + shown.status());
            }
        });
        recentDeleted.forEach((id, path) -> {
            KillProbe.Answer shown = probe.send(base, "GET", "/v1/" + PROJECT + "/images/" + id, null);
            if (shown.status() != 400 || !shown.body().contains("ModelArts.6404")) {
                problems.add("RESURRECTED: ShowImage of deleted " + path + " (" + id + ") answers " + shown.status());
            }
        });
        int groups = checkGroups(probe, base, perGroup, problems);
        return new Check(present.size(), groups, settled, problems);
    }

    /** Each DEDICATED group's version count against the images ListImage lists in it. */
    private static int checkGroups(KillProbe probe, URI base, Map<String, Integer> perGroup, List<String> problems) {
        Map<String, Long> counted = new HashMap<>();
        long total = -1;
        for (int offset = 0; total < 0 || offset < total; offset += PAGE) {
            JsonNode page = get(probe, base, "/v1/" + PROJECT + "/images/group?type=DEDICATED&limit=" + PAGE
                    + "&offset=" + offset, problems);
            if (page == null) {
                return 0;
            }
            total = page.get("total").asLong();
            for (JsonNode group : page.get("data")) {
                String key = group.get("namespace").asText() + "/" + group.get("name").asText();
                if (counted.put(key, group.get("version_count").asLong()) != null) {
                    problems.add("group listed twice: " + key);
                }
            }
        }
        Set<String> keys = new HashSet<>(counted.keySet());
        keys.addAll(perGroup.keySet());
        for (String key : keys) {
            long versions = counted.getOrDefault(key, 0L);
            long images = perGroup.getOrDefault(key, 0);
            if (versions != images) {
                problems.add("group " + key + ": version_count " + versions + " but " + images + " images listed");
            }
        }
        return counted.size();
    }

    private static JsonNode get(KillProbe probe, URI base, String pathAndQuery, List<String> problems) {
        KillProbe.Answer answer = probe.send(base, "GET", pathAndQuery, null);
        if (answer.status() != 200) {
            problems.add("GET " + pathAndQuery + " answered " + answer.status() + " " + answer.body());
            return null;
        }
        return answer.json();
    }
}
