import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Two instances over one database: how long after a registration is answered by instance A
 * does instance B's group listing show it? Registers COUNT new groups on A, one at a time, and
 * after each polls B (no pause between polls) until the group is listed.
 * {@code java bench/Visibility.java A_BASE_URL B_BASE_URL TOKEN PROJECT COUNT}; prints
 * "p50_ms p99_ms max_ms stale": the delays, and how many writes B's first read after the answer
 * did not show (0 when reads are exact across instances).
 */
public class Visibility {

    public static void main(String[] args) throws Exception {
        URI a = URI.create(args[0]);
        URI b = URI.create(args[1]);
        String token = args[2];
        String project = args[3];
        int count = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long run = System.currentTimeMillis();
        double[] delays = new double[count];
        int stale = 0;
        for (int i = 0; i < count; i++) {
            String name = "visible-" + run + "-" + i;
            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(a.resolve("/v1/" + project + "/images"))
                    .header("X-Auth-Token", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"swr_path\":\"swr.cn-north-4.myhuaweicloud.com/bench/" + name + ":v1\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (registered.statusCode() != 200) {
                throw new IllegalStateException("register: " + registered.statusCode() + " " + registered.body());
            }
            long answered = System.nanoTime();
            HttpRequest poll = HttpRequest.newBuilder(b.resolve("/v1/" + project + "/images/group?name=" + name
                    + "&name_fuzzy_match=false")).header("X-Auth-Token", token).build();
            boolean first = true;
            while (!http.send(poll, HttpResponse.BodyHandlers.ofString()).body().contains("\"total\":1")) {
                stale += first ? 1 : 0;
                first = false;
                if (System.nanoTime() - answered > 30_000_000_000L) {
                    throw new IllegalStateException(name + " not visible on " + b + " after 30 s");
                }
            }
            delays[i] = (System.nanoTime() - answered) / 1e6;
        }
        Arrays.sort(delays);
        System.out.printf("%.2f %.2f %.2f %d%n", delays[count / 2], delays[(int) Math.ceil(count * 0.99) - 1],
                delays[count - 1], stale);
    }
}
