import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault campaign's load client (issue 15): N concurrent writers through the API, each as its
 * own harness users, every creating call with an idempotency key, while faults/faults.sh kills the
 * application and stops PostgreSQL. A request that meets a connection error, a 5xx or a 401 (what
 * today's application answers while its database is away) is sent again, unchanged and with the
 * same key, until the application answers: that retry is what tests for duplicates. Every 2xx is
 * written to the ledger, one line per acknowledged write, before the writer goes on; the checker
 * (faults/check.sql) then looks for each one in the database.
 *
 * java faults/Client.java BASE_URL FIXTURES LEDGER WRITERS STOP_FILE SEED
 *
 * JDK only (java.net.http), run as a single-file program. Ledger columns (tab-separated):
 * writer, kind, idempotency key, id (case number for cases, allocation id for offers and answers),
 * HTTP status, attempts, whether a retry answered it.
 */
public class Client {

    enum Kind { MESSAGE, CASE, DECISION, ALLOCATION, OFFER, ANSWER, GRANT, DEVIATION }

    static final String PASSWORD = "Bench2026!";
    /** The home-care planners faults/seed.sql makes (faults-hp1..20), who receive the grants. */
    static final int PLANNERS = 20;
    static final Duration GIVE_UP = Duration.ofSeconds(120);
    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    static final Pattern ID = Pattern.compile("\"(?:id|caseNumber)\"\\s*:\\s*\"([^\"]+)\"");

    record Apartment(String id, String profile, int home) {}

    record Fixtures(String authorityUnit, Map<Integer, String> officers, List<String> persons, List<Apartment> apartments) {}

    /** Counts for the summary line, per kind. */
    static final Map<Kind, AtomicLong> ACKNOWLEDGED = new EnumMap<>(Kind.class);
    static final AtomicLong RETRIED_ACK = new AtomicLong();
    static final AtomicLong AMBIGUOUS = new AtomicLong();
    static final AtomicLong REJECTED = new AtomicLong();
    static final AtomicLong GAVE_UP = new AtomicLong();
    static final AtomicLong UNAUTHORISED = new AtomicLong();
    static final AtomicLong FAILED_ATTEMPTS = new AtomicLong();
    static final Map<String, AtomicLong> REJECTIONS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: java faults/Client.java BASE_URL FIXTURES LEDGER WRITERS STOP_FILE SEED");
            System.exit(2);
        }
        String base = args[0];
        Fixtures fixtures = read(Path.of(args[1]));
        int writers = Integer.parseInt(args[3]);
        Path stop = Path.of(args[4]);
        long seed = Long.parseLong(args[5]);
        for (Kind k : Kind.values()) {
            ACKNOWLEDGED.put(k, new AtomicLong());
        }
        try (PrintWriter ledger = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
            List<Thread> threads = new ArrayList<>();
            for (int w = 1; w <= writers; w++) {
                Writer writer = new Writer(w, writers, base, fixtures, ledger, stop, new Random(seed * 1000 + w));
                Thread t = new Thread(writer::run, "writer-" + w);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        long total = ACKNOWLEDGED.values().stream().mapToLong(AtomicLong::get).sum();
        StringBuilder kinds = new StringBuilder();
        ACKNOWLEDGED.forEach((k, n) -> kinds.append(' ').append(k.name().toLowerCase()).append('=').append(n.get()));
        System.out.println("load writers=" + writers + " acknowledged=" + total + " acknowledged-after-retry=" + RETRIED_ACK.get()
                + " failed-attempts=" + FAILED_ATTEMPTS.get() + " answered-401=" + UNAUTHORISED.get() + " ambiguous=" + AMBIGUOUS.get()
                + " rejected=" + REJECTED.get() + " gave-up=" + GAVE_UP.get() + kinds);
        REJECTIONS.forEach((what, n) -> System.out.println("rejection " + n.get() + "x " + what));
    }

    static Fixtures read(Path file) throws IOException {
        String unit = null;
        Map<Integer, String> officers = new ConcurrentHashMap<>();
        List<String> persons = new ArrayList<>();
        List<Apartment> apartments = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "unit" -> unit = f[1];
                case "officer" -> officers.put(Integer.parseInt(f[1]), f[2]);
                case "person" -> persons.add(f[1]);
                case "apartment" -> apartments.add(new Apartment(f[1], f[2], Integer.parseInt(f[3])));
                default -> throw new IllegalArgumentException("fixture line: " + line);
            }
        }
        return new Fixtures(unit, officers, persons, apartments);
    }

    /** One writer: its own users, its own share of persons and apartments, its own chain of placement steps. */
    static final class Writer {

        private final int w;
        private final String base;
        private final Fixtures fixtures;
        private final PrintWriter ledger;
        private final Path stop;
        private final Random random;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        private final String runTag;

        private final Deque<String> persons = new ArrayDeque<>();
        private final Map<String, Deque<Apartment>> apartments = Map.of("SOMATIC", new ArrayDeque<>(), "DEMENTIA", new ArrayDeque<>());
        /** Cases without a decision yet. */
        private final Deque<String> undecided = new ArrayDeque<>();
        /** Every case opened, for grants. */
        private final List<String> cases = new ArrayList<>();
        /** Per case the planners granted so far: each grant names a (case, planner) pair never granted before. */
        private final Map<String, Integer> granted = new java.util.HashMap<>();
        private int grants;
        private final Deque<String[]> decisions = new ArrayDeque<>(); // id, profile
        private final Deque<String[]> toOffer = new ArrayDeque<>(); // allocation id, home
        private final Deque<String[]> toAnswer = new ArrayDeque<>();
        private long sequence;

        Writer(int w, int writers, String base, Fixtures fixtures, PrintWriter ledger, Path stop, Random random) {
            this.w = w;
            this.base = base;
            this.fixtures = fixtures;
            this.ledger = ledger;
            this.stop = stop;
            this.random = random;
            this.runTag = Long.toString(Math.abs(random.nextLong()) % (36L * 36 * 36 * 36 * 36), 36);
            for (int i = 0; i < fixtures.persons().size(); i++) {
                if (i % writers == w - 1) {
                    persons.add(fixtures.persons().get(i));
                }
            }
            for (int i = 0; i < fixtures.apartments().size(); i++) {
                if (i % writers == w - 1) {
                    Apartment a = fixtures.apartments().get(i);
                    apartments.get(a.profile()).add(a);
                }
            }
        }

        void run() {
            while (!Files.exists(stop)) {
                try {
                    step();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void step() throws InterruptedException {
            List<Kind> possible = new ArrayList<>();
            add(possible, Kind.MESSAGE, 4);
            add(possible, Kind.CASE, 2);
            add(possible, Kind.DEVIATION, 1);
            if (!undecided.isEmpty()) {
                add(possible, Kind.DECISION, 2);
            }
            if (!decisions.isEmpty()) {
                add(possible, Kind.ALLOCATION, 2);
            }
            if (!toOffer.isEmpty()) {
                add(possible, Kind.OFFER, 2);
            }
            if (!toAnswer.isEmpty()) {
                add(possible, Kind.ANSWER, 2);
            }
            if (!cases.isEmpty() && grants < cases.size() * PLANNERS) {
                add(possible, Kind.GRANT, 1);
            }
            Kind kind = possible.get(random.nextInt(possible.size()));
            String key = "fk-" + runTag + "-" + w + "-" + (++sequence);
            String marker = "Felprov " + key;
            LocalDate today = LocalDate.now(ZONE);
            switch (kind) {
                case MESSAGE -> send(kind, key, "faults-bh" + w, "/api/v1/messages", json("idempotencyKey", key, "type", "FREE_TEXT",
                        "subject", marker, "body", "Ett meddelande från felprovet.", "!recipientUsers", "[\"faults-bosam" + w + "\"]"));
                case CASE -> {
                    String person = persons.poll();
                    persons.add(person);
                    String number = send(kind, key, "faults-bh" + w, "/api/v1/cases", json("idempotencyKey", key, "personId", person,
                            "unitId", fixtures.authorityUnit(), "caseOfficerId", fixtures.officers().get(w), "subject", marker));
                    if (number != null) {
                        undecided.add(number);
                        cases.add(number);
                    }
                }
                case DEVIATION -> send(kind, key, "faults-bh" + w, "/api/v1/deviations", cases.isEmpty() || random.nextBoolean()
                        ? json("idempotencyKey", key, "description", marker)
                        : json("idempotencyKey", key, "caseNumber", cases.get(random.nextInt(cases.size())), "description", marker));
                case DECISION -> {
                    String number = undecided.poll();
                    String profile = random.nextBoolean() ? "SOMATIC" : "DEMENTIA";
                    String id = send(kind, key, "faults-bh" + w, "/api/v1/placement/decisions", json("idempotencyKey", key, "caseNumber", number,
                            "careProfile", profile, "decidedOn", today.minusDays(1).toString(), "currentResidence", "OWN_HOME",
                            "!coResident", "false", "wishes", marker));
                    if (id != null) {
                        decisions.add(new String[] {id, profile});
                    }
                }
                case ALLOCATION -> {
                    String[] decision = decisions.poll();
                    Apartment apartment = apartments.get(decision[1]).poll();
                    if (apartment == null) {
                        return; // this writer's apartments of that profile are used up
                    }
                    String id = send(kind, key, "faults-bosam" + w, "/api/v1/placement/allocations", json("idempotencyKey", key,
                            "decisionId", decision[0], "apartmentId", apartment.id(), "offerMaker", "UNIT_MANAGER"));
                    if (id != null) {
                        toOffer.add(new String[] {id, Integer.toString(apartment.home())});
                    }
                }
                case OFFER -> {
                    String[] allocation = toOffer.poll();
                    if (send(kind, key, "faults-ec" + allocation[1], "/api/v1/placement/allocations/" + allocation[0] + "/offer",
                            json("idempotencyKey", key, "offeredOn", today.minusDays(1).toString()), allocation[0]) != null) {
                        toAnswer.add(allocation);
                    }
                }
                case ANSWER -> {
                    String[] allocation = toAnswer.poll();
                    send(kind, key, "faults-ec" + allocation[1], "/api/v1/placement/allocations/" + allocation[0] + "/answer",
                            json("idempotencyKey", key, "answer", "ACCEPT", "answeredOn", today.minusDays(1).toString(),
                                    "moveInOn", today.plusDays(1).toString()), allocation[0]);
                }
                case GRANT -> {
                    List<String> open = cases.stream().filter(c -> granted.getOrDefault(c, 0) < PLANNERS).toList();
                    String number = open.get(random.nextInt(open.size()));
                    String planner = "faults-hp" + granted.merge(number, 1, Integer::sum);
                    grants++;
                    send(kind, key, "faults-lvs" + w, "/api/v1/cases/" + number + "/authorizations", json("idempotencyKey", key,
                            "username", planner, "validFrom", today.toString(), "validTo", today.plusDays(30).toString()));
                }
            }
        }

        private static void add(List<Kind> possible, Kind kind, int weight) {
            for (int i = 0; i < weight; i++) {
                possible.add(kind);
            }
        }

        private String send(Kind kind, String key, String user, String path, String body) throws InterruptedException {
            return send(kind, key, user, path, body, null);
        }

        /**
         * Sends until the application answers something other than a connection error, 5xx, 401 or
         * 429; returns the id (or the given one for a 2xx without a body), or null if not acknowledged.
         */
        private String send(Kind kind, String key, String user, String path, String body, String knownId) throws InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long started = System.nanoTime();
            int attempts = 0;
            while (true) {
                attempts++;
                int status;
                String answer;
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    answer = response.body();
                } catch (IOException e) {
                    status = -1;
                    answer = e.toString();
                }
                if (status >= 200 && status < 300) {
                    String id = knownId;
                    if (id == null) {
                        Matcher m = ID.matcher(answer);
                        id = m.find() ? m.group(1) : "";
                    }
                    ACKNOWLEDGED.get(kind).incrementAndGet();
                    if (attempts > 1) {
                        RETRIED_ACK.incrementAndGet();
                    }
                    synchronized (ledger) {
                        ledger.println(w + "\t" + kind.name().toLowerCase() + "\t" + key + "\t" + id + "\t" + status + "\t" + attempts + "\t"
                                + (attempts > 1));
                        ledger.flush();
                    }
                    return id;
                }
                boolean retry = status == -1 || status >= 500 || status == 401 || status == 429;
                if (!retry) {
                    if (attempts > 1) {
                        // The first attempt may have committed and lost its answer: the write is not acknowledged
                        // (the checker does not look for it), and what the application said is counted.
                        AMBIGUOUS.incrementAndGet();
                        REJECTIONS.computeIfAbsent(kind.name().toLowerCase() + " after retry " + status + " " + excerpt(answer), x -> new AtomicLong())
                                .incrementAndGet();
                    } else {
                        REJECTED.incrementAndGet();
                        REJECTIONS.computeIfAbsent(kind.name().toLowerCase() + " " + status + " " + excerpt(answer), x -> new AtomicLong())
                                .incrementAndGet();
                    }
                    return null;
                }
                FAILED_ATTEMPTS.incrementAndGet();
                if (status == 401) {
                    UNAUTHORISED.incrementAndGet();
                }
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(GIVE_UP) > 0) {
                    GAVE_UP.incrementAndGet();
                    return null;
                }
                Thread.sleep(200);
            }
        }
    }

    static String excerpt(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        Matcher detail = Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"").matcher(oneLine);
        if (detail.find()) {
            return detail.group(1);
        }
        return oneLine.length() > 120 ? oneLine.substring(0, 120) : oneLine;
    }

    /** A flat JSON object; a name starting with "!" takes its value as raw JSON. */
    static String json(String... pairs) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            boolean raw = pairs[i].startsWith("!");
            b.append('"').append(raw ? pairs[i].substring(1) : pairs[i]).append("\":");
            b.append(raw ? pairs[i + 1] : "\"" + pairs[i + 1].replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return b.append('}').toString();
    }
}
