package org.lianxin.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The case store against PostgreSQL: lists in, the life cycle checked, nothing half-written. */
@LianxinTest
class CaseStoreTest extends HubTestSupport {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 6, 9, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    CaseStore store;
    @Autowired
    TransactionTemplate tx;

    /** A case row of its own, outside every flow, in the given status. */
    String caseIn(CaseStatus status) {
        String caseNo = "T" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        db.update("insert into citizen_case (case_no, query_code, title, content, status, received_at, created_at,"
                + " updated_at) values (?, 'T', 'store test', 'store test', ?, ?, ?, ?)", caseNo, status.name(), NOW,
                NOW, NOW);
        return caseNo;
    }

    String status(String caseNo) {
        return db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo);
    }

    List<String> events(String caseNo) {
        return db.queryForList("select action || ':' || coalesce(from_status, '-') || '>' || coalesce(to_status, '-')"
                + " from case_event where case_no = ? order by id", String.class, caseNo);
    }

    StatusMove move(String caseNo, CaseStatus from, CaseStatus to) {
        return new StatusMove(caseNo, from, to, NOW, "user:test", null, "test-" + to.name().toLowerCase(), null);
    }

    @Test
    void movesAListOfCasesEachWithItsEvent() {
        String a = caseIn(CaseStatus.DISPATCHED);
        String b = caseIn(CaseStatus.SIGNED);
        store.move(List.of(move(a, CaseStatus.DISPATCHED, CaseStatus.SIGNED),
                move(b, CaseStatus.SIGNED, CaseStatus.REPLIED)));
        assertThat(status(a)).isEqualTo("SIGNED");
        assertThat(status(b)).isEqualTo("REPLIED");
        assertThat(events(a)).containsExactly("test-signed:DISPATCHED>SIGNED");
        assertThat(events(b)).containsExactly("test-replied:SIGNED>REPLIED");
    }

    @Test
    void anIllegalMoveIsRefusedAndNoMoveOfItsListIsMade() {
        String fine = caseIn(CaseStatus.DISPATCHED);
        String early = caseIn(CaseStatus.DISPATCHED);
        assertThatThrownBy(() -> tx.executeWithoutResult(t -> store.move(List.of(
                move(fine, CaseStatus.DISPATCHED, CaseStatus.SIGNED),
                move(early, CaseStatus.DISPATCHED, CaseStatus.CLOSED)))))
                .isInstanceOf(StatusMoveRefused.class)
                .hasMessageStartingWith("case " + early + " cannot move from DISPATCHED to CLOSED");
        assertThat(status(fine)).isEqualTo("DISPATCHED");
        assertThat(status(early)).isEqualTo("DISPATCHED");
        assertThat(events(fine)).isEmpty();
        assertThat(events(early)).isEmpty();
    }

    @Test
    void aCaseThatMovedOnSinceTheDecisionIsLeftAloneAndNoEventClaimsTheMove() {
        String caseNo = caseIn(CaseStatus.RETURNED);
        store.move(List.of(move(caseNo, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS)));
        assertThat(status(caseNo)).isEqualTo("RETURNED");
        assertThat(events(caseNo)).isEmpty();
    }

    @Test
    void reopeningCountsTheRoundItsCitizensRateNext() {
        String caseNo = caseIn(CaseStatus.REPLIED);
        store.move(List.of(move(caseNo, CaseStatus.REPLIED, CaseStatus.REOPENED)));
        store.move(List.of(move(caseNo, CaseStatus.REOPENED, CaseStatus.REOPENED)));
        assertThat(db.queryForObject("select reopen_count from citizen_case where case_no = ?", Integer.class, caseNo))
                .isEqualTo(1);
        assertThat(events(caseNo)).containsExactly("test-reopened:REPLIED>REOPENED", "test-reopened:REOPENED>REOPENED");
    }

    @Test
    void writesKindsEventsAndMovesInOneCallAndRollsThemBackTogether() {
        String caseNo = caseIn(CaseStatus.REGISTERED);
        CaseWrites writes = new CaseWrites(List.of(new CaseKind(caseNo, "COMPLAINT", "C01", true, true, NOW)),
                List.of(CaseEvent.of(caseNo, NOW, "system", null, "classified", "投诉")),
                List.of(move(caseNo, CaseStatus.REGISTERED, CaseStatus.TRIAGE)), List.of());
        assertThatThrownBy(() -> tx.executeWithoutResult(t -> {
            store.write(writes);
            throw new IllegalStateException("the flow failed after the store wrote");
        })).hasMessage("the flow failed after the store wrote");
        assertThat(status(caseNo)).isEqualTo("REGISTERED");
        assertThat(events(caseNo)).isEmpty();

        tx.executeWithoutResult(t -> store.write(writes));
        assertThat(db.queryForMap("select request_type, category, hot, status from citizen_case where case_no = ?",
                caseNo)).containsEntry("request_type", "COMPLAINT").containsEntry("category", "C01")
                .containsEntry("hot", true).containsEntry("status", "TRIAGE");
        assertThat(events(caseNo)).containsExactly("classified:->-", "test-triage:REGISTERED>TRIAGE");
    }
}
