package se.omsorgsnav.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load run's client (issue 5): authenticated {@code POST /api/v1/persons/lookup} against the
 * packaged application, never MockMvc. Closed loop: {@code clients} threads, each sending its next
 * request when the last one answered, for the maximum throughput. Open loop: requests are due at a
 * fixed rate, and each latency counts from when it was due, not from when it was sent, so a stall
 * shows in the figures instead of hiding them (no coordinated omission).
 * <p>
 * {@code java -cp … se.omsorgsnav.bench.LoadClient url user password lookups.tsv closed|open clients warmupSeconds seconds [rate]}
 * The lookups file has one line per person: category, tab, personnummer.
 */
public final class LoadClient {

    /** What one run measured. */
    public record Result(String mode, int clients, double seconds, long requests, long errors, double perSecond,
                         double p50, double p95, double p99, double max) {

        public String line() {
            return String.format(Locale.ROOT, "%s clients=%d seconds=%.1f requests=%d errors=%d rps=%.1f p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms",
                    mode, clients, seconds, requests, errors, perSecond, p50, p95, p99, max);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private final URI lookup;
    private final String authorization;
    private final List<String> bodies;

    public LoadClient(String baseUrl, String username, String password, List<String> personnummer) {
        this.lookup = URI.create(baseUrl + "/api/v1/persons/lookup");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.bodies = personnummer.stream().map(p -> "{\"personalIdentityNumber\":\"" + p + "\"}").toList();
    }

    public Result closedLoop(int clients, Duration warmup, Duration duration) throws InterruptedException {
        run(clients, warmup, 0, new Recorder(3), new AtomicLong(), new AtomicLong());
        Recorder recorder = new Recorder(3);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        run(clients, duration, 0, recorder, requests, errors);
        return result("closed", clients, System.nanoTime() - started, recorder.getIntervalHistogram(), requests.get(), errors.get());
    }

    public Result openLoop(int clients, double perSecond, Duration warmup, Duration duration) throws InterruptedException {
        run(clients, warmup, perSecond, new Recorder(3), new AtomicLong(), new AtomicLong());
        Recorder recorder = new Recorder(3);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        run(clients, duration, perSecond, recorder, requests, errors);
        return result(String.format(Locale.ROOT, "open@%.0f/s", perSecond), clients, System.nanoTime() - started,
                recorder.getIntervalHistogram(), requests.get(), errors.get());
    }

    /** Rate 0: closed loop. Otherwise each client owns every clients-th slot of the schedule. */
    private void run(int clients, Duration duration, double rate, Recorder recorder, AtomicLong requests, AtomicLong errors)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(42 + client);
                long interval = rate > 0 ? (long) (1e9 * clients / rate) : 0;
                long due = start + (rate > 0 ? (long) (1e9 * client / rate) : 0);
                try {
                    while (true) {
                        long now = System.nanoTime();
                        if (rate > 0) {
                            if (due >= end) {
                                break;
                            }
                            if (due > now) {
                                java.util.concurrent.locks.LockSupport.parkNanos(due - now);
                            }
                        } else if (now >= end) {
                            break;
                        }
                        long sent = rate > 0 ? due : System.nanoTime();
                        if (!send(bodies.get(random.nextInt(bodies.size())))) {
                            errors.incrementAndGet();
                        }
                        recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                        requests.incrementAndGet();
                        due += interval;
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            thread.start();
        }
        done.await();
    }

    private boolean send(String body) {
        HttpRequest request = HttpRequest.newBuilder(lookup).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result result(String mode, int clients, long nanos, Histogram h, long requests, long errors) {
        double seconds = nanos / 1e9;
        return new Result(mode, clients, seconds, requests, errors, requests / seconds, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 8) {
            System.err.println("usage: LoadClient url user password lookups.tsv closed|open clients warmupSeconds seconds [rate]");
            System.exit(2);
        }
        List<String> pins = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            String[] parts = line.split("\t");
            if (parts.length == 2) {
                pins.add(parts[1].strip());
            }
        }
        LoadClient client = new LoadClient(args[0], args[1], args[2], pins);
        int clients = Integer.parseInt(args[5]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[6]));
        Duration duration = Duration.ofSeconds(Long.parseLong(args[7]));
        Result result = "open".equals(args[4])
                ? client.openLoop(clients, Double.parseDouble(args[8]), warmup, duration)
                : client.closedLoop(clients, warmup, duration);
        System.out.println(result.line());
    }
}
