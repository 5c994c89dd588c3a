package org.lianxin.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.RequestType;
import org.lianxin.directory.Department;
import org.springframework.core.io.ByteArrayResource;

class TriageRulesTest {

    final Classifier classifier = TriageFixtures.classifier();

    static TriageRules rules(String yaml) {
        return TriageRules.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test rules"));
    }

    static void assertChecksFail(String yaml, String message) {
        assertThatThrownBy(() -> rules(yaml).check(TriageFixtures.catalog(),
                TriageFixtures.lookup(TriageFixtures.departments())))
                .hasMessageContaining(message);
    }

    Classification classify(String title, String content, String location, String category) {
        return classifier.classify(new CaseFacts("2026000001", title, content, location, category, null));
    }

    @Test
    void theSampleRulesAreValidAndGiveEveryCategoryALeadDepartment() {
        assertThat(TriageFixtures.rules().check(TriageFixtures.catalog(),
                TriageFixtures.lookup(TriageFixtures.departments()))).isEmpty();
    }

    @Test
    void eachDecisionNamesItsRuleAndTheWordsThatMadeIt() {
        Classification c = classify("学校乱收费", "城关镇第二小学开学要求每个学生交500元补课费。", null, null);

        assertThat(c.type()).isEqualTo(new Decision<>(RequestType.COMPLAINT, "type-complaint", "“乱收费”"));
        assertThat(c.category()).isEqualTo(new Decision<>("education", "category-education", "“学校”“收费”“学生”“补课”"));
        assertThat(c.township()).isEqualTo(new Decision<>("cgz", "township-cgz", "“城关镇”"));
        assertThat(c.type().note("类型", "投诉")).isEqualTo("类型 投诉 (rule type-complaint: “乱收费”)");
        assertThat(classify("路灯", "路灯坏了", null, null).type())
                .isEqualTo(new Decision<>(RequestType.HELP, "type-default", null));
    }

    @Test
    void theChannelsCategoryWinsOverKeywords() {
        Classification c = classify("卫生院门口噪音", "卫生院门口每天晚上广场舞噪音扰民。", null, "health");

        assertThat(c.category()).isEqualTo(new Decision<>("health", "channel", null));
        assertThat(TriageFixtures.router(TriageFixtures.departments()).route(c).lead()).isEqualTo("wjj");
    }

    @Test
    void aTieBetweenCategoriesIsLeftToADispatcherWithBothNamed() {
        Classification c = classify("物业乱收费", "物业公司乱收费，停车费一年涨了三次。", null, null);

        assertThat(c.category()).isNull();
        assertThat(c.categoryDoubt()).contains("城乡建设“物业”", "教育“收费”");
        Routing routing = TriageFixtures.router(TriageFixtures.departments()).route(c);
        assertThat(routing.confident()).isFalse();
        assertThat(routing.reason()).isEqualTo(c.categoryDoubt());
    }

    @Test
    void hotByKeywordOrByVisitors() {
        assertThat(classifier.classify(new CaseFacts("1", "厂房坍塌", "城西工业园一处厂房坍塌。", null, null, null)).hot())
                .isEqualTo(new Decision<>(true, "hot-keywords", "“坍塌”"));
        assertThat(classifier.classify(new CaseFacts("1", "补偿款", "补偿款未发放。", null, null, 5)).hot())
                .isEqualTo(new Decision<>(true, "hot-visitors", "来访 5 人"));
        assertThat(classifier.classify(new CaseFacts("1", "补偿款", "补偿款未发放。", null, null, 4)).isHot()).isFalse();
    }

    @Test
    void anInactiveDepartmentIsNeverDispatchedTo() {
        Map<String, Department> departments = TriageFixtures.departments();
        departments.put("cgj", departments.get("cgj").withActive(false));
        Router router = TriageFixtures.router(departments);

        Routing noise = router.route(classify("夜间噪音", "工地每天晚上施工噪音扰民。", null, null));
        assertThat(noise.confident()).isFalse();
        assertThat(noise.rule()).isEqualTo("route-environment-noise-night");
        assertThat(noise.reason()).contains("cgj", "停用");
        departments.remove("gdj");
        assertThat(router.route(classify("停电", "小区停电了。", null, "utilities")).reason()).contains("gdj");
    }

    @Test
    void aCategoryWithoutARoutingRuleWaitsForADispatcher() {
        TriageRules only = rules("routing:\n  - { id: route-labour, category: labour, lead: rsj }\n");
        assertThat(only.check(TriageFixtures.catalog(), TriageFixtures.lookup(TriageFixtures.departments())))
                .contains("utilities", "urban").doesNotContain("labour");
        Router router = new Router(only, TriageFixtures.lookup(TriageFixtures.departments()), TriageFixtures.catalog());

        Routing routing = router.route(classify("停电", "小区停电了。", null, "utilities"));
        assertThat(routing.confident()).isFalse();
        assertThat(routing.reason()).isEqualTo("类别 供水供电供热 没有相符的派单规则");
    }

    @Test
    void aBadRuleFailsNamingTheRuleAndField() {
        assertChecksFail("routing:\n  - { id: route-x, category: labour, lead: nobody }\n",
                "triage rule route-x: lead: no department 'nobody'");
        assertChecksFail("routing:\n  - { id: route-x, category: weather, lead: rsj }\n",
                "triage rule route-x: category: 'weather'");
        assertChecksFail("routing:\n  - { id: route-x, category: labour, lead: rsj, co-handlers: [zjj, nobody] }\n",
                "triage rule route-x: co-handlers: no department 'nobody'");
        assertChecksFail("routing:\n  - { id: route-x, category: urban, lead: township }\n",
                "triage rule route-x: lead: 'township' needs a townships condition");
        assertChecksFail("routing:\n  - { id: route-x, category: urban, townships: [atlantis], lead: township }\n",
                "triage rule route-x: townships: 'atlantis'");
        assertChecksFail("types:\n  - { id: t, type: HELP, keywords: [求助] }\n  - { id: t, type: HELP, keywords: [帮] }\n",
                "triage rule t: id: used by another rule");
        assertChecksFail("types:\n  - { id: t, type: HELP }\n", "triage rule t: keywords");
        assertChecksFail("townships:\n  - { id: township-x, department: zjj, names: [某镇] }\n",
                "triage rule township-x: department: 'zjj' is not a township");
        assertChecksFail("categories:\n  weather: [下雨]\n", "triage rule categories: weather");
        assertThatThrownBy(() -> rules("routing:\n  - { id: route-x, categroy: labour, lead: rsj }\n"))
                .hasMessageContaining("test rules").hasMessageContaining("categroy");
    }
}
