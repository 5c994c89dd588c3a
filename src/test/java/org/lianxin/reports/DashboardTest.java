package org.lianxin.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.lianxin.security.StaffUsers;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.repeats.HotClustersTest;
import org.lianxin.repeats.RepeatFixtures;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * /dashboard/data, the figures the dashboard shows: counted from the records at each request, so what is written
 * between two requests shows in the second (other tests' cases share the database: compared before and after).
 */
@LianxinTest
class DashboardTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;
    @Autowired
    StaffUsers users;

    JsonNode dashboard(PageSession supervisor) {
        HttpAnswer data = supervisor.get("/dashboard/data", "Accept", "application/json");
        assertThat(data.status()).as(data.toString()).isEqualTo(200);
        return data.json();
    }

    static int count(JsonNode list, String key, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.path(key).asText())) {
                return n.get("count").asInt();
            }
        }
        return 0;
    }

    static int todayOf(JsonNode intake, String channel) {
        for (JsonNode s : intake.get("series")) {
            if (channel.equals(s.get("channel").asText())) {
                JsonNode counts = s.get("counts");
                return counts.get(counts.size() - 1).asInt();
            }
        }
        throw new AssertionError("no series " + channel);
    }

    @Test
    void figuresFollowTheRecordsWrittenBetweenTwoRequests() {
        PageSession supervisor = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        JsonNode before = dashboard(supervisor);

        ReportFacts f = new ReportFacts(db);
        f.department("r-dash", "看板测试局");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
        String overdue = "RD" + tag + "O";
        String dueSoon = "RD" + tag + "S";
        String later = "RD" + tag + "L";
        for (String caseNo : List.of(overdue, dueSoon, later)) {
            f.caseWithIntake(caseNo, "DISPATCHED", "看板测试" + caseNo, now.minusDays(2));
        }
        f.intake(later, "desk", now);
        f.lead(overdue + "-1", overdue, "r-dash", "SIGNED", now.minusDays(2), now.minusHours(1));
        f.lead(dueSoon + "-1", dueSoon, "r-dash", "ISSUED", now.minusDays(2), now.plusHours(20));
        f.lead(later + "-1", later, "r-dash", "ISSUED", now.minusDays(2), now.plusDays(5));
        db.update("insert into slip_delivery (slip_no, channel, address, status, attempts, send_round, created_at, "
                + "updated_at) values (?, 'email', 'r-dash@r.example.cn', 'DEAD', 8, 1, ?, ?)", overdue + "-1", now, now);

        // the later case was reported again twice in the window, once long before it
        db.update("update citizen_case set repeat_count = 3 where case_no = ?", later);
        for (OffsetDateTime at : List.of(now.minusDays(1), now.minusHours(3), now.minusDays(40))) {
            db.update("insert into case_event (case_no, occurred_at, actor, channel, action) values (?, ?, "
                    + "'channel:hotline', 'hotline', 'repeat-joined')", later, at);
        }

        JsonNode after = dashboard(supervisor);
        JsonNode repeat = null;
        for (JsonNode r : after.get("repeats")) {
            repeat = later.equals(r.get("caseNo").asText()) ? r : repeat;
        }
        assertThat(repeat).as("the repeated case on the dashboard").isNotNull();
        assertThat(repeat.get("recent").asInt()).isEqualTo(2);
        assertThat(repeat.get("total").asInt()).isEqualTo(3);
        assertThat(after.get("repeats").findValuesAsText("caseNo")).doesNotContain(overdue, dueSoon);
        assertThat(after.at("/overdue/count").asInt()).isEqualTo(before.at("/overdue/count").asInt() + 1);
        assertThat(after.at("/overdue/slips").findValuesAsText("slipNo")).contains(overdue + "-1")
                .doesNotContain(dueSoon + "-1", later + "-1");
        assertThat(after.at("/dueSoon/count").asInt()).isEqualTo(before.at("/dueSoon/count").asInt() + 1);
        assertThat(after.at("/dueSoon/slips").findValuesAsText("slipNo")).contains(dueSoon + "-1")
                .doesNotContain(overdue + "-1", later + "-1");
        assertThat(after.at("/deadLetters/parkedDeliveries").asInt())
                .isEqualTo(before.at("/deadLetters/parkedDeliveries").asInt() + 1);
        assertThat(count(after.get("openByDepartment"), "departmentId", "r-dash")).isEqualTo(3);
        assertThat(count(after.get("openByStatus"), "status", "DISPATCHED"))
                .isEqualTo(count(before.get("openByStatus"), "status", "DISPATCHED") + 3);
        // three hotline intakes received two days ago, one desk intake now (the last day is today)
        assertThat(after.at("/intake/days").size()).isEqualTo(30);
        assertThat(todayOf(after.get("intake"), "desk")).isEqualTo(todayOf(before.get("intake"), "desk") + 1);
        assertThat(after.at("/intake/series").findValuesAsText("channel"))
                .containsExactlyInAnyOrder("desk", "hotline", "open311", "portal");

        // this quarter's rates are the quarterly report's totals for it
        QuarterlyReportData quarter = camel.requestBodyAndHeader("direct:quarterly-report", null, "reportQuarter",
                Quarter.containing(now.toInstant()), QuarterlyReportData.class);
        assertThat(after.at("/quarter/answered").asInt()).isEqualTo(quarter.total().answered());
        assertThat(after.at("/quarter/rated").asInt()).isEqualTo(quarter.total().rated());
        assertThat(after.at("/quarter/quarter").asText()).isEqualTo(quarter.quarter().label());
    }

    @Test
    void theHotIssuesPanelShowsTheClustersOfTheWeek() throws Exception {
        PageSession supervisor = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        // six citizens about one water cut this week: a hot issue
        for (String[] call : HotClustersTest.WATER) {
            RepeatFixtures.call(hub(), RepeatFixtures.phone(), call[0], call[1]);
        }
        // the panel shows the clusters computed last: the refresh timer's run, now
        camel.requestBody("direct:hot-clusters", null, List.class);

        JsonNode hot = dashboard(supervisor).get("hotIssues");
        assertThat(hot.get("available").asBoolean()).isTrue();
        JsonNode water = null;
        for (JsonNode c : hot.get("clusters")) {
            water = c.get("title").asText().startsWith("停水") ? c : water;
        }
        assertThat(water).as("the water cut among the hot issues: " + hot).isNotNull();
        assertThat(water.get("size").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(supervisor.get("/dashboard").text()).contains(water.get("title").asText());
    }

    @Test
    void onlySupervisorsSeeTheDashboardAndReports() {
        String desk = "desk-" + System.nanoTime();
        users.create(desk, "desk-pass-1", "接待员", List.of("DESK", "DISPATCHER"));
        PageSession staff = PageSession.loggedIn(port, desk, "desk-pass-1");
        for (String path : List.of("/dashboard", "/dashboard/data", "/reports/quarterly?year=2026&quarter=1",
                "/reports/quarterly.csv?year=2026&quarter=1", "/reports/quarterly.xlsx?year=2026&quarter=1",
                "/reports/quarterly/print?year=2026&quarter=1", "/reports/spot-checks")) {
            assertThat(staff.get(path).status()).as(path).isEqualTo(403);
        }
        String csrf = PageSession.hidden(staff.get("/"), PageSession.CSRF);
        assertThat(staff.postForm("/reports/spot-checks", Map.of("from", "2026-01-01", "to", "2026-01-31",
                "size", "3", PageSession.CSRF, csrf)).status()).isEqualTo(403);
        assertThat(db.queryForObject("select count(*) from spot_check where created_by = ?", Long.class, desk))
                .isZero();
        // and the home page offers no tile for it
        assertThat(staff.get("/").text()).doesNotContain("dashboard-link");
        assertThat(PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD).get("/").text())
                .contains("dashboard-link");
        // not logged in: to the login page
        assertThat(new PageSession(port).get("/dashboard").status()).isEqualTo(302);
    }
}
