package vn.vnn.emulation.honours;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.sql.StatementTimeout;
import vn.vnn.kit.time.VietnamClock;

import java.time.Duration;
import java.util.UUID;

/** The public honours board and the nominees open for comment, read by anyone under a statement timeout. */
@ApplicationScoped
public class HonoursService {

    /** Longest any query of a public read may run (503 with Retry-After beyond). */
    @ConfigProperty(name = "vnn.public.statement-timeout", defaultValue = "5s")
    Duration publicTimeout;

    private final HonoursBoard board;
    private final EntityManager entityManager;
    private final VietnamClock clock;

    HonoursService(HonoursBoard board, EntityManager entityManager, VietnamClock clock) {
        this.board = board;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Decided awards that stand (revoked ones leave the board), newest first. */
    @Transactional
    public Page<Honour> honours(UUID movementId, String areaCode, PageRequest page) {
        StatementTimeout.apply(entityManager, publicTimeout);
        return Page.of(board.honours(movementId, areaCode, page.offset(), page.size()), page,
                board.honoursCount(movementId, areaCode));
    }

    /** Nominees whose comment period is open today, in an area or everywhere, the latest posted first. */
    @Transactional
    public Page<Announced> open(String areaCode, PageRequest page) {
        StatementTimeout.apply(entityManager, publicTimeout);
        return Page.of(board.open(clock.today(), areaCode, page.offset(), page.size()), page,
                board.openCount(clock.today(), areaCode));
    }
}
