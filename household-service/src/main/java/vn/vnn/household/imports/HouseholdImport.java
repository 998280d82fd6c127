package vn.vnn.household.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A bulk import of households: the file as uploaded and how far its processing got. */
@Entity
@Table(name = "household_import")
public class HouseholdImport extends PanacheEntityBase {

    public enum Status { QUEUED, RUNNING, COMPLETED, FAILED }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "file_name")
    public String fileName;
    @Enumerated(EnumType.STRING)
    public TabularFile.Format format;
    /** The uploaded file, gzip-compressed (CSV shrinks about eightfold); loaded only by the worker. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;
    @Column(name = "content_sha256")
    public String contentSha256;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "scope_unrestricted")
    public boolean scopeUnrestricted;
    /** Comma-separated area codes of the uploader's token. */
    @Column(name = "scope_area_codes")
    public String scopeAreaCodes;
    /** Which existing households the uploader may be told about (AreaScope, encoded). */
    @Column(name = "read_scope")
    public String readScope;
    /** When the uploaded file was deleted (kept only as long as needed); the job, report and hash stay. */
    @Column(name = "content_deleted_at")
    public OffsetDateTime contentDeletedAt;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    /** Data rows in the file (the header not counted); known once the worker has counted them. */
    @Column(name = "rows_total")
    public Integer rowsTotal;
    /** The last spreadsheet row number whose household has been decided (created, unchanged or rejected). */
    @Column(name = "rows_done")
    public int rowsDone;
    @Column(name = "households_created")
    public int householdsCreated;
    @Column(name = "households_unchanged")
    public int householdsUnchanged;
    @Column(name = "households_rejected")
    public int householdsRejected;
    public String failure;
    @Version
    public long version;

    /** Keeps the uploaded file gzip-compressed (about a sixth of a CSV's size), read from disk as a stream. */
    public void store(java.nio.file.Path file) {
        java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream(1 << 16);
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(compressed, 1 << 16)) {
            java.nio.file.Files.copy(file, gzip);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        content = compressed.toByteArray();
    }

    /** The uploaded file as it was sent. */
    public java.io.InputStream file() {
        return decompress(content);
    }

    public static java.io.InputStream decompress(byte[] content) {
        try {
            return new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(content), 1 << 16);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Set<String> areaCodes() {
        return scopeAreaCodes.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(scopeAreaCodes.split(",")));
    }

}
