package vn.vnn.fund.banking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.vnn.fund.campaigns.Pledge;
import vn.vnn.fund.disbursements.Disbursement;
import vn.vnn.fund.donations.Donation;
import vn.vnn.fund.donations.DonationEntry;
import vn.vnn.fund.donations.DonationKind;
import vn.vnn.fund.donations.DonationService;
import vn.vnn.fund.donations.PaymentChannel;
import vn.vnn.fund.donors.Donor;
import vn.vnn.fund.donors.DonorRef;
import vn.vnn.fund.donors.DonorType;
import vn.vnn.fund.funds.BankAccount;
import vn.vnn.fund.funds.CashHolding;
import vn.vnn.fund.funds.ClosedPeriods;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.funds.FundScope;
import vn.vnn.kit.Ids;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.sql.CopyIn;
import vn.vnn.kit.sql.TableOwner;
import vn.vnn.kit.time.VietnamClock;
import vn.vnn.kit.upload.RowError;
import vn.vnn.kit.upload.UploadedFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bank statements into the fund (nhập sao kê): an upload is queued in the request; the {@link StatementImportWorker}
 * reads it, refuses it unless it is this account's and its lines explain its balances, stores its lines with what
 * {@link StatementMatching} made of them, and records the donation of each line that carried an intent's reference.
 * The same file for the same account is the same statement, and a statement number is taken once per account.
 */
@ApplicationScoped
@TableOwner({"bank_statement", "bank_statement_line", "bank_statement_error"})
public class StatementImports {

    /** Fired when a statement has been queued; the worker starts once the transaction has committed. */
    public record Queued(UUID statementId) {
    }

    /** An upload's statement, and whether this upload queued it (false: the same file was sent before). */
    public record Submitted(UploadedStatement statement, boolean queued) {
    }

    /** A statement with the number of errors its report holds. */
    public record Imported(UploadedStatement statement, long errorCount) {
    }

    private static final Pattern ROW = Pattern.compile("^row (\\d+)");
    /** Who records the donations of lines that carried a reference code. */
    static final String WORKER = "bank-statement";

    private final FundScope scope;
    private final AuditLog audit;
    private final VietnamClock clock;
    private final EntityManager entityManager;
    private final CopyIn copy;
    private final DonationService donations;
    private final AccountCash cash;
    private final ClosedPeriods closedPeriods;
    private final Event<Queued> queued;

    StatementImports(FundScope scope, AuditLog audit, VietnamClock clock, EntityManager entityManager, CopyIn copy,
                     DonationService donations, AccountCash cash, ClosedPeriods closedPeriods,
                     Event<Queued> queued) {
        this.cash = cash;
        this.closedPeriods = closedPeriods;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.entityManager = entityManager;
        this.copy = copy;
        this.donations = donations;
        this.queued = queued;
    }

