package org.lianxin.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseLifecycleTest {

    @Test
    void aCaseGoesFromRegisteredToClosedThroughTheDepartments() {
        CaseStatus[] path = { CaseStatus.REGISTERED, CaseStatus.TRIAGE, CaseStatus.DISPATCHED, CaseStatus.SIGNED,
                CaseStatus.IN_PROGRESS, CaseStatus.IN_REVIEW, CaseStatus.REPLIED, CaseStatus.CLOSED };
        for (int i = 1; i < path.length; i++) {
            assertThat(CaseLifecycle.allows(path[i - 1], path[i])).as(path[i - 1] + " -> " + path[i]).isTrue();
        }
    }

    @Test
    void reopenedAndReturnedCasesAreDispatchedAgain() {
        assertThat(CaseLifecycle.allows(CaseStatus.REPLIED, CaseStatus.REOPENED)).isTrue();
        assertThat(CaseLifecycle.allows(CaseStatus.CLOSED, CaseStatus.REOPENED)).isTrue();
        assertThat(CaseLifecycle.allows(CaseStatus.REOPENED, CaseStatus.DISPATCHED)).isTrue();
        assertThat(CaseLifecycle.allows(CaseStatus.RETURNED, CaseStatus.DISPATCHED)).isTrue();
    }

    @Test
    void aCaseIsNotAnsweredBeforeItReachesADepartmentNorClosedBeforeItIsAnswered() {
        assertThat(CaseLifecycle.allows(CaseStatus.REGISTERED, CaseStatus.REPLIED)).isFalse();
        assertThat(CaseLifecycle.allows(CaseStatus.TRIAGE, CaseStatus.SIGNED)).isFalse();
        assertThat(CaseLifecycle.allows(CaseStatus.DISPATCHED, CaseStatus.CLOSED)).isFalse();
        assertThat(CaseLifecycle.allows(CaseStatus.CLOSED, CaseStatus.DISPATCHED)).isFalse();
        assertThat(CaseLifecycle.allows(CaseStatus.MERGED, CaseStatus.REPLIED)).isFalse();
        // a case in review is decided by a supervisor, not returned by the department
        assertThat(CaseLifecycle.allows(CaseStatus.IN_REVIEW, CaseStatus.RETURNED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void stayingInAStatusIsAlwaysAllowed(CaseStatus status) {
        assertThat(CaseLifecycle.allows(status, status)).isTrue();
        assertThat(CaseLifecycle.next(status)).contains(status);
    }

    @Test
    void aRefusedMoveNamesTheCaseBothStatusesAndWhereItMayGo() {
        assertThatThrownBy(() -> CaseLifecycle.check("2026000001", CaseStatus.DISPATCHED, CaseStatus.CLOSED))
                .isInstanceOf(StatusMoveRefused.class)
                .hasMessage("case 2026000001 cannot move from DISPATCHED to CLOSED; from DISPATCHED it may move to "
                        + "[SIGNED, IN_PROGRESS, IN_REVIEW, REPLIED, RETURNED, MERGED, EXPLAINED]")
                .satisfies(e -> assertThat(((StatusMoveRefused) e).status()).isEqualTo(409));
    }
}
