package org.lianxin.reports;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recorded facts written straight into the tables with known times, as the hub would have written them: cases,
 * intakes, lead and co-handling slips, answers, ratings and events. Times are given in county time (+08:00).
 */
final class ReportFacts {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcTemplate db;

    ReportFacts(JdbcTemplate db) {
        this.db = db;
    }

    /** "2026-01-05 10:00" in county time. */
    static OffsetDateTime t(String countyMinute) {
        return LocalDateTime.parse(countyMinute, MINUTE).atOffset(ZoneOffset.ofHours(8));
    }

    /** The end of a county day, as deadlines are: "2026-01-08" → 2026-01-08 23:59:59+08:00. */
    static OffsetDateTime endOf(String countyDay) {
        return t(countyDay + " 23:59").plusSeconds(59);
    }

    void department(String id, String name) {
        if (db.queryForObject("select count(*) from department where id = ?", Long.class, id) == 0) {
            db.update("insert into department (id, name, kind, prefers_email, prefers_sms, may_see_phone, active, "
                    + "updated_at) values (?, ?, 'department', true, false, false, true, now())", id, name);
            db.update("insert into department_address values (?, 'email', ?)", id, id + "@r.example.cn");
        }
    }

    /** A case with one hotline intake; its intake id. */
    long caseWithIntake(String caseNo, String status, String title, OffsetDateTime received) {
        db.update("insert into citizen_case (case_no, query_code, title, content, status, received_at, created_at, "
                + "updated_at) values (?, 'QC', ?, ?, ?, ?, ?, ?)", caseNo, title, title + "，请处理。", status, received,
                received, received);
        return intake(caseNo, "hotline", received);
    }

    long intake(String caseNo, String channel, OffsetDateTime received) {
        db.update("insert into case_intake (case_no, channel, external_id, citizen_phone, received_at, created_at) "
                + "values (?, ?, ?, '13800000000', ?, ?)", caseNo, channel, "R-" + UUID.randomUUID(), received,
                received);
        return db.queryForObject("select max(id) from case_intake where case_no = ?", Long.class, caseNo);
    }

    void slip(String slipNo, String caseNo, String department, String role, String status, OffsetDateTime issued,
            OffsetDateTime deadline, OffsetDateTime returned) {
        db.update("insert into slip (slip_no, case_no, department_id, role, status, request_type, deadline, "
                + "link_expires_at, decided_by, issued_at, returned_at) values (?, ?, ?, ?, ?, 'HELP', ?, ?, "
                + "'rule:test', ?, ?)", slipNo, caseNo, department, role, status, deadline, deadline.plusDays(30),
                issued, returned);
    }

    void lead(String slipNo, String caseNo, String department, String status, OffsetDateTime issued,
            OffsetDateTime deadline) {
        slip(slipNo, caseNo, department, "LEAD", status, issued, deadline, null);
    }

    /** kind: FINAL (办结), EXPLANATION (说明), PROGRESS (进展) … */
    void answer(String slipNo, String kind, OffsetDateTime at) {
        String caseNo = db.queryForObject("select case_no from slip where slip_no = ?", String.class, slipNo);
        String department = db.queryForObject("select department_id from slip where slip_no = ?", String.class, slipNo);
        db.update("insert into case_answer (case_no, slip_no, department_id, kind, body, public_answer, created_at, "
                + "ref, published_at) values (?, ?, ?, ?, '已处理。', true, ?, ?, ?)", caseNo, slipNo, department, kind,
                at, "answer-" + UUID.randomUUID().toString().substring(0, 18), at);
    }

    void rating(String caseNo, long intakeId, int round, String rating, OffsetDateTime at) {
        db.update("insert into case_rating (case_no, intake_id, round, rating, channel, rated_at) "
                + "values (?, ?, ?, ?, 'hotline', ?)", caseNo, intakeId, round, rating, at);
    }

    void event(String caseNo, String action, OffsetDateTime at) {
        db.update("insert into case_event (case_no, occurred_at, actor, action) values (?, ?, 'system', ?)", caseNo,
                at, action);
    }
}
