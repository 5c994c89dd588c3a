package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.support.BrowserTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestEnvironment;
import org.openqa.selenium.By;

/** The dashboard in a real Chromium: ECharts loaded from the hub's own webjar draws its charts with the figures. */
@LianxinTest
class DashboardInBrowserTest extends BrowserTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void theChartsAreDrawnWithTheFiguresOfThePage() {
        TestCases.awaitingDispatcher(hub(), db, "");
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
        browser.find(By.id("dashboard-link")).click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/dashboard"));
        browser.waitUntil(d -> Boolean.TRUE.equals(d.executeScript(
                "return typeof echarts !== 'undefined' && !!echarts.getInstanceByDom(document.getElementById('chart-intake'))"
                        + " && !!echarts.getInstanceByDom(document.getElementById('chart-status'));")));

        Map<String, Object> intake = (Map<String, Object>) browser.driver().executeScript(
                "var o = echarts.getInstanceByDom(document.getElementById('chart-intake')).getOption();"
                        + "return {series: o.series.map(function (s) { return s.name; }),"
                        + " days: o.xAxis[0].data.length,"
                        + " total: o.series.reduce(function (t, s) { return t + s.data.reduce(function (a, b) { return a + b; }, 0); }, 0)};");
        assertThat((List<Object>) intake.get("series")).containsExactlyInAnyOrder("来访", "热线", "网站（Open311）", "网站（留言库）");
        assertThat(((Number) intake.get("days")).intValue()).isEqualTo(30);
        assertThat(((Number) intake.get("total")).intValue()).isPositive();

        Map<String, Object> status = (Map<String, Object>) browser.driver().executeScript(
                "var o = echarts.getInstanceByDom(document.getElementById('chart-status')).getOption();"
                        + "return {labels: o.yAxis[0].data, values: o.series[0].data};");
        assertThat((List<Object>) status.get("labels")).contains("待分派");
        assertThat((List<?>) status.get("values")).isNotEmpty();

        // drawn: a canvas of the chart's size with pixels on it
        Object painted = browser.driver().executeScript(
                "var c = document.querySelector('#chart-intake canvas'); if (!c || c.width === 0) { return false; }"
                        + "var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "for (var i = 3; i < px.length; i += 4) { if (px[i] !== 0) { return true; } } return false;");
        assertThat(painted).isEqualTo(true);
        assertThat(browser.text(By.id("figure-overdue"))).isNotBlank();
        assertThat(browser.text(By.id("hot-issues"))).contains("热点问题");
    }
}
