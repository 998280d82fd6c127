package vn.vnn.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Real PostgreSQL from the binaries that the zonky jar ships; one database per service. The data folder survives
 * restarts unless the stack was asked to start fresh.
 *
 * <p>Each database has two roles, as a deployment should: {@code <db>_owner} owns it and runs the migrations,
 * {@code <db>_app} is what the service connects as (it reads and writes the tables, only appends to the audit log and
 * the ledger: see service-kit's {@code afterMigrate.sql}). The superuser is for tools (benchmarks) only. Passwords
 * are fixed: the server listens on 127.0.0.1 only.
 */
final class PostgresServer implements Supervised {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    /** The role a service connects as. */
    static String appRole(String database) {
        return database + "_app";
    }

    /** The role that owns the database and migrates it. */
    static String ownerRole(String database) {
        return database + "_owner";
    }

    /** The local stack's password of a role of its own. */
    static String password(String role) {
        return role + "-local";
    }

    private final EmbeddedPostgres postgres;
    private final long postmaster;

    private PostgresServer(EmbeddedPostgres postgres, long postmaster) {
        this.postgres = postgres;
        this.postmaster = postmaster;
    }

    static PostgresServer start(Path dataDir, int port, List<String> databases) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir.resolve("data"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDir.resolve("binaries").toFile())
                // zonky turns durability off for speed; the stack keeps real data, so it stays on.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // Commit times of rows (pg_xact_commit_timestamp): what the benchmarks measure delays between.
                .setServerConfig("track_commit_timestamp", "on")
                .setLocaleConfig("locale", "C.UTF-8")
                // The stack stops the server itself, after the services that use it (a hook of zonky's would stop
                // it at once, in the middle of their shutdown); if this JVM dies, the watchdog below stops it.
                .setRegisterShutdownHook(false)
                .start();
        long postmaster = postmasterPid(dataDir.resolve("data"));
        Watchdog.guard(postmaster, "INT");
        PostgresServer server = new PostgresServer(postgres, postmaster);
        server.createDatabases(databases);
        return server;
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    private void createDatabases(List<String> databases) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("ALTER USER postgres PASSWORD '" + PASSWORD + "'");
            for (String database : databases) {
                if (!database.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("database name: " + database);
                }
                String owner = ownerRole(database);
                String app = appRole(database);
                try (Statement roles = connection.createStatement()) {
                    for (String role : List.of(owner, app)) {
                        roles.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role
                                + "') THEN CREATE ROLE " + role + " LOGIN; END IF; END $$");
                        roles.execute("ALTER ROLE " + role + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                                + password(role) + "'");
                    }
                }
                if (!exists(connection, database)) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + database + " OWNER " + owner
                                + " ENCODING 'UTF8' TEMPLATE template0");
                    }
                }
                try (Statement grants = connection.createStatement()) {
                    grants.execute("ALTER DATABASE " + database + " OWNER TO " + owner);
                    grants.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
                    grants.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + app);
                }
                adoptObjects(database, owner);
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Data kept from before the roles existed belongs to the superuser: it passes to the owner role. */
    private void adoptObjects(String database, String owner) throws SQLException {
        try (Connection connection = postgres.getDatabase(USER, database).getConnection();
             Statement adopt = connection.createStatement()) {
            adopt.execute("ALTER SCHEMA public OWNER TO " + owner);
            adopt.execute("""
                    DO $$
                    DECLARE o record;
                    BEGIN
                      FOR o IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                                 AND pg_get_userbyid(c.relowner) <> '%1$s'
                                 AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                                                   WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
                      LOOP
                        EXECUTE format('ALTER %%s %%I OWNER TO %1$s',
                          CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                         WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, o.relname);
                      END LOOP;
                      FOR o IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                               WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s'
                      LOOP
                        EXECUTE format('ALTER FUNCTION %%s OWNER TO %1$s', o.fn);
                      END LOOP;
                    END
                    $$""".formatted(owner));
        }
    }

    /** PostgreSQL's postmaster is started by pg_ctl, not by us: it names itself in the first line of postmaster.pid. */
    private static long postmasterPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    @Override
    public boolean isAlive() {
        return ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public long pid() {
        return postmaster;
    }

    @Override
    public String exitDescription() {
        return "stopped (postmaster " + postmaster + " is gone)";
    }

    @Override
    public String logHint() {
        return "the run command's output";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("while stopping PostgreSQL: " + e.getMessage());
        }
    }
}