    /** Queues a statement file for one of the caller's funds' accounts; the same file again returns its statement. */
    @Transactional
    public Submitted submit(UUID bankAccountId, StatementFiles.Format format, String fileName, UploadedFile file,
                            String actor) {
        BankAccount account = account(bankAccountId);
        if (file.isEmpty()) {
            throw ProblemException.invalid("file", "is empty");
        }
        Optional<UploadedStatement> same = UploadedStatement.<UploadedStatement>find(
                "bankAccountId = ?1 and contentSha256 = ?2 and status not in ?3", account.id, file.sha256(),
                List.of(UploadedStatement.Status.REJECTED, UploadedStatement.Status.FAILED)).firstResultOptional();
        if (same.isPresent()) {
            return new Submitted(same.get(), false);
        }
        UploadedStatement statement = new UploadedStatement();
        statement.id = Ids.newId();
        statement.bankAccountId = account.id;
        statement.fundId = account.fundId;
        statement.format = format.code();
        statement.fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
        try {
            statement.content = Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        statement.contentSha256 = file.sha256();
        statement.status = UploadedStatement.Status.QUEUED;
        statement.submittedBy = actor;
        statement.submittedAt = clock.now();
        statement.persist();
        audit.record("BANK_STATEMENT", statement.id, "SUBMITTED", actor, statement.format + " file of "
                + file.size() + " bytes, sha256 " + file.sha256() + ", account " + account.accountNumber);
        queued.fire(new Queued(statement.id));
        return new Submitted(statement, true);
    }

    @Transactional
    public Imported get(UUID bankAccountId, UUID statementId) {
        UploadedStatement statement = statement(bankAccountId, statementId);
        return new Imported(statement, errorCount(statement.id));
    }

    /** The account's statements, newest upload first. */
    @Transactional
    public Page<UploadedStatement> list(UUID bankAccountId, PageRequest page) {
        BankAccount account = account(bankAccountId);
        long total = UploadedStatement.count("bankAccountId", account.id);
        List<UploadedStatement> items = UploadedStatement.<UploadedStatement>find(
                        "bankAccountId = ?1 order by submittedAt desc, id", account.id)
                .page(page.page(), page.size()).list();
        return Page.of(items, page, total);
    }

    /** Why a statement was refused: by row where the file has rows; never a cell's value. */
    @Transactional
    public List<RowError> errors(UUID bankAccountId, UUID statementId) {
        UploadedStatement statement = statement(bankAccountId, statementId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT row_no, field, message FROM bank_statement_error WHERE statement_id = ?1
                        ORDER BY seq""").setParameter(1, statement.id).getResultList();
        return rows.stream().map(r -> new RowError(r[0] == null ? 0 : ((Number) r[0]).intValue(), (String) r[1],
                (String) r[2])).toList();
    }

    /** A statement's lines in file order, all of them or those of one outcome. */
    @Transactional
    public Page<StatementLine> lines(UUID bankAccountId, UUID statementId, StatementMatching.Outcome outcome,
                                     PageRequest page) {
        UploadedStatement statement = statement(bankAccountId, statementId);
        String where = outcome == null ? "statementId = ?1" : "statementId = ?1 and outcome = ?2";
        Object[] params = outcome == null ? new Object[]{statement.id} : new Object[]{statement.id, outcome};
        long total = StatementLine.count(where, params);
        List<StatementLine> items = StatementLine.<StatementLine>find(where + " order by lineNo", params)
                .page(page.page(), page.size()).list();
        return Page.of(items, page, total);
    }

    // ---- the worker's steps, each its own transaction ----

    /** Attempts at a statement before it is failed (a file that stops the service must not do so in a loop). */
    static final int MAX_ATTEMPTS = 3;

    /** Takes the oldest queued statement, or one whose worker stopped beating. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UUID> claimNext() {
        return vn.vnn.kit.jobs.JobQueue.claimNext(entityManager, "bank_statement", MAX_ATTEMPTS,
                "importing this statement", "content = NULL");
    }

    /**
     * Reads the statement, checks it and stores its matched lines, all in one transaction; false when it was
     * refused. A statement whose lines are already stored (a run taken over after a crash) is not read again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean readAndMatch(UUID statementId) {
        UploadedStatement statement = entityManager.find(UploadedStatement.class, statementId,
                LockModeType.PESSIMISTIC_WRITE);
        if (statement.lineCount != null) {
            return true;
        }
        BankAccount account = BankAccount.findById(statement.bankAccountId);
        BankStatement read;
        try {
            read = StatementFiles.read(StatementFiles.Format.ofCode(statement.format), statement.content,
                    account.accountNumber);
            refusal(read, account, statement).ifPresent(reason -> {
                throw new BankStatement.Unreadable(reason);
            });
        } catch (BankStatement.Unreadable e) {
            reject(statement, e.getMessage());
            return false;
        } catch (ArithmeticException e) {
            reject(statement, "the amounts add up past what a balance can hold");
            return false;
        }
        statement.statementNumber = read.statementNumber();
        statement.openedOn = read.openedOn();
        statement.openingBalanceVnd = read.openingBalanceVnd();
        statement.closedOn = read.closedOn();
        statement.closingBalanceVnd = read.closingBalanceVnd();
        statement.lineCount = read.lines().size();
        List<StatementMatching.Decision> decisions = StatementMatching.match(read.lines(),
                openIntents(account), unmatchedDonations(account, read), unmatchedPayments(account));
        List<StatementLine> lines = new ArrayList<>(read.lines().size());
        for (int i = 0; i < read.lines().size(); i++) {
            lines.add(line(statement, read.lines().get(i), decisions.get(i)));
        }
        copy.insert(StatementLine.class, lines);
        statement.linesStored = lines.size();
        statement.heartbeatAt = clock.now();
        return true;
    }

    /** The lines that carried an intent's reference and have no donation yet (nor a reason why not). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> intentLinesWithoutDonation(UUID statementId) {
        return StatementLine.<StatementLine>find("statementId = ?1 and intentId is not null and donationId is null "
                + "and outcome = ?2 order by lineNo", statementId, StatementMatching.Outcome.MATCHED)
                .stream().map(line -> line.id).toList();
    }

    /**
     * Records the donation of a line that carried an intent's reference: the intent's campaign or pledge, the
     * payer's name as the bank gives it (or an anonymous gift when it gives none), the line's bank reference, held
     * in the statement's account. Run again for the same line it does nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordIntentDonation(UUID lineId) {
        StatementLine line = entityManager.find(StatementLine.class, lineId, LockModeType.PESSIMISTIC_WRITE);
        if (line.donationId != null || line.intentId == null) {
            return;
        }
        DonationIntent intent = DonationIntent.findById(line.intentId);
        Fund fund = Fund.findById(intent.fundId);
        Pledge pledge = intent.pledgeId == null ? null : Pledge.findById(intent.pledgeId);
        Donor donor = pledge == null ? null : Donor.findById(pledge.donorId);
        boolean named = line.counterpartyName != null;
        DonationEntry entry = new DonationEntry(donor != null ? null : new DonorRef(named
                ? line.counterpartyName : Donation.ANONYMOUS_NAME, DonorType.INDIVIDUAL), DonationKind.CASH,
                line.amountVnd, line.bookedOn, fund.areaCode, !named && donor == null,
                "VietQR " + intent.referenceCode, PaymentChannel.BANK_TRANSFER, line.bankReference, null,
                intent.campaignId, intent.pledgeId, null, line.bankAccountId);
        line.donationId = donations.recordTransfer(entry, fund, donor, WORKER).donation().id;
        line.decidedBy = WORKER;
        line.decidedAt = clock.now();
    }

    /** The lines matched by a recorded bank reference, whose donation's cash may still need placing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> bankReferenceLines(UUID statementId) {
        return StatementLine.<StatementLine>find("statementId = ?1 and matchedBy = ?2 and decidedAt is null "
                + "order by lineNo", statementId, StatementMatching.By.BANK_REFERENCE.name())
                .stream().map(line -> line.id).toList();
    }

    /**
     * Donations matched by their bank reference have their cash placed in the statement's account, a chunk of lines
     * in one transaction; a donation of a closed month keeps its holding and its line says why.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void placeMatchedCash(List<UUID> lineIds) {
        java.util.Map<UUID, java.util.Set<java.time.YearMonth>> closed = new HashMap<>();
        for (UUID lineId : lineIds) {
            StatementLine line = entityManager.find(StatementLine.class, lineId, LockModeType.PESSIMISTIC_WRITE);
            if (line.decidedAt != null) {
                continue;
            }
            Donation donation = entityManager.find(Donation.class, line.donationId, LockModeType.PESSIMISTIC_WRITE);
            boolean monthClosed = closed.computeIfAbsent(donation.fundId, fund -> closedPeriods.list(fund).stream()
                    .map(ClosedPeriods.ClosedPeriod::month).collect(java.util.stream.Collectors.toSet()))
                    .contains(java.time.YearMonth.from(donation.receivedOn));
            if (monthClosed && !CashHolding.bank(line.bankAccountId).equals(donation.cashHolding())) {
                line.note = "the donation's month is closed: its cash stays where it was recorded";
            } else {
                cash.place(donation, line, WORKER);
            }
            line.decidedBy = WORKER;
            line.decidedAt = clock.now();
        }
    }

    /** A line whose intent's donation could not be recorded is left for an officer, with the reason. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void leaveForOfficer(UUID lineId, String reason) {
        StatementLine line = StatementLine.findById(lineId);
        line.outcome = StatementMatching.Outcome.UNMATCHED;
        line.note = clip("reference " + DonationIntent.<DonationIntent>findById(line.intentId).referenceCode
                + " found, but its donation could not be recorded: " + reason, 500);
        line.intentId = null;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void beat(UUID statementId) {
        entityManager.createNativeQuery("UPDATE bank_statement SET heartbeat_at = now() WHERE id = ?1")
                .setParameter(1, statementId).executeUpdate();
    }

    /** The statement is done: its outcomes counted, its file dropped. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UploadedStatement finish(UUID statementId) {
        UploadedStatement statement = UploadedStatement.findById(statementId);
        @SuppressWarnings("unchecked")
        List<Object[]> counts = entityManager.createNativeQuery("""
                        SELECT outcome, count(*) FROM bank_statement_line WHERE statement_id = ?1 GROUP BY outcome""")
                .setParameter(1, statementId).getResultList();
        Map<String, Integer> byOutcome = new HashMap<>();
        counts.forEach(r -> byOutcome.put((String) r[0], ((Number) r[1]).intValue()));
        statement.matched = byOutcome.getOrDefault("MATCHED", 0);
        statement.suggested = byOutcome.getOrDefault("SUGGESTED", 0);
        statement.unmatched = byOutcome.getOrDefault("UNMATCHED", 0);
        statement.ignored = byOutcome.getOrDefault("IGNORED", 0);
        statement.status = UploadedStatement.Status.DONE;
        statement.content = null;
        statement.finishedAt = clock.now();
        audit.record("BANK_STATEMENT", statement.id, "IMPORTED", WORKER, "statement " + statement.statementNumber
                + ", " + statement.lineCount + " lines: " + statement.matched + " matched, " + statement.suggested
                + " suggested, " + statement.unmatched + " unmatched, " + statement.ignored + " ignored");
        return statement;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(UUID statementId, String reason) {
        UploadedStatement statement = UploadedStatement.findById(statementId);
        if (statement != null && statement.status == UploadedStatement.Status.RUNNING) {
            statement.status = UploadedStatement.Status.FAILED;
            statement.failure = clip(reason, 1000);
            statement.content = null;
            statement.finishedAt = clock.now();
        }
    }

    /** Why a readable statement is still refused, if it is. */
    private static Optional<String> refusal(BankStatement read, BankAccount account, UploadedStatement statement) {
        if (read.accountNumber() != null && !sameAccount(read.accountNumber(), account.accountNumber)) {
            return Optional.of("the statement is of account " + read.accountNumber() + ", not of "
                    + account.accountNumber);
        }
        long off = read.unbalancedBy();
        if (off != 0) {
            return Optional.of("opening balance " + read.openingBalanceVnd() + " plus the lines does not make the "
                    + "closing balance " + read.closingBalanceVnd() + " (off by " + off + " đồng)");
        }
        if (read.statementNumber() == null || read.statementNumber().isBlank()) {
            return Optional.of("the statement has no number");
        }
        if (read.statementNumber().length() > 35) {
            return Optional.of("the statement number is longer than 35 characters");
        }
        return UploadedStatement.<UploadedStatement>find("bankAccountId = ?1 and statementNumber = ?2 and status = ?3",
                        account.id, read.statementNumber(), UploadedStatement.Status.DONE).firstResultOptional()
                .filter(done -> !done.id.equals(statement.id))
                .map(done -> "statement " + read.statementNumber() + " of this account was imported already ("
                        + done.id + ")");
    }

    /** The same account, written with or without a bank's prefix, spaces or dashes. */
    static boolean sameAccount(String onStatement, String registered) {
        String a = onStatement.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
        String b = registered.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
        return a.equals(b) || a.endsWith(b) && !b.isEmpty();
    }

    private void reject(UploadedStatement statement, String reason) {
        statement.status = UploadedStatement.Status.REJECTED;
        statement.failure = clip(reason, 1000);
        statement.content = null;
        statement.finishedAt = clock.now();
        Matcher row = ROW.matcher(reason);
        entityManager.createNativeQuery("""
                        INSERT INTO bank_statement_error (statement_id, seq, row_no, field, message)
                        VALUES (?1, 1, ?2, NULL, ?3)""")
                .setParameter(1, statement.id).setParameter(2, row.find() ? Integer.valueOf(row.group(1)) : null)
                .setParameter(3, clip(reason, 1000)).executeUpdate();
        audit.record("BANK_STATEMENT", statement.id, "REJECTED", WORKER, clip(reason, 500));
    }

    private long errorCount(UUID statementId) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM bank_statement_error WHERE statement_id = ?1")
                .setParameter(1, statementId).getSingleResult()).longValue();
    }

    private static StatementLine line(UploadedStatement statement, BankStatement.Line read,
                                      StatementMatching.Decision decision) {
        StatementLine line = new StatementLine();
        line.id = Ids.newId();
        line.statementId = statement.id;
        line.lineNo = read.number();
        line.bankAccountId = statement.bankAccountId;
        line.bookedOn = read.bookedOn();
        line.amountVnd = read.amountVnd();
        line.bankReference = clip(read.bankReference(), 100);
        line.message = clip(read.message(), 500);
        line.counterpartyName = clip(read.counterpartyName(), 300);
        line.counterpartyAccount = clip(read.counterpartyAccount(), 60);
        line.outcome = decision.outcome();
        line.matchedBy = decision.by() == null ? null : decision.by().name();
        line.intentId = decision.intentId();
        if (decision.outcome() == StatementMatching.Outcome.SUGGESTED) {
            line.suggestedDonationId = decision.donationId();
        } else {
            line.donationId = decision.donationId();
        }
        line.paymentId = decision.paymentId();
        return line;
    }

    /** The account's intents whose reference no line has carried yet. */
    private List<StatementMatching.Intent> openIntents(BankAccount account) {
        return DonationIntent.<DonationIntent>find("""
                        from DonationIntent i where i.bankAccountId = ?1
                        and not exists (select 1 from StatementLine l where l.intentId = i.id)""",
                        account.id).stream()
                .map(i -> new StatementMatching.Intent(i.id, i.referenceCode, i.amountVnd)).toList();
    }

    /**
     * The fund's accepted bank transfers near the statement's period, into this account or no named one, that no
     * line is yet the match of.
     */
    private static List<StatementMatching.Donation> unmatchedDonations(BankAccount account, BankStatement read) {
        LocalDate from = read.openedOn().minusDays(StatementMatching.SUGGESTION_DAYS);
        LocalDate to = read.closedOn().plusDays(StatementMatching.SUGGESTION_DAYS);
        return Donation.<Donation>find("""
                        from Donation d where d.fundId = ?1 and d.kind = ?2 and d.status = ?3
                        and d.receivedOn between ?4 and ?5
                        and (d.bankAccountId is null or d.bankAccountId = ?6)
                        and (d.channel is null or d.channel = ?7)
                        and not exists (select 1 from StatementLine l where l.donationId = d.id)""",
                        account.fundId, DonationKind.CASH, Donation.Status.ACCEPTED, from, to, account.id,
                        PaymentChannel.BANK_TRANSFER).stream()
                .map(d -> new StatementMatching.Donation(d.id, d.bankReference, d.amountVnd, d.receivedOn,
                        d.donorName)).toList();
    }

    /** The account's payments by transfer that no line is yet the match of. */
    private static List<StatementMatching.Payment> unmatchedPayments(BankAccount account) {
        return Disbursement.<Disbursement>find("""
                        from Disbursement p where p.bankAccountId = ?1 and p.transferReference is not null
                        and not exists (select 1 from StatementLine l where l.paymentId = p.id)""", account.id)
                .stream().map(p -> new StatementMatching.Payment(p.id, p.transferReference, p.amountVnd)).toList();
    }

    private BankAccount account(UUID bankAccountId) {
        BankAccount account = bankAccountId == null ? null : BankAccount.findById(bankAccountId);
        if (account == null) {
            throw ProblemException.notFound("Bank account", bankAccountId);
        }
        scope.require(account.fundId, "Bank account", bankAccountId);
        return account;
    }

    private UploadedStatement statement(UUID bankAccountId, UUID statementId) {
        BankAccount account = account(bankAccountId);
        UploadedStatement statement = statementId == null ? null : UploadedStatement.findById(statementId);
        if (statement == null || !statement.bankAccountId.equals(account.id)) {
            throw ProblemException.notFound("Bank statement", statementId);
        }
        return statement;
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
