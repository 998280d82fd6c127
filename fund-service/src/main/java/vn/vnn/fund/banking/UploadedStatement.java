package vn.vnn.fund.banking;

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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A bank statement file uploaded for one of a fund's accounts (sao kê ngân hàng) and its processing: QUEUED with its
 * file, RUNNING while it is read and matched, then DONE, or REJECTED when it cannot be taken (unreadable, another
 * account's, unbalanced, a statement number already imported), or FAILED when the service could not finish it.
 */
@Entity
@Table(name = "bank_statement")
public class UploadedStatement extends PanacheEntityBase {

    public enum Status { QUEUED, RUNNING, DONE, REJECTED, FAILED }

    @Id
    public UUID id;
    @Column(name = "bank_account_id")
    public UUID bankAccountId;
    @Column(name = "fund_id")
    public UUID fundId;
    /** MT940, CAMT053, or CSV / XLSX with the bank's column profile ("CSV:vietcombank"). */
    public String format;
    @Column(name = "file_name")
    public String fileName;
    /** The file as uploaded; dropped once the statement is done or refused. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;
    @Column(name = "content_sha256")
    public String contentSha256;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "statement_number")
    public String statementNumber;
    @Column(name = "opened_on")
    public LocalDate openedOn;
    @Column(name = "opening_balance_vnd")
    public Long openingBalanceVnd;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "closing_balance_vnd")
    public Long closingBalanceVnd;
    @Column(name = "line_count")
    public Integer lineCount;
    @Column(name = "lines_stored")
    public int linesStored;
    public int matched;
    public int suggested;
    public int unmatched;
    public int ignored;
    public String failure;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    public int attempts;
    @Version
    public long version;
}
