package se.omsorgsnav.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.omsorgsnav.shared.TimeOrderedIds;

/**
 * The raw baseline of the load run (issue 5): the JDK's own HTTP server, a Hikari pool and the same
 * SQL one lookup issues (bench/ceiling.sql), with nothing of Spring. Its throughput over the
 * application's shows what the framework, security, JSON and our own code cost on top of the
 * database work. It answers the same request with the same kind of answer (full or masked), but
 * checks no password: the application remembers verified passwords, so neither pays bcrypt per call.
 * <p>
 * {@code java -cp … se.omsorgsnav.bench.RawBaseline port jdbcUrl user password poolSize}
 */
public final class RawBaseline {

    private static final Pattern PIN = Pattern.compile("\"personalIdentityNumber\"\\s*:\\s*\"([0-9]{12})\"");

    private final HikariDataSource pool;

    private RawBaseline(HikariDataSource pool) {
        this.pool = pool;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: RawBaseline port jdbcUrl user password poolSize");
            System.exit(2);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setUsername(args[2]);
        config.setPassword(args[3]);
        config.setMaximumPoolSize(Integer.parseInt(args[4]));
        config.setAutoCommit(false);
        RawBaseline baseline = new RawBaseline(new HikariDataSource(config));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 128);
        server.createContext("/api/v1/persons/lookup", baseline::lookup);
        server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        // As many threads as the application's Tomcat would use at this load; they mostly wait on the database.
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
        System.out.println("raw baseline listening on " + args[0]);
    }

    private void lookup(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher pin = PIN.matcher(body.replace("-", ""));
            String username = username(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!"POST".equals(exchange.getRequestMethod()) || !pin.find() || username == null) {
                answer(exchange, 400, "{\"title\":\"Felaktig begäran\"}");
                return;
            }
            try (Connection c = pool.getConnection()) {
                try {
                    String json = lookup(c, username, pin.group(1));
                    c.commit();
                    answer(exchange, json == null ? 404 : 200, json == null ? "{\"title\":\"Hittades inte\"}" : json);
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                answer(exchange, 500, "{\"title\":\"Tekniskt fel\"}");
            }
        }
    }

    /** The statements of bench/ceiling.sql, in the same order, in one transaction. */
    private static String lookup(Connection c, String username, String pin) throws SQLException {
        UUID userId;
        String role;
        try (PreparedStatement s = c.prepareStatement("""
                select u.id, u.username, u.full_name, u.role, u.unit_id, u.grant_right, u.password_hash, u.enabled, un.name, un.administration
                from app_user u join unit un on un.id = u.unit_id where u.username = ?""")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !rs.getBoolean("enabled")) {
                    return null;
                }
                userId = rs.getObject(1, UUID.class);
                role = rs.getString(4);
            }
        }
        UUID personId = one(c, "select id from person where personal_identity_number = ?", pin);
        if (personId == null) {
            return null;
        }
        try (PreparedStatement s = c.prepareStatement("""
                select person_id, related_person_id, kind from person_relation where person_id = ?
                union all select related_person_id, person_id, kind from person_relation where related_person_id = ?""")) {
            s.setObject(1, personId);
            s.setObject(2, personId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(2);
                }
            }
        }
        String first;
        String last;
        String level;
        String alias;
        try (PreparedStatement s = c.prepareStatement("""
                select p.id, p.personal_identity_number, p.first_name, p.last_name, p.street_address, p.postal_code, p.city, p.phone,
                       case when p.protection_level = 'LOCAL_PROTECTION' and p.local_protection_until < current_date then 'NONE' else p.protection_level end,
                       p.fictitious_name, p.date_of_death, p.local_protection_until
                from person p where p.id = ?""")) {
            s.setObject(1, personId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                first = rs.getString(3);
                last = rs.getString(4);
                level = rs.getString(9);
                alias = rs.getString(10);
            }
        }
        boolean linkedToProtected;
        try (PreparedStatement s = c.prepareStatement("""
                select r.person_id, r.related_person_id from person_relation r join person q on q.id = r.related_person_id
                 where r.person_id = ? and q.protection_level <> 'NONE'
                union all select r.related_person_id, r.person_id from person_relation r join person q on q.id = r.person_id
                 where r.related_person_id = ? and q.protection_level <> 'NONE'""")) {
            s.setObject(1, personId);
            s.setObject(2, personId);
            try (ResultSet rs = s.executeQuery()) {
                linkedToProtected = rs.next();
            }
        }
        boolean authorised;
        try (PreparedStatement s = c.prepareStatement("""
                select distinct person_id from case_authorization where user_id = ? and person_id = ?
                   and revoked_at is null and valid_from <= current_date and valid_to >= current_date""")) {
            s.setObject(1, userId);
            s.setObject(2, personId);
            try (ResultSet rs = s.executeQuery()) {
                authorised = rs.next() && !"FEE_OFFICER".equals(role);
            }
        }
        UUID event = TimeOrderedIds.next();
        try (PreparedStatement s = c.prepareStatement("""
                insert into audit_event (id, occurred_at, actor_user_id, actor_username, actor_role, actor_unit_id, person_id, case_id,
                                         action, purpose, outcome, client_address)
                values (?, now(), ?, ?, ?, null, ?, null, 'VIEW', 'API_LOOKUP', 'ALLOWED', '127.0.0.1')""")) {
            s.setObject(1, event);
            s.setObject(2, userId);
            s.setString(3, username);
            s.setString(4, role);
            s.setObject(5, personId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("insert into audit_pending (event_id) values (?)")) {
            s.setObject(1, event);
            s.executeUpdate();
        }
        boolean locked = !"NONE".equals(level) || linkedToProtected;
        if (locked && !authorised) {
            return "{\"id\":\"" + personId + "\",\"masked\":true,\"birthYear\":\"" + pin.substring(0, 4) + "\",\"alias\":"
                    + (alias == null ? "null" : "\"" + alias + "\"") + "}";
        }
        return "{\"id\":\"" + personId + "\",\"masked\":false,\"personalIdentityNumber\":\"" + pin + "\",\"firstName\":\"" + first
                + "\",\"lastName\":\"" + last + "\",\"protectionLevel\":\"" + level + "\"}";
    }

    private static UUID one(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    private static String username(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : decoded.substring(0, colon);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
